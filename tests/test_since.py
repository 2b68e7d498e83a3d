"""What is new: bullets marked new, update or reported against earlier briefings (`brief --since`)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from summarizer import what_is_new
from summarizer.errors import InputError
from summarizer.render import render
from summarizer.since import STATUSES, read_earlier
from summarizer.types import Article, Briefing, Bullet, Citation
from tests.conftest import ROOT, SEEDS, run_cli

SCHEMA = json.loads((ROOT / "schema" / "briefing.schema.json").read_text())
FERRY = "At least 14 people died when the ferry capsized off the coast of Dunmarra on Sunday."
FERRY_LATER = "At least 20 people died when the ferry capsized off the coast of Dunmarra on Sunday."
RESCUE = "Coast guard divers searched the wreck through the night for more survivors."
BUDGET = "The finance ministry unveiled a budget with new rail spending across the north."


def earlier_record(sentences: list[str]) -> dict[str, object]:
    """A briefing JSON as `brief -f json` writes it, one article holding ``sentences``."""
    text = " ".join(sentences)
    return {
        "schema_version": "1.2",
        "title": "Ferry",
        "bullets": [{"text": sentences[0], "citations": [{"article_id": 0, "start": 0, "end": len(sentences[0])}]}],
        "articles": [{"id": 0, "ref": "early-1", "title": "Ferry sinks", "source": "Wire", "date": "2025-03-01", "text": text}],
    }


def briefing_of(sentences: list[str]) -> Briefing:
    article = Article(0, " ".join(sentences), title="Today", date="2025-03-02")
    bullets, start = [], 0
    for number, sentence in enumerate(sentences):
        bullets.append(Bullet(number, f"topic {number}", sentence, 0.5, (Citation(0, start, start + len(sentence)),), topic_size=1))
        start += len(sentence) + 1
    provenance = {"tool": "summarizer", "version": "0", "model": "m", "options": {}, "inputs": [], "counts": {}}
    return Briefing("Today", tuple(bullets), (article,), provenance=provenance)


@pytest.fixture()
def earlier_file(tmp_path: Path) -> Path:
    path = tmp_path / "monday.json"
    path.write_text(json.dumps(earlier_record([FERRY, RESCUE])))
    return path


def test_reported_update_and_new_with_the_earlier_sentence(earlier_file: Path, embedder) -> None:
    marked = what_is_new(briefing_of([FERRY, BUDGET, FERRY_LATER]), [earlier_file], embedder)
    assert [(b.text, b.status) for b in marked.bullets] == [(BUDGET, "new"), (FERRY_LATER, "update"), (FERRY, "reported")]
    update = marked.bullets[1].earlier
    assert update is not None and update.text == FERRY and update.title == "Ferry sinks" and update.briefing == str(earlier_file)
    assert marked.bullets[0].earlier is None
    only = what_is_new(briefing_of([FERRY, BUDGET, FERRY_LATER]), [earlier_file], embedder, only_new=True)
    assert [b.status for b in only.bullets] == ["new", "update"]


def test_marks_in_json_markdown_and_html(earlier_file: Path, embedder) -> None:
    marked = what_is_new(briefing_of([FERRY_LATER, FERRY]), [earlier_file], embedder)
    record = json.loads(render(marked, "json"))
    jsonschema.validate(record, SCHEMA)
    assert [b["status"] for b in record["bullets"]] == ["update", "reported"]
    assert record["bullets"][0]["earlier"]["text"] == FERRY
    markdown = render(marked, "md")
    assert f"- _Update._ **Topic 0**: {FERRY_LATER} [1]" in markdown
    assert f"  - Earlier: 14 people, in “{FERRY}” (Ferry sinks, 2025-03-01)" in markdown
    assert record["bullets"][0]["earlier"]["was"] == ["14 people"]
    html = render(marked, "html")
    assert '<span class="status status-update">update</span>' in html and '<p class="earlier">Earlier: 14 people, in “' in html
    plain = json.loads(render(briefing_of([FERRY]), "json"))
    assert "status" not in plain["bullets"][0]  # without --since nothing changes


COST = "The strike is costing the economy about 30 million euros a day, the transport ministry said on Wednesday."
RAISED = "The government raised its estimate of the cost of the strike to 45 million euros a day on Thursday."


def test_a_revised_estimate_in_other_words_is_an_update_of_the_earlier_figure(tmp_path: Path, embedder) -> None:
    path = tmp_path / "wednesday.json"
    path.write_text(json.dumps(earlier_record([COST, RESCUE])))
    marked = what_is_new(briefing_of([RAISED, BUDGET]), [path], embedder)
    assert [(b.text, b.status) for b in marked.bullets] == [(RAISED, "update"), (BUDGET, "new")]
    update = marked.bullets[0].earlier
    assert update is not None and update.text == COST and update.was == ("30 million euros",)


def test_a_folder_of_briefings_is_read_and_other_json_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "2025-03-01").mkdir()
    (tmp_path / "2025-03-01" / "story-001.json").write_text(json.dumps(earlier_record([FERRY, RESCUE])))
    (tmp_path / "index.json").write_text(json.dumps({"periods": []}))
    assert {s.text for s in read_earlier([str(tmp_path)])} >= {FERRY, RESCUE}
    with pytest.raises(InputError, match="not a briefing"):
        read_earlier([str(tmp_path / "index.json")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no earlier briefing found"):
        read_earlier([str(tmp_path / "empty")])


@pytest.mark.slow
def test_brief_since_on_the_seeds(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    early = tmp_path / "early.json"
    done = run_cli("brief", str(seeds[0]), str(seeds[2]), "-f", "json", "-o", str(early))
    assert done.returncode == 0, done.stderr
    earlier_texts = {a["text"] for a in json.loads(early.read_text())["articles"]}
    done = run_cli("brief", str(SEEDS), "--since", str(early), "-f", "json")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    statuses = [b["status"] for b in record["bullets"]]
    assert set(statuses) <= set(STATUSES) and "reported" in statuses and "new" in statuses
    assert statuses == sorted(statuses, key=lambda s: s == "reported")  # new and updated first
    for bullet in record["bullets"]:
        own = record["articles"][bullet["citations"][0]["article_id"]]["text"]
        if own in earlier_texts:  # its very sentence was in an earlier article
            assert bullet["status"] == "reported"
    only = json.loads(run_cli("brief", str(SEEDS), "--since", str(early), "--only-new", "-f", "json").stdout)
    assert [b["text"] for b in only["bullets"]] == [b["text"] for b in record["bullets"] if b["status"] != "reported"]


def test_since_errors_are_one_line(tmp_path: Path) -> None:
    missing = run_cli("brief", str(SEEDS), "--since", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "no such briefing file or folder" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "list.json").write_text("[1, 2]")
    wrong = run_cli("brief", str(SEEDS), "--since", str(tmp_path / "list.json"))
    assert wrong.returncode == 2 and "not a briefing" in wrong.stderr
    alone = run_cli("brief", str(SEEDS), "--only-new")
    assert alone.returncode == 2 and "--only-new needs --since" in alone.stderr


def test_the_since_file_is_not_overwritten(tmp_path: Path, earlier_file: Path) -> None:
    before = earlier_file.read_bytes()
    done = run_cli("brief", str(SEEDS), "--since", str(earlier_file), "-o", str(earlier_file))
    assert done.returncode != 0 and earlier_file.read_bytes() == before
