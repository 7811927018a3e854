"""Names in prose: the account's username, and proof of owning it.

A name is only taken where the sentence says it is the account ("my PyPI account
iineolineii", "username: jdoe"); English words that often follow "account"
("locked", "disabled") are rejected, as is anything that is part of an email address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from intake.extraction.values import NOT_USERNAMES

_I = re.I
_NAME = r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?)"
_OPEN = r"(?:[`'\"“‘(]\s?)"
_ACCOUNT = r"(?:account|acount|accout|acct|acc|profile)"
_ADVERB = r"(?:(?:literally|actually|simply|just|really|still|now|currently)\s+)?"
# The username and the account in the languages requests arrive in (es, pt, de, fr, it,
# ru, zh, ja, ko), so that a request we cannot read still names its account.
_FOREIGN_USER = (
    r"(?:\bnombre de usuario|\busuario|\busu[aá]rio|\butilizador|\bnome de usu[aá]rio|"
    r"\bbenutzername|\bbenutzer|\bnom d'utilisateur|\bidentifiant|\bnome utente|\butente|"
    r"имя пользователя|логин|用户名|用戶名|ユーザー名|ユーザ名|사용자 ?이름|아이디)"
)
_FOREIGN_ACCOUNT = (
    r"(?:\bkonto|\bcompte|\bcuenta|\bconta|аккаунт\w*|учётн\w* запис\w*|账号|帐号|账户|계정|"
    r"アカウント)"
)
_FOREIGN_OPEN = r"(?:[`'\"“„«\u201a(「『]\s?)"
# (pattern, strong): a strong pattern says outright that the name is the username;
# a weak one only puts a word next to "account", so a plain word found by it needs
# more support (quotes, digits or punctuation in it, or a sentence break after it).
USERNAME_MENTIONS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, _I), strong)
    for pattern, strong in (
        (
            r"\b(?:user ?name|user id|login name|handle|identifier|"
            rf"{_ACCOUNT} name|{_ACCOUNT} id)\b\s*"
            r"(?:(?:on pypi|on the index|on the site|there|on there)\s*)?"
            r"(?:(?:is|was)\b|=|:|-|,)?\s*"
            rf"{_ADVERB}"
            rf"{_OPEN}?{_NAME}",
            True,
        ),
        (
            rf"\bpypi(?:\.org)?(?: user ?name| account| user| name| login| handle)?\s*(?:is|:|=)\s*"
            # "PyPI is built from …": a name ends the clause.
            rf"{_OPEN}?{_NAME}(?![.\w-]*\w)(?=['\"”’`)]?(?:\s*[.,;:!?)|(]|\s*$|\s+(?:and|but|on)\b))",
            True,
        ),
        (rf"\b(?:the|my|our)\s+(?:pypi\s+)?user\s+(?:is|was|name is)\s+{_OPEN}?{_NAME}", True),
        (rf"\b(?:the|my|our)\s+(?:pypi\s+)?login\s+(?:is|was|:)\s+{_OPEN}?{_NAME}", True),
        (
            rf"^\s*{_NAME}\s*\((?:this is |that's |which is )?(?:my|the)\s+(?:pypi\s+)?"
            rf"(?:user ?name|username|account(?: name)?)\)",
            True,
        ),
        (
            rf"\b{_NAME}\s+(?:is|was)\s+(?:my|the)\s+(?:pypi\s+)?(?:user ?name|username|account)\b",
            True,
        ),
        (rf"\b(?:logg(?:ed|ing)|log|sign(?:ed|ing)?) in(?: to pypi)? as\s+{_OPEN}?{_NAME}", True),
        (rf"\b(?:signed up|registered)\b.{{0,20}}?\bas\s+{_OPEN}?{_NAME}", False),
        # "Hi, brackenfold here.": only a name in lower case (a person's name is capitalised).
        (
            r"^\W*(?:(?:hi|hello|hey|dear \w+),?\s+)?"
            r"(?-i:(?P<name>[a-z0-9](?:[a-z0-9._-]{0,48}[a-z0-9])?))"
            r"\s+here\b(?=\s*[.,!;:]|\s*$)",
            True,
        ),
        (rf"\b(?:my|our|the)\s+(?:pypi\s+)?{_ACCOUNT}\s*\(\s*{_NAME}\s*\)", True),
        (
            rf"\b(?:the|my)\s+(?:pypi\s+)?{_ACCOUNT}\s+(?:that|which)\s+(?:publishes|owns|maintains|has)\b"
            rf"[^.,]{{0,60}}?\s+is\s+{_OPEN}?{_NAME}",
            True,
        ),
        (rf"\bunder\s+(?:the\s+)?(?:account\s+|user(?:name)?\s+)?{_OPEN}{_NAME}", False),
        (rf"pypi\.org/user/{_NAME}", True),
        (rf"\bpypi(?:\.org)?(?: account)?\s*\(\s*{_NAME}\s*\)", True),
        (rf"\bI(?:'m| am)\s+{_OPEN}?{_NAME}['\"”’`)]?\s+on\s+(?:pypi|the index)\b", True),
        (rf"\buser\s+{_OPEN}?{_NAME}['\"”’`)]?\s+on\s+(?:pypi|the index)\b", True),
        # "I'm cmartin-py.": only a name no word looks like, with a digit or a separator.
        (
            rf"^\W*(?:hi|hello)?,?\s*I(?:'m| am)\s+{_OPEN}?"
            r"(?=[A-Za-z0-9]*(?:\d|[._-][A-Za-z0-9]))(?=[\d._-]*[A-Za-z])"
            rf"{_NAME}(?=['\"”’`)]?\s*[.,;]|\s*$)",
            True,
        ),
        (
            rf"\b(?:log|sign)(?:ged)?\s?in\s?to\s+{_OPEN}?{_NAME}(?!\s+on\s+pypi)",
            False,
        ),
        (
            r"\b(?:2fa|two[- ]factor|mfa|totp|log ?in|sign ?in)\s+"
            rf"(?:step|prompt|screen|page|check)\s+(?:for|of|on)\s+{_OPEN}?{_NAME}",
            False,
        ),
        (rf"\bon\s+pypi,?\s+(?:I'm|I am|it's|it is)\s+{_OPEN}?{_NAME}", True),
        (rf"\(\s*{_NAME}\s+on\s+pypi\s*\)", True),
        (rf"\bpypi\s+user(?: ?name)?\s+{_OPEN}?{_NAME}['\"”’`)]?\s+here\b", True),
        (
            rf"\b(?:(?:sign|log)(?:ged)?\s?in\s?to|recover)\s+{_OPEN}?{_NAME}['\"”’)]?\s+on\s+pypi\b",
            True,
        ),
        (
            rf"\b(?:recover(?:ing)?|recovery of)\s+(?:the\s+)?(?:account\s+)?{_OPEN}?{_NAME}",
            False,
        ),
        (
            rf"\b(?:recovery|reset)\s+(?:request\s+)?for\s+(?:the\s+)?(?:account\s+|user\s+)?"
            rf"{_OPEN}?{_NAME}",
            False,
        ),
        (rf"\b(?:the\s+)?name of (?:the\s+)?user\s+(?:is|:|=)\s+{_OPEN}?{_NAME}", True),
        (rf"\bthe\s+{_OPEN}?{_NAME}['\"”’]?\s+{_ACCOUNT}\b", False),
        (
            rf"\b(?:(?:my|our|the|this)\s+)?(?:personal\s+|old\s+|main\s+|locked\s+)?"
            rf"(?:pypi(?:\.org)?\s+)?{_ACCOUNT}(?:\s+|,\s*)(?:on pypi\s+)?"
            rf"(?:is\s+{_ADVERB}|its\s+|it's\s+|named\s+|called\s+)?{_OPEN}?{_NAME}",
            False,
        ),
        (rf"\b(?:my|our)\s+(?:pypi\s+)?user\s+(?:is\s+|named\s+|called\s+)?{_OPEN}?{_NAME}", False),
        (rf"\blocked out of\s+{_OPEN}?{_NAME}", False),
        (rf"^\W*(?:pypi\s+)?user\s*(?:\s|is\s+|=\s*|:\s*){_OPEN}?{_NAME}(?=\s*[,;.:]|\s*$)", True),
    )
)
FOREIGN_MENTIONS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, _I), True)
    for pattern in (
        rf"{_FOREIGN_USER}\s*(?:(?:en|auf|sur|no|su|на|de|di|do|da|von|bei)\s+pypi\s*)?"
        rf"(?:es|ist|est|é|è|是|は|은|는|이|가|:|\uff1a|=|-|–|—)?\s*{_FOREIGN_OPEN}?{_NAME}",
        # "PyPI 계정 hyunwoo-lee 의": a name the particle after it ends.
        rf"(?:계정|アカウント)\s*{_FOREIGN_OPEN}?{_NAME}(?=\s*(?:의|の|은|는|이|가|을|를|を|が|で|에|[)」』,.。、]|$))",
        # "Konto „jdoe“": the name closes the quote ("la cuenta (este mismo)" names nothing).
        rf"{_FOREIGN_ACCOUNT}\s*(?:pypi\s*)?{_FOREIGN_OPEN}{_NAME}(?=\s?[`'\"”“»\u2019)])",
        rf"{_FOREIGN_ACCOUNT}\s+(?:heißt|heisst|lautet|se llama|s'appelle|si chiama|называется)\s*"
        rf"{_FOREIGN_OPEN}?{_NAME}",
    )
)
# Every USERNAME_MENTIONS match holds one of these substrings.
_MENTION_WORDS = (
    "user",
    "name",
    "handle",
    "login",
    "acc",
    "acou",
    "profile",
    "pypi",
    "log",
    "sign",
    "recover",
    "locked",
    "i'm",
    "i am",
    "here",
    "under",
    "step",
    "prompt",
)
# Plain substrings that every FOREIGN_MENTIONS match holds: most sentences have none,
# and a substring test is far cheaper than the patterns.
_FOREIGN_STEMS = (
    "usu",
    "utiliza",
    "benutzer",
    "identifiant",
    "utente",
    "логин",
    "пользовател",
    "用户",
    "用戶",
    "ユーザ",
    "사용자",
    "아이디",
    "konto",
    "compte",
    "cuenta",
    "conta",
    "аккаунт",
    "учётн",
    "账号",
    "帐号",
    "账户",
    "계정",
    "アカウント",
)
_PLAIN_FOLLOWER = re.compile(
    r"(?:\s*$|\s*[.,;:!?)\"'`]|\s+\([^)]*@|\s+(?:on pypi|is|are|has|have|had|was|were|since|and|"
    r"but|because|for|after|which|that|got|became|now|anymore|any more|overnight|yesterday|"
    r"today|recently|again|earlier|last|as soon as|asap|please|urgently|immediately|quickly|seems|"
    r"appears|looks)\b)",
    _I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name a sentence gives as the account; ``sure`` when nothing about it is in doubt."""

    name: str
    sure: bool


