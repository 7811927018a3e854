"""Answers that only make sense next to the question they answer.

A follow-up often says "yes, yes, no" or "1) yes 2) lost" above our quoted reply,
"Yes, I can." below a question staff asked, or types its answers into our
fill-in block inside an unquoted original (Outlook). The quoted text supplies the
questions only, never a value: what comes back here are labelled answers whose
value and evidence are the requester's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from intake.extraction.evidence import ownership_items
from intake.extraction.fields import FILL_IN_KEYS
from intake.extraction.prose import clause_polarity
from intake.extraction.values import clean_username, codes_value, yes_no

_BULLET_MARK = re.compile(r"^[-*•+]\s+")
_QUOTE_MARKS = re.compile(r"^(?:\s*>)+\s?")
# "1) yes 2) lost", and "1 yes 2 no" typed on a phone.
_BARE_WORD = r"\s+(?=(?:yes|no|y|n|lost|never|have|not|agreed?|ok|okay|true|false)\b)"
_NUMBERED = re.compile(
    rf"(?:^|\s)\(?(\d{{1,2}})(?:\s?[.):-]\s*|{_BARE_WORD})(.+?)"
    rf"(?=\s+\(?\d{{1,2}}(?:\s?[.):-]\s|{_BARE_WORD})|$)",
    re.I,
)
_ALL_YES = re.compile(
    r"^(?:yes|yep|yeah|sí|si|ja|oui|ok|okay)\W{0,3}(?:to |for )?"
    r"(?:all|everything|every question|both)\b"
    r"(?: (?:of )?(?:them|three|the (?:questions|above)))?(?:[.!,]|$)",
    re.I,
)
# "All three yes", "yes to all three": the three credential lines.
_ALL_PARTS = re.compile(
    r"^(?:all (?:three|3)|all of them)\W{0,3}(?:yes|true|fine|ok|okay|correct)\b"
    r"|^(?:yes|yep|yeah)\W{0,3}(?:to |for )?all (?:three|3)\b",
    re.I,
)
# "I agree to both", "Agreed to both", "codes lost, agree to both": the two agreements.
_BOTH_AGREED = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?:(?:yes|yep|yeah|sure|ok|okay)\W{0,3})?(?:i\s+|we\s+)?"
    r"(?:(?:agree|agreed|accept|accepted)\s+(?:to\s+|with\s+)?(?:both|all|everything|all of "
    r"(?:it|them))"
    # "ok for both (code of conduct + the delay)"
    r"|(?<=ok )(?:for|to|with) both|(?<=okay )(?:for|to|with) both)\b",
    re.I,
)
# "Both yes", "yes to both": the two credential lines still asked, when nothing else asks
# for a yes or a no.
_BOTH_PARTS = re.compile(
    r"^(?:both(?: of them)?\W{0,3}(?:yes|fine|ok|okay|correct)\b"
    r"|(?:yes|yep|yeah)\W{0,3}(?:to |for )?both\b)",
    re.I,
)
_BOTH_ACCESS = re.compile(r"\bboth (?:of the )?(?:acc?ess|login|credential)", re.I)
_AGREEMENT_WORDS = re.compile(r"\b(?:agree|accept|conduct|coc|wait|time|while)", re.I)


def _both_parts(sentences: list[str], asked: list[str]) -> bool:
    """Whether "both" means the two access lines: nothing else asks for a yes or a no, the
    words name them ("yes to both access questions"), or the agreements asked are answered
    in words of their own ("Both yes. … I accept it could take a while.")."""
    if not any(field in _AGREEMENTS for field in asked):
        return True
    both = next((s for s in sentences if _BOTH_PARTS.match(s)), "")
    others = [s for s in sentences if s != both]
    return bool(_BOTH_ACCESS.search(both) or any(_AGREEMENT_WORDS.search(s) for s in others))


# "all good on the first three": yes to the first lines we asked.
_FIRST_N = re.compile(
    r"^(?:all\s+)?(?:good|fine|yes|ok|okay|true|correct)\s+(?:on|to|for)\s+(?:the\s+)?first\s+"
    r"(?P<count>two|three|2|3)\b",
    re.I,
)
_COUNTS = {"two": 2, "three": 3, "2": 2, "3": 3}
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|hallo|hola|olá|bonjour|good (?:morning|afternoon|evening)|thanks|"
    r"thank you|here (?:are|is))\b[^.?!]{0,40}[,.!:]?$",
    re.I,
)
_QUESTION = re.compile(
    r"^(?P<aux>do|does|did|can|could|have|has|are|is|were|was|will|would)\s+you\s+(?P<rest>.+?)\?$",
    re.I,
)
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ownership_evidence", re.compile(r"packages?|projects?|repositor|proof|evidence", re.I)),
    ("recovery_codes", re.compile(r"recovery codes?|backup codes?", re.I)),
    ("credentials.password", re.compile(r"password", re.I)),
    ("credentials.email", re.compile(r"e-?mail|\bmail\b|address|inbox|mailbox", re.I)),
    ("username", re.compile(r"user ?name|account name", re.I)),
    ("coc_agreed", re.compile(r"code of conduct|\bcoc\b", re.I)),
    ("time_acknowledged", re.compile(r"\btime\b|\bwait|\bdelay", re.I)),
)
_PERSON = {"you": "I", "your": "my", "yours": "mine", "are": "am"}


@dataclass(frozen=True, slots=True)
class Answer:
    """A value for ``field`` read from a bare answer; ``line`` is the requester's line."""

    field: str
    value: str
    line: str


