"""Names in prose: the account's username.

A name is only taken where the sentence says it is the account ("my PyPI account
iineolineii", "username: jdoe"); English words that often follow "account"
("locked", "disabled") are rejected, as is anything that is part of an email address.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from intake.extraction.values import NOT_USERNAMES, clean_username

_I = re.I
_NAME = r"(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]{0,48}[A-Za-z0-9])?)"
_OPEN = r"(?:[`'\"“‘(]\s?)"
_ACCOUNT = r"(?:account|acount|accout|accnt|acnt|acct|acc|profile)"
_ADVERB = r"(?:(?:literally|actually|simply|just|really|still|now|currently|also)\s+)?"
# The username and the account in the languages requests arrive in (es, pt, de, fr, it,
# ru, zh, ja, ko, tr, id), so that a request we cannot read still names its account.
_FOREIGN_USER = (
    r"(?:\bnombre de usuario|\busuario|\busu[aá]rio|\butilizador|\bnome de usu[aá]rio|"
    r"\bbenutzername(?:n|ns)?|\bbenutzer(?![a-zäöüß])|\bnom d'utilisateur|\bidentifiant|"
    r"\bnome utente|"
    r"\butente|имя пользователя|логин|用户名|用戶名|ユーザー名|ユーザ名|사용자 ?이름|아이디|"
    r"\bkullanıcı ad[ıi]m?|\bnama pengguna|\bnazwa użytkownika|\bgebruikersnaam)"
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
            # "handle" is a noun only after "my"/"PyPI" or before "is"/":"; "I handle releases".
            r"\b(?:user ?name|usernme|usrname|usename|user id|login name|identifier|(?<=my )handle|"
            r"(?<![\w/])u/n(?![\w/])|(?<=pypi )id|"
            r"(?<=pypi )handle|"
            r"(?<=the )handle|handle(?=\s*(?:[:=]|is\b|was\b|on pypi\b))|"
            rf"{_ACCOUNT} name|{_ACCOUNT} id)\b\s*"
            r"(?:(?:on pypi|on the (?:package |python package )?index|on the site|there|on there|"
            r"again|once more)\s*)?"
            r"(?:(?:is|was)\b|['’]s\b|=|:|-|,)?\s*"
            rf"{_ADVERB}"
            rf"{_OPEN}?{_NAME}",
            True,
        ),
        (
            # (not "I maintain these on PyPI: x": a list of packages)
            r"(?<!these on )(?<!those on )(?<!them on )(?<!packages on )(?<!projects on )"
            r"(?<!things on )(?<!stuff on )(?<!maintain on )(?<!publish on )"
            rf"\bpypi(?:\.org)?(?: user ?name| account| user| name| login| handle)?\s*(?:is|:|=)\s*"
            # "PyPI is built from …": a name ends the clause.
            rf"{_OPEN}?{_NAME}(?![.\w-]*\w)(?=['\"”’`)]?(?:\s*[.,;:!?)|(]|\s*$|\s+(?:and|but|on)\b))",
            True,
        ),
        (rf"\b(?:the|my|our)\s+(?:pypi\s+)?user\s+(?:is|was|name is)\s+{_OPEN}?{_NAME}", True),
        # "lost my phone with the 2fa app. user is 'brindle-ops'."
        (rf"(?:^|[,.;]\s*)(?:pypi\s+)?user\s+is\s+{_OPEN}{_NAME}['\"”’`]", True),
        # "its user hana_k."
        (
            rf"\bit'?s\s+(?:pypi\s+)?(?:user|username|account)\s+{_OPEN}?{_NAME}(?=\s*(?:[.,;]|$))",
            True,
        ),
        # "ok, here it is: user is nadia-petrova, password i know still"
        (rf"(?:^|[:,;]\s*)(?:pypi\s+)?user\s+is\s+{_OPEN}?{_NAME}(?=\s*(?:[.,;]|$))", True),
        # "I use PyPI as npetrova", "I publish to PyPI as jdoe": the requester on PyPI ("it's
        # also on PyPI as parquet-peek" names a package, "… as part of" names none).
        (
            r"\b(?:(?:i|we)\s+(?:also\s+|usually\s+|only\s+)?(?:use|log (?:in)?to|sign (?:in)?to)|"
            r"(?:i'm|i am|we're|we are)\s+(?:known\s+)?on)\s+pypi(?:\.org)?\s+as\s+"
            rf"{_OPEN}?{_NAME}(?![.\w-]*\w)(?=['\"”’`)]?(?:\s*[.,;:!?)]|\s*$|\s+(?:and|but)\b))",
            True,
        ),
        (rf"\b(?:the|my|our)\s+(?:pypi\s+)?login\s+(?:is|was|:)\s+{_OPEN}?{_NAME}", True),
        # "lost phone, 2fa gone, user kzhang. pls reset", "user ozymandias42 / lost phone": a
        # clause of its own
        (
            rf"(?:^|[,;/]\s*)(?:pypi\s+)?(?:user|acct)\s+{_OPEN}?{_NAME}['\"”’`]?(?=\s*(?:[.,;/]|$))",
            True,
        ),
        # "my account is ecaldwell (…)", "It's my account: ctran-lab.", "my personal PyPI
        # account, rmehta (…)": the name closes the clause
        (
            r"\b(?:my|our)\s+(?:own\s+|personal\s+|main\s+|lab\s+|team\s+|company\s+|project\s+)?"
            rf"(?:pypi\s+)?account(?:\s+name)?(?:\s+is\s+|\s*[:,]\s*){_OPEN}?{_NAME}"
            r"(?=['\"”’`)]?\s*(?:[,;:!(]|\.(?![\w@])|$))",
            True,
        ),
        # "published from the lab account, kimlab, which …"
        (
            r"\b(?:lab|team|project|company|org|organi[sz]ation|release|shared|group|foundation)\s+"
            rf"account,?\s+{_OPEN}?{_NAME}(?=['\"”’`)]?\s*(?:[,;(]|\.(?![\w@])))",
            True,
        ),
        (rf"\baccount is (?:registered )?under the (?:user ?)?name\s+{_OPEN}?{_NAME}", True),
        # "It isn't t.okafor, it's tokafor."
        (rf"\bit isn'?t\s+\S+?,\s+it'?s\s+{_OPEN}?{_NAME}", True),
        # "hey 👋 acct: lunaquill"
        (rf"(?<![\w/])(?:acct|user)\s*[:=]\s*{_OPEN}?{_NAME}", True),
        # "account - harrow-t."
        (
            rf"(?:^|[.;,/]\s*)(?:pypi\s+)?(?:account|acct)\s+[-–—]\s+{_OPEN}?{_NAME}(?=\s*(?:[.,;/]|$))",
            True,
        ),
        (
            rf"^\s*{_NAME}\s*\((?:this is |that's |which is )?(?:my|the)\s+(?:pypi\s+)?"
            rf"(?:user ?name|username|account(?: name)?)\)",
            True,
        ),
        (
            rf"\b{_NAME}\s+(?:is|was)\s+(?:my|the)\s+(?:pypi\s+)?(?:user ?name|username|account)\b",
            True,
        ),
        (
            rf"\b(?:logg(?:ed|ing)|log|sign(?:ed|ing)?)(?: in(?: to pypi)?| ?into pypi(?:\.org)?) "
            rf"as\s+{_OPEN}?{_NAME}",
            True,
        ),
        # "i am user 'arjun-s-dev'"; "I am user of PyPI since 2015" names nobody.
        (
            rf"\bI(?:'m| am)\s+(?:pypi\s+)?user\s+{_OPEN}?{_NAME}"
            r"(?!['\"”’`)]?\s+on\s+(?:github|gitlab|twitter|discord|slack|bitbucket)\b)",
            False,
        ),
        # "Need 2FA removed from gkarlsson", "please reset two-factor for halden-io"
        (
            r"\b(?:2fa|two[- ]factor(?: authentication)?|mfa)\s+(?:reset|removed|disabled|"
            rf"turned off|cleared)\s+(?:for|from|on)\s+(?:(?:the )?(?:account|user)\s+)?"
            rf"{_OPEN}?{_NAME}",
            False,
        ),
        (
            r"\b(?:reset|remove|disable|turn off|clear)\s+(?:the\s+)?(?:2fa|two[- ]factor"
            rf"(?: authentication)?|mfa)\s+(?:for|from|on)\s+(?:(?:the )?(?:account|user)\s+)?"
            rf"{_OPEN}?{_NAME}",
            False,
        ),
        (rf"\b(?:signed up|registered)\b.{{0,20}}?\bas\s+{_OPEN}?{_NAME}", False),
        # "the PyPI account we publish under, fennick-analytics,"
        (
            rf"\b{_ACCOUNT}\s+(?:that\s+)?(?:i|we)\s+(?:publish|release|upload)\s+(?:under|from|with)"
            rf",?\s+{_OPEN}?{_NAME}",
            True,
        ),
        # "Hi, brackenfold here.": only a name in lower case (a person's name is capitalised).
        (
            r"^\W*(?:(?:hi|hello|hey|dear \w+),?\s+)?(?:(?:pypi\s+)?(?:account|user)\s+)?"
            r"(?-i:(?P<name>[a-z0-9](?:[a-z0-9._-]{0,48}[a-z0-9])?))"
            r"\s+here\b(?=\s*[.,!;:(]|\s*$)",
            True,
        ),
        (rf"\b(?:my|our|the)\s+(?:pypi\s+)?{_ACCOUNT}\s*\(\s*{_NAME}\s*\)", True),
        (
            rf"\b(?:the|my)\s+(?:pypi\s+)?{_ACCOUNT}\s+(?:that|which)\s+(?:publishes|owns|maintains|has)\b"
            rf"[^.,]{{0,60}}?\s+is\s+{_OPEN}?{_NAME}",
            True,
        ),
        # "under the account 'jdoe'"; "in the vault under 'pypi-2fa'" names a vault entry.
        (
            rf"(?<!vault )(?<!folder )(?<!entry )(?<!manager )\bunder\s+(?:the\s+)?"
            rf"(?:account\s+|user(?:name)?\s+)?{_OPEN}{_NAME}",
            False,
        ),
        (rf"\bunder\s+(?:the|my)\s+pypi\s+(?:account|user(?:name)?)\s+{_OPEN}?{_NAME}", True),
        (rf"pypi\.org/user/{_NAME}", True),
        (rf"\bpypi(?:\.org)?(?: account)?\s*\(\s*{_NAME}\s*\)", True),
        (rf"\(\s*(?:pypi\s+)?(?:user|account|login)\s*[:=]?\s*{_OPEN}?{_NAME}['\"”’`]?\s*\)", True),
        # "I found my username in an old upload email: it's sparrowhawk."
        (rf"\buser ?name\b[^.]{{0,60}}?:\s*(?:it'?s|it is)\s+{_OPEN}?{_NAME}", True),
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
            # "I tried to log in to check": a purpose, not an account
            r"\b(?:log|sign)(?:ged)?\s?in\s?to\s+(?!(?:check|see|look|verify|confirm|upload|publish|"
            r"release|change|fix|update|find|try|get|make|do|reset|remove|add|pypi)\b)"
            rf"{_OPEN}?{_NAME}(?!\s+on\s+pypi)",
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
        # "So seqwrangler-dev, which is my username, is …"
        (rf"{_OPEN}?{_NAME},?\s+which is my (?:pypi\s+)?(?:user ?name|account name)\b", True),
        # "My username, in case it isn't obvious from the address, is drsaltmarsh."
        (
            rf"\bmy (?:pypi\s+)?user ?name\b(?:\s*\([^()]{{0,60}}\)|,[^,.]{{0,60}},)"
            rf"\s*is\s+{_OPEN}?{_NAME}",
            True,
        ),
        (rf"\bthe\s+{_OPEN}?{_NAME}['\"”’]?\s+{_ACCOUNT}\b", False),
        (
            rf"\b(?:(?:my|our|the|this)\s+)?(?:personal\s+|old\s+|main\s+|locked\s+|publishing\s+|"
            rf"release\s+|company\s+|team\s+)?"
            rf"(?:pypi(?:\.org)?\s+)?{_ACCOUNT}(?:\s+|,\s*)(?:any ?more,?\s*|now,?\s*)?"
            # "My account there is called: binario9", "Username mine is ville_kk"
            r"(?:on (?:pypi|the index)\s+|(?:there|mine)\s+(?=is\b))?"
            rf"(?:is\s+{_ADVERB}(?:named:?\s+|called:?\s+)?|(?:which|that) is\s+|its\s+|it's\s+|"
            rf"named\s+|called\s+)?{_OPEN}?{_NAME}",
            False,
        ),
        (rf"\b(?:my|our)\s+(?:pypi\s+)?user\s+(?:is\s+|named\s+|called\s+)?{_OPEN}?{_NAME}", False),
        (rf"\blocked out of\s+{_OPEN}?{_NAME}", False),
        # "I have two PyPI accounts. … The one I'm locked out of is ivy-ng-work."
        (
            r"\bthe one (?:that )?(?:i'?m|i am|i've been) (?:locked out of|trying to "
            rf"(?:recover|access|get into))\s+is\s+{_OPEN}?{_NAME}",
            True,
        ),
        (rf"\bpypi\s+(?:user|account)\s+{_OPEN}?{_NAME}", False),
        # "my account of PyPI, the name is carlosm-utils"
        (rf"\b{_ACCOUNT}\b[^.]{{0,30}}?,\s+the\s+name\s+is\s+{_OPEN}?{_NAME}", False),
        (rf"\b(?:with|under|as)\s+the\s+(?:user|username|account)\s+{_OPEN}?{_NAME}", True),
        # "The account I'm locked out of is ebright-labs"
        (
            rf"\b{_ACCOUNT}\s+(?:that\s+)?(?:i'?m|i am|i've been|i have been|we'?re|we are)\s+"
            r"(?:locked out of|trying to (?:recover|access|get into)|(?:asking|writing|emailing|"
            rf"enquiring|inquiring) (?:you )?about)\s+is\s+{_OPEN}?{_NAME}",
            True,
        ),
        (
            rf"^\W*(?:pypi\s+)?(?:user\s*(?:\s|is\s+|=\s*|:\s*)|{_ACCOUNT}\s*[:=]\s*)"
            rf"{_OPEN}?{_NAME}(?=\s*[,;.:]|\s*$|\s+on (?:pypi|the index)\b)",
            True,
        ),
    )
)
FOREIGN_MENTIONS: tuple[tuple[re.Pattern[str], bool], ...] = tuple(
    (re.compile(pattern, _I), True)
    for pattern in (
        rf"{_FOREIGN_USER}\s*(?:(?:(?:en|auf|sur|no|su|на|de|di|do|da|von|bei)\s+)?pypi\s*)?"
        rf"(?:(?:es|ist|est|é|è|lautet|heißt|heisst|to|is|是|は|은|는|이|가|:|\uff1a|=)\s*"
        # After a dash, a word that goes on the sentence is no name ("usuário - criei a conta").
        rf"|[-–—]\s*(?=[\w.-]*[\d_.-]\w|[\w-]+\s*(?:[.,;:!)]|$))|\s*)"
        rf"(?<![A-Za-z\u00c0-\u00ff]){_FOREIGN_OPEN}?{_NAME}",
        # "PyPI 계정 hyunwoo-lee 의": a name the particle after it ends.
        rf"(?:계정|アカウント)\s*{_FOREIGN_OPEN}?{_NAME}(?=\s*(?:의|の|은|는|이|가|을|를|を|が|で|에|[)」』,.。、]|$))",
        # "Konto „jdoe“": the name closes the quote ("la cuenta (este mismo)" names nothing).
        rf"{_FOREIGN_ACCOUNT}\s*(?:pypi\s*)?{_FOREIGN_OPEN}{_NAME}(?=\s?[`'\"”“»\u2019)])",
        rf"{_FOREIGN_ACCOUNT}\s+(?:(?:de|en|auf|sur|no|su)\s+)?(?:pypi,?\s+)?(?:que\s+|qui\s+|die\s+)?"
        r"(?:heißt|heisst|lautet|se llama|s'appelle|si chiama|"
        r"называется)\s*"
        rf"{_FOREIGN_OPEN}?{_NAME}",
        # "Minha conta no PyPI é ribeiro-geo", "mein Konto sternwarte-py.": an unquoted name
        # only when it has a digit or a separator, so no word of the sentence is taken.
        # "l'adresse e-mail du compte est celle-ci" is about the address, not the account.
        r"(?<!du )(?<!de )(?<!da )(?<!do )(?<!del )(?<!des )"
        rf"{_FOREIGN_ACCOUNT}\s*(?:(?:no|en|auf|sur|su|на|de|di|do|da|bei|bij|op)\s+pypi\s*)?"
        rf"(?:es|ist|est|é|è|是|:|\uff1a|=)?\s*(?=[A-Za-z0-9]*(?:\d|[-_.][A-Za-z0-9]))"
        rf"(?=[\d._-]*[A-Za-z]){_NAME}"
        r"(?=\s*[.,;:!)\u3002\uff0c\u3001]|\s*$)",
    )
)
# Every USERNAME_MENTIONS match holds one of these substrings.
_MENTION_WORDS = (
    "user",
    "u/n",
    "ident",
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
    "2fa",
    "factor",
    "mfa",
)
# Plain substrings that every FOREIGN_MENTIONS match holds: most sentences have none,
# and a substring test is far cheaper than the patterns.
_FOREIGN_STEMS = (
    "usu",
    "użytkownik",
    "gebruikersnaam",
    "utiliza",
    "utilisat",
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
    "kullanıcı",
    "pengguna",
)
_PLAIN_FOLLOWER = re.compile(
    r"(?:\s*$|\s*[.,;:!?)\"'`]|\s+\([^)]*@|\s+(?:on pypi|is|are|has|have|had|was|were|since|and|"
    r"but|because|for|after|which|that|got|became|now|anymore|any more|overnight|yesterday|"
    r"today|recently|again|earlier|last|as soon as|asap|please|urgently|immediately|quickly|seems|"
    r"appears|looks|account|on|in|at|publishes|owns|hosts|holds)\b)",
    _I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A name a sentence gives as the account; ``sure`` when nothing about it is in doubt.

    ``theirs`` when it is named as somebody else's ("her account is priya_k"): the
    account asked about only when no other is named (a late father's, a colleague's)."""

    name: str
    sure: bool
    theirs: bool = False


