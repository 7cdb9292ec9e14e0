/* The search engine of hoctap-search.js, loaded by it when search is first used: Vietnamese
 * terms, symbols, ranking by how much of the query a page covers, and excerpts marked where the
 * query matched, over MiniSearch; what the member typed is read by hoctap-search-query.js (question
 * words, typing mistakes, the glossary's abbreviations). Terms follow scripts/hoctap/search/text.py:
 * keep the two in step.
 */
"use strict";

var TONES = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
var MAX_GROUPS = 50, MAX_SECTIONS = 6, RERANKED = 100, MAX_WORDS = 30;  /* pages, sections shown per page */
/* Ranking by how much of the query a section covers, with its page's title (`scores` weighs each
   word): one covering less than MIN_COVERAGE is no result; coverage, raised to COVERAGE_POWER,
   scales the rest; a guessed word (hoctap-search-query.js) covers GUESSED_COVERS of its share.
   tests/test_search_questions.py and benchmarks/search.py show the cases. */
var MIN_COVERAGE = 0.7, COVERAGE_POWER = 3, GUESSED_COVERS = 0.75;
/* A section that says neighbouring words of the query one after the other, in its text or its
   title, and one that has the words typed with their diacritics, rank higher. */
var PHRASE_BOOST = 2, TITLE_PHRASE_BOOST = 4, EXACT_BOOST = 4;
var OPTIONS = {
  boost: { title: 3, symbol: 5 },
  tokenize: function (text) { return [text]; },
  processTerm: function (term) { return term; }
};
var TITLES = Object.assign({ fields: ["title"] }, OPTIONS);

var engine = null, symbols = {}, docs = [], byLocation = {}, parts = [];
var pageOf = [], pageIdOf = [], said = [];  /* per section: its page's location and number; its words, once read */
var spelledOut = {}, abbreviationOf = {};  /* the glossary, folded: mttq ↔ "mat tran to quoc" */
var folded = new Map(), exacts = new Map();  /* words seen, folded and exact */

function words(text) {
  return text.normalize("NFC").match(/[\p{L}\p{N}\p{M}]+/gu) || [];
}

function lower(word) {
  return word.replace(/[Ðð]/g, "đ").toLowerCase();
}

function fold(word) {
  var known = folded.get(word);
  if (known === undefined) {
    known = lower(word).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
    folded.set(word, known);
  }
  return known;
}

/* The word as written with its tone moved to the end, so `hoà` and `hòa` are one term. */
function exact(word) {
  var known = exacts.get(word);
  if (known === undefined) {
    var base = "", tone = "";
    for (var ch of lower(word).normalize("NFD")) {
      if (TONES[ch]) tone = TONES[ch];
      else base += ch;
    }
    known = base.normalize("NFC") + tone;
    known = known !== fold(word) ? "=" + known : null;
    exacts.set(word, known);
  }
  return known;
}

function escape(text) {
  return text.replace(/[&<>"]/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch];
  });
}

/* MiniSearch over our index: its serialised form without postings; each term's postings are
   then set as MiniSearch.loadJS itself sets them (MiniSearch 7.2.0, vendored), straight from
   our compact lists (scripts/hoctap/search/index.py), shard by shard as queries need them. */
function open(data) {
  var n = data.docs.length, ids = {}, lengths = {}, sums = data.fields.map(function () { return 0; }), fieldIds = {};
  for (var i = 0; i < n; i++) {
    ids[i] = i;
    lengths[i] = data.lengths[i];
    for (var f = 0; f < sums.length; f++) sums[f] += data.lengths[i][f];
  }
  data.fields.forEach(function (name, f) { fieldIds[name] = f; });
  return MiniSearch.loadJS({
    documentCount: n, nextId: n, documentIds: ids, fieldIds: fieldIds, fieldLength: lengths,
    averageFieldLength: sums.map(function (sum) { return sum / (n || 1); }), storedFields: {},
    dirtCount: 0, index: [], serializationVersion: 2
  }, { fields: data.fields });
}

