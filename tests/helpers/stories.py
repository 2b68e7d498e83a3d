"""Made-up stories: sentences built from a story's own names and terms among everyday news words, and articles of them."""

from __future__ import annotations

import random

from summarizer.types import Article

SYLLABLES = ["ka", "ro", "vin", "tel", "mar", "os", "qui", "dan", "bel", "sur", "ax", "lem", "pho", "rig", "nu", "zet"]


COMMON = ["officials", "said", "on", "tuesday", "the", "government", "reported", "people", "city", "week", "statement", "according", "police", "country"]


def name(rng: random.Random) -> str:
    """A made-up capitalised name."""
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def story_vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
    """One story's own names and terms."""
    return [f"{name(rng)} {name(rng)}" for _ in range(3)] + [name(rng) for _ in range(3)], [name(rng).lower() for _ in range(8)]


def sentence(rng: random.Random, vocabulary: tuple[list[str], list[str]]) -> str:
    """A fresh sentence of a story: two of its names and two of its terms among everyday news words."""
    names, terms = vocabulary
    words = rng.sample(COMMON, 5) + rng.sample(terms, 2)
    rng.shuffle(words)
    return f"{rng.choice(names)} {' '.join(words)} in {rng.choice(names)}."


def story_sentences(rng: random.Random, count: int = 12) -> list[str]:
    """The sentences of one story that its articles copy from."""
    vocabulary = story_vocabulary(rng)
    return [sentence(rng, vocabulary) for _ in range(count)]


def article(number: int, sentences: list[str], title: str = "") -> Article:
    return Article(id=number, text=" ".join(sentences), title=title, ref=f"a{number}")


def period(stories: int, per_story: int, seed: int = 0) -> tuple[list[Article], list[int]]:
    """``stories`` stories of ``per_story`` articles, each article five or six fresh sentences of its story, shuffled together."""
    rng = random.Random(seed)
    vocabularies = [story_vocabulary(rng) for _ in range(stories)]
    articles, truth = [], []
    for story in range(stories):
        for _ in range(per_story):
            articles.append(article(len(articles), [sentence(rng, vocabularies[story]) for _ in range(rng.choice((5, 6)))]))
            truth.append(story)
    order = list(range(len(articles)))
    rng.shuffle(order)
    return [articles[i] for i in order], [truth[i] for i in order]