# "my GitHub account jdoe", "GitHub: jdoe": another service's name, right before the name
# ("the email on my account jdoe" names the PyPI account).
_OTHER_SERVICE = re.compile(
    r"\b(?:github|gitlab|twitter|discord|slack|e-?mail|bitbucket)\b(?:\.com)?\s*"
    r"(?:(?:account|profile|user ?name|handle|id|login|name)\s*)?(?:is\s+|[:=-]\s*)?[`'\"“‘(]?\s?$",
    _I,
)
_ENGLISH_SUFFIX = re.compile(r"^[a-z]+(?:ed|ing|ly|ble|tion|ment|ness|ity)$")
# Endings that names often have too ("liuhaoqing", "owenbrightly"): a name said outright
# to be the username may end so; NOT_USERNAMES holds the words that follow "is" there.
_NAME_LIKE_SUFFIX = re.compile(r"^[a-z]+(?:ing|ly)$")


def username_mentions(sentence: str) -> list[Mention]:
    """Usernames a sentence names as the account, in order."""
    found: list[Mention] = []
    lowered = sentence.lower()
    foreign = any(stem in lowered for stem in _FOREIGN_STEMS)
    if not foreign and not any(word in lowered for word in _MENTION_WORDS):
        return found
    for pattern, strong in (*USERNAME_MENTIONS, *(FOREIGN_MENTIONS if foreign else ())):
        for match in pattern.finditer(sentence):
            name = match.group("name")
            after = sentence[match.end("name") :]
            lead = sentence[max(0, match.start() - 12) : match.start("name")]
            other = _OTHER_SERVICE.search(lead) and "pypi" not in match.group(0).lower()
            contraction = after[:1] in ("'", "’") and after[1:2].isalpha()  # "hasn't"
            if after.startswith(("@", "://")) or other or contraction:
                continue
            if not _looks_like_username(name, strong):
                continue
            quoted = bool(re.search(r"[`'\"“‘(]\s?$", sentence[: match.start("name")]))
            distinct = not name.isalpha()
            if strong or quoted or distinct:
                found.append(Mention(name, True))
            elif _PLAIN_FOLLOWER.match(after):
                found.append(Mention(name, False))
    return found


