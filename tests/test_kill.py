"""`summarizer batch` killed with SIGKILL at several moments: no partial file is ever visible, and a rerun finishes
the job with files byte-identical to an uninterrupted run's."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.dumps import seed_records, tree, write_dump

PERIODS = ("2025-03-01", "2025-03-02")
POLL = 0.02  # seconds between looks at the output folder
PAUSE = "2.0"  # SUMMARIZER_TEST_WRITE_PAUSE: seconds each file waits half-written (ample for a 20 ms poll, even under load)


def environment(cache: Path, pause: str = "") -> dict[str, str]:
    """The CLI's environment: its own empty embedding cache, and the write pause when asked for."""
    env = dict(os.environ, PYTHONUNBUFFERED="1", SUMMARIZER_CACHE_DIR=str(cache))
    env.pop("SUMMARIZER_TEST_WRITE_PAUSE", None)
    if pause:
        env["SUMMARIZER_TEST_WRITE_PAUSE"] = pause
    return env


def batch_command(dump: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(out), "-w", "1", "-q"]


def run_batch(dump: Path, out: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(batch_command(dump, out), capture_output=True, text=True, cwd=ROOT, env=environment(cache), timeout=300)


def is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and ".tmp-" in path.name


def visible(out: Path) -> dict[str, bytes]:
    """Every file under ``out`` under its final name (temporaries left aside), with its bytes; files renamed away
    between listing and reading are skipped."""
    found = {}
    for path in sorted(out.rglob("*")):
        if path.is_file() and not is_temporary(path):
            try:
                found[str(path.relative_to(out))] = path.read_bytes()
            except FileNotFoundError:
                continue
    return found


def assert_complete(files: dict[str, bytes], clean: dict[str, bytes]) -> None:
    """Files under their final names are whole: the same bytes as the uninterrupted run's, and JSON that parses."""
    for name, data in files.items():
        assert name in clean, f"{name} is not a file an uninterrupted run writes"
        assert data == clean[name], f"{name} is visible but not complete ({len(data)} of {len(clean[name])} bytes)"
        if name.endswith(".json"):
            json.loads(data)


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles over two dates, one period each."""
    return write_dump(tmp_path_factory.mktemp("kill-dump") / "dump.jsonl", seed_records())


@pytest.fixture(scope="module")
def clean(dump: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of an uninterrupted run, with a cache of its own."""
    base = tmp_path_factory.mktemp("kill-clean")
    done = run_batch(dump, base / "out", base / "cache")
    assert done.returncode == 0, done.stderr
    files = tree(base / "out")
    assert {f"{period}/index.json" for period in PERIODS} | {"index.json", "index.md"} <= set(files)
    assert any(name.startswith(f"{PERIODS[0]}/story-") for name in files)
    return files


def kill_when(dump: Path, out: Path, cache: Path, clean: dict[str, bytes], moment: Callable[[Path], bool], pause: str = "") -> dict[str, bytes]:
    """Start a batch run, watch its output (no visible file may ever be partial), SIGKILL it at ``moment``.

    Returns every file left under ``out`` once the process is gone, temporaries included."""
    process = subprocess.Popen(batch_command(dump, out), cwd=ROOT, env=environment(cache, pause), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while not moment(out):
            assert process.poll() is None, f"the run ended (code {process.returncode}) before the moment to kill it: {process.stderr.read().decode()}"
            assert time.monotonic() < deadline, "the moment to kill never came"
            if out.is_dir():
                assert_complete(visible(out), clean)
            time.sleep(POLL)
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL  # it was still running when killed
    left = tree(out)
    assert_complete({name: data for name, data in left.items() if not is_temporary(Path(name))}, clean)
    return left


def finish_and_compare(dump: Path, out: Path, cache: Path, clean: dict[str, bytes], left: dict[str, bytes]) -> str:
    """Rerun into the killed run's folder: it succeeds, skips exactly the periods that were finished, and leaves
    every file byte-identical to the uninterrupted run's (no temporary left). Returns its closing line."""
    finished_periods = sum(f"{period}/index.json" in left for period in PERIODS)
    done = run_batch(dump, out, cache)
    assert done.returncode == 0, done.stderr
    assert re.search(rf"\b{len(PERIODS) - finished_periods} periods? briefed \({finished_periods} more unchanged, skipped\)", done.stdout), done.stdout
    assert tree(out) == clean
    return done.stdout


@pytest.mark.slow
def test_killed_right_after_start_before_any_period(dump: Path, clean: dict[str, bytes], tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    left = kill_when(dump, out, cache, clean, lambda out: (out / ".summarizer-batch").is_file())
    assert not [name for name in left if name.endswith("index.json")]  # no period was done
    finish_and_compare(dump, out, cache, clean, left)


@pytest.mark.slow
def test_killed_after_the_first_period_is_done(dump: Path, clean: dict[str, bytes], tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    left = kill_when(dump, out, cache, clean, lambda out: (out / PERIODS[0] / "index.json").is_file())
    assert f"{PERIODS[0]}/index.json" in left  # killed once the first period was done (the kill itself is asserted in kill_when)
    finish_and_compare(dump, out, cache, clean, left)


def half_written_story(period: str) -> Callable[[Path], bool]:
    """True once a story file of ``period`` sits half-written in its temporary file."""

    def moment(out: Path) -> bool:
        for path in (out / period).glob(".story-*.tmp-*"):
            try:
                if path.stat().st_size > 0:
                    return True
            except FileNotFoundError:
                continue
        return False

    return moment


@pytest.mark.slow
@pytest.mark.parametrize("period", PERIODS, ids=["first-story-file", "story-file-of-the-second-period"])
def test_killed_while_a_story_file_is_half_written(dump: Path, clean: dict[str, bytes], tmp_path: Path, period: str) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    left = kill_when(dump, out, cache, clean, half_written_story(period), pause=PAUSE)
    temporaries = {name: data for name, data in left.items() if is_temporary(Path(name))}
    halves = [name for name in temporaries if Path(name).name.startswith(".story-")]
    assert len(halves) == 1, temporaries  # the process died mid-file: the half stays in its temporary only
    half = halves[0]
    final = str(Path(half).parent / Path(half).name[1:].split(".tmp-")[0])
    assert final not in left  # never visible under its final name
    assert 0 < len(left[half]) < len(clean[final]) and clean[final].startswith(left[half])
    if period == PERIODS[1]:  # the first period was finished before: all its files are there, whole
        assert {name for name in clean if name.startswith(f"{PERIODS[0]}/")} <= set(left)
    finish_and_compare(dump, out, cache, clean, left)
