"""Package ``__init__`` files name their public functions without importing them all.

Importing one module of a stage must not load the whole stage (the command line would
pay for every regex table and template engine at start-up); a name is imported the
first time it is used. Type checkers see the real imports under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``name`` from ``homes[name]`` on first use."""

    def __getattr__(name: str) -> object:
        if name not in homes:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(importlib.import_module(homes[name]), name)

    return __getattr__
