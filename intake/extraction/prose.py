"""What a prose sentence states about the credentials: which parts are still had.

Each rule is data (patterns) read by one small function. Negation and hedging
decide polarity: "I no longer have access to my email" is a denial, "I think I
still have the password" confirms nothing.
"""

from __future__ import annotations

import re

_I = re.I
# "an email draft", "emails that my password was changed", "emails from PyPI saying …":
# messages, not the mailbox; "my email prefix" is a name, not the mailbox either.
MAIL_NOT_MESSAGE = (
    r"(?!(?:\s+from\s+(?:pypi|you|github))?\s+(?:drafts?|messages?|attachments?|"
    r"threads?|notifications?|conversations?|folders?|prefix(?:es)?|local[- ]part|signature|"
    r"and messages|and texts|and calls|changed[\"”']?\s+(?:notice|notification|alert|message)|"
    # "the email that said …" is a message, "the email that is on the account" the mailbox
    r"notes?|that(?!\s+(?:is|was)\s+(?:on|registered|linked|associated|tied))|saying|about|"
    r"telling|notifying|informing|confirming)\b)"
)

NEGATION = re.compile(
    # "dahl-consulting.no" is a Norwegian address, not a "no"
    r"(?<![.@/])\b(?:not|no longer|never|no|none|lost|forgot|forgotten|forget|without|unable|gone|"
    r"deactivated|"
    r"deleted|closed|expired|defunct|disabled|inaccessible|unaccessible|unreachable|unusable|"
    r"lack|missing|neither|nor|nobody|no one|shut down|terminated|cancell?ed|suspended|"
    r"discontinued|dead|lapsed?|expire|bounc\w*|didnt|dont|doesnt|cant|wont|havent|hasnt|isnt|retired|"
    r"wasnt|couldnt|arent)\b|n't\b|\bcannot\b"
    r"|\b(?:someone|somebody|an? attacker|the attacker|an? hacker|the hacker|they|he|she)\b"
    r"(?:(?:\s+\w+){0,2}\s+|[^.;]{0,120}?\b)(?:changed|reset)\b"
    # "a notification that the email address was changed" (and it was not them)
    r"|\b(?:e-?mail(?: address)?|address|password)\s+(?:was|had been|has been|got)\s+changed\b"
    # "the account email is his private Gmail address": someone else's
    r"|\b(?:is|was)\s+(?:his|her|their)\s+(?:own\s+|private\s+|personal\s+|work\s+)*"
    r"(?:gmail\s+|e-?mail\s+)?(?:address|e-?mail|one|account|inbox)\b"
    r"|\bleft (?:the|my|that|this|our) (?:\w+ )?(?:company|job|employer|university|school|firm|"
    r"organi[sz]ation|workplace|institute|lab)\b"
    # "an old work address at a company I left in 2023"
    r"|\b(?:company|job|employer|university|school|firm|organi[sz]ation|workplace|institute|lab)"
    r" (?:that |which )?(?:i|we) (?:have |had )?(?:since )?left\b",
    _I,
)
# "I'll have to check", "I'd need to verify": a check still to do.
_TO_CHECK = (
    r"(?:i|we)(?:'ll| will| would|'d)? (?:have|need) to (?:check|verify|confirm|find out|"
    r"double-check)"
)
HEDGE = re.compile(
    r"\b(?:i think|think|maybe|might|probably|prob|probs|prolly|idk|dunno|possibly|perhaps|"
    r"not sure|unsure|i believe|suspect|"
    r"not (?:even )?(?:completely|entirely|totally|quite|really|100%|even|a hundred percent|"
    r"one hundred percent) sure|"
    rf"{_TO_CHECK}|"
    r"\bill (?:have|need) to (?:check|verify|confirm|find out)|"
    r"(?:must|should) (?:first )?(?:check|verify|find out)|check whether|"
    r"may have|may never|might never|still looking|looking for them|searching for them|"
    r"may or may not|might or might not|"
    r"(?:there's|there is) a chance|"
    r"(?:i|we)(?:'ll| will) check|"
    r"hopefully|i guess|i hope|not certain|if i remember|may still|should still|"
    r"as far as (?:i|we) know|afaik|if (?:i|we) (?:can )?find (?:them|it)|don't hold me to|"
    r"should be (?:saved|stored|kept|somewhere)|"
    r"fairly sure|pretty sure|quite sure|almost sure|(?:couldn't|could not|can't|cannot) "
    r"(?:tell|say)(?: you)?(?: (?:whether|if))?|"
    r"(?:have not|haven't|not yet) (?:checked|looked)|"
    r"(?:can't|cannot|can not|couldn't|could not|unable to) prove|"
    r"not 100%|i suppose|i (?:assume|presume) (?:that )?(?:i|we)\b|could be|"
    r"(?:no idea|don't know|do not know|not know) (?:whether|if)|"
    # "can't remember which username I picked" is not knowing it, not a doubt
    r"(?:cannot|can't|can not|don't|do not|not) (?:\w+ )?(?:recall|remember) (?:whether|if|"
    r"which(?! (?:user ?name|login|account name) (?:i|we)\b))|"
    r"either \S+ or|"
    r"limited|partial|partially|sometimes|intermittent\w*)\b",
    _I,
)
_DOUBLE_NEGATIVE = re.compile(
    # "It isn't that I can't read my email"
    r"\b(?:it isn't|it's not|it is not) (?:that|as if) (?:i|we) (?:can't|cannot|don't|do not) "
    r"(?:read|access|know|have|get|remember)\b|"
    r"\b(?:have not|haven't|did not|didn't|never) (?:lost|forgotten|forgot|lose|forget)\b"
    r"|\b(?:it's|it is) not that (?:i've|i have|i) (?:lost|forgotten|forgot)\b"
    # "It's not that I don't know my password", "Nor is it the case that I've lost the email"
    r"|\b(?:it's|it is|it isn't|it is not) (?:not )?(?:that|the case that|true that) "
    r"(?:i|we) (?:don't|do not|didn't|did not) (?:know|have)\b"
    r"|\bnor is it (?:the case|true) that (?:i've|i have|we've|we have) (?:lost|forgotten)\b"
    r"|\b(?:i'm|i am) not without\b"
    # "(in my password manager, which is on my laptop and wasn't affected)"
    r"|\b(?:wasn't|was not|weren't|were not|isn't|is not) (?:affected|touched|damaged)\b",
    _I,
)
_DEVICE_WORDS = (
    r"(?:2fa|two[- ]factor|mfa|totp|phone|smartphone|mobile|device|tablet|laptop|authenticator|"
    r"security key|yubikey|hardware key)"
)
# Trouble with the second factor, and "can't log in": they say nothing about the
# username, password or email even when one is named in the same clause.
# "I wrote that …", "I said I …": what the requester said before, not what they say now.
_REPORTING = (
    r"\b(?:i|we) (?:wrote|said|told you|mentioned|stated)(?: before| earlier| above)?"
    r"(?: that\b| (?=i\b|the\b|my\b))"
)
_NEUTRAL_PHRASES = re.compile(
    r"\b(?:can't|cannot|can not|couldn't|could not|unable to|not able to|no way to)\s+"
    r"(?:log ?in|sign ?in|login|(?:access|get in|get into|enter|use) (?:to )?(?:my |the |this )?"
    r"(?:pypi(?:\.org)?|account)(?: account)?)\b"
    r"|\b(?:lost|lose|broke|broken|stolen|reset|wiped|no longer have|don't have|do not have)"
    r"\s+(?:my|the|access to my|access to the)?\s*(?:[\w-]+\s+){0,2}?" + _DEVICE_WORDS + r"\b"
    r"(?:\s+(?:app|application|data|entries))?(?:\s+with (?:the |my )?\w+(?: app)?)?"
    # "I lost the phone that had the authenticator on it"
    r"(?:\s+(?:that|which) (?:had|held|has) (?:the |my )?\w+(?: app)?(?: on it)?)?"
    r"|\b(?:no|without|with no|without any) (?:problems?|issues?|trouble|worries)\b"
    # "…, it's only the second factor that is gone"
    r"|\b(?:(?:it's|it is|it was)\s+)?(?:only|just)\s+(?:the|my)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:" + _DEVICE_WORDS + r"|second factor|recovery codes|codes)\b(?:\s+(?:that|which))?"
    r"(?:\s+(?:is|was|are|were|'s))?\s+(?:gone|lost|missing|broken|dead|the problem)\b"
    # 'I used "forgot password"': the name of the link.
    r"|\b(?:used|clicked|hit|tried|via|through|with)\s+(?:the\s+)?[\"“']forgot(?:ten)?\s+"
    r"(?:your\s+|my\s+)?password\??[\"”']"
    # "the codes the site asks for after I enter my password": the step, not a loss.
    r"|\b(?:pass|asks?(?: me)? for|wants|requires|prompts?(?: me)? for)\b[^.;,]{0,20}?\bafter "
    r"(?:i (?:enter|type|put in)\s+|entering\s+|typing\s+)?(?:my |the )?password\b"
    r"|\bnothing (?:else )?(?:is )?(?:missing|wrong|affected|broken)\b"
    # "…, no notifications about any changes though": no news, no loss
    r"|\b(?:no|never got any|haven't had any|have not had any) (?:notifications?|alerts?|warnings?|"
    r"e-?mails?|messages?) (?:about|of|regarding|for) (?:any )?(?:changes?|logins?|sign-?ins?|"
    r"activity)\b"
    # "I can't find your earlier message in my inbox": a message, not the mailbox
    r"|\b(?:can't|cannot|couldn't|could not) find\b[^.;]{0,40}?\b(?:in|from) my (?:inbox|mailbox|"
    r"e-?mail)\b"
    r"|\b(?:nobody|no one) else (?:has|knows|had|knew)\b"
    # "He has not answered emails or calls since December": messages, not a mailbox
    r"|\b(?:answered|answering|answer|replied to|reply to|responded to|respond to)\s+"
    r"(?:my |our |any |the )?e-?mails\b"
    # "could you update the email on my account to this address": a request, not access
    r"|\b(?:update|change|switch|move)\s+(?:the|my)\s+(?:account\s+)?(?:e-?mail|address)\b"
    r"[^.;]{0,40}?\bto\s+(?:this|my new|the new|a new)\b"
    # "PyPI keeps telling me to verify my email address before I can do anything": a step
    r"|\b(?:verify|confirm|validate)\s+(?:my|the|your)\s+(?:e-?mail|address)(?:\s+address)?\b"
    r"[^.;,]{0,40}?\bbefore\b[^.;,]*"
    # "(my username, in case it isn't obvious from the address, is x)": no loss
    r"|\b(?:in case\s+)?(?:it|that)\s+(?:isn't|is not|wasn't|was not|might not be|may not be)\s+"
    r"(?:obvious|clear|evident)\b(?:\s+from\s+(?:the|my|this)\s+(?:e-?mail\s+)?\w+)?"
    # "I read that I should email this address": the desk's address, not the account's
    r"|\b(?:should|to|must|can|could|would|will)\s+(?:e-?mail|write to|contact|mail)\s+"
    r"(?:this|the support|your|the) (?:support )?(?:address|e-?mail)\b"
    # "while working as a research engineer": a job, not a working password
    r"|\bworking (?:as|at|for) (?:an?|the|my)\b"
    # "I registered in 2017 using the address from my provider": how, not what is had now.
    r"|\b(?:registered|signed up)\b[^.;]{0,60}?\busing\b"
    # Resetting a password says nothing about knowing it.
    r"|\b(?:can|could|to|would|will|able to)\s+(?:reset|change|recover)\s+(?:the|my|a)\s+"
    r"(?:new\s+)?password\b"
    # "I tried the 'Forgot password?' / reset flow": the name of a page, not a loss.
    # "I wrote that I still have my email, but …": reported, not said now.
    rf"|{_REPORTING}[^,.;]*"
    r"|[\"'“]?\bforgot(?:ten)?[\s-]+(?:your[\s-]+)?password\??[\"'”]?"
    r"(?=\s*(?:/|link|flow|page|button|form|option|feature|process))"
    # "(I remember it, is not so complex)": about the password, not a denial.
    r"|\bnot (?:so|that|too|very) (?:complex|complicated|hard|difficult|long|strong|secure|easy)\b"
    # "…new recovery codes had been generated, which I definitely didn't do": an act denied.
    r"|,?\s*which (?:i|we) (?:\w+ )?(?:did not|didn't|never|have not|haven't) (?:do|did|done|"
    r"request|requested|ask for|asked for|authori[sz]e|authori[sz]ed)\b"
    r"(?:\s+(?:and|or|nor)\s+(?:did not|didn't|never|have not|haven't)\s+\w+)?"
    r"|,?\s*which (?:was not|wasn't) (?:me|us|my doing)\b"
    # "I'd rather not have my username in a public tracker": a wish about where it shows.
    r"|\b(?:i'?d|i would|we'?d|we would) rather not (?:have|put|post|share|publish|show|see)\b"
    # "I didn't know they existed until your email": our message, not the mailbox.
    r"|(?<![\"“'‘])\b(?:your|ur)\s+(?:last\s+|previous\s+|first\s+|kind\s+)?"
    r"(?:e-?mail|mail|message|reply)\b(?!\s+(?:address|was|has|is)\b)"
    # "I never actually told you my username": not said, which is not lost.
    r"|\b(?:never|didn't|did not|forgot to)\s+(?:actually\s+)?(?:tell|told|give|gave|send|sent|"
    r"include|included|mention|mentioned|put)\s+(?:you\s+|in\s+)?(?:my|the)\s+"
    r"(?:user ?name|e-?mail address)\b"
    # "I have to correct my first mail": a duty, not a possession.
    r"|\b(?:i|we) (?:have|had|need) to (?:correct|add|say|mention|admit|tell you|clarify|confess|"
    r"explain|update|apologi[sz]e|point out|note)\b",
    _I,
)
_ACCESS_CUE = re.compile(
    # "The password has also been changed": an auxiliary, not a possession.
    r"\b(?:(?:have|has)(?!\s+(?:also\s+|since\s+|now\s+|just\s+)?(?:been|changed|reset|"
    r"locked|taken|removed|deleted)\b)|having|hold|holds|held|retain|retains|retained|know|knowing|remember|access|"
    r"accessible|control|controls|controlled|possession|administer\w*|lands? in|"
    r"(?:is|are|'s) (?:still |also )?with (?:me|us)|"
    r"(?:is|are|'s) no longer (?:mine|ours)|(?:is|are) (?:all )?(?:still )?in my hands|"
    r"(?<!my )(?<!its )(?<!their )(?<!his )(?<!her )own|"
    r"use|using|receive|read|reads|checks|check (?:it|them) (?:daily|every day|regularly)|"
    r"monitors?|monitored|"
    r"(?:saved|stored|remembered) (?:in|by) (?:the|my) (?:\w+ )?(?:browser|keychain)|"
    r"(?:(?:is|are|'s) (?:stored |kept |saved )?|^\s*(?:stored|kept|saved) )in (?:our|my|the) "
    r"(?:\w+ )?"
    r"(?:vault|keychain|password manager|keepass\w*|1password|bitwarden)(?: file)?|"
    r"log ?in to|sign ?in to|got|still|reach(?:es)? me|gets? to me|fine|intact|unaffected|"
    r"unchanged|works|(?<!i )(?<!we )worked|(?<!was )(?<!am )(?<!i.m )working|correct|accepts|"
    r"accepted|valid|arrive[sd]?|arriving|"
    r"came (?:to|through)|log ?into|getting|known to me|remains? known|ok|okay|good|"
    r"(?<=password )known|(?<=pw )known|(?<=username )known|(?<=user name )known|"
    r"(?:log|logging|sign|signing) ?in with|"
    r"still good|(?:is|are|'s) (?:safely |still )?in my head|memori[sz]ed)\b"
    r"|\bable to\b"
    # "I can offer proof": an offer, not access.
    r"|\bcan\b(?!\s+(?:also\s+)?(?:offer|provide|send|show|give|prove|share|supply|verify|push|"
    r"add|try|explain|answer|help|sign(?!\s*-?(?:in|on)\b)|upload|forward|attach)\b)",
    _I,
)
_PARTS = {
    "username": re.compile(r"\buser ?names?\b|\blogin names?\b", _I),
    "password": re.compile(
        # "the old gmail address …, I forgot that password": the mailbox's, not the account's
        r"(?<!that )(?<!gmail )(?<!e-mail )(?<!email )(?<!mail )(?<!yahoo )(?<!outlook )"
        r"(?<!hotmail )(?<!its )"
        # "I forgot the vault's master password": another lock's password
        r"(?<!master )(?<!vault )(?<!vault's )(?<!manager )(?<!keychain )(?<!1password )"
        r"(?<!bitwarden )(?<!keepass )(?<!lastpass )(?<!encryption )(?<!laptop )(?<!phone )"
        r"(?<!windows )(?<!wifi )(?<!backup )"
        r"\b(?:pass(?:word|phrase)s?|pasword|passowrd|passwrod|passwrd|passwd|pw|pwd)\b"
        r"(?!\s+(?:manager|reset|field|prompt|page|form|link|change|recovery|flow|vault|safe)s?\b)"
        # "The password I have saved is for TestPyPI, not PyPI": another service's password
        r"(?![^.;]{0,30}?\b(?:is|was) (?:only |just )?for (?:test ?pypi|github|gitlab|bitbucket|"
        r"another|a different|the other)\b)",
        _I,
    ),
    "email": re.compile(
        r"(?<!\ban )(?<!first )(?<!last )(?<!earlier )(?<!notification )(?<!alert )(?<!\bnew )"
        r"(?<!confirmation )(?<!verification )(?<!welcome )(?<!upload )"
        # "He isn't answering emails": messages somebody answers, not a mailbox
        r"(?<!answering )(?<!answer )(?<!answers )(?<!answering any )(?<!answer any )"
        r"(?<!replying to )(?<!reply to )(?<!responding to )(?<!respond to )"
        # "a phishing email", "say more in email", "two emails from PyPI": messages or the medium
        r"(?<!phishing )(?<!spam )(?<!fake )(?<!scam )(?<!security )(?<!notice )(?<!\" )(?<!” )"
        r"(?:(?<!in )(?<!via )(?<!over )(?<!with )(?<!two )(?<!three )(?<!several )"
        r"|(?=e-?mails? (?:address|account|inbox)))"
        # (not "I won't email you my password": the verb)
        r"\be-?mails?(?: address(?:es)?| accounts?| inbox)?\b(?!\s+(?:you|me|us|them|him|her)\b)"
        + MAIL_NOT_MESSAGE
        + r"|\binbox\b|\bmailbox\b|\bwebmail\b|\be?-?mail[- ]?id\b|\bmail on file\b"
        r"|\be-?mail (?:that'?s|that is|which is) (?:on file|on the account|registered)\b"
        r"|\b(?:the|my) (?:gmail|hotmail|outlook|yahoo)(?= \(this one\)|\W*$| account\b)"
        r"|\b(?:alumni )?mail forwarding\b"
        r"|(?<=\band )mail\b|\bmail(?= and (?:the |my )?(?:password|user ?name)\b)"
        r"|\b(?:read|receive|get|check|open|access)\w*\s+(?:[\w']+\s+){0,2}?mails?\b"
        r"|\b(?:university|work|school|company|job|old|former|student|corporate|personal|"
        r"gmail|yahoo|hotmail|outlook|primary|registered|recovery|contact)\s+(?:e-?mail\s+)?address\b"
        r"|\b(?:old|former|previous)\s+\w+\s+(?:e-?mail\s+)?address\b"
        r"|\ban? (?:e-?mail )?address (?:at|from|with|on) (?:my|our|the) "
        r"(?:old |previous |former )?(?:employer|company|job|work|university|school|provider|isp)\b"
        r"|\b(?:this|that|my|the|same|account)\s+address\b(?!\s+book)|\bmail address\b"
        r"|\b(?:my|our|the)\s+(?:own\s+|personal\s+|custom\s+|old\s+|email\s+)?domain\b",
        _I,
    ),
}
_GONE = re.compile(
    r"\b(?:that|it|this)(?:'s| is| was| has been)? (?:\w+ )?(?:gone|dead|lost|closed|deleted|"
    r"deactivated|expired|useless|no longer \w+)\b"
    r"|\b(?:lost|no longer have|don't have|do not have|have no|no) (?:the )?access to "
    r"(?:it|that|this|them)\b"
    r"|\b(?:i|we)\s+(?:have\s+|had\s+|then\s+)?lost\s+(?:it|that|them)\b"
    r"|^\s*(?:(?:so|and|no),?\s+)*(?:which\s+)?(?:i|we)\s+(?:don't|do not|no longer)\s+"
    r"(?:have|own|control|use)(?:,?\s*and)?"
    r"(?:\s+(?:it|that|this))?(?:\s+(?:any ?more|now))?\s*[.,;!]?\s*$"
    r"|\b(?:can't|cant|cannot|can no longer|could not|couldn't|can not|no longer) "
    r"(?:access|reach|open|read|use|get into|log into|sign into|receive|get)"
    r"(?: (?:it|that|this|them|anything(?: there| at it| sent (?:there|to it))?))?"
    r"(?: any ?more)?(?:\s*[.,;!]?\s*$|\s*,)",
    _I,
)
# "…, but I fixed that": the trouble told just before is over, and the part is had again.
_RESTORED = re.compile(
    r"\b(?:fixed|sorted|resolved|solved|recovered|restored|regained|got (?:it|that|access) back|"
    r"got back)\b(?:\s+(?:it|that|this|them|access|out))*",
    _I,
)
# "The email is not the problem", "getting into my inbox is no problem": it is fine.
_NOT_THE_PROBLEM = re.compile(
    r"\s(?:is|was|are|were)\s+no\s+(?:problem|issue)\b"
    r"|\s(?:is|was|are|were)\s+not\s+(?:the|an?|my)\s+(?:problem|issue)\b"
    r"|\s(?:isn't|wasn't|aren't)\s+(?:the|an?|my)\s+(?:problem|issue)\b"
    r"|,?\s(?:that's|thats|it's|its|that is)\s+not\s+(?:the|an?|my)\s+(?:problem|issue)\b"
    # "The email on the account isn't an old one either": current, so fine.
    r"|\s(?:isn't|is not|wasn't|was not)\s+(?:an?\s+)?(?:old|former|outdated|stale|expired)\s+"
    r"(?:one|address|e-?mail)\b",
    _I,
)
# "It isn't the password either": that part is not the trouble, so it is fine.
_NOT_THE_PART = re.compile(
    r"\b(?:it|that|the (?:problem|issue))\s*(?:isn't|is not|wasn't|was not|'s not)\s+(?:the|my)\s+"
    r"(?P<part>password|e-?mail)\b(?:\s+either)?"
    # "It's also not an email problem"
    r"|\b(?:it|that)(?:'s| is)\s+(?:also\s+)?not\s+(?:an?|the|my)\s+(?P<topic>password|e-?mail)\s+"
    r"(?:problem|issue)\b",
    _I,
)
# "It is only the email that is the problem": that part is the one not had.
_THE_PART = re.compile(
    r",?\s(?:it is |it's )?(?:only |just )?the (?P<part>password|e-?mail)(?: address)?(?: that)? "
    r"is the (?:problem|issue)\b",
    _I,
)
# "The password I saved is rejected": what they have is not the password.
_PASSWORD_REFUSED = re.compile(
    r"\b(?:the|my|that|our)\s+password\b(?:\s+(?:i|we)\s+(?:have|had|saved|use|used|know|stored|"
    r"kept|remember)(?:\s+\w+)?)?\s+(?:is|was|gets|got|has been)\s+(?:\w+\s+)?(?:rejected|refused|"
    r"wrong|incorrect|invalid|not accepted|no longer accepted)\b"
    r"|\b(?:the|my)\s+password\b[^,.;]{0,30}?\b(?:no longer works|doesn't work|does not work|"
    r"stopped working)\b"
    # "Someone got into my account. They changed my password": the takeover's, not theirs.
    r"|\b(?:they|someone|somebody|the (?:attacker|hacker|intruder))\s+(?:then\s+|also\s+)?"
    r"(?:changed|reset)\s+(?:my|the)\s+password\b"
    # "whoever did it has changed my password", a notice "my password had been changed" that
    # was not their doing
    r"|\bwhoever\b[^.;]{0,20}?\b(?:has |had )?(?:changed|reset)\s+(?:my|the)\s+password\b"
    r"|\b(?:notices?|notifications?|e-?mails?|alerts?)\b[^.;]{0,30}?\b(?:my|the|your)\s+password\s+"
    r"(?:had\s+been|has\s+been|was)\s+changed\b"
    r"|[\"“]your password has been changed[\"”]",
    _I,
)
# "a mail that the email address on my PyPI account was changed": changed by somebody else.
_EMAIL_CHANGED = re.compile(
    r"\b(?:got|received|had) (?:a |an )?(?:mail|e-?mail|notice|notification|message)\b[^.;]{0,20}?"
    r"\b(?:that|saying)\b[^.;]{0,15}?\b(?:the |my )?(?:account |pypi )?e-?mail(?: address)?\b"
    r"[^.;]{0,40}?\b(?:was|had been|has been) changed\b"
    r"|\b(?:someone|somebody|they|the attacker|the hacker)\s+(?:then\s+|also\s+)?changed\s+"
    r"(?:my|the)\s+(?:account\s+)?e-?mail(?: address)?\b"
    # "someone used it to change the email on our company account"
    r"|\b(?:used (?:it|them|that|the \w+) to|managed to|went on to)\s+change\s+(?:the|my|our)\s+"
    r"(?:account\s+)?e-?mail(?: address)?\b",
    _I,
)
# "reset mail goes to an old hotmail i cant get into", "mail to the account address goes
# nowhere": the mailbox is gone.
_MAIL_GOES_NOWHERE = re.compile(
    r"\b(?:(?:password\s+)?(?:reset|recovery)\s+|password\s+)?(?:mails?|e-?mails?|links?|messages?|"
    r"resets?)\b"
    r"(?:\s+(?:to|for)\s+(?:the|my|our)\s+(?:account\s+)?(?:e-?mail\s+)?address)?\s+"
    r"(?:goes|go|went|are sent|get sent|is sent|gets sent|end up|ends up)\s+(?:to\s+)?"
    r"(?:nowhere|(?:an?|my|the|that|our)\s+(?:\w+\s+)?(?:old|dead|former|previous|closed|defunct|"
    r"expired|deleted|lapsed|retired)\b)",
    _I,
)
# "registered to an email address with a provider that closed down last year"
_PROVIDER_GONE = re.compile(
    r"\b(?:e-?mail )?address\b[^.;]{0,40}?\b(?:provider|domain|host|isp)\b[^.;]{0,20}?"
    r"\b(?:closed|shut|folded|died|expired|lapsed|went out of business|went under)\b"
    r"(?:\s+(?:down|up|shop))?",
    _I,
)
# "The reset email arrived and I set a new password": the new one is known.
_NEW_PASSWORD = re.compile(
    r"\b(?:i|we)\s+(?:then\s+)?(?:set|chose|created|made)\s+(?:a|my)\s+new\s+password\b"
    r"|\band\s+(?:then\s+)?(?:set|chose|created|made)\s+a\s+new\s+one\b",
    _I,
)
# "My email address hasn't changed" is no denial.
_UNCHANGED = re.compile(
    r"\s(?:has|have|had)(?:\s?n[o']t|\s+not)\s+(?:been\s+)?(?:changed|touched|altered)\b|\s(?:is|was)\s+unchanged\b"
    r"|\s(?:was|were|is)(?:\s?n[o']t|\s+not)\s+changed\b(?:\s+by\s+(?:the\s+)?\w+)?"
    # "They don't seem to have touched the email address"
    r"|(?:\bnot|n't)\s+(?:\w+\s+){0,3}?(?:touch|touched|change|changed)\s+"
    r"(?=(?:the|my)\s+(?:e-?mail|address|password))",
    _I,
)
# "…, but I do remember it": the part named just before is still had.
_STILL_HAD = re.compile(
    r"\b(?:remember|know|have|kept|keep)\s+(?:it|them)\b"
    # "The email of the account is our group address, | I have access to it."
    r"|^\W*(?:and\s+)?(?:i|we)\s+(?:still\s+)?(?:have|got)\s+(?:full\s+)?access to "
    r"(?:it|them|that)\b"
    r"|^\s*(?:which|that|and)?\s*(?:it|pypi|the site|the system)\s+(?:still\s+)?accepts?\b"
    r"|^\s*(?:so\s+)?(?:at least\s+)?(?:that|it|this)\s+(?:one\s+)?(?:still\s+)?works\b"
    r"|^\s*(?:that\s+|which\s+)?(?:i|we)\s+(?:can\s+)?(?:still\s+)?(?:read|access|use|check|open|"
    r"receive|monitor)(?:\s+and\s+(?:read|monitor|check|use|answer))?"
    r"(?:\s+(?:it|them))?(?:\s+daily|\s+every day|\s+fine|\s+normally|\s+just fine|"
    r"\s+without (?:any )?(?:problems?|trouble))?\s*[.,;!]?\s*$",
    _I,
)
# Promises and policy about a secret ("I won't post my password here", "I know not
# to share it") are not statements about having it.
_DISCLOSURE = re.compile(
    # "I'm sending this from it" is about the message, not the secret.
    r"\b(?:post|posting|share|sharing|"
    r"(?:send|sending|sent)(?!\s+(?:this|these|you this|it from|from)\b)|"
    r"include|including|paste|pasting|"
    # "I'm not going to email you my password": the mail verb, not the mailbox
    r"e-?mail(?:ing)? (?:you|it|them|anyone)|tell(?:ing)? (?:you|anyone) (?:my|the|it|them)\b|"
    r"attach|attaching|disclose|reveal|give (?:you|out)|put (?:it|them) (?:here|in)|"
    r"(?:type|write|put)\w* (?:it |my \w+ |the \w+ )?(?:into|in) (?:an?|this|the) "
    r"(?:e-?mail|message|mail))\b",
    _I,
)
_SECRET = re.compile(r"\bpass(?:word|phrase)s?\b|\blogins?\b|\bcredentials?\b|\bsecrets?\b", _I)
# "My email is not verified" says nothing about reading it; staff see the remark.
_UNVERIFIED = re.compile(
    r"(?:\b(?:not|never)\s+(?:been\s+|yet\s+|ever\s+)?|n't\s+(?:been\s+)?|\bun)"
    r"(?:verified|confirmed|validated|activated)\b",
    _I,
)
_ANY_PART = re.compile(r"user|pass|pasw|pw|mail|inbox|address", _I)
_CLAUSE_SPLIT = re.compile(
    # ", though," and ", however," are asides inside one clause
    r"\s*(?:;|\bbut\b|(?<!, )\bhowever\b(?!,)|\balthough\b|(?<!, )\bthough\b(?!,)|\bwhile\b|"
    # "…, though it was saved without the username": a clause of its own
    r",\s*though\s+(?=(?:it|i|we|they|the|my)\b)|"
    r"\bwhereas\b|\bexcept\b|"
    # "I know my password, the problem is the site wants me to verify the email"
    r",\s*(?=the (?:problem|issue|trouble|catch|thing) is\b)|"
    # "I have the email, not the password": the "not" belongs to the clause it opens.
    r"\bexcluding\b|(?:\band|,)(?=\s+not\s+(?:the|my|our|sure|quite|entirely|certain)\b)"
    r"|\band not\b|, not\b|\bso\b|\bbecause\b"
    # "since" as a conjunction, not in "has since deactivated" or "since then"
    r"|(?<!has )(?<!have )(?<!had )\bsince\b(?!\s+(?:then|\d))"
    r"|,(?=\s+(?:and\s+)?(?:my|the|our|this|that)\s+(?:[\w-]+\s+)?"
    r"(?:password|e-?mail|user ?name|mailbox|inbox)\b)"
    r"|,(?=\s+(?:password|e-?mail|user ?name)\s+(?:i|we)\b)"
    # "codes lost with it, password and email still mine": the pair has its own verb
    r"|(?<!username)(?<!user name),"
    r"(?=\s+(?:password|e-?mail)\s+(?:and|&)\s+(?:e-?mail|password)\s+(?:still|are|both|i|we)\b)"
    r"|,(?=\s+(?:still\s+)?(?:have|has|know|agree|fine)\b)"
    r"|,(?=\s+(?:its|it's|it is)\s+(?:prob|probably|maybe|possibly)\b)"
    # "…, maybe I registered with this email": a guess about a part is a clause of its own
    r"|,(?=\s+(?:maybe|perhaps|probably|possibly)\s+(?:i|we|it|the|my)\b[^.;]*?"
    r"\b(?:e-?mail|address|password|user ?name)\b)"
    r"|,(?=\s+(?:and\s+)?(?:the\s+|my\s+)?(?:recovery\s+|backup\s+)?codes?\b)"
    # "Have pw, don't have the codes."
    r"|,(?=\s+(?:(?:but|and)\s+)?(?:i\s+)?(?:don't|do not|never)\s+(?:have|had|saved?)\s+"
    r"(?:the\s+|my\s+|any\s+)?(?:recovery\s+|backup\s+)?codes?\b)"
    r"|,\s*(?=(?:the\s+|my\s+)?only\b))\s*"
    r"|\s+[-–—]\s+(?=(?:it|that|this|they|which|not|no|but|though|only|the|my|our)\b)"
    # a message without punctuation: "…was on it still have password … no backup codes …"
    r"|\s+(?=(?:no|never)\s+(?:backup|recovery|2fa)\b)"
    # ", I went to the login": a new first-person clause in a run-on sentence.
    r"|(?<=,)\s+(?=(?:i|we|they|he|she)\s)"
    # "I know the password (it's in my manager, just without the username field)": an aside.
    r"|\s+\((?=(?:it'?s|it is|that'?s|they'?re|they are|they|which|just|saved|stored|kept|i|we)\s)"
    # "Edited to add, since the form doesn't ask: I still have the username, …"
    r"|(?:(?<=\bask)|(?<=\badd)|(?<=\bsay)|(?<=\bnote)):\s+(?=(?:i|we)\s)"
    # "I still know my password, and nobody has changed it"
    r"|,\s*and\s+(?=(?:nobody|no one)\b)"
    # "The password I have, obviously, that was never the problem."
    r"|,\s*(?=(?:that|it) (?:was|is|'s) (?:never|not) (?:the|an?) (?:problem|issue)\b)"
    # "acct x / key snapped / pw+email ok": a run of slash-separated answers
    r"|\s+/{1,2}\s+"
    r"(?!(?:the\s+|account\s+)?(?:password|e-?mail|pw|user ?name|pass)\b[^/:]{0,12}[/:])"
    # "username x, password known, account email not reachable"
    r"|,(?=\s+(?:the\s+|my\s+|account\s+)?(?:password|e-?mail|pw|user ?name)\s+(?:not\s+|still\s+|"
    r"is\s+|was\s+)?(?:known|ok|okay|fine|good|yes|no|works?|working|lost|gone|unknown|forgotten|"
    r"reachable|unreachable|accessible|inaccessible|dead|changed)\b)"
    r"|\s+(?=\b(?:i|we)\s+(?:also\s+|still\s+|do\s+|don't\s+|dont\s+|really\s+|just\s+)?"
    r"(?:have|had|lost|can|cant|can't|cannot|never|no|don't|dont|do|know|remember|forgot|forget|"
    r"receive|get|read|use|haven't|havent|hadn't|didn't|didnt|wasn't|couldn't|won't|"
    r"agree|understand|am|was|got|still|used|think|also|need|want|tried|changed|bought|"
    r"dropped|left)\b)"
    r"|\s+(?=\b(?:i'm|i am|we're|we are)\s+(?:not|also|still)\b)",
    _I,
)
_NEW_SUBJECT = re.compile(r"^\s*(?:i|we)\b", _I)
_ACCOUNT_EMAIL = r"\b(?:account|pypi|registered) (?:e-?mail|address)"
_ACCT = r"(?:acct|account|registered|reg|pypi|linked|associated)"
_SENDING = (
    r"\b(?:writing|sending|e-?mailing|mailing|messaging|contacting you|sent)\b (?:you )?(?:this )?"
)
# Shorter and team wordings: "emailing from registered addr", "writing from the team alias
# which is the acct email", "writing from the email address on that account".
_SHORT_WRITING_FROM = (
    rf"{_SENDING}from (?:the |my |our )?(?:[\w-]+'s |team |shared |group |same )?{_ACCT} "
    r"(?:e-?mail|address|addr|alias|mailbox|inbox)\b"
    rf"|{_SENDING}from (?:the |my |our )?[^.;,]{{0,40}}?(?:,\s*\S+@\S+?,)?\s*(?:which|that) is "
    rf"the (?:{_ACCT} (?:e-?mail|address|addr)|(?:address|e-?mail|one) (?:registered|on (?:the|my|"
    r"our|that)|linked|associated|tied))"
    rf"|{_SENDING}from (?:the|this) (?:e-?mail )?address (?:on|of) (?:that|the|my|this) account\b"
    rf"|\bthis is (?:the|my) {_ACCT}(?:'s)? (?:e-?mail|address)\b"
    # "emailing from the address registered on the account"
    rf"|{_SENDING}from (?:the|my|our) (?:e-?mail )?address (?:registered|linked|associated) "
    r"(?:on|to|with) (?:the|my|our) (?:pypi )?account\b"
    # "the email is the same which I write from"
    r"|\b(?:e-?mail|address)\b[^.;]{0,20}\bsame (?:one )?(?:which |that |as the one |as )?"
    r"(?:i|i'?m|i am) (?:write|writing|send|sending|mail|mailing) from\b"
    # "you're reading it from the registered address"
    r"|\byou'?re reading (?:it|this|a message|this message|my message)\b[^.;]{0,20}\bfrom "
    r"(?:the|my) (?:registered|account'?s?|pypi|linked) (?:e-?mail )?address\b"
    # "The mail is this one.", "Email known (this one)"
    r"|\b(?:the |my )?(?:e-?)?mail(?: address)? (?:is|known) \(?this (?:one|address)\)?"
    # "I do get email at this address, which is on the account"
    r"|\b(?:get|receive|read)\s+(?:e-?)?mail\s+(?:at|on|to)\s+this address\b[^.;]{0,20}"
    r"\b(?:which|that) is (?:on|the one on|registered)"
    # "This address (jo@example.com) is the one registered on the account."
    r"|\bthis (?:e-?mail )?address\s*(?:\([^()]*\)\s*)?is the (?:one|address) (?:registered|linked|"
    r"associated|on)\b"
    r"|\be-?mail (?:is|was) (?:the )?same (?:one )?(?:of|as) this\b"
    rf"|\b{_ACCT}(?:'s)? (?:e-?mail|address)(?: address)? is \S+@\S+?,? (?:which|that) "
    r"(?:i'?m|i am|we'?re|we are) (?:writing|sending|mailing)\b"
)
_WRITING_FROM_ACCOUNT_EMAIL = re.compile(
    r"\b(?:writing|sending|contacting you|emailing you|reaching out|sent|mailing) (?:this )?"
    r"(?:\w+ ){0,2}from (?:the |my )?(?:same )?"
    r"(?:registered |associated |linked |primary |verified )?"
    r"(?:e-?mail(?: address)?|address) (?:that is |that'?s |which is |which'?s |i |"
    r"(?:that )?the account is |(?:that )?my account is )?"
    r"(?:registered|associated|linked|used|on (?:the|my) (?:pypi )?account|tied|connected)"
    # "… that's linked to my GitHub account", "… registered at my university": elsewhere.
    r"(?![^.;]{0,25}\b(?:github|gitlab|university|work|company|school|employer|other)\b)"
    # "the registered email is jo@example.org, which I'm writing from"
    r"|\b(?:registered|account'?s|pypi|linked|associated) (?:e-?mail|address)(?: address)? is "
    r"\S+@\S+?,? (?:which|that) (?:i'?m|i am) (?:writing|sending|mailing) (?:you )?(?:this )?from\b"
    r"|\bthis (?:e-?mail )?(?:address )?is the (?:same )?(?:e-?mail|address|one) "
    r"(?:registered|associated|linked|used|on|attached|tied|connected"
    # "this email address is the one I registered with" (not "… on GitHub", "… not for PyPI")
    r"|(?:i|we) (?:registered|signed up|set up|created the account)\b"
    r"(?![^.;]{0,25}\b(?:github|gitlab|twitter|other|before|not)\b))"
    r"|\bthis is the (?:e-?mail |address ){1,2}(?:that'?s |that is |which is )?"
    r"(?:registered|associated|linked|on)"
    # "Email on the account is x@example.org, which is this address."
    r"|\b(?:e-?mail|address)(?: (?:on|of|for) (?:the|my) (?:pypi )?account)? is \S+@\S+?,? "
    r"(?:which|that) is (?:this|the same) (?:one|address|e-?mail)\b"
    # "registered to our shared address, dev@example.com, which I have access to"
    r"|\bregistered (?:to|with|under) (?:my|our|the) (?:[\w-]+ )?(?:e-?mail )?address\b"
    r"(?:[^.;]|\.(?=\w)){0,60}?,? (?:which|that) (?:i|we) (?:have access to|"
    r"still (?:read|receive|get)|(?:can )?(?:read|access|control))\b"
    # "this gmail is the address on the account", "my email address, this one, which is
    # registered on the account"
    r"|\bthis (?:gmail|outlook|hotmail|yahoo|proton\w*|mailbox|inbox) (?:address )?is the "
    r"(?:(?:address|e-?mail|one) (?:on|registered|linked|associated)|(?:registered|account|linked) "
    r"(?:e-?mail|address))"
    r"|\b(?:e-?mail|address),?\s+this one,?\s+(?:which|that) is (?:registered|linked|associated|on)"
    # "the account email is my current inbox"
    rf"|{_ACCOUNT_EMAIL} is (?:still )?(?:my|our) (?:current|main|"
    r"everyday|primary|usual|daily) (?:inbox|address|e-?mail|mailbox)\b"
    # "my email is the same as always (this one)"
    r"|\b(?:e-?mail|address)\b[^.;()]{0,20}\b(?:is (?:still )?(?:the )?same(?: as (?:always|"
    r"before|ever))?|remains the same|hasn't changed|has not changed|is unchanged)\s*"
    r"\((?:this one|this address|this e-?mail|the one i'?m writing from)\)"
    # "the account email is a list alias I'm subscribed to, so I receive everything sent to it"
    rf"|{_ACCOUNT_EMAIL}\b"
    r"(?:(?!\b(?:new|other|another|deleted|closed|shut|gone|expired|lost|longer|forward\w*)\b)"
    r"(?:[^.;]|\.(?=\w))){0,160}?\b(?:i|we) (?:still )?(?:receive|get|read) "
    r"(?:everything|all (?:the )?(?:mail|messages)|every message) (?:sent|addressed) to it\b"
    # "the account email is releases@kelpie-bio.example.com, a group mailbox I'm a member of"
    rf"|{_ACCOUNT_EMAIL} is \S+@\S+?,? (?:a|an|our|the) (?:shared |team |group |common )"
    r"(?:mailbox|inbox|alias|list|address)\b[^.;]{0,30}?\b(?:i'?m|i am|we'?re|we are) (?:a )?"
    r"(?:member|members|on|subscribed)\b"
    # "the account email spectra-admin@ is a list that all three of us are on"
    rf"|{_ACCOUNT_EMAIL}\b[^.;]{{0,40}}?\bis (?:a|an|our|the) (?:shared |team |group |mailing )?"
    r"(?:list|alias|group)\b[^.;]{0,20}?\b(?:(?:that |which )?(?:we|i) (?:are|am) (?:all )?"
    r"(?:on|subscribed to|members? of)|(?:that |which )?(?:all|each|both) (?:\w+ )?of us "
    r"(?:are on|get|receive|read))\b"
    r"|\b(?:e-?mail|address|mail id|e-?mail id)\b.{0,30}\bis (?:the )?same as (?:this|the one|"
    r"(?:the one )?i(?:'m| am)? (?:write|writing|mail|send|sending) from)\b"
    r"|\b(?:e-?mail|address)\b[^.;]{0,60}\b(?:which|that) is the (?:e-?mail |address |one )"
    r"(?:i'?m|i am) (?:writing|sending|mailing) (?:you |this )?from\b"
    r"|\b(?:e-?mail|address) \((?:this|the same) (?:one|address)\) is the (?:address|one|e-?mail)\b"
    r"|\b(?:the )?(?:e-?mail (?:address )?|address |one )(?:i'?m|i am) (?:writing|sending|mailing) "
    r"(?:you )?(?:this )?from is (?:definitely |indeed |also |still )?the (?:one|address|e-?mail) "
    r"(?:registered|associated|linked|used|on|attached)"
    r"|\b(?:writing|sending|emailing|mailing) (?:you )?(?:this )?from (?:the |my )?(?:pypi )?"
    r"account(?:'s)? (?:e-?mail|address)\b"
    # "The account email is x@example.com, a group I'm in, and I'm writing from it"
    r"|\b(?:account(?:'s)? (?:e-?mail|address)|(?:e-?mail|address) (?:listed |registered )?on "
    r"the account)\b(?:[^.;]|\.(?=\w)){0,120}?\b(?:i'?m|i am) (?:writing|sending|mailing) "
    r"(?:you )?(?:this )?"
    r"from it\b"
    # "this email is the registered one on the account", "… the email of my account"
    r"|\bthis (?:e-?mail|address|mail)(?: address| id)? is (?:the |my )?(?:same |registered |"
    r"primary |main |verified )?(?:one |e-?mail |address |id )?(?:(?:that|which) is )?"
    r"(?:registered )?(?:on|of|for|in|with|to) (?:the|my) (?:pypi )?account\b"
    r"|\b(?:registered|account|primary) e-?mail(?: id| address)? is this (?:same )?"
    r"(?:id|one|address|e-?mail)\b"
    r"|\be-?mail (?:is|was) (?:the )?same (?:of|as) this (?:message|mail|e-?mail|one)\b"
    # "the account email is my current work address which I'm writing from"
    rf"|{_ACCOUNT_EMAIL}\b[^.;]{{0,60}}?\b(?:which|that) (?:i'?m|i am) (?:writing|sending|mailing) "
    r"(?:you |this )?from\b"
    # "My account is under this email."
    r"|\b(?:my |the )?account is (?:registered )?(?:under|with|on|to) this (?:e-?mail|address)\b"
    r"|\b(?:e-?mail|address)(?: address)?"
    r"(?: (?:on|of|for) (?:the|my) (?:pypi )?account| on file| registered (?:on|to|with|for) "
    r"(?:the|my) (?:pypi )?account)? is "
    # "the email is my own address, this one"
    r"(?:my (?:own|usual|current|personal) (?:address|e-?mail),?\s+)?"
    r"(?:this (?:very |same )?(?:[\w.-]+ )?(?:one|address|e-?mail|mailbox|inbox|gmail|outlook|"
    r"hotmail|yahoo|proton\w*)|"
    r"(?:the|this) (?:same )?(?:one|address) (?:i'?m|i am) "
    r"(?:writing|sending|"
    r"mailing) (?:you )?from)\b"
    rf"|{_SHORT_WRITING_FROM}",
    _I,
)


