"""`summarizer batch`: dumps, periods, stories, indexes, resumability, the cache, and both engines."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from summarizer.batch.dump import read_dumps
from summarizer.batch.periods import period_of
from summarizer.batch.stories import cluster_stories
from summarizer.errors import InputError
from tests.conftest import ROOT, SEEDS, run_cli

DATES = ("2025-03-01", "2025-03-01", "2025-03-02T10:00:00Z", "2025-03-02", "2025-03-02")


def seed_records() -> list[dict[str, str]]:
    """The seed articles as dump records, dated over two days."""
    records = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": DATES[number], "source": f"source {number}"})
    return records


def write_dump(path: Path, records: list[dict[str, str]], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(r) for r in records] + list(extra_lines)
    data = ("\n".join(lines) + "\n").encode()
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "dump.jsonl", seed_records(), ("{not json", json.dumps({"id": "empty", "text": "  "}), ""))


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# reading dumps ---------------------------------------------------------------------------------


def test_malformed_lines_are_counted_with_file_and_line(dump: Path) -> None:
    read = read_dumps([str(dump)])
    assert len(read.articles) == 5
    assert [(p.line, p.reason.split(" (")[0]) for p in read.problems] == [(6, "not valid JSON"), (7, "the article has no text")]
    assert all(p.file == str(dump) for p in read.problems)


def test_strict_makes_a_malformed_line_fatal(dump: Path) -> None:
    with pytest.raises(InputError, match=r"dump.jsonl:6: not valid JSON"):
        read_dumps([str(dump)], strict=True)


def test_gzip_folders_and_repeated_articles(tmp_path: Path) -> None:
    records = seed_records()
    write_dump(tmp_path / "a.jsonl.gz", records[:3])
    write_dump(tmp_path / "b.jsonl", records[2:])  # 003 appears in both dumps
    read = read_dumps([str(tmp_path)])
    assert [a.ref for a in read.articles] == [r["id"] for r in records]
    assert read.duplicates == 1 and not read.problems


def test_an_id_reused_for_another_text_is_a_problem(tmp_path: Path) -> None:
    records = seed_records()[:2]
    records[1]["id"] = records[0]["id"]
    read = read_dumps([str(write_dump(tmp_path / "d.jsonl", records))])
    assert len(read.articles) == 1 and "was used for another text" in read.problems[0].reason


def test_periods() -> None:
    assert period_of("2025-03-02T23:30:00-05:00", "day") == "2025-03-02"
    assert period_of("Sun, 2 Mar 2025 10:00:00 GMT", "week") == "2025-W09"
    assert period_of("2025-03-02", "all") == "all"
    assert period_of("", "day") == period_of("not a date", "day") == "undated"


def test_story_clustering_finds_the_number_of_stories() -> None:
    rng = np.random.default_rng(0)
    centres = np.eye(8)[:3]
    vectors = np.vstack([c + 0.05 * rng.standard_normal((4, 8)) for c in centres])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = cluster_stories(vectors @ vectors.T)
    assert len(set(labels.tolist())) == 3
    assert all(len(set(labels[i * 4 : i * 4 + 4].tolist())) == 1 for i in range(3))


# the cache ----------------------------------------------------------------------------------------


class Counting:
    """A real embedder that counts the sentences it embeds."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder
        self.embedded = 0
        self.identity = embedder.identity
        self.name = embedder.name

    def encode(self, texts):
        self.embedded += len(texts)
        return self.embedder.encode(texts)


def test_cache_embeds_a_sentence_once_and_returns_the_same_vector(tmp_path: Path, embedder) -> None:
    from summarizer.embed.cache import CachedEmbedder, EmbeddingCache

    counting = Counting(embedder)
    texts = ["The minister resigned on Tuesday.", "Markets fell sharply.", "The minister resigned on Tuesday."]
    first = CachedEmbedder(counting, EmbeddingCache(tmp_path)).encode(texts)
    second = CachedEmbedder(counting, EmbeddingCache(tmp_path)).encode(texts[::-1])
    assert counting.embedded == 2
    assert np.array_equal(first, second[::-1])
    assert np.allclose(first, embedder.encode(texts), atol=1e-5)


