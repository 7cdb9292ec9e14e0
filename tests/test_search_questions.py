"""Members' questions, as they type them, against the site's real index: the page that answers must
be in the first three results. The worker's engine runs in Node (tests/search/engine.js), over the
index the build writes; tests/browser/test_search.py asks some of them in Material's search box at 360 px.

The questions are in tests/search/__init__.py (benchmarks/search.py asks them of Material too).
Each finding of issue 24 about search has its own test below; each fails on the engine before it
(every word had to match, no typo in words under four letters, `thẻ` marked `theo`).
"""

from __future__ import annotations

import re

import pytest

from tests.search import NOTHING, QUESTIONS, answers, pages


@pytest.fixture(scope="module")
def asked(site):
    queries = [q for q, _ in QUESTIONS] + NOTHING + ["chuyen doi so", "chuyen doi soo", "thẻ", "the ", "hoi nghi khi nao",
                                                      "quan triet", "quan triet la gi"]
    return dict(zip(queries, answers(site, queries)))


@pytest.mark.parametrize("question,expected", QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_members_question_finds_its_page_in_the_first_three(asked, question, expected):
    top = pages(asked[question])[:3]
    assert expected & set(top), f"{question!r} gave {top}"


@pytest.mark.parametrize("query", NOTHING)
def test_a_query_the_site_cannot_answer_finds_nothing(asked, query):
    assert pages(asked[query]) == []


def test_question_words_need_not_match(asked):
    """`khi nào`, `là gì`: the page that answers has the question's other words only."""
    assert {"hoi-nghi.html", "doc-nhanh.html"} & set(pages(asked["hoi nghi khi nao"])[:3])
    assert pages(asked["quan triet la gi"])[:3] == pages(asked["quan triet"])[:3]


def test_a_page_with_most_of_the_words_is_found(asked):
    """Not every word must match: `đi` is on no page, the conference's page answers all the same."""
    assert {"hoi-nghi.html", "doc-nhanh.html"} & set(pages(asked["ai duoc di du hoi nghi"])[:3])


def test_a_short_word_mistyped_is_read_as_a_word_of_the_site(asked):
    """`soo` is no word of the site; `so` is (số): read so, without finding many more pages."""
    right, wrong = pages(asked["chuyen doi so"]), pages(asked["chuyen doi soo"])
    assert wrong[0] == right[0] == "van-ban/02-ctr-ldld.html"
    assert len(set(wrong) - set(right)) <= 2, set(wrong) - set(right)


MARKED = re.compile(r"<mark data-md-highlight>([^<]*)</mark>")


def marked(groups) -> set[str]:
    return {word.lower() for group in groups for item in group for html in item[1:] for word in MARKED.findall(html)}


def test_a_word_typed_with_diacritics_marks_only_that_word(asked):
    """`thẻ` marks `thẻ`, never `theo` or `thể`, even while it is being typed (no space after it);
    `the `, typed without diacritics and ended, marks every spelling of it and no longer word."""
    assert marked(asked["thẻ"]) == {"thẻ"}
    assert {"thể", "thẻ"} <= marked(asked["the "]) and "theo" not in marked(asked["the "])


def test_words_are_marked_where_they_matched(asked):
    """The question words and the mistyped word are marked as the page writes what they matched."""
    assert {"hội", "nghị"} <= marked(asked["hoi nghi khi nao"])
    assert "số" in marked(asked["chuyen doi soo"])