# "my GitHub account jdoe", "GitHub: jdoe": another service's name, right before the name
# ("the email on my account jdoe" names the PyPI account).
_OTHER_SERVICE = re.compile(
    r"\b(?:github|gitlab|twitter|discord|slack|e-?mail|bitbucket)\b(?:\.com)?\s*"
    r"(?:(?:account|profile|user ?name|handle|id|login|name)\s*)?(?:is\s+|[:=-]\s*)?[`'\"“‘(]?\s?$",
    _I,
)
_ENGLISH_SUFFIX = re.compile(r"^[a-z]+(?:ed|ing|ly|[ai]ble|tion|ment|ness|ity)$")
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
            cut = after[:1].isalpha()  # "weiß" read as "wei"
            host = after.startswith("/") and "." in name  # "my profile github.com/x"
            if _PACKAGE_ON.search(sentence[: match.start()]):
                continue  # "The package on the account is ledstrip-ctl": the package's name
            if not strong and _ANY_ACCOUNT.search(sentence, 0, match.start("name")):
                continue  # "a dozen other account migrations": accounts in general
            if after.startswith(("@", "://")) or host or other or contraction or cut:
                continue
            theirs = _THIRD_PARTY.search(sentence, 0, match.start("name")) is not None
            # "Account: aelsayed": after a label's colon, a name may end like a word
            labelled = strong and _AFTER_COLON.search(sentence, 0, match.start("name"))
            if not _looks_like_username(name, strong) and not (
                labelled
                and name.lower() not in NOT_USERNAMES
                and name.lower() not in _FOREIGN_WORDS
            ):
                continue
            opener = re.search(r"[`'\"“‘(]\s?$", sentence[: match.start("name")])
            # "the second account (lesson learned)": a bracket is a quote only round a name.
            quoted = opener is not None and (opener.group(0)[0] != "(" or after.lstrip()[:1] == ")")
            distinct = not name.isalpha()
            if strong or quoted or distinct:
                found.append(Mention(name, True, theirs))
            elif _PLAIN_FOLLOWER.match(after):
                found.append(Mention(name, False, theirs))
    return found


