"""Tables in plain text: lines aligned in columns, found from the characters' columns alone.

A run of two or more consecutive lines is a table when its columns are separated the same way on
every line: by tabs (the same number of cells on each), by pipes (`a | b | c`, the same number on
each; rule lines such as `|---|---|` or `----+----` between them are drawing, not text), or by two or
more spaces standing at the same character columns on every line. Anything less consistent stays
lines: a guessed table would put words in the wrong cells. Only the body's paragraphs read these
grids (layout.paragraphs); the header's and the closing's columns are read from the cells, as before.
"""

from __future__ import annotations

import re

_RULE = re.compile(r"^(?=.*[|+])\s*[|+]?(?:[\s:=+-]*[-=]{3,}[\s:=+-]*[|+])*[\s:=+-]*[-=]{3,}[\s:=+-]*[|+]?\s*$")
"""A pipe table's rule line (`|---|:--|`, `+----+----+`): it has a `|` or `+`; a bare `-----` is text."""
_INNER_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def find(lines: list[str]) -> dict[int, tuple[int, int, list[str]]]:
    """Line index → (which table, which of its rows, its cells as printed) for every line in a table;
    rule lines of a pipe table map to an empty list of cells (to leave out)."""
    found: dict[int, tuple[int, int, list[str]]] = {}
    run: list[int] = []
    for i, line in enumerate(lines + [""]):
        if line.strip() and (_splits(line) or run and _RULE.match(line)):
            run.append(i)
            continue
        while run and _RULE.match(lines[run[-1]]):
            run.pop()
        if len(run) >= 2:
            grid = _grid([lines[j] for j in run])
            if grid is not None:
                k, table = 0, len({t for t, _, _ in found.values()})
                for j, cells in zip(run, grid):
                    found[j] = (table, k if cells else -1, cells)
                    k += 1 if cells else 0
        run = []
    return found


def _splits(line: str) -> bool:
    return "\t" in line.strip() or "|" in line or bool(_INNER_GAP.search(line))


def _grid(lines: list[str]) -> list[list[str]] | None:
    rows = [line for line in lines if not _RULE.match(line)]
    if len(rows) < 2:
        return None
    if all("|" in line for line in rows):
        split = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]
    elif all("\t" in line.strip() for line in rows):
        split = [[c.strip() for c in re.split(r"\t+", line.strip())] for line in lines]
    else:
        split = _by_columns(lines)
    if split is None:
        return None
    cells = [row for line, row in zip(lines, split) if not _RULE.match(line)]
    width = len(cells[0])
    if width < 2 or any(len(row) != width or sum(1 for c in row if c) < 2 for row in cells):
        return None
    return [[] if _RULE.match(line) else row for line, row in zip(lines, split)]


def _by_columns(lines: list[str]) -> list[list[str]] | None:
    """Lines cut where two or more spaces stand at the same columns on every line, between words, and
    nowhere else (every such gap of every line is one of the columns')."""
    if any("\t" in line for line in lines):
        return None
    length = max(len(line) for line in lines)
    padded = [line.ljust(length) for line in lines]
    blank = [all(line[c] == " " for line in padded) for c in range(length)]
    start = min(len(line) - len(line.lstrip()) for line in lines)
    end = max(len(line.rstrip()) for line in lines)
    cuts, c = [], start
    while c < end:
        if blank[c]:
            stop = c
            while stop < end and blank[stop]:
                stop += 1
            if stop - c >= 2:
                cuts.append((c, stop))
            c = stop
        else:
            c += 1
    if not cuts or any(not any(m.start() <= a and b <= m.end() for a, b in cuts)
                       for line in lines for m in _INNER_GAP.finditer(line)):
        return None  # a gap off the columns: justified prose, not a table
    edges = [start] + [x for cut in cuts for x in cut] + [length]
    return [[line[edges[i]:edges[i + 1]].strip() for i in range(0, len(edges), 2)] for line in padded]
