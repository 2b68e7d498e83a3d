"""A cache is an optimisation: when it cannot be used, one warning line, and the same bytes as a clean run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SEEDS, run_cli


def brief_with_cache(folder: Path) -> tuple[int, str, str]:
    done = run_cli("brief", str(SEEDS), "-f", "json", env=dict(os.environ, SUMMARIZER_CACHE_DIR=str(folder)))
    return done.returncode, done.stdout, done.stderr


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> str:
    code, out, err = brief_with_cache(tmp_path_factory.mktemp("clean-cache"))
    assert code == 0, err
    return out


@pytest.mark.slow
def test_a_corrupted_cache_file_is_a_warning_and_the_same_bytes(tmp_path: Path, clean: str) -> None:
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    code, out, err = brief_with_cache(tmp_path)
    assert code == 0 and out == clean
    assert err.count("summarizer: warning: the embedding cache") == 1 and "going on without it" in err and "Traceback" not in err
    assert (tmp_path / "embeddings.sqlite3").read_bytes().startswith(b"this is not a database")  # not deleted behind the user's back


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder whatever its mode")
def test_an_unwritable_cache_folder_is_a_warning_and_the_same_bytes(tmp_path: Path, clean: str) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, out, err = brief_with_cache(locked / "cache")
    finally:
        locked.chmod(0o700)
    assert code == 0 and out == clean and err.count("summarizer: warning: the embedding cache") == 1


@pytest.mark.slow
def test_a_cache_path_that_is_a_file_is_a_warning_and_the_same_bytes(tmp_path: Path, clean: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    code, out, err = brief_with_cache(blocker / "cache")
    assert code == 0 and out == clean and err.count("summarizer: warning: the embedding cache") == 1
