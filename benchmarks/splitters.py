"""Compare maintained sentence splitters on hard news cases and on the seed articles.

Prints a table: for each splitter, how many hard cases it gets exactly right,
how many sentences it finds in seeds/, and its speed.

    python benchmarks/splitters.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from tests.hard_sentences import HARD_CASES

Splitter = Callable[[str], list[str]]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def syntok_splitter() -> Splitter:
    import syntok.segmenter as segmenter

    def split(text: str) -> list[str]:
        return ["".join(token.spacing + token.value for token in sentence).strip() for paragraph in segmenter.analyze(text) for sentence in paragraph]

    return split


def sentencex_splitter() -> Splitter:
    import sentencex

    return lambda text: [s.strip() for s in sentencex.segment("en", text) if s.strip()]


def segtok_splitter() -> Splitter:
    from segtok.segmenter import split_multi

    return lambda text: [s.strip() for s in split_multi(text) if s.strip()]


def sentence_splitter_koehn() -> Splitter:
    from sentence_splitter import SentenceSplitter

    splitter = SentenceSplitter(language="en")
    return lambda text: [s.strip() for s in splitter.split(text) if s.strip()]


def ours() -> Splitter:
    from summarizer.text.split import split_sentences

    return lambda text: [text[start:end] for start, end in split_sentences(text)]


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "summarizer (sentencex + offsets)": ours,
    "pysbd": pysbd_splitter,
    "syntok": syntok_splitter,
    "sentencex": sentencex_splitter,
    "segtok": segtok_splitter,
    "sentence-splitter (Koehn)": sentence_splitter_koehn,
}


def seed_paragraphs() -> list[str]:
    root = Path(__file__).resolve().parents[1] / "seeds"
    return [line.strip() for file in sorted(root.glob("*.txt")) for line in file.read_text().splitlines() if line.strip()]


def main() -> None:
    paragraphs = seed_paragraphs()
    print(f"| splitter | hard cases right (of {len(HARD_CASES)}) | seed sentences | ms for seeds |")
    print("|---|---|---|---|")
    for name, make in SPLITTERS.items():
        try:
            split = make()
        except ImportError as error:
            print(f"| {name} | not installed ({error.name}) | | |")
            continue
        right = sum(split(text) == expected for text, expected in HARD_CASES)
        began = time.perf_counter()
        count = sum(len(split(paragraph)) for paragraph in paragraphs)
        elapsed = (time.perf_counter() - began) * 1000
        print(f"| {name} | {right} | {count} | {elapsed:.0f} |")


if __name__ == "__main__":
    main()
