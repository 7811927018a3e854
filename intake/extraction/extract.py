"""The requester's own text into the fields of a recovery request, each with evidence.

Pure functions. Every finding has a rank saying how it was given: an answer under a
label or form heading, a statement in prose, a ticked form checkbox (the web form
forces the recovery-codes box, so people tick it and then explain), something
inferred (a username named is a username had), or a remark that answers nothing
("the email was never verified"). Within one message the higher rank wins; when
two findings of the same rank disagree the field stays unknown, so we ask again.
A request in another language keeps only what does not depend on reading its prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Any

from intake.extraction.agreements import coc_statement, time_statement
from intake.extraction.answers import (
    Answers,
    Checkbox,
    answers_in_context,
    label_text,
    read_answers,
    split_sentences,
)
from intake.extraction.evidence import answered_items, distinct_claims, ownership_items
from intake.extraction.fields import CREDENTIAL_PARTS, nest_fields
from intake.extraction.languages import detect_language
from intake.extraction.mentions import (
    RETRACTED_THING,
    RETRACTION,
    corrected_username,
    subject_username,
    sure_mentions,
    username_corrections,
)
from intake.extraction.prose import (
    HEDGE,
    NEGATION,
    PARENTHESES,
    clause_polarity,
    credential_remarks,
    credential_statements,
    part_named,
    part_named_in,
)
from intake.extraction.reasons import (
    CODES,
    is_lockout_only,
    kept_codes_lost,
    main_cause,
    reason_kind,
    reason_sentences,
    recovery_code_state,
)
from intake.extraction.values import (
    codes_value,
    foreign_username,
    is_option_list,
    unknown_username,
    yes_no,
)
from intake.reading.quotes import SIGNED_USERNAME

REMARK, INFERRED, FORM_BOX, STATEMENT, ANSWER = range(5)
# The web form's one codes box, however it is reworded: "lost", whatever the prose says.
FORM_CODES_BOX = re.compile(
    r"never generated or have lost access to (?:the|my|your) recovery codes"
    r"|never (?:generated|made|created) (?:the |my |any )?recovery codes,? or (?:i )?(?:have )?"
    r"(?:lost access to them|can(?:'t| ?not| no longer) (?:get to|access|find) them)",
    re.I,
)
_CODES_BOX = re.compile(r"recovery codes?", re.I)
_COC_BOX = re.compile(r"code of conduct|\bconduct (?:rules|code|policy)\b|\bcoc\b", re.I)
_TIME_BOX = re.compile(r"\btime\b|\btake\b|\bdelay\b|\bwait", re.I)
# What recovery codes are written on.
_SHEET = r"(?:sheet|printout|print-?out|paper|list)"
_PRONOUN = re.compile(
    r"\b(?:they|them|none of them|those|these|the (?:\w+ )?(?:codes|ones|one)|"
    r"every (?:single )?(?:one|code)|each (?:one|code|of them|of which)|all of them|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+) (?:of the )?codes|"
    rf"all (?:say|says|said|fail|failed)|the (?:\w+ )?{_SHEET})\b",
    re.I,
)
# "… a sheet of backup codes, and I kept it with the notebook. It's gone now.": "it" is
# the sheet the codes were on.
_CODES_SHEET = re.compile(rf"\b(?:{_SHEET}|page)\b", re.I)
_IT_OPENS = re.compile(r"^\W*(?:it'?s|it is|it was|it has|it got|it went)\b", re.I)
# Findings of a request in another language that do not rest on reading its prose.
_LANGUAGE_FREE = frozenset(("username", "credentials.username", "ownership_evidence"))


@dataclass(frozen=True, slots=True)
class Finding:
    """One extracted value, the line it came from, and how it was given (``rank``)."""

    value: Any
    evidence: str
    rank: int

    @property
    def explicit(self) -> bool:
        """Stated in the requester's own words (an answer or a prose statement)."""
        return self.rank >= STATEMENT


@dataclass(frozen=True, slots=True)
class Extraction:
    """Findings keyed by flat field name (``credentials.email``, ``recovery_codes``, …).

    ``language`` is the ISO 639-1 code of a request written in another language
    than English (``"es"``, ``"zh"``…), None for English or undecided text.
    """

    findings: Mapping[str, Finding] = field(default_factory=dict)
    language: str | None = None

    def values(self) -> dict[str, Any]:
        return {key: found.value for key, found in self.findings.items()}

    def fields(self) -> dict[str, Any]:
        """The request as a request holds them (nested credentials, derived keys)."""
        return nest_fields(self.values())

    def evidence(self) -> dict[str, str]:
        return {key: found.evidence for key, found in self.findings.items()}

    def updated(self, other: Extraction) -> Extraction:
        """These findings with ``other``'s where they rank at least as high."""
        findings = dict(self.findings)
        for key, found in other.findings.items():
            before = findings.get(key)
            if key == "ownership_evidence" and before is not None:
                items = distinct_claims([*before.value, *found.value])
                lines = f"{before.evidence} | {found.evidence}"
                found = Finding(items, lines, max(before.rank, found.rank))
            if before is None or found.rank >= before.rank:
                findings[key] = found
        return Extraction(findings, self.language)


