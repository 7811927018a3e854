"""Ownership evidence: every claim once, whatever shape it came in.

A claim is a package or project name, a repository, profile or project link, or
the email address commits are made with. The same claim written twice (with and
without ``https://``, a trailing slash, or as a name beside its PyPI page) is one
item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from intake.extraction.prose import FIRST_PERSON
from intake.extraction.values import NOT_USERNAMES, yes_no

_I = re.I

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
# "and" inside "moth-and-lamp" is part of the name.
_LIST_SEPARATOR = r"(?:,|(?<![\w-])and(?![\w-])(?:\s+of\b)?|&|\+|/|(?<![\w-])or(?![\w-]))"
# "the owner of the obrien-tools account": an account's name, not a package.
_PACKAGES = (
    rf"(?P<names>{_PACKAGE}(?:\s*{_LIST_SEPARATOR}\s*(?!{_ROLE}){_PACKAGE}){{0,9}})"
    r"(?![\w-]|\.\w|\s+(?:account|user ?name|profile|login)s?\b)"
)
# "the account we publish under, fennick-analytics": the account, not a package.
_NOT_PACKAGE_NEXT = r"(?!under\b|from\b|with\b|as\b)"
_KIND = (
    r"(?:packages?|pkgs?|projects?|librar(?:y|ies)|distributions?|modules?|tools?|helpers?|plugins?|"
    r"extensions?|utilit(?:y|ies)|wrappers?|clients?|frameworks?|toolkits?|bindings?|sdks?)"
)
_CARE = (
    r"(?:maintain\w*|own|owns|owner|author\w*|publish\w*|created|wrote|release[sd]?|upload\w*|put|"
    r"make|makes|made|"
    r"develop\w*|look(?:s|ing)? after|take care of|takes care of|taking care of|keeps? up|kept up|"
    r"responsible for|in charge of|keep|keeps|release manager for)"
)
_FOREIGN_KIND = (
    r"(?:\b(?:paket|projekt|bibliothek|paquete|proyecto|librer[ií]a|pacote|projeto|biblioteca|"
    r"paquet|projet|biblioth[eè]que|pacchetto|progetto|libreria)|(?:пакет|проект|библиотек)\w*)"
)
# A verb of looking after a package, so that using one ("beim Installieren vom Paket x") is
# no claim.
_FOREIGN_CARE = (
    r"\b(?:betreue|betreuen|pflege|pflegen|entwickle|entwickeln|maintiens|maintenons|"
    r"mainteneur|mainteneuse|auteur|développe|mantengo|mantenemos|mantenedor|mantenho|"
    r"desarrollo|desenvolvo|autora?|сопровождаю|поддерживаю|разрабатываю|автор|gestisco)\b"
)
# "my (little) package …", "the account's projects …": whose the packages are.
_WHOSE = r"\b(?:my|our|the account'?s|its)\s+(?:(?:little|lil|small|tiny|humble|only|own)\s+)?"
# "my package manager", "our project account": another thing, not a package.
_NOT_A_PACKAGE = r"(?:account|managers?|index|registry)\b"
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
            rf"\b{_CARE}\b.{{0,40}}?\b{_KIND}\b[^,.;:()]{{0,60}}?(?:,|:|\(|\s-+|\s(?=called\s|named\s))\s*"
            r"(?:called\s+|named\s+)?" + _PACKAGES,
            True,
        ),
        (
            rf"{_WHOSE}{_KIND}\b(?!\s+{_NOT_A_PACKAGE})\s*(?:on pypi\s+)?"
            r"(?:(?:on|in|under|from) (?:the|this|that|my|our) (?:pypi )?"
            r"account\s+)?(?:are|is|include|includes|:|\(|"
            r",?\s*(?:especially|including|like|such as|namely|mainly|in particular))\s*"
            + _PACKAGES,
            False,
        ),
        # "my project merlette appeared on PyPI"; after a looser word ("my client mangles
        # replies") a name alone must look like a package's.
        (
            rf"{_WHOSE}(?:packages?|projects?|librar(?:y|ies)|distributions?)\s+"
            rf"(?!{_NOT_A_PACKAGE})" + _PACKAGES,
            False,
        ),
        (rf"{_WHOSE}{_KIND}\s+(?!{_NOT_A_PACKAGE})" + _PACKAGES, True),
        (
            rf"^\s*(?:{_KIND}|stuff|things)(?: (?:i|we) (?:own|maintain|publish|release))?\s*:\s*"
            + _PACKAGES,
            False,
        ),
        # "I maintain a couple of small things, mainly hummus-config on PyPI"
        (
            rf"\b{_CARE}\b[^.]{{0,40}}?\b(?:things|stuff|bits)\b[^.]{{0,20}}?,?\s*"
            r"(?:mainly|mostly|especially|including|like|such as)\s+" + _PACKAGES,
            True,
        ),
        # "Most of my work is on GitHub, …, in particular the package colorimetrie"
        (
            r"\b(?:my|our) (?:own )?(?:work|code|projects|repos|repositories|stuff|things)\s+"
            r"(?:is|are|lives?|sits?)\s+(?:mostly\s+|mainly\s+|all\s+)?(?:on|at)\s+"
            r"(?:github|gitlab|codeberg|pypi)\b(?:[^.]|\.(?=\w)){0,100}?"
            r"\b(?:in particular|especially|notably|mainly|"
            r"including)\s+"
            rf"(?:the\s+)?{_KIND}\s+" + _PACKAGES,
            False,
        ),
        # "I need to publish a security fix for netcdf-slicer today"
        (
            r"\b(?:i|we)\s+(?:really\s+|urgently\s+)?(?:need to|have to|must|want to|should|"
            r"(?:am|are|'m|'re) (?:trying|supposed|meant) to|(?:was|were) going to|can't|cannot)\s+"
            r"(?:publish|release|upload|push|ship)\s+(?:a\s+|the\s+|an\s+)?"
            r"(?:(?:security|urgent|critical|new|bug)\s*)?(?:fix|patch|release|update|version)\s+"
            r"(?:for|of|to)\s+(?:the\s+)?" + _PACKAGES,
            True,
        ),
        # "I released rookery and rook-ci-tools from this account"
        (
            r"\b(?:i|we)\s+(?:have\s+)?(?:released|published|uploaded|maintain|own|created)\s+"
            + _PACKAGES
            + r"\s+(?:from|on|under|to|with)\s+(?:this|that|the|my|our) (?:pypi )?account\b",
            False,
        ),
        # "The account publishes tallgrass-etl and tgeo"
        (
            r"\b(?:the|this|that|my|our) (?:pypi )?account\s+(?:[\w.-]+\s+)?"
            r"(?:publishes|owns|hosts|holds)\s+"
            r"(?:the\s+)?(?:packages?\s+|projects?\s+)?" + _PACKAGES,
            False,
        ),
        # "To show that the account is mine: the packages are quizgrader and latexmarks"
        (
            r"\b(?:evidence|proof|to show|belongs? to|is mine|is ours)\b[^.]{0,40}?\bthe\s+"
            rf"{_KIND}\s+(?:(?:published|released|uploaded|maintained)\s+)?"
            r"(?:(?:on|in|under|from)\s+(?:it|(?:the|this|that|my) account)\s+)?"
            r"(?:are|is)\s+" + _PACKAGES,
            False,
        ),
        (
            r"\b(?:maintain\w*|maintaner|mantainer|maintainor|owner|author\w*|creator|developer)"
            r" of:?\s+(?:the\s+)?"
            rf"(?:{_KIND}\s+)?" + _PACKAGES,
            False,
        ),
        # "Our organisation publishes helix-seqtools", "it publishes corvid-sdk and corvid-cli",
        # "the account is used to publish the corvid-sdk package", "We ship a release of x"
        (
            r"\b(?:it|which|the account|(?:our|the) (?:organi[sz]ation|company|team|org|lab|group|"
            r"foundation|department|institute|project|society|collective|consortium))\s+"
            r"(?:also\s+)?(?:is used to\s+)?(?:publish|maintain|own|host|release)(?:e?s)?\s+"
            rf"(?:the\s+|our\s+|my\s+)?(?:{_KIND}\s+)?"
            + _PACKAGES
            + r"(?!\s+(?:wheels?|builds?|files?|artifacts?|binaries|images?|releases?)\b)",
            True,
        ),
        (
            r"\baccount\b[^.;]{0,40}?\bis used to (?:publish|release|upload)\s+(?:the\s+)?"
            + _PACKAGES,
            True,
        ),
        (
            r"\b(?:i|we)\s+(?:ship|cut|push|publish|make)\s+(?:a\s+|the\s+|our\s+)?(?:new\s+)?"
            r"releases?\s+of\s+" + _PACKAGES,
            True,
        ),
        # "The packages published from this account include nordlicht-deploy and …"
        (
            rf"\bthe\s+{_KIND}\s+(?:published|released|uploaded|maintained)\s+(?:from|on|under|by|"
            r"with)\s+(?:this|the|our|that|my)\s+(?:pypi\s+)?account\s+(?:include|includes|are|is)\s+"
            + _PACKAGES,
            False,
        ),
        # "I have one package, mensa-menu"
        (
            r"\b(?:i|we)(?:\s+have|'ve|\s+'ve)?\s*(?:got\s+)?(?<=\s)"
            r"(?:one|a|two|three|a few|some)\s+"
            rf"(?!private\b|internal\b)(?:[\w-]+\s+)?{_KIND}\b(?:\s+(?:there|here|on pypi|on it))?"
            r"\s*[,:(]\s*(?:called\s+|named\s+)?" + _PACKAGES + r"(?![^.]*\bnot (?:on|in) pypi\b)",
            True,
        ),
        (
            r"\b(?:i|we|they|he|she)\s+(?:\w+\s+)?(?:publish|(?:co-?)?maintain|own|wrote|created|develop|"
            r"release)\s+" + _NOT_PACKAGE_NEXT + _PACKAGES,
            True,
        ),
        (rf"\b(?:the\s+)?{_KIND}\s+(?P<names>{_PACKAGE})\s+is\s+(?:mine|ours)\b", False),
        # "I've a small package up on PyPI called loughtide"
        (
            rf"\b(?:i|we)(?:'ve| have)\s+(?:got\s+)?an?\s+(?:[\w-]+\s+){{0,3}}?{_KIND}\b"
            r"[^.]{0,40}?\b(?:called|named)\s+" + _PACKAGES,
            False,
        ),
        # "The packages northgate-deploy and northgate-schemas are owned by the account"
        (
            rf"\bthe\s+{_KIND}\s+{_PACKAGES}\s+(?:are|is)\s+(?:owned|maintained|published)\s+by\b",
            False,
        ),
        (
            rf"\bthe\s+{_KIND}\s+(?:(?:on|in|under) (?:that|the|this|my|our) (?:pypi )?account\s+|"
            r"(?:on|in|under) (?:it|there)\s+|in question\s+)?(?:are|is)\s+" + _PACKAGES,
            True,
        ),
        (
            rf"\b(?:i|we|account|it|which|that)\s+(?:\w+\s+)?{_CARE}\s+(?:the\s+)?{_PACKAGES}\s+"
            rf"{_KIND}\b",
            False,
        ),
        (
            rf"\b{_KIND}\s+(?:i|we|they|he|she)\s+(?:\w+\s+)?(?:maintain|own|publish|wrote|created|"
            r"develop|made|make|built|release|look after|take care of)(?:s|ed)?"
            r"(?:\s+(?:under|from)\s+(?!another\b|a different\b|other\b|an old\b)\S+(?:\s+account)?"
            r"|\s+on pypi)?(?:\s+(?:is|are)|\s*:)\s+" + _PACKAGES,
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
            rf"\b(?:{_KIND}|ones)\b[^.]{{0,60}}?,?\s*"
            r"(?:mainly|mostly|especially|including|notably|in particular|being|like|such as|"
            r"e\.g\.,?)\s+" + _PACKAGES,
            True,
        ),
        # "…owner of the following projects:" with an item of the list after it.
        (
            rf"\b{_CARE}\b.{{0,60}}?\b(?:the following|these|those|below|several|two|three|some)\s+"
            rf"{_KIND}\b.*\s(?P<names>{_PACKAGE})\s*$",
            False,
        ),
        (r"\(\s*(?:package|project|library)s?\s+" + _PACKAGES + r"\s*\)", False),
        # "Package of mine: poro-tracker"
        (rf"\b{_KIND}\s+of\s+(?:mine|ours)\s*:\s*" + _PACKAGES, False),
        # "A few packages I maintain, in case it helps: sievekit": one item under its lead-in
        (
            rf"\b{_KIND}\b[^:]{{0,40}}?\b(?:i|we|they)\s+(?:\w+\s+)?(?:maintain|own|publish|made|make|"
            r"wrote|created|look after|release)\b[^:]{0,40}:\s+(?P<names>" + _PACKAGE + r")"
            r"(?=\s*(?:\(|$|[-–—]\s))",
            False,
        ),
        # "I maintain a few things: nip-validator", "I maintain these on PyPI: tidewater": an
        # item of the list under its lead-in
        (
            rf"\b(?:i|we)\s+(?![^:.]{{0,60}}\baccount)(?:\w+\s+)?{_CARE}\b[^:.]{{0,40}}:\s+"
            rf"(?P<names>{_PACKAGE}(?:\s*{_LIST_SEPARATOR}\s*{_PACKAGE}){{0,9}})"
            r"(?=\s*(?:[(,.]|$|[-–—]\s))",
            False,
        ),
        # "Evidence that this is ours: tidewater-schemas"
        (
            r"^\W*(?:evidence|proof)\b[^:]{0,50}:\s+(?P<names>" + _PACKAGE + r")(?=\s*(?:\(|$))",
            True,
        ),
        # "the project yasmin-geo, which I publish on PyPI"
        (
            rf"\bthe\s+{_KIND}\s+(?P<names>{_PACKAGE}),?\s+which\s+(?:i|we)\s+(?:\w+\s+)?"
            r"(?:publish|maintain|own|wrote|created|release|look after)",
            False,
        ),
        # "We maintain the following:" with one item of the list after it
        (rf"\b{_CARE}\b.{{0,40}}?\bthe following\s*:?\s+" + _PACKAGES + r"(?=\s*(?:\(|$))", False),
        # "I maintain amberjack.": a lone name that ends the claim.
        (
            r"\b(?:i|we|they|he|she|that|which)(?:'ve| have)?\s+"
            r"(?:also\s+|been\s+|first\s+|originally\s+|recently\s+)*"
            r"(?:(?:co-?)?maintain|publish|own|wrote|created|develop|release|look after|"
            r"take care of)(?:e?s|ing|e?d)?\s+"
            + _NOT_PACKAGE_NEXT
            + _PACKAGES
            + r"(?=\s*(?:[.,;!()]|$)|\s+on pypi\b|\s+is\b"
            r"|\s+(?:for|since|from|with|btw|if|in case)\b"
            r"|\s+and\s+(?:i|we|you|a|an|some|several|its?|two|three|there|they|people|my|our)\b)",
            False,
        ),
        (
            r"\blisted as (?:an? |the )?(?:author|maintainer|owner)\b.{0,40}?\bof\s+(?:the\s+)?"
            rf"(?:{_KIND}\s+)?" + _PACKAGES,
            False,
        ),
        # A package named in a request we cannot read: "das Paket „plz-tools“", "пакет
        # ru-morph-lite"; a plain word only when "on PyPI" follows ("projet pyfrenchtax sur PyPI").
        (rf"{_FOREIGN_CARE}.*?{_FOREIGN_KIND}\s*[„«]?\s?{_PACKAGES}", True),
        # "mantengo un paquete pequeño llamado pyacuarela": named outright.
        (
            rf"{_FOREIGN_CARE}.*?{_FOREIGN_KIND}\b[^.]{{0,30}}?\b(?:llamad[oa]|chamad[oa]|namens|"
            rf"nommée?|appelée?|chiamat[oa]|называется)\s+[„«\"]?{_PACKAGES}",
            False,
        ),
        # "the account name is agrosense-pl, and the package is agrosense", "The package is
        # called picoblink"
        (
            r"\b(?:the|my|our) (?:package|project|library) (?:is called|is named|name is|is)\s+"
            r"(?!(?:broken|fine|ok|okay|gone|old|new|small|popular|mine|ours|used|deprecated|public|"
            r"private|available|down|missing|outdated|important|critical|still|also|not|now)\b)"
            + _PACKAGES
            + r"(?=\s*(?:[.,;!)]|$|\s+(?:on pypi|and|that)\b))",
            False,
        ),
        # "the account our CI uses for publishing helix-core and helix-cli"
        (
            r"\b(?:use[sd]?|using)\b[^.]{0,20}?\b(?:for|to)\s+(?:publish|releas|upload)\w*\s+"
            r"(?:the\s+)?" + _PACKAGES,
            True,
        ),
        # "I have some packages with a few downloads, boleto-parser is the main one"
        (
            r"(?P<names>" + _PACKAGE + r")\s+is\s+the\s+(?:main|biggest|most (?:used|popular|"
            r"important)|best known|important) one\b",
            True,
        ),
        # "I'm the release manager for nimbusrail-python"
        (r"\b(?:release manager|lead maintainer|core developer)\s+(?:for|of)\s+" + _PACKAGES, True),
        # "I write midi-tinker in my spare time"
        (
            r"\b(?:i|we) (?:write|wrote|built|build|made) (?P<names>"
            + _PACKAGE
            + r")\b(?=\s*,|\s+(?:in|for|as|and)\b)",
            True,
        ),
        # "tessellate-client is the package our company publishes"
        (
            r"(?P<names>" + _PACKAGE + r")\s+is\s+(?:the|our|my)\s+(?:\w+\s+)?(?:package|project|"
            r"library|sdk)\b",
            True,
        ),
        # "The package I'd like to keep maintaining is client-report-kit."
        (r"\bthe (?:package|project|library) (?:i|we)\b[^.]{0,40}?\bis\s+" + _PACKAGES, True),
        # "hand over the quipu-tables package to my co-maintainer"
        (
            r"\bhand (?:over )?(?:the |my )?(?P<names>" + _PACKAGE + r")\s+(?:package|project)\b",
            True,
        ),
        # "my little mdslides-lite package": the name before the kind.
        (rf"{_WHOSE}(?P<names>{_PACKAGE})\s+(?:package|project|library|module)\b", True),
        # "I've put out a couple of dozen releases of spectrafit-lite"
        (
            rf"\b(?:i|i've|i have|we|we've|we have)\b[^.]{{0,40}}?\breleases?\s+of\s+{_PACKAGES}",
            True,
        ),
        # "I put a little logging program on PyPI called ham-logbook", "He put it on PyPI as x"
        (r"\b(?:on|to) pypi,?\s+(?:called|named)\s+" + _PACKAGES, True),
        (r"\bput (?:it|them|\w+) (?:up )?on pypi as\s+" + _PACKAGES, True),
        # "I make a small package called birdsong-id", "he wrote a tool named knitcount"
        (
            r"\b(?:i|we|he|she|they)\b[^.]{0,30}?\b(?:make|made|wrote|write|built|build|have|has|"
            r"maintains?|publish(?:es)?|created|keeps?|run|runs|shared?|released|put)\b[^.]{0,60}?"
            rf"\b(?:{_KIND}|things?|programs?|apps?|games?|scripts?)\b[^.]{{0,25}}?"
            r"\b(?:called|named)\s+" + _PACKAGES,
            False,
        ),
        # "maintenance of paqueteria-api, a package for …", "maintains astro-ephem, a small
        # ephemeris library"
        (
            rf"\b(?:{_CARE}|maintenance)\s+(?:of\s+)?(?:the\s+)?(?P<names>{_PACKAGE}),\s+(?:a|an|my|our|the)\s+"
            rf"(?:[\w-]+\s+){{0,3}}?{_KIND}\b",
            False,
        ),
        # "my first package, it is called turtle-mazes"
        (
            rf"{_WHOSE}(?:first |only |own )?{_KIND}\b[^.]{{0,20}}?\b(?:is|it'?s|it is) called\s+"
            + _PACKAGES,
            False,
        ),
        # "its the beanstalk-utils maintainer"
        (rf"\bthe\s+(?P<names>{_PACKAGE})\s+{_ROLE}", True),
    )
)
_COMMIT_EMAIL = re.compile(
    r"\bcommit\w*\b.{0,80}?(?P<email>\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})"
    r"|(?P<before>\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5})\b.{0,40}?\bcommit",
    _I,
)
# "my commits there are all from this email address": the commit email in words.
_COMMIT_ADDRESS = re.compile(
    r"\b(?:(?:my|the|our|older|earlier|all|every)\s+)*commits?\b[^.;:!?@()]{0,60}?"
    r"\b(?:this|that|the|my|our)\s+(?:[\w-]+\s+){0,3}?(?:e-?mail\s+)?address\b",
    _I,
)
# "you can see my name in the commits since 2019"
_NAME_IN_COMMITS = re.compile(
    r"\b(?:my|our) (?:full )?names?\b[^.;]{0,30}?\b(?:in|on) (?:the |all the |its |every )?"
    r"(?:\w+ )?(?:commits?|commit history|git history|git log)\b(?: since \d{4})?"
    # "every commit for the last four years has my name on it"
    r"|\b(?:every|each|all(?: the)?|the) commits?\b[^.;]{0,40}?\b(?:has|have|carry|carries|shows?|"
    r"bears?) my (?:full )?name\b(?: on it)?",
    _I,
)
_NOT_SAID = re.compile(r"\b(?:not|never|no)\b|n't\b", _I)
# "https://docs.lotusgrid.example.com", "…/docs/install": a project's documentation.
_DOCS_SITE = re.compile(r"^(?:https?://)?(?:docs|developers?)\.|\.docs\.|/docs?(?:/|$)", _I)
# "tags signed with my OpenPGP key", "signed with GPG key 0x5E1A9C07"
_KEY = (
    r"(?:gpg|pgp|openpgp|ssh|signing|sigstore)(?: signing)? (?:key|identity|certificate)\b"
    r"(?: 0x[0-9a-f]{6,40}\b)?"
    r"(?:,?\s+(?:fingerprint\s+)?(?:ending|ending in|with fingerprint)\s+[0-9a-f]{4,40}\b)?"
)
_SIGNED_THINGS = r"(?:releases?|release tags?|tags?|commits?|uploads?|wheels?|packages?|artifacts?)"
# "my commits are signed with my SSH key", "I sign releases of x with gpg key ending 9F3A",
# "the PGP key that is used to sign the releases": the claim with what it signs.
_SIGNED = re.compile(
    rf"(?:\b(?:all\s+)?(?:(?:my|our|the)\s+)?(?:\w+\s+)?{_SIGNED_THINGS}\b[^.;,]{{0,40}}?"
    r"\b(?:are|were|have been|get|is)\s+(?:all\s+|always\s+)?)?"
    rf"(?:\b(?:i|we)\s+(?:also\s+|always\s+)?)?\bsign(?:ed|s)?\s+"
    rf"(?:(?:all\s+)?(?:(?:my|our|the|every)\s+)?(?:\w+\s+)?{_SIGNED_THINGS}(?:\s+of\s+\S+)?\s+)?"
    r"(?:with|using|by)\s+"
    rf"(?:my |our |the same |the |his |her |a |an )?(?:own |team |project )?{_KEY}"
    # "release tags since v0.4 are GPG-signed by me", "signed with Sigstore using my identity"
    rf"|\b{_SIGNED_THINGS}\b(?:[^.;]|\.(?=\d)){{0,30}}?\b(?:are|were)\s+(?:all\s+)?"
    r"(?:gpg|pgp|ssh|sigstore)-signed\b"
    r"(?:\s+by me)?"
    r"|\bsigned (?:with|using|via) sigstore\b(?:\s+using my [\w-]+ identity)?"
    rf"|\b{_KEY}\s+(?:that is |which is |that'?s |i )?used to sign\b(?:\s+(?:the|my|our)\s+"
    rf"{_SIGNED_THINGS})?",
    _I,
)
# "was published from our GitHub Actions workflow with trusted publishing", "the trusted
# publisher for x was set up by me", "I can still push to the GitHub repo"
_INTENT = re.compile(
    r"\b(?:like to|want|would|will|plan\w*|once|could|should|going to|hope|if)\b|\?", _I
)
_PUBLISHING_CUES = ("trusted", "push", "access", "admin")
_PUBLISHING_CLAIM = re.compile(
    r"(?:[^.;]|\.(?=\w)){0,80}\btrusted publish(?:er|ing)\b[^.;]{0,80}"
    r"|\b(?:i|we)\s+(?:can\s+)?(?:still\s+)?(?:have\s+)?(?:push|commit|write|admin|maintainer)\s+"
    r"(?:access\s+|rights\s+)?(?:to|on|in)\s+(?:the\s+|my\s+|our\s+)?(?:github\s+|gitlab\s+)?"
    r"(?:repo|repository)\b"
    # "I can push a commit or a file of your choosing there"
    r"|\b(?:i|we)\s+(?:can\s+)?(?:still\s+)?push\s+(?:a|any|an?\s+\w+)\s+(?:commit|file|branch|tag)\b"
    # "I'm an admin of the ashanti-labs org"
    r"|\b(?:i'?m|i am|we are)\s+(?:an?\s+|the\s+)?(?:admin|owner)\s+of\s+the\s+[\w-]+\s+"
    r"(?:org|organi[sz]ation)\b",
    _I,
)
_CODE_HOST = re.compile(
    r"\b(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|sr\.ht|sourceforge\.net|"
    r"pypi\.org/project|readthedocs\.(?:io|org)|github\.io|gitlab\.io)/"
    # a forge of one's own: "gitlab.uni-halvard.example/kestrel/kestrelnet", "git.example.com/x/y"
    r"|//(?:git|gitlab|gitea|forgejo|codeberg|hg|src|source|code)\.[\w.-]+/[\w.-]+/[\w.-]+",
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
    packages projects libraries both following below listed index account accounts small
    little tiny internal private public open-source popular simple useful personal python
    scientific own main core new old first alone myself solo together jointly today tomorrow
    yesterday tonight soon later years months weeks days decades ages ago back since before
    once recently whose package project library client clients sdk sdks module modules plugin
    plugins framework frameworks wrapper wrappers extension extensions utility utilities helper
    helpers toolkit toolkits tool distribution distributions release releases upload uploads
    build builds version versions page pages name names half most many lots plenty dozens
    hundreds thousands people users everyone which system systems domain server infrastructure
    counts matters qualifies works breaks needs uses depends exists source sources maintain
    maintains live lives group groups ironic e.g i.e also ones other others more smaller bigger
    larger etc
    """.split()
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
            if not _NOT_EVIDENCE_URL.search(url)
            and (own_site or _CODE_HOST.search(url + "/") or _DOCS_SITE.search(url))
        ]
    if any(cue in lowered for cue in _CLAIM_CUES):
        # "maintainer of flaskmark (github.com/x/flaskmark) and gh-release-notes": the list
        # goes on past the aside.
        # "The lab maintains: kestrel-io", a list item under its lead-in, reads on without the colon
        unlisted = _LEAD_IN.sub(" ", sentence)
        for text in dict.fromkeys((sentence, _ASIDE.sub("", sentence), unlisted)):
            linked = _linked_names(text)
            for claim, plain in _OWNERSHIP_CLAIMS:
                for match in claim.finditer(text):
                    named = _package_names(match.group("names"), plain, linked)
                    if not named and plain:
                        named = _package_names(_first_closing_name(text, match), False)
                    items.extend(named)
    if "sign" in lowered:
        items += [match.group(0).strip() for match in _SIGNED.finditer(sentence)]
    if any(cue in lowered for cue in _PUBLISHING_CUES) and FIRST_PERSON.search(sentence):
        items += [
            match.group(0).strip()
            for match in _PUBLISHING_CLAIM.finditer(sentence)
            if not (_NOT_SAID.search(match.group(0)) or _INTENT.search(match.group(0)))
        ]
    if "@" in sentence:
        for match in _COMMIT_EMAIL.finditer(sentence):
            items.append(match.group("email") or match.group("before"))
    elif "commit" in lowered:
        worded = _COMMIT_ADDRESS.search(sentence) or _NAME_IN_COMMITS.search(sentence)
        if worded and not _NOT_SAID.search(worded.group(0)):
            items.append(worded.group(0))
    return items


