"""The import graph reads as the pipeline: no circles, and no import that runs back up a layer."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "summarizer"
UPPER = {  # a package and who alone may import it: the commands and the jobs sit above the pipeline
    "summarizer.cli": {"summarizer.cli"},
    "summarizer.batch": {"summarizer.batch", "summarizer.cli"},
    "summarizer.bench": {"summarizer.bench", "summarizer.cli"},
}


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``path`` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name:
                found.add(name)
    return found


def graph() -> dict[str, set[str]]:
    """Each module's imports of other modules of the package."""
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan, 1972)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_import_graph_has_no_circles() -> None:
    edges = graph()
    assert len(edges) > 80 and edges["summarizer.pipeline"]  # the graph was read
    assert circles(edges) == []


def inside(module: str, package: str) -> bool:
    """True when ``module`` is ``package`` or one of its modules."""
    return (module + ".").startswith(package + ".")


def upward(module: str, target: str) -> bool:
    """True when ``module`` may not import ``target``: a layer above it, or the API module from within."""
    if target == "summarizer":
        return True
    return any(inside(target, upper) and not any(inside(module, a) for a in allowed) for upper, allowed in UPPER.items())


def test_no_module_imports_a_layer_above_it() -> None:
    entry_points = {"summarizer", "summarizer.__main__"}  # the API module and ``python -m summarizer`` sit on top
    edges = graph()
    wrong = [f"{module} -> {target}" for module in sorted(edges) if module not in entry_points for target in sorted(edges[module]) if upward(module, target)]
    assert wrong == []


def test_the_checks_see_a_circle_and_an_upward_import() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert upward("summarizer.pipeline", "summarizer.batch.job") and upward("summarizer.render.html", "summarizer")
    assert not upward("summarizer.cli.batch", "summarizer.batch.job") and not upward("summarizer.batch.job", "summarizer.render")


def test_no_module_of_ours_is_over_400_lines() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items() if not inside(name, "summarizer.vendor")}
    assert len(sizes) > 80
    assert {name: lines for name, lines in sizes.items() if lines > 400} == {}
