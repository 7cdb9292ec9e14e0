/* Vietnamese search inside Material's search UI.
 *
 * Material starts this file as its search worker (partials/hoctap-search.html points
 * `__config.search` here) and talks to it with its own protocol: SETUP (0) → READY (1),
 * QUERY (2) → RESULT (3). The engine is MiniSearch; the index is ours, one per language,
 * built by scripts/hoctap/search and loaded only when the reader opens search.
 * Terms follow scripts/hoctap/search/text.py: keep the two in step.
 */
"use strict";

/* Under file:// the iframe-worker shim runs this file in an iframe: the URL is then the script's. */
var SRC = self.document ? document.currentScript.src : self.location.href;
var HASH = /#([a-z-]+)(?:,(\w+))?/i.exec(SRC) || [];
var LANG = HASH[1] || "vi";
var FIELDS = ["title", "text", "symbol"];
var TONES = { "\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5" };
var MAX_GROUPS = 50;
var DOCUMENT_BOOST = 1.5, PHRASE_BOOST = 2;

var engine = null, symbols = {}, stored = {}, loading = null;

function words(text) {
  return text.normalize("NFC").match(/[\p{L}\p{N}\p{M}]+/gu) || [];
}

function lower(word) {
  return word.replace(/[Ðð]/g, "đ").toLowerCase();
}

function fold(word) {
  return lower(word).normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

/* The word as written with its tone moved to the end, so `hoà` and `hòa` are one term. */
function exact(word) {
  var base = "", tone = "";
  for (var ch of lower(word).normalize("NFD")) {
    if (TONES[ch]) tone = TONES[ch];
    else base += ch;
  }
  var key = base.normalize("NFC") + tone;
  return key !== fold(word) ? "=" + key : null;
}

function escape(text) {
  return text.replace(/[&<>"]/g, function (ch) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[ch];
  });
}

/* importScripts is synchronous in a worker and returns a promise under the shim. */
function load() {
  loading = loading || Promise.resolve(importScripts(
    new URL("vendor/minisearch.min.js", SRC).href,
    new URL("../../search/hoctap-" + LANG + ".js", SRC).href
  )).then(function () {
    var data = self.hoctapIndex;
    engine = MiniSearch.loadJS(data.index, { fields: FIELDS });
    symbols = data.symbols;
    for (var id in data.index.documentIds) stored[data.index.documentIds[id]] = data.index.storedFields[id];
  });
  return loading;
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
function mark(text, query) {
  var seen = {}, last = query.length - 1;
  var html = escape(text).replace(/[\p{L}\p{N}\p{M}]+/gu, function (word) {
    var folded = fold(word);
    var hit = query.some(function (q, i) {
      return folded === q || (i === last && q.length > 1 && folded.startsWith(q));
    });
    if (!hit) return word;
    seen[word.toLowerCase()] = true;
    return "<mark data-md-highlight>" + word + "</mark>";
  });
  return { html: html, seen: seen };
}

/* The part of a text around its first match, so the excerpt shows why it was found. */
function around(text, query) {
  var folded = fold(text), at = -1;
  for (var q of query) {
    var i = folded.indexOf(q);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 120) return text;
  var start = text.indexOf(" ", at - 60);
  return "… " + text.slice(start + 1);
}

function item(location, score, query) {
  var doc = stored[location], title = mark(doc.t, query), text = mark(around(doc.x, query), query);
  var terms = Object.assign({}, title.seen, text.seen);
  return {
    location: location, title: title.html, text: text.html ? "<p>" + text.html + "</p>" : "",
    score: score, terms: terms
  };
}

function search(value) {
  var list = words(value);
  if (!list.length) return { items: [] };
  var query = list.map(fold);
  var queries = list.map(function (word, i) {
    var e = exact(word), f = fold(word);
    return { combineWith: "OR", queries: e ? [f, e] : [f], prefix: i === list.length - 1 && f.length > 1 };
  });
  var options = { boost: { title: 3, symbol: 5 }, tokenize: function (s) { return [s]; }, processTerm: function (t) { return t; } };
  /* Every word must match: Vietnamese syllables are so common that any-word results are noise. */
  var hits = engine.search({ combineWith: "AND", queries: queries }, options);

  /* Group sections under their page, as Material shows them. A page ranks by its best section
     and half its next one; a document's own page, and the words as one phrase, count more. */
  var pins = pinned(value), groups = new Map(), phrase = " " + query.join(" ");
  for (var hit of hits) {
    var page = hit.id.split("#")[0], doc = stored[hit.id];
    if (!groups.has(page)) groups.set(page, { scores: [], items: [] });
    var score = hit.score * (doc.d ? DOCUMENT_BOOST : 1);
    if (list.length > 1 && (" " + words(doc.t + " " + doc.x).map(fold).join(" ")).includes(phrase)) score *= PHRASE_BOOST;
    groups.get(page).items.push(item(hit.id, score, query));
    groups.get(page).scores.push(score);
  }
  groups.forEach(function (group) {
    var best = group.scores.sort(function (a, b) { return b - a; });
    group.score = (best[0] || 0) + (best[1] || 0) / 2;
  });
  for (var pin in pins) {
    if (!stored[pin]) continue;
    if (!groups.has(pin)) groups.set(pin, { score: 0, items: [] });
    groups.get(pin).pin = pins[pin];
  }
  var ordered = Array.from(groups.entries()).sort(function (a, b) {
    return (b[1].pin || 0) - (a[1].pin || 0) || b[1].score - a[1].score;
  }).slice(0, MAX_GROUPS);
  return {
    items: ordered.map(function (entry) {
      var page = entry[0], items = entry[1].items.sort(function (a, b) { return b.score - a.score; });
      if (!items.some(function (x) { return x.location === page; })) items.push(item(page, 0, query));
      return items;
    })
  };
}

/* Over HTTP Material sends SETUP as the page loads, under file:// only once search opens:
   load then only under file://, and over HTTP when the page says search was opened. */
if (HASH[2] && self.BroadcastChannel)
  new BroadcastChannel("hoctap-search-" + HASH[2]).onmessage = load;

addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === 0) {
    if (SRC.startsWith("file:")) load();
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    var value = message.data;
    if (!words(value).length) return postMessage({ type: 3, data: { items: [] } });
    load().then(function () {
      postMessage({ type: 3, data: search(value) });
    }).catch(function (error) {
      console.warn("hoctap search:", error);
      postMessage({ type: 3, data: { items: [] } });
    });
  }
});