# Every claim pattern holds one of these (a verb of owning, a kind of package, a role).
_CLAIM_CUES = (
    "maintain", "own", "author", "publish", "creat", "wrote", "releas", "upload", "develop",
    "look", "care", "responsib", "charge", "packag", "project", "librar", "distribution",
    "module", "tool", "helper", "plugin", "extension", "utilit", "wrapper", "client",
    "framework", "toolkit", "behind", "listed", "repo", "rights", "permission", "on pypi",
    "write", "keep", "manager", "built", "made", "pkg", "called", "named", "maintenance",
    "evidence", "proof", "maintan", "mantain", "paket", "projekt", "bibliot", "paquet", "proyect",
    "librer", "pacote", "projet", "pacchett", "progett", "пакет", "проект", "библиотек",
)  # fmt: skip


_LEAD_IN = re.compile(r"(?<=\w):\s+(?=\S)")
_ASIDE = re.compile(
    r"\s*\((?=[^()]*(?:://|github\.com|gitlab\.com|codeberg\.org))[^()]{0,120}\)", _I
)
_PACKAGE_LIKE = re.compile(r"[-_.\d]")
_VERSION = re.compile(r"v?\d+(?:\.\d+)*(?:[a-z]+\d*)?", re.I)
# "my projects expired", "which I own personally", "packages on PyPI going": an English
# word, not a package.
_ENGLISH_WORD = re.compile(r"[a-z]+(?:ed|ly|ing)")


