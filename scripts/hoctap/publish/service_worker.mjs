// The release's service worker, written by Workbox's generateSW (hoctap.publish.offline_app runs this).
//
// Why Workbox and not a worker of our own: generateSW is the field's standard, its precache is keyed
// by each file's revision (a new release is a new manifest, installed whole while the old worker keeps
// serving the old one, then activated), and it runs here without a network once `npm ci` has installed
// it (about 3 s, no download at build time). Node is already needed by `make` for the checkers.
//
// Input, one JSON object on stdin: {site, offlinePage, patterns, ignores, downloads, maxFileBytes}: the built site,
// what to precache and what not, the PDF and decks' file endings when they are past the budget (kept on first
// open instead). Output on stdout: {count, size} of the precache.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSW } from "workbox-build";

const job = JSON.parse(readFileSync(0, "utf-8"));

// Each file's SHA-256 as the request's integrity: a file fetched while a publish switches `current`
// (the next release's) fails the check, the install fails whole, and the next visit tries again.
const withIntegrity = (entries) => ({
  manifest: entries.map((entry) => ({
    ...entry,
    integrity: "sha256-" + createHash("sha256").update(readFileSync(join(job.site, entry.url))).digest("base64"),
  })),
  warnings: [],
});

// Serialised into the worker as written: they read nothing but their arguments and the worker itself.
const isNavigation = ({ request }) => request.mode === "navigate";
const isEnglishNavigation = ({ request, url }) =>
  request.mode === "navigate" && url.href.startsWith(self.registration.scope + "en/");

const runtimeCaching = [
  // A page the release does not hold (or a link from before it): the network, else the offline page
  { urlPattern: isEnglishNavigation, handler: "NetworkOnly", options: { precacheFallback: { fallbackURL: "en/" + job.offlinePage } } },
  { urlPattern: isNavigation, handler: "NetworkOnly", options: { precacheFallback: { fallbackURL: job.offlinePage } } },
];
if (job.downloads.length) {
  runtimeCaching.unshift({
    urlPattern: new RegExp(`\\.(${job.downloads.join("|")})$`),
    handler: "NetworkFirst",
    options: { cacheName: "hoctap-tai-lieu", expiration: { maxEntries: 40 } },
  });
}

const result = await generateSW({
  globDirectory: job.site,
  globPatterns: job.patterns,
  globIgnores: job.ignores,
  swDest: join(job.site, "sw.js"),
  maximumFileSizeToCacheInBytes: job.maxFileBytes,
  // Material's fingerprinted files never change under one name: fetched once, never cache-busted
  dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
  manifestTransforms: [withIntegrity],
  runtimeCaching,
  // A new release waits until no page of the old one is open (or the reader taps "reload"):
  // never a page of one release with the files of another
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: "production",
});
process.stdout.write(JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings }));
