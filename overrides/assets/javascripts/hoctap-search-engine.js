/* The search engine of hoctap-search.js, loaded by it when search is first used: Vietnamese
 * terms, symbols, typing mistakes, the glossary's abbreviations, ranking and excerpts over
 * MiniSearch. Terms follow scripts/hoctap/search/text.py: keep the two in step.
 */
"use strict";

var TONES = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
var MAX_GROUPS = 50, RERANKED = 100;
/* A section that has the query as one phrase, in its text or its title, and one that has the
   words typed with their diacritics, rank higher (benchmarks/search.py shows the cases). */
var PHRASE_BOOST = 2, TITLE_PHRASE_BOOST = 4, EXACT_BOOST = 4;
/* Typing mistakes: a word the index does not know is matched within this many edits, by its
   folded length (index: letters, the last for longer words), an adjacent swap counting as one.
   A word the index knows is taken as typed. The first two letters must be right: they name the
   postings script that is read. benchmarks/search.py measures recall and false hits of each choice. */
var TYPO_DISTANCE = [0, 0, 0, 0, 1, 1, 1, 1, 2], TYPO_SWAPS = true, TYPO_KNOWN_WORDS = false, TYPO_WEIGHT = 0.45;
var OPTIONS = {
  boost: { title: 3, symbol: 5 },
  tokenize: function (text) { return [text]; },
  processTerm: function (term) { return term; }
};

var engine = null, symbols = {}, docs = [], byLocation = {}, parts = [];
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

/* Marks the query's words in a text; returns the HTML and the words as the page writes them. */
function mark(text, query, prefix) {
  var seen = {}, last = query.length - 1;
  var html = text.split(/([\p{L}\p{N}\p{M}]+)/u).map(function (part, i) {
    if (i % 2 === 0) return escape(part);  /* between words */
    var f = fold(part);
    var hit = query.some(function (q, k) {
      return f === q || (prefix && k === last && f.startsWith(q));
    });
    if (!hit) return part;
    seen[part.toLowerCase()] = true;
    return "<mark data-md-highlight>" + part + "</mark>";
  }).join("");
  return { html: html, seen: seen };
}

/* The part of a text around its first match, so the excerpt shows why it was found. */
function around(text, query) {
  var at = -1, list = words(text), offset = 0;
  for (var word of list) {
    offset = text.indexOf(word, offset);
    if (query.includes(fold(word))) { at = offset; break; }
    offset += word.length;
  }
  if (at < 100) return text;
  return "… " + text.slice(text.indexOf(" ", at - 50) + 1);
}

function item(number, score, query, prefix) {
  var doc = docs[number], title = mark(doc[1], query, prefix), text = mark(around(doc[2], query), query, prefix);
  return {
    location: doc[0], title: title.html, text: text.html ? "<p>" + text.html + "</p>" : "",
    score: score, terms: Object.assign({}, title.seen, text.seen)
  };
}

/* How much of the query a section's own words say exactly as typed, and as one phrase (in its
   title most). */
function closeness(doc, query, typed) {
  var title = words(doc[1]), list = title.concat(words(doc[2])), factor = 1;
  if (query.length > 1 && includesRun(title.map(fold), query)) factor *= TITLE_PHRASE_BOOST;
  else if (query.length > 1 && includesRun(list.map(fold), query)) factor *= PHRASE_BOOST;
  if (typed.length) {
    var written = new Set(list.map(exact));
    factor *= 1 + (EXACT_BOOST - 1) * typed.filter(function (e) { return written.has(e); }).length / typed.length;
  }
  return factor;
}

/* The words a query searches for, each with its other forms: diacritics as typed, the glossary's
   abbreviation or meaning. */
function wanted(list) {
  var query = list.map(fold), extra = [];
  query.forEach(function (q) { if (spelledOut[q]) extra = extra.concat(spelledOut[q]); });
  for (var meaning in abbreviationOf) if (includesRun(query, meaning.split(" "))) extra.push(abbreviationOf[meaning]);
  return query.concat(list.map(exact).filter(Boolean), extra);
}

function includesRun(list, run) {
  return (" " + list.join(" ") + " ").includes(" " + run.join(" ") + " ");
}

/* The results of a query, once the shards of its words are read. */
function answer(value) {
  return read(wanted(words(value))).then(function () {
    return search(value);
  });
}

function known(term, prefix) {
  if (engine._index.has(term)) return true;
  if (prefix) for (var _ of engine._index.atPrefix(term).keys()) return true;
  return false;
}

