"""The requester's own text into the fields of a recovery request, each with evidence.

Pure functions. Precedence, when a detail is given more than once: an answer under
a label or form heading beats prose, and prose beats a ticked checkbox (the web
form forces the recovery-codes box, so people tick it and then explain). When two
answers of the same rank disagree the field stays unknown, so we ask again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from intake.extraction.answers import Answers, Checkbox, read_answers, split_sentences
from intake.extraction.fields import CREDENTIAL_PARTS, nest_fields
from intake.extraction.mentions import ownership_items, username_mentions
from intake.extraction.prose import (
    clause_polarity,
    coc_statement,
    credential_statements,
    time_statement,
)
from intake.extraction.reasons import reason_kind, reason_sentences, recovery_code_state
from intake.extraction.values import clean_username, codes_value, is_option_list, yes_no

FORM_CODES_BOX = re.compile(r"never generated or have lost access to the recovery codes", re.I)
_CODES_BOX = re.compile(r"recovery codes?", re.I)
_COC_BOX = re.compile(r"code of conduct", re.I)
_TIME_BOX = re.compile(r"\btime\b|\btake\b", re.I)
_PRONOUN = re.compile(r"\b(?:they|them|none of them|those|these)\b", re.I)
_NONE_ANSWER = re.compile(r"^(?:no|none|nothing|n/a|na|-|no other proof|not really)\.?$", re.I)


@dataclass(frozen=True, slots=True)
class Finding:
    """One extracted value and the line it came from."""

    value: Any
    evidence: str
    explicit: bool


@dataclass(frozen=True, slots=True)
class Extraction:
    """Findings keyed by flat field name (``credentials.email``, ``recovery_codes``, …)."""

    findings: Mapping[str, Finding] = field(default_factory=dict)

    def values(self) -> dict[str, Any]:
        return {key: found.value for key, found in self.findings.items()}

    def fields(self) -> dict[str, Any]:
        """The request as a request holds them (nested credentials, derived keys)."""
        return nest_fields(self.values())

    def evidence(self) -> dict[str, str]:
        return {key: found.evidence for key, found in self.findings.items()}


def extract_fields(own_text: str) -> Extraction:
    """Extract every field the requester's own words state."""
    answers = read_answers(own_text)
    findings: dict[str, Finding] = {}
    for rule in (_username, _reason, _credentials, _recovery_codes, _agreements, _ownership):
        findings.update(rule(answers, findings))
    return Extraction(findings)


def _labelled(
    answers: Answers, field: str, interpret: Callable[[str], Any]
) -> list[tuple[Any, str]]:
    """Answers given under ``field``'s labels, interpreted; unreadable ones are dropped."""
    found = [(interpret(e.value), e.line) for e in answers.labelled if e.field == field]
    return [(value, line) for value, line in found if value is not None]


