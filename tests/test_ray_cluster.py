"""batch on a real two-node Ray cluster (two raylets on this machine, one CPU each), through --address: the same bytes as the local engine."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.helpers.dumps import fresh_env, seed_records, tree, write_dump

ray = pytest.importorskip("ray")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def ray_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "ray.scripts.scripts", *args], capture_output=True, text=True, env=env, timeout=180, check=False)


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """A head node and a worker node, each with one CPU, sharing a token (Ray 2.59+ authenticates by default).
    Actors take the environment of the node they run on, not the driver's, so the nodes get an empty cache."""
    env = dict(os.environ, RAY_AUTH_MODE="token", RAY_AUTH_TOKEN=secrets.token_hex(32), RAY_USAGE_STATS_ENABLED="0")
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "node-cache")
    address = f"127.0.0.1:{free_port()}"
    node = ["--num-cpus", "1", "--node-ip-address", "127.0.0.1", "--disable-usage-stats"]
    try:
        head = ray_cli("start", "--head", "--port", address.split(":")[1], "--include-dashboard", "false", *node, env=env)
        assert head.returncode == 0, head.stderr[-2000:]
        worker = ray_cli("start", "--address", address, *node, env=env)
        assert worker.returncode == 0, worker.stderr[-2000:]
        yield address, env
    finally:
        ray_cli("stop", "--force", env=env)


@pytest.mark.slow
def test_two_nodes_give_the_same_bytes_as_the_local_engine(tmp_path: Path, cluster: tuple[str, dict[str, str]]) -> None:
    address, env = cluster
    nodes = subprocess.run(
        [sys.executable, "-c", f"import ray; ray.init(address={address!r}, log_to_driver=False); print(sum(n['Alive'] for n in ray.nodes()))"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert nodes.stdout.strip().splitlines()[-1] == "2", nodes.stderr[-2000:]
    dump = write_dump(tmp_path / "dump.jsonl", seed_records())
    local = run_cli("batch", str(dump), "-o", str(tmp_path / "local"), "-q", "-w", "1", env=fresh_env(tmp_path, "local"))
    assert local.returncode == 0, local.stderr
    remote_env = {**fresh_env(tmp_path, "ray"), **{key: env[key] for key in ("RAY_AUTH_MODE", "RAY_AUTH_TOKEN", "RAY_USAGE_STATS_ENABLED")}}
    remote = run_cli("batch", str(dump), "-o", str(tmp_path / "ray"), "-q", "--engine", "ray", "--address", address, "-w", "2", "--chunk", "2", env=remote_env)
    assert remote.returncode == 0, remote.stderr
    assert tree(tmp_path / "local") == tree(tmp_path / "ray")
    assert (tmp_path / "node-cache" / "embeddings.sqlite3").exists()  # the actors filled the nodes' empty cache
