"""The quiz data file is checked before it is shown: answers among the choices, references that
resolve to a real page and heading, answers that the cited source lines state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hoctap.registry import quiz


SOURCE = "Dự kiến 110 người.\nThời gian: 01 ngày - Dự kiến trung tuần\ntháng 4/2026.\n"
PAGE = "---\ntitle: Kế hoạch\n---\n\n# Kế hoạch\n\n## 3. Đối tượng {#doi-tuong}\n\n## Thời gian\n"
GOOD = """\
- hoi: Bao nhiêu người?
  lua_chon: [50 người, 110 người]
  dap_an: 110 người
  giai_thich: Kế hoạch ghi dự kiến 110 người.
  xem: ke-hoach.md#doi-tuong
  nguon: src.txt:1
- hoi: Khi nào?
  lua_chon: [Trung tuần tháng 4/2026, Tháng 12/2026]
  dap_an: Trung tuần tháng 4/2026
  giai_thich: Dự kiến.
  xem: ke-hoach.md#thoi-gian
  nguon: src.txt:2-3
"""


@pytest.fixture
def tree(tmp_path) -> tuple[Path, Path]:
    docs, sources = tmp_path / "docs", tmp_path / "sources"
    (docs / "includes").mkdir(parents=True)
    sources.mkdir()
    (docs / "ke-hoach.md").write_text(PAGE, encoding="utf-8")
    (sources / "src.txt").write_text(SOURCE, encoding="utf-8")
    return docs, sources


def check(tree, text: str) -> quiz.Quiz:
    docs, sources = tree
    path = docs / "includes" / "on-tap.yml"
    path.write_text(text, encoding="utf-8")
    return quiz.load(path, docs, sources)


def findings(tree, text: str) -> list[str]:
    return [f.format() for f in check(tree, text).findings]


def test_good_quiz_has_no_finding(tree):
    result = check(tree, GOOD)
    assert result.findings == []
    assert [q.answer_index for q in result.questions] == [1, 0]
    # a phrase split across two source lines, and a heading slugged by the toc extension, both resolve
    assert result.questions[1].xem == "ke-hoach.md#thoi-gian"


def test_answer_not_among_choices(tree):
    assert findings(tree, GOOD.replace("dap_an: 110 người", "dap_an: 100 người")) == [
        "includes/on-tap.yml:3:1: Q002 question 1: the answer '100 người' is not among the choices "
        "(copy the right choice exactly into `dap_an`)",
        "includes/on-tap.yml:6:1: Q004 question 1: the answer is not grounded: '100 người' is not in the cited "
        "lines src.txt:1 (cite the source lines that state the answer)",
    ]


@pytest.mark.parametrize("xem, message", [
    ("khong-co.md#doi-tuong", "no page `khong-co.md` in docs/"),
    ("ke-hoach.md#khong-co", "`ke-hoach.md` has no heading `#khong-co`"),
])
def test_reference_must_resolve(tree, xem, message):
    [finding] = findings(tree, GOOD.replace("xem: ke-hoach.md#doi-tuong", f"xem: {xem}"))
    assert finding.startswith("includes/on-tap.yml:5:1: Q003 question 1: ") and message in finding


@pytest.mark.parametrize("nguon, message", [
    ("src.txt:2", "'110 người' is not in the cited lines src.txt:2"),
    ("src.txt:9", "lines 9-9 are outside src.txt (3 lines)"),
    ("khac.txt:1", "`khac.txt` is not in the sources folder"),
    ("src.txt", "is not a source reference"),
])
def test_answer_must_be_in_the_cited_lines(tree, nguon, message):
    [finding] = findings(tree, GOOD.replace("nguon: src.txt:1", f"nguon: {nguon}"))
    assert finding.startswith("includes/on-tap.yml:6:1: Q004") and message in finding


def test_an_imported_document_grounds_an_answer_in_its_full_text_on_its_page(tree):
    """`nguon: van-ban/x.md`: the answer must be said in the page's full text (between the import's
    markers), not elsewhere on the page; a page with no full text grounds nothing."""
    from hoctap.text.toan_van_markers import BEGIN, END

    docs, _ = tree
    (docs / "van-ban").mkdir()
    (docs / "van-ban" / "x.md").write_text(f"---\nso_ky_hieu: 1/KH-X\n---\n\n# X\n\nTóm tắt: hội nghị một ngày.\n\n"
                                           f"## Toàn văn {{#toan-van}}\n\n{BEGIN}\n\nDự kiến 110\nngười tham dự.\n\n{END}\n",
                                           encoding="utf-8")
    question = GOOD.split("- hoi: Khi nào?")[0]
    assert findings(tree, question.replace("nguon: src.txt:1", "nguon: van-ban/x.md")) == []
    elsewhere = question.replace("nguon: src.txt:1", "nguon: van-ban/x.md").replace("110 người", "một ngày")
    assert "Q004" in findings(tree, elsewhere)[0] and "not in the full text of van-ban/x.md" in findings(tree, elsewhere)[0]
    assert "no page of docs/ with a full text" in findings(tree, question.replace("nguon: src.txt:1", "nguon: ke-hoach.md"))[0]


def test_grounding_folds_case_and_unicode_forms(tree):
    decomposed = "110 NGU\u031bO\u031b\u0300I"  # NFD and upper case: the same words
    text = GOOD.replace("dap_an: 110 người", f"dap_an: {decomposed}").replace("[50 người, 110 người]", f"[50 người, {decomposed}]")
    assert findings(tree, text) == []


def test_missing_keys_and_bad_yaml(tree):
    assert findings(tree, "- hoi: Câu?\n  lua_chon: [a, b]\n") == [
        "includes/on-tap.yml:1:1: Q001 question 1 lacks `dap_an`, `giai_thich`, `xem`, `nguon`"
    ]
    [finding] = findings(tree, "- hoi: [\n")
    assert finding.startswith("includes/on-tap.yml:") and "Q001 not valid YAML" in finding


def test_build_fails_on_a_wrong_answer(project_copy):
    path = project_copy / "docs" / "includes" / "on-tap.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("dap_an: 110 người", "dap_an: 120 người", 1), encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "120 người" in row)
    result = subprocess.run([sys.executable, "-m", "hoctap.cli", "build", "--no-pdf", "--site-dir", "site"],
                            cwd=project_copy, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"includes/on-tap.yml:{line}:1: Q002" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_project_quiz_is_valid():
    root = Path(__file__).resolve().parent.parent
    result = quiz.load(root / "docs" / quiz.FILE, root / "docs", root / "sources", ("en",))
    assert result.findings == []
    assert len(result.questions) >= 10
    assert all(len(q.translations["en"]["lua_chon"]) == len(q.lua_chon) for q in result.questions)


def test_no_question_asks_for_an_order_the_plan_does_not_give():
    """Issue 14: "trước hết" asked which focus comes first, and the plan ranks none."""
    root = Path(__file__).resolve().parent.parent
    for q in quiz.load(root / "docs" / quiz.FILE, root / "docs", root / "sources").questions:
        assert not any(word in q.hoi.casefold() for word in ("trước hết", "đầu tiên", "thứ tự", "quan trọng nhất")), q.hoi
    focus = next(q for q in quiz.load(root / "docs" / quiz.FILE, root / "docs", root / "sources").questions
                 if "03/CTr-LĐLĐ" in q.hoi)
    assert focus.dap_an.count(",") == 5  # all six focus areas the plan names, not four of them


def test_english_translation_needs_every_choice_in_order(tree):
    english = GOOD.replace("  nguon: src.txt:1\n", "  nguon: src.txt:1\n  en:\n    hoi: How many?\n"
                           "    lua_chon: [50 people, 110 people]\n    giai_thich: The plan expects 110.\n", 1)
    docs, sources = tree
    path = docs / "includes" / "on-tap.yml"
    path.write_text(english, encoding="utf-8")
    result = quiz.load(path, docs, sources, ("en",))
    assert [f.code for f in result.findings] == ["Q005"] and result.findings[0].line == 11  # the second has none
    assert result.questions[0].text("en") == ("How many?", ["50 people", "110 people"], "The plan expects 110.")
    assert result.questions[0].text("vi")[0] == "Bao nhiêu người?"
    path.write_text(english.replace("[50 people, 110 people]", "[110 people]"), encoding="utf-8")
    assert "Q005" in [f.code for f in quiz.load(path, docs, sources, ("en",)).findings]


def test_a_comment_in_the_front_matter_is_not_the_pages_title(tree):
    docs, _ = tree
    (docs / "hoi-nghi.md").write_text("---\n# On the timeline: a note for editors\ntitle: X\n---\n\n# Hội nghị\n\n## Ai {#ai}\n",
                                      encoding="utf-8")
    assert quiz.reference_label("hoi-nghi.md#ai", docs) == ("Hội nghị › Ai", "vi")


def test_the_quiz_asks_what_the_plan_asks_of_members_not_only_who_issued_what():
    """Issue 24: the quiz asked only about metadata (issuers, dates, numbers). Members must also be asked
    what the plan requires of the study (I.2) and of their grassroots union (III.2), each answer grounded
    in the plan's own lines (Q004 checks that)."""
    root = Path(__file__).resolve().parent.parent / "docs"
    result = quiz.load(root / "includes" / "on-tap.yml", root, root.parent / "sources", ("en",))
    assert result.findings == []
    anchors = {question.xem.partition("#")[2] for question in result.questions}
    assert {"muc-dich", "yeu-cau", "cong-doan-co-so"} <= anchors
