"""Large one-period dumps for the scale benchmark, built from the development sets' stories.

    python -m benchmarks.scale_data SIZE OUT.jsonl [--gold GOLD.json] [--seed 0] [--distinct]

Real news at 100,000 articles a day is not in ../shared/data, so it is made:
the stories of the development sets (the DUC 2003 dump's 30 stories, the
Multi-News sample's 250 clusters, MultiLing 2011's 10 topics) are the pool,
and each new article is one of

* a **rewrite** (``1 - COPY_SHARE`` of them): a story is drawn in proportion
  to its articles; the new article keeps the lead of one of its articles,
  about a third of that article's other sentences, and a few sentences of the
  story's other articles, in their order. Two rewrites of one story share
  few runs of five words, so they are different articles of one story, not
  copies of each other;
* a **wire copy** (``COPY_SHARE``): an earlier article of the dump again, cut
  short by a sentence or two or with a dateline added, under another outlet.

With ``--distinct`` (issue 27's big day) the pool also holds the Gun Violence
Archive's development dump, and every sentence written is made distinct from
every sentence before it by a small edit that keeps its meaning, as wire
rewrites do (``distinct_sentence``): a figure changed, a word swapped for a
synonym, or another attribution. No two sentences of the dump are then equal,
so an embedding cache cannot reuse any.

Every article keeps its pool story as its gold story (``--gold`` writes
``{id: story}``), so story clustering can be scored at every size. Stories
grow with the dump: at 100,000 articles the DUC stories hold about 1,000
articles each. Everything is drawn from one seeded generator: the same size
and seed give the same file. Ids are ``scale-NNNNNN``; no text is kept in
the repository.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from summarizer.text.split import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
COPY_SHARE = 0.2
KEEP_SHARE = 0.35
BORROWED = 4
DAY = "2026-01-15"
OUTLETS = ("Wire A", "Wire B", "Daily C", "Gazette D", "Times E")


@dataclass(frozen=True)
class PoolArticle:
    """One development article: its story, title and sentences."""

    story: str
    title: str
    sentences: tuple[str, ...]


def sentences_of(text: str) -> tuple[str, ...]:
    """The article's sentences, as the pipeline splits them."""
    return tuple(" ".join(text[start:end].split()) for start, end in split_sentences(text))


