"""The speakers' focus areas (`docs/includes/bao-cao-vien.yml`): quoted from the plan, common to every
programme (`chung`) or per programme symbol (`chuong_trinh`), each line checked against the source lines
it cites (K001–K003). The speaker sheets and slide decks show them as read here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..text import data_file
from ..text.findings import Finding
from .documents import Registry
from ..text.clauses import is_whole
from ..text.sources import section_of, ungrounded

FILE = "includes/bao-cao-vien.yml"
"""Where the file is, in docs/."""


@dataclass
class Focus:
    """Focus areas quoted from the plan: common to every programme, and per programme symbol."""

    chung: list[str] = field(default_factory=list)
    chuong_trinh: dict[str, list[str]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    nguon: dict[str, str] = field(default_factory=dict)
    """Where each focus area is quoted from (`file.txt:FIRST-LAST`), for the slide decks' citations."""
    muc: dict[str, str] = field(default_factory=dict)
    """The plan's section each focus area is quoted from (`I.1` purpose, `I.2` requirements)."""


def load(path: Path, docs_dir: Path, source_dir: Path, registry: Registry) -> Focus:
    """Read and check the file (shown relative to `docs_dir`); every problem is a finding, never an exception."""
    rel = data_file.shown(path, docs_dir)
    focus = Focus()
    root, focus.findings = data_file.root(path, rel, "K001", yaml.MappingNode, "expected `chung:` and `chuong_trinh:` mappings")
    if root is None:
        return focus
    for key, value in root.value:
        if key.value == "chung":
            focus.chung = _items(value, rel, source_dir, focus.findings, focus.nguon, quoted=True)
        elif key.value == "chuong_trinh" and isinstance(value, yaml.MappingNode):
            for symbol, items in value.value:
                if registry.get(symbol.value) is None:
                    focus.findings.append(Finding(rel, symbol.start_mark.line + 1, symbol.start_mark.column + 1, "K002",
                                                  f"`{symbol.value}`: no document page has this symbol"))
                focus.chuong_trinh[symbol.value] = _items(items, rel, source_dir, focus.findings, focus.nguon)
        else:
            focus.findings.append(Finding(rel, key.start_mark.line + 1, 1, "K001", f"unknown key `{key.value}`"))
    focus.muc = {item: _section(source_dir, ref) for item, ref in focus.nguon.items()}
    return focus


def _section(source_dir: Path, ref: str) -> str:
    """The plan's section a focus area is quoted from (`I.1`), from the source's own headings."""
    found = section_of(source_dir, ref)
    return (found[1] or "") if found else ""


def _items(node, rel: str, source_dir: Path, findings: list[Finding], nguon: dict[str, str],
           quoted: bool = False) -> list[str]:
    """The items of a list; `quoted` ones (`chung`, shown as quotations) must be whole clauses (K006)."""
    if not isinstance(node, yaml.SequenceNode):
        findings.append(Finding(rel, node.start_mark.line + 1, 1, "K001", "expected a list of `- noi_dung: … nguon: …`"))
        return []
    items = []
    for item in node.value:
        data = data_file.value_of(item) if isinstance(item, yaml.MappingNode) else None
        line = item.start_mark.line + 1
        if not data or not data.get("noi_dung") or not data.get("nguon"):
            findings.append(Finding(rel, line, 1, "K001", "each focus area needs `noi_dung` and `nguon`"))
            continue
        problem = ungrounded(source_dir, str(data["nguon"]), str(data["noi_dung"]))
        if problem:
            findings.append(Finding(rel, line, 1, "K003", f"focus area not grounded: {problem}"))
            continue
        if quoted and not is_whole(source_dir, str(data["nguon"]), str(data["noi_dung"])):
            findings.append(Finding(rel, line, 1, "K006", "a quotation starts or ends inside a clause of the source",
                                    "quote from the clause's first word to its `.` or `;`; mark words left out inside with `…`"))
            continue
        items.append(str(data["noi_dung"]).strip())
        nguon[items[-1]] = str(data["nguon"])
    return items
