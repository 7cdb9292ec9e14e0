"""The per-language search index: compact on the wire, a MiniSearch index once loaded.

Sections come from `sections.py` (each page split at its headings); we index them with the
terms of `text.py`, add the registry's symbols to each document's page, and write
`search/hoctap-<lang>.js`: a script, because `fetch` of JSON fails under file:// while
`importScripts` works there. The postings go to more scripts, by the first two folded letters
of the terms (`hoctap-vi-th.js`), so a query reads only the postings of its own words; letters
with few terms share a script with the next ones (the head maps each two letters to its
script), since hundreds of tiny files cost the build more than the bytes they save a reader.
The worker opens them as one MiniSearch index; each term's documents per field are written as
gaps between document numbers, a count above 1 following its document as a negative number
(`[3, 5, -2, 1]` = documents 3, 8 twice, 9).

Another language's index holds its own pages only and names the Vietnamese index as its
`originals`: the worker reads both, leaving out the Vietnamese pages that are translated, so
the pages the English build links to in Vietnamese (hoctap.render.languages) are found
without being indexed twice.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from ..text.pages import DEFAULT_LANG
from .text import aliases, fold, terms_of, words

FIELDS = ("title", "text", "symbol")
DOCUMENT_WEIGHT = 4
"""A document's own page weighs this much more than a page that summarises many documents."""
EXCERPT = 160
"""Characters of a section's text kept for the result's excerpt: what Material shows of it on a phone."""
SHARD_BYTES = 8_000
"""A postings script holds at least this much (unless it is the last): a query word costs a little more
than its own letters' shard, and a small site writes tens of files, not hundreds."""
_TAG = re.compile(r"<[^>]+>")


