"""Story clustering against gold stories: ARI, NMI and the number of stories found.

    python -m benchmarks.stories [DUMP.jsonl ...]

A dump line's ``story`` field is read here, to score, and nowhere else. All
articles form one period (as ``summarizer batch --period all``). Default
input: ../shared/data/dump_duc2003.jsonl (298 articles, 30 stories).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from summarizer.batch.dump import read_dumps
from summarizer.batch.stories import STORY_DISTANCE, STORY_EMBEDDING_WEIGHT, article_similarity, cluster_stories
from summarizer.batch.work import embed_period
from summarizer.embed.cache import CachedEmbedder, EmbeddingCache
from summarizer.embed.embedder import Embedder

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dump_duc2003.jsonl"


def gold_stories(path: Path) -> list[tuple[str, str]]:
    """(article id, gold story) for every line, duplicates included."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(str(row["id"]), str(row["story"])) for row in rows]


def score(path: Path, distances: list[float], weight: float) -> list[str]:
    """Table rows for one dump at each cut distance."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    dump = read_dumps([str(path)])
    articles = list(dump.articles)
    started = time.perf_counter()
    _, rows = embed_period(articles, CachedEmbedder(Embedder(), EmbeddingCache()))
    vectors = article_similarity([a.text for a in articles], rows, weight)
    position = {a.ref: i for i, a in enumerate(articles)}
    gold = gold_stories(path)
    truth = [story for _, story in gold]
    lines = []
    for distance in distances:
        labels = cluster_stories(vectors, distance)
        predicted = [int(labels[position[ref]]) for ref, _ in gold]
        ari = adjusted_rand_score(truth, predicted)
        nmi = normalized_mutual_info_score(truth, predicted)
        mark = " (default)" if distance == STORY_DISTANCE else ""
        lines.append(f"| {path.name} | {len(articles)} | {len(set(truth))} | {distance:.3f}{mark} | {labels.max() + 1} | {ari:.3f} | {nmi:.3f} |")
    print(f"{path.name}: {time.perf_counter() - started:.1f} s (embedding included, cache on)", flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dumps", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("--distances", default=f"{STORY_DISTANCE}", help="comma-separated cut distances")
    parser.add_argument("--embedding-weight", type=float, default=STORY_EMBEDDING_WEIGHT)
    args = parser.parse_args()
    distances = [float(d) for d in args.distances.split(",")]
    rows = [row for path in args.dumps for row in score(path, distances, args.embedding_weight)]
    print("| dump | articles | gold stories | cut | stories found | ARI | NMI |\n|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