def test_cache_stays_within_its_bound(tmp_path: Path) -> None:
    from summarizer.embed.cache import EmbeddingCache, cache_key

    cache = EmbeddingCache(tmp_path, max_bytes=10 * (16 + 64))
    for batch in range(5):
        cache.put({cache_key("m", f"{batch}-{i}"): np.ones(4, dtype=np.float32).tobytes() for i in range(4)})
    kept = cache.get([cache_key("m", f"{b}-{i}") for b in range(5) for i in range(4)])
    assert len(kept) == 10
    assert cache_key("m", "4-3") in kept and cache_key("m", "0-0") not in kept  # the oldest go first


# the command ----------------------------------------------------------------------------------------


def test_batch_writes_indexes_and_one_briefing_per_story(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_cli("batch", str(dump), "-o", str(out), "--workers", "1", "--quiet")
    assert done.returncode == 0, done.stderr
    assert "2 periods" in done.stdout and "5 articles" in done.stdout and "2 malformed lines" in done.stdout
    top = json.loads((out / "index.json").read_text())
    assert [p["period"] for p in top["periods"]] == ["2025-03-01", "2025-03-02"]
    assert "(2025-03-01/index.md)" in (out / "index.md").read_text()
    seen = []
    for period in ("2025-03-01", "2025-03-02"):
        index = json.loads((out / period / "index.json").read_text())
        assert index["period"] == period
        sizes = [len(s["articles"]) for s in index["stories"]]
        assert sizes == sorted(sizes, reverse=True)
        for story in index["stories"]:
            briefing = json.loads((out / period / story["briefing"]).read_text())
            assert [a["ref"] for a in briefing["articles"]] == story["articles"]
            assert briefing["bullets"] and (out / period / story["markdown"]).read_text().startswith("# ")
            assert story["single_source"] == (len(story["articles"]) == 1)
            seen += story["articles"]
    assert sorted(seen) == sorted(r["id"] for r in seed_records())


def test_rerun_skips_unchanged_periods_and_redoes_changed_ones(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q").returncode == 0
    before = tree(out)
    again = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert "(2 unchanged, skipped)" in again.stdout and tree(out) == before
    records = seed_records()
    records[0]["text"] += "\n\nA late paragraph was added to the first article today."
    write_dump(dump, records)
    changed = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert "(1 unchanged, skipped)" in changed.stdout
    assert tree(out)["2025-03-02/index.json"] == before["2025-03-02/index.json"]
    assert tree(out)["2025-03-01/index.json"] != before["2025-03-01/index.json"]
    forced = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q", "--force")
    assert "(0 unchanged, skipped)" in forced.stdout


def test_killed_run_is_finished_by_the_next_one(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(out), "-w", "1", "-q", "--no-cache"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not (out / "2025-03-01" / "index.json").exists() and process.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    finished = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert finished.returncode == 0, finished.stderr
    files = tree(out)
    assert not [name for name in files if ".tmp-" in name]
    for name, data in files.items():
        if name.endswith(".json"):
            json.loads(data)
    clean = tmp_path / "clean"
    assert run_cli("batch", str(dump), "-o", str(clean), "-w", "1", "-q").returncode == 0
    assert tree(clean) == files


def test_bad_output_folders_and_strict_mode(dump: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    refused = run_cli("batch", str(dump), "-o", str(other))
    assert refused.returncode == 2 and "holds other files" in refused.stderr and "Traceback" not in refused.stderr
    assert (other / "notes.txt").read_text() == "mine"
    strict = run_cli("batch", str(dump), "-o", str(tmp_path / "s"), "--strict")
    assert strict.returncode == 2 and "dump.jsonl:6: not valid JSON" in strict.stderr
    missing = run_cli("batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "m"))
    assert missing.returncode == 2 and "no such file" in missing.stderr


def test_local_pool_and_ray_give_byte_identical_files(dump: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    single = tmp_path / "single"
    pool = tmp_path / "pool"
    ray_out = tmp_path / "ray"
    common = ["--no-cache", "--threads", "1", "-q"]
    assert run_cli("batch", str(dump), "-o", str(single), "-w", "1", *common).returncode == 0
    assert run_cli("batch", str(dump), "-o", str(pool), "-w", "2", *common).returncode == 0
    on_ray = run_cli("batch", str(dump), "-o", str(ray_out), "--engine", "ray", "-w", "2", *common)
    assert on_ray.returncode == 0, on_ray.stderr
    assert tree(single) == tree(pool) == tree(ray_out)
