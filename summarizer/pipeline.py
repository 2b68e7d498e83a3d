"""The pipeline: read -> split -> embed -> fold duplicates -> topics -> rank -> bullets.

This module only calls the stages in order; every algorithm lives in its stage.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.blas import one_blas_thread
from summarizer.dates import with_dates
from summarizer.embed.embedder import Embedder, Encoder
from summarizer.errors import InputError
from summarizer.options import Options
from summarizer.rank.bullets import make_bullet
from summarizer.rank.centrality import lexrank
from summarizer.rank.concepts import concept_weights, incidence
from summarizer.rank.ilp import exact_sentences
from summarizer.rank.order import reading_order
from summarizer.rank.score import form_factors, position_prior, sentence_scores
from summarizer.rank.select import Pool, automatic_topics, choose_sentences, topic_stats
from summarizer.stopwatch import NO_STOPWATCH, Stopwatch
from summarizer.text.split import segment_article
from summarizer.topics.cluster import NoTopics, TopicModel, WardTopics
from summarizer.topics.duplicates import source_families, support
from summarizer.topics.labels import choose_labels
from summarizer.topics.lexical import hybrid_similarity, tfidf_vectors
from summarizer.topics.phrases import label_for, topic_phrases
from summarizer.topics.titles import story_title
from summarizer.tuning import Tuning
from summarizer.types import Article, Briefing, Bullet, LeftOut, Sentence, Topic
from summarizer.version import VERSION


@dataclass(frozen=True)
class Analysis:
    """Everything computed about the sentences before bullets are chosen."""

    sentences: tuple[Sentence, ...]
    left_out: tuple[LeftOut, ...]
    embeddings: np.ndarray
    similarity: np.ndarray
    article_of: np.ndarray
    family_of: np.ndarray
    scores: np.ndarray
    centrality: np.ndarray
    labels: np.ndarray
    pool: Pool


def split_all(articles: Sequence[Article]) -> tuple[list[Sentence], list[LeftOut]]:
    """Candidate sentences and left-out spans of every article, in order."""
    sentences: list[Sentence] = []
    left_out: list[LeftOut] = []
    for article in articles:
        found, skipped = segment_article(article)
        sentences.extend(found)
        left_out.extend(skipped)
    return sentences, left_out


def check_size(count: int, limit: int | None) -> None:
    """Refuse more sentences than ``limit``: memory grows with their square."""
    if limit is not None and count > limit:
        raise InputError(
            f"{count:,} sentences is more than one briefing holds (the --max-sentences limit is {limit:,}; memory grows with its square): "
            "raise it, or brief a dump of many stories with summarizer batch"
        )


def topics_to_fill(max_words: int | None, sentences: Sequence[Sentence]) -> int:
    """How many topics a word budget needs: one more than sentences of median length that fit."""
    if max_words is None or not sentences:
        return 1
    median = float(np.median([len(s.text.split()) for s in sentences]))
    return int(max_words // max(median, 1.0)) + 1


def exact_choice(options: Options) -> bool:
    """True when the bullets are chosen by the exact coverage program: under a word budget, unless ablated."""
    return options.max_words is not None and options.exact_coverage


def topic_model(options: Options, sentences: Sequence[Sentence], tuning: Tuning) -> TopicModel:
    """Ward topics: as many as the data shows, or a surplus over the bullets asked for or a word budget holds."""
    if not options.topics:
        return NoTopics()
    wanted = options.bullets or (topics_to_fill(options.max_words, sentences) if options.max_words else None)
    if wanted is None:
        return WardTopics(None, tuning.relative_cut)
    return WardTopics(int(np.ceil(wanted * tuning.topic_surplus)))


def analyse(articles: Sequence[Article], options: Options, embedder: Encoder, tuning: Tuning, clock: Stopwatch = NO_STOPWATCH) -> Analysis:
    """Embed, fold, cluster and score every candidate sentence."""
    with clock.stage("split"):
        sentences, left_out = split_all(articles)
        check_size(len(sentences), options.max_sentences)
        texts = [s.text for s in sentences]
    with clock.stage("embed"):
        embeddings = embedder.encode(texts)
    with clock.stage("duplicates"):
        similarity = embeddings @ embeddings.T
        article_of = np.array([s.article_id for s in sentences], dtype=np.int64)
        family_of = source_families(similarity, article_of) if options.fold_duplicates else article_of
        carried = support(similarity, family_of) if options.fold_duplicates else np.ones(len(sentences), dtype=np.int64)
    with clock.stage("rank"):
        centrality = lexrank(similarity)
        form = form_factors(sentences, tuning.weights.form, tuning.weights.length)
        standalone = form_factors(sentences, tuning.weights.form, 0.0)
        scores = sentence_scores(sentences, centrality, carried, family_of, tuning.weights, form)
        concepts = incidence(texts)
        lone = tuning.lone_concept_share if exact_choice(options) else 0.0
        weights = concept_weights(concepts, family_of, position_prior(sentences), lone)
    with clock.stage("topics"):
        mixed = hybrid_similarity(similarity, tfidf_vectors(texts), tuning.embedding_weight)
        labels = topic_model(options, sentences, tuning).fit_predict(mixed)
        del mixed
    lengths = np.array([len(text.split()) for text in texts], dtype=np.int64)
    pool = Pool(concepts, weights, form, scores, similarity, labels, lengths, standalone)
    return Analysis(tuple(sentences), tuple(left_out), embeddings, similarity, article_of, family_of, scores, centrality, labels, pool)


def choose_bullets(
    analysis: Analysis, options: Options, tuning: Tuning, embedder: Encoder, articles: Sequence[Article] = ()
) -> tuple[list[Bullet], list[Topic], list[int]]:
    """The bullets in the order chosen, every topic with its label, and the chosen sentence ids (``articles``: their
    dates and sources tell a change over time from a dispute)."""
    texts = [s.text for s in analysis.sentences]
    ranked = topic_phrases(texts, analysis.labels, analysis.article_of)
    stats = topic_stats(analysis.labels, analysis.scores, analysis.family_of, tuning.topic_breadth)
    n_families = len(np.unique(analysis.family_of))  # topic spans count families, so must the threshold
    automatic = options.bullets is None and options.max_words is None
    eligible = automatic_topics(stats, n_families) if automatic else None
    count = len(eligible) if eligible is not None else options.bullets or len(stats)
    if exact_choice(options):
        picks = exact_sentences(analysis.pool, count, eligible, options.max_words or 0, options.redundancy)
    else:
        picks = choose_sentences(analysis.pool, count, eligible, options.redundancy, options.max_words)
    if options.order == "reading":
        picks = [picks[position] for position in reading_order(analysis.embeddings[[index for _, index in picks]])]
    members = {s.topic: s.members for s in stats}
    names = choose_labels(texts, analysis.labels, analysis.embeddings, picks, ranked, embedder)
    bullets = [
        make_bullet(
            topic,
            label,
            index,
            members[topic],
            analysis.sentences,
            analysis.scores,
            analysis.similarity,
            analysis.article_of,
            options.fold_duplicates,
            articles,
        )
        for (topic, index), label in zip(picks, names, strict=True)
    ]
    named = {topic: label for (topic, _), label in zip(picks, names, strict=True)}
    topics = [Topic(s.topic, named.get(s.topic) or label_for(ranked[s.topic], ""), s.members) for s in sorted(stats, key=lambda s: s.topic)]
    return bullets, topics, [index for _, index in picks]


def input_record(article: Article) -> dict[str, object]:
    """An input's id, the hash of its text and, when read from bytes, the encoding assumed."""
    record: dict[str, object] = {"id": article.id, "sha256": hashlib.sha256(article.text.encode()).hexdigest()}
    if article.encoding:
        record["encoding"] = article.encoding
    return record


