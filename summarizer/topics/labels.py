"""Short topic labels: a noun phrase of each bullet that names its topic, and the rules a label keeps.

A bullet's label is chosen KeyBERT-style (Grootendorst 2020): the noun
phrases of the bullet's own sentence (``summarizer.topics.noun_phrases``)
are embedded with the briefing's model and scored by closeness to the
topic (its centroid and the bullet), less their closeness to the other
topics; labels are then taken greedily by Maximal Marginal Relevance
(Carbonell & Goldstein 1998), so no two bullets share a label or nearly so.

c-TF-IDF (Grootendorst, BERTopic, 2022) ranks phrases without the model:
all sentences of a topic are one document, and each phrase is scored by its
frequency there against its frequency across topics; here frequency counts
articles, so one article's rewrite cannot crown its own wording. It picks
which candidates are worth embedding, and labels topics without a bullet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from summarizer.embed.embedder import Encoder

from summarizer.text.words import LABEL_WORD, stop_words
from summarizer.topics.noun_phrases import CALENDAR, MAX_WORDS, NOUN, QUOTES, Phrase, Token, is_word, noun_phrases, tag, tag_phrase
from summarizer.topics.phrases import label_for

CONTENT_STOPS = frozenset({"bill", "fire", "system", "interest", "side", "front", "top", "bottom", "call", "detail", "name", "amount", "mill", "move"})
FUNCTION_TAGS = frozenset({"DT", "PDT", "IN", "CC", "PRP", "PRP$", "WDT", "WP", "WP$", "TO", "POS", "MD", "EX", "RP", "UH", "CD", "RB", "WRB"})
VERB_HEADS = frozenset({"VB", "VBD", "VBP", "VBZ", "VBG", "VBN", "MD"})
EMBEDDED_PER_BULLET = 6  # candidates per bullet worth a model call, by c-TF-IDF
NAME_PENALTY = 0.1  # taken off a name's relevance: an editor labels a topic by its subject, not its actor
RELEVANCE = 0.8  # MMR: weight of closeness to the topic against closeness to labels already taken
OTHER_TOPICS = 0.5  # closeness to the other bullets' topics taken off a phrase's relevance


def label_stops() -> frozenset[str]:
    """Words a label neither starts nor ends with: stop words, reporting verbs and vague nouns (and newswire's
    "dlrs", "pct"), less a few real nouns."""
    return (stop_words() | {"dlrs", "pct"}) - CONTENT_STOPS


def is_function(token: Token, stops: frozenset[str]) -> bool:
    """A word a label may not start or end with: a determiner, preposition, pronoun... or a stop word (names excepted)."""
    return token.tag in FUNCTION_TAGS or (token.text.lower().translate(QUOTES) in stops and not token.tag.startswith("NNP"))


def label_violations(labels: Sequence[str], texts: Sequence[str] | None = None) -> list[str]:
    """The editor's rules a briefing's labels break, one line each (empty when none).

    A label is a noun phrase of 1-4 words, as written in its bullet (``texts``,
    when given, in the same order), neither a possessive ("Ukraine's") nor a
    verb fragment ("Took place just", "Cut short"), neither starting nor
    ending with a function word, and not repeated within the briefing.
    """
    stops = label_stops()
    problems: list[str] = []
    seen: set[str] = set()
    for index, label in enumerate(labels):
        text = texts[index] if texts is not None else ""
        words = label.split()
        if not 1 <= len(words) <= MAX_WORDS:
            problems.append(f"{label!r}: {len(words)} words, not 1-{MAX_WORDS}")
        if re.search(r"['’]s?$", label.strip()):
            problems.append(f"{label!r}: a possessive")
        key = " ".join(label.lower().translate(QUOTES).split())
        if key in seen:
            problems.append(f"{label!r}: repeated")
        seen.add(key)
        tokens = tag_phrase(label, text) if text else tag_phrase(label, "")
        if tokens is None:
            problems.append(f"{label!r}: not in its bullet")
            tokens = tag(label)
        problems.extend(f"{label!r}: {problem}" for problem in phrase_problems(tokens, stops))
    return problems


def phrase_problems(tokens: Sequence[Token], stops: frozenset[str]) -> list[str]:
    """What makes tagged words no noun phrase: a function word at an end, a verb, a head that is no noun."""
    words = [t for t in tokens if is_word(t)]
    if not words:
        return ["no words"]
    problems = []
    if is_function(words[0], stops):
        problems.append(f"starts with the function word {words[0].text!r}")
    if is_function(words[-1], stops):
        problems.append(f"ends with the function word {words[-1].text!r}")
    verbs = [t.text for t in words if t.tag in VERB_HEADS - {"VBG", "VBN"}]
    if verbs or words[-1].tag in VERB_HEADS:
        problems.append(f"a verb form ({', '.join(verbs or [words[-1].text])})")
    nominal = len(words) >= 3 and words[-2].text.lower() == "the" and words[-1].tag.startswith("JJ")  # "the willing"
    if words[-1].tag not in NOUN and not nominal and words[-1].tag not in VERB_HEADS:
        problems.append(f"its last word {words[-1].text!r} is no noun")
    return problems


def word_key(phrase: str) -> tuple[str, ...]:
    """The phrase's words, lower-cased, with curly quotes made straight."""
    return tuple(phrase.lower().translate(QUOTES).split())