/* What a word may be, typed wrong: within its edit distance (MiniSearch's fuzzy), or with two
   neighbouring letters swapped. A word the index knows is not a mistake (unless TYPO_KNOWN_WORDS). */
function typos(term, prefix) {
  var distance = TYPO_DISTANCE[Math.min(term.length, TYPO_DISTANCE.length - 1)];
  if (!distance || (!TYPO_KNOWN_WORDS && known(term, prefix))) return { distance: 0, swapped: [] };
  var swapped = [];
  if (TYPO_SWAPS)
    for (var i = 2; i + 1 < term.length; i++) {  /* the first two letters are right (see TYPO_DISTANCE) */
      var swap = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
      if (swap !== term && engine._index.has(swap) && swapped.indexOf(swap) < 0) swapped.push(swap);
    }
  return { distance: distance, swapped: swapped };
}

/* One word's query: folded, as typed with diacritics, or mistyped. */
function wordQuery(word, folded, prefix) {
  var e = exact(word), typo = typos(folded, prefix), terms = [folded].concat(e ? [e] : [], typo.swapped);
  return {
    combineWith: "OR", queries: terms, prefix: prefix,
    fuzzy: function (term) { return term === folded ? typo.distance : 0; },
    boostTerm: function (term) { return typo.swapped.indexOf(term) < 0 ? 1 : TYPO_WEIGHT; }
  };
}

/* The glossary's other form of a run of the query's words: `mttq` may be written `mat tran to
   quoc`, and the other way round. Each word's query, or a run's, becomes "either form". */
function withAbbreviations(query, nodes) {
  var out = [];
  for (var i = 0; i < query.length; i++) {
    var done = false;
    for (var meaning in abbreviationOf) {
      var run = meaning.split(" ");
      if (query.slice(i, i + run.length).join(" ") === meaning) {
        out.push({ combineWith: "OR", queries: [{ combineWith: "AND", queries: nodes.slice(i, i + run.length) }, abbreviationOf[meaning]] });
        i += run.length - 1;
        done = true;
        break;
      }
    }
    if (done) continue;
    out.push(spelledOut[query[i]]
      ? { combineWith: "OR", queries: [nodes[i], { combineWith: "AND", queries: spelledOut[query[i]] }] }
      : nodes[i]);
  }
  return out;
}

function search(value) {
  var list = words(value);
  if (!list.length) return { items: [] };
  var query = list.map(fold), typed = list.map(exact).filter(Boolean);
  var prefix = !/\s$/.test(value) && query[query.length - 1].length > 1;
  var nodes = list.map(function (word, i) { return wordQuery(word, query[i], prefix && i === list.length - 1); });
  /* Every word must match: Vietnamese syllables are so common that any-word results are noise. */
  var hits = engine.search({ combineWith: "AND", queries: withAbbreviations(query, nodes) }, OPTIONS);

  /* Group sections under their page, as Material shows them. A page ranks by its best section
     and half its next one; a document's own page (its weight, from the index), and sections that
     say the query as typed, count more. */
  var pins = pinned(value), groups = new Map();
  hits.forEach(function (hit, rank) {
    var doc = docs[hit.id];
    if (!doc) return;  /* a Vietnamese page this language has translated */
    var page = doc[0].split("#")[0];
    var score = hit.score * (doc[3] || 1) * (rank < RERANKED ? closeness(doc, query, typed) : 1);
    if (!groups.has(page)) groups.set(page, { hits: [] });
    groups.get(page).hits.push([hit.id, score]);
  });
  for (var pin in pins) {
    if (!(pin in byLocation)) continue;
    if (!groups.has(pin)) groups.set(pin, { hits: [] });
    groups.get(pin).pin = pins[pin];
  }
  groups.forEach(function (group) {
    group.hits.sort(function (a, b) { return b[1] - a[1]; });
    group.score = (group.hits[0] ? group.hits[0][1] : 0) + (group.hits[1] ? group.hits[1][1] / 2 : 0);
  });
  var ordered = Array.from(groups.entries()).sort(function (a, b) {
    return (b[1].pin || 0) - (a[1].pin || 0) || b[1].score - a[1].score;
  }).slice(0, MAX_GROUPS);
  return {
    items: ordered.map(function (entry) {
      var page = byLocation[entry[0]];
      var items = entry[1].hits.map(function (hit) { return item(hit[0], hit[1], query, prefix); });
      /* The page's own section heads its group; an index from elsewhere may lack it. */
      if (page !== undefined && !entry[1].hits.some(function (hit) { return hit[0] === page; }))
        items.push(item(page, 0, query, prefix));
      return items;
    })
  };
}