def field_of_label(line: str) -> str | None:
    """The field one of our fill-in lines asks for ("Access to password (yes/no):")."""
    return FILL_IN_KEYS.get(line.strip())


def asks_anything(quoted_text: str) -> bool:
    """Whether ``quoted_text`` holds one of our fill-in lines or a question."""
    for line in quoted_text.split("\n"):
        line = _QUOTE_MARKS.sub("", line).strip()
        if field_of_label(line) or line.endswith("?"):
            return True
    return False


def context_answers(own_lines: list[str], quoted_text: str) -> list[Answer]:
    """Bare answers in ``own_lines`` read against the questions in ``quoted_text``."""
    quoted = [_QUOTE_MARKS.sub("", line).strip() for line in quoted_text.split("\n")]
    typed = _typed_into_quote(quoted_text)
    asked = [field for line in quoted if (field := field_of_label(line))]
    own = [_BULLET_MARK.sub("", line.strip()) for line in own_lines if line.strip()]
    # Our own labels with the answer after them are read as labelled lines, not here.
    own = [line for line in own if not field_of_label(line.partition(":")[0] + ":")]
    while own and _GREETING.match(own[0]):
        own = own[1:]
    if asked:
        return typed + _positional(own, asked)
    question = next((line for line in reversed(quoted) if _asks(line)), None)
    return typed + (_answer_to_question(own, question) if question else [])


# "Please confirm that you can still receive mail at …": a question without "?".
_REQUEST = re.compile(
    r"\b(?:please (?:confirm|tell us|let us know|list)|we need to know|"
    r"(?:can|could) you (?:confirm|tell us|let us know))\b",
    re.I,
)


def _asks(line: str) -> bool:
    """A question, also one followed by what to do next ("Did you find them? If so, …")."""
    return line.endswith("?") or bool(_REQUEST.search(line) or _THEN_WHAT.search(line))


_THEN_WHAT = re.compile(r"\?\s+(?:if (?:so|not|yes|you do)|otherwise)\b", re.I)


def _typed_into_quote(quoted_text: str) -> list[Answer]:
    """Answers typed after our labels inside an unquoted original (never after ``>``)."""
    found = []
    for line in quoted_text.split("\n"):
        label, colon, value = line.partition(":")
        field = field_of_label(f"{label}:") if colon and not line.lstrip().startswith(">") else None
        if field and value.strip():
            found.append(Answer(field, value.strip(), line.strip()))
            claims = ownership_items(value) if field != "ownership_evidence" else []
            if claims:  # "No - that address is gone. As proof: I maintain dutchdates, …"
                found.append(Answer("ownership_evidence", ", ".join(claims), line.strip()))
    return found