# One clause that names the address this mail comes from and says it is the account's,
# in any order: "I'm writing from the address on file", "my e-mail (the one I'm writing
# from) is the one on the account", "This email is my registered email".
_THIS_SENDER = re.compile(
    # (not "please change the email on my account to this address": a request)
    r"(?<!\bto )(?<!\binto )\bthis (?:e-?mail|address|mailbox|inbox|mail)(?: address| id)?\b"
    r"(?!\s+(?:to|is to|is about)\b)"
    r"|\((?:this|this one|the one i'?m writing from)\)"
    r"|\b(?:i'?m |i am |i )?(?:writing|sending|mailing|write|send) (?:to )?(?:you )?(?:this )?"
    r"from\b"
    r"|\b(?:the )?(?:one|address|e-?mail) (?:i'?m|i am|i) (?:writing|sending|mailing|write|send) "
    r"(?:you )?(?:this )?from\b",
    _I,
)
_THE_ACCOUNTS = re.compile(
    r"\bon file\b|\b(?:on|of|for|in|with) (?:the|my|our) (?:pypi )?account\b|\bin pypi\b"
    r"|\b(?:registered|account'?s?|pypi|linked|associated) (?:e-?mail|address|one)\b"
    r"|\bthe one (?:i|we) registered\b|\b(?:is|one) registered\b"
    r"|\b(?:i|we) (?:used|use) (?:for|to) (?:the )?regist\w*|\b(?:registered|signed up) with\b",
    _I,
)
# "…, maybe you can find the account with it?": a suggestion to the reader after the fact.
_SUGGESTION = re.compile(r",\s*(?:maybe|perhaps)\s+you\b[^.]*[.?!]*\s*$", _I)
# "the one I signed up with on GitHub": another site's account
_ELSEWHERE = re.compile(
    r"\b(?:github|gitlab|bitbucket|twitter|google|test ?pypi|another|other|different)\b", _I
)
_LIKELY = re.compile(r"\b(?:should|ought to|supposed to|must be)\b", _I)
_SENDER_CLAUSE = re.compile(r"[;]|,?\s+\b(?:but|however|although|though|whereas)\b", _I)


