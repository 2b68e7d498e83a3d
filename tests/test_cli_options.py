"""The command line's choices are the code's own: each choice option offers exactly the values of the ``Literal``
type that the module acting on it defines, and its tuple of accepted values is that type's arguments."""

from __future__ import annotations

import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch import ENGINES
from summarizer.batch.job import BatchSettings
from summarizer.batch.periods import PERIODS
from summarizer.bench.convert import LAYOUTS
from summarizer.bench.metrics import METRICS
from summarizer.bench.session import PRESETS, SCORERS, BenchRequest, Preset
from summarizer.cli.batch import batch
from summarizer.cli.bench import bench
from summarizer.cli.brief import brief
from summarizer.cli.convert import convert
from summarizer.errors import InputError, UsageError
from summarizer.options import ORDERS, Options
from summarizer.render import FORMATS, RENDERERS, render
from tests.helpers.briefings import tiny_briefing

OFFERED: list[tuple[Callable[..., Any], str, tuple[str, ...]]] = [
    (batch, "period", PERIODS),
    (batch, "engine", ENGINES),
    (brief, "order", ORDERS),
    (brief, "fmt", FORMATS),
    (bench, "preset", tuple(PRESETS)),
    (bench, "scorer", SCORERS),
    (bench, "metric", METRICS),
    (convert, "layout", LAYOUTS),
]


def choices(command: Callable[..., Any], option: str) -> tuple[str, ...]:
    """The values a command's signature offers for ``option``: the ``Literal`` inside its ``Annotated[Optional[...]]``."""
    hint = typing.get_type_hints(command, include_extras=True)[option]
    while typing.get_origin(hint) is not typing.Literal:
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    return typing.get_args(hint)


@pytest.mark.parametrize(("command", "option", "accepted"), OFFERED, ids=[f"{c.__name__}-{o}" for c, o, _ in OFFERED])
def test_a_choice_offers_what_the_code_accepts(command: Callable[..., Any], option: str, accepted: tuple[str, ...]) -> None:
    assert choices(command, option) == accepted and len(accepted) >= 2


def test_the_command_line_refuses_a_value_outside_the_choice() -> None:
    from typer.testing import CliRunner

    from summarizer.cli.app import app

    result = CliRunner().invoke(app, ["batch", "in.jsonl", "-o", "out", "--period", "month"])
    assert result.exit_code == 2 and "'month' is not one of 'day', 'week', 'all'" in result.output


def test_the_tables_keyed_by_a_choice_have_a_row_for_each() -> None:
    assert tuple(RENDERERS) == FORMATS
    assert tuple(PRESETS) == typing.get_args(Preset)


def test_the_library_refuses_a_value_outside_the_choice(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown period 'month': use one of day, week, all"):
        BatchSettings("month", Options(), "model")
    for wrong in ({"scorer": "rouge-2.0"}, {"metric": "precision"}, {"preset": "tac"}):
        with pytest.raises(UsageError, match=f"unknown {next(iter(wrong))} "):
            BenchRequest(tmp_path, **wrong)
    with pytest.raises(InputError, match="unknown order"):
        Options(order="newest")
    with pytest.raises(ValueError, match="unknown format"):
        render(tiny_briefing(), "pdf")
