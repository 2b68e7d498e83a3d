"""rouge-score against ROUGE-1.5.5 on the official MultiLing 2011 English submissions.

    python -m benchmarks.rouge_scorers [--no-write]

Scores the ten TAC 2011 MultiLing English submissions (ID1..ID10) against the
three references of each topic, recall, no stemming, under the MultiLing
preset, with Google's rouge-score (bench's default scorer) and with the
original ROUGE-1.5.5 (``--scorer rouge-1.5.5``), next to the official figures.
ROUGE-1.5.5 is shown twice: the plain mean of its per-topic scores (what bench
reports) and the Average it prints itself (a bootstrap mean, run with the
organisers' topic order). Data: tests/data/multiling2011 (CC BY 3.0). Writes
results/rouge_scorers.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.report import commit, publish, wants_write
from summarizer.bench.metrics import rouge, truncate_words
from summarizer.bench.perl_rouge import PERL_PRESETS, perl_rouge, perl_rouge_averages

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "data" / "multiling2011"
RESULTS = ROOT / "benchmarks" / "results" / "rouge_scorers.md"
MEASURES = ("rouge-1", "rouge-2", "rouge-su4")


def load() -> tuple[dict[str, list[str]], dict[str, dict[str, str]], dict]:
    """References and submissions by topic, and the official figures."""
    rows = lambda name: [json.loads(line) for line in (GOLDEN / name).read_text(encoding="utf-8").splitlines() if line.strip()]  # noqa: E731
    references = {row["id"]: row["references"] for row in rows("references_en.jsonl")}
    submissions = {row["id"]: row["systems"] for row in rows("submissions_en.jsonl")}
    return references, submissions, json.loads((GOLDEN / "official_rouge_en.json").read_text(encoding="utf-8"))


def kendall_tau(a: list[float], b: list[float]) -> float:
    """Kendall's tau-a between two score lists (ties count as neither)."""
    pairs = [(i, j) for i in range(len(a)) for j in range(i + 1, len(a))]
    agree = sum(((a[i] - a[j]) * (b[i] - b[j]) > 0) - ((a[i] - a[j]) * (b[i] - b[j]) < 0) for i, j in pairs)
    return agree / len(pairs)


def main() -> None:
    """Score every submission both ways, print the table and write it."""
    write = wants_write(__doc__ or "")
    references, submissions, official = load()
    order = official["eval_order"]
    topics = sorted(references)
    table: dict[str, dict[str, list[float]]] = {}
    for system in official["averages"]:
        texts = [submissions[topic][system] for topic in topics]
        perl = perl_rouge(texts, [references[topic] for topic in topics], PERL_PRESETS["multiling"])
        printed = perl_rouge_averages([submissions[t][system] for t in order], [references[t] for t in order], PERL_PRESETS["multiling"])
        python = [rouge(truncate_words(text, 250), references[topic], "recall", stem=False) for text, topic in zip(texts, topics, strict=True)]
        table[system] = {
            "official": [official["averages"][system][m]["r"] for m in MEASURES],
            "printed": [printed[m]["r"] for m in MEASURES],
            "mean": [sum(s[m]["r"] for s in perl) / len(perl) for m in MEASURES],
            "rouge-score": [sum(s.rouge1 for s in python) / len(python), sum(s.rouge2 for s in python) / len(python)],
        }
    rows = [
        "| system | official R-1 / R-2 / SU4 | ROUGE-1.5.5 printed | ROUGE-1.5.5 mean (bench) | rouge-score R-1 / R-2 (bench default) |",
        "|---|---|---|---|---|",
    ]
    worst = {"printed": 0.0, "mean": 0.0, "rouge-score": 0.0}
    for system, row in table.items():
        for name in worst:
            worst[name] = max(worst[name], *(abs(x - y) for x, y in zip(row[name], row["official"], strict=False)))
        cells = [" / ".join(f"{x:.5f}" for x in row[name]) for name in ("official", "printed", "mean", "rouge-score")]
        rows.append(f"| {system} | " + " | ".join(cells) + " |")
    rows.append(f"| largest difference from official | | {worst['printed']:.5f} | {worst['mean']:.5f} | {worst['rouge-score']:.5f} |")
    ranks = ["| scorer | Kendall tau with official R-1 | with official R-2 |", "|---|---|---|"]
    for name in ("printed", "mean", "rouge-score"):
        taus = [kendall_tau([row[name][k] for row in table.values()], [row["official"][k] for row in table.values()]) for k in (0, 1)]
        ranks.append(f"| {name} | {taus[0]:.3f} | {taus[1]:.3f} |")
    intro = (
        f"Commit `{commit()}`; `python -m benchmarks.rouge_scorers`: the ten official TAC 2011 MultiLing English submissions, recall against "
        f"the three references, no stemming; ROUGE-1.5.5 with `{' '.join(PERL_PRESETS['multiling'])}` (the organisers' arguments). "
        "rouge-score has no ROUGE-SU4."
    )
    publish(
        RESULTS,
        "rouge-score and ROUGE-1.5.5 against the official MultiLing 2011 scores",
        intro,
        [("Recall", rows), ("Ranking of the ten systems", ranks)],
        write,
    )


if __name__ == "__main__":
    main()
