"""Where sources differ, and whether a citation carries the claim, on the hand-labelled sentence pairs.

    python -m benchmarks.disagreements [--no-write]

Reads benchmarks/data/pairs (pairs of sentences from different articles
of one DUC 2003 or Multi-News cluster, each labelled agree, differ or
unrelated by reading, and whether B carries A's claim; texts resolved from
../shared/data). Sentence A stands for a bullet, B for a sentence of
another article. The constants of ``rank/bullets.py`` were chosen on the
DUC 2003 pairs of the dev split; the Multi-News dev pairs were the check,
and the test split (the other half of each set's clusters, paraphrases down
to cosine 0.45 included) is held out from every choice.

- **Citation precision**: among pairs the pipeline would weigh as citations
  (cosine at least 0.75, the near-duplicate threshold), the share of those
  it keeps whose B carries A's claim; recall is the share of carrying pairs
  kept, among near-duplicates and among all carrying pairs (paraphrases
  below the near-duplicate threshold too). Before this rule every
  near-duplicate was a citation.
- **Disagreements**: a pair is flagged when ``citations_for`` would flag it
  (a near-duplicate, cosine and shared words at the thresholds, a figure
  given differently); scored against the ``differ`` label, over all pairs.
Writes benchmarks/results/disagreements.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.pairs import DATA, Pair, load_pairs
from benchmarks.report import commit, publish, wants_write
from summarizer.facts.compare import carries_figures, differences, shared_words
from summarizer.rank.bullets import CITATION_THRESHOLD, DISAGREEMENT_THRESHOLD, DISAGREEMENT_WORDS
from summarizer.topics.duplicates import DUPLICATE_THRESHOLD
from summarizer.types import Disagreement

RESULTS = Path(__file__).resolve().parent / "results" / "disagreements.md"
SETS = {
    ("duc2003", "dev"): "DUC 2003 dev (chosen on)",
    ("multinews", "dev"): "Multi-News dev (check)",
    ("duc2003", "test"): "DUC 2003 test (held out)",
    ("multinews", "test"): "Multi-News test (held out)",
}
BEFORE = "before: every near-duplicate (cosine >= 0.75)"
FIGURES = "same figures, cosine >= 0.75"
SHIPPED = f"same figures, cosine >= {CITATION_THRESHOLD} (shipped)"


@dataclass(frozen=True)
class Seen:
    """A labelled pair with what the rules need: cosine, differing figures, figures carried, shared words."""

    pair: Pair
    differs: bool
    carries: bool
    shared: float


def seen(pairs: Sequence[Pair]) -> list[Seen]:
    """Every pair with the rules' inputs computed."""
    return [Seen(p, bool(differences(p.text_a, p.text_b)), carries_figures(p.text_a, p.text_b), shared_words(p.text_a, p.text_b)) for p in pairs]


def cited_by(rule: str) -> Callable[[Seen], bool]:
    """Whether a near-duplicate stays a citation: before (every near-duplicate), figures only, or the rule shipped."""
    rules: dict[str, Callable[[Seen], bool]] = {
        BEFORE: lambda s: True,
        FIGURES: lambda s: not s.differs and s.carries,
        SHIPPED: lambda s: not s.differs and s.carries and s.pair.cosine >= CITATION_THRESHOLD,
    }
    return rules[rule]


def flagged(item: Seen, cosine: float = DISAGREEMENT_THRESHOLD, words: float = DISAGREEMENT_WORDS) -> bool:
    """Whether ``citations_for`` would show the pair as a disagreement."""
    return item.pair.cosine >= max(cosine, DUPLICATE_THRESHOLD) and item.shared >= words and item.differs


def ratio(part: int, whole: int) -> str:
    """``0.912`` or ``-`` when there is nothing to divide."""
    return f"{part / whole:.3f}" if whole else "-"


