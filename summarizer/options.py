"""The knobs of a briefing, validated once, recorded in its provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from summarizer.errors import InputError

MAX_AUTO_BULLETS = 8
Order = Literal["reading", "importance"]  # the command line offers exactly these
ORDERS: tuple[str, ...] = get_args(Order)


@dataclass(frozen=True)
class Options:
    """What the user may choose; ``None`` means "from the data" or "the default".

    The four switches turn stages off for ablation studies:
    topic clustering (every sentence becomes its own topic), folding of
    near-duplicates into citations and support, redundancy control (a concept
    covered once counts once; no near-duplicate of a bullet), and the exact
    choice under a word budget (``exact_coverage``: the integer program of
    Gillick & Favre 2009; off, the greedy choice used without a budget). ``max_sentences``
    refuses an input whose sentence similarities would not fit in memory (the
    pipeline holds a few matrices of sentences x sentences). ``date_order``
    (dayfirst or monthfirst) reads numeric dates such as 12/03/2025, which
    are otherwise left undated. ``order`` is ``reading`` (the core first,
    related bullets side by side) or ``importance`` (the order selection took
    them, most concept weight first: what to keep when a summary is cut at a
    word budget, as ``bench`` does).
    """

    bullets: int | None = None
    max_words: int | None = None
    model: str | None = None
    seed: int = 0
    topics: bool = True
    fold_duplicates: bool = True
    redundancy: bool = True
    exact_coverage: bool = True
    max_sentences: int | None = None
    date_order: str = ""
    order: str = "reading"

    def __post_init__(self) -> None:
        if self.bullets is not None and self.bullets < 1:
            raise InputError("--bullets must be at least 1")
        if self.max_words is not None and self.max_words < 1:
            raise InputError("--max-words must be at least 1")
        if self.max_sentences is not None and self.max_sentences < 1:
            raise InputError("--max-sentences must be at least 1")
        if self.date_order not in ("", "dayfirst", "monthfirst"):
            raise InputError(f"unknown date order {self.date_order!r}: use dayfirst or monthfirst")
        if self.order not in ORDERS:
            raise InputError(f"unknown order {self.order!r}: use {' or '.join(ORDERS)}")

    def as_record(self) -> dict[str, Any]:
        """The options as a JSON-ready dict."""
        return asdict(self)
