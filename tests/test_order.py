"""Reading order: the core first, each bullet beside its mutual nearest neighbour; importance order on request."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from summarizer.errors import InputError
from summarizer.options import Options
from summarizer.rank.order import mutual_neighbours, reading_order


def unit(rows: list[list[float]]) -> np.ndarray:
    vectors = np.asarray(rows, dtype=np.float64)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_mutual_neighbours_pair_only_what_is_closest_both_ways() -> None:
    vectors = unit([[1, 0, 0], [0, 1, 0], [0.9, 0.1, 0.1], [0.1, 0.9, 0]])
    assert mutual_neighbours(vectors) == {0: 2, 2: 0, 1: 3, 3: 1}
    assert mutual_neighbours(unit([[1, 0]])) == {}


def test_partners_move_up_to_the_more_important_the_first_stays_first() -> None:
    vectors = unit([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0.1, 0.95, 0, 0], [0.1, 0, 0.1, 1]])
    # 1 and 3 are each other's nearest: 3 moves up beside 1; 0 stays first
    order = reading_order(vectors)
    assert order[0] == 0 and order.index(3) == order.index(1) + 1
    assert sorted(order) == list(range(5))


def test_no_pair_keeps_the_order_of_importance() -> None:
    # each one's nearest is the next; only the last two are nearest both ways
    vectors = unit([[1, 0.0, 0], [0.8, 0.6, 0], [0.2, 0.98, 0], [0, 0.6, 0.8], [0, 0.5, 0.86]])
    assert reading_order(vectors) == [0, 1, 2, 3, 4]


def test_an_unknown_order_is_refused() -> None:
    with pytest.raises(InputError, match="unknown order"):
        Options(order="alphabetical")


@pytest.fixture(scope="module")
def both_orders(seeds: Path, embedder):
    from summarizer import summarize

    files = sorted(seeds.iterdir())
    return summarize(files, embedder=embedder), summarize(files, embedder=embedder, order="importance")


def test_seed_bullets_are_the_same_in_either_order_and_the_core_leads(both_orders) -> None:
    reading, importance = both_orders
    assert sorted(b.text for b in reading.bullets) == sorted(b.text for b in importance.bullets)
    assert reading.bullets[0].text == importance.bullets[0].text
    assert reading.provenance["options"]["order"] == "reading"


def test_seed_bullets_that_are_mutual_neighbours_stand_together(both_orders, embedder) -> None:
    reading, _ = both_orders
    vectors = embedder.encode([b.text for b in reading.bullets])
    for first, second in mutual_neighbours(np.asarray(vectors, dtype=np.float64)).items():
        assert abs(first - second) == 1 or first == 0 or second == 0, (reading.bullets[first].label, reading.bullets[second].label)
