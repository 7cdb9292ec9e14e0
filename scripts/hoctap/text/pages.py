"""What every layer knows of a page's name, and the names of what every build writes besides the
editors' pages (the kit, the plugin and the PDF alike)."""

from __future__ import annotations

from dataclasses import dataclass, fields

DEFAULT_LANG = "vi"
"""The site's language. `ke-hoach.md` is Vietnamese; `ke-hoach.en.md` is its English translation
(mkdocs-static-i18n's suffix layout): a page of another language names it before `.md`."""

PDF_NAME = "tai-lieu-hoc-tap.pdf"
"""The combined PDF "Tài liệu học tập", at the root of the site: in the site's links and in `hoctap pdf`'s output."""


def page_stem(name: str) -> str:
    """The page a file is, in any language: `ke-hoach.en.md` → `ke-hoach`."""
    return name.split(".")[0]


def page_lang(name: str) -> str:
    """The language a file is written in: `ke-hoach.en.md` → `en`, `ke-hoach.md` → `vi`."""
    parts = name.split(".")
    return parts[-2] if len(parts) >= 3 else DEFAULT_LANG


@dataclass(frozen=True)
class PageKinds:
    """The pages whose block the plugin generates (front matter `hoctap:`), by kind: one list for the
    schema, the plugin and the templates (which get it as `hoctap_kinds`)."""

    danh_muc: str = "danh-muc"  # the catalogue
    thuat_ngu: str = "thuat-ngu"  # the glossary
    on_tap: str = "on-tap"  # the quiz
    ban_do: str = "ban-do"  # the map and timeline
    bao_cao_vien: str = "bao-cao-vien"  # the speaker sheets
    hoi_nghi: str = "hoi-nghi"  # the conference's agenda
    diem_chinh: str = "diem-chinh"  # the editors' kept key points (Đọc nhanh)

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))

    @property
    def styled(self) -> tuple[str, ...]:
        """The kinds whose pages load the kit's stylesheet (kit.css)."""
        return self.on_tap, self.ban_do, self.bao_cao_vien, self.danh_muc


PAGE_KINDS = PageKinds()