def _first_closing_name(text: str, match: re.Match[str]) -> str:
    """A lower-case name the claim ends with ("…package, pixelfont, going on weekends"),
    or "" when there is none or it is the account's ("…under my own account, ialbrecht.")."""
    start = match.start("names")
    lone = _LONE_NAME.match(text, start)
    if lone is None or "account" in text[max(0, start - 20) : start].lower():
        return ""
    if not _KIND_WORD.search(text, match.start(), start):
        return ""  # "I build marionettes, and …": no package is named before it
    return lone.group("name")


_KIND_WORD = re.compile(rf"\b{_KIND}\b|{_FOREIGN_KIND}|\breleases? of\b", _I)
_LONE_NAME = re.compile(r"[`'\"“]?(?P<name>[a-z][a-z0-9]{3,})[`'\"”]?\s*(?=[.,;!)](?!\w)|$)")


_LINK_PATH = re.compile(r"/([\w.-]+?)(?:\.git)?/?(?=[\s)\]]|$)")


def _linked_names(sentence: str) -> frozenset[str]:
    """Names a link in the sentence ends with ("pyrgb (https://github.com/x/pyrgb)")."""
    return frozenset(name.lower() for name in _LINK_PATH.findall(sentence))


def _package_names(names: str, plain: bool, linked: frozenset[str] = frozenset()) -> list[str]:
    if _CODE_HOST.search(f"{names}/"):
        return []  # "I maintain github.com/jdoe/tool": the link is the claim
    parts = [p.strip("`'\"“”") for p in re.split(rf"\s*{_LIST_SEPARATOR}\s*", names, flags=_I)]
    named = [
        name
        for name in parts
        if len(name) >= 2
        and not _VERSION.fullmatch(name)
        and name.lower() not in NOT_USERNAMES
        and name.lower() not in _NOT_PACKAGES
        and not _ENGLISH_WORD.fullmatch(name)
    ]
    # One name that looks like a package makes the list a list of packages.
    if plain and not any(_PACKAGE_LIKE.search(name) or name.lower() in linked for name in named):
        return []
    return named


