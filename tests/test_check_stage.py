"""One checks stage (issue 15): `hoctap check` reports what a build reports, data files included.

The quiz, the speaker focus areas, the timeline marks, the abbreviations and the cards' links to a
page MkDocs leaves out were checked only inside a build; a site that `check` called clean could fail
to build. Here each is broken in a copy of the project, and `check` must name each at its place,
exactly the findings the build fails on.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_cli_check import hoctap

FINDING = re.compile(r"^(docs/\S+?):(\d+):(\d+): ([A-Z]\d{3}) ", re.M)


def findings(output: str) -> set[tuple[str, int, str]]:
    """(file, line, code) of every finding printed as `docs/…:line:col: CODE …`."""
    return {(m[1], int(m[2]), m[4]) for m in FINDING.finditer(output)}


def replace(root: Path, rel: str, old: str, new: str) -> int:
    """Replace `old` by `new` in docs/`rel`; the line of the change."""
    path = root / "docs" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: update the test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


def line_of(root: Path, rel: str, start: str) -> int:
    lines = (root / "docs" / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def wrong_data(root: Path) -> set[tuple[str, int, str]]:
    """A wrong answer, a programme no page describes, an ungrounded timeline mark, a line that is no
    abbreviation, and a card's link to a page left out of the build: what each must be reported as."""
    expected = {("docs/includes/on-tap.yml", replace(root, "includes/on-tap.yml", "dap_an: 110 người", "dap_an: 120 người"), "Q002")}
    focus = root / "docs" / "includes" / "bao-cao-vien.yml"
    with focus.open("a", encoding="utf-8") as file:
        file.write("  99/CTr-LĐLĐ: []\n")
    expected.add(("docs/includes/bao-cao-vien.yml", len(focus.read_text(encoding="utf-8").splitlines()), "K002"))
    replace(root, "hoi-nghi.md", "ghi: Dự kiến trung tuần tháng 4/2026", "ghi: Ngày 15/4/2026")
    expected.add(("docs/hoi-nghi.md", line_of(root, "hoi-nghi.md", "moc_thoi_gian:"), "K003"))
    expected.add(("docs/includes/abbreviations.md",
                  replace(root, "includes/abbreviations.md", "*[CĐCS]: Công đoàn cơ sở", "[CĐCS]: Công đoàn cơ sở"), "A001"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  includes/\n", "  includes/\n  van-ban/58-ct-tw.md\n"),
                      encoding="utf-8")
    expected.add(("docs/van-ban/18-ctr-tu.md", line_of(root, "van-ban/18-ctr-tu.md", "thuc_hien:"), "L103"))
    return expected


def missing_data(root: Path) -> set[tuple[str, int, str]]:
    """The quiz's file deleted, the speakers' file emptied: their pages would be published with nothing on them."""
    (root / "docs" / "includes" / "on-tap.yml").unlink()
    (root / "docs" / "includes" / "bao-cao-vien.yml").write_text("# trống\n", encoding="utf-8")
    return {("docs/includes/on-tap.yml", 1, "Q001"), ("docs/includes/bao-cao-vien.yml", 1, "K001")}


@pytest.mark.parametrize("plant", [wrong_data, missing_data])
def test_check_reports_what_the_build_fails_on(plant, project_copy):
    expected = plant(project_copy)
    checked = hoctap("check", cwd=project_copy)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    reported = findings(checked.stdout)
    assert expected <= reported, checked.stdout
    built = hoctap("build", "--no-pdf", "--site-dir", str(project_copy / "site"), cwd=project_copy)
    assert built.returncode != 0 and "Traceback" not in built.stdout + built.stderr
    assert findings(built.stdout + built.stderr) == reported, built.stdout + built.stderr
    assert not (project_copy / "site").exists()

