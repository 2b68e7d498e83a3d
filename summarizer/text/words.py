r"""Words, in one place: the patterns each stage cuts text into words with, and the stop words.

The patterns differ on purpose, each for what its stage compares:

* ``FOLDED_WORD`` (``[a-z0-9]+`` on lowercased text): figures and concepts,
  where "U.S." and "us", "2.5" and "2 5" need only match themselves
  (``facts/compare``, ``rank/concepts``);
* ``LABEL_WORD``: words as a reader sees them in a topic label, letters first,
  inner apostrophes and hyphens kept ("Zelensky’s", "cease-fire");
* ``SHINGLE_WORD`` (``\w+``): the word 5-grams of near-copy detection
  (``batch/stories/copies``), any script.

ROUGE's tokenisers (``bench/metrics``, ``bench/sumy_systems``) stay apart on
purpose: they must cut words exactly as the scorers and peers they reproduce
do, whatever the pipeline does.
"""

from __future__ import annotations

import re
from functools import lru_cache

FOLDED_WORD = re.compile(r"[a-z0-9]+")
LABEL_WORD = re.compile(r"[^\W\d_][\w’'-]*[^\W_]|[^\W\d_]")
SHINGLE_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (scikit-learn's list) plus news reporting verbs."""
    from summarizer.text.tfidf import english_stop_words

    reporting = {"said", "says", "told", "according", "mr", "mrs", "ms", "sir", "also", "new", "added", "asked", "reported"}
    generic = {
        "billion",
        "million",
        "thousand",
        "percent",
        "cent",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "today",
        "time",
        "times",
        "people",
        "way",
        "lot",
        "number",
        "part",
        "end",
        "point",
    }
    return english_stop_words() | reporting | generic
