"""Checks on a built site before it goes live: it is whole, holds nothing the gate left out,
and loads nothing from another origin. Each check returns findings; nothing here prints."""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from ..text.findings import Finding
from ..registry.gate_decision import LeftOut
from ..render import scripts
from . import offline_app

REQUIRED = ("index.html", "404.html")
"""Files a release cannot go live without: the home page and the page the web server shows for 404."""

_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
# Attributes that make the browser fetch something (a plain <a href> is only a link to follow).
_FETCHING = {"src", "srcset", "poster", "data", "background"}
_FETCHING_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


def verify(site: Path, left_out: list[LeftOut], *, drafts: bool, own_origin: str = "") -> list[Finding]:
    """Every problem that keeps `site` from going live; empty when it may."""
    return [*whole(site), *absent(site, left_out), *no_draft_card(site, drafts), *own_origin_only(site, own_origin),
            *worker_keeps_release(site)]


def whole(site: Path) -> list[Finding]:
    return [Finding(name, 1, 1, "R001", "the built site lacks this file", "check the build's messages above")
            for name in REQUIRED if not (site / name).is_file()]


def absent(site: Path, left_out: list[LeftOut]) -> list[Finding]:
    """No page, no link and no index entry for anything the gate left out, in any language."""
    gone = {f"{item.stem}.html": item for item in left_out}
    gone |= {f"{lang.name}/{url}": item for url, item in list(gone.items())
             for lang in site.iterdir() if lang.is_dir() and (lang / "index.html").is_file()}
    findings = []
    for path in _files(site, (".html", ".json", ".js", ".xml")):
        rel = path.relative_to(site).as_posix()
        if rel in gone:
            findings.append(Finding(rel, 1, 1, "R002", f"{gone[rel].stem}.md was left out ({gone[rel].reason}) "
                                    "but its page is in the site", "report this: the gate did not hold"))
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            mentioned = {posixpath.normpath(posixpath.join(posixpath.dirname(rel), url.split("#")[0]))
                         for url in _html_links(text) if url and not urlsplit(url).scheme}
        else:
            mentioned = {url for url in gone if re.search(r"(?<![\w.-])" + re.escape(url), text)}
        for url in sorted(mentioned & gone.keys()):
            findings.append(Finding(rel, _line(text, url.rsplit("/", 1)[-1]), 1, "R002",
                                    f"refers to {url}, which the gate left out", "report this: the gate did not hold"))
    return findings


def no_draft_card(site: Path, drafts: bool) -> list[Finding]:
    """Without --allow-draft, no page carries the card of a draft (its `data-review`, which no reader sees)."""
    if drafts:
        return []
    return [Finding(path.relative_to(site).as_posix(), 1, 1, "R003", "a draft page is in a publish without --allow-draft",
                    "report this: the gate did not hold")
            for path in _files(site, (".html",)) if 'data-review="du-thao"' in path.read_text(encoding="utf-8", errors="replace")]


def own_origin_only(site: Path, own_origin: str = "") -> list[Finding]:
    """Nothing the browser would fetch from another origin: no CDN, no web fonts, no trackers."""
    findings = []
    for path in _files(site, (".html", ".css")):
        text = path.read_text(encoding="utf-8", errors="replace")
        urls = _css_urls(text) if path.suffix == ".css" else _html_fetches(text)
        for url in urls:
            if _foreign(url, own_origin):
                findings.append(Finding(path.relative_to(site).as_posix(), _line(text, url), 1, "R004",
                                        f"loads {url} from another origin",
                                        "copy the file into the site (overrides/assets/) and link it relatively"))
    return findings


def _foreign(url: str, own_origin: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "data", "blob") and not url.strip().startswith("//"):
        return False
    return f"{parts.scheme}://{parts.netloc}" != own_origin.rstrip("/") or not own_origin


_KEPT_ENTRY = re.compile(r'\{url:"([^"]+)",revision:(?:"[^"]*"|null),integrity:"sha256-([^"]+)"\}')
_RELEASE_META = re.compile(r'<meta name="hoctap-release" content="([^"]+)">')


def worker_keeps_release(site: Path) -> list[Finding]:
    """A release with a service worker: the worker names this release, lists every page of every
    language, and each file it lists is in the release with the hash it listed (a phone would
    otherwise refuse the file, and so the whole release)."""
    worker = site / offline_app.WORKER
    if not worker.is_file():
        return []
    text = worker.read_text(encoding="utf-8")
    problem = lambda line, message, fix="report this: the release was changed after its worker was written": \
        Finding(offline_app.WORKER, line, 1, "R005", message, fix)
    findings = []
    home = _RELEASE_META.search((site / "index.html").read_text(encoding="utf-8", errors="replace"))
    if home is None or offline_app.release_of(text) != home.group(1):
        findings.append(problem(1, f"written for release {offline_app.release_of(text)}, "
                                   f"the pages are of {home.group(1) if home else 'no release'}"))
    kept = dict(_KEPT_ENTRY.findall(text))
    for url, digest in sorted(kept.items()):
        path = site / url
        if not path.is_file():
            findings.append(problem(1, f"keeps {url}, which is not in the release"))
        elif base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode() != digest:
            findings.append(problem(1, f"keeps {url} with another content than the release's"))
    for page in _files(site, (".html",)):
        rel = page.relative_to(site).as_posix()
        if rel not in kept and page.name != "404.html":
            findings.append(problem(1, f"does not keep {rel}: a phone without a network could not open it",
                                    "report this: hoctap.publish.offline_app leaves the page out"))
    return findings


class _Fetches(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in _FETCHING & attrs.keys():
            value = attrs[name] or ""
            self.urls.extend(part.split()[0] for part in value.split(",") if part.strip()) if name == "srcset" \
                else self.urls.append(value)
        if tag == "link" and set((attrs.get("rel") or "").lower().split()) & _FETCHING_LINK_RELS:
            self.urls.append(attrs.get("href") or "")
        if attrs.get("style"):
            self.urls.extend(_css_urls(attrs["style"]))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls.extend(value for name, value in attrs if name in ("href", "src") and value)


def _html_links(text: str) -> list[str]:
    parser = _Links()
    parser.feed(text)
    return parser.urls


def _html_fetches(text: str) -> list[str]:
    parser = _Fetches()
    parser.feed(text)
    for style in re.findall(r"<style[^>]*>(.*?)</style>", text, re.DOTALL | re.IGNORECASE):
        parser.urls.extend(_css_urls(style))
    return parser.urls


def _css_urls(text: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(text)]


def _files(site: Path, suffixes: tuple[str, ...]):
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in suffixes)


def _line(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def inline_script_hashes(site: Path) -> set[str] | None:
    """CSP source expressions (`'sha256-…'`) of the inline scripts the site's templates emit, as its
    build listed them (never one a page held); None for a site built without the list."""
    return scripts.read(site)
