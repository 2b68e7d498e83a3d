"""Story cutting alone at scale: seconds and peak memory to cut one period of N articles, and ARI against gold.

    python -m benchmarks.story_scale [--sizes 10000,30000] [--root OTHER_CHECKOUT]

Each size is a one-day dump of ``benchmarks/scale_data.py`` (rewrites and wire
copies of the development stories, gold stories kept), cut by
``story_labels`` in a fresh process (no embedding: cutting needs none), which
reports its seconds and its peak resident memory (``ru_maxrss``). With
``--root``, the same dumps are cut by the code of another checkout in the same
run (the baseline: say, the commit before the absolute story decision), so the
two can be compared as ratios on one machine. Prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.scale_data import write

ROOT = Path(__file__).resolve().parents[1]
CUT = """
import json, resource, sys, time
from sklearn.metrics import adjusted_rand_score
from summarizer.batch.dump import read_dumps
from summarizer.batch.stories.cut import story_labels
from summarizer.dates import with_dates
articles = with_dates(read_dumps([sys.argv[1]]).articles)
gold = json.load(open(sys.argv[2]))
started = time.perf_counter()
labels = story_labels(articles)
seconds = time.perf_counter() - started
ari = adjusted_rand_score([gold[a.ref] for a in articles], labels.tolist())
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "stories": int(labels.max()) + 1, "ari": ari}))
"""


def cut(root: Path, dump: Path, gold: Path) -> dict[str, float]:
    """Cut ``dump`` with the code at ``root`` in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", CUT, str(dump), str(gold)], cwd=root, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,30000")
    parser.add_argument("--root", type=Path, help="another checkout to cut the same dumps with (the baseline)")
    args = parser.parse_args()
    print("| articles | code | stories | ARI | seconds | peak MB | seconds vs baseline |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as scratch:
        for size in (int(s) for s in args.sizes.split(",")):
            dump, gold = Path(scratch) / f"day{size}.jsonl", Path(scratch) / f"gold{size}.json"
            write(size, dump, gold)
            base = cut(args.root, dump, gold) if args.root else None
            here = cut(ROOT, dump, gold)
            for name, result in (("baseline", base), ("this checkout", here)):
                if result is None:
                    continue
                ratio = f"{result['seconds'] / base['seconds']:.2f}" if base else ""
                figures = f"{result['stories']} | {result['ari']:.3f} | {result['seconds']:.1f} | {result['peak_mb']:,.0f}"
                print(f"| {size:,} | {name} | {figures} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
