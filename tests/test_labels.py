"""The words shown to readers: one data file per language, the same keys in each, loaded by one helper."""

from __future__ import annotations

import yaml

from hoctap.render.labels import labels, template_labels
from hoctap.text.words import WORDS_DIR

LANGS = ("vi", "en")


def _words(words: dict, prefix: str = "") -> dict[str, str]:
    """Every word by its path: `quiz/answer`."""
    flat = {}
    for key, value in words.items():
        flat |= _words(value, f"{prefix}{key}/") if isinstance(value, dict) else {prefix + key: value}
    return flat


def test_every_language_has_the_same_words():
    """`material` is the exception: only Material's wrong words are listed, per language."""
    files = {lang: yaml.safe_load((WORDS_DIR / f"{lang}.yml").read_text(encoding="utf-8")) for lang in LANGS}
    flat = {lang: _words(words) for lang, words in files.items()}
    keys = {lang: {k for k in words if not k.startswith("material/")} for lang, words in flat.items()}
    assert keys["vi"] == keys["en"], keys["vi"] ^ keys["en"]
    for lang, words in flat.items():
        # Words are text; a language may leave one empty where it needs none (`quiz/in_vi` in Vietnamese)
        not_text = [k for k, v in words.items() if not isinstance(v, str)]
        assert not not_text, f"{lang}.yml has words that are not text: {not_text}"
    assert all(flat["en"][k].strip() for k in keys["en"]), "English says every word"


def test_the_helper_reads_shared_words_and_parts():
    assert labels("vi")["so_ky_hieu"] == "Số ký hiệu"
    assert labels("en")["so_ky_hieu"] == "Symbol"
    assert labels("vi", "quiz")["answer"] == "Trả lời"
    assert labels("en", "kit")["map_heading"] == "Document map"
    assert "quiz" not in labels("vi"), "parts are not mixed into the shared words"
    assert template_labels("vi").material["top"] == "Lên đầu trang"
    assert labels("fr") == labels("vi"), "a language without a file reads Vietnamese"


def test_material_corrections_are_right_vietnamese():
    material = labels("vi", "material")
    assert material["top"] == "Lên đầu trang"
    assert material["search.result.more.other"] == "# kết quả khác trong trang"
    assert labels("vi")["permalink"] == "Liên kết cố định"
