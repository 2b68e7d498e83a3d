"""The whole pipeline through the Python API, with the real model, on small hand-built articles."""

from __future__ import annotations

import pytest

from summarizer import Article, summarize
from summarizer.errors import InputError

SANCTIONS = "European allies agreed on Thursday that there should be no easing of sanctions against Russia."
SANCTIONS_REWRITE = "European allies agreed on Thursday there should be no easing of the sanctions on Russia."
MINERALS = "The United States is pushing Ukraine to sign a minerals deal that would give Washington control of rare earths."
WEATHER = "Heavy snow closed schools across the north of the country, forecasters said on Monday."


def article(*sentences: str) -> str:
    return " ".join(sentences)


def test_rewrites_fold_into_one_bullet_with_citations(embedder) -> None:
    briefing = summarize([article(SANCTIONS, MINERALS), article(SANCTIONS_REWRITE, WEATHER), article(MINERALS)], embedder=embedder)
    texts = [b.text for b in briefing.bullets]
    sanction_bullets = [b for b in briefing.bullets if "sanctions" in b.text]
    assert len(sanction_bullets) == 1
    assert set(sanction_bullets[0].article_ids) == {0, 1}
    assert len(texts) == len(set(texts))
    for bullet in briefing.bullets:
        for citation in bullet.citations:
            assert briefing.articles[citation.article_id].text[citation.start : citation.end]
        own = bullet.citations[0]
        assert briefing.articles[own.article_id].text[own.start : own.end] == bullet.text


def test_every_sentence_is_in_a_topic_or_left_out(embedder) -> None:
    text = "Talks in Paris\n\n42\n" + article(SANCTIONS, MINERALS, WEATHER)
    briefing = summarize([Article(id=0, text=text), article(SANCTIONS_REWRITE)], embedder=embedder)
    in_topics = sorted(i for topic in briefing.topics for i in topic.sentence_ids)
    assert in_topics == list(range(len(briefing.sentences)))
    assert {item.reason for item in briefing.left_out} == {"heading", "stray number"}


def test_a_single_article_gets_a_briefing(embedder) -> None:
    briefing = summarize([article(SANCTIONS, MINERALS, WEATHER)], embedder=embedder)
    assert 1 <= len(briefing.bullets) <= 3
    assert all(b.article_ids == (0,) for b in briefing.bullets)


def test_bullets_and_word_budget_options(embedder) -> None:
    articles = [article(SANCTIONS, MINERALS, WEATHER), article(SANCTIONS_REWRITE, MINERALS)]
    assert len(summarize(articles, embedder=embedder, bullets=1).bullets) == 1
    budget = len(SANCTIONS.split()) + 2
    briefing = summarize(articles, embedder=embedder, max_words=budget)
    assert sum(len(b.text.split()) for b in briefing.bullets) <= budget


def test_ablations_change_what_they_say(embedder) -> None:
    articles = [article(SANCTIONS, MINERALS), article(SANCTIONS_REWRITE, WEATHER)]
    unfolded = summarize(articles, embedder=embedder, fold_duplicates=False)
    assert all(len(b.citations) == 1 for b in unfolded.bullets)
    unclustered = summarize(articles, embedder=embedder, topics=False)
    assert len(unclustered.topics) == len(unclustered.sentences)


def test_an_article_with_no_usable_sentence_gives_an_empty_briefing(embedder) -> None:
    with pytest.warns(UserWarning, match="no bullet"):
        briefing = summarize(["Breaking news\n\n42\n"], embedder=embedder)
    assert briefing.bullets == () and briefing.sentences == ()
    assert "heading" in briefing.empty_reason() and "stray number" in briefing.empty_reason()


def test_bad_options_and_empty_articles_are_input_errors(embedder) -> None:
    with pytest.raises(InputError):
        summarize([SANCTIONS], embedder=embedder, bullets=0)
    with pytest.raises(InputError):
        summarize(["   "], embedder=embedder)


def test_copies_of_one_article_still_get_several_bullets(embedder) -> None:
    text = article(SANCTIONS, MINERALS, WEATHER)
    briefing = summarize([text, text], embedder=embedder)
    assert len(briefing.bullets) >= 2
    assert all(set(b.article_ids) == {0, 1} for b in briefing.bullets)