_ANY_ACCOUNT = re.compile(
    r"\b(?:other|another|every|each|all|any|some|many|several|dozen|few|those|these|more|no)\s+"
    r"(?:[\w-]+\s+)?(?:account|user ?name)s?\s+$",
    _I,
)
_AFTER_COLON = re.compile(r"[:=]\s*[`'\"“‘(]?\s?$")
_PACKAGE_ON = re.compile(
    r"\b(?:package|project|library|repo|distribution)s?\s+(?:on|in|under|from|of)\s*(?:the|my|this|"
    r"that|our)?\s*$",
    _I,
)
# Somebody else's account named before the name, in the same clause and with no "my"
# between: "(his account is jdvorak)", "Sam also has his own personal account, samwise_k".
_THIRD_PARTY = re.compile(
    r"(?:\b(?i:his|her|their|(?:colleague|brother|sister|wife|husband|partner|friend|boss|"
    r"manager|co-?worker|co-?maintainer|son|daughter|father|mother|dad|mum|mom)['’]s)"
    r"|\b(?!PyPI)[A-Z][a-z]+['’]s)"
    r"\s+(?i:(?:own|personal|private|work|old|main|pypi)\s+)*(?i:account|user ?name|handle|login)"
    r"\b(?:(?!\b(?i:my|our)\b)[^.;:!?])*$"
    # "My co-maintainer Ana (anabel-p on PyPI) can vouch for me"
    r"|\b(?i:co-?maintainer|colleague|brother|sister|wife|husband|partner|friend|boss|manager|"
    r"co-?worker|son|daughter)\b[^.;:!?()]{0,30}\(\s*(?i:(?:pypi\s+)?(?:user|account|login)\s*[:=]?\s*)?$"
)


