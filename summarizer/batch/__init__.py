"""Daily news dumps: one briefing per story per period, resumable, on one machine or a Ray cluster.

The flow: read dumps (malformed lines counted) -> group by period -> per period:
embed every sentence once, cluster articles into stories, brief each story ->
write files atomically, the period's index last (its hash marks it done).
"""

from typing import Literal, get_args

EngineName = Literal["local", "ray"]  # where the work runs; here, not in engines.py, so the help need not import the engines
ENGINES: tuple[str, ...] = get_args(EngineName)
