"""``python -m intake``: the same command line as ``intake``."""

from __future__ import annotations

from intake.cli import main

main(prog_name="intake")