/* A shard's postings, its documents numbered from `offset` (where its index's documents start). */
function add(terms, offset) {
  for (var term in terms) {
    var perField = engine._index.get(term) || new Map(), lists = terms[term];
    for (var f = 0; f < lists.length; f++) {
      if (!lists[f].length) continue;
      var found = perField.get(f) || new Map(), id = offset;
      for (var value of lists[f]) {
        if (value < 0) found.set(id, -value);
        else found.set(id += value, 1);
      }
      perField.set(f, found);
    }
    engine._index.set(term, perField);
  }
}

/* The heads of the indexes, the page's language first: sections, symbols, the names of the
   term shards. The sections follow one another; those of a Vietnamese page that the first index
   translates are kept as holes (null), so that the postings' numbers stay as written. */
function start(heads) {
  var translated = new Set(heads[0].originals ? heads[0].originals.translated : []);
  var data = { fields: heads[0].fields, docs: [], lengths: [] };
  parts = heads.map(function (head, h) {
    var offset = data.docs.length;
    head.docs.forEach(function (doc, i) {
      data.docs.push(h && translated.has(doc[0].split("#")[0]) ? null : doc);
      data.lengths.push(head.lengths[i]);
    });
    for (var short in head.abbreviations || {}) {
      spelledOut[short] = head.abbreviations[short].split(" ");
      abbreviationOf[head.abbreviations[short]] = short;
    }
    for (var spelling in head.symbols) {
      var pages = head.symbols[spelling].filter(function (page) { return !(h && translated.has(page)); });
      if (pages.length) symbols[spelling] = (symbols[spelling] || []).concat(pages);
    }
    return { lang: head.lang, offset: offset, scriptOf: head.shards, loaded: {} };
  });
  engine = open(data);
  docs = data.docs;
  docs.forEach(function (doc, i) { if (doc) byLocation[doc[0]] = i; });
  pageOf = docs.map(function (doc) { return doc && doc[0].split("#")[0]; });
  pageIdOf = pageOf.map(function (page) { return page ? byLocation[page] : undefined; });
}

function shardFile(key) {
  return /^[a-z0-9]+$/.test(key) ? key : "x" + Array.from(key).map(function (ch) {
    return ch.codePointAt(0).toString(16);
  }).join("-");
}

/* The postings scripts a query reads: its terms' shards (index.py's shard_of: two first folded
   letters), each in the script its index's head names for it (shards with few terms share one). */
function read(terms) {
  var wanted = [];
  parts.forEach(function (part) {
    terms.forEach(function (term) {
      var key = part.scriptOf[fold(term.replace(/^=/, "")).slice(0, 2)];
      if (key !== undefined && !part.loaded[key] && !wanted.some(function (w) { return w.part === part && w.key === key; }))
        wanted.push({ part: part, key: key });
    });
  });
  if (!wanted.length) return Promise.resolve();
  return Promise.resolve(importScripts.apply(self, wanted.map(function (w) {
    return script(w.part.lang, "-" + shardFile(w.key));
  }))).then(function () {
    wanted.forEach(function (w) {
      var name = w.part.lang + "/" + w.key;
      add(self.hoctapShards[name], w.part.offset);
      delete self.hoctapShards[name];
      w.part.loaded[w.key] = true;
    });
  });
}

/* Pages whose symbol the query spells: whole (`18 ctr tu`), begun (`18-CTr/T`) or inside a longer query. */
function pinned(query) {
  var key = words(query).map(fold).join(""), found = {};
  var begun = key.length >= 3 && /\d/.test(key) && /[a-z]/.test(key);
  for (var spelling in symbols) {
    var weight = spelling === key ? 3
      : begun && spelling.startsWith(key) ? 2
      : spelling.length >= 6 && key.includes(spelling) ? 1 : 0;
    if (weight)
      for (var page of symbols[spelling]) found[page] = Math.max(found[page] || 0, weight);
  }
  return found;
}

/* Marks the words of a text that the query really matched (`matches`, hoctap-search-query.js);
   returns the HTML and the words as the page writes them. */
function mark(text, list) {
  var seen = {};
  var html = text.split(/([\p{L}\p{N}\p{M}]+)/u).map(function (part, i) {
    if (i % 2 === 0) return escape(part);  /* between words */
    var folded = fold(part);
    if (!list.some(function (a) { return matches(a, part, folded); })) return part;
    seen[part.toLowerCase()] = true;
    return "<mark data-md-highlight>" + part + "</mark>";
  }).join("");
  return { html: html, seen: seen };
}