def citation_rows(items: Sequence[Seen]) -> list[str]:
    """Citation precision and recall per set and rule."""
    rows = [
        "| set | rule | kept / near-duplicates | precision | recall (near-duplicates) | recall (all carrying pairs) |",
        "|---|---|---|---|---|---|",
    ]
    for (name, split), shown in SETS.items():
        every = [s for s in items if (s.pair.set, s.pair.split) == (name, split)]
        candidates = [s for s in every if s.pair.cosine >= DUPLICATE_THRESHOLD]
        carrying, all_carrying = sum(s.pair.claim_carried for s in candidates), sum(s.pair.claim_carried for s in every)
        for rule in (BEFORE, FIGURES, SHIPPED):
            kept = [s for s in candidates if cited_by(rule)(s)]
            good = sum(s.pair.claim_carried for s in kept)
            scores = f"{ratio(good, len(kept))} | {ratio(good, carrying)} | {ratio(good, all_carrying)} ({good}/{all_carrying})"
            rows.append(f"| {shown} | {rule} | {len(kept)} / {len(candidates)} | {scores} |")
    return rows


def disagreement_rows(items: Sequence[Seen]) -> list[str]:
    """Disagreement precision and recall per set, at the shipped point and around it."""
    rows = ["| set | cosine | shared words | flagged | right | precision | recall (of differ pairs) |", "|---|---|---|---|---|---|---|"]
    for (name, split), shown in SETS.items():
        chosen = [s for s in items if (s.pair.set, s.pair.split) == (name, split)]
        truth = sum(s.pair.label == "differ" for s in chosen)
        for cosine, words in ((0.75, 0.0), (0.75, 0.3), (DISAGREEMENT_THRESHOLD, DISAGREEMENT_WORDS), (0.85, 0.3)):
            hits = [s for s in chosen if flagged(s, cosine, words)]
            right = sum(s.pair.label == "differ" for s in hits)
            mark = " (shipped)" if (cosine, words) == (DISAGREEMENT_THRESHOLD, DISAGREEMENT_WORDS) else ""
            rows.append(f"| {shown} | {cosine}{mark} | {words} | {len(hits)} | {right} | {ratio(right, len(hits))} | {ratio(right, truth)} ({right}/{truth}) |")
    return rows


def flag_text(cluster: str, disagreement: Disagreement) -> str:
    """``d31011t: six drownings / 18 drownings (changed over time)``."""
    change = " (changed over time)" if disagreement.over_time else ""
    return f"{cluster}: " + " / ".join(v.text for v in disagreement.values) + change


def briefing_flags() -> list[str]:
    """Every disagreement in the briefings of the development clusters (DUC 2003 from ../shared/data, the
    shipped MultiLing 2011): one row per flag, with the figures' short texts."""
    from summarizer import summarize
    from summarizer.embed.embedder import Embedder
    from summarizer.types import Article

    encoder = Embedder()
    rows = ["| set | clusters | bullets | flags | figures flagged |", "|---|---|---|---|---|"]
    shipped = Path(__file__).resolve().parent / "data" / "multiling2011_en.jsonl"
    for name, path in (("DUC 2003", DATA / "duc2003_task2.jsonl"), ("MultiLing 2011", shipped)):
        clusters = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        bullets, flags = 0, []
        for cluster in clusters:
            articles = [Article(i, d["text"], title=d.get("title", ""), published=d.get("date") or "") for i, d in enumerate(cluster["documents"])]
            briefing = summarize(articles, embedder=encoder)
            bullets += len(briefing.bullets)
            flags += [flag_text(cluster["id"], d) for b in briefing.bullets for d in b.disagreements]
        rows.append(f"| {name} | {len(clusters)} | {bullets} | {len(flags)} | {'; '.join(flags) or '-'} |")
        print(rows[-1], flush=True)
    return rows


def main() -> None:
    """Score both rules on the labelled pairs; print the tables and write them."""
    write = wants_write(__doc__ or "")
    items = seen(load_pairs())
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.disagreements`, on the {len(items)} hand-labelled pairs of "
        "[benchmarks/data/pairs](../data/pairs/README.md)."
    )
    sections = [
        ("A citation beyond the first must carry the bullet's claim", citation_rows(items)),
        ("Sources that differ (flagged pairs against the `differ` label)", disagreement_rows(items)),
        ("Disagreements in whole briefings of the development clusters", briefing_flags()),
    ]
    publish(RESULTS, "Citations that carry the claim, and where sources differ", intro, sections, write)


if __name__ == "__main__":
    main()
