"""Large one-period dumps for the scale benchmark, built from the development sets' stories.

    python -m benchmarks.scale_data SIZE OUT.jsonl [--gold GOLD.json] [--seed 0]

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


def pool_articles(data: Path = DATA) -> list[PoolArticle]:
    """Every article of the development sets with its story."""
    found: list[PoolArticle] = []
    for line in (data / "dump_duc2003.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            found.append(PoolArticle(f"duc-{row['story']}", row.get("title", ""), sentences_of(row["text"])))
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


def generate(size: int, seed: int = 0, data: Path = DATA) -> Iterator[tuple[dict[str, str], str]]:
    """``size`` (article record, gold story) pairs, all on one day."""
    rng = np.random.default_rng(seed)
    articles = pool_articles(data)
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
        made.append((sentences, title, story))
        record = {"id": f"scale-{number:06d}", "date": DAY, "source": OUTLETS[int(rng.integers(len(OUTLETS)))], "title": title, "text": " ".join(sentences)}
        yield record, story


def write(size: int, out: Path, gold: Path | None = None, seed: int = 0) -> int:
    """Write the dump (and the gold stories); the number of distinct sentences in it."""
    stories: dict[str, str] = {}
    distinct: set[str] = set()
    with out.open("w", encoding="utf-8") as handle:
        for record, story in generate(size, seed):
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
    args = parser.parse_args()
    print(f"{args.size:,} articles, {write(args.size, args.out, args.gold, args.seed):,} distinct sentences")


if __name__ == "__main__":
    main()
