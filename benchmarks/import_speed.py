"""How fast `hoctap import` reads: a 50-page text PDF (goal ≤ 10 s), OCR of one scanned page
(goal ≤ 20 s), and the peak memory of each. Run: python benchmarks/import_speed.py"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT)]

from tests import import_samples as samples  # noqa: E402

CHILD = """
import resource, sys, time
from pathlib import Path
sys.path[:0] = [{scripts!r}]
from hoctap.importing import import_file
start = time.perf_counter()
imported = import_file(Path({path!r}))
peak = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
print(time.perf_counter() - start, peak // 1024, len(imported.markdown))
"""


def measure(path: Path) -> tuple[float, int, int]:
    """Seconds, peak resident MiB (ours or Tesseract's) and Markdown characters of one import, in a fresh interpreter."""
    out = subprocess.run([sys.executable, "-c", CHILD.format(scripts=str(ROOT / "scripts"), path=str(path))],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def main() -> None:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = samples.write_pdf(samples.SAMPLES["ke-hoach-mau"], Path(tmp) / "dai.pdf", repeat=56)
        pages = int(subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
                    .split("Pages:")[1].split()[0])
        seconds, mib, chars = measure(pdf)
        print(f"text PDF, {pages} pages: {seconds:.1f} s, peak {mib} MiB, {chars} characters of Markdown")
        scan = samples.write_scan(samples.write_pdf(samples.SAMPLES["ke-hoach-mau"], Path(tmp) / "mot.pdf"),
                                  Path(tmp) / "quet.png")
        seconds, mib, chars = measure(scan)
        print(f"OCR, 1 page at 300 dpi: {seconds:.1f} s, peak {mib} MiB, {chars} characters of Markdown")


if __name__ == "__main__":
    main()
