"""`summarizer batch`: dumps, periods, stories, indexes, resumability, the cache, and both engines."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from summarizer.batch.dump import read_dumps
from summarizer.batch.periods import period_of
from summarizer.errors import InputError
from tests.conftest import ROOT, run_cli
from tests.helpers.dumps import seed_records, tree, write_dump


@pytest.fixture()
def dump(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "dump.jsonl", seed_records(), ("{not json", json.dumps({"id": "empty", "text": "  "}), ""))


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
    assert len(read.duplicates) == 1 and not read.problems
    assert read.duplicates[0].file.endswith("b.jsonl") and read.duplicates[0].line == 1


def test_an_id_reused_for_another_text_is_a_problem(tmp_path: Path) -> None:
    records = seed_records()[:2]
    records[1]["id"] = records[0]["id"]
    read = read_dumps([str(write_dump(tmp_path / "d.jsonl", records))])
    assert len(read.articles) == 1 and "was used for another text" in read.problems[0].reason


def test_periods() -> None:
    assert period_of("2025-03-02T23:30:00-05:00", "day") == "2025-03-02"  # the date as written
    assert period_of("Sun, 2 Mar 2025 10:00:00 GMT", "week") == "2025-W09"
    assert period_of("2025-03-02", "all") == "all"
    assert period_of("1740902400", "day") == period_of("1740902400000", "day") == "2025-03-02"  # epoch s and ms, UTC
    assert period_of("", "day") == period_of("not a date", "day") == "undated"


@pytest.mark.parametrize("partial", ["2025", "March 2", "Monday", "10:00", "2025-03"])
def test_a_partial_date_is_undated_not_today(partial: str) -> None:
    assert period_of(partial, "day") == "undated"


def test_bad_bytes_broken_gzip_and_odd_records_are_problems_not_aborts(tmp_path: Path) -> None:
    records = [json.dumps({"id": f"a{i}", "text": f"Article number {i} says something."}) for i in range(300)]
    packed = gzip.compress(("\n".join(records) + "\n").encode())
    (tmp_path / "cut.jsonl.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "odd.jsonl").write_bytes(b'{"text": "fine"}\n{"text": "bad \xff byte"}\n[1, 2]\n{"id": null, "text": "no id"}\n')
    read = read_dumps([str(tmp_path)])
    reasons = {(Path(p.file).name, p.line): p.reason for p in read.problems}
    assert reasons[("odd.jsonl", 2)].startswith("not UTF-8")
    assert "expected a JSON object" in reasons[("odd.jsonl", 3)]
    broken = [line for (name, line), reason in reasons.items() if name == "cut.jsonl.gz" and "breaks off" in reason]
    assert len(broken) == 1 and sum(1 for a in read.articles if a.ref.startswith("a")) == broken[0] - 1
    refs = {a.text: a.ref for a in read.articles}
    assert refs["no id"] == f"{tmp_path / 'odd.jsonl'}:4" and refs["fine"] == f"{tmp_path / 'odd.jsonl'}:1"


def test_lines_without_ids_in_same_named_files_do_not_clash(tmp_path: Path) -> None:
    for day in ("d1", "d2"):
        (tmp_path / day).mkdir()
        write_dump(tmp_path / day / "articles.jsonl", [{"text": f"A report from {day} about the harbour."}])
    read = read_dumps([str(tmp_path)])
    assert len(read.articles) == 2 and not read.problems and not read.duplicates


def test_stories_tied_on_articles_are_ordered_by_sources() -> None:
    from summarizer.batch.threads.follow import story_order
    from summarizer.types import Article

    articles = [Article(i, "text", source=source, ref=str(i)) for i, source in enumerate(["A", "A", "B", "C", "D"])]
    assert story_order(np.array([0, 0, 1, 1, 2]), articles) == [[2, 3], [0, 1], [4]]


def test_story_clustering_finds_the_number_of_stories() -> None:
    from summarizer.batch.stories.cut import story_labels
    from summarizer.types import Article

    stories = {
        "quake": "An earthquake struck Avalon on {}; rescuers searched collapsed buildings in Avalon and the quake's death toll rose to {}.",
        "election": "Voters in Corvo chose a new parliament on {}; the Corvo Liberal Party conceded as {} ballots were counted.",
        "merger": "Shareholders of Brisk Air approved its merger with Dunmore Airways on {}; regulators must still clear the {} deal.",
    }
    days = ["Monday", "Tuesday", "Wednesday", "Thursday"]
    articles, truth = [], []
    for number, day in enumerate(days):
        for name, template in stories.items():
            figure = 100 * (1 + list(stories).index(name)) + number
            articles.append(Article(id=len(articles), text=template.format(day, figure), title="", date="2025-03-0" + str(number + 1)))
            truth.append(name)
    labels = story_labels(articles)
    assert len(set(labels.tolist())) == 3
    assert all(len({labels[i] for i, t in enumerate(truth) if t == name}) == 1 for name in stories)


def test_the_same_kind_of_event_in_two_places_is_two_stories() -> None:
    from summarizer.batch.stories.cut import story_labels
    from summarizer.types import Article

    template = "Four men were wounded in a shooting on {} Street in {} on Sunday night, police said. The {} police have made no arrests."
    texts = [
        template.format("Kedzie", "Lawndale", "Lawndale"),
        template.format("Kedzie", "Lawndale", "Lawndale") + " A vigil was held.",
        template.format("Marsh", "Hampton", "Hampton"),
    ]
    articles = [Article(id=i, text=text, date="2025-03-02") for i, text in enumerate(texts)]
    assert story_labels(articles).tolist() == [0, 0, 1]


def test_unrelated_articles_stay_apart_and_one_article_is_one_story() -> None:
    from summarizer.batch.stories.cut import story_labels
    from summarizer.types import Article

    texts = ["Rebels seized the northern city.", "The central bank raised rates.", "A storm flooded coastal towns."]
    articles = [Article(id=i, text=text) for i, text in enumerate(texts)]
    assert len(set(story_labels(articles).tolist())) == 3
    assert story_labels(articles[:1]).tolist() == [0]


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
    assert 'href="2025-03-01/index.html"' in (out / "index.html").read_text() and 'href="threads.html"' in (out / "index.html").read_text()
    assert "<svg" in (out / "threads.html").read_text()
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
            page = (out / period / story["html"]).read_text()
            assert all(f'id="q-{c["article_id"] + 1}-{c["start"]}-{c["end"]}"' in page for b in briefing["bullets"] for c in b["citations"])
            assert f'href="{story["html"]}"' in (out / period / "index.html").read_text()
            assert story["single_source"] == (len(story["articles"]) == 1)
            seen += story["articles"]
    assert sorted(seen) == sorted(r["id"] for r in seed_records())


@pytest.mark.slow
def test_rerun_skips_unchanged_periods_and_redoes_changed_ones(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q").returncode == 0
    before = tree(out)
    again = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert "0 periods briefed (2 more unchanged, skipped)" in again.stdout and tree(out) == before
    records = seed_records()
    records[0]["text"] += "\n\nA late paragraph was added to the first article today."
    write_dump(dump, records)
    changed = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert "1 period briefed (1 more unchanged, skipped)" in changed.stdout
    assert tree(out)["2025-03-02/index.json"] == before["2025-03-02/index.json"]
    assert tree(out)["2025-03-01/index.json"] != before["2025-03-01/index.json"]
    (out / "2025-03-02" / "story-001.html").unlink()  # a period missing a page is not finished
    mended = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q")
    assert "1 period briefed (1 more unchanged, skipped)" in mended.stdout and (out / "2025-03-02" / "story-001.html").is_file()
    forced = run_cli("batch", str(dump), "-o", str(out), "-w", "1", "-q", "--force")
    assert "2 periods briefed (0 more unchanged, skipped)" in forced.stdout


@pytest.mark.slow
def test_killed_run_is_finished_by_the_next_one(dump: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(out), "-w", "1", "-q", "--no-cache"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while not (out / "2025-03-01" / "index.json").exists() and process.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    if process.poll() is None:
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


@pytest.mark.slow
def test_weeks_all_gzip_and_the_gold_story_field_is_never_read(tmp_path: Path) -> None:
    dumps = {}
    for name, records in (("plain", seed_records()), ("gold", [dict(r, story=f"gold-{i}") for i, r in enumerate(seed_records())])):
        (tmp_path / name).mkdir()
        dumps[name] = write_dump(tmp_path / name / "dump.jsonl.gz", records)
    for period, expected in (("week", ["2025-W09"]), ("all", ["all"])):
        trees = {}
        for name, dump_path in dumps.items():
            out = tmp_path / f"{period}-{name}"
            done = run_cli("batch", str(dump_path), "-o", str(out), "--period", period, "-q")
            assert done.returncode == 0, done.stderr
            trees[name] = tree(out)
        assert [p["period"] for p in json.loads(trees["plain"]["index.json"])["periods"]] == expected
        assert trees["plain"] == trees["gold"]  # the story field changes nothing


def test_progress_bars_on_a_terminal_only_and_the_closing_line(dump: Path, tmp_path: Path) -> None:
    done = run_cli("batch", str(dump), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "articles embedded" not in done.stderr and "\x1b[" not in done.stderr and "\r" not in done.stderr  # a log gets no bars
    assert "dump.jsonl:6: not valid JSON" in done.stderr  # every malformed line, with file and line
    assert re.search(r"2 periods briefed .* 5 articles, \d+ stories; 2 malformed lines, 0 repeated articles; [\d.]+ s, [\d.]+ articles/s", done.stdout)
    terminal = on_a_terminal([sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(tmp_path / "tty")])
    assert "periods" in terminal and "stories" in terminal and "articles embedded" in terminal


def on_a_terminal(command: list[str]) -> str:
    """Run ``command`` with stderr on a pseudo-terminal; what it wrote there."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=300)
    os.close(leader)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_fewer_stories_on_a_rerun_leave_no_stale_files(tmp_path: Path) -> None:
    from summarizer.batch.job import write_period
    from summarizer.batch.schedule import PeriodOutput

    write_period(tmp_path, PeriodOutput("day", {"story-001.md": "a", "story-002.md": "b", "index.json": "{}"}, 2, 2))
    write_period(tmp_path, PeriodOutput("day", {"story-001.md": "c", "index.json": "{}"}, 1, 1))
    assert sorted(p.name for p in (tmp_path / "day").iterdir()) == ["index.json", "story-001.md"]