# Words of the languages above that follow "username" in "I don't know my username".
_FOREIGN_WORDS = frozenset(
    "nicht mehr kein keine nie não nao nem pas plus non no ni nunca не нет ist est es é è lautet "
    "heißt heisst und oder aber ich mein meinen meine habe kenne weiß y o pero yo mi mis et ou "
    "mais je mon ma mes e mas eu meu minha и или но я мой faz hace há ha hay desde porque que "
    "depois antes en em na no sur auf bei su di da do de del der die das le la el exactamente "
    "exatamente genau exactement este esta esto esse essa isto aquele ceci celui celle dieser "
    "diese dieses это этот эта".split()
)


def _looks_like_username(name: str, strong: bool) -> bool:
    lowered = name.lower()
    if lowered in NOT_USERNAMES or lowered in _FOREIGN_WORDS:
        return False
    return not _ENGLISH_SUFFIX.match(lowered) or (strong and bool(_NAME_LIKE_SUFFIX.match(lowered)))


def sure_mentions(sentences: Iterable[str]) -> list[tuple[Mention, str]]:
    """Each name the sentences give for the account, with its sentence.

    "I think my account is x, but I'm not sure, it could also be y" names none, and
    "My username is x. Wait, no - that's my GitHub handle. On PyPI it's y." names y.
    """
    found: list[tuple[Mention, str]] = []
    previous = ""
    taken_back = False
    for sentence in sentences:
        # A name given after "Wait, no - …" replaces the earlier ones; a taking-back that
        # names nothing new was about something else.
        # "My username is x - sorry, no, that's my GitHub handle.": x is taken back too.
        retracted = _RETRACTED_AFTER.search(sentence)
        said = sentence[retracted.end() :] if retracted else sentence
        taken_back = taken_back or bool(
            retracted or _TAKEN_BACK.match(sentence) or _TAKEN_BACK_INSIDE.search(sentence)
        )
        new = _named_alone(said, previous, taken_back) or [
            (mention, sentence)
            for mention in ([] if _UNSURE_NAME.search(said) else after_correction(said))
            if clean_username(mention.name) == mention.name
        ]
        previous = sentence
        if new and taken_back:
            found, taken_back = [], False
        found.extend(new)
    return found


