"""The registry derived from front matter: look-ups, relations, reading order and their checks."""

from pathlib import Path

from tests.conftest import DOCS
from hoctap.registry.documents import Registry

PAGE = """---
so_ky_hieu: {symbol}
loai: Chương trình
ngay_ban_hanh: {date}
co_quan_ban_hanh: Ban Chấp hành LĐLĐ tỉnh Lai Châu
trich_yeu: Văn bản {symbol}
thuc_hien: {thuc_hien}
can_cu: []
trang_thai: du-thao
nguon: [nguon.txt:1]
---

# Văn bản
"""


def write(docs: Path, name: str, symbol: str, thuc_hien: str = "[]", date: str = "2026-01-21") -> None:
    (docs / "van-ban").mkdir(parents=True, exist_ok=True)
    (docs / "van-ban" / name).write_text(PAGE.format(symbol=symbol, thuc_hien=thuc_hien, date=date), encoding="utf-8")


def codes(registry: Registry) -> list[str]:
    return sorted(f.code for f in registry.findings)


def test_project_registry_is_clean_and_complete():
    registry = Registry.load(DOCS)
    assert registry.findings == []
    symbols = {d.so_ky_hieu for d in registry.documents}
    assert {"15-CTr/TU", "18-CTr/TU", "03/CTr-MTTQ-UB", "15/CTr-LĐLĐ", "01/CTr-LĐLĐ", "02/CTr-LĐLĐ",
            "03/CTr-LĐLĐ", "58-CT/TW", "1447/TLĐ-QHLĐ", "14/CTr-LĐLĐ"} <= symbols
    assert registry.get("nghi-quyet-dai-hoi-xiv-dang").so_ky_hieu is None
    assert [d.ma for d in registry.implemented_by(registry.get("58-CT/TW"))] == ["18-CTr/TU"]


def test_translations_share_the_vietnamese_metadata(tmp_path):
    write(tmp_path, "01-ctr-ldld.md", "01/CTr-LĐLĐ")
    (tmp_path / "van-ban" / "01-ctr-ldld.en.md").write_text("# Programme 01\n", encoding="utf-8")
    registry = Registry.load(tmp_path)
    assert len(registry.documents) == 1
    assert registry.by_page("van-ban/01-ctr-ldld").so_ky_hieu == "01/CTr-LĐLĐ"


def test_same_symbol_on_two_pages(tmp_path):
    write(tmp_path, "a.md", "01/CTr-LĐLĐ")
    write(tmp_path, "b.md", "01/CTr-LĐLĐ")
    [finding] = Registry.load(tmp_path).findings
    assert (finding.code, finding.path, finding.line) == ("M006", "van-ban/b.md", 2)


def test_relation_to_unknown_document(tmp_path):
    write(tmp_path, "a.md", "01/CTr-LĐLĐ", thuc_hien="[99/CTr-LĐLĐ]")
    [finding] = Registry.load(tmp_path).findings
    assert (finding.code, finding.line) == ("M004", 7)
    assert "99/CTr-LĐLĐ" in finding.message


def test_cycle_is_reported_once(tmp_path):
    write(tmp_path, "a.md", "01/CTr-LĐLĐ", thuc_hien="[02/CTr-LĐLĐ]")
    write(tmp_path, "b.md", "02/CTr-LĐLĐ", thuc_hien="[03/CTr-LĐLĐ]")
    write(tmp_path, "c.md", "03/CTr-LĐLĐ", thuc_hien="[01/CTr-LĐLĐ]")
    findings = Registry.load(tmp_path).findings
    assert [f.code for f in findings] == ["M005"]
    assert "01/CTr-LĐLĐ → 02/CTr-LĐLĐ → 03/CTr-LĐLĐ → 01/CTr-LĐLĐ" in findings[0].message


def test_catalogue_puts_the_plans_study_list_first_then_dates(tmp_path):
    write(tmp_path, "a.md", "01/CTr-LĐLĐ", date="2026-01-21")
    write(tmp_path, "b.md", "14/CTr-LĐLĐ", date="2025-12-19")
    write(tmp_path, "c.md", "02/CTr-LĐLĐ", date="2026-01-21")
    write(tmp_path, "ke-hoach.md", "", date="2026-03-31")
    plan = tmp_path / "van-ban" / "ke-hoach.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("can_cu: []", "can_cu: []\nnoi_dung_hoc_tap: [02/CTr-LĐLĐ]"),
                    encoding="utf-8")
    order = [d.ma for d in Registry.load(tmp_path).catalogue()]
    assert order == ["02/CTr-LĐLĐ", "14/CTr-LĐLĐ", "01/CTr-LĐLĐ", "ke-hoach"]