def pool_articles(data: Path = DATA, with_shootings: bool = False) -> list[PoolArticle]:
    """Every article of the development sets with its story (``with_shootings``: the GVA dump's too)."""
    found: list[PoolArticle] = []
    for line in (data / "dump_duc2003.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found.append(PoolArticle(f"duc-{row['story']}", row.get("title", ""), sentences_of(row["text"])))
    if with_shootings:
        for line in (data / "dump_gva_dev.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append(PoolArticle(f"gva-{row['story']}", row.get("title", ""), sentences_of(row["text"])))
    for name in ("multinews_validation_sample250.jsonl", "multiling2011_en.jsonl"):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            cluster = json.loads(line)
            for document in cluster["documents"]:
                text = document["text"] if isinstance(document, dict) else document
                title = document.get("title", "") if isinstance(document, dict) else ""
                if text.strip():
                    found.append(PoolArticle(f"{name.split('_')[0]}-{cluster['id']}", title, sentences_of(text)))
    return [article for article in found if article.sentences]


def rewrite(rng: np.random.Generator, base: PoolArticle, others: list[PoolArticle]) -> list[str]:
    """The base article's lead, about a third of its other sentences, and a few of its story's other sentences."""
    kept = [0] + [i for i in range(1, len(base.sentences)) if rng.random() < KEEP_SHARE]
    text = [base.sentences[i] for i in kept]
    for _ in range(BORROWED if others else 0):
        donor = others[int(rng.integers(len(others)))]
        text.insert(int(rng.integers(1, len(text) + 1)), donor.sentences[int(rng.integers(len(donor.sentences)))])
    return text


def wire_copy(rng: np.random.Generator, sentences: list[str]) -> list[str]:
    """An earlier article again: cut short by a sentence or two, or with a dateline."""
    if len(sentences) > 3 and rng.random() < 0.5:
        return sentences[: -int(rng.integers(1, 3))]
    return [f"LONDON (Wire) - {sentences[0]}", *sentences[1:]]


SYNONYMS = {
    "said": "stated",
    "says": "states",
    "told": "informed",
    "people": "persons",
    "police": "officers",
    "officials": "authorities",
    "government": "administration",
    "killed": "slain",
    "shot": "wounded by gunfire",
    "week": "seven days",
    "about": "around",
    "more than": "over",
    "after": "following",
    "before": "prior to",
    "began": "started",
    "help": "assist",
    "large": "big",
    "small": "little",
    "many": "numerous",
    "also": "as well",
}
SWAP = re.compile(r"\b(" + "|".join(re.escape(word) for word in SYNONYMS) + r")\b")
NUMBER = re.compile(r"\b\d{1,6}\b")
NAMES = ("Ahmed", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones", "Kowalski", "Lopez", "Moreau", "Nakamura", "Okafor")
DESKS = ("the wire desk", "a local paper", "the city desk", "a regional station", "a news agency", "a correspondent", "a spokesperson", "a witness")


def edit(rng: np.random.Generator, sentence: str, attempt: int) -> str:
    """One small edit that keeps the meaning: a changed figure, a synonym, or (later attempts) an attribution."""
    if attempt == 0 and NUMBER.search(sentence):
        numbers = list(NUMBER.finditer(sentence))
        match = numbers[int(rng.integers(len(numbers)))]
        changed = str(int(match.group()) + int(rng.integers(1, 4)))
        return sentence[: match.start()] + changed + sentence[match.end() :]
    if attempt <= 1 and SWAP.search(sentence):
        return SWAP.sub(lambda m: SYNONYMS[m.group()], sentence, count=1)
    body = sentence.rstrip(".!?\"' ")
    end = sentence[len(body) :] or "."
    source = NAMES[int(rng.integers(len(NAMES)))] if attempt % 2 else DESKS[int(rng.integers(len(DESKS)))]
    return f"{body}, according to {source}{' (' + str(attempt) + ')' if attempt > 3 else ''}{end}"


def distinct_sentence(rng: np.random.Generator, sentence: str, seen: set[str]) -> str:
    """``sentence`` made new by small edits (one on top of another) until no earlier sentence of the dump equals it."""
    made, attempt = sentence, 0
    while made in seen or attempt == 0:
        made = edit(rng, made if attempt < 3 else sentence, attempt)
        attempt += 1
    seen.add(made)
    return made


def generate(size: int, seed: int = 0, data: Path = DATA, distinct: bool = False) -> Iterator[tuple[dict[str, str], str]]:
    """``size`` (article record, gold story) pairs, all on one day (``distinct``: no sentence written twice)."""
    rng = np.random.default_rng(seed)
    articles = pool_articles(data, with_shootings=distinct)
    seen: set[str] = set()
    by_story: dict[str, list[PoolArticle]] = {}
    for article in articles:
        by_story.setdefault(article.story, []).append(article)
    made: list[tuple[list[str], str, str]] = []
    for number in range(size):
        if made and rng.random() < COPY_SHARE:
            sentences, title, story = made[int(rng.integers(max(0, len(made) - 1000), len(made)))]
            sentences = wire_copy(rng, sentences)
        else:
            base = articles[int(rng.integers(len(articles)))]
            others = [a for a in by_story[base.story] if a is not base]
            sentences, title, story = rewrite(rng, base, others), base.title, base.story
        if distinct:
            sentences = [distinct_sentence(rng, sentence, seen) for sentence in sentences]
        made.append((sentences, title, story))
        record = {"id": f"scale-{number:06d}", "date": DAY, "source": OUTLETS[int(rng.integers(len(OUTLETS)))], "title": title, "text": " ".join(sentences)}
        yield record, story


def write(size: int, out: Path, gold: Path | None = None, seed: int = 0, distinct: bool = False) -> int:
    """Write the dump (and the gold stories); the number of distinct sentences in it."""
    stories: dict[str, str] = {}
    distinct: set[str] = set()
    with out.open("w", encoding="utf-8") as handle:
        for record, story in generate(size, seed, distinct=distinct):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            stories[record["id"]] = story
            distinct.update(sentences_of(record["text"]))
    if gold is not None:
        gold.write_text(json.dumps(stories), encoding="utf-8")
    return len(distinct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--gold", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--distinct", action="store_true", help="every sentence edited to be unlike any before it (and the GVA pool added)")
    args = parser.parse_args()
    print(f"{args.size:,} articles, {write(args.size, args.out, args.gold, args.seed, args.distinct):,} distinct sentences")


if __name__ == "__main__":
    main()