# An offer or a question instead of proof.
_OFFER = re.compile(
    r"\b(?:can|could|will|would|happy to|able to|willing to)\b.{0,30}?\b(?:prove|provide|show|"
    r"send|share|give|supply|verify)\b|\bif you\b|\bwhat (?:kind|sort|type) of\b|\blet me know\b"
    r"|\b(?:tell|ask) me\b|\?\s*$",
    re.I,
)
# A clause about someone, not a name: "he has the details", "it is on GitHub".
_TOLD = re.compile(r"(?:i|he|she|they|we|it|you|this|that|there)\b", re.I)
# A part longer than this with no claim in it is a sentence about the proof, not an item.
_ITEM_WORDS = 8
NONE_ANSWER = re.compile(
    r"^\W*(?:no|none|nothing|n/a|na|-|no other proof|not really|\(?left blank\)?)\.?$", re.I
)
_PARTS = re.compile(r"[\n;]|,\s+|\s+and\s+|\s+[-–—]\s+|(?<=\w)\.\s+(?=[A-Z])", re.I)
_PYPI_PROJECT = re.compile(r"pypi\.org/project/([^/\s]+)", re.I)
_BESIDE_LINK = re.compile(r"\([^()]*\)|\S+(?:://|\.(?:com|org|io|net)/)\S*", re.I)
_PACKAGE_NAME = re.compile(r"[A-Za-z0-9][\w.]*[-_.\d][\w.-]*[A-Za-z0-9]")