def _positional(own: list[str], asked: list[str]) -> list[Answer]:
    """Bare answers in the order of our lines: a list, one per line, or numbered."""
    sentences = [s for line in own for s in re.split(r"(?<=[.!?])\s+", line)]
    parts = [f for f in asked if f.startswith("credentials")]
    both_parts = _both_parts(sentences, asked)
    grouped = [
        Answer(field, "yes", line)
        for pattern, fields, count in (
            (_ALL_PARTS, parts, 3),
            (_BOTH_PARTS, parts if both_parts else [], 2),
            (_BOTH_AGREED, [f for f in asked if f in _AGREEMENTS], 2),
        )
        if len(fields) == count
        # "… stolen at the airport. Yes to all three access questions.": any sentence
        for line in [next((s for s in sentences if pattern.search(s)), "")]
        if line
        for field in fields
    ]
    if grouped:
        return grouped  # "all three yes" / "I agree to both", on any line
    yes_to_all = next((found for line in own[:2] if (found := _ALL_YES.match(line))), None)
    if yes_to_all:
        yes_no_fields = [f for f in asked if f.startswith("credentials") or f in _AGREEMENTS]
        if "both" in yes_to_all.group(0).lower() and len(yes_no_fields) != 2:
            return []  # "yes to both" to three questions: which two is unclear
        return [Answer(field, "yes", yes_to_all.string) for field in yes_no_fields]
    first = next((found for line in own[:2] if (found := _FIRST_N.match(line))), None)
    if first:
        count = _COUNTS[first.group("count").lower()]
        yes_no_fields = [
            f for f in asked[:count] if f.startswith("credentials") or f in _AGREEMENTS
        ]
        return [Answer(field, "yes", first.string) for field in yes_no_fields]
    by_number = _answered_by_number(own[0], asked) if own else []
    if by_number:
        return by_number
    numbered = _numbered(own)
    if numbered:
        return [
            Answer(asked[number - 1], value, line)
            for number, value, line in numbered
            if number <= len(asked) and _fits(value, asked[number - 1])
        ]
    led = next((found.group("answers") for line in own if (found := _LED.search(line))), None)
    # Answers in order come before any label of the requester's own ("CoC: yes, I agree").
    own = [led] if led else own[: next((i for i, line in enumerate(own) if _labelled(line)), None)]
    in_order = [answer for answer in _in_order(own, asked) if _fits(answer.value, answer.field)]
    return in_order or _lone_codes_state(own, asked)


def _lone_codes_state(own: list[str], asked: list[str]) -> list[Answer]:
    """ "lost" alone to three questions: a codes state answers the codes line, whatever
    its place (a yes or a no could answer any of them, and answers none)."""
    if len(own) != 1 or "recovery_codes" not in asked or not _is_bare(own[0], "recovery_codes"):
        return []
    plain = own[0].strip(" .!").lower() in _PLAIN_YES_NO
    if plain or codes_value(own[0]) in (None, "have"):
        return []
    return [Answer("recovery_codes", own[0], own[0])]


# "On the three access questions: yes, yes, no." inside a line of prose.
_LED = re.compile(
    r"(?:^|[.!?]\s)[^.!?:]{0,60}\b(?:questions?|answers?|access|points?)\b[^.!?:]{0,20}:\s*"
    r"(?P<answers>(?:yes|no)(?:\s*[,/]\s*(?:and\s+)?(?:yes|no))+)\s*(?:[.!?]|$)",
    re.I,
)


def _labelled(line: str) -> bool:
    """A "Label: value" line of the requester's own ("CoC: yes", "On the timing: …")."""
    label, colon, value = line.partition(":")
    return bool(colon and value.strip() and _LABEL.fullmatch(label) and yes_no(label) is None)


