"""`hoctap import` on what real official files do (tests/import_traps.py): no field is ever wrong.
A field is its true value, or empty with a warning that names it; a wrong value fails."""

from __future__ import annotations

import pytest

from hoctap.importing import import_file
from tests import import_traps as traps


@pytest.mark.parametrize("fmt", sorted(traps.FORMATS))
@pytest.mark.parametrize("name", sorted(traps.TRAPS))
def test_no_field_is_ever_wrong(tmp_path, name, fmt):
    result = import_file(traps.made(tmp_path, name, fmt)).as_json()
    for key, truth in traps.TRUTH[name].items():
        if result[key] in (None, []):
            assert any(w.startswith(f"{key}:") for w in result["warnings"]), (key, result["warnings"])
        else:
            assert result[key] == truth, key


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "portal.html"])
def test_the_decree_reads_right_in_every_field(tmp_path, fmt):
    """Not only never wrong: on a well-made file every field is found."""
    result = import_file(traps.made(tmp_path, "nghi-dinh-mau", fmt)).as_json()
    assert {key: result[key] for key in traps.TRUTH["nghi-dinh-mau"]} == traps.TRUTH["nghi-dinh-mau"]


def test_the_fixtures_reproduce_the_failures():
    """The traps are there: a reference to another Điều wraps to a line's start in the text file,
    the preamble is a dash list right under the title, the portal page's side panel names a signer."""
    text = traps.as_text(traps.TRAPS["quy-dinh-dang-mau"]).splitlines()
    assert any(line.startswith("Điều ") and not line.startswith(("Điều 1.", "Điều 2.", "Điều 3.")) for line in text)
    assert text[text.index("THI HÀNH ĐIỀU LỆ MẪU") + 2].startswith("- Căn cứ")
    assert "Người ký: Chương I" in traps.as_portal_html(traps.TRAPS["nghi-dinh-mau"])


@pytest.mark.parametrize("value, field", [
    ("——", "organisation"), ("CỤC THUẾ TỈNH MẪU", None), ("Chương I", "person"), ("Lò Thị Hằng", None),
    ("Giàng A Páo", None), ("PHÓ THỦ TƯỚNG QUY ĐỊNH CHUNG; CHƯƠNG I", "position"), ("PHÓ CHỦ TỊCH", None),
    ("THI HÀNH ĐIỀU LỆ MẪU - Căn cứ Điều lệ Mẫu;", "subject"), ("triển khai công tác Kinh gửi:", "subject"),
    ("Về công tác mẫu -----", "subject"), ("T/M BAN CHẤP HÀNH TRUNG ƯƠNG", None),
])
def test_each_field_has_a_form(value, field):
    from hoctap.importing import forms

    checks = {"organisation": forms.organisation, "person": forms.person, "position": forms.position,
              "subject": forms.subject}
    for name, check in checks.items():
        if name == field:
            assert check(value) is not None
    if field is None:
        assert any(check(value) is None for check in (*checks.values(), forms.authority))
