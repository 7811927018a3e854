"""``intake demo``: the whole job on the embedded default, with bundled sample requests."""

from __future__ import annotations

from intake.demo.walkthrough import CONFIG, run_demo

__all__ = ["CONFIG", "run_demo"]
