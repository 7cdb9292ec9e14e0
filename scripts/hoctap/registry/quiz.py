"""The self-check quiz (Ôn tập): questions kept in a YAML data file, checked before they are shown.

Each question carries:

- `hoi` — the question; `lua_chon` — the choices; `dap_an` — the right choice, written as in `lua_chon`;
- `giai_thich` — the explanation shown after an answer;
- `xem` — the page and heading that answer it (`ke-hoach.md#doi-tuong`);
- `nguon` — the source lines that state the answer (`ke-hoach-….txt:89`): the answer must be there;
  or, for a document imported with its full text (`hoctap import`, the desk), its page (`van-ban/x.md`):
  the answer must be in the full text on that page, between its markers (its lines move as the page is edited);
- `en` — the question in English, for the English quiz page: `hoi`, `lua_chon` in the same order,
  `giai_thich`. The right answer is the Vietnamese one, checked against the Vietnamese source; the
  English choice at its place is its translation, shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from ..text.vietnamese import slugify

from ..content.page import parse_page
from ..text import data_file
from ..text.findings import Finding
from ..text.pages import DEFAULT_LANG
from ..text.sources import said_in, ungrounded
from ..text.toan_van_markers import printed

FILE = "includes/on-tap.yml"
"""Where the quiz is, in docs/."""
PAGE = "on-tap.md"
"""The quiz page; each of its translations (`on-tap.en.md`) needs every question translated."""
KEYS = ("hoi", "lua_chon", "dap_an", "giai_thich", "xem", "nguon")
TRANSLATED_KEYS = ("hoi", "lua_chon", "giai_thich")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{:?\s*#([\w-]+)[^}]*\})?\s*#*\s*$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


@dataclass
class Question:
    id: str
    hoi: str
    lua_chon: list[str]
    dap_an: str
    giai_thich: str
    xem: str
    nguon: str
    line: int
    translations: dict[str, dict] = field(default_factory=dict)
    """{lang: {"hoi", "lua_chon", "giai_thich"}}: the question as another language's quiz shows it."""

    def text(self, lang: str) -> tuple[str, list[str], str]:
        """(question, choices, explanation) in `lang`, Vietnamese where it has no translation."""
        other = self.translations.get(lang)
        return (other["hoi"], other["lua_chon"], other["giai_thich"]) if other else (self.hoi, self.lua_chon, self.giai_thich)

    @property
    def answer_index(self) -> int:
        return self.lua_chon.index(self.dap_an)


@dataclass
class Quiz:
    questions: list[Question]
    findings: list[Finding]


def headings(markdown: str) -> dict[str, str]:
    """Anchor → heading text of a Markdown page, as the `toc` extension names them."""
    found = {}
    for level, text, explicit in _HEADING.findall(_FENCE.sub("", markdown)):
        plain = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", text).strip()
        found[explicit or slugify(plain, "-")] = plain
    return found


def load(path: Path, docs_dir: Path, source_dir: Path, languages: tuple[str, ...] = ()) -> Quiz:
    """Read and check the quiz; `path` is reported relative to `docs_dir`, like every content finding.
    Each question must carry its translation into each of `languages` (those with a quiz page)."""
    rel = data_file.shown(path, docs_dir)
    root, problems = data_file.root(path, rel, "Q001", yaml.SequenceNode, "the quiz is a list of questions (`- hoi: …`)")
    if root is None:
        return Quiz([], problems)
    questions, findings = [], []
    for n, node in enumerate(root.value, start=1):
        question, problems = _question(node, n, rel, docs_dir, source_dir, languages)
        findings += problems
        if question is not None and not problems:
            questions.append(question)
    return Quiz(questions, findings)