def overlaps(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """True when one phrase's words appear in a row within the other's ("bin Laden" in "Osama bin Laden")."""
    short, long = sorted((first, second), key=len)
    return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))


def stands_alone(phrase: Phrase, corpus: str) -> bool:
    """A phrase cut from inside a name ("States" of "United States") must also be written without the word before."""
    if not phrase.cut_name:
        return True
    alone = len(re.findall(rf"(?<![\w’'-]){re.escape(phrase.surface)}(?![\w-])", corpus))
    joined = len(re.findall(rf"(?<![\w’'-]){re.escape(phrase.cut_name)}\s+{re.escape(phrase.surface)}(?![\w-])", corpus))
    return alone > joined


def prior(phrase: Phrase, ranked: Sequence[str], weights: dict[str, float]) -> float:
    """How distinctive a candidate is of its topic before any model call: its c-TF-IDF rank, else its words' weight."""
    lower = [p.lower().translate(QUOTES) for p in ranked]
    if phrase.key in lower:
        return 10.0 - lower.index(phrase.key) / len(lower) + 0.1 * phrase.words
    words = [weights.get(word, 0.0) for word in word_key(phrase.surface)]
    return max(words, default=0.0) + 0.1 * phrase.words


def candidates(text: str, ranked: Sequence[str], weights: dict[str, float], corpus: str, stops: frozenset[str]) -> list[Phrase]:
    """The bullet's noun phrases that keep the label rules, the most distinctive first (at most ``EMBEDDED_PER_BULLET``)."""
    found = [p for p in noun_phrases(text, stops) if stands_alone(p, corpus) and not re.search(r"['’]s?$", p.surface)]
    found = [p for p in found if p.key not in CALENDAR]
    shortest: dict[str, Phrase] = {}
    for phrase in found:  # one name of a person or place: "Putin", not also "Russian President Vladimir Putin"
        if phrase.name:
            last = phrase.key.split()[-1]
            if last not in shortest or phrase.words < shortest[last].words:
                shortest[last] = phrase
    found = [p for p in found if not p.name or shortest[p.key.split()[-1]] is p]
    found.sort(key=lambda p: (-prior(p, ranked, weights), p.position, p.key))
    return found[:EMBEDDED_PER_BULLET]