# A short label, not a clause ("I checked: …").
_LABEL = re.compile(r"(?!(?:i|we|my|our|so|and|but|also|then)\b)[^\W\d_][\w ()/'-]{0,40}", re.I)
_NAMED = re.compile(
    r"\b(?:it'?s|it is|that'?s|user ?name is|name is)\s+[`'\"“]?"
    r"(?P<name>[A-Za-z0-9][\w.-]{0,48}[A-Za-z0-9])",
    re.I,
)
_AGREEMENTS = ("coc_agreed", "time_acknowledged")
# "yes to 1 and 2, no to 3": answers that name the lines they answer by number.
_BY_NUMBER = re.compile(r"\b(yes|no)\s+(?:to|for)\s+((?:\d{1,2}(?:\s*(?:,|and|&)\s*)?)+)", re.I)


def _answered_by_number(line: str, asked: list[str]) -> list[Answer]:
    found = []
    for answer, numbers in _BY_NUMBER.findall(line):
        for number in map(int, re.findall(r"\d+", numbers)):
            if 1 <= number <= len(asked):
                found.append(Answer(asked[number - 1], answer, line))
    return found


def _numbered(own: list[str]) -> list[tuple[int, str, str]]:
    found: list[tuple[int, str, str]] = []
    for line in own:
        items = _NUMBERED.findall(line)
        found.extend((int(number), value.strip(), line) for number, value in items)
    numbers = [number for number, _, _ in found]
    # "2) yes 3) yes 1) my phone was stolen": each line once, in any order
    in_order = numbers == sorted(set(numbers))
    return found if numbers and (in_order or len(set(numbers)) == len(numbers) > 2) else []


def _in_order(own: list[str], asked: list[str]) -> list[Answer]:
    """The first lines of own text as answers to ``asked`` in order, one short answer each.

    Nothing when the count differs: "yes, yes" to four questions answers no one of them
    for certain.
    """
    found: list[Answer] = []
    for line in own:
        slots = asked[len(found) :]
        named = _NAME_LEAD.sub("", line) if slots[:1] == ["username"] else line
        said = named if " " not in named else line  # "username x", never a sentence
        parts = _line_answers(said, slots)
        if not parts:
            break
        if len(found) + len(parts) > len(asked):
            return []
        slots = slots[: len(parts)]
        found.extend(Answer(slot, part, line) for part, slot in zip(parts, slots, strict=True))
    complete = len(found) == len(asked) or (
        bool(found) and _in_words(" ".join(own), asked[len(found) :])
    )
    return found if complete or _anchored(found) or _all_parts(found, asked) else []


# "username tkorhonen" on the username line: the word names the line it answers.
_NAME_LEAD = re.compile(
    r"^(?:my\s+)?(?:pypi\s+)?(?:user ?name|user|login)(?:\s+is)?\s*[:=-]?\s+", re.I
)


def _anchored(found: list[Answer]) -> bool:
    """Fewer answers than questions still line up when a codes state sits on the codes
    line ("yes, yes, yes, never saved" to six questions): the rest were left open."""
    return any(
        answer.field == "recovery_codes"
        and codes_value(answer.value) in ("lost", "not_working", "never_saved")
        and answer.value.strip(" .!").lower() not in _PLAIN_YES_NO
        for answer in found
    )


def _all_parts(found: list[Answer], asked: list[str]) -> bool:
    """ "yes yes yes. agree to coc. …" to five questions: an answer to each credential line
    asked (two or three), then words about something else, answer those lines; not when
    the words go on about a credential ("… password is the problem")."""
    parts = [field for field in asked if field in _CREDENTIAL_FIELDS]
    if len(parts) < 2 or [answer.field for answer in found] != parts:
        return False
    return not any(_CREDENTIAL_WORDS.search(answer.line) for answer in found)


# "Ok ok ok. I will answer the rest once I find the codes.": not answers yet.
_NOT_YET = re.compile(r"\b(?:the rest|will answer|once i|when i find|later)\b", re.I)
_CREDENTIAL_WORDS = re.compile(r"pass|pw\b|mail|user|login|address|inbox", re.I)
_CREDENTIAL_FIELDS = ("credentials.username", "credentials.password", "credentials.email")
_PLAIN_YES_NO = frozenset(("yes", "y", "no", "n", "nope", "yep", "ok"))


_LEAD = re.compile(r"^(?P<lead>[^,.;:!()-]{1,40}?)\s*(?:[,.;:!-]|\s-\s)\s*(?P<rest>\S.*)$")


