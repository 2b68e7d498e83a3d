"""Turn a chosen sentence into a Bullet: its citations, where sources differ on its figures, and the runners-up of its topic."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarizer.facts.compare import Difference, carries_figures, differences, shared_words
from summarizer.facts.figures import Figure
from summarizer.facts.timeline import Account, over_time, revises
from summarizer.topics.duplicates import DUPLICATE_THRESHOLD, SHOWN_DECIMALS, best_matches
from summarizer.types import Article, Bullet, Citation, Disagreement, RunnerUp, Sentence, StatedValue

RUNNERS_UP = 2
DECIMALS = SHOWN_DECIMALS
CITATION_THRESHOLD = 0.85  # a near-duplicate this similar (and with the same figures) carries the claim
DISAGREEMENT_THRESHOLD = 0.8  # a near-duplicate this similar, sharing this many words, that gives a figure differently
DISAGREEMENT_WORDS = 0.3


def stated(figure: Figure, sentence: Sentence) -> StatedValue:
    """A figure of a sentence, placed in its article."""
    return StatedValue(figure.text, figure.value, figure.unit, sentence.article_id, sentence.start + figure.start, sentence.start + figure.end)


def account(figure: Figure, sentence: Sentence, articles: Sequence[Article]) -> Account:
    """A figure with its article's day and source ('' for both when the articles are not given)."""
    article = articles[sentence.article_id] if sentence.article_id < len(articles) else None
    return Account(figure, article.date[:10] if article else "", article.source if article else "", sentence.text)


def grouped(found: Sequence[tuple[Sentence, Difference]], own: Sentence, articles: Sequence[Article] = ()) -> tuple[Disagreement, ...]:
    """One Disagreement per figure of the bullet: its own value first, then each other article's, in article order;
    a change over time or a dispute by the dates and sources of the articles (``facts.timeline``)."""
    by_figure: dict[int, list[tuple[Sentence, Difference]]] = {}
    for sentence, difference in found:
        by_figure.setdefault(difference.first.start, []).append((sentence, difference))
    disagreements = []
    for start in sorted(by_figure):
        pairs = sorted(by_figure[start], key=lambda pair: (pair[0].article_id, pair[0].start))
        first = pairs[0][1].first
        values = (stated(first, own), *(stated(difference.second, sentence) for sentence, difference in pairs))
        accounts = [account(first, own, articles), *(account(difference.second, sentence, articles) for sentence, difference in pairs)]
        disagreements.append(Disagreement(first.kind, values, over_time(accounts)))
    return tuple(disagreements)


def revisions(own: Sentence, sentences: Sequence[Sentence], articles: Sequence[Article], seen: set[int]) -> list[tuple[Sentence, Difference]]:
    """Later reports that revise a figure of ``own`` in other words ("raised its estimate ... to €45m"), which a
    near-duplicate search misses: a sentence of a later-dated article, not in ``seen``, that says it revises
    ("raised", "now", "rose to"), shares ``DISAGREEMENT_WORDS`` of its content words both ways, and gives one of
    ``own``'s figures differently. One per article, the first."""
    day = articles[own.article_id].date[:10] if own.article_id < len(articles) else ""
    if not day:
        return []
    found: list[tuple[Sentence, Difference]] = []
    for sentence in sentences:
        article = articles[sentence.article_id]
        if sentence.article_id in seen or article.date[:10] <= day or not revises(sentence.text, own.text, DISAGREEMENT_WORDS):
            continue
        changed = differences(own.text, sentence.text)
        if changed:
            found += [(sentence, difference) for difference in changed]
            seen.add(sentence.article_id)
    return found


def gives_elsewhere(text: str, article_id: int, sentences: Sequence[Sentence], found: Sequence[Difference]) -> bool:
    """True when another sentence of the article gives one of the differing figures as ``text`` does: its two
    figures then speak of different things ("32 people" in Poland, "62 people" throughout Europe)."""
    from summarizer.facts.compare import agree, comparable
    from summarizer.facts.figures import figures

    mine = [difference.first for difference in found]
    theirs = [figure for sentence in sentences if sentence.article_id == article_id for figure in figures(sentence.text)]
    return any(comparable(a, b) and agree(a, b) for a in mine for b in theirs)


def citations_for(
    index: int, sentences: Sequence[Sentence], similarity: np.ndarray, article_of: np.ndarray, fold: bool, articles: Sequence[Article] = ()
) -> tuple[tuple[Citation, ...], tuple[Disagreement, ...]]:
    """The sentence itself first, then the best near-duplicate in each other article that carries its claim:
    at least ``CITATION_THRESHOLD`` similar, with every figure of the sentence (where it has any). A close
    near-duplicate that gives a figure differently is a disagreement instead; one merely about the same
    event is neither. The constants were chosen on the DUC 2003 pairs of benchmarks/data/pairs and checked
    on the Multi-News ones (``python -m benchmarks.disagreements``)."""
    own = sentences[index]
    cited = [Citation(own.article_id, own.start, own.end, 1.0)]
    differing: list[tuple[Sentence, Difference]] = []
    if fold:
        for match in best_matches(similarity, article_of, index):
            other = sentences[match.sentence]
            found = differences(own.text, other.text)
            if found and match.similarity >= DISAGREEMENT_THRESHOLD and shared_words(own.text, other.text) >= DISAGREEMENT_WORDS:
                if not gives_elsewhere(own.text, other.article_id, sentences, found):
                    differing += [(other, difference) for difference in found]
            elif not found and match.similarity >= CITATION_THRESHOLD and carries_figures(own.text, other.text):
                cited.append(Citation(other.article_id, other.start, other.end, round(match.similarity, DECIMALS)))
        seen = {own.article_id} | {sentence.article_id for sentence, _ in differing}
        differing += revisions(own, sentences, articles, seen)
    return tuple(cited), grouped(differing, own, articles)


def runners_up(index: int, members: Sequence[int], sentences: Sequence[Sentence], scores: np.ndarray, similarity: np.ndarray) -> tuple[RunnerUp, ...]:
    """The best other sentences of the topic that are not rewrites of the chosen one."""
    others = [m for m in members if m != index and similarity[index, m] < DUPLICATE_THRESHOLD]
    others.sort(key=lambda m: (-round(float(scores[m]), DECIMALS), m))  # as shown, then by position
    return tuple(
        RunnerUp(sentences[m].article_id, sentences[m].start, sentences[m].end, sentences[m].text, round(float(scores[m]), DECIMALS))
        for m in others[:RUNNERS_UP]
    )


def make_bullet(
    topic: int,
    label: str,
    index: int,
    members: Sequence[int],
    sentences: Sequence[Sentence],
    scores: np.ndarray,
    similarity: np.ndarray,
    article_of: np.ndarray,
    fold: bool = True,
    articles: Sequence[Article] = (),
) -> Bullet:
    """The Bullet for sentence ``index`` chosen from ``topic`` (``articles``: for the dates and sources that tell a
    change over time from a dispute)."""
    citations, disagreements = citations_for(index, sentences, similarity, article_of, fold, articles)
    return Bullet(
        topic_id=topic,
        label=label,
        text=sentences[index].text,
        score=round(float(scores[index]), DECIMALS),
        citations=citations,
        runners_up=runners_up(index, members, sentences, scores, similarity),
        topic_size=len(members),
        disagreements=disagreements,
    )