def _says_sending_from_account_address(sentence: str) -> bool:
    """A clause that says this mail comes from the account's address, undenied, undoubted."""
    sentence = _SUGGESTION.sub("", sentence)
    if HEDGE.search(sentence) or _LIKELY.search(sentence) or sentence.rstrip().endswith("?"):
        return False
    return any(
        _THIS_SENDER.search(clause)
        and _THE_ACCOUNTS.search(clause)
        and not NEGATION.search(clause)
        and not _NOT_WRITING.search(clause)
        and not _ELSEWHERE.search(clause)
        for clause in _SENDER_CLAUSE.split(sentence)
    )


def _says_writing_from(said: str) -> bool:
    """The clause that says the requester writes from the account's address, undoubted and
    not denied; a doubt in an earlier clause counts only when that clause names no other part.
    """
    clause = _CLAUSE_BREAK.split(said)[-1]
    earlier = said[: len(said) - len(clause)]
    other_part = _PARTS["password"].search(earlier) or _PARTS["username"].search(earlier)
    if HEDGE.search(earlier) and not other_part:
        clause = said  # "I'm not sure, this is the address registered on the account"
    return not (HEDGE.search(clause) or _NOT_WRITING.search(clause))


_CLAUSE_BREAK = re.compile(r"[,;]\s+")
# "I am not writing from my account email", "I wish I were writing from it"
_NOT_WRITING = re.compile(r"\b(?:not|n't|never|wish|if only)\b", _I)


FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|me|my|mine|we|our|us)\b", _I)
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", _I)


_IMPERATIVE = re.compile(
    r"^\s*(?:please|kindly|do not|don't|never|always)\b|\b(?:do not|don't|never) (?:reply|respond|"
    r"share|send|forward|give)\b",
    _I,
)


def addresses_reader(sentence: str) -> bool:
    """Advice to the reader ("never share your password"), not the requester's own state."""
    if FIRST_PERSON.search(sentence):
        return False
    return bool(_SECOND_PERSON.search(sentence) or _IMPERATIVE.search(sentence))


# "My password I remember (it was never in Bitwarden, luckily)": where it was not kept,
# which denies nothing.
_NOT_KEPT_THERE = re.compile(
    r"\s*\((?:it was |it's |it is |which was |that was )?(?:never|not) (?:been )?"
    r"(?:stored |saved |kept )?(?:in|on) (?:my |the |a |our )?[\w-]+"
    r"(?:,?\s*(?:luckily|thankfully|fortunately))?\)",
    _I,
)


# "I still know the password (he didn't change it)": what was not done denies nothing.
_NOT_CHANGED_ASIDE = re.compile(
    r"\s*\((?:he|she|they|the attacker|the hacker|nobody|no one|it)\s+(?:didn't|did not|hasn't|"
    r"has not|never|hadn't|wasn't|was not)\s+(?:been\s+)?(?:change|changed|touch|touched|reset)\w*"
    r"(?:\s+(?:it|that|them))?\)",
    _I,
)
# "pw ✅ email ❌": a tick or a cross after a part is its answer.
_CROSSES = "❌✗✘"
_MARKS = re.compile(r"\s*[✅✔✓☑❌✗✘]\ufe0f?")


