"""The wheel carries the templates and the demo samples, so an installed intake can reply."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parent.parent


def test_wheel_ships_templates_and_samples(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("recovery_intake-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").glob("*.j2"):
        assert f"intake/templates/{template.name}" in names
    assert any(name.startswith("intake/demo/samples/") and name.endswith(".eml") for name in names)
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "intake = intake.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
