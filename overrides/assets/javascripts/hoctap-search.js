/* Vietnamese search inside Material's search UI.
 *
 * Material's search worker, started only when the reader opens search (partials/hoctap-search.html
 * points `__config.search` here and holds the worker back until then). Material talks to it with
 * its own protocol: SETUP (0) → READY (1), QUERY (2) → RESULT (3). It stays this small: SETUP
 * loads the engine (hoctap-search-engine.js, over MiniSearch) and our index of the page's
 * language (built by scripts/hoctap/search).
 */
"use strict";

/* Under file:// the iframe-worker shim runs this file in an iframe: the URL is then the script's.
   The page's language is the URL's #fragment, and the worker's name (a worker served by the
   published site's service worker has the kept file's URL, without the fragment). */
var SRC = self.document ? document.currentScript.src : self.location.href;
var LANG = (/#([a-z-]+)/i.exec(SRC) || [])[1] || self.name || "vi";
var loading = null, answered = Promise.resolve();

/* The index scripts (scripts/hoctap/search/index.py) set these, by language and by shard. */
self.hoctapIndex = {};
self.hoctapShards = {};

function script(lang, name) {
  return new URL("../../search/hoctap-" + lang + name + ".js", SRC).href;
}

/* importScripts is synchronous in a worker and returns a promise under the shim. An English
   index names the Vietnamese one as its `originals`, for the pages not translated: read both. */
function load() {
  loading = loading || Promise.resolve(importScripts(
    new URL("vendor/minisearch.min.js", SRC).href, new URL("hoctap-search-query.js", SRC).href,
    new URL("hoctap-search-engine.js", SRC).href, script(LANG, "")
  )).then(function () {
    var own = self.hoctapIndex[LANG], originals = own.originals;
    if (!originals) return [own];
    return Promise.resolve(importScripts(script(originals.lang, ""))).then(function () {
      return [own, self.hoctapIndex[originals.lang]];
    });
  }).then(function (heads) {
    start(heads);  /* not `.then(start)`: under the shim the engine is not loaded yet when this runs */
  });
  return loading;
}

addEventListener("message", function (ev) {
  var message = ev.data;
  if (message.type === 0) {
    load();
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    var value = message.data;
    /* Answer in the order asked. */
    answered = answered.then(function () {
      if (!/[\p{L}\p{N}]/u.test(value)) return { items: [] };
      return load().then(function () { return answer(value); });
    }).catch(function (error) {
      console.warn("hoctap search:", error);
      return { items: [] };
    }).then(function (result) {
      postMessage({ type: 3, data: result });
    });
  }
});