def test_a_second_run_into_the_same_folder_is_refused_while_one_runs(dump: Path, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "out"
    assert run_cli("batch", str(dump), "-o", str(out), "-q").returncode == 0
    with open(out / ".summarizer-batch.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        refused = run_cli("batch", str(dump), "-o", str(out), "-q", "--force")
    assert refused.returncode == 2 and "another batch run" in refused.stderr


def test_input_inside_the_output_and_unwritable_output_are_one_line_errors(dump: Path, tmp_path: Path) -> None:
    inside = run_cli("batch", str(dump), "-o", str(dump.parent))
    assert inside.returncode == 2 and "holds the input" in inside.stderr
    blocker = tmp_path / "plain-file"
    blocker.write_text("x")
    unwritable = run_cli("batch", str(dump), "-o", str(blocker / "out"), "-q")
    assert unwritable.returncode != 0 and "Traceback" not in unwritable.stderr and "internal error" not in unwritable.stderr
    assert len(unwritable.stderr.strip().splitlines()) == 1, unwritable.stderr


def test_ray_missing_is_a_one_line_error(dump: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "no_ray"
    (blocker / "ray").mkdir(parents=True)
    (blocker / "ray" / "__init__.py").write_text("raise ImportError('Ray is not installed here')\n")
    env = dict(os.environ, PYTHONPATH=f"{blocker}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    done = subprocess.run(
        [sys.executable, "-m", "summarizer.cli.app", "batch", str(dump), "-o", str(tmp_path / "out"), "--engine", "ray", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 2 and "pip install 'summarizer[ray]'" in done.stderr and "Traceback" not in done.stderr
