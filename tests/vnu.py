"""The Nu Html Checker (npm `vnu-jar`, run with the machine's Java) over built pages,
and a plain Material site to tell Material's own errors from ours."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from hoctap.build.project import read_mkdocs_yml

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that Material 9.8.1's own templates put in every site, each with why we keep it.
# The one place for them: test_html_valid.py checks that each still occurs on a plain
# Material site built in the same run, so an entry that Material fixes has to go.
MATERIAL_ERRORS = {
    r"Attribute “autocomplete” is only allowed when the input type is": (
        "Material's toggles (drawer, search, palette, nav sections, table of contents) are "
        "<input type=checkbox autocomplete=off>, so that a browser does not restore an open "
        "drawer after Back. Browsers ignore the attribute on a checkbox otherwise; removing it "
        "means copying Material's base.html and nav partials."),
    r"Bad value “” for attribute “tabindex” on element “label”": (
        "Material's nav-item.html writes tabindex=\"\" on the label of a section with "
        "navigation.sections. Browsers treat an empty tabindex as absent: the section heading "
        "is not a tab stop, which is what Material means."),
}


@dataclass(frozen=True)
class HtmlError:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def material_reason(self) -> str | None:
        return next((why for pattern, why in MATERIAL_ERRORS.items() if re.search(pattern, self.message)), None)


def vnu_errors(*roots: Path) -> dict[Path, list[HtmlError]]:
    """Errors in every .html file under each root, paths relative to their root."""
    if not VNU.exists():
        raise FileNotFoundError(f"{VNU} is missing: run `make setup` (npm ci installs vnu-jar)")
    if shutil.which("java") is None:
        raise FileNotFoundError("java is missing: run `make setup` (installs openjdk-17-jre-headless)")
    run = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                          *map(str, roots)], capture_output=True, text=True)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    found: dict[Path, list[HtmlError]] = {root: [] for root in roots}
    for m in messages:
        if m["type"] != "error":
            continue
        file = Path(m["url"].removeprefix("file:"))
        root = next(r for r in roots if file.is_relative_to(r.resolve()))
        found[root].append(HtmlError(file.relative_to(root.resolve()).as_posix(),
                                     m.get("lastLine", 0), m.get("firstColumn", 0), m["message"]))
    return found


def plain_material_config(mkdocs_yml: Path, plugins: tuple[str, ...] = ("search",)) -> dict:
    """Our mkdocs.yml for plain Material: the same features and Markdown extensions, without our
    overrides, plugin and link validation; only `plugins` kept (by name, with their settings)."""
    config = read_mkdocs_yml(mkdocs_yml)  # our `!!python/name` and `!ENV` values read as None
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "toc" in extension:
            extension["toc"].pop("slugify", None)  # plain Material keeps Python-Markdown's own
    # The same tooltips on every page, by Material's own recipe (our plugin gives `abbr` a glossary)
    config["markdown_extensions"].append(
        {"pymdownx.snippets": {"base_path": ["docs/includes"], "auto_append": ["abbreviations.md"], "check_paths": True}})
    config.pop("site_url", None)
    config["theme"].pop("custom_dir", None)
    for key in ("favicon", "logo"):
        config["theme"].pop(key, None)
    for key in ("extra_css", "validation", "not_in_nav"):
        config.pop(key, None)
    config["extra"].pop("polyfills", None)
    name = lambda plugin: plugin if isinstance(plugin, str) else next(iter(plugin))
    config["plugins"] = [p for p in config["plugins"] if name(p) in plugins]
    return config


def build_plain_material(target: Path) -> Path:
    """The same pages, features and Markdown extensions with plain Material: no overrides,
    no hoctap or i18n plugin. Returns the built site."""
    shutil.copytree(ROOT / "docs", target / "docs")
    config = plain_material_config(ROOT / "mkdocs.yml")
    # The documents our plugin adds to the "Văn bản" section, listed by hand for Material.
    documents = sorted(p.relative_to(target / "docs").as_posix() for p in (target / "docs" / "van-ban").glob("*.md")
                       if p.name != "index.md" and p.suffixes == [".md"])
    for entry in config["nav"]:
        section = next(iter(entry.values()))
        if isinstance(section, list) and "van-ban/index.md" in section:
            section.extend(documents)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(target / "site")],
                   cwd=target, check=True, capture_output=True)
    return target / "site"