def _looks_like_username(name: str, strong: bool) -> bool:
    lowered = name.lower()
    if lowered in NOT_USERNAMES:
        return False
    return not _ENGLISH_SUFFIX.match(lowered) or (strong and bool(_NAME_LIKE_SUFFIX.match(lowered)))


_URL = re.compile(
    r"\bhttps?://[^\s<>\"')\]]{1,300}|\b(?:github|gitlab|codeberg)\.(?:com|org)/[\w.-]{1,100}"
    r"(?:/[\w.-]{1,100})?|\bpypi\.org/project/[\w.-]{1,100}/?"
    r"|(?<![\w./-])[\w-]{1,63}\.(?:readthedocs\.(?:io|org)|github\.io|gitlab\.io)\b(?:/[\w./-]{0,200})?",
    _I,
)
_NOT_EVIDENCE_URL = re.compile(
    r"pypi\.org/(?:help|account|manage|user|policy|security|trademarks)|github\.com/pypi/"
    r"|python\.org/psf|policies\.python\.org|docs\.pypi\.org",
    _I,
)
_PACKAGE = r"[`'\"“]?[A-Za-z0-9][\w.-]{0,98}[A-Za-z0-9][`'\"”]?"
_ROLE = r"(?:co-?)?(?:maintainer|author|owner|creator|developer)s?\b"
_PACKAGES = rf"(?P<names>{_PACKAGE}(?:\s*(?:,|\band\b|&|/|\bor\b)\s*(?!{_ROLE}){_PACKAGE}){{0,9}})"
_KIND = (
    r"(?:packages?|projects?|librar(?:y|ies)|distributions?|modules?|tools?|helpers?|plugins?|"
    r"extensions?|utilit(?:y|ies)|wrappers?|clients?|frameworks?|toolkits?)"
)
_CARE = (
    r"(?:maintain\w*|own|owns|owner|author\w*|publish\w*|created|wrote|release[sd]?|upload\w*|"
    r"develop\w*|look(?:s|ing)? after|take care of|takes care of|taking care of|"
    r"responsible for|in charge of)"
)
# (pattern, plain): a plain pattern only names the packages, so a name found by it
# must look like a package name (a hyphen, dot, underscore or digit in it).
_OWNERSHIP_CLAIMS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, _I), plain)
    for pattern, plain in (
        (
            rf"\b{_CARE}\b.{{0,40}}?\b{_KIND}\s+(?:called\s+|named\s+)?(?:on pypi\s*:?\s*)?"
            + _PACKAGES,
            False,
        ),
        # "I look after a small package for star charts, skychart-lite": named after a comma.
        (
            rf"\b{_CARE}\b.{{0,40}}?\b{_KIND}\b[^,.;:()]{{0,60}}?(?:,|:|\(|\s-+)\s*" + _PACKAGES,
            True,
        ),
        (
            rf"\b(?:my|our)\s+{_KIND}\s*(?:are|is|include|includes|:)?\s*"
            r"(?:,?\s*(?:especially|including|like|such as|namely|mainly|in particular)\s+)?"
            + _PACKAGES,
            False,
        ),
        (rf"^\s*{_KIND}(?: i (?:own|maintain|publish))?\s*:\s*" + _PACKAGES, False),
        (
            r"\b(?:maintain\w*|owner|author\w*|creator|developer) of\s+(?:the\s+)?"
            rf"(?:{_KIND}\s+)?" + _PACKAGES,
            False,
        ),
        (
            r"\b(?:i|we)\s+(?:\w+\s+)?(?:publish|(?:co-?)?maintain|own|wrote|created|develop|release)\s+"
            + _PACKAGES,
            True,
        ),
        (rf"\b(?:the\s+)?{_KIND}\s+(?P<names>{_PACKAGE})\s+is\s+(?:mine|ours)\b", False),
        (rf"\bthe\s+{_KIND}\s+(?:are|is)\s+" + _PACKAGES, True),
        (
            rf"\b(?:i|we|account|it|which|that)\s+(?:\w+\s+)?{_CARE}\s+(?:the\s+)?(?P<names>{_PACKAGE})\s+"
            rf"{_KIND}\b",
            False,
        ),
        (
            rf"\b{_KIND}\s+(?:i|we)\s+(?:\w+\s+)?(?:maintain|own|publish|wrote|created|develop|"
            r"look after|take care of)\s+(?:is|are|:)\s+" + _PACKAGES,
            False,
        ),
        (
            r"\b(?:guy|person|one|people|team|dev|developer|woman|man|folks?)\s+behind\s+"
            rf"(?:the\s+)?(?:{_KIND}\s+)?" + _PACKAGES,
            True,
        ),
        # "the repos for kiln-metrics and kiln-metrics-exporter", "upload rights to X"
        (
            r"\b(?:repos?|repositor(?:y|ies))\s+(?:for|of)\s+(?:the\s+)?" + _PACKAGES,
            True,
        ),
        (
            r"\b(?:upload|maintainer|owner|publish(?:ing)?)\s+(?:rights|access|permissions?)\s+"
            rf"(?:to|on|for)\s+(?:the\s+)?(?:{_KIND}\s+)?" + _PACKAGES,
            True,
        ),
        # "here are the projects it maintains:" with an item of the list after it
        (
            rf"\b(?:here are|these are|below are)\s+(?:the\s+|my\s+)?{_KIND}\b.*"
            rf"\s(?P<names>{_PACKAGE})\s*$",
            False,
        ),
        # "the oatmeal-parser package on PyPI", "packages, mainly ninebark-schemas"
        (rf"\bthe\s+(?P<names>{_PACKAGE})\s+(?:package|project|library)\s+on\s+pypi\b", False),
        (
            rf"\b{_KIND}\b[^.]{{0,60}}?,?\s*"
            r"(?:mainly|mostly|especially|including|notably|in particular)\s+" + _PACKAGES,
            True,
        ),
        # "…owner of the following projects:" with an item of the list after it.
        (
            rf"\b{_CARE}\b.{{0,60}}?\b(?:the following|these|those|below|several|two|three|some)\s+"
            rf"{_KIND}\b.*\s(?P<names>{_PACKAGE})\s*$",
            False,
        ),
        (r"\(\s*(?:package|project|library)s?\s+" + _PACKAGES + r"\s*\)", False),
        # "I maintain amberjack.": a lone name that ends the claim.
        (
            r"\b(?:i|we|that|which|who)(?:'ve| have)?\s+(?:also\s+|been\s+)*"
            r"(?:maintain|publish|own|wrote|created|develop|release|look after|take care of)"
            r"(?:e?s|ing)?\s+"
            + _PACKAGES
            + r"(?=\s*(?:[.,;!()]|$)|\s+on pypi\b|\s+is\b|\s+(?:for|since)\b"
            r"|\s+and\s+(?:i|we|a|an|some|several|its?|two|three)\b)",
            False,
        ),
        (
            r"\blisted as (?:an? |the )?(?:author|maintainer|owner)\b.{0,40}?\bof\s+(?:the\s+)?"
            rf"(?:{_KIND}\s+)?" + _PACKAGES,
            False,
        ),
    )
)
_COMMIT_EMAIL = re.compile(
    r"\bcommit\w*\b.{0,80}?(?P<email>\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})"
    r"|(?P<before>\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})\b.{0,40}?\bcommit",
    _I,
)
_CODE_HOST = re.compile(
    r"\b(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|sr\.ht|sourceforge\.net|"
    r"pypi\.org/project|readthedocs\.(?:io|org)|github\.io|gitlab\.io)/",
    _I,
)
_OWN_SITE = re.compile(
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:homepage|home page|website|site|blog|repo|repository|"
    r"project|package|docs|documentation)\b|\b(?:mine|ours)\b",
    _I,
)
_NOT_PACKAGES = frozenset(
    """two three four several various multiple few lots nobody anybody anyone someone
    somebody everyone everybody nothing everything something please thanks maintainer
    co-maintainer author co-author owner co-owner creator developer it them this that these
    those stuff code docs documentation repo repos repository website site software tools
    packages projects libraries several both everything following below listed index account
    accounts""".split()
)


