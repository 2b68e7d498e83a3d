"""The Python API works as docs/api.md shows it."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from summarizer.render import render
from tests.conftest import ROOT


def readme_python_example() -> str:
    """The Python API example of docs/api.md, as printed there."""
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return re.search(r"```python\n(.*?)```", page, re.S).group(1)  # type: ignore[union-attr]


@pytest.mark.slow
def test_the_readme_example_runs_and_prints_a_briefing() -> None:
    done = subprocess.run([sys.executable, "-c", readme_python_example()], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    bullets = [line for line in done.stdout.splitlines() if " | " in line]
    assert len(bullets) == 4
    assert "\n## Sources\n" in done.stdout and done.stdout.count("\n- **") == 4


def test_paths_texts_and_records_mix(seeds: Path) -> None:
    from summarizer import summarize

    files = sorted(seeds.glob("*.txt"))
    record = {"title": "A record", "text": files[0].read_text(encoding="utf-8"), "url": "https://example.org/a"}
    briefing = summarize([*files[1:3], files[3].read_text(encoding="utf-8"), record])
    assert [a.id for a in briefing.articles] == [0, 1, 2, 3]
    assert briefing.articles[0].path == str(files[1]) and briefing.articles[0].encoding == "utf-8"
    assert briefing.articles[3].url == "https://example.org/a" and briefing.bullets
    for fmt, start in (("md", "# "), ("json", "{"), ("html", "<!doctype html>")):
        assert render(briefing, fmt).startswith(start)
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(briefing, "pdf")


def test_a_briefing_without_bullets_says_why() -> None:
    from summarizer import summarize

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        briefing = summarize(["First article...", {"title": "T", "text": "Second..."}])
    assert not briefing.bullets
    reason = briefing.empty_reason()
    assert "fragment" in reason and any(reason in str(w.message) for w in caught)
    assert reason[1:] in render(briefing, "md")  # the renderer capitalises the first letter


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    from summarizer import summarize
    from summarizer.errors import InputError

    with pytest.raises(InputError, match=r"no-such-file\.txt"):
        summarize([tmp_path / "no-such-file.txt"])
