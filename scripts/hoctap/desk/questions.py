"""Quiz questions on a page's screen, each under the kept key point it rests on; a form to add one to a
point that has none; the questions a key point's removal leaves without a point.

A question rests on a kept point when it sends the reader to the point's page (`xem`) and its right
answer is said in the point's words (hoctap.text.sources.said_in). A question added here takes its
right answer from the point's own text, never other words; its choices and explanation are the
editor's. It is written into the quiz's data file only when the quiz's own check
(hoctap.registry.quiz.load, as every build runs it) finds nothing wrong with it.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..registry import key_points as key_points_file, quiz as quiz_file
from ..registry.key_points import KeyPoint
from ..registry.quiz import Question, headings
from ..text.findings import Finding
from ..text.sources import lines_saying, said_in
from ..text.toan_van_markers import printed
from .site import Shown, shown


@dataclass
class PointQuestions:
    point: KeyPoint
    questions: list[Question]


def rests_on(question: Question, quote: str, page: str) -> bool:
    return question.xem.partition("#")[0] == page and said_in(quote, question.dap_an)


def _quiz(desk):
    return quiz_file.load(desk.docs_dir / quiz_file.FILE, desk.docs_dir, desk.sources_dir, quiz_file.languages(desk.docs_dir))


def on_page(desk, registry, page) -> list[PointQuestions]:
    """Each key point kept for the page's document (those the build accepts), with its questions."""
    document = registry.by_page(page.stem)
    if document is None:
        return []
    points = key_points_file.load(desk.docs_dir / key_points_file.FILE, desk.docs_dir, desk.sources_dir,
                                  registry).of(document)
    questions = _quiz(desk).questions if points else []
    rel = page.path.as_posix()
    return [PointQuestions(p, [q for q in questions if rests_on(q, p.trich, rel)]) for p in points]


def resting_on(desk, page, quotes: list[str]) -> list[tuple[str, list[Question]]]:
    """The quotes that questions rest on, with those questions (for the warning before dropping them)."""
    questions = _quiz(desk).questions
    rel = page.path.as_posix()
    found = [(quote, [q for q in questions if rests_on(q, quote, rel)]) for quote in quotes]
    return [(quote, resting) for quote, resting in found if resting]


def added(desk, page, point: KeyPoint, form) -> tuple[str, list[Shown]]:
    """The quiz's data file with the editor's question for `point` added at its end, and nothing wrong
    with it; or the file as it was and what is wrong, in Vietnamese."""
    value = lambda key: " ".join(str(form.get(key) or "").split())
    listed = lambda key: [" ".join(line.split()) for line in str(form.get(key) or "").splitlines() if line.strip()]
    answer = value("dap_an")
    if not answer or not said_in(point.trich, answer):
        return "", [_problem("Đáp án đúng phải chép nguyên văn từ điểm chính: có thể bớt chữ ở đầu và ở cuối, "
                             "không thêm, không đổi chữ nào.")]
    nguon = _grounding(desk, page, answer)
    if not nguon:
        return "", [_problem("Văn bản này chưa có toàn văn trên trang hay dòng nguồn nêu đáp án: chưa thêm được câu hỏi.")]
    wrong = listed("lua_chon_sai")
    middle = len(wrong) // 2
    question = {"hoi": value("hoi"), "lua_chon": wrong[:middle] + [answer] + wrong[middle:], "dap_an": answer,
                "giai_thich": value("giai_thich"), "xem": _reference(page, point.neo), "nguon": nguon}
    for lang in quiz_file.languages(desk.docs_dir):
        wrong_there = listed(f"lua_chon_sai_{lang}")
        question[lang] = {"hoi": value(f"hoi_{lang}"), "giai_thich": value(f"giai_thich_{lang}"),
                          "lua_chon": wrong_there[:middle] + [value(f"dap_an_{lang}")] + wrong_there[middle:]}
    data_file = desk.docs_dir / quiz_file.FILE
    old = data_file.read_text(encoding="utf-8") if data_file.is_file() else ""
    head = old.rstrip("\n") + "\n\n" if old.strip() else ""
    text = head + yaml.dump([question], Dumper=_Indented, allow_unicode=True, sort_keys=False, width=1 << 20)
    start = text.count("\n", 0, len(head)) + 1
    with tempfile.TemporaryDirectory(dir=desk.work_dir) as folder:  # checked as a build reads it, before docs/
        draft = Path(folder) / "on-tap.yml"
        draft.write_text(text, encoding="utf-8")
        checked = quiz_file.load(draft, desk.docs_dir, desk.sources_dir, quiz_file.languages(desk.docs_dir))
    wrong_here = [f for f in checked.findings if f.line >= start and f.is_error]
    return (text, []) if not wrong_here else ("", [shown(f, text) for f in wrong_here])


def _grounding(desk, page, answer: str) -> str:
    """Where the answer is said, as `nguon` cites it: the lines of the document's `.txt` source, or its
    page, whose full text holds it; "" when neither says it."""
    meta = page.meta
    source = desk.sources_dir / str(meta.get("toan_van") or "")
    if meta.get("toan_van") and source.suffix == ".txt" and source.is_file():
        found = lines_saying(source, answer)
        if found:
            first, last = found
            return f"{meta['toan_van']}:{first}" + (f"-{last}" if last > first else "")
    own = printed(page.text)
    return page.path.as_posix() if own is not None and said_in(own, answer) else ""


def _reference(page, anchor: str) -> str:
    """`xem`: the page at the point's heading, or the page alone when the point's anchor is not a heading."""
    rel = page.path.as_posix()
    return f"{rel}#{anchor}" if anchor in headings(page.body) else rel


def _problem(message: str) -> Shown:
    return Shown(Finding(quiz_file.FILE, 0, 0, "Q002", message), message, "", "")


class _Indented(yaml.SafeDumper):
    """Lists indented under their key, as the editors write the quiz (`lua_chon:` then `    - …`)."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)