def answered_items(value: str) -> list[str]:
    """Claims in a value given under an evidence label or to a staff question.

    A part holding links or a claim gives those; a bare part ("quickplot-ch") is a
    package name or other proof in the requester's words.
    """
    if NONE_ANSWER.match(value.strip()):
        return []
    first, stop, _ = value.partition(". ")
    if stop and _PACKAGE_NAME.fullmatch(first.strip(" -*•")):
        value = first  # "nautical-almanac. Back on land in 10 days if you need anything."
    items: list[str] = []
    offered = bool(_OFFER.search(value))
    for part in (p.strip(" -*•.") for p in _PARTS.split(value)):
        if not part or yes_no(part) is not None:
            continue
        claims = ownership_items(part)
        long = len(part.split()) > _ITEM_WORDS and not _URL.search(part)
        told = offered or _TOLD.match(part)  # "I will ask him to send it, he has the details"
        if not claims and (_OFFER.search(part) or long or told):
            continue  # "I can prove it's mine if you tell me what you need": no proof yet
        items.extend(claims or [part])
        first = re.split(r"(?<=[.!?])\s+", part, maxsplit=1)[0]
        rest = _BESIDE_LINK.sub(" ", first).strip(" -*•.,")
        if claims and _PACKAGE_NAME.fullmatch(rest) and rest.lower() not in claims[0].lower():
            items.append(rest)  # "stripe-verify (github.com/…)": the name and its link
    return items


def claim_key(item: str) -> str:
    """One spelling per claim: lower case, no scheme, no "www.", no trailing slash or ".git"."""
    item = re.sub(r"^(?:https?://)?(?:www\.)?", "", item.strip().lower())
    return re.sub(r"(?:\.git)?/*$", "", item)


def distinct_claims(items: Iterable[str]) -> list[str]:
    """Items without repeats; a package name is dropped when its PyPI page is listed."""
    unique: dict[str, str] = {}
    for item in items:
        unique.setdefault(claim_key(item), item)
    pages = {name.lower() for key in unique for name in _PYPI_PROJECT.findall(key)}
    return [item for key, item in unique.items() if key not in pages]