def plain(markup: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def excerpt(text: str, limit: int = EXCERPT) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + " …"


class Record(NamedTuple):
    """What the index keeps of a section, computed as its page is built: the page's text need not
    stay in memory until the end of the build."""

    location: str
    title: str
    excerpt: str
    spellings: tuple[str, ...]
    """The symbol's spellings (`text.aliases`), on the section without an anchor of a document's page."""
    counts: tuple[tuple[str | int, ...], ...]
    """Per field, each term followed by its count (flat: a tuple per pair took 15 MiB at 1,000
    documents). Titles keep the exact spelling of their words, texts only the folded one, which
    halves the index."""
    lengths: tuple[int, int, int]
    boost: float = 1.0
    """The page's `search: boost:` (Material's front-matter option): the glossary's 0.5 ranks the
    documents it names above it."""


def record(section: dict, named: tuple[str, str] | None = None, boost: float | None = None) -> Record:
    """The record of a section (`sections.sections`); `named` is the (`so_ky_hieu`, `loai`) of the
    document whose page it is, `boost` its page's `search: boost:`."""
    title, body = plain(section.get("title", "")), plain(section.get("text", ""))
    spellings = tuple(sorted(aliases(*named))) if named and "#" not in section["location"] else ()
    title_words, body_words = words(title), words(body)
    counts = (_flat(Counter(terms_of(title_words)).items()), _flat(Counter(map(fold, body_words)).items()),
              _flat((spelling, 1) for spelling in spellings))  # a symbol's spellings are distinct
    return Record(section["location"], title, excerpt(body), spellings, counts,
                  (len(set(title_words)), len(set(body_words)), len(spellings)), 1.0 if boost is None else boost)


def _flat(pairs) -> tuple[str | int, ...]:
    return tuple(chain.from_iterable(pairs))


def build_index(records: list[Record], lang: str, documents: set[str] = frozenset(), originals: dict | None = None,
                abbreviations: list[tuple[str, str]] = ()) -> dict:
    """The index of one language.

    Its `symbols` maps each spelling of a symbol to the pages it names, for the worker to put
    first. A section's weight (its fourth item, when not 1) ranks a document's own page
    (`documents`: URLs of the registry's document pages) above pages that summarise many
    documents, and follows its page's `search: boost:`. `originals` ({"lang": "vi", "translated":
    [URLs]}) names the index the worker reads with this one, and its pages that this one replaces.
    `abbreviations` (the glossary's `(MTTQ, Mặt trận Tổ quốc)`) become `{"mttq": "mat tran to
    quoc"}`, for the worker to find each form by the other.
    """
    # Per field, each term's documents as gaps between their numbers, written as the records come
    # (in the order of their numbers, each term once per field): the list opens with the last number
    postings: list[dict[str, list[int]]] = [{} for _ in FIELDS]
    docs, lengths = [], []
    spellings: dict[str, list[str]] = defaultdict(list)
    for number, found in enumerate(records):
        for spelling in found.spellings:
            spellings[spelling].append(found.location)
        weight = (DOCUMENT_WEIGHT if found.location.split("#")[0] in documents else 1) * found.boost
        weight = int(weight) if float(weight).is_integer() else weight
        docs.append([found.location, found.title, found.excerpt] + ([weight] if weight != 1 else []))
        lengths.append(list(found.lengths))
        for field_postings, field_counts in zip(postings, found.counts):
            pairs = iter(field_counts)
            for term, count in zip(pairs, pairs):
                packed = field_postings.get(term)
                if packed is None:
                    packed = field_postings[term] = [number, number]
                else:
                    packed.append(number - packed[0])
                    packed[0] = number
                if count > 1:
                    packed.append(-count)
    return {
        "lang": lang,
        **({"originals": originals} if originals else {}),
        **({"abbreviations": spelled} if (spelled := spelled_out(abbreviations)) else {}),
        "symbols": dict(spellings),
        "fields": list(FIELDS),
        "docs": docs,
        "lengths": lengths,
        "terms": {term: _encode(postings, term) for term in sorted(set().union(*postings))},
    }


def spelled_out(abbreviations: list[tuple[str, str]]) -> dict[str, str]:
    """Each one-word abbreviation, folded, with its meaning folded (`mttq`: `mat tran to quoc`);
    `B/c`, two words when searched, is left out."""
    found = {}
    for abbreviation, meaning in abbreviations:
        short, long = words(abbreviation), [fold(w) for w in words(meaning)]
        if len(short) == 1 and len(long) > 1:
            found[fold(short[0])] = " ".join(long)
    return found


def _encode(postings: list[dict[str, list[int]]], term: str) -> list[list[int]]:
    out = [field_postings[term][1:] if term in field_postings else [] for field_postings in postings]
    while out and not out[-1]:
        out.pop()
    return out


def write_language_index(config, records: list[Record], registry, file_of, originals: dict | None = None,
                         abbreviations: list[tuple[str, str]] = ()) -> Path | None:
    """Write the index of this build's language (mkdocs-static-i18n runs one build per language);
    `file_of` finds a page's file in the build (`Files.get_file_from_path`)."""
    if not records and not originals:
        return None
    documents = set()
    for document in registry.documents if registry else []:
        file = file_of(document.page.path.as_posix())
        if file is not None:
            documents.add(file.url)
    lang = str(config.theme.get("language") or DEFAULT_LANG)
    return write_index(config.site_dir, build_index(records, lang, documents, originals, abbreviations))


def shard_of(term: str) -> str:
    """The file a term's postings go to: its first two folded letters, so a query reads a few files.

    A term is lower case already and folding goes letter by letter, so its first two letters are
    folded (a few hundred pairs, each once), not the whole term."""
    letters = term.removeprefix("=")
    shard = fold(letters[:2])
    return shard[:2] if len(shard) >= 2 or len(letters) <= 2 else fold(letters)[:2]


def shard_name(key: str) -> str:
    return key if re.fullmatch(r"[a-z0-9]+", key) else "x" + "-".join(f"{ord(ch):x}" for ch in key)


def index_path(site_dir: str | Path, lang: str, shard: str | None = None) -> Path:
    name = f"hoctap-{lang}" + (f"-{shard_name(shard)}" if shard is not None else "")
    return Path(site_dir) / "search" / f"{name}.js"


def write_index(site_dir: str | Path, data: dict) -> Path:
    """Write the index as scripts: the sections and symbols, then the term shards, grouped."""
    shards: dict[str, dict] = defaultdict(dict)
    for term, lists in data["terms"].items():
        shards[shard_of(term)][term] = lists
    # Each shard's postings as JSON once: their sizes group them, their texts make the scripts
    postings = {shard: _json(terms)[1:-1] for shard, terms in shards.items()}
    groups = group_shards({shard: len(text) + 2 for shard, text in postings.items()})
    head = {key: value for key, value in data.items() if key != "terms"} | {
        "shards": {shard: key for key, members in groups.items() for shard in members}}
    path = index_path(site_dir, data["lang"])
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_script(path, f"self.hoctapIndex[{json.dumps(data['lang'])}]=", _json(head))
    for key, members in groups.items():
        _write_script(index_path(site_dir, data["lang"], key), f"self.hoctapShards[{json.dumps(data['lang'] + '/' + key)}]=",
                      "{" + ",".join(postings[shard] for shard in members) + "}")
    return path


def group_shards(sizes: dict[str, int], at_least: int = SHARD_BYTES) -> dict[str, list[str]]:
    """Consecutive shards (by their letters) in one script until it holds `at_least` bytes of
    postings (`sizes`: each shard's, as JSON); each script is named by its first shard."""
    groups: dict[str, list[str]] = {}
    key, size = None, at_least
    for shard in sorted(sizes):
        if size >= at_least:
            key, size = shard, 0
            groups[key] = []
        groups[key].append(shard)
        size += sizes[shard]
    return groups


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write_script(path: Path, assign: str, text: str) -> None:
    # JSON.parse of a string is parsed faster than the same object written as JavaScript.
    text = text.replace("\\", "\\\\").replace("'", "\\'")
    path.write_text(f"{assign}JSON.parse('{text}');\n", encoding="utf-8")
