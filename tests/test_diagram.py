"""render.diagram: the map as a phone reads it, top to bottom — the plan, the programmes it lists
for study under it, and under each what it implements; titles wrapped, never cut."""

from __future__ import annotations

from hoctap.registry.documents import Registry
from hoctap.render import diagram
from hoctap.render.labels import labels
from tests.conftest import DOCS


def test_the_plan_carries_its_programmes_and_each_what_it_implements():
    registry = Registry.load(DOCS)
    documents = [d for d in registry.catalogue() if not d.noi_bo]
    rows = diagram.map_rows(registry, documents)
    plan = rows[0].document
    study = [str(ma) for ma in plan.page.meta["noi_dung_hoc_tap"]]
    assert rows[0].level == 0 and len(study) == 7
    programmes = [r for r in rows if r.kind == "hoc_tap"]
    assert [r.document.ma for r in programmes] == study and all(r.level == 1 for r in programmes)
    for i, row in enumerate(rows):
        if row.kind != "hoc_tap":
            continue
        under = []
        for below in rows[i + 1:]:
            if below.level <= row.level:
                break
            under.append((below.kind, below.document.ma))
        expected = [("thuc_hien", m) for m in row.document.thuc_hien] + [("can_cu", m) for m in row.document.can_cu]
        assert under == expected, row.document.ma
    # Every document is on the map, each drawn in full once
    assert {r.document.ma for r in rows} >= {d.ma for d in documents}
    full = [r.document.ma for r in rows if not r.again]
    assert len(full) == len(set(full))


def test_titles_are_wrapped_not_cut():
    registry = Registry.load(DOCS)
    documents = [d for d in registry.catalogue() if not d.noi_bo]
    svg = diagram.document_map(registry, documents, "ban-do.md", labels("vi") | labels("vi", "kit"))
    assert "…" not in svg
    for d in documents:
        words = (d.trich_yeu or "").split()
        assert all(word in svg for word in words[-3:]), d.ma  # the end of every title is there
    assert f'font-size="{diagram.FONT}"' in svg and diagram.FONT >= 16
