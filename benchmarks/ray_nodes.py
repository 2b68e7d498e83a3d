"""`batch --engine ray` on one Ray node against two, beside the local engine, on the same dump.

    python -m benchmarks.ray_nodes [--size 600] [--repeats 2] [--no-write]

The dump is one period of ``--size`` articles from ``benchmarks/scale_data.py``.
Three runs, each a cold process with the embedding cache off (``--no-cache``:
actors started by ``ray start`` use the cache of the environment their node
was started in, not the driver's):

- the local engine with 2 worker processes (the baseline);
- Ray, one node started with ``ray start --head --num-cpus 2``, 2 actors;
- Ray, two nodes on this machine (``ray start --head`` and ``ray start
  --address``, one CPU each, sharing a token), 2 actors, one per node.

Each Ray run goes through ``--address``, as on a real cluster, and the three
are repeated in turn ``--repeats`` times (the machine is shared and noisy).
The table gives the fastest wall seconds of each, the ratio to the local
run's, and whether every run's files are byte-identical to the local run's. On one 2-core machine two nodes cannot be
faster than one: the row prices what crossing nodes costs (object store
transfers, scheduling), not what a second machine would add. Writes
benchmarks/results/ray_nodes.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results" / "ray_nodes.md"


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ray_cli(*args: str, env: dict[str, str]) -> None:
    """Run the ``ray`` command line; stop with its error if it fails."""
    done = subprocess.run([sys.executable, "-m", "ray.scripts.scripts", *args], capture_output=True, text=True, env=env, timeout=300, check=False)
    if done.returncode:
        raise SystemExit(f"ray {args[0]} failed: {done.stderr.strip()[-500:]}")


def start_cluster(cpus: list[int], env: dict[str, str]) -> str:
    """A head node and worker nodes on this machine, with these CPU counts; the head's address."""
    address = f"127.0.0.1:{free_port()}"
    common = ["--node-ip-address", "127.0.0.1", "--disable-usage-stats"]
    ray_cli("start", "--head", "--port", address.split(":")[1], "--include-dashboard", "false", "--num-cpus", str(cpus[0]), *common, env=env)
    for count in cpus[1:]:
        ray_cli("start", "--address", address, "--num-cpus", str(count), *common, env=env)
    return address


def tree_digest(folder: Path) -> str:
    """One hash over every file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_batch(dump: Path, outdir: Path, extra: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one batch run, the embedding cache off."""
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(outdir), "-q", "--period", "all", "-w", "2", "--no-cache", *extra]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        raise SystemExit(f"batch failed: {done.stderr.strip()[-500:]}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    from benchmarks.scale_data import write

    env = dict(os.environ, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32), RAY_USAGE_STATS_ENABLED="0")
    setups = (("local engine, 2 processes", []), ("Ray, one node (2 CPUs)", [2]), ("Ray, two nodes (1 CPU each)", [1, 1]))
    times: dict[str, list[float]] = {name: [] for name, _ in setups}
    same: dict[str, bool] = {name: True for name, _ in setups}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        dump = folder / "dump.jsonl"
        write(args.size, dump)
        reference = ""
        for repeat in range(args.repeats):
            for number, (name, cpus) in enumerate(setups):
                outdir = folder / f"out-{repeat}-{number}"
                try:
                    extra = ["--engine", "ray", "--address", start_cluster(cpus, env)] if cpus else []
                    times[name].append(run_batch(dump, outdir, extra, env))
                finally:
                    if cpus:
                        subprocess.run([sys.executable, "-m", "ray.scripts.scripts", "stop", "--force"], capture_output=True, env=env, check=False)
                reference = reference or tree_digest(outdir)
                same[name] &= tree_digest(outdir) == reference
                print(name, f"{times[name][-1]:.1f} s", flush=True)
    local = min(times[setups[0][0]])
    rows = [(name, str(max(1, len(cpus))), min(times[name]), same[name]) for name, cpus in setups]
    header = "| engine | nodes | wall s | vs local | same bytes as local |\n|---|---|---|---|---|"
    lines = [f"| {name} | {nodes} | {seconds:.1f} | {seconds / local:.2f} | {'yes' if same else 'NO'} |" for name, nodes, seconds, same in rows]
    table = header + "\n" + "\n".join(lines) + "\n"
    print(table)
    if not args.no_write:
        from benchmarks.quality import commit

        command = f"python -m benchmarks.ray_nodes --size {args.size} --repeats {args.repeats}"
        stamp = f"Commit `{commit()}`, {dt.date.today().isoformat()}; `{command}`; one 2-core machine, no GPU; fastest of {args.repeats} runs each."
        RESULTS.write_text(f"# One Ray node against two\n\n{stamp}\n\n{table}", encoding="utf-8")


if __name__ == "__main__":
    main()
