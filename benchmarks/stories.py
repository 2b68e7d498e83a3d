"""Story clustering against gold stories, each development dump cut with the story model fitted without it.

    python -m benchmarks.stories [--no-write]

A dump line's ``story`` field is read here, to score, and nowhere else. All
articles of a dump form one period (as ``summarizer batch --period all``).
Dates are read as ``batch`` reads them (``with_dates``). The dumps, built at
run time in a scratch folder where they are derived (nothing from
../shared/data is written here):

- DUC 2003 (289 distinct wire articles, 30 stories; an article in two
  stories counts in the first), the Gun Violence Archive pool (GVA: 5,602
  local news articles on 3,347 shooting incidents), ECB+ (922 articles, 85
  stories, half undated), Multi-News (the 250-cluster validation sample, each
  cluster one story, undated, no headlines) and MultiLing 2011 (10 clusters,
  each one story): each cut with the model fitted without it
  (``benchmarks/results/story_models``);
- DUC copies: every DUC article five times, each copy with a fifth of its
  sentences dropped (rounded) and the rest shuffled (seeded): 1,445
  articles, 30 stories;
- DUC big: 3,000 articles, each the shuffled sentences of two or three
  articles of one DUC story, every sentence kept with probability 1/2
  (seeded): 100 articles a story, 30 stories;
- the mix: DUC 2003 and a slice of GVA moved onto DUC's days
  (``benchmarks.threads.mixed_dump``), one period, each dump's articles
  scored in the mix and alone, with the model fitted without that dump.

Writes the tables to benchmarks/results/stories.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import random
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.report import commit, publish, wants_write
from summarizer.batch.dump import read_dumps
from summarizer.batch.stories.cut import story_labels
from summarizer.batch.stories.model import MODEL_VARIABLE, shipped_model
from summarizer.dates import with_dates
from summarizer.topics.cluster import first_seen_order
from summarizer.types import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUC = DATA / "dump_duc2003.jsonl"
MULTINEWS = DATA / "multinews_validation_sample250.jsonl"
MULTILING = DATA / "multiling2011_en.jsonl"
RESULTS = Path(__file__).resolve().parent / "results" / "stories.md"
COPIES, BIG_ARTICLES, SEED = 5, 3000, 2026


@contextlib.contextmanager
def using_model(path: Path | None) -> Iterator[None]:
    """Cut with the model at ``path`` (None: the shipped one) inside the block."""
    before = os.environ.get(MODEL_VARIABLE)
    if path is not None:
        os.environ[MODEL_VARIABLE] = str(path)
    try:
        yield
    finally:
        os.environ.pop(MODEL_VARIABLE, None)
        if before is not None:
            os.environ[MODEL_VARIABLE] = before


def records(path: Path) -> list[dict[str, Any]]:
    """The JSON records of a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_dump(rows: Sequence[dict[str, Any]], target: Path) -> Path:
    """``rows`` as a JSONL dump at ``target``."""
    with target.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    return target


