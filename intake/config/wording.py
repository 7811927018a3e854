"""The operator's wording from ``[reply]``, in the shape the templates take it."""

from __future__ import annotations

from intake.config.sections import Config
from intake.templating import Wording


def wording_for(config: Config) -> Wording:
    """The wording ``[reply]`` names (team, Code of Conduct, template overrides)."""
    reply = config.reply
    return Wording(reply.team, reply.code_of_conduct, reply.code_of_conduct_url, reply.templates)
