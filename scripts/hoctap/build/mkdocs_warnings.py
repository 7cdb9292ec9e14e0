"""MkDocs' warnings about pages, again as our findings: at `docs/…:line:col`, with a code and a fix.

MkDocs says "Doc file 'doc-nhanh.md' contains a link 'khong-co.md', but the target is not found
among documentation files": no folder, no line. `collected()` listens to the `mkdocs` logger during
a build and turns each such warning into a finding at the link in the page's source.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from pathlib import Path

from ..text.findings import Finding

_DOC = r"Doc file '(?P<page>[^']+)' contains "
_PATTERNS = (
    (re.compile(_DOC + r"a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found among documentation files\."
                r"(?: Did you mean '(?P<hint>[^']*)'\?)?"),
     "L105", "a link to `{url}`: there is no such page", "correct the link, or add the page"),
    (re.compile(_DOC + r"a link '(?P<url>[^']*)', but (?:the doc '(?P<target>[^']*)' does not contain an anchor|"
                r"there is no such anchor on this page)"),
     "L106", "a link to `{url}`: there is no such heading", "link to a heading the page has: its `{#id}`, or its title's slug"),
    (re.compile(_DOC + r"an? (?:absolute|unrecognized relative) link '(?P<url>[^']*)', it was left as is\."
                r"(?: Did you mean '(?P<hint>[^']*)'\?)?"),
     "L108", "a link to `{url}` that MkDocs leaves as is", "link to the page's file, relative to this page, e.g. `ten.md`"),
)
_NOT_IN_NAV = re.compile(r"The following pages exist in the docs directory, but are not included in the \"nav\" configuration:")
_NAV_MISSING = re.compile(r"A reference to '(?P<url>[^']*)' is included in the 'nav' configuration, which is not found")
_ANY_PAGE = re.compile(r"Doc file '(?P<page>[^']+)'")


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def collected(docs_dir: Path, config_file: Path):
    """Within the block, MkDocs' warnings are collected; the list yielded fills with their findings as it ends."""
    handler, findings = _Records(), []
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield findings
    finally:
        logger.removeHandler(handler)
        findings.extend(to_findings(handler.messages, Path(docs_dir), Path(config_file)))


def to_findings(messages: list[str], docs_dir: Path, config_file: Path) -> list[Finding]:
    """One finding per warning about a page (paths relative to docs_dir, or mkdocs.yml's own), in order, once each."""
    findings: list[Finding] = []
    seen: dict[tuple[str, str], int] = {}  # (page, url) → how many warnings so far: the n-th one is the n-th link
    for message in messages:
        for finding in _about(message, docs_dir, config_file, seen):
            if finding not in findings:
                findings.append(finding)
    return findings


def _about(message: str, docs_dir: Path, config_file: Path, seen: dict) -> list[Finding]:
    for pattern, code, what, fix in _PATTERNS:
        if m := pattern.match(message):
            page, url = m["page"], m["url"]
            n = seen[page, url] = seen.get((page, url), 0) + 1
            line, col = link_position(_read(docs_dir / page), url, n)
            hint = m.groupdict().get("hint")
            return [Finding(page, line, col, code, what.format(url=url), f"did you mean `{hint}`?" if hint else fix)]
    if _NOT_IN_NAV.match(message):
        return [Finding(name.strip()[2:].strip(), 1, 1, "L107", "the navigation does not list this page",
                        "add it to `nav:` or `not_in_nav:` in mkdocs.yml, or remove it")
                for name in message.splitlines()[1:] if name.strip().startswith("- ")]
    if m := _NAV_MISSING.match(message):
        text = _read(config_file)
        line, col = link_position(text, m["url"], 1)
        return [Finding(_up_from(docs_dir, config_file), line, col, "L109",
                        f"`nav:` lists `{m['url']}`: there is no such page", "correct the entry, or add the page")]
    if m := _ANY_PAGE.match(message):
        return [Finding(m["page"], 1, 1, "L110", message.splitlines()[0])]
    return []


def link_position(text: str, url: str, n: int = 1) -> tuple[int, int]:
    """Line and column (1-based) of the n-th place `url` is linked in `text` (a Markdown link, a
    reference definition, an HTML attribute, a YAML value); the last one found, or 1:1 if none."""
    pattern = re.compile(r"(?:\]\(\s*<?|\]:[ \t]*<?|=\s*[\"']?|:[ \t]+[\"']?|^[ \t]*-[ \t]+)(" + re.escape(url) + r")(?=[\s)>\"'#]|$)",
                         re.M)
    found = [m.start(1) for m in pattern.finditer(text)] or [m.start() for m in re.finditer(re.escape(url), text)]
    if not found:
        return 1, 1
    at = found[min(n, len(found)) - 1]
    line_start = text.rfind("\n", 0, at) + 1
    return text.count("\n", 0, at) + 1, at - line_start + 1


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _up_from(docs_dir: Path, file: Path) -> str:
    """`file` as a path relative to docs_dir (`../mkdocs.yml`), as findings' paths are."""
    return os.path.relpath(file.resolve(), docs_dir.resolve())
