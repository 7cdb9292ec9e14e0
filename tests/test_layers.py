"""The package's folders are its layers and point one way: text → content → registry → importing →
sharing → checks → search → render → build → publish → desk → commands, then cli.py. A module may import its
own folder and those below it, never one above: a check that needed the renderer, or a page that needed a release, would tie the pipeline's
stages together so that none could be tested or replaced without the others."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "scripts" / "hoctap"

LAYERS = ["text", "content", "registry", "importing", "sharing", "checks", "search", "render", "build", "publish",
          "desk", "commands"]  # the package's folders, lowest first; cli.py, the command over them all, is last
RANK = {name: rank for rank, name in enumerate(LAYERS)} | {"cli": len(LAYERS), "__main__": len(LAYERS)}


def module_of(path: Path) -> str:
    """`scripts/hoctap/render/kit.py` → `hoctap.render.kit`; a package's `__init__` is the package."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("hoctap",) + (parts[:-1] if parts[-1] == "__init__" else parts))


def rank_of(module: str) -> int | None:
    """The layer of `hoctap.render.kit` (that of `render`); None for the package itself."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    assert parts[1] in RANK, f"hoctap.{parts[1]} belongs to no layer: put it in a layer's folder"
    return RANK[parts[1]]


def imports_of(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module name) of every `hoctap` import in `source`, relative imports resolved."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            # `from .content import Page` imports from `content`; `from . import links` the module `links`
            targets = [target] if node.module else [f"{target}.{alias.name}" for alias in node.names]
            found += [(node.lineno, t) for t in targets if t.split(".")[0] == "hoctap"]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "hoctap"]
    return found


def _name(rank: int) -> str:
    return LAYERS[rank] if rank < len(LAYERS) else "cli"


def upward(source: str, module: str, is_package: bool) -> list[str]:
    own = rank_of(module)
    return [f"line {line}: imports {target} ({_name(rank_of(target))}, above {_name(own)})"
            for line, target in imports_of(source, module, is_package)
            if own is not None and (rank_of(target) or 0) > own]


def test_every_import_points_down_or_sideways():
    found = [f"{path.relative_to(PACKAGE.parent.parent).as_posix()} {problem}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for problem in upward(path.read_text(encoding="utf-8"), module_of(path), path.name == "__init__.py")]
    assert found == []


def test_an_upward_import_is_seen():
    """The walk must resolve relative imports as Python does, or the test above would see nothing."""
    source = "from ..text.findings import Finding\nfrom ..render.kit import Kit\nfrom . import links\nimport hoctap.publish.pdf\n"
    assert imports_of(source, "hoctap.checks.planted", False) == [
        (1, "hoctap.text.findings"), (2, "hoctap.render.kit"), (3, "hoctap.checks.links"), (4, "hoctap.publish.pdf")]
    assert upward(source, "hoctap.checks.planted", False) == [
        "line 2: imports hoctap.render.kit (render, above checks)",
        "line 4: imports hoctap.publish.pdf (publish, above checks)"]
    assert upward("from .. import registry\n", "hoctap.render", True) == []
    assert upward("from ..commands.build import swap_in\n", "hoctap.publish.planted", False) == [
        "line 1: imports hoctap.commands.build (commands, above publish)"]


def test_the_package_top_holds_only_the_command():
    """Every module sits in its layer's folder, so that `ls scripts/hoctap/` shows the architecture."""
    top = sorted(p.name for p in PACKAGE.iterdir() if p.suffix == ".py")
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert top == ["__init__.py", "__main__.py", "cli.py"]
    assert folders == sorted(LAYERS)


MODULE_LINES_MAX = 400


def test_no_module_holds_several_rooms():
    """A module over 400 lines holds several things a reader has to tell apart (render/plugin.py once
    held every MkDocs event in 541): split it by what its parts do."""
    found = [f"{path.relative_to(PACKAGE).as_posix()}: {lines} lines"
             for path in sorted(PACKAGE.rglob("*.py"))
             if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES_MAX]
    assert found == []


def test_nothing_below_render_knows_mkdocs():
    """Content, registry and checks run in `hoctap check` and in tests without a MkDocs build."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (rank_of(module_of(path)) or 0) >= RANK["render"]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            found += [f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}: {n}" for n in names
                      if n.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n")]
    assert found == []


def test_no_module_writes_the_environment():
    """Options reach MkDocs and the plugin as values (`hoctap.build.project.build`), never through variables
    that every later build of the same process, and every child process, would inherit."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = ast.unparse(node) if isinstance(node, (ast.Assign, ast.Call, ast.Delete)) else ""
            if any(k in text for k in ("os.environ[", "os.environ.update", "os.environ.setdefault", "os.putenv",
                                       "os.environ.clear", "os.environ.pop", "os.execve")):
                found.append(f"{path.relative_to(PACKAGE).as_posix()}:{node.lineno}")
    assert found == []
