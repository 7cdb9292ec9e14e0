"""What validation costs a build: a synthetic site of N document pages, built with and without it.

    .venv/bin/python benchmarks/validation.py [--pages 2000] [--repeat 1]

The site is the project's own (mkdocs.yml with navigation.prune, overrides/, docs/) plus N
generated Vietnamese document pages under docs/van-ban/, each citing others by symbol, date and
issuer, so that every check and the auto-linking have work to do. Both builds run `mkdocs build
--strict` in this run, on the same files; the only difference is the hoctap plugin's `checks`
option. Auto-linking is rendering, not validation: it runs in both.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.15

ISSUERS = (  # (symbol of document n, issuing body, as the pages name it)
    (lambda n: f"{n}-CTr/TU", "Ban Chấp hành Đảng bộ tỉnh", "Tỉnh ủy Lai Châu"),
    (lambda n: f"{n}/KH-LĐLĐ", "Ban Thường vụ LĐLĐ tỉnh Lai Châu", "Ban Thường vụ LĐLĐ tỉnh"),
    (lambda n: f"{n}/CTr-MTTQ-UB", "Ủy ban MTTQ Việt Nam tỉnh Lai Châu", "Ủy ban MTTQ Việt Nam tỉnh"),
    (lambda n: f"{n}/TLĐ-QHLĐ", "Tổng LĐLĐ Việt Nam", "Tổng LĐLĐ Việt Nam"),
)
BODY = (
    "Việc học tập, quán triệt nghị quyết phải được tổ chức nghiêm túc, thiết thực, hiệu quả, bảo đảm "
    "mỗi đoàn viên, người lao động được học tập, nắm vững những nội dung cốt lõi của nghị quyết. Nội dung "
    "triển khai cần bám sát mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp; gắn với chức năng, nhiệm vụ của "
    "từng cơ quan, đơn vị và tổ chức đoàn thể để xây dựng kế hoạch thực hiện cụ thể, khả thi."
)


def document(i: int) -> tuple[str, str, str, dt.date]:
    """Symbol, issuer, how prose names the issuer, and date of the i-th synthetic document."""
    symbol, issuer, named = ISSUERS[i % len(ISSUERS)]
    # Numbers from 3000: no real document of docs/ uses them.
    return symbol(3000 + i), issuer, named, dt.date(2025, 1, 1) + dt.timedelta(days=i % 700)


def cite(i: int) -> str:
    symbol, _, named, date = document(i)
    return f"số {symbol}, ngày {date.day:02d}/{date.month}/{date.year} của {named}"


def page(i: int) -> str:
    symbol, issuer, _, date = document(i)
    earlier = [j for j in (i - 1, i - 7) if j >= 0]
    relations = ", ".join(document(j)[0] for j in earlier[:1])
    paragraphs = "\n\n".join(
        [f"Văn bản {cite(i)} thực hiện các văn bản " + "; ".join(cite(j) for j in earlier) + "." if earlier
         else f"Văn bản {cite(i)}."]
        + [BODY] * 4
        + ["| Số ký hiệu | Ngày |\n|---|---|\n" + "\n".join(f"| {document(j)[0]} | {document(j)[3]} |" for j in earlier)]
    )
    return (
        f"---\nso_ky_hieu: {symbol}\nloai: Chương trình\nngay_ban_hanh: {date.isoformat()}\n"
        f"co_quan_ban_hanh: {issuer}\ntrich_yeu: Văn bản tổng hợp số {i}\nthuc_hien: [{relations}]\ncan_cu: []\n"
        f"trang_thai: du-thao\nnguon:\n  - tong-hop.txt:{i + 1}\n---\n\n# Văn bản {symbol}\n\n{paragraphs}\n\n"
        f"## Trọng tâm\n\n{BODY}\n"
    )


def make_site(where: Path, pages: int) -> Path:
    """The project's site plus `pages` generated document pages; returns its mkdocs.yml."""
    for name in ("docs", "overrides", "sources"):
        shutil.copytree(ROOT / name, where / name)
    for i in range(pages):
        (where / "docs" / "van-ban" / f"tong-hop-{i:05d}.md").write_text(page(i), encoding="utf-8")
    # the source each page cites, a line each (F104 checks that a page's `nguon` names lines a source has)
    (where / "sources" / "tong-hop.txt").write_text("".join(f"Văn bản tổng hợp số {i}\n" for i in range(pages)),
                                                    encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "navigation.prune" in config, "the benchmark must build with the real configuration"
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    (where / "mkdocs-no-checks.yml").write_text(config.replace("  - hoctap\n", "  - hoctap:\n      checks: false\n"),
                                                encoding="utf-8")
    return where / "mkdocs.yml"


def build(config: Path, site_dir: Path) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one build. On a shared machine the CPU time is the
    steadier of the two: other people's work stretches the wall clock, not our CPU seconds."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config),
                             "-d", str(site_dir)], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        sys.exit(f"build failed ({config.name}):\n{result.stdout}{result.stderr}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def time_checks(docs_dir: Path) -> float:
    """The checks alone, as the plugin runs them once per build: steadier than a difference of two builds."""
    from hoctap.checks import check_site
    from hoctap.registry.documents import Registry

    registry = Registry.load(docs_dir)
    start = time.perf_counter()
    check_site(registry)
    return time.perf_counter() - start


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--pages", type=int, default=2000, help="generated document pages (default 2000)")
    args.add_argument("--repeat", type=int, default=1, help="builds of each kind; the fastest counts")
    options = args.parse_args()
    with tempfile.TemporaryDirectory(prefix="hoctap-bench-") as tmp:
        where = Path(tmp)
        config = make_site(where, options.pages)
        times = {"with checks": [], "without checks": []}
        for _ in range(options.repeat):  # alternate, so that a busy machine slows both alike
            times["without checks"].append(build(where / "mkdocs-no-checks.yml", where / "site-off"))
            times["with checks"].append(build(config, where / "site-on"))
        checks_alone = time_checks(where / "docs")
        start = time.perf_counter()
        check = subprocess.run([sys.executable, "-m", "hoctap.cli", "-f", str(config), "check"],
                               capture_output=True, text=True)
        standalone = time.perf_counter() - start
    pages = options.pages + len(list((ROOT / "docs").rglob("*.md")))
    print(f"synthetic site: {options.pages} generated document pages + the project's pages ({pages} files), 2 languages")
    for i, kind in enumerate(("wall", "CPU")):
        on, off = min(t[i] for t in times["with checks"]), min(t[i] for t in times["without checks"])
        print(f"{kind:>4} time: without checks {off:7.1f} s, with checks {on:7.1f} s, ratio {on / off:.3f} "
              f"(goal ≤ {GOAL:.2f}: {'met' if on / off <= GOAL else 'NOT met'})")
    print(f"the checks in-process: {checks_alone:.2f} s ({checks_alone / off:.1%} of the CPU time of the build without"
          " checks; they run once, the second language reuses the result)")
    print(f"hoctap check alone:   {standalone:7.2f} s (exit {check.returncode}, {check.stdout.count(chr(10))} findings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
