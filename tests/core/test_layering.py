"""The core and the CLI never import Qt: they must run on a machine without a display."""

import ast
import subprocess
import sys

from tests.conftest import ROOT, SAMPLE


def test_core_and_cli_do_not_import_qt_nor_the_bank_builders_tagger():
    """Importing every core module costs no Qt and no POS tagger (0.6 s, needed by a bank build only)."""
    code = (
        "import sys, pkgutil, importlib, assistant.core as core, assistant.cli\n"
        "for m in pkgutil.walk_packages(core.__path__, 'assistant.core.'): importlib.import_module(m.name)\n"
        f"assistant.cli.main(['text', {str(SAMPLE)!r}])\n"
        "bad = [name for name in sys.modules if name.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
        "assert 'jieba.posseg' not in sys.modules, 'the bank builder tagger is imported at start'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "工作总结" in result.stdout


CORE = ROOT / "assistant" / "core"
GUI = ROOT / "assistant" / "gui"


def _module_name(path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path) -> set[str]:
    """Modules that ``path`` imports, anywhere in it (function-level imports too), by full name."""
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            module = ".".join(part for part in (base, node.module) if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def import_graph(folder) -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in folder.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in modules and m != name} for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, each as the path that closes it."""
    found, done = [], set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            found.append(path[path.index(name):] + [name])
            return
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, path + [name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_no_import_cycles_inside_the_core():
    graph = import_graph(CORE)
    assert len(graph) > 40
    assert cycles(graph) == []


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The module graph folded into the core's packages (``text``, ``checker``, …; a module directly
    in the core stands for itself): a package cycle is a layering fault even when no two modules
    import each other."""
    def package(module: str) -> str:
        return ".".join(module.split(".")[:3])

    folded: dict[str, set[str]] = {}
    for name, imported in graph.items():
        folded.setdefault(package(name), set()).update(package(m) for m in imported)
    return {name: imported - {name} for name, imported in folded.items()}


def test_no_import_cycles_between_the_core_packages():
    graph = package_graph(import_graph(CORE))
    assert {"assistant.core.text", "assistant.core.checker", "assistant.core.settings"} <= set(graph)
    assert cycles(graph) == []


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def private_names(folder) -> set[str]:
    """Names a module keeps to itself: _functions, _Classes, _CONSTANTS and self._attributes."""
    names = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def private_uses(path, private: set[str]) -> list[str]:
    uses = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in private:
            uses.append(f"{path.name}:{node.lineno} .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and "core" in (node.module or ""):
            uses += [f"{path.name}:{node.lineno} import {a.name}" for a in node.names if a.name.startswith("_")]
    return uses


def test_gui_uses_no_private_name_of_the_core():
    reached = private_names(CORE) - private_names(GUI)
    assert "_findings" in reached  # the check below can see the core's private names
    assert [use for path in sorted(GUI.rglob("*.py")) for use in private_uses(path, reached)] == []
