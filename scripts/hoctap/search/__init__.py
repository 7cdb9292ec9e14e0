"""Vietnamese search: the site's own per-language index, read by a MiniSearch worker inside Material's search UI.

Material's search plugin stays for its search box; we split every page into sections
ourselves (`sections.py`), index them per language build with diacritic-folded terms and
the registry's symbols, and leave Material's own index empty, so a page view downloads no index.
The worker (`overrides/assets/javascripts/hoctap-search.js`, engine in `hoctap-search-engine.js`,
what a member types read by `hoctap-search-query.js`) loads ours when search is opened: question
words need not match, a page ranks by how much of the query it covers, mistyped words are read
against the index's own words (tests/test_search_questions.py; benchmarks/search.py).
"""

from .index import Record, build_index, index_path, record, write_index, write_language_index
from .sections import sections
from .text import aliases, compact, exact, fold, terms, words

__all__ = ["Record", "aliases", "build_index", "compact", "exact", "fold", "index_path", "record",
           "sections", "terms", "words", "write_index", "write_language_index"]
