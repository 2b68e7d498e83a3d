"""The real model: the lean BERT path gives what sentence-transformers gives."""

from __future__ import annotations

import numpy as np

from summarizer.embed.embedder import Embedder

TEXTS = [
    "Sir Keir Starmer announced a coalition of the willing to defend a peace deal in Ukraine.",
    "The UK will provide £1.6bn of export finance for more than 5,000 air defence missiles.",
    "Allies agreed there should be no easing of sanctions on Russia.",
    "Short one.",
]


def test_native_and_sentence_transformers_agree(embedder: Embedder) -> None:
    native = Embedder(backend="native").encode(TEXTS)
    reference = Embedder(backend="sentence-transformers").encode(TEXTS)
    assert native.shape == reference.shape == (4, 384)
    assert float((native * reference).sum(axis=1).min()) > 0.9999


def test_vectors_are_unit_length_and_meaningful(embedder: Embedder) -> None:
    vectors = embedder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    paraphrase = embedder.encode(["Allies said sanctions against Russia must not be lifted."])[0]
    similarities = vectors @ paraphrase
    assert similarities.argmax() == 2


def test_empty_input_gives_empty_matrix(embedder: Embedder) -> None:
    assert embedder.encode([]).shape[0] == 0
