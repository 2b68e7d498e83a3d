"""Splitting: hard news cases, offsets, list items, datelines, headings; standalone cues."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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


def test_tfidf_matches_scikit_learn_exactly() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from summarizer.text.tfidf import WORD_PATTERN, tfidf_matrix

    texts = [path.read_text(encoding="utf-8") for path in sorted((Path(__file__).parents[1] / "seeds").glob("*.txt"))]
    texts += ["Markets fell; the markets’ fall was Britain's worst.", "the and of", "Prime Minister Keir Starmer met Zelensky again."]
    for min_df in (1, 2):
        reference = TfidfVectorizer(stop_words="english", sublinear_tf=True, token_pattern=WORD_PATTERN, min_df=min_df).fit_transform(texts).toarray()
        assert np.allclose(tfidf_matrix(texts, min_df=min_df).toarray(), reference, atol=1e-12)


def test_stop_words_are_scikit_learns_without_importing_it() -> None:
    import subprocess
    import sys

    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from summarizer.text.tfidf import english_stop_words

    assert english_stop_words() == frozenset(ENGLISH_STOP_WORDS)
    code = "import sys; from summarizer.text.tfidf import english_stop_words as e; e(); print('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_the_vendored_stop_words_are_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    from summarizer.text.tfidf import english_stop_words

    assert english_stop_words() == frozenset(ENGLISH_STOP_WORDS)