/* The part of a text around its first match, so the excerpt shows why it was found. */
function around(text, list) {
  var at = -1, offset = 0;
  for (var word of words(text)) {
    offset = text.indexOf(word, offset);
    var folded = fold(word);
    if (list.some(function (a) { return matches(a, word, folded); })) { at = offset; break; }
    offset += word.length;
  }
  if (at < 100) return text;
  return "… " + text.slice(text.indexOf(" ", at - 50) + 1);
}

function item(number, score, list) {
  var doc = docs[number], title = mark(doc[1], list), text = mark(around(doc[2], list), list);
  return {
    location: doc[0], title: title.html, text: text.html ? "<p>" + text.html + "</p>" : "",
    score: score, terms: Object.assign({}, title.seen, text.seen)
  };
}

/* How much of the query a section's own words say exactly as typed, and in the query's order:
   each two neighbouring units of the query (question words left out) said one after the other
   in its title or its page's, or in its text, raise it (a Vietnamese word is often two
   syllables: `hội nghị`). Each unit is any term it matched. */
function closeness(id, found, typed) {
  var said = saying(id), own = pageIdOf[id];
  var title = own !== undefined && own !== id ? said.title.concat([""], saying(own).title) : said.title;
  var text = said.text, factor = 1;
  var run = found.filter(function (unit) { return !unit.question; });
  if (run.length > 1) {
    var inTitle = 0, inText = 0;
    for (var i = 0; i + 1 < run.length; i++) {
      if (includesAlike(title, run.slice(i, i + 2))) inTitle++;
      else if (includesAlike(text, run.slice(i, i + 2))) inText++;
    }
    factor *= 1 + ((TITLE_PHRASE_BOOST - 1) * inTitle + (PHRASE_BOOST - 1) * inText) / (run.length - 1);
  }
  if (typed.length)
    factor *= 1 + (EXACT_BOOST - 1) * typed.filter(function (e) { return said.exact.has(e); }).length / typed.length;
  return factor;
}

/* A section's title and text as folded words, and the exact forms of both, kept once computed. */
function saying(id) {
  if (!said[id]) {
    var title = words(docs[id][1]), text = words(docs[id][2]);
    said[id] = { title: title.map(fold), text: title.concat(text).map(fold), exact: new Set(title.concat(text).map(exact)) };
  }
  return said[id];
}

/* Whether the folded words `list` say the units one after another (a unit: its words, or its abbreviation). */
function includesAlike(list, run) {
  for (var start = 0; start < list.length; start++) {
    var at = start;
    var whole = run.every(function (unit) {
      if (unit.short && list[at] === unit.short) return ++at;
      var said = unit.words.every(function (a, k) { return list[at + k] === a.folded || a.matched.has(list[at + k]); });
      at += unit.words.length;
      return said;
    });
    if (whole) return true;
  }
  return false;
}

/* The results of a query, once the shards of its words are read. */
function answer(value) {
  return read(wanted(words(value))).then(function () {
    return search(value);
  });
}

/* Each unit's search (hoctap-search-query.js), its sections' scores added up, and per section
   the units it has (a bit each) and those in its title. A question word is looked for in titles
   only: a heading that says it ("Ai tham dự" for `ai`) answers the question, a text that says it
   does not, and common words cost most to look up. Each unit weighs, for coverage, as rare as it
   is (a word few sections have says more of what is sought), once per word. MiniSearch's
   executeQuery (7.2.0) gives its results unsorted, by section number. */
function scores(found, n) {
  var out = { ids: [], score: new Float64Array(n), covered: new Int32Array(n), titled: new Int32Array(n) };
  found.forEach(function (unit, i) {
    var hits = engine.executeQuery(unit.node, unit.question ? TITLES : OPTIONS), matched = reach(unit);
    var typed = unit.words.filter(function (a) { return a.exact && !a.typo; });
    /* A word no page has says nothing of which page is sought. */
    unit.weight = unit.question || !hits.size ? 0 : unit.words.length * Math.log(1 + n / (1 + hits.size));
    unit.found = hits.size > 0;
    unit.words.forEach(function (a) { a.matched = matched; });
    hits.forEach(function (hit, id) {
      if (!out.covered[id]) out.ids.push(id);
      out.covered[id] |= 1 << i;
      for (var term in hit.match) {
        var fields = hit.match[term];
        if (fields.length > 1 || fields[0] !== "text") { out.titled[id] |= 1 << i; break; }
      }
      var other = typed.length && typed.some(function (a) { return otherDiacritics(a, hit.match); });
      out.score[id] += hit.score * (other ? OTHER_DIACRITICS_WEIGHT : 1);
    });
  });
  return out;
}

