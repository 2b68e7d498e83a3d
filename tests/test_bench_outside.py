"""bench --outputs: a researcher's own summaries scored beside ours, over the clusters every system has."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.bench.metrics import copied_share, rouge, truncate_words
from summarizer.bench.outside import coverage, coverage_note, load_all, load_outputs, parse_spec
from summarizer.errors import InputError
from tests.conftest import ROOT, run_cli

MULTILING = ROOT / "benchmarks" / "data" / "multiling2011_en.jsonl"


def clusters() -> list[dict]:
    return [json.loads(line) for line in MULTILING.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def first_words(cluster: dict, count: int) -> str:
    return " ".join(cluster["documents"][0]["text"].split()[:count])


def test_specs_name_a_system_or_let_the_lines_do() -> None:
    assert parse_spec("gpt=out/a.jsonl") == ("gpt", Path("out/a.jsonl"))
    assert parse_spec("runs.jsonl") == ("", Path("runs.jsonl"))
    for bad in ("=a.jsonl", "my system=a.jsonl", "gpt="):
        with pytest.raises(InputError):
            parse_spec(bad)


def test_summaries_as_strings_or_sentence_lists(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [{"id": "M000", "summary": ["One.", " Two."]}, {"id": 7, "summary": "Three."}])
    (system,) = load_outputs(f"mine={path}")
    assert system.name == "mine" and system.summaries == {"M000": "One. Two.", "7": "Three."}


def test_lines_may_name_their_systems_as_save_outputs_writes_them(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "s.jsonl", [{"id": "a", "system": "x", "summary": "1"}, {"id": "a", "system": "y", "summary": "2"}])
    assert [(s.name, s.summaries) for s in load_outputs(str(path))] == [("x", {"a": "1"}), ("y", {"a": "2"})]
    with pytest.raises(InputError, match="named twice"):
        load_all([str(path)], ["x"])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "not JSON"),
        ("[1, 2]", "JSON object"),
        ('{"summary": "x"}', "field 'id'"),
        ('{"id": "a"}', "no field 'summary'"),
        ('{"id": "a", "summary": 3}', "not a string or a list"),
        ('{"id": "M000", "summary": "again"}', "second summary"),
    ],
)
def test_a_malformed_line_is_named_by_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "M000", "summary": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad\.jsonl:2: .*{reason}"):
        load_outputs(f"b={path}")


def test_missing_clusters_are_counted_named_and_left_out_for_everyone(tmp_path: Path) -> None:
    full = write_jsonl(tmp_path / "a.jsonl", [{"id": i, "summary": "x"} for i in ("c1", "c2", "c3")])
    part = write_jsonl(tmp_path / "b.jsonl", [{"id": i, "summary": "x"} for i in ("c1", "c3", "zz")])
    systems = [*load_outputs(f"a={full}"), *load_outputs(f"b={part}")]
    cover = coverage(["c1", "c2", "c3"], systems)
    assert cover.scored == ("c1", "c3") and cover.missing == {"b": ("c2",)} and cover.unknown == {"b": ("zz",)}
    note = coverage_note(cover, 3)
    assert "b lacks 1 cluster: c2" in note and "zz" in note and "2 of 3 clusters" in note
    assert coverage_note(coverage(["c1", "c2", "c3"], systems[:1]), 3) == ""


def test_copied_share_reads_extractiveness() -> None:
    source = "The storm hit the coast on Monday and cut power to thousands."
    assert copied_share("the storm hit the coast", [source]) == 1.0
    assert copied_share("a gale struck shores", [source]) == 0.0
    assert copied_share("the storm struck the coast", [source]) == pytest.approx(2 / 4)  # the storm, the coast of 4 bigrams


@pytest.mark.slow
def test_outside_summaries_score_beside_a_baseline_in_one_command(tmp_path: Path) -> None:
    data = clusters()
    lead = write_jsonl(tmp_path / "lead.jsonl", [{"id": c["id"], "summary": first_words(c, 300)} for c in data])
    partial = write_jsonl(tmp_path / "partial.jsonl", [{"id": c["id"], "summary": [first_words(c, 50)]} for c in data[1:]])
    out = tmp_path / "results"
    done = run_cli("bench", str(MULTILING), "--systems", "lead", "--outputs", f"mine={lead}", "--outputs", f"short={partial}", "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    assert "multiling conventions, as the dataset names" in done.stdout or "duc conventions" in done.stdout
    assert f"short lacks 1 cluster: {data[0]['id']}" in done.stdout and "9 of 10 clusters" in done.stdout
    rows = {line.split("|")[1].strip(): [cell.strip() for cell in line.strip("|").split("|")] for line in done.stdout.splitlines() if line.startswith("| ")}
    assert rows["mine"][6] == "—" and rows["lead"][6] != "—"  # seconds only for systems run here
    record = json.loads((out / "results.json").read_text())
    assert record["config"]["clusters_scored"] == [c["id"] for c in data[1:]]
    table_md = (out / "table.md").read_text()
    assert table_md.startswith(f"> {MULTILING.name}: 9 clusters;") and "short lacks 1 cluster" in table_md and "> summarizer " in table_md
    assert record["config"]["tool"] == "summarizer" and record["config"]["budget"] > 0
    mine = {c["cluster"]: c for c in record["clusters"] if c["system"] == "mine"}
    budget, stem = record["config"]["budget"], record["config"]["stem"]
    for cluster in data[1:]:  # the same cut and the same scorer as every system
        expected = rouge(truncate_words(first_words(cluster, 300), budget), cluster["references"], record["config"]["metric"], stem)
        assert mine[cluster["id"]]["scores"]["rouge2"] == pytest.approx(expected.rouge2)
        assert mine[cluster["id"]]["copied"] == pytest.approx(1.0)


@pytest.mark.slow
def test_saved_outputs_score_alone_and_give_the_same_numbers(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    first = run_cli("bench", str(MULTILING), "--systems", "lead,random", "--limit", "3", "--save-outputs", str(saved), "-q")
    assert first.returncode == 0, first.stderr
    again = run_cli("bench", str(MULTILING), "--systems", "none", "--outputs", str(saved), "--limit", "3", "--reference-system", "random", "-q")
    assert again.returncode == 0, again.stderr
    table = lambda text: [line.split("|")[1:5] for line in text.splitlines() if line.startswith("| lead") or line.startswith("| random")]  # noqa: E731
    assert table(first.stdout) == table(again.stdout) and table(first.stdout)
    assert "Fewer than 10 clusters" in again.stdout


def test_bad_outputs_are_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "M000", "summary": 1}\n', encoding="utf-8")
    done = run_cli("bench", str(MULTILING), "--systems", "none", "--outputs", f"x={bad}")
    assert done.returncode != 0 and done.stderr.count("\n") == 1 and "bad.jsonl:1:" in done.stderr, done.stderr
    nothing = run_cli("bench", str(MULTILING), "--systems", "none")
    assert nothing.returncode != 0 and "nothing to score" in nothing.stderr


SUBMISSIONS = ROOT / "tests" / "data" / "multiling2011" / "submissions_en.jsonl"
OFFICIAL = ROOT / "tests" / "data" / "multiling2011" / "official_rouge_en.json"


@pytest.mark.slow
def test_one_command_scores_outside_systems_with_rouge_155_as_officially_published(tmp_path: Path) -> None:
    """The TAC 2011 submissions, given as --outputs, score as the official ROUGE-1.5.5 run published (mean of topics)."""
    submissions = [json.loads(line) for line in SUBMISSIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    specs = []
    for system in ("ID2", "ID9"):
        path = write_jsonl(tmp_path / f"{system}.jsonl", [{"id": row["id"], "summary": row["systems"][system]} for row in submissions])
        specs += ["--outputs", f"{system}={path}"]
    out = tmp_path / "results"
    done = run_cli("bench", str(MULTILING), "--systems", "lead", *specs, "--scorer", "rouge-1.5.5", "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    assert "ROUGE-1.5.5 (-a -x -2 4 -u" in done.stdout
    record = json.loads((out / "results.json").read_text())
    official = json.loads(OFFICIAL.read_text())["averages"]
    table = {row["system"]: row for row in record["table"]}
    for system in ("ID2", "ID9"):
        for ours, theirs in (("rouge1", "rouge-1"), ("rouge2", "rouge-2"), ("rougeSU4", "rouge-su4")):
            assert table[system][ours] / 100 == pytest.approx(official[system][theirs]["r"], abs=0.001), (system, ours)
    assert table["lead"]["rougeL"] is None  # the official arguments (-x) compute no ROUGE-L
    page = (out / "report.html").read_text()
    assert "Content-Security-Policy" in page and "<script" not in page and page.count("<circle") >= 2 * 10  # a scatter per system, a point per cluster
    assert "ROUGE-1.5.5" in record["config"]["scorer"]


@pytest.mark.slow
def test_embedding_cosine_is_one_for_the_reference_itself_and_lower_for_another_story(tmp_path: Path) -> None:
    reference = "Floods in the north forced ten thousand people from their homes. Rescue teams reached the worst-hit villages by boat."
    cluster = {"id": "c1", "documents": [{"text": reference + " Officials said the rain would ease on Friday."}], "references": [reference]}
    dataset = write_jsonl(tmp_path / "one.jsonl", [cluster])
    same = write_jsonl(tmp_path / "same.jsonl", [{"id": "c1", "summary": reference}])
    other = write_jsonl(tmp_path / "other.jsonl", [{"id": "c1", "summary": "The central bank raised interest rates by half a point."}])
    out = tmp_path / "r"
    done = run_cli("bench", str(dataset), "--systems", "none", "--outputs", f"same={same}", "--outputs", f"other={other}", "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    record = json.loads((out / "results.json").read_text())
    similarity = {row["system"]: row["similarity"] for row in record["table"]}
    assert similarity["same"] == pytest.approx(1.0, abs=1e-4) and similarity["other"] < 0.5
    assert "all-MiniLM-L6-v2" in record["config"]["emb_cos"] or "minilm" in record["config"]["emb_cos"].lower()
    fast = run_cli("bench", str(dataset), "--systems", "none", "--outputs", f"same={same}", "--no-embedding-score", "-q")
    assert fast.returncode == 0 and "| same |" in fast.stdout and fast.stdout.rstrip().endswith("| — |")