def provenance(articles: Sequence[Article], options: Options, embedder: Encoder, analysis: Analysis) -> dict[str, object]:
    """How the briefing was made: tool, model, options, input hashes and counts (no clock time)."""
    return {
        "tool": "summarizer",
        "version": VERSION,
        "model": embedder.name,
        "options": options.as_record(),
        "inputs": [input_record(a) for a in articles],
        "counts": {
            "articles": len(articles),
            "sentences": len(analysis.sentences),
            "topics": len(set(analysis.labels.tolist())),
            "left_out": len(analysis.left_out),
        },
    }


def briefing_title(articles: Sequence[Article], bullets: Sequence[Bullet], chosen: np.ndarray, embedder: Encoder) -> str:
    """The article headline closest in meaning to the bullets, else the story's main actors and its core bullet's topic."""
    titled = [a.title for a in articles if a.title]
    if titled and len(chosen):
        closeness = embedder.encode(titled) @ chosen.mean(axis=0)
        return titled[int(np.argmax(closeness))]
    return story_title(articles, [b.label for b in bullets])


def run(
    articles: Sequence[Article], options: Options, embedder: Encoder | None = None, tuning: Tuning | None = None, clock: Stopwatch = NO_STOPWATCH
) -> Briefing:
    """Summarise ``articles`` into a Briefing (``clock`` records the seconds of each stage)."""
    embedder = embedder or Embedder(options.model)
    tuning = tuning or Tuning()
    articles = with_dates(articles, options.date_order)
    with one_blas_thread():
        analysis = analyse(articles, options, embedder, tuning, clock)
        with clock.stage("bullets"):
            bullets, topics, chosen = choose_bullets(analysis, options, tuning, embedder, articles)
            title = briefing_title(articles, bullets, analysis.embeddings[chosen], embedder)
    return Briefing(
        title=title,
        bullets=tuple(bullets),
        articles=tuple(articles),
        topics=tuple(topics),
        sentences=analysis.sentences,
        left_out=analysis.left_out,
        provenance=provenance(articles, options, embedder, analysis),
    )