def credential_statements(sentence: str) -> dict[str, bool]:
    """The credential parts this sentence confirms (True) or denies (False)."""
    found: dict[str, bool] = {}
    if not _ANY_PART.search(sentence) or addresses_reader(sentence):
        return found
    sentence = _MARKS.sub(
        lambda mark: " no" if mark.group(0).strip()[0] in _CROSSES else " yes", sentence
    )
    sentence = _NOT_CHANGED_ASIDE.sub("", _NOT_KEPT_THERE.sub("", sentence))
    writing_from = _WRITING_FROM_ACCOUNT_EMAIL.search(sentence)
    # "I think I still remember the password, and this address is the one on the account":
    # the doubt is about the password; only the clause that says it counts.
    if (
        writing_from
        and _says_writing_from(sentence[: writing_from.end()])
        and not HEDGE.search(sentence[writing_from.end() :])  # "…is this one, I think?"
    ):
        found["email"] = True
    paired = _paired_answers(sentence)
    if len(paired) == len(_PARTS):
        return {**found, **paired}  # "username/pw/email - yes/yes/no": one answer each
    if _ALL_THREE.search(sentence) and not HEDGE.search(sentence):
        return dict.fromkeys(("username", "password", "email"), True)
    if len(paired) < len(_PARTS):
        # "I have the password and the email yes": the pairs, and what the clauses say
        reader = _ClauseReader(found)
        for clause in clauses(_plain(sentence)):
            reader.read(clause)
    result = {**found, **paired, **_reported_then_corrected(sentence)}
    if "email" not in result and _says_sending_from_account_address(sentence):
        result["email"] = True
    return result


