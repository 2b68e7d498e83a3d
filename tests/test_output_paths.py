"""Errors about where output goes name the path the user gave, and come before any work is done."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarizer.files import write_atomic
from tests.conftest import ROOT, SEEDS, run_cli

CLUSTERS = ROOT / "benchmarks" / "data" / "multiling2011_en.jsonl"


def test_a_failed_write_names_the_target_not_its_temporary(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    with pytest.raises(OSError) as caught:
        write_atomic(blocker / "brief.md", "text")
    assert caught.value.filename == str(blocker / "brief.md") and ".tmp-" not in str(caught.value)


def test_brief_refuses_an_output_it_cannot_write_before_reading_anything(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    done = run_cli("brief", str(SEEDS), "-o", str(blocker / "brief.md"))
    assert done.returncode == 2 and f"{blocker / 'brief.md'}: {blocker} is not a folder" in done.stderr and ".tmp-" not in done.stderr
    bench = run_cli("bench", str(CLUSTERS), "-o", str(blocker / "results"))
    assert bench.returncode == 2 and "is not a folder; give another folder for the results" in bench.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder whatever its mode")
def test_brief_and_bench_refuse_a_read_only_folder_up_front(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        done = run_cli("brief", str(SEEDS), "-o", str(locked / "brief.md"))
        bench = run_cli("bench", str(CLUSTERS), "-o", str(locked / "results"))
    finally:
        locked.chmod(0o700)
    assert done.returncode == 2 and "cannot write in" in done.stderr
    assert bench.returncode == 2 and "cannot write in" in bench.stderr