/* The share of the query's weight that the units `covered` (a bit each) make up. */
function coverage(found, covered) {
  var total = 0, have = 0;
  found.forEach(function (unit, i) {
    total += unit.weight;
    if (covered & (1 << i)) have += unit.weight * (unit.guessed ? GUESSED_COVERS : 1);
  });
  return total ? have / total : 1;
}

function search(value) {
  var list = asked(words(value).slice(0, MAX_WORDS));
  if (!list.length) return { items: [] };
  var last = list[list.length - 1], prefix = !/\s$/.test(value) && last.folded.length > 1;
  /* The word being typed, a letter so far, need not match yet. */
  if (!/\s$/.test(value) && last.folded.length === 1 && list.length > 1) last.question = true;
  var found = units(list, prefix), sections = scores(found, docs.length);
  var typed = list.map(function (a) { return a.exact; }).filter(Boolean);
  var pins = pinned(value);
  /* Nothing the site has: no word of the query (but its question words) is on any page. */
  if (!found.some(function (unit) { return unit.found && !unit.question; }) && !Object.keys(pins).length) return { items: [] };

  /* Group sections under their page, as Material shows them. A section ranks by the share of the
     query it covers, with the words of its page's title, then by its score: a document's own page
     (its weight, from the index), and sections that say the query as typed, count more. One that
     covers less than MIN_COVERAGE of the query is left out. A page ranks by its best section and
     half its next one. */
  var groups = new Map(), ranked = [], shares = new Map();
  sections.ids.forEach(function (id) {
    var doc = docs[id];
    if (!doc) return;  /* a Vietnamese page this language has translated */
    var own = pageIdOf[id], bits = sections.covered[id] | (own === undefined ? 0 : sections.titled[own]);
    var share = shares.get(bits);
    if (share === undefined) shares.set(bits, share = coverage(found, bits));
    if (share < MIN_COVERAGE) return;
    var hit = [id, sections.score[id] * (doc[3] || 1) * Math.pow(share, COVERAGE_POWER)];
    if (!groups.has(pageOf[id])) groups.set(pageOf[id], { hits: [] });
    groups.get(pageOf[id]).hits.push(hit);
    ranked.push(hit);
  });
  for (var pin in pins) {
    if (!(pin in byLocation)) continue;
    if (!groups.has(pin)) groups.set(pin, { hits: [] });
    groups.get(pin).pin = pins[pin];
  }
  ranked.sort(function (a, b) { return b[1] - a[1]; });
  ranked.slice(0, RERANKED).forEach(function (hit) {
    hit[1] *= closeness(hit[0], found, typed);
  });
  var ordered = [];
  groups.forEach(function (group, page) {
    group.hits.sort(function (a, b) { return b[1] - a[1]; });
    group.score = (group.hits[0] ? group.hits[0][1] : 0) + (group.hits[1] ? group.hits[1][1] / 2 : 0);
    ordered.push([page, group]);
  });
  ordered = ordered.sort(function (a, b) {
    return (b[1].pin || 0) - (a[1].pin || 0) || b[1].score - a[1].score;
  }).slice(0, MAX_GROUPS);
  return {
    items: ordered.map(function (entry) {
      var page = byLocation[entry[0]];
      var items = entry[1].hits.slice(0, MAX_SECTIONS).map(function (hit) { return item(hit[0], hit[1], list); });
      /* The page's own section heads its group; an index from elsewhere may lack it. */
      if (page !== undefined && !entry[1].hits.slice(0, MAX_SECTIONS).some(function (hit) { return hit[0] === page; }))
        items.push(item(page, 0, list));
      return items;
    })
  };
}
