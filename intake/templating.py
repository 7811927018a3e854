"""The Jinja2 templates behind every text we write: replies, staff mail, case summaries.

Templates live in ``templates/`` (shipped inside the wheel as ``intake/templates``).
Text templates are not autoescaped, HTML ones are; a missing variable is an error.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from intake.characters import visible_controls


def templates_dir() -> Path:
    """The templates: inside the package when installed, beside it in a checkout."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    """The environment; ``| visible`` shows invisible characters in requester text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        auto_reload=False,  # packaged files: no stat() of the template on every reply
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
    )
    env.filters["visible"] = visible_controls
    return env


def render_text(template: str, **context: Any) -> str:
    """Render one text template (StrictUndefined: a missing variable is a bug)."""
    return environment().get_template(template).render(**context)
