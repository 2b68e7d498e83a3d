"""What need not be embedded: how many sentence spans of a dump never reach the model, and why.

    python -m benchmarks.embed_less [--one-day 10000,30000] [--no-write]

For each development dump (read from ../shared/data), counts the spans the
splitter finds and what is left of them at each step that needs no model:

1. every span of every article;
2. left out before embedding (boilerplate, headings, fragments): never embedded today;
3. exact repeats of a sentence already seen: embedded once today (``Embedder.encode``
   and the cache);
4. the sentences of near-copies (``batch``'s copy groups, word 5-gram containment),
   beyond the first article of each group: not skipped today, counted here as
   what folding copies before embedding would save.

A second table counts the fifth step, done since issue 27: the sentences of a
big story (one past ``big_story.STORY_SENTENCES``) outside its representatives,
which its briefing never compares, so ``batch`` no longer embeds them. Each
input is cut into stories as ``batch`` cuts it: the development dumps by day,
and one-day dumps of ``benchmarks/scale_data.py --distinct`` (``--one-day``
sizes), where stories grow with the day.

A count, not a timing: the embedding time is proportional to the sentences that
reach the model (``benchmarks/batching.py`` gives the rate). Writes
benchmarks/results/embed_less.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.report import commit, publish

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUMPS = ("dump_duc2003.jsonl", "dump_gva_dev.jsonl", "dump_ecbplus.jsonl")


def counts(path: Path) -> dict[str, int]:
    """Spans, left out, distinct candidates, and distinct candidates outside the near-copies of each copy group."""
    from summarizer.batch.stories.copies import copy_groups
    from summarizer.text.split import segment_article
    from summarizer.types import Article

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=number, text=record["text"], title=record.get("title") or "") for number, record in enumerate(records)]
    groups = copy_groups([article.text for article in articles])
    first_of_group: dict[int, int] = {}
    candidates, left_out, distinct, kept = 0, 0, set(), set()
    for article, group in zip(articles, groups, strict=True):
        found, skipped = segment_article(article)
        candidates += len(found)
        left_out += len(skipped)
        texts = {sentence.text for sentence in found}
        distinct |= texts
        if first_of_group.setdefault(int(group), article.id) == article.id:
            kept |= texts
    return {
        "articles": len(articles),
        "spans": candidates + left_out,
        "left_out": left_out,
        "candidates": candidates,
        "distinct": len(distinct),
        "kept": len(kept),
    }


def big_story_counts(records: list[dict[str, str]]) -> tuple[int, int, int, int]:
    """(stories, stories past the budget, distinct sentences, distinct sentences only outside the representatives),
    the records cut into stories per day as ``batch --period day`` cuts them."""
    from summarizer.batch.stories.big import STORY_SENTENCES, representatives, sentence_counts
    from summarizer.batch.stories.cut import story_labels
    from summarizer.dates import with_dates
    from summarizer.text.split import segment_article
    from summarizer.types import Article

    days: dict[str, list[Article]] = {}
    for number, record in enumerate(records):
        days.setdefault(record.get("date", ""), []).append(Article(id=number, text=record["text"], title=record.get("title") or "", ref=str(number)))
    stories = big = total = skipped = 0
    for articles in days.values():
        dated = with_dates(articles)
        labels = story_labels(dated).tolist()
        for label in sorted(set(labels)):
            members = [a for a, own in zip(dated, labels, strict=True) if own == label]
            texts = [{s.text for s in segment_article(a)[0]} for a in members]
            every = set().union(*texts)
            stories, total = stories + 1, total + len(every)
            counts = sentence_counts(members) if len(members) >= 40 else [len(t) for t in texts]
            chosen = representatives(members, STORY_SENTENCES, counts) if sum(counts) > STORY_SENTENCES else None
            if chosen is not None:
                big += 1
                skipped += len(every - set().union(*(texts[p] for p in chosen)))
    return stories, big, total, skipped


def big_story_row(name: str, records: list[dict[str, str]]) -> str:
    """One row of the big-story table."""
    stories, big, total, skipped = big_story_counts(records)
    return f"| {name} | {len(records):,} | {stories:,} | {big:,} | {total:,} | {skipped:,} ({skipped / max(total, 1):.0%}) |"


def row(name: str, found: dict[str, int]) -> str:
    """One table row: each step's count and its share of all spans."""
    spans = found["spans"]

    def share(count: int) -> str:
        return f"{count:,} ({count / spans:.0%})"

    return (
        f"| {name} | {found['articles']:,} | {spans:,} | {share(found['left_out'])} | {share(found['candidates'] - found['distinct'])} "
        f"| {share(found['distinct'] - found['kept'])} | {share(found['kept'])} |"
    )


def main() -> None:
    """Count every dump and print (and write) the table."""
    import argparse

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--one-day", default="10000,30000", help="sizes of scale_data --distinct one-day dumps for the big-story table")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    write = not args.no_write
    rows = [
        "| dump | articles | spans | left out before embedding (today) | exact repeats, embedded once (today) "
        "| sentences of near-copies beyond the first (not skipped yet) | left to embed if copies were folded first |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in DUMPS:
        rows.append(row(name, counts(DATA / name)))
        print(rows[-1], flush=True)
    big = [
        "| input | articles | stories | stories past the budget | distinct sentences | only outside the representatives: no longer embedded |",
        "|---|---|---|---|---|---|",
    ]
    for name in DUMPS:
        big.append(big_story_row(f"{name}, by day", [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]))
        print(big[-1], flush=True)
    for size in (int(s) for s in args.one_day.split(",") if s):
        from benchmarks.scale_data import generate

        big.append(big_story_row(f"scale_data --distinct, one day of {size:,}", [record for record, _ in generate(size, distinct=True)]))
        print(big[-1], flush=True)
    intro = f"Commit `{commit()}`; `python -m benchmarks.embed_less --one-day {args.one_day}`: counts, no model run."
    sections = [("", rows), ("Big stories past their representatives (skipped by batch since issue 27)", big)]
    publish(Path(__file__).resolve().parent / "results" / "embed_less.md", "What need not be embedded", intro, sections, write)


if __name__ == "__main__":
    main()
