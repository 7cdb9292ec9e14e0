"""The built pages are valid HTML to the Nu Html Checker: every error is one that plain
Material 9.8.1 makes too (built in the same run) and is listed, with its reason, in vnu.py."""

from __future__ import annotations

import re

import pytest
from tests.vnu import MATERIAL_ERRORS, build_plain_material, vnu_errors


@pytest.fixture(scope="module")
def errors(site, tmp_path_factory):
    plain = build_plain_material(tmp_path_factory.mktemp("plain-material"))
    found = vnu_errors(site, plain)
    return {"ours": found[site], "material": found[plain]}


def unexplained(ours, material) -> list[str]:
    """Our errors that plain Material does not make, or that no listed reason covers."""
    theirs = {e.message for e in material}
    return [str(e) for e in ours if e.material_reason() is None or e.message not in theirs]


def test_no_html_errors_of_our_own(errors):
    print(f"vnu: {len(errors['ours'])} errors on our site, {len(errors['material'])} on plain Material")
    assert unexplained(errors["ours"], errors["material"]) == []


@pytest.mark.parametrize("pattern", list(MATERIAL_ERRORS))
def test_each_listed_material_error_still_occurs_on_plain_material(errors, pattern):
    assert any(re.search(pattern, e.message) for e in errors["material"]), (
        f"plain Material no longer makes “{pattern}”: remove it from MATERIAL_ERRORS")


def test_checker_reports_invalid_html_we_introduce(project_copy, build):
    page = project_copy / "docs" / "thuat-ngu.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\n<ul><div>Khối sai chỗ</div></ul>\n',
                    encoding="utf-8")
    result = build(project_copy, project_copy / "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    found = vnu_errors(project_copy / "site")[project_copy / "site"]
    planted = [e for e in found if e.path == "thuat-ngu.html" and "“div” not allowed as child of element “ul”" in e.message]
    assert planted, "\n".join(map(str, found))
    assert str(planted[0]) in unexplained(found, [])