def _line_answers(line: str, slots: list[str]) -> list[str]:
    """The answers one line gives to the next ``slots``: "yes, no" is two, and "no, it
    was my university address" is one, explained; nothing for a line of prose."""
    aside = _LAST_ASIDE.match(line)
    if aside and aside.group("dashed") and not _short_answers(aside.group("dashed")):
        aside = None  # "Agree with the CoC, sure. As for the wait - how long …?": prose
    if aside and aside.group("dashed") and _PLEASANTRY.match(aside.group("after")):
        return _line_answers(aside.group("dashed"), slots)  # "yes, yes - thanks!"
    if aside and slots:
        # "yes, yes, no (old uni email, long gone)": the words in brackets explain the last.
        answers = aside.group("answers") or aside.group("dashed")
        said = aside.group("aside") or aside.group("after")
        parts = _line_answers(answers, slots)
        last = slots[len(parts) - 1] if 0 < len(parts) <= len(slots) else ""
        if not last or not _explains(said, parts[-1], last):
            return []
        return [*parts[:-1], f"{parts[-1]} ({said})"]
    parts = _without_emphasis([part.strip() for part in re.split(r"[,;/]", line) if part.strip()])
    words = _words(line)
    if 1 < len(words) <= len(slots) and all(_WORD_ANSWER.fullmatch(word) for word in words):
        parts = words
    elif (
        len(words) > 1
        and len({yes_no(word) for word in words}) == 1
        and (len(parts) == 1 or len(parts) > len(slots))
    ):
        parts = [line]  # "yes ok", "Yes, agreed." to one question: one answer said twice
    padded = [*slots, *[""] * len(parts)][: len(parts)]
    if parts and all(_is_bare(part, slot) for part, slot in zip(parts, padded, strict=True)):
        return parts
    lead = _LEAD.match(line)
    if not (lead and slots):
        return []
    several = _line_answers(lead.group("lead"), slots) if " " in lead.group("lead") else []
    # "yes yes yes. agree to coc.": several answers lead; "never saved them. …": one.
    head = several if len(several) > 1 else [lead.group("lead")]
    if not all(_is_bare(part, slot) for part, slot in zip(head, slots, strict=False)):
        head = []
    rest = lead.group("rest")
    if len(head) > 1 and (_CREDENTIAL_WORDS.search(rest) or _NOT_YET.search(rest)):
        return []  # "yes yes yes. … password is the problem": which yes is which is unclear
    # The rest goes on about the lead's question, or (after several) about the next one.
    about = slots[len(head)] if len(head) > 1 and len(slots) > len(head) else slots[0]
    if head and _fits(rest, about):
        # "never saved them. yes and yes": the rest of the line answers the next lines.
        return [*head, *_line_answers(rest, slots[len(head) :])]
    plain = len(head) == 1 and head[0].strip(" .!").lower() in _PLAIN_YES_NO
    if plain and _in_words(rest, slots[1:]):
        return head  # "Yes. I agree to the Code of Conduct …": the rest says the others
    return []


def _in_words(text: str, fields: list[str]) -> bool:
    """Whether ``text`` speaks of some of ``fields`` by name, and of nothing else."""
    topics = {name for name, pattern in _TOPICS if pattern.search(text)}
    return bool(topics) and topics <= {_topic_of(field) for field in fields}


# "I agree to the CoC, of course.": the words after the comma stress the answer before it.
_EMPHASIS = re.compile(
    r"(?:of course|sure(?:ly)?|obviously|definitely|absolutely|certainly|naturally|totally|"
    r"indeed|for sure|no doubt)\W*",
    re.I,
)


def _without_emphasis(parts: list[str]) -> list[str]:
    kept: list[str] = []
    for part in parts:
        if kept and _EMPHASIS.fullmatch(part):
            kept[-1] = f"{kept[-1]}, {part}"
        else:
            kept.append(part)
    return kept


_PLEASANTRY = re.compile(r"\W*(?:thanks?|thank you|thx|ty|cheers|ta|regards|best)\b", re.I)