def word_weights(texts: Sequence[str], labels: np.ndarray, stops: frozenset[str]) -> dict[int, dict[str, float]]:
    """Per topic, each content word's c-TF-IDF weight: sentences of the topic using it, times log(1 + average / overall)."""
    per_topic: dict[int, Counter[str]] = {}
    overall: Counter[str] = Counter()
    for text, topic in zip(texts, labels.tolist(), strict=True):
        words = {w.lower().replace("’", "'") for w in LABEL_WORD.findall(text)} - stops
        per_topic.setdefault(int(topic), Counter()).update(words)
        overall.update(words)
    average = sum(overall.values()) / max(len(per_topic), 1)
    return {topic: {w: n * float(np.log1p(average / overall[w])) for w, n in counts.items()} for topic, counts in per_topic.items()}


def unit(vector: np.ndarray) -> np.ndarray:
    """The vector scaled to length 1 (zero stays zero)."""
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector


def choose_labels(
    texts: Sequence[str],
    labels: np.ndarray,
    embeddings: np.ndarray,
    picks: Sequence[tuple[int, int]],
    ranked: dict[int, list[str]],
    embedder: Encoder,
) -> list[str]:
    """One label per pick (topic, sentence): a noun phrase of the sentence, by KeyBERT relevance and MMR diversity.

    Relevance is the phrase's cosine to the mean of its topic's centroid and its
    bullet, less ``OTHER_TOPICS`` times its highest cosine to another bullet's
    topic; MMR takes, bullet after bullet, the candidate with the best
    ``RELEVANCE`` * relevance - (1 - ``RELEVANCE``) * (closeness to the labels
    taken), never one that repeats or contains a label taken.
    """
    if not picks:
        return []
    stops = label_stops()
    weights = word_weights(texts, labels, stop_words())
    corpus = "\n".join(texts)
    found = [candidates(texts[index], ranked.get(topic, []), weights.get(topic, {}), corpus, stops) for topic, index in picks]
    phrases = sorted({p.surface for group in found for p in group})
    vectors = embedder.encode(phrases) if phrases else np.zeros((0, embeddings.shape[1]))
    row = {phrase: number for number, phrase in enumerate(phrases)}
    centroids = np.array([unit(embeddings[labels == topic].mean(axis=0)) for topic, _ in picks]).reshape(len(picks), -1)
    anchors = np.array([unit(centroids[n] + embeddings[index]) for n, (_, index) in enumerate(picks)]).reshape(len(picks), -1)
    chosen: dict[int, str] = {}
    taken: list[int] = []
    while len(chosen) < len(picks):
        best: tuple[float, int, str] | None = None
        for n, group in enumerate(found):
            if n in chosen:
                continue
            for phrase in group:
                if any(overlaps(word_key(phrase.surface), word_key(label)) for label in chosen.values()):
                    continue
                vector = vectors[row[phrase.surface]]
                others = [centroids[m] @ vector for m in range(len(picks)) if picks[m][0] != picks[n][0]]
                relevance = float(anchors[n] @ vector) - OTHER_TOPICS * float(max(others, default=0.0)) - NAME_PENALTY * phrase.name
                redundancy = float(max((vectors[t] @ vector for t in taken), default=0.0))
                value = RELEVANCE * relevance - (1 - RELEVANCE) * redundancy
                if best is None or value > best[0] + 1e-9:
                    best = (value, n, phrase.surface)
        if best is None:
            break
        _, n, surface = best
        chosen[n] = surface
        taken.append(row[surface])
    return [chosen.get(n) or fallback(texts[index], ranked.get(topic, []), chosen.values()) for n, (topic, index) in enumerate(picks)]


def fallback(text: str, ranked: Sequence[str], taken: Any) -> str:
    """A label when no candidate is left: the topic's best c-TF-IDF phrase in the text not yet taken."""
    used = {word_key(label) for label in taken}
    rest = [phrase for phrase in ranked if word_key(phrase) not in used]
    return label_for(rest, text) if rest else label_for(ranked, text)
