"""What need not be embedded: how many sentence spans of a dump never reach the model, and why.

    python -m benchmarks.embed_less [--no-write]

For each development dump (read from ../shared/data), counts the spans the
splitter finds and what is left of them at each step that needs no model:

1. every span of every article;
2. left out before embedding (boilerplate, headings, fragments): never embedded today;
3. exact repeats of a sentence already seen: embedded once today (``Embedder.encode``
   and the cache);
4. the sentences of near-copies (``batch``'s copy groups, word 5-gram containment),
   beyond the first article of each group: not skipped today, counted here as
   what folding copies before embedding would save.

A count, not a timing: the embedding time is proportional to the sentences that
reach the model (``benchmarks/batching.py`` gives the rate). Writes
benchmarks/results/embed_less.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.report import commit, publish, wants_write

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
DUMPS = ("dump_duc2003.jsonl", "dump_gva_dev.jsonl", "dump_ecbplus.jsonl")


def counts(path: Path) -> dict[str, int]:
    """Spans, left out, distinct candidates, and distinct candidates outside the near-copies of each copy group."""
    from summarizer.batch.story_copies import copy_groups
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
    write = wants_write(__doc__ or "")
    rows = [
        "| dump | articles | spans | left out before embedding (today) | exact repeats, embedded once (today) "
        "| sentences of near-copies beyond the first (not skipped yet) | left to embed if copies were folded first |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in DUMPS:
        rows.append(row(name, counts(DATA / name)))
        print(rows[-1], flush=True)
    intro = f"Commit `{commit()}`; `python -m benchmarks.embed_less`: counts, no model run."
    publish(Path(__file__).resolve().parent / "results" / "embed_less.md", "What need not be embedded", intro, [("", rows)], write)


if __name__ == "__main__":
    main()
