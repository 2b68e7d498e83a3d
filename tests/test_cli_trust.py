"""Nothing the user gave is lost, and no failure looks like success: the real CLI, in real processes."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli

WORDS = [
    "council",
    "harbour",
    "minister",
    "ferry",
    "strike",
    "budget",
    "court",
    "river",
    "election",
    "storm",
    "bridge",
    "union",
    "airport",
    "hospital",
    "inquiry",
    "tariff",
    "vaccine",
    "treaty",
    "protest",
    "reservoir",
    "pipeline",
    "satellite",
    "museum",
    "festival",
    "drought",
    "railway",
]


def many_articles(folder: Path, count: int = 40, sentences: int = 12) -> Path:
    """``count`` articles of distinct, sentence-like lines: enough embedding work to interrupt it midway."""
    folder.mkdir()
    pick = random.Random(7)
    for number in range(count):
        lines = [
            f"The {pick.choice(WORDS)} officials said on day {number} that the {pick.choice(WORDS)} plan for "
            f"{pick.choice(WORDS)} {index} would cost {pick.randint(2, 900)} million after the {pick.choice(WORDS)} review."
            for index in range(sentences)
        ]
        (folder / f"article-{number:03d}.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")
    return folder


def interrupted_run(arguments: list[str], which: signal.Signals, after: float) -> subprocess.CompletedProcess[str]:
    """Start the CLI, send ``which`` once ``after`` seconds have passed, and return what it did (it must still be running then)."""
    process = subprocess.Popen([sys.executable, "-m", "summarizer.cli.app", *arguments], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    assert process.poll() is None, "the command ended before it could be interrupted: give it more work"
    process.send_signal(which)
    stdout, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


@pytest.mark.slow
@pytest.mark.parametrize(("which", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_brief_is_not_a_success(tmp_path: Path, which: signal.Signals, code: int) -> None:
    folder = many_articles(tmp_path / "in", count=120)  # minutes of work: the signal always lands midway
    done = interrupted_run(["brief", str(folder), "--no-cache", "-o", str(tmp_path / "out.md")], which, after=4.0)
    assert done.returncode == code, done.stderr
    assert done.stdout == "" and not (tmp_path / "out.md").exists()
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith(f"summarizer: interrupted by {which.name}:") and "Traceback" not in done.stderr


@pytest.mark.slow
def test_an_interrupted_batch_says_what_it_finished(tmp_path: Path) -> None:
    folder = many_articles(tmp_path / "in", count=90)
    dump = tmp_path / "dump.jsonl"
    with dump.open("w", encoding="utf-8") as stream:
        for number, path in enumerate(sorted(folder.glob("*.txt"))):
            stream.write(json.dumps({"id": path.stem, "date": f"2025-03-0{1 + number % 3}", "text": path.read_text(encoding="utf-8")}) + "\n")
    out = tmp_path / "out"
    done = interrupted_run(["batch", str(dump), "-o", str(out), "--no-cache", "-w", "1", "-q"], signal.SIGINT, after=4.0)
    assert done.returncode == 130, done.stderr
    assert done.stdout == ""  # no closing line: the run did not finish
    finished = re.search(r"interrupted by SIGINT: (\d+) of 3 periods finished and written to .*, (\d+) not; rerun the same command", done.stderr)
    assert finished, done.stderr
    again = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert again.returncode == 0, again.stderr
    briefed, skipped = (int(n) for n in re.findall(r"batch: (\d+) periods? briefed \((\d+) more", again.stdout)[0])
    assert (skipped, briefed) == (int(finished.group(1)), int(finished.group(2)))  # what it said it finished is what the rerun skips


def test_force_never_replaces_an_input_however_it_is_reached(tmp_path: Path, seeds: Path) -> None:
    inputs = tmp_path / "t_in"
    inputs.mkdir()
    for path in sorted(seeds.glob("*.txt"))[:3]:
        (inputs / path.name).write_bytes(path.read_bytes())
    victim = sorted(inputs.glob("*.txt"))[0]
    before = victim.read_bytes()
    (tmp_path / "link.txt").symlink_to(victim)
    os.link(victim, tmp_path / "hard.txt")
    targets = [victim, tmp_path / "link.txt", tmp_path / "hard.txt", inputs / ".." / "t_in" / victim.name]
    for target in targets:
        done = run_cli("brief", str(inputs), "-o", str(target), "--force")
        assert done.returncode == 2 and ("is one of the inputs" in done.stderr or "inside the input folder" in done.stderr), (target, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
    via_link = run_cli("brief", str(tmp_path / "link.txt"), str(inputs), "-o", str(victim), "--force")
    assert via_link.returncode == 2
    assert victim.read_bytes() == before
    beside = run_cli("brief", str(inputs), "-o", str(inputs / "briefing.md"))  # a new file would be read as an article next time
    assert beside.returncode == 2 and "inside the input folder" in beside.stderr and not (inputs / "briefing.md").exists()
    dump = tmp_path / "dumps"
    dump.mkdir()
    (dump / "d.jsonl").write_text('{"id": "a", "text": "The harbour strike ended on Tuesday after talks."}\n', encoding="utf-8")
    nested = run_cli("batch", str(dump), "-o", str(dump / "out"))
    assert nested.returncode == 2 and "inside the input folder" in nested.stderr and not (dump / "out").exists()


def test_written_files_follow_the_umask(tmp_path: Path, seeds: Path) -> None:
    modes = {}
    for mask in (0o022, 0o077):
        target = tmp_path / f"brief-{mask:o}.md"
        previous = os.umask(mask)
        try:
            done = run_cli("brief", str(seeds), "-o", str(target))
        finally:
            os.umask(previous)
        assert done.returncode == 0, done.stderr
        modes[mask] = target.stat().st_mode & 0o777
    assert modes == {0o022: 0o644, 0o077: 0o600}


def test_exit_codes_usage_input_and_model(tmp_path: Path, seeds: Path) -> None:
    cases = {
        ("brief", str(tmp_path / "missing")): 2,
        ("brief", str(seeds), "--device", "gpu"): 2,
        ("brief", str(seeds), "--precision", "int4"): 2,
        ("brief", str(seeds), "--bullets", "0"): 2,
        ("brief", str(seeds), "--max-sentences", "50"): 2,
        ("brief", str(seeds), "--model", str(tmp_path / "no-such-model")): 3,
        ("batch", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "out")): 2,
    }
    for arguments, code in cases.items():
        done = run_cli(*arguments)
        assert done.returncode == code, (arguments, done.returncode, done.stderr)
        assert "--max-sentences" not in arguments or "the --max-sentences limit is 50" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr, done.stderr


def test_no_arguments_prints_the_help_and_version_prints_the_version() -> None:
    from summarizer import __version__

    bare = run_cli()
    assert bare.returncode == 0 and "Usage: summarizer" in bare.stdout and "brief" in bare.stdout and bare.stderr == ""
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"summarizer {__version__}"


def test_o_refuses_devices_and_takes_dash_for_stdout(tmp_path: Path, seeds: Path) -> None:
    device = run_cli("brief", str(seeds), "-o", "/dev/null", "--force")
    assert device.returncode == 2 and "not a regular file" in device.stderr and Path("/dev/null").is_char_device()
    dash = run_cli("brief", str(seeds), "-o", "-", "--format", "json")
    assert dash.returncode == 0 and json.loads(dash.stdout)["bullets"] and not (ROOT / "-").exists()
