"""The Jinja2 templates behind every text we write: replies, staff mail, case summaries.

Templates live in ``templates/`` (shipped inside the wheel as ``intake/templates``).
Text templates are not autoescaped, HTML ones are; a missing variable is an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from intake.characters import visible_controls


def templates_dir() -> Path:
    """The templates: inside the package when installed, beside it in a checkout."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "templates"


@dataclass(frozen=True, slots=True)
class Wording:
    """What operators choose: the signature, the Code of Conduct, their own templates."""

    team: str = "Account Recovery team"
    code_of_conduct: str = "PSF Code of Conduct"
    code_of_conduct_url: str = ""
    overrides: Path | None = None


_wording = Wording()


def use_wording(wording: Wording) -> None:
    """Make ``wording`` the one every template sees from now on (start-up, reload)."""
    global _wording
    _wording = wording


@cache
def _environment(wording: Wording) -> jinja2.Environment:
    folders = [str(wording.overrides)] if wording.overrides else []
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*folders, str(templates_dir())]),
        auto_reload=False,  # files do not change under a running process
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
    )
    env.filters["visible"] = visible_controls
    env.globals.update(
        team=wording.team,
        code_of_conduct=wording.code_of_conduct,
        code_of_conduct_url=wording.code_of_conduct_url,
    )
    return env


def environment() -> jinja2.Environment:
    """The environment for the current wording; ``| visible`` shows invisible characters."""
    return _environment(_wording)


def render_text(template: str, **context: Any) -> str:
    """Render one text template (StrictUndefined: a missing variable is a bug)."""
    return environment().get_template(template).render(**context)


def check_templates(sample: dict[str, Any]) -> list[tuple[str, str]]:
    """Render every text template with ``sample``; return (name, problem) for each failure."""
    env = environment()
    names = sorted(name for name in env.list_templates() if name.endswith(".txt.j2"))
    problems = []
    for name in names:
        try:
            env.get_template(name).render(**sample)
        except jinja2.TemplateError as exc:
            problems.append((name, f"{type(exc).__name__}: {exc}"))
    return problems