def _named_alone(sentence: str, previous: str, taken_back: bool) -> list[tuple[Mention, str]]:
    """ "I left the username field empty in the form. It's pelican-forms.": the name a
    sentence gives alone after one about the account (or after "Scratch that.")."""
    sentence = _INTERJECTIONS.sub("", sentence)  # "Sorry, no, it's kestrel_dev."
    named = _NAME_ALONE.match(sentence) if _NAMES_ACCOUNT.search(previous) or taken_back else None
    if named and named.group("instead") and not taken_back:
        named = None
    name = named.group("name") if named else ""
    if not name or clean_username(name) != name:
        return []
    if name.isalpha() and _NOT_SURE_OF_IT.search(previous):
        return []  # "I don't remember my username. It's awful."
    return [(Mention(name, True), sentence)]


_INTERJECTIONS = re.compile(r"^\W*(?:(?:sorry|oops|no|wait|actually|hmm+|ah)\b\W+)+", _I)


def after_correction(sentence: str) -> list[Mention]:
    """Names a sentence gives; after "scratch that", only the ones it corrects to."""
    corrected = _CORRECTION.search(sentence)
    if corrected:
        rest = sentence[corrected.end() :]
        after = username_mentions(rest)
        restated = _RESTATED.match(rest)
        if restated and clean_username(restated.group("name")):
            after = [Mention(restated.group("name"), True)]
        if after:
            return after
    return username_mentions(sentence)


