"""Imported official texts in `hoctap check` and the build: their slips are warnings that nothing
fails on and `--fix` never touches; a header that disagrees with a citation elsewhere is a
finding at both places."""

from __future__ import annotations

import dataclasses
import json

from tests import import_samples as samples
from tests.test_import import hoctap

PLAN = "sources/ke-hoach-ldld-lai-chau-2026-03-31.txt"
SLIPS = ["S102", "S102", "V103", "V104", "V104"]  # số18-Ctr/TU, 15/Ctr-LĐLĐ, của của, ngày19, số18


def _codes(output: str) -> list[tuple[str, bool]]:
    """(code, is a warning) of each finding, but F103: the plan's list of what it has studied reads to
    that check as claims that the plan implements them (warnings too, inside the full text)."""
    return sorted((line.split()[1], line.split()[2] == "warning:") for line in output.splitlines()
                  if line.split()[1] != "F103")


def test_the_plans_slips_are_warnings_neither_failed_on_nor_fixed(project_copy):
    page = project_copy / "docs" / "ke-hoach.md"
    assert hoctap("import", "--into", "docs/ke-hoach.md", PLAN, cwd=project_copy).returncode == 0
    # A slip of the editor's, outside the full text, stays an error with its fix
    text = page.read_text(encoding="utf-8").replace("\n<!-- hoctap import", "\nXem Chương trình số18-Ctr/TU.\n\n<!-- hoctap import", 1)
    page.write_text(text, encoding="utf-8")
    check = hoctap("check", cwd=project_copy)
    assert check.returncode == 1
    assert _codes(check.stdout) == sorted([(code, True) for code in SLIPS] + [("S102", False), ("V104", False)])
    data = json.loads(hoctap("check", "--format", "json", cwd=project_copy).stdout)
    assert sorted(f["severity"] for f in data if f["code"] != "F103") == ["error"] * 2 + ["warning"] * 5
    assert all(f["fix"] is None for f in data if f["severity"] == "warning")

    fixed = hoctap("check", "--fix", cwd=project_copy)
    after = page.read_text(encoding="utf-8")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr  # warnings only
    assert "Xem Chương trình số 18-CTr/TU." in after
    assert after.replace("Xem Chương trình số 18-CTr/TU.", "Xem Chương trình số18-Ctr/TU.") == text  # the full text as it was
    assert _codes(fixed.stdout) == [(code, True) for code in SLIPS]
    assert "hoctap check: no problems, " in fixed.stderr


def test_a_header_that_disagrees_is_a_finding_at_both_places(project_copy, tmp_path):
    """An imported 15-CTr/TU printing 05/3/2026, where the plan and the editors' pages say 04/3/2026."""
    sample = dataclasses.replace(samples.SAMPLES["chuong-trinh-dang-mau"], number="Số 15-CTr/TU",
                                 date="Lai Châu, ngày 05 tháng 3 năm 2026")
    original = samples.write_docx(sample, tmp_path / "15-ctr-tu.docx")
    assert hoctap("import", "--into", "docs/van-ban/15-ctr-tu.md", str(original), cwd=project_copy).returncode == 0
    header = (project_copy / "docs" / "van-ban" / "15-ctr-tu.md").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(header, 1) if text.startswith("ngay_ban_hanh:"))
    assert header[line - 1] == "ngay_ban_hanh: 2026-03-05"

    check = hoctap("check", cwd=project_copy)
    assert check.returncode == 1
    lines = check.stdout.splitlines()
    citation = [l for l in lines if l.startswith("docs/ke-hoach.md:") and " S103 " in l]
    header_side = [l for l in lines if l.startswith(f"docs/van-ban/15-ctr-tu.md:{line}:1: S106 ")]
    assert len(citation) == 1 and "dated ngày 05/3/2026, not ngày 04/3/2026" in citation[0]
    where = citation[0].split(": S103")[0]  # docs/ke-hoach.md:LINE:COL
    assert any(f"{where} dates it ngày 04/3/2026" in l for l in header_side)
    assert all("warning:" not in l for l in citation + header_side)

    # The plan's own full text says 04/3/2026 too: it may not be changed, so there both are warnings
    assert hoctap("import", "--into", "docs/ke-hoach.md", PLAN, cwd=project_copy).returncode == 0
    lines = hoctap("check", cwd=project_copy).stdout.splitlines()
    verbatim = [l for l in lines if l.startswith("docs/ke-hoach.md:") and " S103 warning:" in l]
    assert len(verbatim) == 1
    where = verbatim[0].split(": S103")[0]
    assert any(l.startswith(f"docs/van-ban/15-ctr-tu.md:{line}:1: S106 warning:") and f"{where} dates it" in l
               for l in lines)
