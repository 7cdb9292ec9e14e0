"""axe-core (npm, installed by `make setup`) run inside a Playwright page; returns its violations."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + (n.failureSummary ? " — " + n.failureSummary.split("\\n")[1] : "")),
  }));
}"""


def axe_violations(page, impacts: list[str]) -> list[dict]:
    """Violations of the given impacts on the page as it is now."""
    if not AXE.exists():
        raise FileNotFoundError(f"{AXE} is missing: run `make setup` (npm ci installs axe-core)")
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(RUN) if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} ({v['help']})\n    " + "\n    ".join(v["nodes"][:5])
                     for v in violations)
