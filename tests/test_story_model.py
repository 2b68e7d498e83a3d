"""The absolute story decision: evidence rows, the shipped model, and cuts that do not move with the rest of the period."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from summarizer.batch.stories.cut import judged_texts, story_groups, story_labels
from summarizer.batch.stories.evidence import BLOCKS, day_kernel_rows, evidence_blocks, figure_weights, group_of, name_weights, rarity
from summarizer.batch.stories.model import MODEL_VARIABLE, model_at, shipped_model
from summarizer.errors import ModelError
from summarizer.types import Article
from tests.helpers.stories import article, period, story_sentences

STRIKE = Path(__file__).resolve().parent / "data" / "port_strike" / "port_strike.jsonl"


def strike_articles() -> list[Article]:
    """The eight invented port-strike articles, dated, as a dump line gives them."""
    rows = [json.loads(line) for line in STRIKE.read_text(encoding="utf-8").splitlines()]
    return [Article(id=i, text=r["text"], title=r["title"], source=r["source"], ref=r["id"], date=r["date"], published=r["date"]) for i, r in enumerate(rows)]


def test_the_day_kernel_is_a_triangle_of_the_gap_and_zero_when_undated() -> None:
    rows = day_kernel_rows([100, 101, 103, 130, None], 4)
    kernel = (rows @ rows.T).toarray()
    assert kernel[0, 0] == pytest.approx(1.0) and kernel[0, 1] == pytest.approx(0.75) and kernel[0, 2] == pytest.approx(0.25)
    assert kernel[0, 3] == 0.0 and kernel[4].tolist() == [0.0] * 5


def test_everyday_words_weigh_nothing_and_rare_names_most() -> None:
    assert rarity("said") == 0.0 and rarity("people") == 0.0
    assert 0.0 < rarity("shooting") < rarity("mckeesport")
    names = name_weights("Police said Julian Sims was arrested in McKeesport. The man was held.")
    assert "julian sims" in names and "mckeesport" in names and "the" not in names and "police" not in names
    assert set(figure_weights("On March 7, 2013 at 5:40 pm, 1,200 people and a 22-year-old were counted.")) == {"7", "1200", "22"}


def test_a_pair_score_is_the_same_whatever_else_is_in_the_period() -> None:
    strike = strike_articles()
    articles, _ = period(stories=12, per_story=5, seed=31)
    alone = shipped_model().scorer(evidence_blocks(story_groups(strike)[1]))
    crowded = shipped_model().scorer(evidence_blocks(story_groups(strike + articles)[1]))
    here = (alone.x @ alone.u.T).toarray()
    there = (crowded.x @ crowded.u.T).toarray()[: len(strike), : len(strike)]
    assert np.allclose(here, there, rtol=1e-12, atol=1e-12)


def test_one_story_stays_one_story_alone_and_among_many_others() -> None:
    strike = strike_articles()
    assert story_labels(strike).tolist() == [0] * len(strike)
    assert story_labels(strike[:3]).tolist() == [0, 0, 0]  # three same-day articles
    others, truth = period(stories=12, per_story=5, seed=32)
    labels = story_labels(others + strike)
    assert len(set(labels[len(others) :].tolist())) == 1
    assert int(labels[-1]) not in set(labels[: len(others)].tolist())
    assert adjusted_rand_score(truth, labels[: len(others)]) == 1.0


def test_small_stories_are_cut_the_same_beside_a_big_story_of_any_size() -> None:
    rng = random.Random(33)
    pool = story_sentences(rng)
    small, _ = period(stories=5, per_story=3, seed=34)
    big = [article(500 + n, [s for s in pool if rng.random() < 0.4] or pool[:2]) for n in range(120)]
    cuts = [story_labels(small + big[:size])[: len(small)] for size in (0, 10, 120)]
    assert all(adjusted_rand_score(cuts[0], cut) == 1.0 for cut in cuts[1:])


def test_the_same_page_furniture_under_unrelated_headlines_is_not_a_copy() -> None:
    furniture = "Just One More Thing... We have sent you a verification email. Please check your email and click the link to activate your profile."
    articles = [
        Article(id=0, title="Police identify four killed in Killeen shooting", text=furniture),
        Article(id=1, title="Fire destroys Wasilla Bible Church sanctuary", text=furniture),
        Article(id=2, title="Killeen police name four shooting victims", text="Killeen police on Monday named the four people killed in the shooting."),
    ]
    judged, row, _ = judged_texts(articles)
    assert judged[:2] == [articles[0].title, articles[1].title] and judged[2] == articles[2].text
    assert len(row) == 0
    groups, _ = story_groups(articles)
    assert len(set(groups.tolist())) == 3


def test_undated_articles_have_no_time_evidence_but_keep_their_words() -> None:
    strike = strike_articles()
    undated = [Article(id=a.id, text=a.text, title=a.title, ref=a.ref) for a in strike]
    blocks = evidence_blocks([group_of([a], [a.text]) for a in undated])
    for name in ("near", "month", "names_near", "lead_near"):
        assert blocks[name].nnz == 0
    assert story_labels(undated).tolist() == [0] * len(undated)


def test_the_shipped_model_names_every_block_and_another_can_be_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = shipped_model()
    assert set(model.weights) == set(BLOCKS)
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps({"weights": model.weights, "intercept": model.intercept, "cut": 1000.0}))
    monkeypatch.setenv(MODEL_VARIABLE, str(strict))
    assert story_labels(strike_articles()).tolist() == list(range(8))  # nothing joins at that cut
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"weights": {"body": 1.0}, "intercept": 0.0, "cut": 0.0}))
    with pytest.raises(ModelError, match="cannot read the story model"):
        model_at(str(broken))


def test_a_story_model_that_cannot_be_read_is_one_line_and_exit_3(tmp_path: Path) -> None:
    import os

    from tests.conftest import run_cli

    (tmp_path / "dump.jsonl").write_text(STRIKE.read_text(encoding="utf-8"))
    result = run_cli("batch", str(tmp_path / "dump.jsonl"), "-o", str(tmp_path / "out"), env={**os.environ, MODEL_VARIABLE: str(tmp_path / "absent.json")})
    assert result.returncode == 3
    assert "cannot read the story model" in result.stderr and "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
