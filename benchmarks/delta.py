"""What is new in batch briefings: are bullets marked new really absent from the thread's earlier days?

    python -m benchmarks.delta [--no-write]

Runs ``summarizer batch --period day`` on each dated development dump
(DUC 2003 and its two halves, built as in ``benchmarks.threads``), then, for
every story that goes on a thread begun on an earlier day, judges each of
its marked bullets against the sentences of that thread's earlier articles
(the ones ``batch`` kept and marked against), with two judges other than
the rules that marked them:

- embedding: the bullet is present when an earlier sentence reaches cosine
  0.75 (the near-duplicate threshold; the marks use 0.85 and figures);
- words: present when an earlier sentence holds half of the bullet's word
  bigrams (lower-cased).

It reports the share of ``new`` bullets that are absent and of ``reported``
bullets that are present (target 0.9 each), with counts. Writes
benchmarks/results/delta.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from benchmarks.report import commit, publish, wants_write
from benchmarks.stories import DUC, records, write_dump
from summarizer.batch.threads.files import read_context
from summarizer.batch.threads.follow import Earlier, thread_articles
from summarizer.text.split import split_sentences

RESULTS = Path(__file__).resolve().parent / "results" / "delta.md"


def duc_half(folder: Path, half: int) -> Path:
    """Every other DUC gold story (sorted by id), from the first (half 0) or the second: a sparser dump of the same news."""
    rows = records(DUC)
    stories = sorted({str(row["story"]) for row in rows})[half::2]
    return write_dump([row for row in rows if str(row["story"]) in stories], folder / f"dump_duc2003_half{half}.jsonl")


PRESENT_COSINE = 0.75
PRESENT_BIGRAMS = 0.5
WORD = re.compile(r"\w+")


def run_batch(dump: Path, outdir: Path) -> None:
    """``summarizer batch DUMP -o OUTDIR --period day`` in a fresh process."""
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(outdir), "--period", "day", "-q"]
    subprocess.run(command, check=True, capture_output=True)


def bigrams(text: str) -> set[tuple[str, str]]:
    """The lower-cased word bigrams of a text."""
    words = WORD.findall(text.lower())
    return set(itertools.pairwise(words))


def marked_bullets(outdir: Path) -> list[tuple[str, str, list[str]]]:
    """(status, bullet, earlier sentences of its thread) for every marked bullet of the output."""
    kept: list[Earlier] = []
    for folder in sorted(p for p in outdir.iterdir() if p.is_dir()):
        kept += read_context(folder)
    found = []
    for index_file in sorted(outdir.glob("*/index.json")):
        index = json.loads(index_file.read_text(encoding="utf-8"))
        for story in index["stories"]:
            bullets = json.loads((index_file.parent / story["briefing"]).read_text(encoding="utf-8"))["bullets"]
            if not any("status" in b for b in bullets):
                continue
            earlier = [a.text[s:e] for a in thread_articles(index["period"], story["thread"], kept) for s, e in split_sentences(a.text)]
            found += [(b["status"], b["text"], earlier) for b in bullets]
    return found


def judged(found: Sequence[tuple[str, str, list[str]]]) -> dict[str, list[tuple[bool, bool]]]:
    """Per status, for each bullet: (present by embedding, present by word bigrams)."""
    from summarizer.embed.embedder import Embedder

    texts = list(dict.fromkeys([bullet for _, bullet, _ in found] + [s for _, _, earlier in found for s in earlier]))
    vectors = dict(zip(texts, np.asarray(Embedder().encode(texts)), strict=True))
    verdicts: dict[str, list[tuple[bool, bool]]] = {"new": [], "update": [], "reported": []}
    for status, bullet, earlier in found:
        if not earlier:
            verdicts[status].append((False, False))
            continue
        cosine = float(np.max(np.stack([vectors[s] for s in earlier]) @ vectors[bullet]))
        mine = bigrams(bullet)
        overlap = max(len(mine & bigrams(sentence)) / max(len(mine), 1) for sentence in earlier)
        verdicts[status].append((cosine >= PRESENT_COSINE, overlap >= PRESENT_BIGRAMS))
    return verdicts


def row(name: str, verdicts: dict[str, list[tuple[bool, bool]]]) -> str:
    """One dump's line: counts per status, then the share right by each judge."""

    def share(status: str, judge: int, present: bool) -> str:
        items = verdicts[status]
        return f"{sum(v[judge] == present for v in items) / len(items):.3f}" if items else "-"

    counts = " / ".join(str(len(verdicts[s])) for s in ("new", "update", "reported"))
    return f"| {name} | {counts} | {share('new', 0, False)} | {share('reported', 0, True)} | {share('new', 1, False)} | {share('reported', 1, True)} |"


def main() -> None:
    """Run batch on every dump, judge the marks, print the table and write it."""
    write = wants_write(__doc__ or "")
    rows = [
        "| dump (by day) | bullets new / update / reported | new absent (embedding) | reported present (embedding) | new absent (words) "
        "| reported present (words) |",
        "|---|---|---|---|---|---|",
    ]
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        for name, dump in {"DUC 2003": DUC, "DUC half A": duc_half(scratch, 0), "DUC half B": duc_half(scratch, 1)}.items():
            outdir = scratch / name.replace(" ", "_")
            run_batch(dump, outdir)
            rows.append(row(name, judged(marked_bullets(outdir))))
            print(rows[-1], flush=True)
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.delta`: `batch --period day` on each dump; every bullet of a story that goes on "
        f"an earlier thread, judged against that thread's earlier articles (present: cosine {PRESENT_COSINE}, or half the word bigrams)."
    )
    publish(RESULTS, "What is new in `batch` briefings", intro, [("", rows)], write)


if __name__ == "__main__":
    main()