# "I said I had my password, but … so I don't actually have it anymore" (or "I wrote that I
# don't have it, but actually I do have it"): "it" is the part the earlier statement named.
_REPORTED = re.compile(rf"{_REPORTING}(?P<said>[^,.;]*?)(?=\s+but\b|[,.;]|$)", _I)
_IT_HAD = re.compile(
    r"\b(?:i|we) (?:actually\s+|really\s+|still\s+)?(?:do\s+)?(?:actually\s+)?"
    r"(?:have|know|remember)\s+(?:it|that)"
    r"(?:\s+(?:saved|stored|written down|after all|still|now|too))?\s*(?:[.,;!]|$)",
    _I,
)
_IT_DENIED = re.compile(
    r"\b(?:i|we) (?:don't|do not|no longer)\s+(?:actually\s+|really\s+|even\s+)?"
    r"(?:have|know|remember|control)\s+(?:it|that)"
    r"|\b(?:i|we) (?:actually\s+)?(?:lost|forgot)\s+(?:it|that)"
    r"|\b(?:it'?s|it is) (?:actually\s+)?(?:gone|lost)"
    # "…, but I checked and I can't log in to it any more"
    r"|\b(?:i|we) (?:can't|cannot|can no longer|could not|couldn't)\s+"
    r"(?:log ?in|sign ?in|get|access|open|read)(?:\s+(?:in)?to)?\s+(?:it|that)",
    _I,
)
_OTHER_LOST = re.compile(
    r"\b(?:phone|laptop|key|yubikey|device|tablet|token|authenticator)\b[^,.;]{0,40}\b(?:gone|"
    r"lost|stolen|broke|broken|dead|died|wiped)\b",
    _I,
)
_CLAUSE_END = re.compile(r"(?:\s+(?:any ?more|now|after all|either))?\s*(?:[.,;!]|$)", _I)


