"""bench's report.html in the browser: hostile system names run nothing, and the page fits a phone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import cli_ok
from tests.browser.pages import Tab, fits
from tests.conftest import ROOT

MULTILING = ROOT / "benchmarks" / "data" / "multiling2011_en.jsonl"
HOSTILE_NAME = "x<script>window.__pwned=1</script>"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench")
    rows = [json.loads(line) for line in MULTILING.read_text(encoding="utf-8").splitlines() if line.strip()]
    outputs = folder / "outputs.jsonl"
    outputs.write_text("".join(json.dumps({"id": r["id"], "system": HOSTILE_NAME, "summary": r["documents"][1]["text"]}) + "\n" for r in rows))
    options = ["--reference-system", "lead", "--no-embedding-score", "-o", str(folder / "out"), "-q"]
    cli_ok("bench", str(MULTILING), "--systems", "lead,random", "--outputs", str(outputs), *options)
    return folder / "out" / "report.html"


@pytest.mark.slow
def test_a_hostile_system_name_runs_nothing_in_the_report(tab: Tab, report: Path) -> None:
    tab.open(report)
    assert tab.script_problems() == [] and tab.csp_problems() == []
    assert HOSTILE_NAME in tab.evaluate("() => document.body.textContent")
    assert tab.evaluate("() => document.querySelectorAll('svg circle').length") >= 2 * 10  # a point per cluster in each scatter


def test_the_report_fits_a_phone(phone: Tab, report: Path) -> None:
    fits(phone, report)
