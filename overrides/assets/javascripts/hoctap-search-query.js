/* What a member types, read for hoctap-search-engine.js (loaded with it, and using its words, fold,
 * exact and index): which words ask rather than say (question words), which are typing mistakes,
 * and each word's MiniSearch query.
 */
"use strict";

/* Question words: a member's question says what it asks with them; the page that answers rarely
   does. A page need not have them; a heading that says one answers it (hoctap-search-engine.js).
   A word typed with its diacritics is one only if they are these (`đầu` is not `đâu`); typed
   without, if its letters are. The English ones are for /en/. */
var QUESTION_PHRASES = [
  "như thế nào", "khi nào", "lúc nào", "bao giờ", "bao lâu", "là gì", "làm gì", "cái gì", "những gì",
  "ở đâu", "tại đâu", "thế nào", "ra sao", "làm sao", "tại sao", "vì sao", "bao nhiêu", "có phải",
  "mấy", "gì", "nào", "ai", "what", "who", "when", "where", "why", "how", "which"
].map(function (phrase) { return phrase.split(" "); });
/* Question words only as typed with their diacritics: without, they are other common words (dau: đầu, dấu). */
var QUESTION_EXACT_ONLY = ["đâu"];
/* Question words only at the end of a question: elsewhere they are words of their own (`không` = not). */
var QUESTION_ENDINGS = ["không", "chưa", "nhỉ", "nhé", "vậy"];

/* Typing mistakes, in a word the index does not know (a word it knows is taken as typed). Sure
   readings: Telex typed with the keyboard's Vietnamese input off (`soos` for `số`), a letter typed
   twice (`soo`). Else, guesses in words of four letters or more: within this many edits, by folded
   length (index: letters, the last for longer words), an adjacent swap counting as one, the first
   two letters right (they name the postings script that is read, and a short word has too many
   neighbours to guess). A guess weighs TYPO_WEIGHT, and covers less of the query than the word
   (GUESSED_COVERS, hoctap-search-engine.js).
   benchmarks/search.py measures recall and false hits of each choice. */
var TYPO_DISTANCE = [0, 0, 0, 0, 1, 1, 1, 1, 2], TYPO_SWAPS = true, TYPO_KNOWN_WORDS = false, TYPO_WEIGHT = 0.45;

/* A word typed with diacritics weighs this much in a section whose title has it with other
   diacritics: titles keep the exact spelling (index.py), so a title with `thể` is known not to say `thẻ`. */
var OTHER_DIACRITICS_WEIGHT = 0.1;

/* Whether a section's title has the word `a` only with other diacritics than typed (`hit.match`: MiniSearch's). */
function otherDiacritics(a, match) {
  return Boolean(a.exact) && !a.typo && inTitle(match, a.folded) && !inTitle(match, a.exact);
}

function inTitle(match, term) {
  return (match[term] || []).indexOf("title") >= 0;
}

function sameWord(typed, written, exactOnly) {
  var e = exact(typed);
  return e || exactOnly ? e === exact(written) : fold(typed) === fold(written);
}

/* The words of a query: each folded, and whether it is a question word. */
function asked(list) {
  var out = list.map(function (word) { return { word: word, folded: fold(word), question: false }; });
  for (var i = 0; i < out.length; i++) {
    var found = QUESTION_PHRASES.find(function (phrase) {
      return phrase.every(function (p, k) { return out[i + k] && sameWord(out[i + k].word, p, false); });
    });
    var length = found ? found.length
      : QUESTION_EXACT_ONLY.some(function (p) { return sameWord(out[i].word, p, true); }) ? 1
      : i === out.length - 1 && i > 0 && QUESTION_ENDINGS.some(function (p) { return sameWord(out[i].word, p, false); }) ? 1 : 0;
    for (var k = 0; k < length; k++) out[i + k].question = true;
    i += Math.max(length - 1, 0);
  }
  /* A query of question words only is searched for them. */
  if (out.every(function (a) { return a.question; })) out.forEach(function (a) { a.question = false; });
  return out;
}

/* A word typed in Telex with the keyboard's Vietnamese off, folded: `soos` (số) → `so`, `dduowngf`
   (đường) → `duong`. After a vowel, s f r x j are tone keys (no Vietnamese word ends in them); w
   is a horn or breve (ư alone); doubled a e o a circumflex, dd đ. */
function telex(folded) {
  var vowel = folded.search(/[aeiouyw]/);
  if (vowel < 0) return null;
  var decoded = (folded.slice(0, vowel) + folded.slice(vowel).replace(/[sfrxj]/g, ""))
    .replace(/^dd/, "d").replace(/([aou])w/g, "$1").replace(/w/g, "u").replace(/(aa|ee|oo)/g, function (pair) { return pair[0]; });
  return decoded !== folded ? decoded : null;
}

/* What a word the index does not know is sure to be: its Telex reading, and the word without its doubled letters. */
function readings(term) {
  return [telex(term), term.replace(/(.)\1/g, "$1")].filter(function (reading) { return reading && reading !== term; });
}