def _question(node, n: int, rel: str, docs_dir: Path, source_dir: Path,
              languages: tuple[str, ...]) -> tuple[Question | None, list[Finding]]:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        return None, [Finding(rel, line, 1, "Q001", f"question {n} is not a mapping of keys to values")]
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value}
    data = data_file.value_of(node)
    at = lambda key: lines.get(key, line)
    missing = [key for key in KEYS if not data.get(key)]
    if missing:
        return None, [Finding(rel, line, 1, "Q001", f"question {n} lacks " + ", ".join(f"`{k}`" for k in missing))]
    choices = data["lua_chon"]
    if not isinstance(choices, list) or len(choices) < 2 or not all(isinstance(c, (str, int)) for c in choices):
        return None, [Finding(rel, at("lua_chon"), 1, "Q001", f"question {n}: `lua_chon` must list at least two choices")]
    choices = [str(c).strip() for c in choices]
    question = Question(f"cau-{n}", str(data["hoi"]).strip(), choices, str(data["dap_an"]).strip(),
                        str(data["giai_thich"]).strip(), str(data["xem"]).strip(), str(data["nguon"]).strip(), line)
    findings = []
    if len(set(choices)) != len(choices):
        findings.append(Finding(rel, at("lua_chon"), 1, "Q002", f"question {n}: two choices are the same"))
    if question.dap_an not in choices:
        findings.append(Finding(rel, at("dap_an"), 1, "Q002", f"question {n}: the answer {question.dap_an!r} is not among the choices",
                                "copy the right choice exactly into `dap_an`"))
    problem = _unresolved(question.xem, docs_dir)
    if problem:
        findings.append(Finding(rel, at("xem"), 1, "Q003", f"question {n}: {problem}"))
    problem = _ungrounded(question.nguon, question.dap_an, docs_dir, source_dir)
    if problem:
        findings.append(Finding(rel, at("nguon"), 1, "Q004", f"question {n}: the answer is not grounded: {problem}",
                                "cite the source lines that state the answer"))
    for lang in languages:
        other = data.get(lang)
        if not isinstance(other, dict) or any(not other.get(key) for key in TRANSLATED_KEYS) \
                or not isinstance(other["lua_chon"], list) or len(other["lua_chon"]) != len(choices):
            findings.append(Finding(rel, at(lang) if lang in lines else line, 1, "Q005",
                                    f"question {n}: its `{lang}` translation needs `hoi`, `giai_thich` and "
                                    f"`lua_chon` with {len(choices)} choices, in the order of `lua_chon`",
                                    f"translate it under `{lang}:` for the page on-tap.{lang}.md"))
            continue
        question.translations[lang] = {"hoi": str(other["hoi"]).strip(), "giai_thich": str(other["giai_thich"]).strip(),
                                       "lua_chon": [str(c).strip() for c in other["lua_chon"]]}
    return question, findings


def languages(docs_dir: Path) -> tuple[str, ...]:
    """The languages with a quiz page of their own (`on-tap.en.md`): each question needs its translation."""
    return tuple(sorted(p.name.split(".")[1] for p in docs_dir.glob(PAGE.replace(".md", ".*.md"))))


def _ungrounded(nguon: str, answer: str, docs_dir: Path, source_dir: Path) -> str:
    """Why the answer is not in what `nguon` cites: source lines, or a page's full text."""
    if not nguon.endswith(".md"):
        return ungrounded(source_dir, nguon, answer)
    page = docs_dir / nguon
    text = printed(page.read_text(encoding="utf-8")) if page.is_file() else None
    if text is None:
        return f"`{nguon}` is no page of docs/ with a full text (between the markers `hoctap import` writes)"
    return "" if said_in(text, answer) else f"{answer!r} is not in the full text of {nguon}"


def _unresolved(ref: str, docs_dir: Path) -> str:
    page, _, anchor = ref.partition("#")
    path = docs_dir / page
    if not page.endswith(".md") or not path.is_file():
        return f"`xem: {ref}`: no page `{page}` in docs/"
    if anchor and anchor not in headings(path.read_text(encoding="utf-8")):
        return f"`xem: {ref}`: `{page}` has no heading `#{anchor}`"
    return ""


def reference_label(ref: str, docs_dir: Path, lang: str = DEFAULT_LANG) -> tuple[str, str]:
    """(`Kế hoạch… › 3. Đối tượng`, its language): the page's title and the heading a question points
    to, from the page's translation into `lang` where there is one. The body only: a `# comment` in
    the front matter is not a title."""
    page, _, anchor = ref.partition("#")
    translated = docs_dir / page.replace(".md", f".{lang}.md")
    path, shown = (translated, lang) if lang != DEFAULT_LANG and translated.is_file() else (docs_dir / page, DEFAULT_LANG)
    markdown = parse_page(path.read_text(encoding="utf-8"), Path(page)).body
    found = headings(markdown)
    first_h1 = re.search(r"^#\s+(.*?)\s*(\{.*\})?\s*$", _FENCE.sub("", markdown), re.M)
    title = re.sub(r"[*_`]", "", first_h1.group(1)) if first_h1 else page
    label = f"{title} › {found[anchor]}" if anchor and found.get(anchor) and found[anchor] != title else title
    return label, shown
