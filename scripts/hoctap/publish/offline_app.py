"""What lets a phone keep a release: the web app manifest, its icons drawn from the site's logo, and the
service worker that precaches the release (Workbox's generateSW, run by Node: service_worker.mjs).

Written into a publish only, after the release is built and verified and its PDF made (the worker lists
every file with its hash, so it comes last). Previews and the offline bundle have none of it: their pages
carry no manifest link and register no worker (hoctap.render.installable, overrides/partials/hoctap-offline.html).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from ..render.installable import MANIFEST, OFFLINE_PAGE, THEME_COLOUR, WORKER
from ..text.words import labels
from .releases import PublishError

LOGO = "assets/images/favicon.svg"
ICON = "assets/images/icon-{size}.png"
ICON_SIZES = (192, 512)
DOWNLOADS = ("pdf", "pptx", "docx", "doc", "odt", "xlsx")
"""Files a member downloads rather than reads as a page: the combined PDF, the slide decks, originals."""
DOWNLOADS_KEPT_MAX = 10_000_000
"""Bytes of downloads precached with the release; past it, each is kept when first opened instead."""
MAX_FILE_BYTES = 50_000_000
"""No one file is left out of the precache for its size alone (Workbox's default is 2 MB)."""

KEPT = ["**/*"]
NOT_KEPT = [
    "**/*.map",                       # source maps: for developers
    "**/404.html",                    # the web server's page; offline, the offline page answers instead
    "assets/javascripts/lunr/**",     # Material's search languages: our search replaces its index
    "assets/social/**",               # link-preview images: read by chat apps, not by the member
    "search/search_index.js",         # Material's index under file:// (empty)
    "sitemap.xml", "sitemap.xml.gz", "hoctap-csp.txt", "**/*.LICENSE", "**/.*", WORKER,
]
_NODE_SCRIPT = Path(__file__).with_name("service_worker.mjs")


def write(site: Path, release: str) -> dict:
    """Write the manifest, the icons and the worker into the built `site`; return what the worker keeps
    (`count`, `size` in bytes, `downloads_on_open`: true when past DOWNLOADS_KEPT_MAX)."""
    draw_icons(site)
    write_manifest(site)
    return write_worker(site, release)


def write_manifest(site: Path) -> None:
    """One manifest for both languages, in Vietnamese (the site's language); addresses relative to
    it, so the app opens where the manifest was served (`start_url` and `scope`: the site's root)."""
    words = labels("vi", "offline")
    manifest = {
        "id": "./", "start_url": "./", "scope": "./",
        "name": words["app_name"], "short_name": words["app_short_name"], "description": words["app_description"],
        "lang": "vi", "dir": "ltr", "display": "standalone",
        "theme_color": THEME_COLOUR, "background_color": "#ffffff",
        "icons": [{"src": ICON.format(size=size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
                  for size in ICON_SIZES],
    }
    (site / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def draw_icons(site: Path) -> None:
    """The logo in white on the header's red, square, at each size (its shape inside the central 60 %,
    so a phone that rounds or circles the icon cuts nothing off)."""
    from PIL import Image, ImageDraw  # imported here: only a publish draws icons

    shapes = logo_shapes((site / LOGO).read_text(encoding="utf-8"))
    for size in ICON_SIZES:
        big = size * 4  # drawn four times larger, then reduced: smooth edges
        image = Image.new("RGB", (big, big), THEME_COLOUR)
        pen = ImageDraw.Draw(image)
        scale, offset = big * 0.6 / 24, big * 0.2
        for shape in shapes:
            pen.polygon([(offset + x * scale, offset + y * scale) for x, y in shape], fill="#ffffff")
        out = site / ICON.format(size=size)
        out.parent.mkdir(parents=True, exist_ok=True)
        image.resize((size, size), Image.Resampling.LANCZOS).save(out, optimize=True)


_PATH_DATA = re.compile(r'\bd="([^"]+)"')
_TOKEN = re.compile(r"[MmLlHhVvZz]|-?(?:\d+\.?\d*|\.\d+)")


def logo_shapes(svg: str) -> list[list[tuple[float, float]]]:
    """The polygons of the logo's 24×24 path: straight lines only (M, L, H, V, Z, absolute and relative),
    which is all the logo has; a curve is refused rather than drawn wrong."""
    found = _PATH_DATA.search(svg)
    if not found:
        raise PublishError(f"{LOGO}: no <path d=…> to draw the app's icons from")
    unknown = set(re.sub(r"[\d.\s,eE+-]", "", found.group(1))) - set("MmLlHhVvZz")
    if unknown:
        raise PublishError(f"{LOGO}: the logo's path uses {''.join(sorted(unknown))} (curves or arcs); "
                           "the app's icons are drawn from straight lines: draw the logo with lines only")
    shapes, x, y, command = [], 0.0, 0.0, "M"
    tokens = _TOKEN.findall(found.group(1))
    while tokens:
        if tokens[0].isalpha():
            command = tokens.pop(0)
            if command in "Zz":
                continue
        relative, kind = command.islower(), command.upper()
        if kind == "H":
            x = float(tokens.pop(0)) + (x if relative else 0)
        elif kind == "V":
            y = float(tokens.pop(0)) + (y if relative else 0)
        else:
            dx, dy = float(tokens.pop(0)), float(tokens.pop(0))
            x, y = (x + dx, y + dy) if relative else (dx, dy)
        if kind == "M":
            shapes.append([])
            command = "l" if relative else "L"  # numbers after a move are lines
        shapes[-1].append((x, y))
    return shapes


def write_worker(site: Path, release: str) -> dict:
    """Run service_worker.mjs over the site: `sw.js`, naming the release on its first line."""
    node = shutil.which("node")
    if node is None:
        raise PublishError("Node.js is needed to write the site's service worker: run `make setup`")
    downloads = [p for p in site.rglob("*") if p.is_file() and p.suffix.lstrip(".").lower() in DOWNLOADS]
    on_open = sum(p.stat().st_size for p in downloads) > DOWNLOADS_KEPT_MAX
    job = {"site": str(site), "offlinePage": OFFLINE_PAGE, "patterns": KEPT, "maxFileBytes": MAX_FILE_BYTES,
           "ignores": NOT_KEPT + ([f"**/*.{ext}" for ext in DOWNLOADS] if on_open else []),
           "downloads": list(DOWNLOADS) if on_open else []}
    done = subprocess.run([node, str(_NODE_SCRIPT)], input=json.dumps(job), capture_output=True, text=True,
                          timeout=300, check=False)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        hint = " (run `make setup`: it installs workbox-build)" if "workbox-build" in done.stderr else ""
        raise PublishError(f"the service worker could not be written: {last}{hint}")
    worker = site / WORKER
    worker.write_text(f"// hoctap release {release}\n" + worker.read_text(encoding="utf-8"), encoding="utf-8")
    return {**json.loads(done.stdout), "downloads_on_open": on_open}


def release_of(worker_text: str) -> str | None:
    """The release a worker was written for (its first line), None for another file."""
    found = re.match(r"// hoctap release (\S+)\n", worker_text)
    return found.group(1) if found else None
