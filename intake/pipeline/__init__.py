"""The pipeline: one message read on its own (``triage``), then one cycle over the inbox.

``triage`` needs only bytes (``intake parse`` prints it); ``batch_reader`` triages
batches on a helper process; ``recording`` stores one message with its case and reply;
``cycle`` runs a whole poll over a source.
"""

from __future__ import annotations

from intake.pipeline.cycle import CycleSummary, run_cycle
from intake.pipeline.triage import Triage, triage_json

__all__ = ["CycleSummary", "Triage", "run_cycle", "triage_json"]