def _username(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    labelled = _labelled(answers, "username", clean_username)
    if labelled:
        return _agreed("username", labelled, explicit=True)
    mentions = [
        (mention, sentence)
        for sentence in answers.sentences
        for mention in username_mentions(sentence)
        if clean_username(mention.name) == mention.name
    ]
    sure = any(mention.sure for mention, _ in mentions)
    mentioned = [(m.name, sentence) for m, sentence in mentions if m.sure or not sure]
    return _agreed("username", mentioned, explicit=False)


def _agreed(key: str, candidates: list[tuple[Any, str]], *, explicit: bool) -> dict[str, Finding]:
    """One finding when every candidate agrees (case-insensitively), else none."""
    if not candidates:
        return {}
    distinct = {str(value).lower() for value, _ in candidates}
    if len(distinct) > 1:
        return {}
    value, evidence = candidates[0]
    return {key: Finding(value, evidence, explicit)}


def _reason(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    labelled = [entry for entry in answers.labelled if entry.field == "reason"]
    labelled = [entry for entry in labelled if _is_substantial(entry.value)]
    if labelled:
        text = _first_sentences(labelled[0].value.replace("\n", " "))
        found = {"reason": Finding(text, labelled[0].line, True)}
    else:
        answered = {entry.value for entry in answers.labelled}
        chosen = reason_sentences([s for s in answers.sentences if s not in answered])
        if not chosen:
            return {}
        found = {"reason": Finding(" ".join(chosen), " ".join(chosen), False)}
    kind = reason_kind(found["reason"].value)
    found["reason_kind"] = Finding(kind, found["reason"].evidence, found["reason"].explicit)
    return found


def _is_substantial(reason: str) -> bool:
    """A greeting left under a reason label ("Hello,") is no reason."""
    return len(reason.split()) >= 3 or bool(reason_sentences([f"I {reason}"]))


def _first_sentences(text: str, count: int = 2, limit: int = 500) -> str:
    return " ".join(split_sentences(text.strip())[:count])[:limit].strip()


def _credentials(answers: Answers, found: Mapping[str, Finding]) -> dict[str, Finding]:
    result: dict[str, Finding] = {}
    statements = [(credential_statements(s), s) for s in answers.sentences]
    statements += [
        (dict.fromkeys(named, answer), line) for named, answer, line in _questions_answered(answers)
    ]
    combined = [(_combined(e.value), e) for e in answers.labelled if e.field.startswith("cred")]
    boxes = [(_only_part(box.text), box) for box in answers.checkboxes if len(box.text) <= 40]
    for part in CREDENTIAL_PARTS:
        key = f"credentials.{part}"
        labelled = _labelled(answers, key, _part_answer)
        labelled += [
            (stated[part], e.line)
            for stated, e in combined
            if e.field in ("credentials", key) and part in stated
        ]
        labelled += [(box.checked, box.line) for named, box in boxes if named == part]
        prose = [(stated[part], sentence) for stated, sentence in statements if part in stated]
        result.update(_agreed(key, labelled, explicit=True) or _agreed(key, prose, explicit=False))
    if "credentials.username" not in result and "username" in found:
        named = found["username"]
        result["credentials.username"] = Finding(True, named.evidence, named.explicit)
    return result


def _questions_answered(answers: Answers) -> list[tuple[set[str], bool, str]]:
    """ "Do I still have the password? Yes." — the parts a question names, and the answer."""
    sentences = answers.sentences
    found = []
    for question, reply in pairwise(sentences):
        answer = yes_no(reply) if question.endswith("?") and len(reply) < 40 else None
        if answer is not None:
            found.append(
                (set(credential_statements(f"I have {question}")), answer, f"{question} {reply}")
            )
    return found


def _only_part(text: str) -> str | None:
    """The one credential a short checkbox names ("[x] password"), if it names exactly one."""
    named = list(credential_statements(f"I have {text}"))
    return named[0] if len(named) == 1 else None


def _part_answer(value: str) -> bool | None:
    """An answer under a one-part label: "yes", "no", or a clause ("I can still read it")."""
    if is_option_list(value):
        return None
    return _first_known(yes_no, clause_polarity, value)


def _combined(value: str) -> dict[str, bool]:
    """A combined credentials answer: "yes" for all three, or per-part statements."""
    stated = credential_statements(value)
    if stated:
        return stated
    answer = yes_no(value)
    if answer is True and not re.search(r"\b(?:but|except|not)\b", value, re.I):
        return dict.fromkeys(CREDENTIAL_PARTS, True)
    return {}


def _recovery_codes(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    labelled = _labelled(answers, "recovery_codes", codes_value)
    if labelled:
        return _agreed("recovery_codes", labelled, explicit=True)
    prose = [
        (state, sentence)
        for sentence in _with_followers(answers.sentences)
        if not FORM_CODES_BOX.search(sentence) and (state := recovery_code_state(sentence))
    ]
    if prose:
        return {"recovery_codes": _strongest_state(prose)}
    boxes = [box for box in answers.checkboxes if box.checked and _CODES_BOX.search(box.text)]
    boxes += [Checkbox(True, s, s) for s in answers.sentences if FORM_CODES_BOX.search(s)]
    for box in boxes:
        state = "lost" if FORM_CODES_BOX.search(box.text) else codes_value(box.text)
        if state:
            return {"recovery_codes": Finding(state, box.line, True)}
    return {}


def _with_followers(sentences: tuple[str, ...]) -> list[str]:
    """Sentences, each also joined with a next one that goes on about "them"."""
    joined = list(sentences)
    for current, following in pairwise(sentences):
        if _PRONOUN.search(following) and not recovery_code_state(following):
            joined.append(f"{current} {following}")
    return joined


def _strongest_state(stated: list[tuple[str, str]]) -> Finding:
    """Several statements: the most specific state wins (not_working over lost …)."""
    order = ("not_working", "never_saved", "lost", "have")
    state, sentence = min(stated, key=lambda item: order.index(item[0]))
    return Finding(state, sentence, False)


def _agreements(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    result: dict[str, Finding] = {}
    for key, box_text, statement in (
        ("coc_agreed", _COC_BOX, coc_statement),
        ("time_acknowledged", _TIME_BOX, time_statement),
    ):
        finding = _agreement(answers, key, box_text, statement)
        if finding:
            result[key] = finding
    return result


def _agreement(
    answers: Answers,
    key: str,
    box_text: re.Pattern[str],
    statement: Callable[[str], bool | None],
) -> Finding | None:
    """A refusal anywhere (an unticked box included) wins over an agreement."""
    said = [
        (answer, line, True)
        for answer, line in _labelled(
            answers, key, lambda value: _first_known(yes_no, statement, value)
        )
    ]
    for box in answers.checkboxes:
        if box_text.search(box.text) and (key != "time_acknowledged" or statement(box.text)):
            said.append((box.checked, box.line, True))
    said += [
        (answer, sentence, False)
        for sentence in answers.sentences
        if (answer := statement(sentence)) is not None
    ]
    for wanted in (False, True):
        for answer, line, explicit in said:
            if answer is wanted:
                return Finding(answer, line, explicit)
    return None


def _first_known(
    first: Callable[[str], bool | None], second: Callable[[str], bool | None], value: str
) -> bool | None:
    answer = first(value)
    return second(value) if answer is None else answer


def _ownership(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    items: list[str] = []
    lines: list[str] = []
    for entry in answers.labelled:
        if entry.field == "ownership_evidence" and not _NONE_ANSWER.match(entry.value.strip()):
            parts = [p.strip(" -*•") for p in re.split(r"[\n;]|,\s+", entry.value)]
            items += [p for p in parts if p and yes_no(p) is None]
            lines.append(entry.line)
    for sentence in answers.sentences:
        found = ownership_items(sentence)
        if found:
            items += found
            lines.append(sentence)
    unique = list(dict.fromkeys(items))
    if not unique:
        return {}
    return {"ownership_evidence": Finding(unique, " | ".join(dict.fromkeys(lines)), True)}