def _short_answers(text: str) -> bool:
    """ "yes, yes, no": a list of answers of a word or two each, not a sentence."""
    return all(len(part.split()) <= 2 for part in re.split(r"[,;/]|\band\b", text))


def _explains(aside: str, answer: str, field: str) -> bool:
    """The words in brackets say the same as the answer, about its own question, and about
    the requester ("no (old uni email, long gone)"; not "yes (my wife's inbox)")."""
    if not _fits(aside, field) or _SOMEONE_ELSES.search(aside):
        return False
    return clause_polarity(aside) == yes_no(answer)


_SOMEONE_ELSES = re.compile(r"\b(?:his|her|their|\w+'s|\w+’s)\b", re.I)
# "yes, yes, no (old uni email, long gone)", "yes, yes, no -- I can't wait weeks".
_LAST_ASIDE = re.compile(
    r"^(?P<answers>[^()]*[^()\s])\s*\((?P<aside>[^()]+)\)[.!]?$"
    r"|^(?P<dashed>[^()–—-]*[^()\s–—-])\s+(?:--?|–|—)\s+(?P<after>[^()]+)$"
)
# "lost yes yes": one-word answers parted by spaces only.
_WORD_ANSWER = re.compile(r"yes|no|y|n|yep|nope|yeah|lost|have|ok", re.I)


def _words(line: str) -> list[str]:
    """The words of a line without "and" ("yes and yes" is two answers)."""
    return [word for word in re.split(r"[\s,;/.!]+|\band\b|&", line, flags=re.I) if word]


def _is_bare(value: str, field: str) -> bool:
    """A short answer: yes or no, a codes state, or a lone username on the username line."""
    if len(value) > 40:
        return False
    if field == "username":
        return " " not in value and yes_no(value) is None and clean_username(value) is not None
    if _ABOUT_OUR_MAIL.search(value):
        return False  # "I accidentally deleted your reply" is not about the codes
    return yes_no(value) is not None or codes_value(value) is not None


_ABOUT_OUR_MAIL = re.compile(r"\b(?:you|your|reply|replies|e-?mail|message|mail)\b", re.I)


def _fits(value: str, field: str) -> bool:
    """The answer is about ``field``, or about nothing else ("yes", "lost")."""
    topics = {name for name, pattern in _TOPICS if pattern.search(value)}
    return not topics or _topic_of(field) in topics


def _topic_of(field: str) -> str:
    return "username" if field == "credentials.username" else field


_REPLY_MAX = 200
_TURNS = re.compile(
    r"\b(?:no|not|n't|cannot|never|however|but|that said|although|though|concerns?)\b", re.I
)


def _leading(reply: str) -> str:
    """The sentences that answer, before a long reply goes on to something else ("Yes, I
    agree to it. By the way, I also have a second account …")."""
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", reply):
        if len(kept) + len(sentence) >= _REPLY_MAX:
            break
        kept = f"{kept} {sentence}".strip()
    # "Yes. … That said, I really cannot wait two weeks": what follows takes it back.
    if not kept or _TURNS.search(reply[len(kept) :]):
        return reply
    return kept


def _answer_to_question(own: list[str], question: str) -> list[Answer]:
    """A short reply to a question staff asked, and a bare "I agree" when the question
    also asked for the Code of Conduct ("… codes, and do you agree to the Code of
    Conduct?" "No codes, I never saved them. And yes, I agree.")."""
    found = _topic_answer(own, question)
    if any(answer.field == "coc_agreed" for answer in found) or not _ASKS_COC.search(question):
        return found
    agreed = [
        Answer("coc_agreed", sentence, f"{question} {sentence}")
        for line in own
        for sentence in re.split(r"(?<=[.!?])\s+", line)
        if _BARE_AGREEMENT.match(sentence)
    ]
    return found + agreed[:1]


_ASKS_COC = re.compile(r"^(?!.*\b(?:time|wait)).*\b(?:code of conduct|coc)\b", re.I)
_BARE_AGREEMENT = re.compile(
    r"^(?:and\s+)?(?:(?:yes|yep|yeah|sure|of course)\W+)?(?:i\s+)?(?:do\s+)?(?:agree|agreed)"
    r"\W*$",
    re.I,
)