_SEES_SUBJECT = re.compile(
    r"\b(?:see|read|check|details in|info in|all in|as per|as in)\s+(?:the\s+|my\s+)?subject\b"
    r"|\bsubject says it all\b",
    re.I,
)


def extract_fields(own_text: str, subject: str = "") -> Extraction:
    """Extract every field the requester's own words state; a new request's ``subject``
    may name the account ("locked out - user x") when the text names none."""
    if subject and _SEES_SUBJECT.search(own_text):
        own_text = f"{subject}\n\n{own_text}"  # "see subject": the subject is the request
    answers = read_answers(own_text)
    language = detect_language(" ".join(answers.sentences))
    findings = _apply_rules(answers)
    findings.update(_subject_username(subject, findings))
    if language is not None:
        findings = {
            key: found
            for key, found in findings.items()
            if found.rank in (ANSWER, FORM_BOX) or key in _LANGUAGE_FREE
        }
        if "reason" in findings:
            reason = findings["reason"]
            kind = reason_kind(reason.value)
            findings["reason_kind"] = Finding(kind, reason.evidence, reason.rank)
    return Extraction(findings, language)


def extract_in_context(
    own_text: str, quoted_text: str, subject_text: str = "", body: str = ""
) -> Extraction:
    """Answers that need the quoted questions, and answers typed in the subject line.

    "yes, yes, no" above our quoted fill-in block answers its lines in order, and a
    reply typed under each quoted question (``body``, quotes in place) answers each in
    turn; the quoted text gives the questions, never a value.
    """
    # The subject's answer is read first, as the line the requester wrote first.
    answers = answers_in_context(f"{subject_text}\n{own_text}", quoted_text, body)
    findings = _apply_rules(answers)
    if not any(entry.field == "reason" for entry in answers.labelled):
        # A codes answer ("rejected") may name a cause; the reason stays the requester's own.
        findings = {k: v for k, v in findings.items() if k not in ("reason", "reason_kind")}
    if subject_text:
        findings = {**_apply_rules(read_answers(subject_text)), **findings}
    return Extraction(findings)


def _apply_rules(answers: Answers) -> dict[str, Finding]:
    findings: dict[str, Finding] = {}
    for rule in (_username, _reason, _credentials, _recovery_codes, _agreements, _ownership):
        findings.update(rule(answers, findings))
    return findings


def _labelled(
    answers: Answers, field: str, interpret: Callable[[str], Any]
) -> list[tuple[Any, str]]:
    """Answers given under ``field``'s labels, interpreted; unreadable ones are dropped."""
    found = [(interpret(e.value), e.line) for e in answers.labelled if e.field == field]
    return [(value, line) for value, line in found if value is not None]


