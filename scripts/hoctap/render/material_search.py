"""Material's search box without Material's index: our index (`hoctap.search`) feeds its worker."""

from __future__ import annotations

from material.plugins.search.plugin import SearchIndex


class EmptyIndex(SearchIndex):
    """Material's search index with no page in it: its search box stays, fed by our worker and index."""

    def add_entry_from_context(self, page) -> None:
        return None
