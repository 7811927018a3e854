"""What went wrong: reason sentences, reason kinds and the state of recovery codes.

"2FA codes" and "authenticator codes" are one-time codes, not recovery codes:
every rule here needs the words "recovery" or "backup" next to "code", except
"never saved/downloaded/wrote down any codes", which only recovery codes can be.
Words about the device ("the phone I reset") never set the codes: a reset or a
change only counts when the codes themselves are its object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from intake.extraction.prose import FIRST_PERSON, HEDGE, MAIL_NOT_MESSAGE

_I = re.I
CODES = (
    r"(?:(?:2fa |pypi )?(?:recovery|recovry|recovey|recvery|revovery|recov|backup|back-up|bakup|"
    r"recuperation|rescue|printed|notebook|paper|spare|emergency|fallback)[- ]?"
    r"(?:(?:one-time|one time|single-use|login|access) )?(?:codes?|numbers)"
    r"|codes? (?:(?:i|we) (?:had )?)?(?:printed|wrote down|written down|downloaded)"
    r"|codes? (?:of|for) (?:recovery|recuperation)"
    # "2fa codes from my recovery list"
    r"|codes? (?:from|on|in) (?:my|the|our) (?:recovery|backup) (?:list|sheet|file|page|printout))"
)
_ANY_CODES = rf"(?:{CODES}|\b(?:any|the|those|these|my|our|some|such|no|pypi'?s)\s+codes\b)"
_NOT_LOST = re.compile(
    r"\b(?:not|never|haven't|hasn't|didn't|did not|don't|do not)\s+(?:\w+\s+)?(?:lost|lose)\b"
    r"|\bnothing (?:is |was |has been )?(?:actually |really )?lost\b",
    _I,
)
_DEVICE = (
    r"(?:phone|smartphone|telephone|handphone|fone|mobile|handy|cell|celular|cellphone|tablet|ipad|"
    r"device|backpack|rucksack|handbag|bag|"
    r"authenticator|2fa app|"
    r"solokey|nitrokey|titan key|browser extension|authenticator extension|handset|"
    r"authentication application|authenticator application|"
    # "confirm via email for the 2FA reset": the reset they ask for, no trouble.
    r"(?<!for )(?<!request )(?<!about )(?<!reset of )"
    r"(?:my |the )2fa\b(?!\s+(?:codes?|prompt|screen|step|page|check))|"
    r"(?:totp|otp|2fa|mfa) secrets?|"
    r"totp app|otp app|authentication app|app of authentication|"
    r"security keys?|yubikeys?|hardware keys?|(?:2fa|mfa|u2f) keys?|webauthn(?: keys?| devices?)?|"
    r"fido2?(?: keys?)?|"
    r"u2f(?: keys?)?|extension data|google auth\w*|authy|second factor|token|samsung|"
    r"iphone|"
    r"pixel|android|totp seeds?|otp seeds?|2fa seeds?|passkeys?|touch ?id|face ?id|windows hello|"
    r"macbook|aegis|2fas|freeotp|raivo)"
)
# The device, or the second factor named by itself ("I did not transfer the TOTP").
_SECOND_FACTOR = rf"(?:{_DEVICE}|totp|otp|2fa|mfa)"
# A wiped vault lost the second factor when the sentence says so or is not about the
# password: "(I wiped my password manager vault)" after "I don't have the password" is not.
_VAULT_TROUBLE = (
    r"^(?:(?=.*\b(?:totp|2fa|authenticat\w*|seeds?|otp)\b)|(?!.*\bpassword\b)).*?"
    r"\b(?:vault|password manager|vaultwarden|bitwarden|1password|lastpass|keepass\w*|enpass|"
    r"dashlane|keeper)\b"
)
_DEVICE_NOUN = r"(?:phone|smartphone|mobile|device|tablet|laptop|computer|pc|notebook|ipad|app\b)"
_DEVICE_TROUBLE = (
    r"(?:los(?:t|e|ing)\w*|drop\w*|brok\w*|break\w*|stol\w*|wip\w*|reset\w*|replac\w*|"
    # "a login from a new device" or "verify the new device" is no trouble with one.
    r"(?<!from a )(?<!from the )(?<!verify the )(?<!confirm the )(?<!verify a )new(?!-device)|"
    r"chang\w*|went (?:along )?with|"
    r"switch\w*|mov\w*|dead|died|damag\w*|destroy\w*|smash\w*|crack\w*|fell|drown\w*|water|"
    r"factory|upgrad\w*|uninstall\w*|delet\w*|transfer\w*|surviv\w*|stopp\w*|wash\w*|gone|"
    r"re-?imag\w*|reflash\w*|swim\w*|took a swim|submerged|dunked|decommission\w*|"
    r"locked(?! out)|"
    r"only on|no longer|recognis\w*|recogniz\w*|crash\w*|format\w*|lake|sea|river|toilet|"
    r"robb\w*|left|taxi|train|forgot\w*|misplac\w*|snapp\w*|fail\w*|reinstall\w*|restor\w*|"
    r"pickpocket\w*|nick(?:ed)?|snatch\w*|mugg\w*|grabbed|"
    r"empty|sold|gave away|traded|taken|repair\w*|slipp\w*|sank|sunk|remov\w*|discontinu\w*|"
    r"crush\w*|recycl\w*|corrupt\w*|ruin\w*|flood\w*|initiali[sz]\w*|eras\w*|boot ?loop|"
    r"run over|ran over|driven over|"
    r"squash\w*|overboard|"
    r"flatten\w*|fried|bricked|melt\w*|burn\w*|hand\w* (?:it |them )?back|gave (?:it )?back|"
    r"give (?:it )?back|"
    r"gave up|give up|given up|(?:won't|doesn't|does not|will not) charge|stopped charging|"
    r"surrender\w*|"
    r"(?:won't|will not|doesn't|does not) switch on|"
    r"turned (?:it )?in|handed (?:it )?in|"
    r"(?:had|have) to (?:return|give back)|returned(?! (?:an?|the|error|invalid|nothing|no)\b)|"
    r"vanish\w*|disappear\w*|backed\b[^.]{0,30}\bover|swapp\w*|exchang\w*|chew\w*|gnaw\w*|"
    r"slid|reinitiali[sz]\w*|"
    r"(?:does not|doesn't|won't|will not|did not|didn't) "
    r"(?:start|boot|turn on|power on|work|register|respond))"
)
_TROUBLE_AFTER = (
    r"(?:stolen|lost|broke\w*|wiped|dead|died|reset|taken|sold|crash\w*|drown\w*|gone|slid|"
    r"(?:no longer|not) (?:being )?(?:detected|recogni[sz]ed)|"
    r"slipped|sank|went overboard|went missing|"
    r"destroyed|formatted|replaced|hand(?:ed)? (?:it |them )?back|gave (?:it )?back|bottom of)"
)
# Who held an account before, and what they did with it.
_ROLE = (
    r"(?:maintainer|owner|colleague|employee|admin\w*|cto|ceo|lead|boss|manager|founder|"
    r"co-?founder|contractor|intern|engineer|developer|sysadmin|team ?member|staff(?: ?member)?|"
    r"co-?worker|partner|supervisor|advisor|adviser|professor|mentor)"
)
_HELD = (
    r"(?:set (?:it |this |the account )?up|created|registered|owned|ran|managed|enabled|had|held|"
    r"controlled|left|leaving|departed|turned on|configured|maintained|handled|kept|took|"
    r"passed away|died|retired|moved on|quit|made)"
)
_RESET_CODES = (
    rf"{CODES}\b(?:\s+(?!{_DEVICE_NOUN})[\w'-][\w'.-]*(?<!\.)){{0,5}}?\s+"
    r"(?:were|was|have been|had been|got|seem to have been|seem to be)\s+(?:\w+\s+)?"
    r"(?:reset|regenerated|re-generated|changed|replaced|revoked|superseded|renewed|recreated|"
    r"generated again|created again)\b"
    rf"|\b(?:reset|regenerated|revoked)\s+(?:(?!{_DEVICE_NOUN})[\w']+\s+){{0,3}}?{CODES}"
    rf"|\bnew {CODES} (?:had|have|were|was) (?:been )?(?:generated|created)"
    rf"|\b(?:clicked|pressed|hit|tapped)\b.{{0,20}}?\bregenerat\w*\W+(?:\w+\W+)?{CODES}"
    rf"|\b(?:clicked|pressed|pushed|hit|tapped)\b.{{0,30}}?\b(?:make|generate|create|get)\s+(?:a\s+)?"
    rf"new\s+(?:set of\s+)?(?:{CODES}|codes)"
    # "hit regenerate in jan without noticing", "I regenerated them without realising"
    r"|\b(?:clicked|pressed|pushed|hit|tapped)\s+(?:the\s+)?[\"“']?regenerate\b"
    r"|\bregenerated (?:them|those|it)\b[^.]{0,30}?\bwithout (?:realis|realiz|notic|know)\w*"
    # "the new ones substituted the old ones"
    r"|\bnew (?:ones|codes|set)\s+(?:\w+\s+)?(?:substituted|replaced|superseded|invalidated|"
    r"overwrote|overrode)\s+the old (?:ones|codes)\b"
    rf"|\brefresh\w*\s+(?:my |the |our )?{CODES}"
    # "apparently I generated new recovery codes in November", "I did not realise
    # regenerating invalidates the old ones"
    r"|\b(?:apparently|accidentally|by mistake|unknowingly|inadvertently|mistakenly)\b[^.]{0,40}?"
    rf"\b(?:i|we)\s+(?:had\s+)?(?:re-?)?generated\s+(?:a\s+)?(?:new\s+)?(?:set of\s+)?{CODES}"
    r"|\b(?:i|we)\s+(?:had\s+)?(?:accidentally|unknowingly|inadvertently|mistakenly)\s+"
    rf"(?:re-?)?generated\s+(?:a\s+)?(?:new\s+)?(?:set of\s+)?{CODES}"
    r"|\b(?:did not|didn't|never) reali[sz]e\b[^.]{0,30}?\bregenerat\w*\b[^.]{0,30}?"
    r"\b(?:invalidat|replac|cancel|void|kill)\w*"
    # "My recovery codes stopped working. I think they were regenerated …": the next sentence
    rf"|{CODES}[^.!?]{{0,60}}[.!?]\s+(?:i think |i guess |apparently |it seems )?"
    r"(?:they|those|these) (?:were|had been|have been|got) (?:re-?generated|reset)\b"
    # "… are all rejected, and the security history page … shows they were regenerated"
    rf"|{CODES}[^.]{{0,200}}?\b(?:shows?|says?|said|showed) (?:that )?(?:they|the codes) "
    r"(?:were|had been|have been) (?:re-?generated|reset)\b"
    # "somebody generated new backup codes in my pypi, not me", a notice '"recovery codes
    # regenerated" but it is not me'
    rf"|\b(?:someone|somebody)\s+(?:else\s+)?(?:re-?generated|generated|reset|created)\s+"
    rf"(?:new\s+)?{CODES}"
    rf"|{CODES}[\"”']?\s+(?:re-?generated|reset)\b[^.]{{0,40}}?\b(?:not me|wasn't me|without me)\b"
    rf"|{CODES}\s+(?:were|was|have been|had been|got)\s+(?:freshly|newly)\s+(?:generated|created)\b"
    rf"|{CODES}[^.]{{0,80}}?\ba new set (?:was|had been|has been|got) (?:generated|created|made)\b"
    rf"|\bgenerat\w*\s+(?:new\s+)?{CODES}\s+again\b"
    rf"|{CODES}.{{0,80}}?\b(?:not|without) (?:realis|realiz|knowing|noticing)\w*\b"
    r".{0,30}?\binvalidat"
    r"|\b(?:regenerated|refreshed)\s+(?:the|my|our|all(?: the| my)?)\s+codes\b"
    r"|\b(?:the|my|our|those|these)\s+(?:old\s+|original\s+|printed\s+)?codes\s+(?:were|was|"
    r"had been|have been|got)\s+(?:\w+\s+)?"
    r"(?:regenerated|revoked|replaced|superseded|invalidated)\b"
    r"|\b(?:generated|created|made)\s+(?:a\s+)?new\s+(?:set|ones|codes)\b.{0,40}?\b(?:invalidat\w*|"
    r"killed|replaced|voided|cancell?ed)\b"
    rf"|{CODES}[^.!?]{{0,200}}[.!?]\s+[^.!?]{{0,200}}\b(?:regenerated|reset|revoked|replaced)\s+them\b"
    rf"|{CODES}[^.!?]{{0,120}}?\b(?:they|those|these)\s+(?:were|had been|have been|got)\s+"
    r"(?:\w+\s+)?(?:reset|regenerated|replaced|revoked|superseded)\b"
)

RECOVERY_CODE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (state, re.compile(pattern, _I))
    for state, pattern in (
        (
            "not_working",
            # "codes dont work?? tried all 10": a fragment under a subject about the codes
            r"^\W*(?:the |my |all )?codes\W+(?:dont|don't|do not|won't|wont) work\b|"
            rf"{CODES}\b.{{0,130}}?(?:\bnot (?:being )?(?:working|valid|accepted|work)|"
            r"\b(?:dont|doesnt|didnt) work\b|"
            r"n't (?:work|valid|be used|take|accept|"
            r"accepted|being accepted)|\bdo(?:es)? not work|\bdid not work|\breject\w*|\brefus\w*|"
            r"\binvalid|"
            # "a USB stick, which has since failed": the stick failed, not the codes.
            r"(?<!which )(?<!since )(?<!that )(?<!which has )\bfail(?:ed|s)?\b|"
            r"\bno longer (?:work|valid)|\bstopped working|"
            r"\bincorrect|\bnever (?:once )?(?:worked|work\w*|(?:been|got) accepted)\b|"
            r"\bnever (?:got|managed to get|could get) (?:any|one|a single one)?(?: of)? ?"
            r"(?:them|it|one|those|these)? ?to work\b|"
            # "in hindsight that was an error", "purged in error": a mistake, not a refusal.
            r"(?<!i was )(?<!i am )(?<!i'm )(?<!we were )\bwrong(?!ly)|"
            r"(?<!domain )(?<!address )(?<!mailbox )(?<!email )\bexpired|\bunsuccessful|"
            r"(?<!that was an )(?<!this was an )(?<!it was an )"
            r"(?<!which was an )(?<!in )\berror(?!\s+(?:from|on|of)\s+my\s+part)|"
            # "the codes i saved never worked, not once"
            r"\bnever worked\b|"
            r"\b(?:none|no one) (?:(?:of|from) them )?(?:is |are |was |were )?(?:accepted|valid|"
            r"working|work\w*)|"
            r"\bused (?:up )?(?:all|every one|each one|them all)\b|\b(?:ran|run|running) out\b|"
            r"\bburn(?:ed|t) through\b|\bno good\b|\b(?:are|'re|were) (?:all )?dead\b|"
            r"\bnot (?:a single|one)(?: one)? of them (?:is |was |were |are )?"
            r"(?:accepted|valid|work\w*)|"
            r"\bnone (?:are |is )?left\b|\ball (?:of them )?(?:are |were )?used\b|"
            r"\b(?:previously|already) (?:been )?used|\bused before|"
            r"\b(?:says?|said|tells? me|claims?|shows?)\b.{0,30}?\bnever generated)"
            # "I tried the codes …", never "I'll try to dig out the codes … don't count on it"
            # ("I have never used the recovery codes, not sure …": no try at all)
            rf"|(?<!never )(?<!n't )(?<!not )"
            r"\b(?:tried|used|entered|trying|using|enter|try|tries)\b(?!\s+to\b)"
            rf".{{0,40}}{CODES}.{{0,60}}?"
            r"(?:\bnot\b|n't\b|\breject|\brefus|\binvalid|\bfail|\berror|\bwrong|\bnone of them|"
            r"\bpreviously used|\balready used)"
            r"|\b(?:says?|said|tells? me|claims?|shows?)\b.{0,30}?\bnever generated\b.{0,20}?"
            + CODES
            + rf"|\b(?:not (?:a single|one|any)(?: one)?|none) of (?:my |the |our )?{CODES}\b"
            r".{0,30}?\b(?:accepted|valid|working|work\w*)"
            # "I still have the printed sheet, but none of the codes work"
            r"|\bnone of (?:the|my|our|those|these) (?:\w+ )?codes\s+(?:\w+\s+)?(?:work\w*|"
            r"(?:is|are|was|were) (?:accepted|valid))\b"
            rf"|\bused (?:up )?all (?:\w+ )?(?:of (?:my |the )?)?{CODES}"
            # "PyPI rejects every recovery code I have"
            r"|\b(?:rejects?|refuses?|won't accept|doesn't accept|does not accept)\s+"
            rf"(?:every|each|all|any|my)\s+(?:single\s+)?(?:one of (?:my |the )?)?{CODES}"
            rf"|\bused up (?:the last (?:one )?of )?(?:my |the |our )?{CODES}"
            rf"|\bused (?:up )?(?:my|the|our) (?:very )?last\s+{CODES}"
            rf"|{CODES}\W+(?:(?:i|we)\s+)?(?:have\s+|'ve\s+)?used (?:up )?(?:my |the |our )?"
            r"(?:very )?last (?:one|of them)\b"
            # "… logging in with recovery codes. I've now gone through the whole set"
            rf"|{CODES}[^.!?]{{0,200}}[.!?]?\s+[^.!?]{{0,40}}\b(?:gone|went|burned|burnt|worked) "
            r"through (?:the )?(?:whole|entire|full) (?:set|list|sheet|batch)\b"
            rf"|\bno\s+(?:more\s+)?{CODES}\s+left\b"
            # "Stolen phone plus rejected recovery codes"
            r"|(?<![\"“'])(?<!not )(?<!never )\b(?:rejected|invalid|non-working|refused|useless)\s+"
            r"(?:recovery|backup) codes\b"
            rf"|{CODES}\b[^.!?]{{0,200}}[.!?]\s+[^.!?]{{0,200}}\b(?:the|those|these|remaining|last|other)\s+"
            r"(?:\w+\s+){0,2}codes\b[^.!?]{0,40}?\b(?:reject\w*|refus\w*|invalid|not (?:accepted|"
            r"working|valid))"
            # "…tried the codes one by one. Every single one of them was rejected."
            rf"|{CODES}\b.{{0,300}}?[.!?]\s+(?:\w+\s+){{0,4}}?(?:every|each|all|none)\s+(?:single\s+)?"
            r"(?:one\s+)?"
            r"(?:of\s+them\s+)?(?:was|were|is|are|got|gets)?\s*(?:reject\w*|refus\w*|invalid|"
            r"not accepted)"
            rf"|{_RESET_CODES}",
        ),
        (
            "never_saved",
            # "There were never any recovery codes on my end because I didn't set it up."
            rf"\bthere (?:were|was) (?:never|not ever) any {CODES}"
            r"|(?:\b(?:never|didn't|didnt|did not|forgot to|failed to|neglected to)|"
            r"\b(?:i|we) (?:am |was |have |had |do )?not)\s+(?:\w+\s+){0,2}?"
            r"(?:save|saved|generate|generated|download|downloaded|downloded|write|wrote|written|store|"
            r"had|made|"
            r"enabled|activated|turned on|saving|downloading|writing|storing|keeping|printing|"
            r"retain|retained|"
            r"stored|keep|kept|print|printed|receive|received|set up|get|got|copy|copied|note|"
            r"noted|back(?:ed)? up|create|created)\b(?: down\b)?[^.!?]{0,60}?"
            + _ANY_CODES
            + rf"|{CODES}\s+(?:i|we)\s+(?:did not|didn't|did never|never|have not|haven't|am not|"
            r"was not)\s+(?:\w+\s+)?"
            r"(?:save|saved|download|downloaded|store|stored|keep|kept|print|printed|write|wrote)\b"
            + rf"|{CODES}.{{0,40}}\b(?:were|was|have|has|i)?\s*(?:have )?never (?:been )?"
            r"(?:saved|generated|downloaded|downloded|stored|kept|created|set up|printed|written|"
            r"wrote|noted|copied|made)"
            rf"|\bno {CODES} (?:were |was )?(?:ever )?(?:generated|saved|created)"
            # "no codes saved.", "I never bothered with recovery codes."
            r"|\bno codes (?:were |was )?(?:ever )?(?:saved|generated|downloaded|written down)\b"
            r"|\bnever bothered (?:with|to (?:save|download|print|write down))\b"
            rf"[^.]{{0,20}}?{CODES}"
            # "I never set up two-factor authentication on this account, so … no recovery codes"
            r"|\bnever (?:set up|enabled|turned on|activated)\s+"
            rf"(?:2fa|two[- ]factor(?: authentication)?|mfa)\b[^.]{{0,60}}?\bno {CODES}"
            # "Since I never set 2FA up there are no recovery codes on my side."
            r"|\b(?:since|because|as) (?:i|we) never (?:set (?:up )?(?:2fa|two-factor|it)(?: up)?|"
            rf"enabled|turned on|activated)\b[^.]{{0,30}}?\bno {CODES}"
            # "I obviously have no recovery codes since I never set it up"
            rf"|\bno {CODES}\b[^.;]{{0,12}}?\b(?:since|because|as)\s+(?:i|we)\s+(?:\w+\s+)?"
            r"never\s+(?:set (?:it|2fa|two-factor) up|"
            r"(?:enabled|activated|turned on) (?:it|2fa|two-factor)|"
            r"turned (?:it|2fa) on|had 2fa|used 2fa)\b"
            r"(?!\s+(?:there|on|for)\b|\s+in\b(?! the first place\b))"
            # "Saved recovery codes? No, never did."
            r"|\b(?:saved|downloaded|stored|kept|wrote down|printed|generated)\s+(?:the\s+|any\s+)?"
            rf"{CODES}\?\s*(?:no|nope|never)\b(?!\s*(?:idea|clue))"
            # "I never enabled 2FA myself, so there are no recovery codes"
            r"|\bnever (?:\w+ )?(?:enabled|set up|turned on|activated|switched on|set it up|used|"
            r"(?:turned|switched) (?:2fa|two-factor|it) on)\b"
            rf".{{0,120}}?\b(?:no|any|never had any)\s+{CODES}"
            rf"|{CODES}.{{0,40}}?\b(?:nobody|no one|none of us)\s+(?:ever\s+)?(?:\w+\s+)?"
            r"(?:saved|stored|kept|downloaded|generated|printed|wrote|copied)\b"
            r"|\b(?:nobody|no one|none of us)(?:\s+(?:on|in|at|from)\s+(?:the|our|my)\s+\w+)?"
            r"\s+(?:ever\s+)?(?:saved|stored|kept|downloaded|"
            rf"generated|printed|wrote down|copied)\s+(?:\w+\s+){{0,2}}?{_ANY_CODES}"
            rf"|\bno (?:2fa|two[- ]factor|mfa)\b.{{0,40}}?\bno\s+{CODES}"
            r"|\b(?:2fa|two[- ]factor|mfa)\b.{0,30}?\bnot (?:yet |even )?"
            r"(?:enabled|set up|activated|on)\b"
            rf".{{0,40}}?\bno\s+{CODES}"
            rf"|{CODES}.{{0,60}}?\b(?:i|we)\s+(?:did not|didn't|never|have not|haven't)\s+"
            r"(?:\w+\s+)?(?:save|saved|download|downloaded|store|stored|keep|kept|print|printed|"
            r"write|wrote|copy|copied|note|noted)\s+(?:them|it)\b"
            # "I don't have recovery codes, I never got any"
            rf"|{CODES}.{{0,60}}?\b(?:i|we)\s+(?:never|did not|didn't)\s+(?:got|get|received|"
            r"saved|downloaded|had|made)\s+any\b(?!\s+(?:of|to|new|more|working|other)\b)"
            # "About recovery code, I do not save it when I turn on 2FA"
            rf"|{CODES}.{{0,60}}?\b(?:i|we)\s+(?:do not|don't)\s+(?:save|download|write down|"
            r"print|keep)\s+(?:them|it)\s+(?:when (?:i|we) (?:turn|turned|set|enable|enabled|"
            r"activate|activated|switch|switched)\b|at (?:the|that) time|back then)"
            rf"|\bskipp\w*\s+(?:\w+\s+){{0,6}}?{CODES}|{CODES}\W+(?:\w+\W+){{0,5}}?skipp\w*"
            # "clicked past the page with the backup codes without saving anything"
            r"|\b(?:(?:clicked|went|skimmed|rushed) (?:past|through)|closed|dismissed)\b"
            rf".{{0,40}}?{CODES}"
            r".{0,30}?\bwithout (?:saving|downloading|writing|printing|copying|noting|storing)\b"
            rf"|{CODES}\W+(?:\w+\W+){{0,2}}?(?:i|we) (?:not|no|never) (?:save|saved|download|"
            r"downloaded|write|wrote|keep|kept|store|stored)\b"
            rf"|{CODES}\s+(?:i|we)\s+never\s+(?:bothered|thought|got around|cared)\s+to\s+"
            r"(?:save|download|write|print|copy|store|keep)\b"
            # "I had no idea about recovery codes" (but "no idea about recovery codes tbh" is
            # no idea of their state)
            r"|\b(?:had no idea|didn't know|did not know|never knew|never heard of|wasn't aware|"
            rf"was not aware)\b.{{0,20}}?\b(?:what|that|about|of|there were)\b.{{0,12}}?{CODES}"
            rf"|\bno idea (?:what|that)\b.{{0,12}}?{CODES}"
            rf"|\bnever (?:any |been any )?{CODES}\s+(?:\w+\s+){{0,2}}?(?:stored|saved|generated|"
            r"kept|created|printed)\b"
            rf"|{CODES}\W.{{0,120}}?\b(?:never|didn't|did not)\s+(?:\w+\s+)?(?:saved|downloaded|"
            r"stored|kept|printed|wrote|written|copied|noted|save|download|store|keep|print|write|"
            r"copy|note|generated|generate|created|create|saving|downloading|writing|keeping|printing)"
            r"(?:\s+(?:or|and)\s+\w+)?\s+(?:them|it|those|any)\b"
            # "…it's GitHub's codes, not PyPI's, so I clearly never saved the PyPI set at all"
            rf"|{CODES}.{{0,200}}?\bnever (?:\w+ )?(?:saved|downloaded|generated|printed|kept|"
            r"stored) (?:the |my |any )?(?:pypi |real |actual |right )?(?:set|ones)\b"
            # "About the fallback codes: … I clicked straight past that screen without saving"
            rf"|{CODES}.{{0,200}}?\b(?:clicked|went|skipped|rushed|scrolled)\b.{{0,30}}?\bpast\b.{{0,40}}?"
            r"\bwithout (?:saving|downloading|writing|printing|copying|noting|storing)\b"
            # "The recovery codes were not downloaded at the time"
            rf"|{CODES}\s+(?:were|was)\s+not\s+(?:downloaded|saved|generated|printed|stored|"
            r"written down)\b"
            # "I don't save the recovery code when I enable 2FA"
            r"|\b(?:i|we) (?:don't|do not) (?:save|download|print|write down)\b"
            rf"[^.]{{0,10}}?{CODES}"
            # "Recovery codes: none saved, ever."; "There are no codes at all - I never set up
            # 2FA"
            rf"|{CODES}\W+none (?:were |was )?(?:ever )?(?:saved|downloaded|generated|printed)\b"
            r"(?!\s+(?:on|in|to)\b)"
            rf"|\bno (?:codes|{CODES})\b[^.;]{{0,30}}?\bnever "
            r"(?:set (?:\w+ ){0,3}?up|enabled|turned on|switched on|activated)\b"
            r"(?!\s+(?:there|on|for|in)\b(?!\s+the first place))"
            # "I don't have recovery codes - I never set them up", "I never turned on 2FA
            # myself, so I have no device or codes for it"
            rf"|\b(?:don't|do not) have (?:any )?(?:{CODES}|codes)\W{{1,4}}"
            r"(?:(?:because|since|as)\s+)?(?:i|we) never "
            r"(?:set (?:them|it|any(?: of (?:this|it|that))?) up|saved|made|got|generated|had)\b"
            r"|\bnever (?:turned on|enabled|set up|activated|switched on)\b[^.]{0,60}?\bno "
            r"(?:device or |app or |key or )?codes\b"
            # "never saved codes", "I never saw any recovery codes myself"
            r"|(?:^|[,;]|\b(?:i|we))\W*never (?:saved|downloaded|generated|made|had|saw|wrote down|"
            r"printed)\s+(?:any\s+)?(?:the\s+|my\s+)?(?:recovery\s+|backup\s+)?codes?\b"
            # "Recovery codes: I don't have. I never save them.": the present, as some write it
            rf"|{CODES}\W+(?:[^.]{{0,30}}[.]\s+)?(?:i|we) never "
            r"(?:save|download|print|write down|keep)\s+(?:them|any|it)\b"
            # "codes? never made any", "codes ❌ never got them in the first place"
            r"|\bcodes?\W+(?:(?!lost\b)\w+\W+){0,2}?never (?:made|saved|got|received|downloaded|"
            r"generated|had)\s+"
            r"(?:any|them|one)\b"
            # "Codes never saved": a fragment answering our question.
            r"|(?:^|[,;])\W*(?:the |my |any |no )?codes?\W+(?:were |was |i )?never\s+"
            r"(?:saved|downloaded|generated|stored|kept|printed|written|noted|wrote)\b",
        ),
        (
            "lost",
            # "Codes: they were only in a screenshot on the dead phone"
            rf"{CODES}\W+(?:they\s+)?(?:were|was|are)\s+(?:only\s+)?(?:in|on)\s+(?:a|an|the|my)\s+"
            r"[^.]{0,40}?\bon (?:the|my|that) (?:dead|lost|stolen|broken|wiped|smashed|drowned) "
            r"(?:phone|device|laptop|tablet)\b|"
            # "my laptop bag was stolen from the train, in which my Yubikey and printed recovery
            # codes both were kept"
            r"\b(?:stolen|lost|taken|gone)\b[^.]{0,80}?\b(?:in which|where|"
            r"(?:which|that) (?:had|held|contained))\b[^.]{0,40}?" + CODES + r"|"
            # "the phone was stolen and the authenticator was on it, along with the codes"
            r"\b(?:stolen|lost|gone|broken|wiped|destroyed|taken|robbed)\b[^.]{0,80}?"
            r"\b(?:along with|together with|as well as)\s+(?:all\s+)?(?:the\s+|my\s+)?"
            + CODES
            + r"|\b(?:lost|lose|misplaced|can't find(?! where)|cannot find(?! where)|couldn't find|"
            r"could not find|can not find(?! where)|no longer have|don't have|do not have|"
            r"no access to|lost access to|"
            r"not able to (?:find|locate)|there (?:are|were) no|"
            r"deleted|threw away|without|unable to find|unable to locate|can't locate|"
            r"haven't found|have not found|have no|'ve no|got no|no have|have got no|no idea where|"
            r"no clue where|"
            r"don't know where|do not know where|can't remember where|"
            r"(?:did not|didn't|never) (?:hand\w*|give|gave|pass\w*|leave|left|share\w*)"
            r"(?: over| on| us| me)*)\b[^.!?]{0,50}"
            + CODES
            # "lost codes too": a terse line
            + r"|(?:^|[,;+&]|\b(?:i|we|also|and))\W*lost (?:the |my |all (?:the |my )?)?codes\b"
            r"(?! of conduct)"
            # "I still have my codes, so it's only the email and password I'm missing": the
            # loss is of another part.
             + rf"|{CODES}(?:(?!\b(?:e-?mail|password(?! manager)|user ?name)\b).){{0,120}}?"
            r"(?<!nothing is )(?<!nothing is actually )"
            r"\b(?:lost|gone(?! through)|deleted|missing|unavailable|"
            r"inaccessible|"
            r"suspended|erased|wiped|"
            r"no longer (?:available|accessible|there|usable)|in the (?:bin|trash)|"
            r"thrown (?:out|away)|got rid of|"
            r"(?:went|go|gone|thrown) (?:in|into|to|out with) (?:the )?(?:bin|trash|rubbish|"
            r"garbage|recycling|waste ?paper|shredder)|"
            r"destroyed|shredded|vanished|disappeared|unreadable|unreachable|illegible|ruined|"
            r"nowhere to be found|out of reach|"
            r"toast|"
            r"(?:can't|cannot|can not|could not|couldn't) be (?:found|located))\b"
            + rf"|{CODES}.{{0,130}}?\b(?:not have|don't have|do not have|no longer have|"
            r"haven't got|"
            r"can't access|cannot access|can't open|cannot open|can not open|can't get to|"
            r"no longer (?:can )?(?:open|access|get into)|can no longer (?:open|access|get into)|"
            r"can't get into|cannot get into|locked out of|"
            r"did not survive|didn't survive|not able to (?:find|locate)|unable to (?:find|locate)|"
            r"(?:didn't|did not) (?:come across|transfer|carry over|make it)|"
            r"(?:regard|consider|treat|count)\w*\s+them\s+as\s+(?:lost|gone)|"
            r"can't find(?! where)|cannot find(?! where)|can not find|couldn't find|could not find|"
            r"can't locate|cannot locate|can not locate|couldn't locate|could not locate|"
            r"left with (?:him|her|them|it)|went (?:along )?with (?:him|her|them|it|the [\w-]+)|"
            r"(?:delete|deleted|erased|removed|lost|threw away)\s+(?:it|them) by mistake)\b"
            rf"|{CODES}\W+(?:\w+\W+){{0,3}}?(?:no idea|don't know|dont know|do not know) where\b"
            rf"|(?:^|[,;:]\s*)no\s+{CODES}\b"
            # "the codes were in a vault since decommissioned, so they are no longer available"
            rf"|{CODES}\b[^.]{{0,120}}?\bno longer (?:available|accessible)\b"
            # "…, codes were on the phone too so lost"
            r"|(?:^|[,;]\s*)(?:the |my )?codes\b[^.,;]{0,40}?\bso (?:they(?:'re| are) )?"
            r"(?:lost|gone)\b"
            + rf"|{CODES}\b.{{0,60}}?\b(?:on|in|inside)\b.{{0,40}}?\b{_DEVICE_NOUN}.{{0,60}}?"
            + rf"\b{_TROUBLE_AFTER}"
            # "… the codes were on one of them. So they're gone."
            + r"|\b(?:the|my|our) codes\b[^.]{0,80}[.!?]\s+(?:so\s+)?they(?:'re| are| were)\s+"
            r"(?:\w+\s+)?(?:gone|lost|destroyed)\b"
            # "the password is gone as well, and so are the recovery codes"
             + rf"|\b(?:gone|lost|dead|destroyed|wiped|deleted)\b[^.]{{0,40}}?\bso (?:are|were) "
            rf"(?:the |my |our )?{CODES}"
            # "My phone was stolen Friday; the authenticator and my backup codes were both on it."
             + rf"|\b{_DEVICE_NOUN}\b[^.]{{0,30}}?\b{_TROUBLE_AFTER}\b[^.]{{0,80}}?{CODES}"
            r"[^.]{0,30}?\b(?:on|in) (?:it|there)\b"
            # "my phone fell in the sea and my 2FA codes were in an app on it, recovery codes
            # included"; "the backup codes were in a notes app on that phone, so those went too"
            + r"|\b(?:fell|dropped|lost|stolen|broke|died|wiped)\b[^.]{0,80}?\b(?:recovery|backup) "
            r"codes (?:included|as well|too)\b"
            + rf"|{CODES}\b[^.]{{0,80}}?\b(?:on|in)\b[^.]{{0,40}}?\b{_DEVICE_NOUN}\b[^.]{{0,20}}?\b"
            r"so (?:those|they|these) went (?:too|as well|with it)\b"
            # "lost phone + codes on a hike"
             + rf"|\blost (?:my |the )?{_DEVICE_NOUN}\s*(?:\+|&|and)\s*(?:the |my |all )?"
            r"(?:backup |recovery )?codes\b"
            # "Lost my 2FA phone; the codes were on it too."
             + rf"|\b(?:lost|broke|dropped|stolen)\b[^.]{{0,30}}?\b{_DEVICE_NOUN}\b[^.]{{0,20}}?"
            r"[;,]\s*(?:and\s+)?(?:the|my) codes (?:were|was) (?:on|in) it\b"
            # "Codes lost": a fragment answering our question (one-time codes are never lost).
             + r"|(?:^|[,;/])\W*(?:the |my |all )?codes?\b.{0,20}?\b(?:lost|gone|missing|"
            r"went (?:along )?with (?:the|that|my|it))\b"
            # "they were on the stolen phone" (not "never on the stolen phone")
             + rf"|{CODES}\b.{{0,40}}?(?<!not )(?<!never )\b(?:on|in|inside)\s+"
            r"(?:the|that|this|my)\s+(?:same\s+)?"
            r"(?:stolen|lost|broken|dead|wiped|destroyed|smashed|drowned|damaged|missing)\s+"
            rf"(?:\w+\s+)?{_DEVICE_NOUN}",
        ),
        (
            "have",
            # "my recovery codes are saved in a password manager"
            rf"\b(?:my|the|our) {CODES} (?:are|is) (?:still |safely |all |also )?"
            r"(?:saved|stored|kept|safe|printed|with (?:me|us)|in (?:my|our) (?:\w+ )?"
            r"(?:safe|drawer|desk|wallet|vault|password manager|notebook|binder|folder))\b"
            r"(?! (?:on|in) (?:the|that|my) (?:lost|stolen|old|broken|dead|wiped)\b| somewhere)"
            # "… saved on my work computer, and I left that job": kept where it is gone.
            r"(?![^.]*\b(?:lost|stolen|left|gone|wiped|died|broke|no longer|can't|cannot)\b)|"
            # "I found a printed sheet with my recovery codes in my passport wallet!"
            r"\b(?:i|we) (?:just |finally |still )?(?:found|have|kept) (?:a|an|the|my|our) "
            r"(?:printed |paper |old |written )?"
            r"(?:sheet|printout|print-?out|copy|paper|list|note|card)\b[^.!?]{0,30}?"
            r"\b(?:with|of|containing|listing) (?:all )?(?:my |the |our )?"
            + CODES
            + r"(?![^.]*\b(?:lost|stolen|left|gone|wiped|died|broke|no longer|can't|cannot)\b)|"
            r"\b(?:i|we) (?!had )(?:\w+ ){0,2}?(?<!had )(?<!my )(?<!the )(?<!did )(?<!used to )"
            r"(?:have|kept|saved|found) "
            r"(?:(?:my |the |our )?[\w-]+(?: [\w-]+)? (?:and|&) )?(?:all )?(?:of )?"
            r"(?:even |also )?(?:(?:a few|some|several|a couple) of )?(?:my |the |our )?"
            r"(?:a few |some |several |(?:\d+|two|three|four|five|six|seven|eight|nine|ten) )?"
            r"(?:unused |working |valid |spare |remaining |printed )?"
            + CODES
            + r"|\b(?:i've|i have|we've|we have) (?:still )?got (?:all )?(?:of )?(?:my |the |our )?"
            + CODES
            # "I did save recovery codes after all"
            + rf"|\b(?:i|we) did (?:save|keep|download|print|write down) (?:the |my |our )?{CODES}"
            r"(?![^.]*\b(?:but|lost|gone|went|left|wiped|stolen|no idea|sure)\b)"
            # "still have my recovery codes saved tho": a terse line
            + rf"|^\W*(?:still\s+)?(?:have|got|kept)\s+(?:all\s+)?(?:my |the |our )?{CODES}"
            # "the recovery codes i still have them printed here", "recovery codes yes i have them"
            + rf"|{CODES}(?:,|\s*[-–—:]|\W+yes\b,?)?\s+(?:i|we) (?:still )?have "
            r"(?:them|all of them)\b"
            # "recovery codes printed and in a drawer"
             + rf"|{CODES}\s+(?:printed|saved|stored|written down) and (?:kept |filed )?in\s+"
            r"(?:a|an|my|the|our)\s+(?:\w+\s+)?(?:drawer|safe|folder|binder|wallet|vault|notebook|"
            r"desk)\b"
            # "the printed sheet of recovery codes, which I keep in my desk drawer"
            r"|\b(?:sheet|printout|print-?out|copy|list|card) of (?:my |the |our )?"
            + CODES
            + r",? which (?:i|we) (?:still )?(?:keep|have|store)\b"
            r"(?![^.]*\b(?:lost|stolen|left|gone|wiped|died|broke|no longer|can't|cannot)\b)",
        ),
    )
)
_NEGATED = re.compile(r"\b(?:no|not|never|without|none)\b|n't\b", _I)


# Words one of which every match of a rule holds ("codes", a device word, …): a
# substring test is far cheaper than the rule, and most sentences have none of them.
_CODES_STEMS = (
    "codes",
    "recover",
    "recovry",
    "recovey",
    "revovery",
    "recov",
    "printed",
    "spare",
    "notebook",
    "paper",
    "bakup",
    "backup",
    "back-up",
    "rescue",
    "recuperat",
    "emergency",
    "fallback",
)
_DEVICE_STEMS = (
    "phone", "fone", "mobile", "handy", "cell", "celular", "tablet", "ipad", "device",
    "authenticat", "app", "bag", "backpack", "rucksack",
    "otp", "key", "authy", "factor", "token", "samsung", "pixel", "android", "seed", "vault",
    "password manager", "secret", "touch", "face id", "faceid", "windows hello", "macbook",
    "handset", "extension", "2fa", "google auth", "aegis", "2fas", "freeotp", "raivo",
)  # fmt: skip


# Words one of which each state's rule needs ("rejected", "never", …); "lost" has too
# many to list and is always asked.
_STATE_CUES: dict[str, tuple[str, ...]] = {
    "not_working": (
        "not", "n't", "reject", "refus", "invalid", "fail", "wrong", "expired", "unsuccessful",
        "error", "none", "used", "ran ", "run ", "running", "left", "before", "said", "says",
        "tell", "claim", "show", "burn", "good", "reset", "regenerat", "revoked", "changed",
        "replaced", "refresh", "generat", "every", "each", "all", "knowledge", "consent",
        "permission", "work", "accept", "valid", "supersed", "dead",
    ),
    "never_saved": (
        "never", "didn't", "didnt", "did not", "forgot", "failed", "neglected", "skipp", "idea",
        "know", "knew", "heard", "aware", "no ", "not ", "haven't", "have not", "nobody", "no one",
        "without", "none", "don't", "do not",
    ),
    "have": ("have", "kept", "saved", "found", "safe", "printed", "stored", "with me", " in my"),
}  # fmt: skip


def mentions_codes(sentence: str) -> bool:
    """Whether the sentence can speak of recovery codes at all ("Code of Conduct" cannot)."""
    lowered = sentence.lower()
    if _CODES_FRAGMENT.match(lowered):
        return True  # "Codes lost": a fragment answering our question
    return ("code" in lowered or "number" in lowered) and any(s in lowered for s in _CODES_STEMS)


_CODES_FRAGMENT = re.compile(r"\W*(?:the |my |all )?codes?\b(?! of conduct)")


@lru_cache(maxsize=4096)
def says(pattern: re.Pattern[str], sentence: str) -> bool:
    """Whether ``pattern`` is in ``sentence``: several rules ask it of the same sentence."""
    gate = _GATES.get(pattern)
    if gate is not None and not gate(sentence):
        return False
    return pattern.search(sentence) is not None


# "please ignore what I said about the codes being lost - I found the printout"
_FOUND_AFTER_ALL = re.compile(
    r"\bignore what (?:i|we) (?:said|wrote) about (?:the |my |our )?(?:recovery |backup )?"
    r"codes\b[^.!?]{0,40}?\b(?:i|we) (?:just |finally )?(?:found|have|still have) (?:them|the "
    r"(?:printout|sheet|list|card|paper)|it)\b",
    _I,
)


# "…, I think they were in a note on that phone, so they're gone too": the doubt was
# about where; the conclusion stands.
_CONCLUDED_GONE = re.compile(
    rf"{CODES}\b[^.!?]*?,?\s+(?P<conclusion>(?:so|and so|which means)\s+(?:(?:they|those|these|"
    r"the codes)(?:'re| are| were)\s+(?:all\s+|also\s+)?(?:gone|lost)\b"
    r"|(?:i|we)\s+(?:don'?t|do not|no longer)\s+have\s+(?:them|those|any)\b)[^.!?]*)",
    _I,
)


@lru_cache(maxsize=4096)
def recovery_code_state(sentence: str) -> str | None:
    """The recovery-codes state a sentence states, or None.

    A negative statement never reads as ``have``: "I haven't found my codes" is lost.
    A hedged one ("I'm fairly sure they are gone") says nothing for sure.
    """
    if not mentions_codes(sentence):
        return None
    if _FOUND_AFTER_ALL.search(sentence):
        return "have"
    state = _ruled_state(sentence)
    concluded = _CONCLUDED_GONE.search(sentence) if state is None else None
    if concluded and not HEDGE.search(concluded.group("conclusion")):
        return "lost"  # "I think they were on that phone, so they're gone too": said after all
    return state


def _ruled_state(sentence: str) -> str | None:
    lowered = sentence.lower()
    for state, pattern in RECOVERY_CODE_RULES:
        cues = _STATE_CUES.get(state)
        if cues and not any(cue in lowered for cue in cues):
            continue
        match = pattern.search(sentence)
        if match is None:
            continue
        doubt = HEDGE.search(match.group(0))
        if doubt:
            # "I cannot find them anywhere, I think they were lost when …": the statement
            # before the doubt stands on its own.
            match = pattern.search(sentence, 0, match.start() + doubt.start()) or match
        if state == "lost" and _NOT_LOST.search(match.group(0)):
            continue
        if state == "have" and (_NEGATED.search(match.group(0)) or _WISHED.search(sentence)):
            continue  # "I should have saved the recovery codes", "I wish I kept them"
        lead = sentence[max(0, match.start() - 40) : match.start()]
        lead = re.split(r"[,;:]", lead)[-1]
        # "No idea about recovery codes, he may have made some": the doubt follows.
        tail = re.split(r"[.;!?]", sentence[match.end() : match.end() + 80], maxsplit=1)[0]
        tail_doubt = _TAIL_DOUBT.search(tail)
        if HEDGE.search(lead + match.group(0)) or (tail_doubt and tail_doubt.start() < 40):
            return None  # the doubt is about this statement, not elsewhere in a run-on
        if state == "never_saved" and _ONLY_THERE.search(sentence, match.start()):
            return "lost"  # "not kept anywhere else, only on the phone": kept, and lost with it
        if _NOT_THAT.search(lead) and state != "not_working":
            continue  # "It's not that I never made recovery codes." (a rejection is said after)
        if _WAS_GOING_TO.search(lead) and not _SENTENCE_GAP.search(match.group(0)):
            continue  # "I was going to say I have my recovery codes, but …"
        if _OPEN_QUESTION.search(lead):
            continue  # "Whether I ever saved the recovery codes, I can't say."
        return state
    return None


_NOT_THAT = re.compile(
    r"\bnot (?:that|as if)\b|\b(?:isn't|is not|not) (?:true|the case) that\b", _I
)
_SENTENCE_GAP = re.compile(r"[.!?]\s")
_WAS_GOING_TO = re.compile(
    r"\b(?:was|were) (?:going|about) to (?:say|write)\b|\bwould have said\b"
    r"|\bthought (?:that )?(?:i |we )?$",
    _I,
)
_WISHED = re.compile(
    r"\b(?:should|could|would|ought to|must)(?: have|'ve)\b|\bwish\b|\bif only\b", _I
)
_OPEN_QUESTION = re.compile(r"\b(?:whether|if)\s*$", _I)
# "…, maybe it was on the old laptop I sold": a guess at where, not whether.
_TAIL_DOUBT = re.compile(
    r"\b(?:may|might|could) (?:have|still|be)\b"
    r"|\b(?:maybe|possibly|perhaps|not sure)\b(?!,? (?:it|they) (?:was|were) (?:on|in)\b)"
    # "…, so maybe that helps": a hope about the help, not a doubt about the codes
    r"(?! (?:that|this|it) (?:helps|will help|could help|is useful)\b)"
    r"|,\s*i (?:think|believe|guess)\W*$|\bas far as (?:i|we) (?:know|can tell)\b|\bafaik\b"
    # "No idea where the recovery codes are, if I ever had them": whether there were any.
    r"|\bif (?:i|we) (?:ever|even) (?:had|made|saved|got|generated|created)\b",
    _I,
)
# (not "never saved, neither on paper nor anywhere else": nowhere at all)
_ONLY_THERE = re.compile(
    r"(?<!nor )\b(?:anywhere else|elsewhere|only (?:on|in)|except (?:on|in))\b", _I
)


_PLACE = (
    r"(?:phone|smartphone|mobile|laptop|computer|pc|notebook|tablet|ipad|drive|disk|usb stick|"
    r"stick|sheet|paper|folder|binder|envelope|wallet|bag|backpack|drawer|box|notes|note|vault|safe|"
    r"office|desk|database|post-it|sticky note)"
)
# Where the codes were kept: "the codes were in a folder", "the laptop had my recovery codes".
_CODES_KEPT = re.compile(
    rf"{CODES}\b.{{0,60}}?\b(?:on|in|inside|into)\s+(?:[\w']+\s+){{0,3}}?(?P<place>{_PLACE})s?\b"
    rf"|\b(?P<holder>{_PLACE})\s+(?:had|held|contained|stored|kept)\s+(?:[\w,]+\s+){{0,6}}?{CODES}",
    _I,
)
_PLACES = re.compile(rf"\b{_PLACE}\b", _I)
# "… but the driver returned it", "I nearly left my phone on the train": not lost after all.
_GOT_BACK = re.compile(
    r"(?<!never )(?<!not )(?<!n't )\b(?:returned|gave (?:it|them) back|got (?:it|them) back|"
    r"brought (?:it|them) back|dropped (?:it|them) off|"
    r"recovered (?:it|them)|fixed (?:it|them)|repaired|found (?:it|them))\b"
    r"|\b(?:it|they) (?:is|are|was|were) (?:now )?back\b|\bback with me\b"
    r"|\b(?:almost|nearly|thought)\b",
    _I,
)
_CODES_ON_IT = re.compile(
    rf"{CODES}\b[^.]{{0,80}}?\b(?:were|was)\s+(?:both\s+|all\s+|also\s+)?(?:on|in)\s+"
    r"(?:it|there)\b",
    _I,
)
_PLACE_GONE = (
    r"(?:lost|stolen|taken|broke\w*|died|dead|wiped|destroyed|smashed|drowned|crashed|formatted|"
    r"recycl\w*|thrown|threw|trash\w*|binned|shredded|burn\w*|went missing|disappeared|gone|"
    r"traded(?: in)?|reset|gave (?:it )?to|given to|handed (?:it )?(?:back|in|over)|"
    r"left\b[^.]{0,30}?\b(?:taxi|cab|car|train|bus|plane|flight|restaurant|bar|cafe|hotel|airport)|"
    r"left (?:in|on|at|behind)|left behind|dropped|cleared|emptied|"
    r"sold|gave away|fell|snapped|cracked|wet|soaked|unreadable|illegible|ruined|damaged|"
    r"(?:won't|doesn't|does not|will not) (?:turn on|start|boot)|went into|fell into|"
    r"went over|slipped|"
    r"into the (?:canal|river|lake|sea|water|toilet|ocean)|no access to|no longer have access to|"
    r"lost access to|(?:can't|cannot|can no longer) (?:access|get into|enter)|"
    r"confiscated|seized|never (?:returned|given back|came back|found|turned up|recovered)|"
    r"(?:had|have) to (?:return|give back|hand (?:it )?(?:back|in))|"
    r"(?:customs|border (?:control|police|agents?|officers?)|police|security) (?:kept|took|seized|"
    r"held|confiscated))"
)


_PLACE_LOST = re.compile(
    rf"\b{_PLACE_GONE}\b.{{0,60}}?\b{_PLACE}\b|\b{_PLACE}\b.{{0,60}}?\b{_PLACE_GONE}\b"
    # "I left my phone on a plane"
    rf"|\bleft (?:my|the|our) {_PLACE}\b[^.]{{0,20}}?\b(?:in|on|at) (?:a|the)\s+(?:\w+\s+)?"
    r"(?:taxi|cab|car|train|bus|plane|flight|restaurant|bar|cafe|hotel|airport)\b",
    _I,
)


def _said_on_it(sentence: str) -> bool:
    """ "The recovery codes were on it", said for sure."""
    said = _CODES_ON_IT.search(sentence)
    if said is None:
        return False
    return not (HEDGE.search(sentence) or _NEGATED.search(said.group(0)))


def _gone_for_good(found: re.Match[str] | None, sentence: str) -> bool:
    """``found`` says a device or place is gone: not negated ("never lost my phone",
    "Customs never seized it"), and not got back later in the sentence."""
    if found is None:
        return False
    said = sentence[max(0, found.start() - _NEGATION_REACH) : found.end()]
    return not (_NEGATED.search(said) or _GOT_BACK.search(sentence))


# How far before a loss a "never" or "not" still denies it.
_NEGATION_REACH = 8


def kept_codes_lost(sentences: list[str]) -> tuple[str, str] | None:
    """The sentence saying where the codes were kept, and the one saying that place is gone.

    "The laptop had my recovery codes." … "My backpack was taken with my laptop in it."
    """
    for previous, sentence in pairwise(["", *sentences]):
        # "I left my phone on a plane. The TOTP app and the recovery codes were both on it."
        if _said_on_it(sentence) and _gone_for_good(_PLACE_LOST.search(previous), previous):
            return sentence, previous
        kept = _CODES_KEPT.search(sentence)
        if kept is None or HEDGE.search(kept.group(0)) or _NEGATED.search(kept.group(0)):
            continue  # "maybe they are on my old computer", "not on the stolen phone"
        places = {kept.group("place") or kept.group("holder")}
        places.update(p.lower() for p in _PLACES.findall(sentence[kept.start() :]))
        place = "|".join(sorted(map(re.escape, places)))
        gone = re.compile(
            rf"\b(?:{place})s?\b.{{0,60}}?\b{_PLACE_GONE}\b"
            rf"|\b{_PLACE_GONE}\b.{{0,60}}?\b(?:{place})s?\b",
            _I,
        )
        for other in sentences:
            if _gone_for_good(gone.search(other), other):
                return sentence, other
    return None


# "…goes to that dead address": the trouble is with something else than the device.
_NOT_DEVICE = r"(?:e-?mail|address|mailbox|inbox|domain|link|account)\b"
# Trouble and device in one clause: "my authenticator still works fine, but the mailbox is
# gone" says nothing is wrong with the authenticator.
_SAME_CLAUSE = r"(?:(?!\b(?:but|however|although|whereas)\b)[^;])"
REASON_KIND_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, _I))
    for kind, pattern in (
        # A stranger's second factor on the account: a takeover, even if the codes were
        # regenerated with it.
        (
            "other",
            r"\b(?:someone|somebody|an? attacker|an? hacker|an? intruder|an? stranger)\b[^.]{0,40}?"
            r"\b(?:registered|enrolled|added|set up)\b[^.]{0,30}?\b(?:security key|authenticator|"
            r"device|passkey|webauthn|totp)"
            r"|\b(?:registered|enrolled|added|set up)\s+(?:their|his|her) own (?:authenticator|"
            r"security key|device|key|2fa|totp)\b",
        ),
        (
            "codes_reset_unknowingly",
            _RESET_CODES
            + rf"|{CODES}.{{0,80}}?\bwithout my (?:knowledge|consent|permission)\b"
            + rf"|\bwithout my (?:knowledge|consent|permission)\b.{{0,80}}?{CODES}"
            rf"|\bregenerat\w*\b.{{0,40}}?{CODES}.{{0,40}}?"
            r"\bwithout (?:realis|realiz|notic|know)\w*",
        ),
        # The account changed hands (taken over, or left by the person who set it up):
        # that, not the device they took, is what staff must look into.
        (
            "other",
            # (not "after a friend had her email hacked": somebody else's)
            r"(?<!her email )(?<!his email )(?<!their email )(?<!her account )(?<!his account )"
            r"(?<!their account )"
            r"\b(?:compromised|hacked|hijacked|invaded|breached|phish\w*|"
            r"(?:taken|took|take|taking) over)\b"
            # "my supervisor did it for me on his own phone"
            r"|\b(?:did|set) (?:it|this|that)(?: up)?\b[^.]{0,20}?\bon (?:his|her|their) "
            r"(?:own |personal )?(?:phone|device|laptop)\b"
            # "One unknown security key got added", "a security key I never registered showed
            # up", "a new API token I didn't create": a second factor or token not theirs.
            r"|\b(?:unknown|unrecogni[sz]ed|strange|foreign|mystery)\s+(?:\w+\s+)?(?:security key|"
            r"device|authenticator|token|key|webauthn key|passkey)\b[^.]{0,30}?\b(?:added|"
            r"registered|appeared|showed up|created|enabled)\b"
            r"|\b(?:new|unknown|strange|unrecogni[sz]ed)\s+(?:\w+\s+)?(?:security key|device|"
            r"authenticator|token|key|passkey)\s+(?:that\s+)?i\s+(?:never|did not|didn't)\s+"
            r"(?:register|add|create|set up|enable)\w*\b"
            r"|\b(?:security key|device|authenticator|token|key|passkey)\s+(?:that\s+)?i\s+"
            r"(?:never|did not|didn't)\s+(?:register|add|create|set up|enable)\w*\s+"
            r"(?:showed up|appeared|(?:was|got|has been) added)\b"
            r"|\bwhoever (?:did|changed|took|hacked|logged|got|broke|added|enabled)\b"
            r"|\b(?:neither|none of (?:it|this|them)) (?:was|were) (?:me|mine|my doing)\b"
            r"|\b(?:wasn't|was not|weren't|were not) (?:me|my doing)\b"
            # "a TOTP device was added to my account, which I did not do"
            r"|\b(?:was|were|been|got) (?:added|enabled|turned on|switched on|registered|changed|"
            r"created)\b"
            r"[^.]{0,60}?,?\s*(?:(?:which|that|something) (?:i|we) |and (?:i|we) (?:definitely |"
            r"certainly )?)(?:did not|didn't|never) do(?: that| it| this)?"
            r"(?=\s*(?:[.,;!]|$))"
            r"|\b(?:2fa|two[- ]factor(?: authentication)?|mfa)\b.{0,30}?\b(?:switched|turned) on\b"
            r".{0,30}?\bwithout (?:my|me)\b"
            r"|\b(?:someone|somebody|an? attacker|an? hacker)\b(?: else)? (?:has |had )?"
            r"(?:logged|signed|got|broke|gained|enabled|added|set up|turned on|switched on|"
            r"activated|enrolled|replaced)\b"
            # (not "someone broke into my car and took my laptop": a theft of the device)
            r"(?!\s+into (?:my|our|the) (?:car|house|home|flat|apartment|office|van|room|locker|"
            r"hotel room|bag)\b)"
            # "I didn't add any security key"
            r"|\b(?:i|we) (?:didn't|did not|never) (?:add|register|create)\s+"
            r"(?:any|this|that|the|a|an)\s+(?:new\s+)?"
            r"(?:security key|device|authenticator|token|passkey|key)\b"
            # "2FA was enabled by someone else", "My grandson set up the extra security"
            r"|\b(?:enabled|set up|turned on|switched on|activated|configured|added)\b[^.]{0,30}?"
            r"\bby (?:someone|somebody) else\b"
            r"|\bmy (?:son|daughter|grandson|granddaughter|nephew|niece|husband|wife|partner|"
            r"brother|sister|father|mother|dad|mum|mom|kid|child|boss)\b(?: \w+)? (?:set up|"
            r"enabled|turned on|switched on|activated|added|configured|installed)\b[^.]{0,40}?"
            r"\b(?:2fa|two[- ]factor|mfa|totp|security|authenticat\w*|verification)"
            r"(?![^.]{0,30}\bfor me\b)"
            # "The organiser who set up 2FA moved abroad and doesn't reply"
            r"|\bwho (?:had )?(?:set up|enabled|configured|turned on|registered)\b[^.]{0,30}?"
            r"\b(?:2fa|two[- ]factor|mfa|totp|authenticat\w*)\b[^.]{0,30}?\b(?:moved|left|departed|"
            r"retired|died|passed away|vanished|disappeared|(?:is|has been) unreachable)\b"
            # "He has been unreachable since early 2022", "refuses to hand over the account"
            r"|\b(?:he|she|they)\s+(?:has been|is|was|have been|are|had been)\s+(?:completely\s+|"
            r"totally\s+)?(?:unreachable|unresponsive|uncontactable)\b"
            r"|\b(?:refuses|refused|won't|will not|declined) to (?:hand over|give (?:us )?back|"
            r"transfer|return|share)\b[^.]{0,20}?\b(?:account|2fa|password|key|access)\b"
            r"|\b(?:someone|somebody)\b(?: else)? (?:took|stole|hijacked|grabbed) (?:my|the|our) "
            r"(?:account|acct|acc|login)\b"
            r"|\b(?:2fa|two[- ]factor|mfa|totp)\b[^.]{0,30}?\bon the (?:phone|device|laptop) of "
            r"(?:a|an|our|the|my) (?:former|previous|old|departed)\b"
            r"|\b(?:someone|somebody)\b(?: else)? (?:has |had )?(?:changed|reset) (?:my |the )?"
            r"(?:password|e-?mail)\b"
            r"|\bunauthori[sz]ed (?:access|log ?ins?|sign-?ins?|changes?|party|person|user|"
            r"third party)\b"
            r"|\b(?:intruder|attacker|hacker)\b"
            # "there is 2fa on my account that i didnt add"
            r"|\b(?:2fa|two[- ]factor|mfa|totp|authenticator|security key)\b[^.]{0,40}?"
            r"\b(?:that|which)\s+(?:i|we)\s+(?:didn'?t|did not|never)\s+"
            r"(?:add|set up|enable|register|turn on)"
            # "the person who registered it left the university"
            r"|\b(?:person|one|guy|woman|man|colleague|student|people)\s+who\s+(?:registered|created|"
            r"set up|made|opened)\s+(?:it|the account|this account|our account)\b[^.]{0,40}?"
            r"\b(?:left|departed|retired|moved on|quit)\b"
            r"|\bfake (?:login|log-?in|sign-?in) (?:page|site|form)\b"
            # "locked after too many failed login attempts", "frozen after the malware report"
            r"|\b(?:is|was|got|has been) (?:locked|frozen|suspended|disabled)\b[^.]{0,20}?"
            r"\b(?:after|because of|due to|following)\b[^.]{0,20}?\b(?:too many|several|multiple|"
            r"repeated|failed|the|an?) (?:failed )?(?:(?:login|log-?in|sign-?in) attempts|"
            r"malware report|abuse report|security report|suspicious activity)\b"
            # "set up by a former engineer", "the previous maintainer left": not "a former
            # colleague persuaded me to publish"
            rf"|\b(?:previous|former|old) {_ROLE}\b.{{0,60}}?\b{_HELD}\b"
            rf"|\b{_HELD}\b.{{0,30}}?\bby (?:a|an|our|the|my|his|her) (?:previous|former|old) "
            rf"(?:\w+ )?(?:{_ROLE}|student|postdoc)\b"
            # "Ben left the project in 2023", "He's left Orca Systems": the holder is gone
            r"|(?-i:\b[A-Z][a-z]+)\s+(?:has\s+|had\s+)?(?:since\s+)?left\s+(?:the|our)\s+"
            r"(?:project|company|team|organi[sz]ation|university|lab|group|job)\b"
            r"|\b(?:he|she)(?:'s| has| had)?\s+(?:since\s+)?(?:left|quit|departed)\s+"
            r"(?:the\s+|our\s+)?(?:project|company|team|organi[sz]ation|university|lab|group|job|(?-i:[A-Z])\w+)"
            # "he has changed the account password and swapped the email"
            r"|\b(?:he|she)\s+(?:has\s+|had\s+)?(?:since\s+)?(?:changed|reset|swapped)\s+"
            r"(?:the\s+|my\s+|our\s+)?(?:account(?:'s)?\s+)?(?:password|e-?mail)\b"
            r"|\binherit\w*\b.{0,20}\baccount\b"
            # "I'm the only active maintainer left": the one who stayed.
            r"|(?<!\bonly )(?<!\bonly active )(?<!\blast )(?<!\bsole )"
            r"\b(?:maintainer|owner|colleague|employee|engineer|developer|dev|admin|founder|"
            r"co-?worker|guy|organi[sz]er|volunteer|treasurer|postdoc)\b.{0,80}"
            # "… the company handed the project over to me when I left": the requester left
            r"(?<!\bi )(?<!\bwe )\b(?:left|leaving|departed|passed away|died|retired)\b"
            # "My father, George, passed away in January, … the package": the owner is gone.
            r"|^(?=.*\b(?:account|package|project|maintain\w*|pypi)\b).*?\b(?:my|our) (?:late )?"
            r"(?:father|mother|dad|mum|mom|husband|wife|partner|brother|"
            r"sister|son|daughter|friend|uncle|aunt|grandfather|grandmother)\b(?:,[^,.]{0,40},)?"
            r"\s+(?:(?:has|had|sadly|unfortunately|recently)\s+)*"
            r"(?:passed away|died|is deceased)\b",
        ),
        # Somebody else set up or holds the second factor ("enabled in 2023 by a postdoc,
        # using his own phone", "created and run by Prof. X, who retired last year").
        (
            "other",
            r"\b(?:created|set up|run|registered|managed|owned|held)\b[^.]{0,30}?\bby\b[^.]{0,40}?"
            r"\bwho (?:has )?(?:since )?(?:retired|left|departed|passed away|died|moved on)\b"
            r"|\b(?:2fa|two[- ]factor(?: app| authentication)?|totp|mfa|authenticator)\b[^.]{0,40}?"
            r"\b(?:(?:lived|was|is|were|sat|ran|stored|kept|registered|bound to|tied to|linked to) "
            r"(?:on )?(?:his|her|their|(?:that|the|a|our|my) [\w-]+'s) "
            r"(?:own |personal |private )?(?:phone|device|laptop|authenticator|yubikey|key)"
            r"|(?:is|was|are|were) (?:held|controlled|owned) by (?:an? |our |the |my )?(?:[\w-]+ )?"
            r"(?:contractor|colleague|employee|developer|maintainer|person|admin\w*|engineer|student|"
            r"postdoc))\b"
            r"|\b(?:enabled|set up|turned on|activated)\b[^.]{0,60}?\busing (?:his|her|their) "
            r"(?:own|personal|private)\b"
            # "registered its two-factor authentication on his personal phone"
            r"|(?<!\bi )(?<!\bwe )\b(?:registered|enabled|set up|configured|put|turn(?:ed)? on|"
            r"switched on)\b[^.]{0,30}?\b(?:2fa|two[- ]factor"
            r"(?: authentication)?|mfa|totp)\b[^.]{0,20}?\b(?:on|with) (?:his|her|their) "
            r"(?:own |personal |private )?(?:phone|device|laptop|authenticator|yubikey|key)\b"
            r"|\b(?:enabled|set up|turned on|switched on|activated|configured)\b.{0,30}?\bby "
            r"(?:a|an|our|the|my) (?:postdoc|student|phd student|colleague|co-?worker|intern|"
            r"contractor|previous owner)\b",
        ),
        ("recovery_codes_not_working", RECOVERY_CODE_RULES[0][1].pattern),
        (
            "lost_2fa_device",
            # "pypi keeps asking for a 2fa code and I don't have the app anymore"
            r"^(?=.*\b(?:2fa|totp|otp|authenticat\w*|two[- ]factor)\b).*?"
            r"\b(?:don't|do not|no longer) have (?:the|my|that) app\b|"
            rf"\b{_DEVICE_TROUBLE}\b{_SAME_CLAUSE}{{0,60}}?\b{_DEVICE}"
            rf"|\b{_DEVICE}\b{_SAME_CLAUSE}{{0,60}}?\b{_DEVICE_TROUBLE}\b(?!\s+{_NOT_DEVICE})"
            # "a security key (…) for 2FA, but I lost it": the trouble names it again.
            rf"|\b{_DEVICE}\b[^.;]{{0,80}}?\b(?:(?:lost|broke|dropped|misplaced|destroyed|smashed|"
            r"crushed|sat on|stepped on)\s+it|"
            r"(?:ran|run|drove|backed|reversed)\b[^.;]{0,25}?\bover it)\b"
            rf"|{_VAULT_TROUBLE}{_SAME_CLAUSE}{{0,60}}?\b{_DEVICE_TROUBLE}\b"
            # "The TOTP secret lived in a vault … I lost access to my 1Password vault"
            # "my TOTP secret was in the work vault, and the vault access was revoked"
            r"|^(?=.*\b(?:totp|2fa|authenticat\w*|seeds?|otp)\b).*?\bvault\b[^.]{0,40}?\b(?:revoked|"
            r"removed|cut off)\b"
            r"|^(?=.*\b(?:totp|2fa|authenticat\w*|seeds?|otp)\b).*?\b(?:lost|no longer have) "
            r"access to (?:my |the |our )?(?:[\w-]+ )?(?:family )?(?:vault|password manager)\b"
            # "the extension and its secrets are gone"
            r"|\b(?:its|the|my|totp|2fa|otp)\s+secrets?\s+(?:are|is|were|was)\s+(?:all\s+)?"
            r"(?:gone|lost|wiped|deleted)\b"
            # "My laptop was stolen; it had my only copy of the 2FA secret"
            r"|\b(?:laptop|computer|pc|notebook|macbook|bag|backpack)\b[^.]{0,30}?\b(?:stolen|lost|"
            r"wiped|broke\w*|died|dead|destroyed)\b[^.]{0,60}?\b(?:it|which) "
            rf"(?:had|held|contained)\b[^.]{{0,40}}?{_DEVICE}"
            # "two hardware security keys; one was destroyed in a lab accident"
            rf"|\b{_DEVICE}\b[^.]{{0,40}}?;\s*(?:one|both|the (?:first|second|other)|each)\b"
            rf"[^.;]{{0,30}}?\b{_DEVICE_TROUBLE}\b"
            # "my phone went into the Vistula"
            rf"|\b{_DEVICE}\b[^.;]{{0,20}}?\bwent (?:into|in|overboard|under|over the side)\b"
            # "The security key was on my keyring, and the keyring was stolen"
            rf"|\b{_DEVICE}\b[^.;]{{0,60}}?\b(?:on|in|inside)\s+(?:my|the|a|our)\s+(?:keyring|keychain|"
            r"bag|backpack|wallet|purse|jacket|car|luggage|suitcase|pocket)\b[^.]{0,60}?"
            r"\b(?:stolen|lost|taken|gone|missing|robbed)\b"
            # "I lost my keyring during a move, and the key was on it."
            r"|\b(?:lost|stolen|dropped|misplaced)\b.{0,20}?\b(?:keyring|keychain|bag|backpack|"
            r"wallet|purse|jacket|luggage|suitcase)\b[^.]{0,60}?\b(?:security )?(?:key|yubikey|"
            r"phone|token)\b[^.]{0,15}?\b(?:was|were) (?:on|in|attached to) it\b"
            # "the authenticator program would not come across by itself", "I did not
            # transfer the TOTP before": the second factor stayed on the old phone.
            rf"|\b{_SECOND_FACTOR}\b[^.;]{{0,40}}?\b(?:would not|wouldn't|did not|"
            r"didn't|does not|doesn't|won't|will not|never|wasn't|was not)\s+(?:be\s+)?"
            r"(?:come|came|move|moved|carry|carried|transfer\w*|migrat\w*|sync\w*|copied|restored)"
            r"\s+(?:across|over|along|with it|to the new)"
            r"|\b(?:did not|didn't|forgot to|never|failed to|neglected to)\s+(?:\w+\s+)?"
            r"(?:transfer|"
            rf"migrate|move|copy|export)\b[^.;]{{0,20}}?\b{_SECOND_FACTOR}\b"
            # "my laptop bag was stolen; my YubiKey was on the key ring inside it"
            r"|\b(?:keyring|key ring|keychain|bag|backpack|wallet|purse|jacket|luggage|suitcase)\b"
            r"[^.]{0,20}?\b(?:was|were|got)\s+(?:stolen|lost|taken|nicked|snatched)\b[^.]{0,60}?"
            rf"\b{_DEVICE}\b[^.]{{0,40}}?\b(?:was|were)\s+(?:on|in|inside|attached to)\b",
        ),
        (
            "lost_email_access",
            r"(?<!n't )(?<!not )(?<!never )"
            r"\b(?:lost|no longer have|don't have|do not have|no|lack)\b (?:the )?(?:any )?"
            r"access to (?:my |the |that |its |our )?(?:account(?:'?s)? |pypi )?"
            r"(?:old |former |work |university |registered |group |team |shared |"
            r"linked |primary |original )?(?:e-?mail|inbox|mailbox)"
            r"|\b(?:e-?mail|address|mailbox|inbox)\s+(?:is|was|went|has gone|now)\s+dead\b"
            # "the email on the account is an old Yahoo address I no longer have access to"
            r"|\b(?:e-?mail|address|mailbox|inbox)\b[^.]{0,30}?\b(?:i|we) "
            r"(?:(?:no longer|don't|do not) have access|"
            r"(?:can't|cannot) (?:access|get into|log into))\b"
            # "I lost access to my old Yahoo address", "I can no longer access my university
            # address"
            r"|\b(?:lost access to|(?:can no longer|can't|cannot|no longer can) "
            r"(?:access|get into|log into))\s+"
            r"(?:my |the |that |its |our )?(?:[\w-]+ ){0,2}?(?:e-?mail|inbox|mailbox|address|"
            r"(?:gmail|yahoo|hotmail|outlook|proton(?:mail)?) account)\b"
            r"|\b(?:(?<!\ban )e-?mail\b" + MAIL_NOT_MESSAGE + r"|address|mailbox|inbox)\b"
            r".{0,80}\b(?:deleted|closed|deactivated|"
            r"disabled|gone|expired|shut down|shut off|cut off|turned off|switched off|"
            r"decommissioned|suspended|went with it|retired|"
            r"no longer exists|unaccessible|inaccessible|"
            r"does not exist|doesn't exist|doesnt exist|not renewed|went out of business|went bust|"
            r"closed down|folded)"
            r"|\b(?:e-?)?mail (?:system|server|service)s?\b.{0,20}?\b(?:was|were|got|has been|"
            r"have been) (?:\w+ )?(?:switched off|shut down|turned off|closed|decommissioned|"
            r"discontinued)\b"
            r"|\b(?:retired|shut down|closed|discontinued|deleted|deactivated|ended)\s+"
            r"(?:its|their|the|my)\s+(?:\w+\s+)?(?:mail|e-?mail|mailbox|inbox)\b"
            r"|\b(?:(?:can't|cannot|can no longer|no longer|unable to)"
            r"|(?:nobody|no one|none of us) can(?: any longer)?) (?:receive|get|read) "
            r"(?:any )?(?:mail|e-?mails?)\b"
            # "my old work address at my former employer, which I no longer have"
            r"|\b(?:e-?mail|address|mailbox|inbox)\b(?: (?:at|with|from) (?:my |our |the |an? )?"
            r"[\w-]+(?: [\w-]+)?)?,? (?:which|that) (?:i|we) "
            r"(?:(?:don't|do not|no longer|can't|cannot|can no longer) "
            r"(?:have|access|use|receive|read|open)|lost(?: access to)?)\b"
            r"|\b(?:google|gmail|yahoo|outlook|hotmail|microsoft|proton\w*|icloud|isp|work|university)\s+"
            r"(?:e-?mail\s+)?(?:account|group)\b.{0,40}\b(?:deleted|closed|deactivated|suspended|gone|expired|"
            r"shut down|removed)\b"
            r"|\baddress\b.{0,40}\b(?:belonged to|was (?:at|with|from|on|through)) (?:my |our )?"
            r"(?:old|former|previous|last) (?:job|employer|company|work|university|school|isp|"
            r"provider|workplace)\b"
            r"|\bdomain (?:i|we) no longer (?:own|have|control)\b"
            r"|\bno longer (?:control|own) (?:that|the|my|this) (?:e-?mail )?"
            r"(?:address|mailbox|inbox|domain)\b"
            r"|\b(?:dead|defunct|expired|closed|deleted)\s+(?:e-?mail\s+)?(?:address|mailbox|inbox)\b"
            r"|\b(?:e-?mail|mail|address)\b(?: on file)?\s+(?:now\s+)?bounces\b"
            r"|\blet (?:my |the |that |our )?(?:\w+ )?domain (?:expire|lapse|go)\b"
            r"|\bdomain (?:that )?(?:i|we) let (?:expire|lapse|go)\b"
            # "I can't open my old work mailbox, so password reset emails never reach me"
            r"|\b(?:can't|cannot|can no longer|unable to) (?:open|access|get into|log into|read) "
            r"(?:my |the )?(?:old |former |previous )(?:[\w-]+ )?(?:mailbox|inbox|e-?mail)\b"
            r"|\bdomain\b.{0,60}\b(?:let (?:it )?(?:expire|lapse|go)|expired|lapsed?|not renewed|"
            r"(?:sold|lost|gave up) (?:it|the domain))"
            r"|\blost (?:the|my|its) (?:\w+ ){0,2}e-?mail\b"
            r"|\bmail server\b.{0,30}\b(?:retired|shut down|decommissioned|closed|gone)\b"
            # "it was my work email and I no longer work there, so reset mails go nowhere"
            r"|\bwork (?:e-?mail|address|mailbox)\b[^.]{0,40}\b(?:no longer work there|"
            r"(?:don't|do not) work there any ?more)\b"
            r"|\b(?:reset|recovery|verification|confirmation) (?:e-?)?mails? (?:go|goes|went) "
            r"nowhere\b"
            r"|\bstopped (?:receiving|accepting|getting) (?:any )?(?:e-?)?mail\b"
            # "cant reset pw because reset goes to old work address"
            r"|\b(?:reset|recovery|verification|confirmation|login)\b"
            r"(?: e-?mails?| links?| mails?)?"
            r"\s+(?:goes|go|went|is sent|are sent|gets? sent)\s+to\s+(?:my |the |an? |that )?"
            r"(?:old|former|previous|dead|defunct|closed|expired|deleted)\s+(?:[\w-]+\s+)?"
            r"(?:e-?mail\s+|mail\s+)?(?:address|mailbox|inbox|account|e-?mail)\b"
            r"|\bleft the (?:\w+ )?(?:company|job|employer|university)\b.{0,40}"
            r"\b(?:address|e-?mail)",
        ),
        # 2FA they never turned on: a lost mailbox or device, if also told, comes first.
        (
            "other",
            r"\bnever (?:switched|turned) (?:2fa|two[- ]factor(?: authentication)?|it) on\b"
            # "has never had 2FA enabled by me"
            r"|\bnever (?:had|have) (?:2fa|two[- ]factor(?: authentication)?|mfa) (?:enabled|"
            r"turned on|switched on|set up|activated)\b"
            r"|\bnever (?:\w+ )?(?:enabled|set up|turned on|switched on|activated|configured)\b"
            r".{0,30}\b(?:2fa|two[- ]factor|mfa|totp)",
        ),
    )
)


def reason_kind(text: str) -> str:
    """Classify a reason; the more specific kinds win over the general ones."""
    for kind, pattern in REASON_KIND_RULES:
        if says(pattern, text):
            return kind
    return "other"


def main_cause(sentences: list[str]) -> tuple[str, str] | None:
    """The kind of the cause that stops the requester now, and the sentence saying it.

    An account that changed hands comes first (staff must look into that, whatever else
    failed); codes that fail stop someone whose phone is also lost (the codes would have
    let them in), and a lost second factor stops someone whose email is also gone.
    """
    # "So the real blocker is that I lost access to the account's email address": said so.
    marked = [sentence for sentence in sentences if _marks_main(sentence)]
    for group in (marked, sentences):
        for kind, pattern in REASON_KIND_RULES:
            for sentence in group:
                if says(pattern, sentence) and not _to_reader(sentence):
                    return kind, sentence
    return None


def _marks_main(sentence: str) -> bool:
    """ "So the real blocker is …", said as a fact: not asked, not doubted."""
    marker = _MAIN_MARKER.search(sentence)
    if marker is None or sentence.rstrip().endswith("?"):
        return False
    return not (_NEGATED.search(sentence[: marker.start()]) or HEDGE.search(sentence))


_MAIN_MARKER = re.compile(
    r"\b(?:the|my|our) (?:real|actual|main|core|underlying|root) (?:blocker|problem|issue|cause)"
    r"\b(?!\s+(?:is|was)(?:\s*n't|\s+not|\s+never)\b)"
    r"|\bwhat (?:actually |really )?(?:stops|blocks|prevents) (?:me|us)\b",
    _I,
)


# What can stop a sign-in: a device, codes that fail, a lost mailbox or password, a
# changed owner. Codes that are merely lost are no cause ("I have the password, the
# codes are lost" leaves the reason to ask). A tuple of patterns, so that ``says``
# remembers each one apart and the kind rules asked already are not asked again.
_OTHER_CAUSES = re.compile(
    r"\b(?:2fa|totp|authenticator|one-time|six-digit|6-digit|otp)\b.{0,40}\b(?:rejected|"
    r"invalid|not (?:accepted|working)|wrong|fail\w*)\b"
    r"|\b(?:reject\w*|refus\w*|not accept\w*)\b.{0,40}\b(?:2fa|totp|authenticator|otp|"
    r"one-time|six-digit|6-digit)\b"
    r"|(?<!not that i )(?<!n't )(?<!not )(?<!never )\bforg[eo]t(?:ten)?\s+(?:\w+\s+)?password"
    r"|\b(?:stolen|robbed|two-step|2-step|authentification|transferr\w*)\b",
    _I,
)
_CAUSES: tuple[re.Pattern[str], ...] = (*(rule for _, rule in REASON_KIND_RULES), _OTHER_CAUSES)


def _holds(*stems: str) -> Callable[[str], bool]:
    def gate(sentence: str) -> bool:
        lowered = sentence.lower()
        return any(stem in lowered for stem in stems)

    return gate


_RESET_CUES = (
    "reset", "regenerat", "revoked", "changed", "replaced", "refresh", "generat", "created",
    "made", "clicked", "pressed", "hit", "tapped", "knowledge", "consent", "permission",
    "supersed",
)  # fmt: skip
_RESET_GATE = _holds(*_RESET_CUES)
_NOT_WORKING_GATE = _holds(*_STATE_CUES["not_working"])
_KIND_GATES: dict[str, Callable[[str], bool]] = {
    "codes_reset_unknowingly": lambda s: (
        (mentions_codes(s) or "new " in s.lower() or "regenerat" in s.lower()) and _RESET_GATE(s)
    ),
    "recovery_codes_not_working": lambda s: mentions_codes(s) and _NOT_WORKING_GATE(s),
    "lost_2fa_device": _holds(*_DEVICE_STEMS),
    "lost_email_access": _holds("mail", "address", "inbox", "domain", "account"),
}
_TAKEOVER_STEMS = (
    "compromis", "hack", "hijack", "phish", "invaded", "breach", "unknown", "unrecogni",
    "strange", "foreign", "mystery", "i never", "i did", "i didn", " over", "someone", "somebody",
    "retired", "locked", "frozen", "suspended",
    "attacker", "signed", "enrolled", "their own", "else", "refus", "unreachable", "unresponsive",
    "uncontactable", "my son", "my daughter", "grandson", "granddaughter", "nephew", "niece",
    "my husband", "my wife", "my partner", "my brother", "my sister", "my father", "my mother",
    "my dad", "my mum", "my mom", "my kid", "my child", "my boss", "guy", "organi", "who set up",
    "who enabled", "who configured", "who registered", "who turned on", "who had",
    "unauthori", "previous", "former", "old ", "inherit", "left", "departed", "passed away", "died",
    "whoever", " me", "my doing", "his own", "her own", "intruder", "without", "not do", "n't do",
    "never do", "fake", "changed", "swapped",
)  # fmt: skip
# The four "other" rules: a stranger's second factor, a changed owner, somebody else's
# second factor, and 2FA never turned on.
_HOLDER_VERBS = _holds(
    "created", "set up", "run", "registered", "managed", "owned", "held", "lived", " was ", " is ",
    " were ", "sat", "ran", "stored", "kept", "controlled", "enabled", "turned on", "switched on",
    "activated", "configured", "bound to", "tied to", "linked to", "put", "turn on",
)  # fmt: skip
_HOLDER = _holds(" by ", " his ", " her ", " their ", "'s ")
_OTHER_GATES = (
    _holds("someone", "somebody", "attacker", "hacker", "intruder", "stranger", " own "),
    _holds(*_TAKEOVER_STEMS),
    lambda sentence: _HOLDER(f" {sentence} ") and _HOLDER_VERBS(f" {sentence} "),
    _holds("never"),
)
_OTHER_RULES = tuple(rule for kind, rule in REASON_KIND_RULES if kind == "other")
_GATES: dict[re.Pattern[str], Callable[[str], bool]] = {
    **{rule: _KIND_GATES[kind] for kind, rule in REASON_KIND_RULES if kind in _KIND_GATES},
    **dict(zip(_OTHER_RULES, _OTHER_GATES, strict=True)),
}
_LOCKED_OUT = re.compile(
    r"\b(?:locked out|lock(?:ed)? me out|blocked out|can'?t (?:log|sign|get)|cannot (?:log|sign|"
    r"get|enter|access)|can not (?:log|sign|enter|access)|unable to (?:log|sign|access)|"
    r"not able to (?:log|sign)|no longer have access|lost access|no access)\b",
    _I,
)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", _I)


_CLAUSE_END = re.compile(r"[,;:]")
_CLAUSES = re.compile(r"[,;:]|\band\b|\bbut\b", _I)
_DEVICE_RULE = next(rule for kind, rule in REASON_KIND_RULES if kind == "lost_2fa_device")
_ABOUT_ACCOUNT = re.compile(r"\b(?:account|pypi|maintainer|owner)\b", _I)


_CODES_WORDS = re.compile(CODES, _I)


_ASKS_RESET = re.compile(
    # "Username is corvid-labs, please reset my 2FA.": the name said first is no cause either
    r"\W*(?:(?:my )?(?:pypi )?(?:user ?name|account)(?: is)?\s+[\w.-]+,\s+)?"
    r"(?:(?:hi|hello|hey)\W+)?(?:(?:could|can|would|will) (?:you|someone|somebody)|please|pls|"
    r"kindly)\b[^.?!]{0,40}?"
    r"\b(?:reset|remove|disable|turn off|switch off|clear|reset)\b[^.?!]{0,30}?"
    r"\b(?:2fa|two[- ]factor(?: authentication)?|mfa|totp)\b"
    r"(?:\s+(?:on|for|from) (?:my|the|this|our) (?:pypi )?account)?(?:,?\s*[\w.-]+)?"
    r"(?:,?\s+(?:please|asap|for me))?"
    # "…, I agree to the code of conduct.": an agreement after the request is no cause
    r"(?:,\s*(?:and\s+)?(?:i|we) (?:agree|understand|accept)\b[^.?!]*)?\s*[?.!]*\s*$",
    _I,
)


def _own_statement(sentence: str) -> bool:
    """Said of the requester's own situation: in the first person, or as a bare fact.

    "The hardware key of the account was lost" and "phone got smashed" are causes;
    "Recovery codes are lost, they were on the same phone" answers about the codes.
    """
    if _ASKS_RESET.match(sentence):
        return False  # "Could you please reset the 2FA on my account?": what they ask for
    if FIRST_PERSON.search(sentence):
        return True
    if _to_reader(sentence):
        return False
    # "2fa app gone after a phone reset, no backup codes saved": the codes come after.
    # "Recovery codes don't work.": codes that fail are a cause, lost ones an answer.
    first_clause = _CLAUSE_END.split(sentence, maxsplit=1)[0]
    if _ABOUT_ACCOUNT.search(sentence) or not _CODES_WORDS.search(first_clause):
        return True
    # "never bothered with the backup codes and now the phone's gone": the device is the cause
    if any(
        says(_DEVICE_RULE, clause) and not _CODES_WORDS.search(clause)
        for clause in _CLAUSES.split(sentence)
    ):
        return True
    return ":" not in sentence and recovery_code_state(sentence) == "not_working"


def _to_reader(sentence: str) -> bool:
    """Advice or a question to the reader ("if your codes fail, …?"), not a fact of the case."""
    if FIRST_PERSON.search(sentence):
        return False
    return bool(_SECOND_PERSON.search(sentence)) or sentence.rstrip().endswith("?")


def reason_sentences(sentences: list[str]) -> list[str]:
    """One or two sentences saying why the requester is locked out.

    A sentence naming the cause (a lost device, codes that fail) wins over one that
    only says "I can't log in"; the next sentence joins it when it goes on about the
    cause, or else the sentence with the main cause when that is another one.
    """
    main = main_cause(sentences)
    for index, sentence in enumerate(sentences):
        if _names_cause(sentence) and _own_statement(sentence):
            following, after = (*sentences[index + 1 : index + 3], "", "")[:2]
            if following and _names_cause(following):
                return [sentence, following]
            if len(following.split()) <= _ASIDE_WORDS and after and _names_cause(after):
                return [sentence, following, after]  # "… Or I thought I did. It turns out …"
            if main and main[1] != sentence:
                return [sentence, main[1]]
            return [sentence]
    return [s for s in sentences if _LOCKED_OUT.search(s) and FIRST_PERSON.search(s)][:1]


_ASIDE_WORDS = 5


def is_lockout_only(reason: str) -> bool:
    """A reason that only says the requester cannot sign in, without a cause."""
    return not _names_cause(reason)


def _names_cause(sentence: str) -> bool:
    return any(says(pattern, sentence) for pattern in _CAUSES)
