"""Running it as a service: one run, the daemon, the instance lock, systemd, check-config.

``runner`` wires a run from a Config, ``daemon`` schedules polls and sends until a
signal, ``lock`` keeps one daemon per database, ``systemd`` speaks the notify protocol,
``checks`` backs ``intake check-config``.
"""

from __future__ import annotations
