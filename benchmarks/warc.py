"""Reading a web archive: pages per second against trafilatura alone, and peak memory as the archive grows.

    python -m benchmarks.warc [--pages 1000,4000] [--no-write]

Makes gzipped WARC files of news pages (the Gun Violence Archive and DUC 2003
texts of ../shared/data as HTML pages, each with a request record and every
tenth page a 404, as a crawl holds), then, each in a fresh process:

- ``summarizer``: ``read_inputs`` on the WARC (warcio streaming, trafilatura per page);
- ``trafilatura alone``: the same pages' HTML, already in memory, through
  ``trafilatura.bare_extraction`` with the same settings (the floor: what the
  page extraction costs without any archive reading).

Peak memory is the process's maximum resident set. Writes
benchmarks/results/warc.md, keeping its ``## Reading``.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.report import commit, publish

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results" / "warc.md"
SOURCES = ("dump_gva_dev.jsonl", "dump_duc2003.jsonl")


def pages(count: int) -> list[tuple[str, str]]:
    """(url, html) of ``count`` news pages made from the development dumps' articles (repeated when there are fewer)."""
    records = [json.loads(line) for name in SOURCES for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    made = []
    for number in range(count):
        record = records[number % len(records)]
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip())
        title = html.escape(record.get("title") or f"Story {number}")
        page = f"<html><head><title>{title}</title></head><body><nav>Home | News</nav><article><h1>{title}</h1>{paragraphs}</article></body></html>"
        made.append((f"https://news.example/{number}", page))
    return made


def write_warc(path: Path, made: list[tuple[str, str]]) -> None:
    """A gzipped WARC of the pages: a request and a response each, and a 404 for every tenth."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number, (url, page) in enumerate(made):
            ok = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode()), http_headers=ok))
            if number % 10 == 0:
                gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + "/gone", "response", payload=io.BytesIO(b"<html></html>"), http_headers=gone))


OURS = """
import resource, sys, time
from summarizer.ingest.readers import read_inputs
start = time.perf_counter()
reading = read_inputs([sys.argv[1]])
seconds = time.perf_counter() - start
print(len(reading.articles), seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""
ALONE = """
import json, resource, sys, time
import trafilatura
pages = json.load(open(sys.argv[1]))
start = time.perf_counter()
found = 0
for page in pages:
    done = trafilatura.bare_extraction(page, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True)
    found += done is not None
seconds = time.perf_counter() - start
print(found, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def measure(script: str, argument: Path) -> tuple[int, float, float]:
    """(pages read, seconds, peak MB) of a script run in a fresh process."""
    done = subprocess.run([sys.executable, "-c", script, str(argument)], capture_output=True, text=True, check=True, timeout=3600)
    count, seconds, peak = done.stdout.split()
    return int(count), float(seconds), float(peak)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--pages", default="1000,4000")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    rows = ["| pages | WARC MB (gzip) | reader | pages read | seconds | pages / s | time vs trafilatura alone | peak MB |", "|---|---|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as scratch:
        for count in (int(n) for n in args.pages.split(",")):
            made = pages(count)
            warc = Path(scratch) / f"crawl-{count}.warc.gz"
            write_warc(warc, made)
            alone = Path(scratch) / f"pages-{count}.json"
            alone.write_text(json.dumps([page for _, page in made]))
            size = warc.stat().st_size / 1e6
            base = measure(ALONE, alone)
            ours = measure(OURS, warc)
            for name, (found, seconds, peak) in (("trafilatura alone (pages in memory)", base), ("summarizer (warcio + trafilatura)", ours)):
                ratio = seconds / base[1]
                rows.append(f"| {count:,} | {size:.1f} | {name} | {found:,} | {seconds:.1f} | {found / seconds:.0f} | {ratio:.2f} | {peak:.0f} |")
                print(rows[-1], flush=True)
    intro = f"Commit `{commit()}`; `python -m benchmarks.warc --pages {args.pages}`, each reader in a fresh process."
    publish(RESULTS, "Reading a web archive", intro, [("Pages per second and peak memory", rows)], not args.no_write)


if __name__ == "__main__":
    main()
