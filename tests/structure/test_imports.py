"""The import structure: no module of the project imports in a circle, the rules engine stays
pure Python, and the rooms of ``matcher/`` lean only the way the README's layout says.

Read from the source with ``ast`` (nothing is imported), counting every import a module makes,
inside functions too, since a lazy import is how a circle usually hides; imports under
``if TYPE_CHECKING:`` are for the type checker only and do not count.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("api_common", "matcher", "trials", "rules_engine")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" not in path.parts:
                found[_module_name(path)] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported_names(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Every module name the code imports (``from a import b`` counts as ``a.b`` when that is
    a module, else as ``a``), relative imports resolved."""
    names: set[str] = set()
    base = module if is_package else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base.split(".")[: len(base.split(".")) - (node.level - 1)]
                source = ".".join(anchor + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            names.add(source)
            names.update(f"{source}.{alias.name}" for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return names


@cache
def _graph() -> dict[str, frozenset[str]]:
    """Project module -> the project modules it imports."""
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(), str(path))
        imported = _imported_names(tree, name, path.name == "__init__.py")
        graph[name] = frozenset(i for i in imported if i in modules and i != name)
    return graph


@cache
def _all_imports(module: str) -> frozenset[str]:
    """Every name the module imports, project or not (for the purity rules)."""
    path = _modules()[module]
    return frozenset(_imported_names(ast.parse(path.read_text()), module, path.name == "__init__.py"))


def _cycles(graph: dict[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def connect(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def _in(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def test_the_graph_sees_the_project():
    graph = _graph()
    assert "matcher.matching.jobs" in graph and "rules_engine.engine" in graph
    assert "matcher.results.store" in graph["matcher.matching.jobs"]


@pytest.mark.parametrize("package", ["matcher", "trials", "rules_engine", "api_common"])
def test_no_module_imports_in_a_circle(package):
    cycles = [c for c in _cycles(_graph()) if any(_in(m, package) for m in c)]
    assert cycles == [], f"import circles through {package}: {cycles}"


def test_a_circle_is_detected():
    assert _cycles({"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}) == [
        ["a", "b", "c"]
    ]


FRAMEWORKS = ("django", "rest_framework", "drf_spectacular", "django_filters", "celery", "kombu")


def test_the_rules_engine_imports_no_framework_and_no_app():
    leaks = {
        module: sorted(i for i in _all_imports(module) if any(_in(i, f) for f in FRAMEWORKS + PACKAGES[:3]))
        for module in _modules()
        if _in(module, "rules_engine")
    }
    assert {m: i for m, i in leaks.items() if i} == {}


# (importer, what it must not import, why)
FORBIDDEN = [
    ("trials", "matcher", "matching reacts to trials (a signal), trials never call matching"),
    ("api_common", "matcher", "both apps use the plumbing; it leans on neither"),
    ("api_common", "trials", "both apps use the plumbing; it leans on neither"),
    ("matcher.results", "matcher.webhooks", "storing returns its changes; the caller records and announces them"),
    ("matcher.results", "matcher.worker", "storing queues nothing"),
    ("matcher.results", "matcher.matching", "matching stores through results, not the other way round"),
    ("matcher.intake", "matcher.models", "intake is plain functions: record in, facts out"),
    ("matcher.db", "matcher.models", "the database helpers know no model of their own"),
]


@pytest.mark.parametrize(("importer", "target", "why"), FORBIDDEN)
def test_a_room_does_not_lean_on_another(importer, target, why):
    wrong = sorted(
        (module, imported)
        for module, imports in _graph().items()
        if _in(module, importer)
        for imported in imports
        if _in(imported, target)
    )
    assert wrong == [], why


def test_only_the_app_config_imports_the_tasks():
    """Work is queued by name through matcher.worker.dispatch; the tasks call services."""
    importers = sorted(m for m, imports in _graph().items() if "matcher.worker.tasks" in imports)
    assert importers == ["matcher.apps"]
