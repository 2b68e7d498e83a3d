"""End to end: the real CLI in a subprocess, the real model, the seed articles."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import ROOT, run_cli

SCHEMA = json.loads((ROOT / "schema" / "briefing.schema.json").read_text())
TOPICS = {
    "coalition of the willing": re.compile(r"coalition", re.I),
    "minerals deal": re.compile(r"mineral", re.I),
    "sanctions": re.compile(r"sanction", re.I),
    "defence spending": re.compile(r"(defen[cs]e|military) (spending|expenditure|investment)", re.I),
}


@pytest.fixture(scope="module")
def seeds_json() -> str:
    done = run_cli("brief", "seeds/", "--format", "json")
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def seeds_markdown() -> str:
    done = run_cli("brief", "seeds/")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def distinct_assignment(bullets: list[str]) -> dict[str, int] | None:
    """A different bullet for each required topic, if there is one."""
    names = list(TOPICS)
    for chosen in itertools.permutations(range(len(bullets)), len(names)):
        if all(TOPICS[name].search(bullets[index]) for name, index in zip(names, chosen, strict=True)):
            return dict(zip(names, chosen, strict=True))
    return None


def test_markdown_briefing_covers_the_four_topics_on_distinct_bullets(seeds_markdown: str) -> None:
    bullets = [line for line in seeds_markdown.splitlines() if line.startswith("- **")]
    assert 4 <= len(bullets) <= 8
    assert distinct_assignment(bullets) is not None, "\n".join(bullets)
    assert all(re.search(r"(\[\d\])+$", line) for line in bullets)
    assert seeds_markdown.startswith("# ")
    assert "## Sources" in seeds_markdown


def test_json_is_valid_and_every_citation_points_at_its_text(seeds_json: str) -> None:
    record = json.loads(seeds_json)
    jsonschema.validate(record, SCHEMA)
    articles = record["articles"]
    assert len(articles) == 5
    for bullet in record["bullets"]:
        own = bullet["citations"][0]
        assert articles[own["article_id"]]["text"][own["start"] : own["end"]] == bullet["text"]
        cited = [c["article_id"] for c in bullet["citations"]]
        assert len(cited) == len(set(cited)), "one citation per article"
        for citation in bullet["citations"][1:]:
            quoted = articles[citation["article_id"]]["text"][citation["start"] : citation["end"]]
            assert quoted.strip() == quoted and len(quoted.split()) >= 5


def test_rewrites_become_citations_not_repeated_bullets(seeds_json: str) -> None:
    record = json.loads(seeds_json)
    bullets = record["bullets"]
    assert any(len(b["citations"]) >= 2 for b in bullets)
    texts = [b["text"] for b in bullets]
    assert len(texts) == len(set(texts))
    cited_spans = {(c["article_id"], c["start"]) for b in bullets for c in b["citations"]}
    assert len(cited_spans) == sum(len(b["citations"]) for b in bullets), "a sentence cited by two bullets says the same thing twice"


def test_json_is_byte_identical_across_runs(seeds_json: str) -> None:
    again = run_cli("brief", "seeds/", "--format", "json")
    assert again.returncode == 0
    assert again.stdout == seeds_json


def test_word_budget_and_bullet_count(tmp_path: Path) -> None:
    done = run_cli("brief", "seeds/", "--max-words", "60", "--format", "json")
    record = json.loads(done.stdout)
    assert len(record["bullets"]) >= 1 and sum(len(b["text"].split()) for b in record["bullets"]) <= 60
    done = run_cli("brief", "seeds/", "--bullets", "3", "-o", str(tmp_path / "out.json"))
    assert done.returncode == 0 and done.stdout == ""
    assert len(json.loads((tmp_path / "out.json").read_text())["bullets"]) == 3


def test_output_file_is_never_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "briefing.md"
    target.write_text("keep me")
    done = run_cli("brief", "seeds/", "-o", str(target))
    assert done.returncode != 0 and target.read_text() == "keep me"
    assert done.stderr.count("\n") == 1 and "--force" in done.stderr
    assert run_cli("brief", "seeds/", "-o", str(target), "--force").returncode == 0
    assert target.read_text().startswith("# ")


def test_stdin_input(seeds: Path) -> None:
    text = (seeds / sorted(p.name for p in seeds.glob("*.txt"))[1]).read_text()
    done = run_cli("brief", "-", stdin=text)
    assert done.returncode == 0, done.stderr
    assert "- **" in done.stdout


@pytest.mark.parametrize(
    "setup, args, fragment",
    [
        (None, ["brief", "missing-folder/"], "no such file or folder"),
        ("empty", ["brief", "{tmp}"], "holds no articles"),
        ("binary", ["brief", "{tmp}/x.txt"], "not a text file"),
        ("blank", ["brief", "{tmp}/x.txt"], "empty"),
        ("jsonl", ["brief", "{tmp}/x.jsonl", "--strict"], "x.jsonl:2: malformed JSON line"),
        (None, ["brief", "seeds/", "--model", "no-such-model"], "unknown model"),
        (None, ["brief", "seeds/", "--bullets", "0"], "--bullets"),
    ],
)
def test_bad_input_gives_one_line_and_non_zero_exit(tmp_path: Path, setup: str | None, args: list[str], fragment: str) -> None:
    if setup == "binary":
        (tmp_path / "x.txt").write_bytes(b"\x00\x01\x02binary")
    elif setup == "blank":
        (tmp_path / "x.txt").write_text("\n \n")
    elif setup == "jsonl":
        (tmp_path / "x.jsonl").write_text('{"text": "A fine article about the talks in Paris today."}\n{oops\n')
    done = run_cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert done.returncode != 0
    assert fragment in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_help_does_not_import_torch() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['summarizer', '--help']\n"
        "from summarizer.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('torch', 'transformers', 'sentence_transformers', 'sklearn') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
    assert "brief" in done.stdout
