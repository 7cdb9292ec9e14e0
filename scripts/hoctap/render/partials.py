"""The raw HTML and Markdown the plugin writes into pages, from Jinja partials in `overrides/partials/`.

Like the document card (`the-van-ban.html`), the quiz, the catalogue, the map and timeline and the
speaker sheets are templates fed with plain data; unlike the card, they are rendered before
Markdown (in on_page_markdown, through render/stash.py) or after it (the catalogue), so by the
plugin, not by the theme's page template. `.html` partials escape every value as
`html.escape` does (`&quot;`, `&#x27;`), as the f-strings they replace did: the site stays
byte-identical; a value that is markup already (`Markup`, or `| safe` on the words' `<b>`) is not.
A `.md` partial is Markdown: its values come escaped for Markdown by the caller.
"""

from __future__ import annotations

import functools
import html
from pathlib import Path

import jinja2
from markupsafe import Markup

from .template_cache import KEPT_DIR, KeptBytecodeCache

THEME_DIR = Path(__file__).resolve().parents[3] / "overrides"
"""The project's `theme.custom_dir`, for callers outside a build (tests); the plugin passes its own."""


def theme_dir_of(config) -> Path:
    """Where a build's partials are: the theme's `custom_dir` (overrides/), the project's own without one."""
    return Path(config.theme.custom_dir) if config.theme.custom_dir else THEME_DIR


@jinja2.pass_eval_context
def _escaped(context: jinja2.nodes.EvalContext, value):
    """In HTML, every `{{ value }}` as `html.escape(value, quote=True)` writes it; markup stays as it is."""
    if not context.autoescape or isinstance(value, Markup):
        return value
    return Markup(html.escape(str(value), quote=True))


@functools.cache
def environment(theme_dir: Path = THEME_DIR) -> jinja2.Environment:
    """One environment per theme folder, kept with its compiled partials (an edited one is read again).
    Compiled partials are also kept from one build to the next, beside the theme's templates but
    apart from them (`.cache/hoctap/partials`: this environment compiles the same file differently):
    compiling them took 0.05 s of every build."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir),
        bytecode_cache=KeptBytecodeCache(Path(theme_dir).parent / KEPT_DIR / "partials"),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=False),
        finalize=_escaped,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, theme_dir: Path = THEME_DIR, **data) -> str:
    """`overrides/partials/<name>` rendered with `data`."""
    return environment(theme_dir).get_template(f"partials/{name}").render(**data)