def _reported_then_corrected(sentence: str) -> dict[str, bool]:
    """The one part an earlier statement named, as "it" in the rest of the sentence now says."""
    reported = _REPORTED.search(sentence)
    if reported is None:
        return {}
    named = part_named_in(reported.group("said"))
    rest = sentence[reported.end() :]
    if len(named) != 1 or HEDGE.search(rest):
        return {}
    parts = list(named)
    denied = _IT_DENIED.search(rest)
    if denied and not _OTHER_LOST.search(rest, 0, denied.start()):
        # not "…, but my phone is gone, I lost it", where "it" is the phone
        return {parts[0]: False} if _CLAUSE_END.match(rest, denied.end()) else {}
    # "I wrote before that I don't have the password but … actually I do have it saved."
    had = _IT_HAD.search(rest)
    if had is None or not NEGATION.search(reported.group("said")):
        return {}
    clause = re.split(r",|\bbut\b|\band\b", rest[: had.start()])[-1]
    return {} if NEGATION.search(clause) else {parts[0]: True}


# "…at a company | I left last year, | so I can't get into that": a clause this short,
# naming no part, keeps the part told before it for the clause after.
_SHORT_CLAUSE = 5


class _ClauseReader:
    """Reads a sentence's clauses in order; what a clause leaves open, the next one may say.

    "I think | I still remember the password": the doubt goes on into the clause;
    "the password, I think | I still have it saved": "it" is doubted too; "…, but I
    fixed that" restores the parts just named; "I have the username, the password and
    the email": the verb goes on into the verbless clauses.
    """

    def __init__(self, found: dict[str, bool]) -> None:
        self.found = found
        self.previous: list[str] = []
        self.doubt = ""
        self.said: bool | None = None
        self.doubted: set[str] = set()
        self.after_which = False
        self.just_stated: list[str] = []
        self.conditional = False  # the clause before set a condition ("if the address is …")

    def read(self, clause: str) -> None:
        parts = [part for part, pattern in _PARTS.items() if pattern.search(clause)]
        conditional, self.conditional = self.conditional, bool(re.search(r"\bif\b", clause, _I))
        # "the account email was my old work address, which | I lost with the job"
        after_which, self.after_which = self.after_which, bool(_OPEN_RELATIVE.search(clause))
        if not parts and after_which and self.previous:
            parts = self.previous  # "…, to which | I have full access"
        clause, self.doubt = f"{self.doubt} {clause}", ""
        stated, self.just_stated = self.just_stated, []
        if not parts and stated and _DOUBT_AFTER.match(clause):
            for part in stated:  # "the email should be this one, | but I'd have to check"
                self.found.pop(part, None)
            return
        if not parts and HEDGE.search(clause) and len(clause.split()) <= 5:
            self.doubt = clause
            return
        if self.doubted and set(parts) <= self.doubted:
            self.doubted = set()  # "I'll have to check the email, | the email is an old …"
            return
        self.doubted = set(parts) if parts and HEDGE.search(clause) else set()
        if _RESTORED.search(clause) and HEDGE.search(clause) is None:
            self.found.update(dict.fromkeys([*self.previous, *parts], True))
            self.previous = parts or self.previous
            return
        if not parts and self.previous and _GONE.search(clause) and not HEDGE.search(clause):
            parts, clause = self.previous, "no longer"
        elif not parts and _STILL_HAD.search(clause) and not conditional:
            parts = self.previous
        self.previous = parts or (self.previous if len(clause.split()) <= _SHORT_CLAUSE else [])
        if parts and not HEDGE.search(clause) and _about_having(clause):
            self._state(parts, clause)

    def _state(self, parts: list[str], clause: str) -> None:
        polarity = clause_polarity(clause)
        if self.said is False and _ONLY.match(clause) and _VERBLESS.match(clause):
            polarity = True  # "neither the password nor the email, only the username"
        elif polarity is None and _VERBLESS.match(_RELATIVE.sub("", clause)):
            polarity = self.said
        self.said = polarity
        if polarity is not None:
            for part in parts:
                if part not in self.found:
                    self.found[part] = polarity
                    self.just_stated.append(part)


# A clause after a statement that doubts it: "…, but I'd have to check", "…, I think".
_DOUBT_AFTER = re.compile(
    rf"^\s*(?:but|though|although|,)?\s*{_TO_CHECK}\b"
    # "…, I think." at the end; ", I believe, the email" doubts what follows
    r"|^\s*(?:but\s+)?(?:i think|i believe|not sure|i guess)\s*[.!]\s*$"
    # "Whether I can still get into the email on the account, | I'm not sure"
    r"|^\s*(?:but\s+)?(?:i'?m|i am)\s+not\s+(?:sure|certain)\s*[.!;]?\s*$",
    _I,
)


# "I still have all 3 (the name, password and the mail)".
_ALL_THREE = re.compile(
    r"\b(?:have|know|kept|still have)\s+(?:all\s+(?:3|three)|(?:all\s+)?(?:3|three)\s+of\s+them|"
    r"all of them)\b(?=.{0,60}\bpass)"
    # "So username, password and email are all fine"
    r"|\buser ?name,?\s+(?:the\s+)?password,?\s+(?:and|&)\s+(?:the\s+)?(?:account\s+)?e-?mail"
    r"(?:\s+address)?\s+(?:are|is)\s+(?:all\s+)?(?:still\s+)?(?:fine|ok|okay|good|intact|working|"
    r"mine|known|under (?:my|our) control|in (?:my|our) hands)\b"
    # "user pw email all good"
    r"|^\W*(?:user(?:name)?|pw|pass(?:word)?|e-?mail)(?:[\s,/&+]+(?:and\s+)?(?:user(?:name)?|pw|"
    r"pass(?:word)?|e-?mail)){2}\s*(?:[:=-]\s*)?(?:all\s+)?(?:good|fine|ok|okay|yes|intact)\b",
    _I,
)
# A clause that only lists more parts: the verb of the clause before is meant.
_VERBLESS = re.compile(
    r"^(?!.*\b(?:is|are|was|were|be|been|has|had|have|do|does|did|can|could|will|would|got)\b)"
    r"[^.!?]{0,80}[.!?]?\s*$"
    r"|^\s*and\b[^.!?]{0,40}\b(?:also|too|as well)\b",
    _I,
)
_ONLY = re.compile(r"^\s*(?:the\s+|my\s+)?only\b", _I)
# "…, and this email address, which is the one on the account": the part is listed, and
# what follows describes it.
# ", which I keep in a vault", "(I'm writing from it now)": said of the part, no new verb
_RELATIVE = re.compile(r",\s*(?:which|who)\b.*$|\s*\([^()]{0,80}\)", _I)
# An aside about mail messages ("(no emails about 2FA arrived)") says nothing of a part.
_ASIDE = re.compile(r"\((?=[^()]*\be-?mails?\b)[^()]{0,300}\)", _I)


# "have user+pass", "user + email yes", "still know user, pw, email": short names of parts.
_USER_AND_PASS = re.compile(r"\buser\s*(?:\+|&|/)\s*pass(?:word)?\b", _I)
_SHORT_USER = re.compile(
    r"\b(?:user|usr)\b(?=\s*(?:\+|&|/|,|and)\s*(?:e-?mail|pw|pass|password)\b)", _I
)
_MAIL_WORDS = re.compile(r"address|inbox|mailbox|gmail|yahoo|outlook|hotmail|e-?mail account", _I)
_THAT_PASSWORD = re.compile(r"\bthat password\b", _I)


# "… my colleague Piotr, who doesn't have a working email": somebody else's credentials.
_SOMEONE_ELSES = re.compile(
    r"\b(?:colleague|friend|co-?worker|boss|manager|student|client|customer|son|daughter|wife|"
    r"husband|partner|brother|sister|father|mother|dad|mum|mom|teammate|intern)\b[^.;]{0,40}?"
    r"\bwho\b[^.;]*?(?=,\s*(?:and\s+|but\s+|so\s+)?(?:i|we)\b|[.;]|$)",
    _I,
)


PARENTHESES = re.compile(r"\s*\([^()]{0,300}\)")


def _unless_naming_a_part(aside: re.Match[str]) -> str:
    text = aside.group(0)
    return text if any(pattern.search(text) for pattern in _PARTS.values()) else " "


# "My co-maintainer Jonas still has his password and his own 2FA": a fellow maintainer's
# own credentials (unlike a father's, whose account it is).
_FELLOW_MAINTAINERS = re.compile(
    r"\b(?:co-?maintainers?|colleagues?|teammates?|fellow maintainers?|co-?owners?)\b"
    r"(?:[^.]|\.(?=\S)){0,120}?"
    r"\b(?:his|her|their)\s+(?:own\s+)?(?:password|e-?mail(?: address)?|2fa|credentials)\b"
    r"(?:\s+and\s+(?:his|her|their)\s+(?:own\s+)?(?:working\s+)?(?:password|e-?mail|2fa))?",
    _I,
)


