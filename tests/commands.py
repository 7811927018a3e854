"""Running the installed ``intake`` command as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

INTAKE = str(Path(sys.executable).parent / "intake")


def intake(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``intake ARGS`` to completion; output captured as text, exit status not checked."""
    return subprocess.run(
        [INTAKE, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