def username_correction(sentence: str) -> str | None:
    """The username a correction gives ("Correction to the first line: the username is x");
    none when the correction hedges ("… jdoe, or possibly jdoe-dev")."""
    corrected = _CORRECTION.search(sentence)
    if corrected is None or _UNSURE_NAME.search(sentence):
        return None
    rest = sentence[corrected.end() :]
    restated = _RESTATED.match(rest) or _BARE_NAME.match(rest)
    mentions = username_mentions(rest)
    mentions = [m for m in mentions if m.sure] or mentions
    named = [restated.group("name")] if restated else [m.name for m in mentions]
    later = _RESTATED_LATER.search(rest)
    named = named or ([later.group("name")] if later else [])
    return clean_username(named[0]) if named else None


def username_corrections(sentences: list[str]) -> list[tuple[str, str]]:
    """Each username a correction gives, with its sentence, in order; a correction that
    names nothing ("Sorry, scratch that, x is my GitHub handle.") may be completed by the
    next sentence ("The PyPI one is y")."""
    found = []
    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else ""
        name = username_correction(sentence)
        if name:
            found.append((name, sentence))
            continue
        named = _NAMED_NEXT.match(following)
        taken_back = (
            _CORRECTION.search(sentence)
            or _TAKEN_BACK.match(sentence)
            or _ANOTHER_ONE.match(sentence)
        )
        if named and taken_back and (name := clean_username(named.group("name"))):
            found.append((name, f"{sentence} {following}"))
    return found


def corrected_username(value: str) -> str | None:
    """The username a value gives; "x (scratch that - on PyPI I'm y)" gives the correction.

    "x (I think - it could also be y)" gives none.
    """
    if _UNSURE_NAME.search(re.split(r"(?<=[.!?])\s+", value.strip(), maxsplit=1)[0]):
        return None
    if _CORRECTION.search(value):
        named = [m.name for m in after_correction(value)]
        if named:
            return clean_username(named[-1])
    retracted = _RETRACTED_AFTER.search(value)
    if retracted:
        # "tmaki -- wait no, that's my GitHub. PyPI user is tmaki-py.": the name after it.
        named = [m.name for m in username_mentions(value[retracted.end() :]) if m.sure]
        return clean_username(named[-1]) if named else None
    return clean_username(value)


