"""A story too big for one briefing (`summarizer.batch.stories.big`): briefed from representatives, cited to every carrier."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from summarizer.batch.stories import big as big_story
from summarizer.batch.work import BriefJob, brief_story
from summarizer.ingest.readers import read_inputs
from summarizer.options import Options
from summarizer.types import Article

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def wire_story() -> list[Article]:
    """The seed articles, each also carried by two more outlets: once with a dateline, once cut short."""
    seeds = list(read_inputs([str(SEEDS)]).articles)
    articles = []
    for copy in range(3):
        for seed in seeds:
            text = seed.text if copy == 0 else f"LONDON (Wire) - {seed.text}" if copy == 1 else seed.text[: len(seed.text) * 3 // 4]
            articles.append(dataclasses.replace(seed, id=len(articles), text=text, source=f"Outlet {copy}", ref=f"{seed.ref}-{copy}"))
    return articles


def test_a_story_within_the_budget_is_analysed_whole() -> None:
    articles = wire_story()
    assert big_story.split_story(articles, budget=10**6) == (articles, [])


def test_representatives_are_one_per_copy_group_biggest_first_within_the_budget() -> None:
    articles = wire_story()
    counts = big_story.sentence_counts(articles)
    budget = sum(sorted(counts[:5])[:3])
    chosen = big_story.representatives(articles, budget)
    assert chosen is not None and 1 <= len(chosen) < 5
    assert sum(counts[p] for p in chosen) <= budget
    groups = {p % 5 for p in chosen}  # the copies of one seed article are one near-copy group
    assert len(groups) == len(chosen)


@pytest.fixture(scope="module")
def big_briefing(embedder) -> tuple[dict, list[Article]]:
    articles = wire_story()
    counts = big_story.sentence_counts(articles)
    patch = pytest.MonkeyPatch()
    patch.setattr(big_story, "STORY_SENTENCES", sum(sorted(counts[:5])[-2:]))
    try:
        result = brief_story(BriefJob("all", "001", tuple(articles), (), np.zeros((0, 1))), Options(), embedder)
        again = brief_story(BriefJob("all", "001", tuple(articles), (), np.zeros((0, 1))), Options(), embedder)
    finally:
        patch.undo()
    assert result.json == again.json and result.html == again.html  # deterministic
    return json.loads(result.json), articles


def test_every_article_stays_a_source_and_the_analysed_share_is_stated(big_briefing) -> None:
    briefing, articles = big_briefing
    counts = briefing["provenance"]["counts"]
    assert len(briefing["articles"]) == len(articles) == counts["articles"] == len(briefing["provenance"]["inputs"])
    assert 1 <= counts["articles_analysed"] < len(articles)
    assert {s["ref"] for s in briefing["articles"]} == {a.ref for a in articles}


def test_a_bullet_is_cited_to_every_article_that_carries_it_word_for_word(big_briefing) -> None:
    briefing, _ = big_briefing
    texts = {index: source for index, source in enumerate(briefing["articles"])}
    assert briefing["bullets"]
    for bullet in briefing["bullets"]:
        first = bullet["citations"][0]
        sentence = texts[first["article_id"]]["text"][first["start"] : first["end"]]
        carriers = {index for index, source in texts.items() if sentence in source["text"]}
        assert len(carriers) >= 2  # the copies carry it too
        assert carriers <= {c["article_id"] for c in bullet["citations"]}
        for citation in bullet["citations"]:
            if citation["similarity"] == 1.0:
                assert texts[citation["article_id"]]["text"][citation["start"] : citation["end"]] == sentence


def test_counts_from_embedding_are_the_counts_splitting_gives() -> None:
    from summarizer.batch.work import EmbedJob, EmbedPart, embed_chunk

    articles = wire_story()

    class NoModel:
        name = "none"

        def encode(self, texts):  # the counts need no vectors
            return np.zeros((len(texts), 1), dtype=np.float32)

    result = embed_chunk(EmbedJob((EmbedPart("all", 0, 0, tuple(articles)),)), NoModel())
    assert [len(found) for found in result.parts[0].sentences] == big_story.sentence_counts(articles)
    counts = big_story.sentence_counts(articles)
    budget = sum(sorted(counts[:5])[:3])
    assert big_story.split_story(articles, budget, counts) == big_story.split_story(articles, budget)


class RecordingEngine:
    """Runs each job here and now, and notes every text the model is asked to embed."""

    def __init__(self, embedder) -> None:
        self.embedder, self.embedded, self.results = embedder, set(), []

    @property
    def name(self) -> str:
        return self.embedder.name

    def encode(self, texts):
        self.embedded.update(texts)
        return self.embedder.encode(texts)

    def submit(self, job) -> None:
        from summarizer.batch.work import do_job

        self.results.append(do_job(job, Options(), self))

    def next_result(self):
        return self.results.pop(0)


class NoProgress:
    def embedded(self, articles: int) -> None: ...
    def found(self, stories: int) -> None: ...
    def briefed(self) -> None: ...
    def finished(self) -> None: ...


@pytest.mark.slow
def test_batch_embeds_only_the_representatives_of_a_big_story_and_writes_the_same_files(embedder) -> None:
    from summarizer.batch import schedule

    articles = wire_story()
    counts = big_story.sentence_counts(articles)
    task = schedule.PeriodTask("all", tuple(articles), "digest", stories=(tuple(range(len(articles))),))
    runs = {}
    patch = pytest.MonkeyPatch()
    patch.setattr(big_story, "STORY_SENTENCES", sum(sorted(counts[:5])[-2:]))
    try:
        for counted_from in (1, 10**6):  # counted before embedding, or embedded whole as before
            patch.setattr(schedule, "COUNTED_STORY_ARTICLES", counted_from)
            engine = RecordingEngine(embedder)
            (output,) = schedule.run_periods([task], engine, NoProgress(), chunk=4)
            runs[counted_from] = (output.files, engine.embedded)
    finally:
        patch.undo()
    (files, embedded), (files_before, embedded_before) = runs[1], runs[10**6]
    assert files == files_before
    chosen = big_story.representatives(articles, sum(sorted(counts[:5])[-2:]), counts)
    assert chosen is not None and len(chosen) < len(articles)
    assert len(embedded) < len(embedded_before)
    from summarizer.text.split import segment_article

    analysed = {s.text for p in chosen for s in segment_article(articles[p])[0]}
    assert analysed <= embedded and (embedded_before - embedded).isdisjoint(analysed)
