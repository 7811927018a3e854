"""The package's layout is its flow: each stage imports only the stages beneath it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import intake

PACKAGE = Path(intake.__file__).parent
# Lowest first. A module may import from its own room or from rooms listed before it.
LAYERS = (
    ("__init__", "errors", "clock", "logs", "characters", "lazy"),
    ("templating",),
    ("reading",),
    ("extraction",),
    ("config",),
    ("sources",),
    ("storage",),
    ("staff",),
    ("cases",),
    ("replies",),
    ("verification",),
    ("pipeline",),
    ("service",),
    ("demo",),
    ("web",),
    ("cli", "__main__"),
)
RANK = {room: rank for rank, rooms in enumerate(LAYERS) for room in rooms}


def _room(module: str) -> str:
    """``intake.cases.lookup`` → ``cases``; ``intake`` itself → ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "intake" or name.startswith("intake.")}


def test_every_module_belongs_to_a_known_room() -> None:
    rooms = {path.relative_to(PACKAGE).parts[0].removesuffix(".py") for path in PACKAGE.glob("*")}
    rooms -= {"__pycache__", "templates"}
    assert rooms <= set(RANK), f"rooms missing from LAYERS: {sorted(rooms - set(RANK))}"


def test_no_module_imports_a_later_stage() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("intake", *path.relative_to(PACKAGE).with_suffix("").parts))
        here = _room(module)
        for imported in _imports(path):
            if RANK[_room(imported)] > RANK[here]:
                upward.append(f"{module} imports {imported}")
    assert not upward, "imports against the flow:\n" + "\n".join(upward)


def test_python_dash_m_intake_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "intake", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"intake, version {intake.__version__}"
