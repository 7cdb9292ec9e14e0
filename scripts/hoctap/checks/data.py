"""The site's data files (`docs/includes/`: quiz, focus areas, key points, agenda, abbreviations) and the pages'
timeline marks, read and checked once, here: `hoctap check` and a build report the same findings, and
the build renders what was checked (hoctap.render.kit) instead of reading the files again."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..registry import focus as focus_file, key_points as key_points_file, quiz as quiz_file
from ..registry.abbreviations import Abbreviations, read as read_abbreviations
from ..text.findings import Finding
from ..text.pages import PAGE_KINDS
from ..registry.focus import Focus
from ..registry.key_points import KeyPoints
from ..registry.quiz import Quiz
from ..registry.documents import Registry
from ..sharing import agenda as agenda_file
from ..sharing.agenda import Agenda
from ..registry.timeline import Event, events as timeline_events


@dataclass
class Data:
    quiz: Quiz = field(default_factory=lambda: Quiz([], []))
    focus: Focus = field(default_factory=Focus)
    points: KeyPoints = field(default_factory=KeyPoints)
    events: list[Event] = field(default_factory=list)
    agenda: Agenda = field(default_factory=Agenda)
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    findings: list[Finding] = field(default_factory=list)
    """Every finding of the files above and of the timeline marks, and the pages whose data file is
    missing or empty (Q001, K001, D001)."""


def load(registry: Registry, source_dir: Path, abbreviations_file: Path) -> Data:
    """Read and check every data file of `registry.docs_dir`; findings at their file (relative to docs/) and line."""
    docs_dir = registry.docs_dir
    # Only what the walk of docs/ let through is read: a link in place of a data file is its finding
    usable = lambda rel: registry.tree is None or rel in registry.tree.files
    # Each language with a quiz page (`on-tap.en.md`) needs each question translated
    translated = quiz_file.languages(docs_dir)
    quiz = quiz_file.load(docs_dir / quiz_file.FILE, docs_dir, source_dir, translated) \
        if usable(quiz_file.FILE) else Quiz([], [])
    focus = focus_file.load(docs_dir / focus_file.FILE, docs_dir, source_dir, registry) \
        if usable(focus_file.FILE) else Focus()
    points = key_points_file.load(docs_dir / key_points_file.FILE, docs_dir, source_dir, registry) \
        if usable(key_points_file.FILE) else KeyPoints()
    events, event_findings = timeline_events(registry, source_dir)
    agenda = agenda_file.load(docs_dir / agenda_file.FILE, docs_dir, source_dir)
    abbreviations = read_abbreviations(abbreviations_file, os.path.relpath(abbreviations_file, docs_dir))
    shown = {PAGE_KINDS.on_tap: (quiz_file.FILE, "Q001", bool(quiz.questions or quiz.findings)),
             PAGE_KINDS.bao_cao_vien: (focus_file.FILE, "K001", bool(focus.chung or focus.chuong_trinh or focus.findings)),
             PAGE_KINDS.diem_chinh: (key_points_file.FILE, "D001", bool(points.by_document or points.findings))}
    findings = (abbreviations.findings + _missing_data(registry, shown) + quiz.findings + focus.findings
                + points.findings + event_findings + agenda.findings)
    return Data(quiz, focus, points, events, agenda, abbreviations, findings)


def _missing_data(registry: Registry, shown: dict[str, tuple[str, str, bool]]) -> list[Finding]:
    """A page that shows the quiz or the speaker sheets (`hoctap: on-tap`) needs its data file, with
    something in it: without it the page would be published empty, with no word."""
    walked = {f.path for f in registry.tree.findings} if registry.tree else set()
    findings = []
    for page in registry.pages:
        data_file, code, filled = shown.get(str(page.meta.get("hoctap")), (None, "", True))
        if data_file is None or filled or data_file in walked:  # a link or an unreadable file: already a finding
            continue
        problem = "is empty" if (registry.docs_dir / data_file).is_file() else "is missing"
        findings.append(Finding(data_file, 1, 1, code, f"the file {problem}, and the page {page.path.as_posix()} "
                                f"(`hoctap: {page.meta['hoctap']}`) is made from it",
                                f"restore it (git checkout docs/{data_file}), or remove the page"))
    return findings