def _username(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    corrections = username_corrections(list(answers.sentences))
    if corrections:
        return {"username": Finding(*corrections[-1], STATEMENT)}  # the last word on it
    labelled = _labelled(answers, "username", corrected_username)
    if labelled:
        return _agreed("username", labelled, ANSWER)
    refused = _labelled(answers, "username", foreign_username)
    if refused:
        # Look-alike letters, full-width digits, zero-width characters: never the username,
        # but staff see what was written, escaped.
        value, line = refused[0]
        return {"username_refused": Finding(value, line, REMARK)}
    if any(e.field == "username" and HEDGE.search(e.value) for e in answers.labelled):
        return {}  # "username = not 100% sure, it's either x or y": the doubt is the answer
    mentions = sure_mentions(answers.sentences)
    # A signature's "PyPI: x" counts only when the message names no account itself.
    named = [(m, s) for m, s in mentions if not SIGNED_USERNAME.match(s)]
    mentions = named or mentions
    own = [(m, s) for m, s in mentions if not m.theirs]
    # Only somebody else's account named: taken, but a subject naming another may replace it.
    rank = STATEMENT if own or not mentions else REMARK
    mentions = own or mentions
    sure = any(mention.sure for mention, _ in mentions)
    mentioned = [(m.name, sentence) for m, sentence in mentions if m.sure or not sure]
    return _agreed("username", mentioned, rank)


def _subject_username(subject: str, found: Mapping[str, Finding]) -> dict[str, Finding]:
    before = found.get("username")
    if not subject or (before and before.rank > REMARK) or "username_refused" in found:
        return {}
    forgotten = found.get("credentials.username")
    if forgotten is not None and forgotten.value is False:
        return {}  # "I don't remember my username": no word of the subject is it
    name = subject_username(subject)
    if name is None:
        return {}
    line = f"Subject: {subject}"
    named = {"username": Finding(name, line, INFERRED)}
    if "credentials.username" not in found:
        named["credentials.username"] = Finding(True, line, INFERRED)
    return named


def _agreed(key: str, candidates: list[tuple[Any, str]], rank: int) -> dict[str, Finding]:
    """One finding when every candidate agrees (case-insensitively), else none."""
    if not candidates:
        return {}
    distinct = {str(value).lower() for value, _ in candidates}
    if len(distinct) > 1:
        return {}
    value, evidence = candidates[0]
    return {key: Finding(value, evidence, rank)}


def _codes_lines(answers: Answers, known: bool) -> list[str]:
    """The answers under a recovery-codes label, with the label's words: those that give
    a state (``known``), or those that give none."""
    return [
        f"Recovery codes: {e.value}"
        for e in answers.labelled
        if e.field == "recovery_codes" and (codes_value(e.value) is not None) is known
    ]


def _reason(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    codes_lines = _codes_lines(answers, known=True)
    # "My security key broke. No, wait, that's not right: …": the first is taken back.
    sentences = tuple(
        sentence
        for sentence in _standing(_standing(answers.sentences, _RETRACTION), _RESOLVED)
        if not (_RESOLVED.match(sentence) or _HELPED_BEFORE.search(sentence))
    )
    # Where the main cause may be said: across two sentences, or under a codes label.
    context = [*_with_followers(sentences), *codes_lines]
    labelled = [entry for entry in answers.labelled if entry.field == "reason"]
    labelled = [entry for entry in labelled if _is_substantial(entry.value)]
    if labelled:
        text = _first_sentences(labelled[0].value.replace("\n", " "))
        found = Finding(text, labelled[0].line, ANSWER)
        main = main_cause([text, *context])
    else:
        answered = {entry.value for entry in answers.labelled}
        chosen = reason_sentences([s for s in sentences if s not in answered])
        main = main_cause(context)
        if not chosen and main and main[1] not in sentences:
            chosen = [main[1][:500]]  # the cause is told across sentences ("… them. Every one …")
        if not chosen:
            return {}
        if main and main[1].startswith(chosen[0]) and main[1] != chosen[0]:
            chosen = [main[1][:500]]  # the cause goes on in the next sentences
        elif main and main[1] not in chosen and main_cause(chosen) != main:
            chosen = [*chosen[:1], main[1]]  # the cause that stops them now joins the reason
        text = " ".join(chosen)
        if is_lockout_only(text):
            return {}
        found = Finding(text, text, STATEMENT)
    kind = main[0] if main else reason_kind(found.value)
    return {"reason": found, "reason_kind": Finding(kind, found.evidence, found.rank)}


def _is_substantial(reason: str) -> bool:
    """A greeting left under a reason label ("Hello,") is no reason."""
    return len(reason.split()) >= 3 or bool(reason_sentences([f"I {reason}"]))


def _first_sentences(text: str, count: int = 2, limit: int = 500) -> str:
    return " ".join(split_sentences(text.strip())[:count])[:limit].strip()


def _credentials(answers: Answers, found: Mapping[str, Finding]) -> dict[str, Finding]:
    result: dict[str, Finding] = {}
    statements = _taken_back(
        [(credential_statements(_after_withdrawal(s)), s) for s in answers.sentences]
    )
    statements += [
        (dict.fromkeys(named, answer), line) for named, answer, line in _questions_answered(answers)
    ]
    combined = [
        (_combined(e.value, e.line), e) for e in answers.labelled if e.field.startswith("cred")
    ]
    named = [e for e in answers.labelled if e.field == "username" and yes_no(e.value) is not None]
    boxes = [(_box_parts(box.text), box) for box in answers.checkboxes if len(box.text) <= 80]
    for part in CREDENTIAL_PARTS:
        key = f"credentials.{part}"
        labelled = _labelled(
            answers, key, _email_answer if part == "email" else partial(_part_answer, part=part)
        )
        labelled += [
            (stated[part], e.line)
            for stated, e in combined
            if e.field in ("credentials", key) and part in stated
        ]
        labelled += [(yes_no(e.value), e.line) for e in named if part == "username"]
        labelled += [
            (False, e.line)
            for e in answers.labelled
            if part == "username" and e.field == "username" and unknown_username(e.value)
        ]
        ticked = [(box.checked, box.line) for names, box in boxes if part in names]
        if not labelled and any(e.field == key and HEDGE.search(e.value) for e in answers.labelled):
            continue  # "Access to email: not sure, …": the doubt is the answer
        prose = [
            (stated[part], sentence)
            for stated, sentence in statements
            if part in stated and not _names_username(part, sentence, found)
        ]
        boxed = _agreed(key, ticked, FORM_BOX)
        stated = _agreed(key, prose, STATEMENT)
        if boxed and stated and stated[key].value != boxed[key].value:
            # "I ticked the email one out of habit, … so no", "I DO have access to the
            # account email now": the words win over the mark.
            boxed = stated
        result.update(
            _agreed(key, labelled, ANSWER)
            or boxed
            or stated
            or _remark(key, part, answers.sentences)
        )
    if "credentials.username" not in result and "username" in found:
        # Naming the username is having it: as sure as the name itself, so that a name
        # given in a follow-up replaces an earlier "I don't remember it".
        rank = min(found["username"].rank, STATEMENT)
        result["credentials.username"] = Finding(True, found["username"].evidence, rank)
    return result


def _names_username(part: str, sentence: str, found: Mapping[str, Finding]) -> bool:
    """The sentence that names the username cannot also say it is not had."""
    named = found.get("username")
    if part != "username" or named is None:
        return False
    return named.evidence == sentence or str(named.value).lower() in sentence.lower()


def _remark(key: str, part: str, sentences: tuple[str, ...]) -> dict[str, Finding]:
    """No answer, but a sentence staff should read ("my email is not verified")."""
    said = next((s for s in sentences if part in credential_remarks(s)), None)
    return {key: Finding(None, said, REMARK)} if said else {}


def _questions_answered(answers: Answers) -> list[tuple[set[str], bool, str]]:
    """ "Do I still have the password? Yes." — the parts a question names, and the answer."""
    sentences = answers.sentences
    found = []
    for question, reply in pairwise(sentences):
        short = len(reply) < 40 or _EXPLAINED_ANSWER.match(reply)
        answer = yes_no(reply) if question.endswith("?") and short else None
        if answer is not None:
            found.append(
                (set(credential_statements(f"I have {question}")), answer, f"{question} {reply}")
            )
    return found


# "no, it was saved on the laptop I also reinstalled": a plain answer, then why.
_EXPLAINED_ANSWER = re.compile(r"^(?:yes|no|nope|yep|yeah)\s*[,;:–—-]", re.I)


def _box_parts(text: str) -> list[str]:
    """The credentials a short checkbox says are had: the one it names ("[x] password"), or
    each of those it says are had ("[x] I have my username and password")."""
    named = list(credential_statements(f"I have {text}"))
    if len(named) == 1:
        return named
    stated = credential_statements(text)
    return list(stated) if len(stated) > 1 and all(stated.values()) else []


_Statements = list[tuple[dict[str, bool], str]]


def _taken_back(statements: _Statements) -> _Statements:
    """A part said to be had and taken back by the next sentence is not had.

    "I have my password. Well, actually, I don't: I reset it and lost the new one."
    """
    result = list(statements)
    for index, ((stated, sentence), (_, following)) in enumerate(pairwise(statements)):
        if any(stated.values()) and _RETRACTION.match(following):
            denied = {part: False for part, said in stated.items() if said}
            result[index] = ({**stated, **denied}, f"{sentence} {following}")
    return result


def _standing(sentences: tuple[str, ...], taking_back: re.Pattern[str]) -> tuple[str, ...]:
    """The sentences the next one does not take back, each from its last "scratch that"."""
    return tuple(
        _after_withdrawal(sentence)
        for sentence, following in pairwise([*sentences, ""])
        if not taking_back.match(following)
    )


def _after_withdrawal(sentence: str) -> str:
    """ "I agree to the CoC - actually, scratch that, I'd rather read it first." stands
    from "I'd rather…": what comes before a withdrawal inside a sentence is not said."""
    cuts = list(_WITHDRAWN_INSIDE.finditer(sentence))
    return sentence[cuts[-1].end() :] if cuts else sentence


_WITHDRAWN_INSIDE = re.compile(
    r"(?:^|[-–—,;:(]\s*)(?:(?:actually|wait|sorry|oops|hmm+|no),?\s+)*(?:please\s+)?"
    r"(?:disregard|ignore|scratch|strike)\s+(?:that|this)\b[\W_]*(?=\w)"
    rf"|{RETRACTION}(?={RETRACTED_THING})",
    re.I,
)


_WITHDRAWN = re.compile(
    r"^\W*(?:(?:actually|wait|sorry|oops|hmm+),?\s+)*(?:please\s+)?(?:disregard|ignore|forget|"
    r"scratch|strike|hold off on)\s+(?:that|this|it)\b",
    re.I,
)
_RETRACTION = re.compile(
    # "Edit: no I don't." (never "Edit: not sure if this matters", "Update: no reply yet")
    r"^\W*(?:edit|update)\W+(?:no|nope|i don'?t|i do not)\b"
    r"(?!\s+(?:reply|response|news|word|luck|change|idea)\b)"
    r"|^\W*(?:(?:well|hmm+|oh|sorry|oops|ok|okay),?\s+)*(?:actually|wait)\W+"
    r"(?:no|nope|i don'?t|i do not|i can'?t|i cannot|i haven'?t|not)\b"
    r"|^\W*(?:scratch that|that'?s (?:wrong|not (?:right|true)))\b|^\W*no,?\s+wait\b",
    re.I,
)


# "Last April my phone was stolen … That all worked out.": a cause that is over.
_RESOLVED = re.compile(
    r"^\W*(?:that|it|this|all that)\s+(?:all\s+|was all\s+)?(?:worked out|got sorted|"
    r"was sorted|was resolved|got resolved|was fixed|got fixed|is resolved|is sorted)\b",
    re.I,
)


# "last year you helped me out when I lost my phone": an earlier case, not this one.
_HELPED_BEFORE = re.compile(r"\b(?:you|your team|support) (?:\w+ )?helped (?:me|us)\b", re.I)


def _part_answer(value: str, part: str = "") -> bool | None:
    """An answer under a one-part label: "yes", "no", or a clause ("I can still read it")."""
    # "yes, it's in my password manager. The email on the account … I'm not sure": the
    # answer is the first sentence when the next ones go on to another part.
    first, _, rest = value.partition(". ")
    named = part_named_in(rest)
    if named and part not in named and _first_known(yes_no, clause_polarity, first) is not None:
        value = first
    if is_option_list(value) or HEDGE.search(value) or _PLACEHOLDER.match(value):
        return None
    if _CHANGED_ANSWER.match(value):
        return False  # "Email on file: also changed, to an address I've never seen"
    # "I know it (it was memorised, not stored)": the aside says how, the answer is outside it
    outside = PARENTHESES.sub(" ", value)
    if outside != value and (answer := _first_known(yes_no, clause_polarity, outside)) is not None:
        return answer
    return _first_known(yes_no, clause_polarity, value)


_CHANGED_ANSWER = re.compile(
    r"^\W*(?:(?:it was|it's been|was|also|been|got|they|someone|the attacker|the hacker)\s+)*"
    r"(?:changed|reset|swapped)\b(?!\s+(?:it\s+)?(?:back|by me)\b)",
    re.I,
)


def _email_answer(value: str) -> bool | None:
    """An answer under an email label: "this one" is the address the mail comes from."""
    if (_THIS_ADDRESS.match(value) or _FROM_IT.search(value)) and not HEDGE.search(value):
        return True
    return _part_answer(value)


# "jo@example.com (sending from it now)", "this one, same I write from", "this address,
# jo@example.com, is the account email": the answer is the address the mail comes from.
_FROM_IT = re.compile(
    r"^(?!\W*no\b)(?!.*\b(?:not|n't|never|no longer|wish|new|other|another|different)\b)(?:"
    r".*\b(?:i'?m |i am |am )?(?:writing|sending|mailing|e-?mailing|write|send|sent)\b[^.;]{0,12}?"
    r"\bfrom (?:it|this(?: one| address| mailbox| e-?mail)?|here)\b"
    r"|.*\bsame (?:as )?(?:the one )?(?:i|i'?m|i am) (?:write|writing|send|sending) from\b"
    r"|.*\byou'?re reading (?:it|this)\b[^.;]{0,20}\bfrom\b"
    r"|\W*this (?:is the|address\b.{0,60}\bis the) (?:registered|account|pypi|linked) "
    r"(?:address|e-?mail)\b"
    r"|\W*this address\b.{0,60}\bis the one (?:on|registered|linked|associated)\b"
    r"|\W*the one (?:i'?m|i am) (?:writing|sending) from is the one on\b)",
    re.I,
)


_THIS_ADDRESS = re.compile(
    r"^\W*(?:yes,?\s+)?(?:this|this one|this address|this e-?mail|this is it|the one i'?m "
    r"(?:writing|sending|mailing) (?:you )?from|(?:the )?same as (?:this|the sender|sender))"
    # "this one, the account address", "this one, it's on the account"
    r"(?:,?\s+(?:(?:it'?s|it is)\s+)?(?:on the account|the (?:account|registered) "
    r"(?:address|e-?mail)|(?:the )?one on the account|same as (?:always|before|ever)))?[^\w?]*$"
    # "this one, jo@example.com", "jo@example.com (this address)"
    r"|^\W*(?:this one|this address),?\s+\S+@\S+\W*$"
    r"|^\W*\S+@\S+\s*\((?:this|this one|this address|the one i'?m writing from)\)\W*$",
    re.I,
)
# "Password known: TBD - it's saved on my old laptop": not answered yet.
_PLACEHOLDER = re.compile(r"^\W*(?:tbd|tbc|to be (?:confirmed|determined|checked)|unknown)\b", re.I)


_PART_LABEL = re.compile(r"\b(user ?name|password|e-?mail)\b", re.I)
_SLASHES = re.compile(r"\s*[/,;]\s*")
_BOTH = re.compile(r"\b(?:both|all(?: three| 3)?|to both|to all)\b[,.]?\s*", re.I)
_ALL_NAMED = re.compile(
    r"^\W*(?:(?P<word>both)(?: of them)?|all (?:three|3|of them))"
    # "all three still work for me", "both are fine"
    r"(?:,?\s+(?:(?:are|still)\s+)*(?:work|works|working|fine|ok|okay|good|yes|intact|known)"
    r"(?:\s+for (?:me|us))?)?[^\w?]*$",
    re.I,
)
_SAVE = re.compile(r"\b(?:except|but|apart from|save|other than)\b", re.I)
# "Credentials held: the password and the mailbox", "What I still have: …": the label says "have".
_HAVE_LABEL = re.compile(
    r"^\W*(?:credentials held|what (?:i|we) (?:do )?(?:still )?(?:have|hold)"
    r"|what (?:i|we)(?:'ve| have)? (?:still )?got)",
    re.I,
)


def _all_parts_answer(value: str) -> bool | None:
    """One answer for every part a label names: "yes", "both yes", "I still have all three"."""
    answer = yes_no(value)
    if answer is None and _HAVE_THEM.match(value) and not NEGATION.search(value):
        return True
    return answer


_HAVE_THEM = re.compile(
    r"^\s*(?:i\s+)?(?:still\s+)?(?:have|know|got|kept)\b(?:\s+(?:them|it))?\W*$"
    # "all three are with me"
    r"|^\s*(?:they\s+)?(?:are|is)\s+(?:(?:all|both)\s+)?(?:still\s+)?"
    r"(?:with me|mine|intact|fine|ok)\W*$",
    re.I,
)


def _merged(statements: list[dict[str, bool]]) -> dict[str, bool]:
    merged: dict[str, bool] = {}
    for stated in statements:
        merged.update(stated)
    return merged


def _all_named(first: list[str], named: list[str], value: str) -> bool:
    """ "All three." or "Both." under a label naming that many parts, with no doubt after."""
    if not first or len(named) < 2 or HEDGE.search(value) or _SAVE.search(first[0]):
        return False
    said = _ALL_NAMED.match(first[0])
    if said is None:
        return False
    return bool(said.group("word")) == (len(named) == 2)


def _combined(value: str, line: str) -> dict[str, bool]:
    """A combined credentials answer: "yes" for all three, or per-part statements.

    A label that says "have" ("Credentials held:") makes the parts listed had; one that
    names parts ("Password / email: both yes") gets the answer for each of them.
    """
    had = bool(_HAVE_LABEL.match(line))
    named = _PART_LABEL.findall(label_text(line))
    first = split_sentences(value)[:1]
    # "no" is an answer for all the parts; "Not the password." is about one of them
    names_part = bool(first) and _PART_LABEL.search(first[0]) is not None
    answer = None if names_part else _all_parts_answer(_BOTH.sub("", value))
    if len(named) > 1 and answer is not None:
        return {part_named(part): answer for part in named}
    if _all_named(first, named, value):
        # "All three. The email I can't log into any more, though.": the rest may take one back.
        later = [credential_statements(s) for s in split_sentences(value.replace("\n", " "))[1:]]
        return {**dict.fromkeys(map(part_named, named), True), **_merged(later)}
    # "Username / password / email: y / y / n": an answer for each part, in order.
    in_order = [yes_no(word) for word in _SLASHES.split(value.strip(" ."))]
    given = [answer for answer in in_order if answer is not None]
    if len(named) > 1 and len(given) == len(in_order) == len(named):
        return {part_named(part): answer for part, answer in zip(named, given, strict=True)}
    stated: dict[str, bool] = {}
    sentences = split_sentences(value.replace("\n", " ")) if had or not named else [value]
    for index, sentence in enumerate(sentences):
        if sentence.rstrip().endswith("?"):
            continue  # "What do you mean by account email?": asked back, not answered
        lead = "I have " if had and index == 0 else ""
        for part, said in credential_statements(f"{lead}{sentence}").items():
            stated.setdefault(part, said)
    every = not stated or _EVERY_PART.search(value)  # "I have all three, I'm writing from it"
    if every and yes_no(value) is True and not re.search(r"\b(?:but|except|not)\b", value, re.I):
        return {**dict.fromkeys(CREDENTIAL_PARTS, True), **stated}
    return stated


_EVERY_PART = re.compile(r"\b(?:all (?:three|3|of them)|both|everything)\b", re.I)


def _recovery_codes(answers: Answers, _: Mapping[str, Finding]) -> dict[str, Finding]:
    labelled = _labelled(answers, "recovery_codes", _codes_answer)
    if labelled:
        return _agreed("recovery_codes", labelled, ANSWER)
    said = _after_other_sites_codes(_codes_named(_standing(answers.sentences, _RETRACTION)))
    prose = [
        (state, said.get(sentence, sentence))
        # "I have my recovery codes! ... Edit: no I don't.": the first is taken back.
        for sentence in _with_followers(tuple(said))
        if not FORM_CODES_BOX.search(sentence) and (state := recovery_code_state(sentence))
    ]
    if prose:
        return {"recovery_codes": _strongest_state(prose)}
    # "Recovery codes: stored on that phone only" under "Lockout cause: customs kept my phone"
    kept = kept_codes_lost([*answers.sentences, *_codes_lines(answers, known=False)])
    if kept:
        evidence = " | ".join(dict.fromkeys(kept))
        return {"recovery_codes": Finding("lost", evidence, STATEMENT)}
    boxes = [box for box in answers.checkboxes if box.checked and _CODES_BOX.search(box.text)]
    boxes += [Checkbox(True, s, s) for s in answers.sentences if FORM_CODES_BOX.search(s)]
    for box in boxes:
        # "[x] I never generated or have lost … <-- never generated them": the note says which.
        note = box.text.partition("<-")[2].lstrip("- ")
        state = codes_value(note) if note else None
        state = state or ("lost" if FORM_CODES_BOX.search(box.text) else codes_value(box.text))
        if state:
            return {"recovery_codes": Finding(state, box.line, FORM_BOX)}
    return {}


_CODES_NAMED = re.compile(CODES, re.I)
# "the codes", "all ten codes": once the recovery codes are named, later bare codes are them,
# unless the sentence speaks of the codes an app or a text message gives.
_BARE_CODES = re.compile(r"\b(?:the|those|these|my|all(?: \w+)?(?: of the)?) codes\b", re.I)
_ONE_TIME_CODES = re.compile(
    r"\b(?:authenticator|app|totp|sms|text|one-time|six-digit|6-digit|2fa|otp|github|google|"
    r"verification|conduct)\b",
    re.I,
)


# "Then I looked at the file name: github-recovery-codes.txt. So they were never PyPI's
# codes": what was said of those codes is about another site's.
_OTHER_SITES_CODES = re.compile(
    r"\b(?:they|those|these|the (?:recovery |backup )?codes)\s+(?:were|are)\s+(?:never|not)\s+"
    r"(?:pypi'?s|for pypi|(?:the )?pypi (?:ones|codes))\b"
    r"|\b(?:they|those|these|the (?:recovery |backup )?codes)\s+(?:were|are)\s+(?:actually\s+)?"
    r"(?:for|from)\s+(?:github|gitlab|google|aws|microsoft|another (?:site|service|account))\b",
    re.I,
)


def _after_other_sites_codes(read: dict[str, str]) -> dict[str, str]:
    """The readings (keys, with the requester's own words) after the last one saying the
    codes were another site's; what follows it is read as about PyPI's codes."""
    texts = list(read)
    cut = max((i for i, text in enumerate(texts) if _OTHER_SITES_CODES.search(text)), default=None)
    if cut is None:
        return read
    said = list(_OTHER_SITES_CODES.finditer(texts[cut]))[-1]
    rest = texts[cut][said.end() :].lstrip(" .,;:-")
    after = [(rest, read[texts[cut]])] if rest else []
    after += [(text, read[text]) for text in texts[cut + 1 :]]
    # "… those are for GitHub. I never saved the PyPI ones.": about PyPI's codes
    return {
        (f"As for the PyPI recovery codes, {text}" if index == 0 else text): own
        for index, (text, own) in enumerate(after)
    }


# "…they were on the company laptop, which I had to give back. So they're gone.": "they"
# are the codes the sentence before named.
_THEY_GONE = re.compile(
    r"^\W*(?:so|and so|which means)?,?\s*(?:they|those)(?:'re| are| were)"
    r"(?=\s+(?:all\s+|also\s+|now\s+)?(?:gone|lost)\b(?:\s+(?:too|as well|now|for good))?\W*$)",
    re.I,
)


def _codes_named(sentences: tuple[str, ...]) -> dict[str, str]:
    """Each sentence as the codes rules read it (keys), with the requester's own words
    (values): "I've tried all ten codes" after the recovery codes were named is about them."""
    read: dict[str, str] = {}
    named = just_named = False
    for sentence in sentences:
        text = sentence
        names_them = bool(_CODES_NAMED.search(sentence))
        if named and not names_them and not _ONE_TIME_CODES.search(sentence):
            text = _BARE_CODES.sub("the recovery codes", sentence)
        if just_named and _THEY_GONE.match(sentence):
            text = _THEY_GONE.sub("the recovery codes are", sentence, count=1)
        named, just_named = named or names_them, names_them
        read.setdefault(text, sentence)
    return read


def _codes_answer(value: str) -> str | None:
    """A codes answer; the web form's box pasted under the label is "lost", as the box is."""
    return "lost" if FORM_CODES_BOX.search(value) else codes_value(value)


def _with_followers(sentences: tuple[str, ...]) -> list[str]:
    """Sentences, each also joined with the next ones (up to three) that go on about "them".

    "I have the recovery codes. I printed them … Every single one I type is rejected."
    """
    joined = list(sentences)
    for index, current in enumerate(sentences):
        run = current
        asked = current.endswith("?") and len(current.split()) <= 4  # "Backup codes? Never saved."
        for following in sentences[index + 1 : index + 1 + _FOLLOWERS]:
            sheet = _CODES_SHEET.search(run) and _IT_OPENS.match(following)
            if not (asked or sheet or _PRONOUN.search(following)) or recovery_code_state(following):
                break
            asked = False
            run = f"{run} {following}"
            joined.append(run)
    return joined


_FOLLOWERS = 3


def _strongest_state(stated: list[tuple[str, str]]) -> Finding:
    """Several statements: the most specific state wins (not_working over lost …)."""
    order = ("not_working", "never_saved", "lost", "have")
    state, sentence = min(stated, key=lambda item: order.index(item[0]))
    return Finding(state, sentence, STATEMENT)


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


_BOX_WORDS = re.compile(r"\b(?:box|checkbox|tick|ticked|unticked|unchecked)\b", re.I)
# Under its label, "I've read the PSF one and agree to follow it" is about the label's subject.
_LABEL_SUBJECT = {"coc_agreed": "Code of Conduct: ", "time_acknowledged": "The wait: "}


def _agreement(
    answers: Answers,
    key: str,
    box_text: re.Pattern[str],
    statement: Callable[[str], bool | None],
) -> Finding | None:
    """A refusal anywhere (an unticked box included) wins over an agreement."""
    subject = _LABEL_SUBJECT.get(key, "")
    said = [
        (answer, line, ANSWER)
        for answer, line in _labelled(
            answers,
            key,
            lambda value: _first_known(yes_no, lambda v: statement(f"{subject}{v}"), value),
        )
    ]
    for box in answers.checkboxes:
        if box_text.search(box.text) and (key != "time_acknowledged" or statement(box.text)):
            said.append((box.checked, box.line, FORM_BOX))
    # "I agree to the Code of Conduct. Actually, please disregard that for now: …"
    said += [
        (answer, sentence, STATEMENT)
        for sentence in _standing(answers.sentences, _WITHDRAWN)
        if (answer := statement(sentence)) is not None
    ]
    # "I left the conduct box empty by mistake - I do agree": the words take the box back.
    unticked = [rank for answer, _, rank in said if answer is False]
    corrections = [
        s for s in said if s[0] is True and s[2] == STATEMENT and _BOX_WORDS.search(s[1])
    ]
    if corrections and unticked and set(unticked) == {FORM_BOX}:
        return Finding(*corrections[0])
    for wanted in (False, True):
        for answer, line, rank in said:
            if answer is wanted:
                return Finding(answer, line, rank)
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
        given = answered_items(entry.value) if entry.field == "ownership_evidence" else []
        if given:
            items += given
            lines.append(entry.line)
    rank = ANSWER if items else STATEMENT
    for sentence in answers.sentences:
        found = ownership_items(sentence)
        if found:
            items += found
            lines.append(sentence)
    unique = distinct_claims(items)
    if not unique:
        return {}
    return {"ownership_evidence": Finding(unique, " | ".join(dict.fromkeys(lines)), rank)}
