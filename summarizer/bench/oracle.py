"""The greedy ROUGE-2 oracle: an upper bound for extractive systems within the budget.

At each step it adds the sentence that most raises ROUGE-2 (averaged over the
references, on the budget-cut text), and stops when nothing raises it
(as in Nallapati et al., AAAI 2017, and Kedzie et al., EMNLP 2018).
Bigrams are counted with rouge-score's own tokenizer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from summarizer.types import Sentence


def bigrams(tokens: Sequence[str]) -> Counter[tuple[str, str]]:
    """Bigram counts of a token list."""
    return Counter(pairwise(tokens))


def rouge2(summary: Sequence[str], references: Sequence[Counter[tuple[str, str]]], metric: str) -> float:
    """ROUGE-2 recall or F1 of a token list, averaged over references."""
    mine = bigrams(summary)
    total = 0.0
    for reference in references:
        overlap = sum((mine & reference).values())
        recall = overlap / max(sum(reference.values()), 1)
        precision = overlap / max(sum(mine.values()), 1)
        total += recall if metric == "recall" else (2 * recall * precision / (recall + precision) if overlap else 0.0)
    return total / max(len(references), 1)


def word_tokens(text: str, tokenizer: object) -> list[list[str]]:
    """rouge-score tokens of each whitespace word, so a budget in words can cut the tokens."""
    return [tokenizer.tokenize(word) for word in text.split()]  # type: ignore[attr-defined]


def cut_tokens(words: Sequence[list[str]], budget: int | None) -> list[str]:
    """Tokens of the first ``budget`` words."""
    return [token for word in (words if budget is None else words[:budget]) for token in word]


def oracle(sentences: Sequence[Sentence], references: Sequence[str], budget: int | None, metric: str, stem: bool) -> list[str]:
    """Greedily chosen sentences, in the order they were added."""
    from rouge_score import tokenizers

    tokenizer = tokenizers.DefaultTokenizer(use_stemmer=stem)
    reference_bigrams = [bigrams(tokenizer.tokenize(r)) for r in references]
    words = [word_tokens(s.text, tokenizer) for s in sentences]
    chosen: list[int] = []
    summary: list[list[str]] = []
    best = 0.0
    while budget is None or len(summary) < budget:
        step = None
        for index in range(len(sentences)):
            if index in chosen:
                continue
            value = rouge2(cut_tokens(summary + words[index], budget), reference_bigrams, metric)
            if value > best + 1e-12 and (step is None or value > step[0]):
                step = (value, index)
        if step is None:
            break
        best, index = step
        chosen.append(index)
        summary += words[index]
    return [sentences[i].text for i in chosen]