def duc_articles() -> list[dict[str, Any]]:
    """The DUC dump's distinct articles, each with the story of its first line."""
    seen: dict[str, dict[str, Any]] = {}
    for row in records(DUC):
        seen.setdefault(str(row["id"]), row)
    return list(seen.values())


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (the pipeline's splitter)."""
    from summarizer.text.split import split_sentences

    return [text[start:end] for start, end in split_sentences(text)]


def multinews_dump(folder: Path) -> Path:
    """The Multi-News sample as a dump: every document a line, its cluster its gold story (undated)."""
    rows = []
    for cluster in records(MULTINEWS):
        for index, document in enumerate(cluster["documents"]):
            text = document["text"] if isinstance(document, dict) else document
            if text.strip():
                rows.append({"id": f"{cluster['id']}-{index}", "story": cluster["id"], "text": text})
    return write_dump(rows, folder / "dump_multinews.jsonl")


def multiling_dump(folder: Path) -> Path:
    """MultiLing 2011 English as a dump: headline, ISO date (from "Saturday, January 8, 2005") and text; a cluster a story."""
    rows = []
    for cluster in records(MULTILING):
        for document in cluster["documents"]:
            when = document.get("date", "").strip()
            iso = datetime.datetime.strptime(when, "%A, %B %d, %Y").date().isoformat() if when else ""
            rows.append({"id": document["id"], "story": cluster["id"], "title": document.get("title", ""), "date": iso, "text": document["text"]})
    return write_dump(rows, folder / "dump_multiling2011.jsonl")


def copies_dump(folder: Path, copies: int = COPIES, seed: int = SEED) -> Path:
    """Every DUC article ``copies`` times, each copy missing a fifth of its sentences (rounded), the rest shuffled."""
    rng = random.Random(seed)
    rows = []
    for article in duc_articles():
        parts = sentences(article["text"])
        for number in range(copies):
            dropped = set(rng.sample(range(len(parts)), round(len(parts) / 5)))
            kept = [s for i, s in enumerate(parts) if i not in dropped] or parts[:1]
            rng.shuffle(kept)
            rows.append(dict(article, id=f"{article['id']}-copy{number}", text=" ".join(kept)))
    return write_dump(rows, folder / "dump_duc2003_copies.jsonl")


def big_dump(folder: Path, count: int = BIG_ARTICLES, seed: int = SEED) -> Path:
    """``count`` articles, story by story in turn: each half the sentences of two or three articles of one DUC story, shuffled."""
    rng = random.Random(seed)
    stories: dict[str, list[dict[str, Any]]] = {}
    for article in duc_articles():
        stories.setdefault(str(article["story"]), []).append(article)
    names = sorted(stories)
    rows = []
    for number in range(count):
        chosen = rng.sample(stories[names[number % len(names)]], rng.choice((2, 3)))
        mixed = [s for article in chosen for s in sentences(article["text"]) if rng.random() < 0.5] or sentences(chosen[0]["text"])[:1]
        rng.shuffle(mixed)
        rows.append(dict(chosen[0], id=f"big{number:04d}", text=" ".join(mixed)))
    return write_dump(rows, folder / "dump_duc2003_big.jsonl")


def gold_stories(path: Path) -> dict[str, str]:
    """The gold story of every article id: that of its first line, the one ``batch`` keeps when an article repeats."""
    gold: dict[str, str] = {}
    for row in records(path):
        gold.setdefault(str(row["id"]), str(row["story"]))
    return gold


def bcubed_f1(truth: Sequence[str], labels: Sequence[int]) -> float:
    """B-cubed F1 (Bagga & Baldwin 1998; Amigó et al. 2009): item-averaged precision and recall of each item's cluster."""
    pairs = Counter(zip(truth, labels, strict=True))
    classes, clusters = Counter(truth), Counter(labels)
    precision = sum(count * count / clusters[label] for (_, label), count in pairs.items()) / len(truth)
    recall = sum(count * count / classes[gold] for (gold, _), count in pairs.items()) / len(truth)
    return 2 * precision * recall / (precision + recall)


def metrics(truth: Sequence[str], labels: np.ndarray) -> dict[str, float]:
    """ARI, NMI, V-measure, B-cubed F1 and the number of stories found."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score, v_measure_score

    found = labels.tolist()
    return {
        "ari": adjusted_rand_score(truth, found),
        "nmi": normalized_mutual_info_score(truth, found),
        "v": v_measure_score(truth, found),
        "b3": bcubed_f1(truth, found),
        "found": float(len(set(found))),
    }


def dump_articles(path: Path) -> tuple[list[Article], list[str]]:
    """A dump's articles, dated as ``batch`` dates them, and their gold stories."""
    articles = with_dates(read_dumps([str(path)]).articles)
    gold = gold_stories(path)
    return articles, [gold[a.ref] for a in articles]


def scored_row(name: str, label: str, articles: Sequence[Article], truth: Sequence[str], model: Path | None) -> str:
    """One table row: the dump cut as one period with ``model`` (None: the shipped one), against gold."""
    with using_model(model):
        started = time.perf_counter()
        labels = story_labels(articles)
        seconds = time.perf_counter() - started
        cut = shipped_model().cut
    m = metrics(truth, labels)
    gold = len(set(truth))
    change = (m["found"] - gold) / gold
    found = f"{int(m['found'])} ({change:+.0%})"
    row = f"| {name} | {label} | {cut} | {len(articles)} | {gold} | {found} | {m['ari']:.3f} | {m['b3']:.3f} | {m['nmi']:.3f} | {seconds:.1f} |"
    print(row, flush=True)
    return row


def restricted_row(name: str, label: str, articles: Sequence[Article], truth: Sequence[str], labels: np.ndarray, wanted: set[str]) -> str:
    """One table row for part of a mixed period: the articles whose ids are ``wanted``, scored against gold."""
    kept = [i for i, a in enumerate(articles) if a.ref in wanted]
    m = metrics([truth[i] for i in kept], first_seen_order(labels[kept]))
    gold = len({truth[i] for i in kept})
    found = f"{int(m['found'])} ({(m['found'] - gold) / gold:+.0%})"
    row = f"| {name} | {label} | | {len(kept)} | {gold} | {found} | {m['ari']:.3f} | {m['b3']:.3f} | {m['nmi']:.3f} | |"
    print(row, flush=True)
    return row


HEADER = [
    "| dump | model | cut | articles | gold stories | stories found | ARI | B-cubed F1 | NMI | seconds |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def held_out_rows(folder: Path) -> list[str]:
    """Every development dump cut with the model fitted without it, and DUC's copies and big stories."""
    from benchmarks.story_model import ECB, held_out_path
    from benchmarks.threads import GVA_YEAR, gva_year

    rows = list(HEADER)
    dumps = [
        ("DUC 2003", DUC, "DUC 2003"),
        (f"GVA {GVA_YEAR}", gva_year(folder), "GVA"),
        ("ECB+", ECB, "ECB+"),
        ("Multi-News", multinews_dump(folder), "Multi-News"),
        ("MultiLing 2011", multiling_dump(folder), "MultiLing 2011"),
    ]
    for name, path, held in dumps:
        articles, truth = dump_articles(path)
        rows.append(scored_row(name, f"without {held}", articles, truth, held_out_path([held])))
    for name, path in (("DUC copies", copies_dump(folder)), ("DUC big", big_dump(folder))):
        articles, truth = dump_articles(path)
        rows.append(scored_row(name, "without DUC 2003", articles, truth, held_out_path(["DUC 2003"])))
    return rows


def mixed_rows(folder: Path) -> list[str]:
    """DUC 2003 and a GVA slice as one period, and each alone, each dump's articles cut with the model fitted without it."""
    from benchmarks.story_model import held_out_path
    from benchmarks.threads import mixed_dump

    mix, gva_slice, duc_ids, gva_ids = mixed_dump(folder)
    rows = list(HEADER)
    articles, truth = dump_articles(mix)
    for name, path, ids, held in (("DUC 2003", DUC, duc_ids, "DUC 2003"), ("GVA slice", gva_slice, gva_ids, "GVA")):
        model = held_out_path([held])
        with using_model(model):
            labels = story_labels(articles)
        alone, alone_truth = dump_articles(path)
        rows.append(scored_row(name, f"without {held}: alone", alone, alone_truth, model))
        rows.append(restricted_row(name, f"without {held}: mixed with the other", articles, truth, labels, ids))
    return rows


def main() -> None:
    """Score every dump left out, the copies and big stories, and the mix; print the tables and write them."""
    write = wants_write(__doc__ or "")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        held = held_out_rows(folder)
        mixed = mixed_rows(folder)
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.stories`: all articles of a dump as one period (`--period all`), each development dump "
        "cut with the story model fitted and its cut chosen without it (`python -m benchmarks.story_model --write`)."
    )
    sections = [("Each dump left out of the model", held), ("Mixed into one period", mixed)]
    publish(RESULTS, "Story clustering of `summarizer batch`", intro, sections, write)


if __name__ == "__main__":
    main()
