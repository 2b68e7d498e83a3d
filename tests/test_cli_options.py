"""The command line's choices are the code's own: each CLI enum lists exactly the values the module that acts on it accepts."""

from __future__ import annotations

from enum import Enum

import pytest

from summarizer.batch.engines import ENGINES
from summarizer.batch.periods import PERIODS
from summarizer.bench.session import METRICS, PRESETS, SCORERS
from summarizer.cli.batch import Engine, Period
from summarizer.cli.bench import Metric, Preset, Scorer
from summarizer.cli.brief import Format, Order
from summarizer.options import ORDERS
from summarizer.render import RENDERERS


@pytest.mark.parametrize(
    ("choices", "accepted"),
    [(Period, PERIODS), (Engine, ENGINES), (Order, ORDERS), (Format, tuple(RENDERERS)), (Preset, tuple(PRESETS)), (Scorer, SCORERS), (Metric, METRICS)],
)
def test_a_cli_enum_offers_what_the_code_accepts(choices: type[Enum], accepted: tuple[str, ...]) -> None:
    assert [choice.value for choice in choices] == list(accepted)
