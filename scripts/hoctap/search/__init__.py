"""Vietnamese search: the site's own per-language index, read by a MiniSearch worker inside Material's search UI.

Material's search plugin still parses every page into sections; we take those sections
per language build, index them with diacritic-folded terms and the registry's symbols,
and leave Material's own index empty, so a page view downloads no index at all.
The worker (`overrides/assets/javascripts/hoctap-search.js`, engine in `hoctap-search-engine.js`)
loads ours when search is opened.
"""

from .index import build_index, index_path, take_entries, write_index, write_language_index
from .text import aliases, compact, exact, fold, terms, words

__all__ = ["aliases", "build_index", "compact", "exact", "fold", "index_path", "take_entries", "terms", "words",
           "write_index", "write_language_index"]
