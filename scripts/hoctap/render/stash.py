"""Raw HTML the plugin generates, kept apart from the page's sanitiser (hoctap.text.safe_html).

The quiz's form, the map's SVG and the speaker sheet's print button are ours, built from escaped
values, and use tags an editor may not (`form`, `svg`, `button`). Into the Markdown goes a
placeholder, an HTML comment that Markdown and the sanitiser both leave alone; after sanitising,
the plugin puts the HTML back. The page is rendered between the two, one page at a time.
"""

from __future__ import annotations


class Stash:
    def __init__(self):
        self.blocks: dict[str, str] = {}

    def put(self, html: str) -> str:
        """A placeholder for `html`, to write into the page's Markdown instead of it."""
        key = f"<!--hoctap:khoi-{len(self.blocks)}-->"
        self.blocks[key] = html
        return key

    def restore(self, html: str) -> str:
        """The page's sanitised HTML with each placeholder replaced by its block; the stash is emptied."""
        for key, block in self.blocks.items():
            html = html.replace(key, block, 1)
        self.blocks.clear()
        return html
