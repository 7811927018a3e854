"""``intake init``: the example configuration and the systemd unit, from the package itself.

Both files ship inside the wheel, so an installation from a wheel alone can be set up
without a clone. The unit written points at this installation's ``intake`` command.
"""

from __future__ import annotations

import sys
from pathlib import Path

from intake.errors import IntakeError

_PACKAGED = Path(__file__).parent / "files"
_CHECKOUT = Path(__file__).resolve().parents[2]
SHIPPED = {
    "config.toml": ("config.example.toml", _CHECKOUT / "config.example.toml"),
    "intake.service": ("intake.service", _CHECKOUT / "systemd" / "intake.service"),
    "intake-web.service": ("intake-web.service", _CHECKOUT / "systemd" / "intake-web.service"),
}
UNIT_COMMAND = "/opt/recovery-intake/bin/intake"


def shipped_text(name: str) -> str:
    """The text of a shipped file: inside the package when installed, else the checkout's."""
    packaged_name, checkout = SHIPPED[name]
    packaged = _PACKAGED / packaged_name
    return (packaged if packaged.is_file() else checkout).read_text(encoding="utf-8")


def write_install_files(directory: Path, *, force: bool = False) -> list[Path]:
    """Write ``config.toml`` and the two units into ``directory``; return their paths."""
    targets = [directory / name for name in SHIPPED]
    existing = [path for path in targets if path.exists()]
    if existing and not force:
        raise IntakeError(f"{existing[0]} exists; pass --force to replace it")
    directory.mkdir(parents=True, exist_ok=True)
    command = Path(sys.executable).parent / "intake"  # this environment's console script
    for path in targets:
        text = shipped_text(path.name)
        if path.name.endswith(".service") and command.is_file():
            text = text.replace(UNIT_COMMAND, str(command))
        path.write_text(text, encoding="utf-8")
    return targets
