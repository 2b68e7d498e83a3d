"""Shared fixtures: the seed folder, a real embedder, and a runner for the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


def pytest_configure(config: pytest.Config) -> None:
    """Keep the tests' embedding cache out of the user's own (~/.cache/summarizer)."""
    import tempfile

    os.environ["SUMMARIZER_CACHE_DIR"] = tempfile.mkdtemp(prefix="summarizer-test-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the tests' embedding cache."""
    import shutil

    cache = os.environ.get("SUMMARIZER_CACHE_DIR", "")
    if "summarizer-test-cache-" in cache:
        shutil.rmtree(cache, ignore_errors=True)


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def embedder():
    from summarizer.embed.embedder import Embedder

    return Embedder()


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed CLI in a fresh process, as a user would (in ``env``, else this process's environment)."""
    env = dict(env if env is not None else os.environ, PYTHONUNBUFFERED="1")
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli.app", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def cli():
    return run_cli
