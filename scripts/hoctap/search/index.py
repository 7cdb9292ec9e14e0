"""The per-language search index, written in MiniSearch's serialised form (`MiniSearch.loadJSON`).

Sections come from Material's search plugin (its parser splits each page at headings);
we index them with the terms of `text.py`, add the registry's symbols to each document's
page, and write `search/hoctap-<lang>.js`: a script, because `fetch` of JSON fails under
file:// while `importScripts` works there.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .text import aliases, terms, words

FIELDS = ("title", "text", "symbol")
EXCERPT = 320
"""Characters of a section's text kept for the result's excerpt (Material shows about three lines)."""
_TAG = re.compile(r"<[^>]+>")


def take_entries(plugins) -> list[dict]:
    """Material's sections of this build, leaving its own index empty so no page downloads it."""
    search = plugins.get("material/search") or plugins.get("search")
    if search is None or not search.config.enabled:
        return []
    entries = list(search.search_index.entries)
    search.search_index.entries.clear()
    return entries


def plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def excerpt(text: str, limit: int = EXCERPT) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


def build_index(entries: list[dict], symbols: dict[str, tuple[str, str]], lang: str,
                documents: set[str] = frozenset()) -> dict:
    """The index of one language.

    `symbols` maps a page's URL to its document's (`so_ky_hieu`, `loai`); that page's
    section without an anchor carries the symbol's spellings, and `symbols` of the result
    maps each spelling to the pages it names, for the worker to put first. Sections of
    `documents` (URLs of the registry's document pages) are marked, for the worker to rank
    a document's own page above pages that summarise many documents.
    """
    postings: dict[str, dict[int, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    ids, stored, lengths = {}, {}, {}
    spellings: dict[str, list[str]] = defaultdict(list)
    for short_id, entry in enumerate(entries, start=1):
        location = entry["location"]
        title, body = plain(entry.get("title", "")), plain(entry.get("text", ""))
        named = symbols.get(location) if "#" not in location else None
        symbol = " ".join(sorted(aliases(*named))) if named else ""
        for spelling in symbol.split():
            spellings[spelling].append(location)
        ids[short_id] = location
        stored[short_id] = {"t": title, "x": excerpt(body)}
        if location.split("#")[0] in documents:
            stored[short_id]["d"] = 1
        lengths[short_id] = []
        for field_id, value in enumerate((title, body, symbol)):
            lengths[short_id].append(len(set(words(value))))
            for term, count in Counter(terms(value)).items():
                postings[term][field_id][short_id] = count
    count = len(entries)
    average = [sum(l[i] for l in lengths.values()) / count if count else 0 for i in range(len(FIELDS))]
    return {
        "lang": lang,
        "symbols": dict(spellings),
        "index": {
            "documentCount": count,
            "nextId": count + 1,
            "documentIds": ids,
            "fieldIds": {name: i for i, name in enumerate(FIELDS)},
            "fieldLength": lengths,
            "averageFieldLength": average,
            "storedFields": stored,
            "dirtCount": 0,
            "index": [[term, fields] for term, fields in sorted(postings.items())],
            "serializationVersion": 2,
        },
    }


def write_language_index(config, registry, files) -> Path | None:
    """Write this build's language index; mkdocs-static-i18n runs one build per language."""
    entries = take_entries(config.plugins)
    if not entries:
        return None
    symbols, documents = {}, set()
    for document in registry.documents if registry else []:
        file = files.get_file_from_path(document.page.path.as_posix()) if files else None
        if file is None:
            continue
        documents.add(file.url)
        if document.so_ky_hieu:
            symbols[file.url] = (document.so_ky_hieu, document.loai)
    lang = str(config.theme.get("language") or "vi")
    return write_index(config.site_dir, build_index(entries, symbols, lang, documents))


def index_path(site_dir: str | Path, lang: str) -> Path:
    return Path(site_dir) / "search" / f"hoctap-{lang}.js"


def write_index(site_dir: str | Path, data: dict) -> Path:
    path = index_path(site_dir, data["lang"])
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_text(f"self.hoctapIndex={text};\n", encoding="utf-8")
    return path