def _topic_answer(own: list[str], question: str) -> list[Answer]:
    """A short reply to one question staff asked, as a labelled answer to its topic."""
    reply = _leading(" ".join(own))
    # The sentence that asks: "… we need to know whether you can still access the email
    # address. If not, please list the projects you maintain." asks about the email.
    asking = next((s for s in re.split(r"(?<=[.?!])\s+", question) if _asks(s)), question)
    topic = next((name for name, pattern in _TOPICS if pattern.search(asking)), None)
    if topic is None or not reply or len(reply) > _REPLY_MAX:
        return []
    evidence = f"{question} {reply}"
    both = [name for name, pattern in _TOPICS if name in _YES_NO_TOPICS and pattern.search(asking)]
    if len(both) > 1 and _plain_yes(reply):
        # "Do you still know your password and have access to the email?" "Yes to both."
        value = _statement(question, answer=True) or reply
        return [Answer(name, value, evidence) for name in both]
    named = _NAMED.search(reply) if topic == "username" else None
    if named and clean_username(named.group("name")) == named.group("name"):
        return [Answer("username", named.group("name"), evidence)]  # "Of course - it's x."
    if topic == "recovery_codes" and len(reply.split()) > 2 and codes_value(reply):
        # "Yes, I saved them, but only on the laptop that was stolen": the reply says the state.
        return [Answer(topic, reply, evidence)]
    answer = yes_no(reply)
    statement = _statement(question, answer) if answer is not None else None
    if statement:
        field = "credentials.username" if topic == "username" else topic
        return [Answer(field, statement, evidence)]
    if _QUESTION.match(question):
        return []
    return [Answer(topic, reply, evidence)]


def _statement(question: str, answer: bool) -> str | None:
    """The requester's answer to a yes/no question, said as a statement: "Do you still
    have your password?" answered no is "I do not still have my password"."""
    asked = _QUESTION.match(question)
    if asked is None:
        return None
    words = [_PERSON.get(word.lower(), word) for word in asked.group("rest").split()]
    aux = _PERSON.get(asked.group("aux").lower(), asked.group("aux").lower())
    return f"I {aux}{'' if answer else ' not'} {' '.join(words)}"


_YES_NO_TOPICS = ("credentials.password", "credentials.email", "coc_agreed", "time_acknowledged")
_RESERVED = re.compile(r"\b(?:gone|lost|dead|closed|deleted|expired|only|except)\b", re.I)


def _plain_yes(reply: str) -> bool:
    """A yes that keeps nothing back: "Yes to both.", "Agreed, and understood."."""
    first = re.split(r"(?<=[.!?])\s+", reply, maxsplit=1)[0]
    return yes_no(first) is True and not _TURNS.search(reply) and not _RESERVED.search(reply)


def interleaved_answers(body: str) -> list[Answer]:
    """Answers typed under each quoted question in turn ("> Do you have your recovery
    codes?" then "No, they were on the phone."): each block of the requester's lines
    answers the question quoted just above it. Only for two questions answered so or
    more; the quote gives the question, never a value."""
    pairs = [
        (question, own)
        for question, own in _quote_then_own(body)
        if _asks(re.split(r"(?<=[.?!])\s+", question)[-1])
    ]
    if len(pairs) < 2:
        return []
    return [answer for question, own in pairs for answer in _answer_to_question(own, question)]


def _quote_then_own(body: str) -> list[tuple[str, list[str]]]:
    """Each quoted block (its text) with the requester's lines that follow it."""
    blocks: list[tuple[bool, list[str]]] = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        quoted = line.lstrip().startswith(">")
        text = _QUOTE_MARKS.sub("", line).strip() if quoted else line.strip()
        if blocks and blocks[-1][0] == quoted:
            blocks[-1][1].append(text)
        else:
            blocks.append((quoted, [text]))
    return [
        (" ".join(quote), own)
        for (is_quote, quote), (is_own, own) in pairwise(blocks)
        if is_quote and not is_own
    ]