def ownership_items(sentence: str) -> list[str]:
    """Proof of ownership in a sentence, one item per claim.

    Repository, profile and project links, package names a claim names, and the
    email address commits are made with.
    """
    lowered = sentence.lower()
    items: list[str] = []
    if "." in sentence:
        own_site = bool(_OWN_SITE.search(sentence))
        urls = [url.rstrip(".,;:") for url in _URL.findall(sentence)]
        items = [
            url
            for url in urls
            if not _NOT_EVIDENCE_URL.search(url) and (own_site or _CODE_HOST.search(url + "/"))
        ]
    if any(cue in lowered for cue in _CLAIM_CUES):
        for claim, plain in _OWNERSHIP_CLAIMS:
            for match in claim.finditer(sentence):
                items.extend(_package_names(match.group("names"), plain))
    if "@" in sentence:
        for match in _COMMIT_EMAIL.finditer(sentence):
            items.append(match.group("email") or match.group("before"))
    return items


# Every claim pattern holds one of these (a verb of owning, a kind of package, a role).
_CLAIM_CUES = (
    "maintain", "own", "author", "publish", "creat", "wrote", "releas", "upload", "develop",
    "look", "care", "responsib", "charge", "packag", "project", "librar", "distribution",
    "module", "tool", "helper", "plugin", "extension", "utilit", "wrapper", "client",
    "framework", "toolkit", "behind", "listed", "repo", "rights", "permission",
)  # fmt: skip


_PACKAGE_LIKE = re.compile(r"[-_.\d]")


def _package_names(names: str, plain: bool) -> list[str]:
    if _CODE_HOST.search(f"{names}/"):
        return []  # "I maintain github.com/jdoe/tool": the link is the claim
    parts = [
        p.strip("`'\"“”") for p in re.split(r"\s*(?:,|\band\b|&|/|\bor\b)\s*", names, flags=_I)
    ]
    named = [
        name
        for name in parts
        if len(name) >= 2
        and name.lower() not in NOT_USERNAMES
        and name.lower() not in _NOT_PACKAGES
    ]
    # One name that looks like a package makes the list a list of packages.
    if plain and not any(_PACKAGE_LIKE.search(name) for name in named):
        return []
    return named