def _plain(sentence: str) -> str:
    """The sentence without the words that say nothing about having a credential."""
    sentence = _FELLOW_MAINTAINERS.sub(" ", _SOMEONE_ELSES.sub(" ", sentence))
    sentence = _ASIDE.sub(_unless_naming_a_part, sentence)
    # "I don't remember my username (something like rav-geo, I'm not sure), and I don't
    # know the password either": the doubt is the aside's own.
    sentence = PARENTHESES.sub(
        lambda aside: (
            _unless_naming_a_part(aside) if HEDGE.search(aside.group(0)) else aside.group(0)
        ),
        sentence,
    )
    sentence = _UNCHANGED.sub(" stayed the same", sentence)
    sentence = _USER_AND_PASS.sub("username and password", sentence)
    sentence = _SHORT_USER.sub("username", sentence)
    if not _MAIL_WORDS.search(sentence):
        # "I still have that password" is the account's unless a mailbox was just named.
        sentence = _THAT_PASSWORD.sub("the password", sentence)
    sentence = _NEW_PASSWORD.sub("I have the password", sentence)
    sentence = _PASSWORD_REFUSED.sub("the password is lost", sentence)
    sentence = _EMAIL_CHANGED.sub("; the email is lost;", sentence)
    sentence = _MAIL_GOES_NOWHERE.sub("; the email is lost;", sentence)
    sentence = _PROVIDER_GONE.sub("; the email is lost;", sentence)
    sentence = _NOT_THE_PART.sub(
        lambda found: f"the {found.group('part') or found.group('topic')} is fine", sentence
    )
    sentence = _DOUBLE_NEGATIVE.sub("have", sentence)
    sentence = _THE_PART.sub(lambda found: f"; the {found.group('part')} is lost", sentence)
    return _NEUTRAL_PHRASES.sub(" ", _NOT_THE_PROBLEM.sub(" fine", sentence))


# "My commits use the address I'm writing from": an address as proof, not the account's.
_AUTHORSHIP = re.compile(r"\bcommit\w*|\bauthored\b|\bgit log\b", _I)


def _about_having(clause: str) -> bool:
    """False for a promise about a secret, a remark on verification or an address commits
    are made with, which say neither."""
    promise = _DISCLOSURE.search(clause) and _SECRET.search(clause)
    return not (promise or _UNVERIFIED.search(clause) or _AUTHORSHIP.search(clause))


def credential_remarks(sentence: str) -> set[str]:
    """Parts a sentence says something about without saying whether they are still had.

    "The email was never verified": staff should read it, but it is no answer.
    """
    if not (_UNVERIFIED.search(sentence) and _ANY_PART.search(sentence)):
        return set()
    return {
        part
        for clause in clauses(sentence)
        if _UNVERIFIED.search(clause)
        for part, pattern in _PARTS.items()
        if pattern.search(clause)
    }


_PART_WORD = r"(?:user ?name|password|e-?mail)"
# "Access to username / password / email: Yes / Yes / Yes": parts and answers in order.
_SHORT_PART = r"(?:user ?name|user|u(?=\s*/)|password|pass|pw|e-?mail|mail)"
_SLASHED = re.compile(
    rf"\b(?P<parts>{_SHORT_PART}(?:\s*/\s*{_SHORT_PART}){{1,2}})\s*[-:=]?\s*"
    # "user/pw/email: rhesus_m / yes / yes": the name answers for the username
    r"(?P<answers>(?:yes|no|[\w.-]+(?=\s*/))(?:(?:\s*[/,]\s*|\s+)(?:yes|no)){1,2})\b",
    _I,
)
_PAIRED_ANSWER = re.compile(
    r"\b((?:account\s+|the\s+)?(?:user ?name|user|password|pass|pw|e-?mail(?: address)?|mail))"
    r"\s*[-:=]?\s*(yes|no)\b"
    r"(?!\s+(?:longer|problem|idea|way|more|one|access)\b)",
    _I,
)
# "Username, yes.": a comma only after the part that opens the sentence.
_OPENING_PAIR = re.compile(
    r"^\W*((?:the\s+)?(?:user ?name|password|e-?mail(?: address)?)),\s*(yes|no)[^\w?]*$", _I
)


# "Yes to the username and to the password", "no to the email".
_ANSWER_TO_PARTS = re.compile(
    rf"\b(?P<answer>yes|no),?\s+(?:to|for)\s+(?P<parts>(?:the\s+|my\s+)?{_PART_WORD}"
    rf"(?:\s*(?:,|and|&)\s*(?:(?:to|for)\s+)?(?:the\s+|my\s+)?{_PART_WORD})*)",
    _I,
)


# "user yes pass yes email yes": the short names people type.
_SHORT_PARTS = {
    "user": "username",
    "u": "username",
    "pass": "password",
    "pw": "password",
    "mail": "email",
}


_OPENING_DASH = re.compile(
    r"^(\W*(?:(?:the|my|account)\s+)?(?:user ?name|password|e-?mail(?: address)?))\s*[–—]"
    r"(?=\s*(?:yes|no)\b)",
    _I,
)


def _paired_answers(sentence: str) -> dict[str, bool]:
    """A list such as "username - yes, password - no, account email - no"."""
    found: dict[str, bool] = {}
    # "Password — yes, I have it.": a dash after the part that opens the sentence.
    sentence = _OPENING_DASH.sub(r"\1:", sentence)
    for answered in _ANSWER_TO_PARTS.finditer(sentence):
        for part, pattern in _PARTS.items():
            if pattern.search(answered.group("parts")):
                found.setdefault(part, answered.group("answer").lower() == "yes")
    slashed = _SLASHED.search(sentence)
    if slashed:
        parts = re.split(r"\s*/\s*", slashed.group("parts"))
        answers = re.split(r"\s*[/,]\s*|\s+", slashed.group("answers"))
        if len(parts) == len(answers):
            for part, answer in zip(parts, answers, strict=True):
                named = part_named(part)
                if answer.lower() in ("yes", "no") or named == "username":
                    found.setdefault(named, answer.lower() != "no")
    for part, answer in [*_PAIRED_ANSWER.findall(sentence), *_OPENING_PAIR.findall(sentence)]:
        found.setdefault(part_named(part), answer.lower() == "yes")
    return found


def part_named_in(text: str) -> set[str]:
    """The credential parts a text names ("The email on the account …": email)."""
    return {part for part, pattern in _PARTS.items() if pattern.search(text)}


def part_named(word: str) -> str:
    """The credential part a word names, short forms ("pw", "user") included."""
    short = _SHORT_PARTS.get(word.lower().split()[-1])
    return short or next(name for name, pattern in _PARTS.items() if pattern.search(word))


def clauses(sentence: str) -> list[str]:
    """Split a sentence into clauses; a new "I have…" starts one only after a subject.

    "I lost my phone and I still have my password" is two clauses, but "The password
    I have still" (object first, as non-native speakers often write) is one.
    """
    merged: list[str] = []
    start, after_conjunction = 0, True
    for found in _CLAUSE_SPLIT.finditer(sentence):
        _add_clause(merged, sentence[start : found.start()], after_conjunction)
        start, after_conjunction = found.end(), bool(found.group(0).strip())
    _add_clause(merged, sentence[start:], after_conjunction)
    return merged


def _add_clause(merged: list[str], piece: str, after_conjunction: bool) -> None:
    """A piece split off only because "I …" starts it joins an object-first clause."""
    if not piece.strip():
        return
    if (
        merged
        and not after_conjunction
        and _NEW_SUBJECT.match(piece)
        and (not FIRST_PERSON.search(merged[-1]) or len(merged[-1].split()) <= 3)
        and not NEGATION.search(merged[-1])
    ):
        merged[-1] = f"{merged[-1]} {piece}"
    else:
        merged.append(piece)


# "even if I got the password back…": what would be, not what is.
_HYPOTHETICAL = re.compile(
    r"\b(?:even )?if (?:i|we) (?:got|get|had|could|were|was|reset|recovered|regained|managed)\b"
    r"(?![^.;]{0,30}\b(?:still|already)\b)",
    _I,
)
_OPEN_RELATIVE = re.compile(r"\b(?:which|whom)\s*$", _I)
_PAST_ACCESS = re.compile(r"\bused to (?:have|know|use|access)\b|\bhad (?:access|the|my)\b", _I)


def clause_polarity(clause: str) -> bool | None:
    """Whether a clause affirms having something (True), denies it (False), or neither."""
    if _HYPOTHETICAL.search(clause):
        return None
    clause = _REASSURANCE.sub(" ", _DOUBLE_NEGATIVE.sub("have", clause))
    if _PAST_ACCESS.search(clause) and not re.search(r"\bstill\b", clause, _I):
        return False if NEGATION.search(clause) is None else None
    if NEGATION.search(clause) or _CHANGED_AWAY.search(clause):
        return False
    if _ACCESS_CUE.search(clause):
        return True
    return None


# "I know it, no problem": a reassurance, no denial.
_REASSURANCE = re.compile(
    r"\b(?:no|without any|without) (?:problems?|issues?|worries)\b"
    r"|\b(?:it'?s|it is|is) not (?:a )?problem\b",
    _I,
)
# "the email address on the account had been changed to one …": a notice of a takeover.
_CHANGED_AWAY = re.compile(
    r"\b(?:has|had|have) been (?:changed|replaced|swapped|switched)\b(?!\s+(?:back|by me)\b)", _I
)
