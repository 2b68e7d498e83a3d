"""Dates a reader can trust: full dates only, ambiguous numeric ones never guessed, ISO 8601 out, datelines read."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from summarizer.dates import dateline_date, dateline_length, is_ambiguous, iso_date, parse_date
from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("written", "plain", "dayfirst", "monthfirst"),
    [
        ("12/03/2025", "", "2025-03-12", "2025-12-03"),  # both readings possible: undated unless told
        ("12.03.25", "", "2025-03-12", "2025-12-03"),
        ("12-03-2025 10:00", "", "2025-03-12", "2025-12-03"),
        ("25/03/2025", "2025-03-25", "2025-03-25", "2025-03-25"),  # only one reading makes sense
        ("03/25/2025", "2025-03-25", "2025-03-25", "2025-03-25"),
        ("03/03/2025", "2025-03-03", "2025-03-03", "2025-03-03"),  # the same either way
        ("2025-03-12", "2025-03-12", "2025-03-12", "2025-03-12"),  # ISO 8601 is year-month-day
        ("2025-03-02T23:30:00-05:00", "2025-03-02", "2025-03-02", "2025-03-02"),  # the date as written
        ("12 March 2025", "2025-03-12", "2025-03-12", "2025-03-12"),
        ("Sun, 2 Mar 2025 10:00:00 GMT", "2025-03-02", "2025-03-02", "2025-03-02"),
        ("1740902400", "2025-03-02", "2025-03-02", "2025-03-02"),  # epoch seconds, UTC
        ("March 2", "", "", ""),  # partial: never completed from today
        ("Monday", "", "", ""),
        ("", "", "", ""),
    ],
)
def test_dates_are_read_only_when_they_are_certain(written: str, plain: str, dayfirst: str, monthfirst: str) -> None:
    assert (iso_date(written), iso_date(written, "dayfirst"), iso_date(written, "monthfirst")) == (plain, dayfirst, monthfirst)
    assert is_ambiguous(written) == (plain == "" and dayfirst != monthfirst)


@pytest.mark.parametrize(
    ("opening", "skipped", "date"),
    [
        ("Dunmarra, 12 March 2025 — ", True, "2025-03-12"),
        ("LONDON, March 12 (Reuters) - ", True, ""),  # no year: stepped over, but not a date
        ("PARIS, 3 March 2025 (AFP) - ", True, "2025-03-03"),
        ("LONDON (AP) _ ", True, ""),
        ("KYIV, Ukraine — ", True, ""),
        ("Mr Smith — ", False, ""),  # a name and a dash is not a dateline
        ("The Minister said on 12 March 2025 — ", False, ""),
    ],
)
def test_datelines(opening: str, skipped: bool, date: str) -> None:
    text = opening + "The floods reached the river towns overnight, officials said."
    assert (dateline_length(text) == len(opening)) == skipped and (dateline_length(text) == 0) == (not skipped)
    assert dateline_date(text) == date


def test_a_dateline_dates_the_article_and_stays_out_of_its_sentence(tmp_path: Path) -> None:
    from summarizer.text.split import segment_article
    from summarizer.types import Article

    text = "Dunmarra, 12 March 2025 — The floods reached the river towns overnight, officials said on Wednesday."
    sentences, _ = segment_article(Article(0, text))
    assert sentences[0].text.startswith("The floods")
    assert parse_date(dateline_date(text)) == datetime.date(2025, 3, 12)


def dump_with_dates(path: Path, dates: list[str]) -> Path:
    seeds = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    lines = [json.dumps({"id": f"a{n}", "date": date, "text": seeds[n].read_text(encoding="utf-8")}) for n, date in enumerate(dates)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_batch_never_guesses_an_ambiguous_date(tmp_path: Path) -> None:
    dump = dump_with_dates(tmp_path / "d.jsonl", ["12/03/2025", "12/03/2025", "2025-03-12"])
    plain = run_cli("batch", str(dump), "-o", str(tmp_path / "plain"), "-w", "1")
    assert plain.returncode == 0, plain.stderr
    assert "'12/03/2025'" in plain.stderr and "--dayfirst or --monthfirst" in plain.stderr and "1 more article" in plain.stderr
    periods = [p["period"] for p in json.loads((tmp_path / "plain" / "index.json").read_text())["periods"]]
    assert periods == ["2025-03-12", "undated"]
    for option, expected in (("--dayfirst", ["2025-03-12"]), ("--monthfirst", ["2025-03-12", "2025-12-03"])):
        out = tmp_path / option.strip("-")
        done = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q", option)
        assert done.returncode == 0, done.stderr
        assert [p["period"] for p in json.loads((out / "index.json").read_text())["periods"]] == expected
    both = run_cli("batch", str(dump), "-o", str(tmp_path / "both"), "--dayfirst", "--monthfirst")
    assert both.returncode == 2 and "contradict" in both.stderr


def test_the_source_list_shows_iso_dates(tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = sorted(seeds.glob("*.txt"))
    records = [
        {"title": "Epoch", "date": 1740902400, "text": files[0].read_text(encoding="utf-8")},
        {"title": "Spelled", "date": "Sun, 2 Mar 2025 10:00:00 GMT", "text": files[1].read_text(encoding="utf-8")},
        {"title": "Ambiguous", "date": "12/03/2025", "text": files[3].read_text(encoding="utf-8")},
        {"title": "Dateline", "text": "Dunmarra, 12 March 2025 — " + files[4].read_text(encoding="utf-8")},
    ]
    (folder / "a.json").write_text(json.dumps(records), encoding="utf-8")
    done = run_cli("brief", str(folder), "--format", "json")
    assert done.returncode == 0, done.stderr
    briefing = json.loads(done.stdout)
    assert [a["date"] for a in briefing["articles"]] == ["2025-03-02", "2025-03-02", "", "2025-03-12"]
    assert "12/03/2025" in done.stderr and "--dayfirst" in done.stderr
    markdown = run_cli("brief", str(folder), "--dayfirst").stdout
    sources = markdown[markdown.index("## Sources") :]
    assert "Epoch — 2025-03-02" in sources and "Spelled — 2025-03-02" in sources and "Ambiguous — 2025-03-12" in sources
    assert "Dateline — 2025-03-12" in sources and "1740902400" not in sources


def test_switching_periods_is_refused_and_the_index_keeps_every_period_on_disk(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = dump_with_dates(tmp_path / "monday.jsonl", ["2025-03-03", "2025-03-03"])
    assert run_cli("batch", str(first), "-o", str(out), "-w", "1", "-q").returncode == 0
    weekly = run_cli("batch", str(first), "-o", str(out), "-q", "--period", "week")
    assert weekly.returncode == 2 and "made with --period day" in weekly.stderr and len(weekly.stderr.strip().splitlines()) == 1
    second = dump_with_dates(tmp_path / "tuesday.jsonl", ["2025-03-04", "2025-03-04", "2025-03-04"])
    assert run_cli("batch", str(second), "-o", str(out), "-w", "1", "-q").returncode == 0  # the next day's dump, fed into the same folder
    top = json.loads((out / "index.json").read_text())
    assert top["period"] == "day" and [p["period"] for p in top["periods"]] == ["2025-03-03", "2025-03-04"]
    on_disk = sorted(folder.name for folder in out.iterdir() if folder.is_dir())
    assert on_disk == ["2025-03-03", "2025-03-04"]
    assert "(2025-03-03/index.md)" in (out / "index.md").read_text()