_RESTATED = re.compile(
    r"^\W*(?:actually\W+)?(?:it'?s|it is|should be|the right one is)\s+(?:actually\s+)?[`'\"*]*"
    r"(?P<name>[\w.-]+\w)",
    re.I,
)
# "sorry i mean emeka_obi_dev, it was typing error": a bare name right after the correction,
# only one no word looks like.
_BARE_NAME = re.compile(
    r"^\W*(?P<name>[A-Za-z0-9]+[._-][\w.-]*[A-Za-z0-9])"
    r"(?=\s*(?:[,.;!]|$)|\s+(?:with|without|not|no)\b)"
)
# "Correction: having just checked an old notification, it is "arborlab"": further on.
_RESTATED_LATER = re.compile(
    r"\b(?:it'?s|it is|should be|the right one is)\s+(?:actually\s+)?[`'\"“*]*"
    r"(?P<name>[\w.-]+\w)",
    re.I,
)
# "Wait, sorry, that's my old account that I deleted ages ago.": the name before is not it.
_ANOTHER_ONE = re.compile(
    r"^\W*(?:wait|oops|sorry|hmm+)\W+(?:(?:sorry|no|wait|actually)\W+)*(?:that'?s|that is|that was)"
    r"\s+(?:my|an?|the)\s+(?:old|other|former|previous|github|gitlab|wrong|second)\b",
    re.I,
)
# "Sorry, scratch that, x is my GitHub handle. The PyPI one is **x-k**": the next sentence.
_NAMED_NEXT = re.compile(
    r"^\W*(?:the (?:pypi|right|correct|real|actual) one is|on pypi (?:it'?s|it is|i'?m))\s+"
    r"[`'\"“*]*(?P<name>[\w.-]+\w)",
    re.I,
)
# "jdoe - sorry, no, that's my GitHub handle": the name before it is taken back.
RETRACTION = (
    r"\s[-–—(]{1,2}\s*(?:(?:sorry|actually|hmm+)\W+)*(?:no|wait|oops|scratch that)\W+"
    r"(?:(?:sorry|no|wait|scratch that)\W+)*"
)
RETRACTED_THING = r"(?:that'?s|that is|this is|that was)\s+(?:my|the|our|an?)\b"
_RETRACTED_AFTER = re.compile(RETRACTION + RETRACTED_THING, re.I)
_NAMES_ACCOUNT = re.compile(r"\buser ?name\b|\baccount\b", _I)
_NOT_SURE_OF_IT = re.compile(r"n't|\bnot\b|\bforg[eo]t|\bremember|\bsure\b", _I)
# "(with the hyphen)", "(one s)", "(all lower case)": how the name is spelt.
_SPELLING = r"\((?:with|without|one|two|double|no|all|lower|upper|small|capital)\b[^()]{0,30}\)"
_NAME_ALONE = re.compile(
    r"^\W*(?:it'?s|it is|that'?s|that is"
    # "The current one is danwhitfield.": only after a name was taken back.
    r"|(?P<instead>the (?:current|right|correct|real|actual|proper) one is))"
    # "It's tamsin.okafor - I do know it, I just forgot to put it in."
    rf"\s+{_OPEN}?{_NAME}['\"”’`]?\s*(?:[.!]|\s[-–—]\s.*|,\s.*|{_SPELLING}[.!]?)?\s*$",
    _I,
)
# "Sorry, typo, it's x", "Sorry, my mistake with the username": a slip in the name only.
_NAME_SLIP = (
    r"(?:^|\s[-–—(])\W*(?:(?:wait|edit|no)\W+(?:sorry|oops)"
    r"|(?:sorry|oops)(?=\W+it'?s actually\b|\W+actually,?\s+it(?:'?s| is)\b)"
    r"|(?:sorry|oops)\W+(?:typo|my (?:mistake|bad))"
    r"(?:\s+(?:above|there|earlier))?)\b"
    r"(?:\s+(?:with|in|on) the (?:user ?name|account(?: name)?|name)\b"
    r"|(?=\W+(?:actually\W+)?(?:it'?s|it is|the (?:user ?name|account(?: name)?) is)\b)"
    # "- wait, sorry, I just double-checked an old pip upload log and it's x"
    r"|(?=[^.]{0,80}?\band it'?s\b)"
    # "user is jdoe_stats -- sorry typo, jdoee_stats."
    r"|(?=\W+[A-Za-z0-9]+[._-][\w.-]*\w\s*(?:[.,;!]|$)))"
)
# A sentence that takes back what was said just before.
_TAKEN_BACK = re.compile(
    r"^\W*(?:wait|hang on|oops|sorry|no wait|actually)\W+"
    r"(?:no|not that|that's wrong|scratch that|correction)\b"
    rf"|{_NAME_SLIP}"
    r"|^\W*(?:scratch that|correction)\b",
    re.I,
)
# "the account name I gave above is slightly wrong: it is x": what was named is taken back.
_WRONG_NAME = (
    r"\b(?:user ?name|account name|name|account)\b[^.:;]{0,40}?\b(?:is|was) (?:slightly |a bit |"
    r"actually )?(?:wrong|incorrect|a typo|mistyped|misspel\w*)\b"
)
_CORRECTION = re.compile(
    rf"\bscratch that\b|\bcorrection\b|\bi mean\b|\bi mistyped\b|{_WRONG_NAME}|{_NAME_SLIP}"
    # "I must correct myself - … the username there is h-solberg", "Actually, I just looked …
    # and my username is pyhedgehog"
    r"|\bcorrect myself\b|^\W*actually,"
    # "jpark-dev, sorry, jpark_dev with an underscore", "svenl, no wait, … it's svenlindqvist"
    r"|,\s*sorry,(?=\s*[A-Za-z0-9]+[._-])|,\s*no,?\s+wait\b"
    r"|^\W*(?:no\W+wait|wait\W+no)\b",
    re.I,
)
_TAKEN_BACK_INSIDE = re.compile(_WRONG_NAME, re.I)
_UNSURE_NAME = re.compile(
    r"\b(?:or possibly|or maybe|could also be|not (?:\w+ )?sure which|"
    # "ogrant I'm fairly sure, might be olly-grant", "I think my username is x … don't hold
    # me to that"
    r"(?:,|\bor)\s*(?:it )?might be|(?:i'?m|i am) (?:fairly|pretty|quite) sure|don't hold me to|"
    r"i think (?:my|the) (?:pypi )?(?:user ?name|account(?: name)?) (?:is|was)|"
    r"not (?:100%|completely|entirely) sure|either \S+ or|i guess|"
    r"or something (?:similar|like that)|"
    r"(?:remember|recall|sure|know|certain)\s+(?:if|whether)\b[^.;]{0,60}\bor)\b",
    re.I,
)


_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|fwd?|aw|wg|tr|sv)\s*:\s*)+", _I)
# A subject is headline words parted by dashes, bars and brackets: "locked out - user x".
_SUBJECT_PARTS = re.compile(r"\s+[-–—|]\s+|[()\[\];]")
_SUBJECT_NAME = re.compile(
    r"(?:^|(?<=\s))(?:(?:my\s+)?pypi\s+)?(?P<word>user ?name|user|u/n|login|acct|account)"
    r"\s*(?P<sep>[:=#]|is(?=\s))?\s*"
    rf"{_OPEN}?{_NAME}['\"”’`]?\s*[.!?]*$",
    _I,
)


# A part that is only a name with a digit, hyphen or underscore in it, after a dash.
_NAME_PART = re.compile(r"(?P<name>[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+|[A-Za-z]+\d+[A-Za-z0-9]*)")
_DASHED = re.compile(r"\s[-–—]\s")
_BRACKETED = re.compile(r"\[[^\]]+\]")
_HEADLINE_WORDS = frozenset(
    "follow-up followup re-sent re-send resend log-in sign-in sign-on set-up e-mail check-in "
    "re-open re-opened re-request second-try two-step 2-step one-time self-service "
    "co-maintainer".split()
)


