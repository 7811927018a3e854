"""The pipeline: one message read on its own (``triage``), then one cycle over the inbox.

``triage`` needs only bytes (``intake parse`` prints it); ``batch_reader`` triages
batches on a helper process; ``recording`` stores one message with its case and reply;
``cycle`` runs a whole poll over a source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.lazy import lazy_exports

if TYPE_CHECKING:
    from intake.pipeline.cycle import CycleSummary, run_cycle
    from intake.pipeline.triage import Triage, triage_json

_HOMES = {
    "CycleSummary": "intake.pipeline.cycle",
    "run_cycle": "intake.pipeline.cycle",
    "Triage": "intake.pipeline.triage",
    "triage_json": "intake.pipeline.triage",
}
__getattr__ = lazy_exports(__name__, _HOMES)
__all__ = [
    "CycleSummary",
    "Triage",
    "run_cycle",
    "triage_json",
]
