"""The wheel carries templates, demo samples, the example config and the unit: no clone needed."""

from __future__ import annotations

import os
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
    assert {"intake/service/files/config.example.toml", "intake/service/files/intake.service"} <= (
        names
    )
    entry_points = next(name for name in names if name.endswith("entry_points.txt"))
    assert "intake = intake.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()

    installed = tmp_path / "site"  # the wheel alone, with no checkout beside it
    zipfile.ZipFile(wheel).extractall(installed)
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import intake; print(intake.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(str(installed))
    done = subprocess.run(
        [sys.executable, "-m", "intake", "init", str(tmp_path / "setup")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "setup" / "config.toml").read_text()
    assert written == (ROOT / "config.example.toml").read_text()
    assert "ExecReload=" in (tmp_path / "setup" / "intake.service").read_text()