def _named_after_dash(labelled: re.Match[str], after_dash: bool) -> bool:
    """ "Lost security key - user bramblecote": a dashed part that is "user" and the name."""
    name = labelled.group("name").lower()
    return (
        after_dash
        and labelled.start() == 0
        and labelled.group("word").lower() in ("user", "u/n", "acct")
        and _looks_like_username(name, False)
        and name not in _SUBJECT_WORDS
    )


# A subject about a lockout, so that a plain word set apart in it may be the account's
# name ("Recovery codes rejected - tmoreau", "Account recovery: qmarsh", "[yuki-t] 2FA").
_LOCKOUT_HEADLINE = re.compile(
    r"\b(?:recover\w*|locked|lockout|2fa|two[- ]factor|mfa|totp|authenticator|codes?|reset|"
    r"lost|stolen|broken|access)\b",
    _I,
)
_SET_APART = re.compile(r"\s[-–—|:]\s|[\[\]()]|:\s")
# Headline words NOT_USERNAMES lets through ("Locked out - user error", "Locked out - urgent").
_SUBJECT_WORDS = frozenset(
    """error trouble uncertain urgent desperate update reminder resolved solved fixed followup
    correction answers answer reply details info information more again second third final
    important asap request question help please stuck thanks pending waiting case ticket
    status new redacted removed hidden private sensitive omitted monday tuesday wednesday
    thursday friday saturday sunday today tomorrow yesterday weekend january february march
    april may june july august september october november december everything anything
    something mine
    """.split()
)


# "About my account kanjiparse", "2FA lockout on thistle-ui", "tern-io recovery": the
# account a lockout subject names as the account, at its end or at its start ("Account
# recovery for x" names what the request is for, which may be anything).
_SUBJECT_ACCOUNT = re.compile(
    r"\b(?:my (?:pypi )?account|lockout (?:on|of|for)|locked out of|reset (?:for|on))\s+"
    r"(?P<name>[a-z0-9][a-z0-9._-]{2,48}[a-z0-9])\s*$"
    # at the start only a name no word can be: "tern-io recovery", not "Need 2FA reset"
    r"|^(?P<first>[a-z0-9][a-z0-9]*[._-][a-z0-9._-]*[a-z0-9]|[a-z]+\d[a-z0-9]*)\s+"
    r"(?:2fa|mfa|recovery|lockout|locked out|account recovery)\b",
    _I,
)


def _subject_account(subject: str) -> str | None:
    found = _SUBJECT_ACCOUNT.search(subject.strip())
    if found is None:
        return None
    name = found.group("name") or found.group("first")
    lowered = name.lower()
    if lowered in _SUBJECT_WORDS:
        return None
    if name.isalpha() and not _looks_like_username(name, False):
        return None
    return name if clean_username(name) == name else None


def _plain_name_set_apart(text: str, subject: str, parts: int) -> re.Match[str] | None:
    """A lone plain word a lockout subject sets apart ("Recovery codes rejected - tmoreau")."""
    word = _PLAIN_PART.fullmatch(text)
    if word is None or (parts < 2 and ": " not in subject) or not _SET_APART.search(subject):
        return None
    name = word.group("name").lower()
    if name in NOT_USERNAMES or name in _SUBJECT_WORDS:
        return None
    rest = subject.replace(text, " ", 1)
    return word if _LOCKOUT_HEADLINE.search(rest) else None


_PLAIN_PART = re.compile(r"(?P<name>[a-z][a-z0-9]{3,29})")


def subject_username(subject: str) -> str | None:
    """The username a subject line gives as the account ("locked out - user x", "mfa reset -
    acct x", "my pypi user is x - 2fa reset?"); None when it names none, or several."""
    names = []
    parts = _SUBJECT_PARTS.split(_REPLY_PREFIX.sub("", subject))
    dashed = bool(_DASHED.search(subject) or _BRACKETED.search(subject))
    for index, part in enumerate(parts):
        text = part.strip()
        labelled = _SUBJECT_NAME.search(text)
        alone = _NAME_PART.fullmatch(text) if (index and dashed) or len(parts) == 1 else None
        if alone and alone.group("name").isupper():
            alone = None  # "[RITM0091732] PyPI account access": a ticket's number
        tail = text.rsplit(": ", 1)[-1]
        plain = None if labelled or alone else _plain_name_set_apart(tail, subject, len(parts))
        if plain:
            names.append(plain.group("name"))
            continue
        if alone and alone.group("name").lower() in _HEADLINE_WORDS:
            alone = None
        if labelled:
            found = [labelled.group("name")]
        elif alone:
            found = [alone.group("name")]  # "YubiKey destroyed - aldous-vega"
        else:
            found = [m.name for m in username_mentions(part) if m.sure and not m.theirs]
        # A headline word is no name ("username uncertain", "login trouble") unless a
        # colon says so ("account: jdoe"); a name has a digit or a separator.
        names += [
            name
            for name in found
            if (
                labelled
                and (labelled.group("sep") or _named_after_dash(labelled, index > 0 and dashed))
            )
            or not name.isalpha()
            if _looks_like_username(name, True) and clean_username(name) == name
        ]
    if not names and (named := _subject_account(_REPLY_PREFIX.sub("", subject))):
        names.append(named)
    return names[0] if len({name.lower() for name in names}) == 1 else None
