/* The search worker's engine in Node, over a built site's index: what the worker answers, without a
 * browser. `node engine.js SITE LANG` reads a JSON list of queries on stdin and prints, for each,
 * its result groups as [[location, title HTML, text HTML], ...] per page.
 *
 * The engine's scripts run as the worker runs them (importScripts, `self`), in one vm context.
 */
"use strict";
const fs = require("fs"), path = require("path"), vm = require("vm");

const [site, lang] = process.argv.slice(2);
const scripts = path.resolve(__dirname, "../../overrides/assets/javascripts");
const context = { console, URL, self: null, hoctapIndex: {}, hoctapShards: {} };
context.self = context;
context.script = (language, name) => path.join(site, "search", `hoctap-${language}${name}.js`);
context.importScripts = (...files) => {
  for (const file of files) vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
};
vm.createContext(context);
context.importScripts(path.join(scripts, "vendor/minisearch.min.js"), path.join(scripts, "hoctap-search-query.js"),
  path.join(scripts, "hoctap-search-engine.js"), context.script(lang, ""));
const own = context.hoctapIndex[lang];
if (own.originals) context.importScripts(context.script(own.originals.lang, ""));
context.start(own.originals ? [own, context.hoctapIndex[own.originals.lang]] : [own]);

(async () => {
  const out = [];
  for (const query of JSON.parse(fs.readFileSync(0, "utf8"))) {
    const result = await context.answer(query);
    out.push(result.items.map(group => group.map(item => [item.location, item.title, item.text])));
  }
  process.stdout.write(JSON.stringify(out));
})();