function known(term, prefix) {
  if (engine._index.has(term)) return true;
  if (prefix) for (var _ of engine._index.atPrefix(term).keys()) return true;
  return false;
}

/* What a word may be, typed wrong: `sure` readings, else `guessed` words of the index. */
function typos(term, prefix) {
  var found = { sure: [], guessed: [] };
  if (!TYPO_KNOWN_WORDS && known(term, prefix)) return found;
  readings(term).forEach(function (reading) {
    if (known(reading, prefix) && found.sure.indexOf(reading) < 0) found.sure.push(reading);
  });
  var distance = TYPO_DISTANCE[Math.min(term.length, TYPO_DISTANCE.length - 1)];
  if (found.sure.length || !distance) return found;
  var start = term.slice(0, 2);
  engine._index.fuzzyGet(term, distance).forEach(function (_, candidate) {
    if (candidate !== term && candidate.startsWith(start) && !candidate.startsWith("=")) found.guessed.push(candidate);
  });
  if (TYPO_SWAPS)
    for (var i = 2; i + 1 < term.length; i++) {
      var swap = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
      if (engine._index.has(swap) && found.guessed.indexOf(swap) < 0) found.guessed.push(swap);
    }
  return found;
}

/* One word's query: folded, as typed with diacritics, or mistyped. The word being typed (`prefix`)
   also finds the words it begins, unless it carries a tone: a syllable is typed before its tone
   (`thẻ` does not begin `theo`). */
function wordQuery(a, prefix) {
  var e = exact(a.word), typo;
  a.prefix = prefix && !/\d$/.test(e || "");
  a.exact = e;
  typo = typos(a.folded, a.prefix);
  a.typo = typo.sure.length ? "sure" : typo.guessed.length ? "guessed" : null;
  a.terms = [a.folded].concat(e ? [e] : [], typo.sure, typo.guessed);
  return {
    combineWith: "OR", queries: a.terms,
    prefix: function (term) { return a.prefix && (term === a.folded || term === e); },
    boostTerm: function (term) { return typo.guessed.indexOf(term) < 0 ? 1 : TYPO_WEIGHT; }
  };
}

/* The query's units, each searched on its own: a word, or a run of words that spells an
   abbreviation's meaning (`mat tran to quoc`: those words, or `mttq`); an abbreviation may also be
   written as its meaning's words. A unit is a question word if its words are. */
function units(list, prefix) {
  var out = [];
  for (var i = 0; i < list.length; i += out[out.length - 1].words.length) {
    var short = null, members = [list[i]];
    for (var meaning in abbreviationOf) {
      var run = meaning.split(" ");
      if (run.length > 1 && list.slice(i, i + run.length).map(function (a) { return a.folded; }).join(" ") === meaning) {
        short = abbreviationOf[meaning];
        members = list.slice(i, i + run.length);
        break;
      }
    }
    var nodes = members.map(function (a, k) { return wordQuery(a, prefix && i + k === list.length - 1); });
    var node = nodes.length > 1 ? { combineWith: "AND", queries: nodes } : nodes[0];
    var long = spelledOut[list[i].folded];
    if (short) node = { combineWith: "OR", queries: [node, short] };
    else if (long) node = { combineWith: "OR", queries: [node, { combineWith: "AND", queries: long }] };
    out.push({ words: members, node: node, short: short || (long ? list[i].folded : null), long: long || [],
               question: members.every(function (a) { return a.question; }),
               guessed: members.some(function (a) { return a.typo === "guessed"; }) });
  }
  return out;
}

/* Every index term a unit can match: its words' terms, those the word being typed begins, the
   glossary's other form. */
function reach(unit) {
  var found = new Set(unit.long.concat(unit.short ? [unit.short] : []));
  unit.words.forEach(function (a) {
    a.terms.forEach(function (term) {
      found.add(term);
      if (a.prefix && (term === a.folded || term === a.exact))
        for (var longer of engine._index.atPrefix(term).keys()) found.add(longer);
    });
  });
  return found;
}

/* The terms whose postings a query needs: its words, folded, as typed, and their sure readings
   (which may begin with other letters: `ddoi`); the glossary's forms. */
function wanted(list) {
  var query = list.map(fold), extra = [];
  query.forEach(function (q) {
    if (spelledOut[q]) extra = extra.concat(spelledOut[q]);
    extra = extra.concat(readings(q));
  });
  for (var meaning in abbreviationOf) if (includesRun(query, meaning.split(" "))) extra.push(abbreviationOf[meaning]);
  return query.concat(list.map(exact).filter(Boolean), extra);
}

function includesRun(list, run) {
  return (" " + list.join(" ") + " ").includes(" " + run.join(" ") + " ");
}

/* Whether a word of a page (`folded`) is one the query's word `a` matched (`a.matched`: the index
   terms its unit can match, `reach`): typed with diacritics, only as typed (or begun so, while it
   is being typed). */
function matches(a, word, folded) {
  if (!a.matched.has(folded)) return false;
  if (!a.exact || a.typo) return true;
  var e = exact(word);
  return Boolean(e) && (a.prefix ? e.startsWith(a.exact) : e === a.exact);
}
