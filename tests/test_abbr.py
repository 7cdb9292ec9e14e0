"""render.abbr: inside a link, the first use of an abbreviation is spelled out; symbols stay whole."""

from __future__ import annotations

import markdown

from hoctap.render.abbr import SpellOutInLinksExtension, in_symbol

GLOSSARY = {"LĐLĐ": "Liên đoàn Lao động", "CTr": "Chương trình", "MTTQ": "Mặt trận Tổ quốc"}


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["abbr", SpellOutInLinksExtension()],
                           extension_configs={"abbr": {"glossary": GLOSSARY}})
    return md.convert(text)


def test_first_use_in_a_link_is_spelled_out():
    out = render("Xem [Ban Chấp hành LĐLĐ tỉnh](a.md), rồi [LĐLĐ huyện](b.md) và LĐLĐ.")
    assert '<a href="a.md">Ban Chấp hành Liên đoàn Lao động (LĐLĐ) tỉnh</a>' in out
    assert '<a href="b.md"><abbr title="Liên đoàn Lao động">LĐLĐ</abbr> huyện</a>' in out, "spelled out once"
    assert out.endswith('và <abbr title="Liên đoàn Lao động">LĐLĐ</abbr>.</p>'), "outside links: a tap shows it"


def test_an_abbreviation_already_used_outside_a_link_stays_one():
    out = render("MTTQ tỉnh. Xem [Nghị quyết Đại hội MTTQ](a.md).")
    assert '<a href="a.md">Nghị quyết Đại hội <abbr title="Mặt trận Tổ quốc">MTTQ</abbr></a>' in out


def test_symbols_in_links_stay_whole():
    out = render("[15/CTr-LĐLĐ](a.md) của [Ban Chấp hành LĐLĐ](b.md)")
    assert ('15/<abbr class="ht-abbr--symbol" title="Chương trình">CTr</abbr>-'
            '<abbr class="ht-abbr--symbol" title="Liên đoàn Lao động">LĐLĐ</abbr></a>') in out  # no underline through it
    # The symbol gave no meaning to tap for: the next use in a link is the first spelled out
    assert "Ban Chấp hành Liên đoàn Lao động (LĐLĐ)</a>" in out


def test_in_symbol():
    assert in_symbol("15/", "-LĐLĐ") and in_symbol("18-", "") and in_symbol("", "/TU")
    assert not in_symbol("Ban Chấp hành ", " tỉnh")
