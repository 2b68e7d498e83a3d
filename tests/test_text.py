"""Splitting: hard news cases, offsets, list items, datelines, headings; standalone cues."""

from __future__ import annotations

import pytest

from summarizer.text.blocks import blocks
from summarizer.text.features import length_factor, standalone_factor
from summarizer.text.split import segment_article, split_sentences
from summarizer.types import Article
from tests.hard_sentences import HARD_CASES


@pytest.mark.parametrize("text, expected", HARD_CASES, ids=[case[0][:40] for case in HARD_CASES])
def test_hard_cases_split_as_a_reader_would(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in split_sentences(text)] == expected


ARTICLE = """Starmer announces plan

42

LONDON (AP) _ UK Prime Minister Keir Starmer has unveiled a four-point plan with Ukraine. It was agreed on Sunday.
Starmer said four points had been agreed:
  • to keep military aid flowing into Ukraine, and to keep the pressure on Russia
  • that any lasting peace must ensure Ukraine's sovereignty and security
Allies reject easing sanctions
[BBC]
"""


def test_offsets_point_at_the_sentence_text() -> None:
    article = Article(id=3, text=ARTICLE)
    sentences, left_out = segment_article(article)
    for sentence in sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert sentence.article_id == 3
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for item in left_out:
        assert article.text[item.start : item.end].strip()


def test_datelines_list_items_headings_and_boilerplate() -> None:
    sentences, left_out = segment_article(Article(id=0, text=ARTICLE))
    texts = [s.text for s in sentences]
    assert texts[0] == "UK Prime Minister Keir Starmer has unveiled a four-point plan with Ukraine."
    assert "to keep military aid flowing into Ukraine, and to keep the pressure on Russia" in texts
    assert not any(t.startswith("•") for t in texts)
    reasons = {ARTICLE[i.start : i.end]: i.reason for i in left_out}
    assert reasons["42"] == "stray number"
    assert reasons["[BBC]"] == "source tag"
    assert reasons["Allies reject easing sanctions"] == "heading"
    assert reasons["Starmer announces plan"] == "heading"


def test_hard_wrapped_paragraphs_are_joined() -> None:
    line = "The committee met on Tuesday to discuss the new budget proposal and"
    text = "\n".join([line, "its consequences for the coming year, officials said on Monday.", line, "agreed to meet again soon."])
    found = [b for b in blocks(text) if b.kind == "prose"]
    assert len(found) == 1
    sentences = split_sentences(text[found[0].start : found[0].end])
    assert len(sentences) == 2


def test_standalone_cues_rank_pronoun_and_fragment_openings_lower() -> None:
    named = standalone_factor("Sir Keir Starmer accused Vladimir Putin of playing for time.")
    pronoun = standalone_factor("He also accused President Putin of deliberate delay tactics.")
    colon = standalone_factor("He also accused President Putin of deliberate delay tactics, stating:")
    connective = standalone_factor("However, Ukraine and its allies firmly opposed any such move.")
    fragment = standalone_factor("to keep military aid flowing into Ukraine")
    assert named == 1.0
    assert colon < pronoun < connective < named
    assert fragment < named


def test_length_factor_prefers_mid_length_sentences() -> None:
    assert length_factor(" ".join(["word"] * 20)) == 1.0
    assert length_factor(" ".join(["word"] * 4)) < 1.0
    assert length_factor(" ".join(["word"] * 90)) < 1.0
