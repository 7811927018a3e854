"""What a prose sentence agrees to: the Code of Conduct and the time a recovery takes.

A refusal wins over an agreement, and an agreement counts only when nothing in it
is negated or hedged ("I guess I agree" confirms nothing).
"""

from __future__ import annotations

import re

from intake.extraction.prose import FIRST_PERSON, HEDGE

_I = re.I
_COC = (
    r"(?:(?:your|its|pypi's) )?(?:(?:psf|pypi|python)(?: software foundation)?(?:'s)? )?"
    r"(?:code of conduct|coc|conduct (?:thing|rules|code|policy)|rules of conduct)\b"
)


def _any(*patterns: str) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of ``patterns``."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), _I)


_NEGATED_AGREEMENT = re.compile(
    r"\b(?:not|never|n't|dont|cannot|refuse\w*|decline\w*|disagree\w*)\b|n't\b"
    # "If needed, I agree": a condition, not an agreement.
    r"|\bif (?:you|it|that) (?:need|require|want)s? (?:me )?to\b"
    r"|\bif\b[^.]{0,30}?\b(?:requires?|needs?|wants?)\s+(?:us|me)\s+to\b"
    r"|\bif (?:it is |it's |that is |that's |this is )?(?:needed|necessary|required|need be|"
    r"i must|i have to|you insist)\b"
    r"|\bif\b[^.]{0,50}?\b(?:is|are) (?:required|needed|necessary|mandatory|a requirement|a must|"
    r"obligatory)\b"
    r"|\bno\b(?! problem| rush| worries| urgency| hurry| pressure| objections?| issues?| question)"
    # "I would agree if …": the condition may follow in another shape
    r"|\b(?:would|could) (?:agree|accept)\b",
    _I,
)
_COC_WORDS = re.compile(r"conduct|\bcoc\b", _I)
_TIME_WORDS = re.compile(
    r"time|wait|wating|rush|hurry|long|length|while|tak|patien|slow|drag|week|month|today|tomorrow|"
    r"asap|hours|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"period|urgent|overnight|quick|fast|instant|speedy|rapid|immediate|delay",
    _I,
)
_COC_YES = _any(
    r"\b(?:i|we)\s+(?:hereby\s+|also\s+|fully\s+|do\s+|am\s+)?(?:agree|accept|will (?:follow|abide|"
    r"adhere|respect|comply)|promise|confirm|consent|commit|adhere to|abide by|comply with)\b"
    r".{0,60}?" + _COC,
    # "The group agrees to the Code of Conduct" (written for a team)
    r"\b(?:the|our)\s+(?:group|team|lab|company|foundation|organi[sz]ation|department|project|"
    r"maintainers)\s+(?:agrees|accepts)\b.{0,30}?" + _COC,
    r"\b(?:agreed?|accepted|accept) (?:to )?(?:follow |abide by )?(?:the )?" + _COC,
    _COC + r".{0,30}\b(?:agreed|accepted|agree to (?:follow|abide|respect|it))\b",
    # "The PSF Code of Conduct - of course I'll follow it", "CoC: yes, I'll follow it"
    _COC + r"[^.;?]{0,40}?\b(?:i|we)(?:'ll| will| do| shall)?\s+(?:of course\s+|certainly\s+|"
    r"happily\s+|gladly\s+|also\s+)?(?:follow|respect|abide by|honou?r|observe|uphold)\s+"
    r"(?:it|that|them)\b",
    # "that Code of Conduct my grandson mentioned and I'm happy to agree to it"
    _COC + r"[^.;]{0,50}\b(?:happy|glad|willing|ready) to (?:agree|accept|follow)(?: to)? it\b",
    r"\bno (?:problem|issue|objection) (?:with )?(?:agreeing|accepting|signing up) to\s+(?:the\s+)?"
    + _COC,
    # "He has read the PSF Code of Conduct and agrees to it." (written on his behalf)
    _COC + r".{0,10}\band (?:agrees|accepts) (?:to )?it\b",
    _COC + r".{0,30}\b(?:i|we) (?:\w+ )?(?:agree|accept)\b",
    r"\b(?:d'accord|in agreement|agree|agreed|ok|okay|fine)\s+(?:with|to|for)\s+(?:the\s+)?" + _COC,
    r"\b(?:my|our) (?:full )?(?:agreement|consent) (?:to|with)\s+(?:the\s+)?" + _COC,
    # "I read through your Code of Conduct and I'm in agreement with it", "✔ Conduct rules",
    # "ticked the box agreeing to the Code of Conduct"
    _COC + r".{0,40}\b(?:i'?m|i am|we'?re|we are) in (?:full )?agreement with (?:it|them)\b",
    r"^\W*[✔✓☑✅]\ufe0f?\s*(?:i agree to\s+)?(?:the\s+)?" + _COC + r"\W*$",
    r"\bticked the box agreeing to\s+(?:the\s+)?" + _COC,
    r"\b(?:i'm|i am|we're|we are) (?:hereby )?(?:agreeing|accepting)\b.{0,30}?" + _COC,
    r"\b(?:happy|glad|willing|fine|ok|okay) to be (?:held to|bound by)\s+(?:the\s+)?" + _COC,
    r"^\W*agreed,? (?:re|regarding|on|about)\b\W*(?:the\s+)?" + _COC,
    r"^\W*(?:and\s+)?(?:hereby\s+)?(?:agreeing|accepting) to\s+(?:follow\s+)?(?:the\s+)?" + _COC,
    r"\b(?:i'll|i will|we'll|we will|happy to|glad to) (?:go along with|abide by|follow|adhere to|"
    r"respect|comply with|accept|stick to|keep to)\s+(?:the\s+)?" + _COC,
    _COC + r"(?: thing)?\s+(?:is\s+)?(?:fine|ok|okay|good|alright)\s+(?:by|with|for)\s+me\b",
    # "Code of conduct: I'll stick to it"
    _COC + r"\W{1,3}(?:i'll|i will|we'll|we will|will)\s+(?:stick to|follow|abide by|respect|"
    r"keep to|adhere to|comply with)\s+(?:it|them)\b",
    # "Code of conduct: yes." and "yes to the code of conduct" inside a sentence.
    _COC + r"\s*(?:[:=]|-+|–)?\s*(?:read(?: it| them)?(?:,| and)\s*)?"
    r"(?:yes|y|agreed?|ok|okay|accepted|fine|good)\b(?!\?)",
    r"\byes,? (?:to|for) (?:the\s+)?" + _COC,
    _COC + r".{0,40}\b(?:fine|ok|okay|happy|glad)\s+(?:with\s+)?(?:following|to follow|abiding by|"
    r"to abide by)\s+(?:it|them)\b",
    # "I'm fine with following the Code of Conduct"
    r"\b(?:i'?m|i am|we'?re|we are)\s+(?:\w+\s+)?(?:fine|ok|okay|happy|glad|content|willing)\s+"
    r"(?:with\s+)?(?:following|abiding by|complying with|sticking to)\s+(?:the\s+)?" + _COC,
    r"\bagre(?:e|ed)? (?:to|with|on) (?:the\s+)?" + _COC,
    # "… and am content to abide by it", "Happy to sign up to the code of conduct"
    _COC
    + r".{0,40}\b(?:content|happy|glad|willing|prepared)\s+to\s+(?:abide by|follow|comply with|"
    r"adhere to)\s+(?:it|them)\b",
    r"\b(?:happy|glad|willing)\s+to\s+(?:sign up to|sign on to|subscribe to)\s+(?:the\s+)?" + _COC,
    r"\bno (?:problem|issue|objection)s? with (?:the\s+)?" + _COC,
    # "I'm on board with the Code of Conduct", "Count me in on the Code of Conduct"
    r"\b(?:i'?m|i am|we'?re|we are) on board with (?:the\s+)?" + _COC,
    r"\bcount (?:me|us) in (?:on|for|with) (?:the\s+)?" + _COC,
    # "Consider me signed up to the Code of Conduct"
    r"\b(?:consider|count) me\s+(?:as\s+)?(?:signed up|signed on|on board|agreed)\s+(?:to|with)\s+"
    r"(?:the\s+)?" + _COC,
    # "I've read the Code of Conduct and agree", "… and I'm fine with it"
    _COC + r",?\s+and\s+(?:i\s+|i'm\s+|i am\s+|am\s+)?(?:(?:fully\s+)?agree|agreeing|accept|"
    r"(?:will|shall)\s+(?:follow|abide by|respect|adhere to|comply with|keep to)\s+(?:it|them)|"
    r"(?:fine|ok|okay|happy|good|comfortable)\s+with\s+(?:it|that|them|all of it))\b"
    r"(?!\s+(?:that|with (?!it\b)|to (?!it\b|be bound|abide|follow|comply|respect)))",
)
_COC_NO = _any(
    # "I don't object to the Code of Conduct", "I'm not saying I won't go along with it"
    r"(?<!saying i )(?<!saying we )(?<!saying that i )"
    r"\b(?:do not(?! object| mind)|don't(?! object| mind)|doesn't|won't|will not|cannot|can't|"
    r"refuse to|decline to|disagree|"
    r"not going to|not gonna|rather not|not agreeing|not accepting|not signing)\b"
    r".{0,40}" + _COC,
    _COC + r".{0,60}\b(?:won't|will not|refuse to|not going to|(?:i'd|i would) rather not|"
    r"(?<!say )(?<!saying )(?:i|we) (?:do not|don't|cannot|can't)) (?:sign|agree|accept)\b",
)
_TIME_YES = _any(
    # "No problem waiting", "No problem for waiting long time"
    # (not "I would have no problem waiting if …": what they would do)
    r"(?<!would have )(?<!'d have )(?<!would be )"
    r"\bno (?:problem|issue|worries|trouble)\s+(?:with\s+|for\s+|about\s+)?wait(?:ing)?\b",
    # "The significant processing time you warn about is fine by me."
    r"\b(?:wait|waiting|delay|timeline|(?:processing|recovery|review|long|significant) time|"
    r"time (?:it|this) takes)\b[^.;?]{0,50}?\b(?:is|are|'s)\s+(?:totally\s+|"
    r"perfectly\s+|completely\s+|all\s+)?(?:fine|ok|okay|acceptable|alright|all right)"
    r"(?:\s+(?:by|with|for)\s+(?:me|us)\b|(?=\s*(?:[,.;!]|$)))",
    r"\b(?:understand|acknowledge|acknowlege|aknowledge|accept|realise|realize|am aware|'m aware|"
    r"aware|conscious|know|get it|i get|"
    r"appreciate|recognize|recognise|get that|see that|understood)\b.{0,90}?"
    r"\b(?:take|takes|taking|require|requires)\b.{0,50}?"
    r"\b(?:time|while|weeks?|wks|days?|months?|long|longer|ages|forever|period)\b",
    # "I realise it could be a while before you can help"
    r"\b(?:realise|realize|understand|know|aware)\b[^.]{0,30}?\b(?:it|this) (?:could|may|might|"
    r"will|can) (?:be|take) a (?:good |long |little )?while\b",
    # "It is clear to me that this can last long."
    r"\b(?:clear to (?:me|us)|(?:i|we) (?:know|realise|realize|understand))\b.{0,20}?"
    r"\b(?:can|may|might|will|could)\s+last\s+(?:\w+\s+)?(?:long|a (?:long )?while|weeks|months)\b",
    r"\b(?:understand|accept|aware|know|acknowledge)\b.{0,40}?\b(?:the )?(?:wait|waiting|review|"
    r"process|verification|investigation|check|recovery)\b"
    r".{0,30}?\b(?:be|is|takes?|can|could|may)\b.{0,20}?\b(?:long|lengthy|slow|a while)\b",
    r"\b(?:happy|willing|ok|okay|fine|prepared|content|ready|able)\s+to\s+wait\b",
    # "We don't expect this to be quick", "ok if slow"
    r"\b(?:i|we) (?:don't|do not) expect (?:this|it|that|the (?:process|recovery|review)) to be "
    r"(?:quick|fast|speedy|immediate|instant)\b",
    r"\b(?:ok|okay|fine|no problem|np)\s+if\s+(?:it'?s\s+|it is\s+)?(?:slow|it takes (?:a while|"
    r"time|weeks|long))\b",
    # "we agree to the coc and understand the wait"
    r"\b(?:understand|accept|acknowledge)\w*\s+(?:the|a|that)\s+(?:long\s+)?(?:wait|delay)\b"
    r"(?!\s+(?:is|will be|would be)\b)",
    r"\b(?:prepared|ready|fine|ok|okay|happy)\s+for\s+(?:[\w-]+\s+){1,3}?to\s+take\b",
    r"\b(?:fine|ok|okay|happy|comfortable)\s+with\s+(?:a|the)\s+(?:slow|long|lengthy)\s+"
    r"(?:recovery\s+|review\s+)?(?:process|wait|review|recovery)\b",
    r"\b(?:fine|ok|okay|happy|alright|comfortable)\s+with\s+(?:\w+\s+){0,3}?"
    r"(?:tak\w*|wait\w*|need\w*)\b.{0,40}?\b(?:time|while|long|weeks?)\b",
    # "That it can take long time is clear for me."
    r"\btakes?\b[^.]{0,30}?\b(?:time|while|weeks|long)\b[^.]{0,15}?\b(?:is|are)\s+"
    r"(?:clear|understood|fine|ok|okay|acceptable|no problem)\b"
    r"|\bi(?:'m| am) (?:a )?patient\b|\b(?:i'll|i will|we'll|we will) be (?:\w+ )?patient\b"
    r"|\b(?:weeks|months) (?:is|are) (?:fine|ok|okay|no problem|acceptable|nothing)\b"
    r"|\bno (?:rush|hurry)\b|\btake (?:your|ur|yr) time\b"
    # "Time it can take, I understand."
    r"|\btime it (?:can|may|will|might) take\b\W{0,3}(?:i|we) (?:understand|accept|know)\b"
    r"|\bnot in (?:any|a|much of a) (?:rush|hurry)\b(?!\s+to\b)"
    # "I know requests like this sit in a queue for a while"
    r"|\b(?:know|understand|realise|realize|aware)\b[^.;]{0,60}\b(?:sit|wait|stay)s? in (?:a|the) "
    r"queue\b"
    r"|\btake as long as (?:you|it) (?:need|needs|takes)\b"
    r"|\bhowever (?:long|many (?:days|weeks|months)) (?:it|this) (?:takes|may take|will take)\b"
    r"(?![^.]{0,30}\b(?:not|n't|cannot)\b)"
    r"|\b(?:multi-week|long|lengthy|slow|weeks-long)\s+(?:turnaround|wait|process|timeline|timeframe)\s+"
    r"(?:is|are|would be)\s+(?:acceptable|fine|ok|okay|no problem)\b"
    # "can wait", "I will wait"; never "Wait, no - …"
    r"|(?:^\W*(?:i\s+|we\s+)?(?:can|will)\s+|\b(?:i|we|and)\s+can\s+|\b(?:i'll|ill|i will|we'll|"
    r"we will|will)\s+)wait\b"
    r"(?! (?:a (?:bit|little|few|couple|day|week)|some days|until|to hear|for (?:your|a|the) "
    r"(?:reply|response|answer|news))\b)",
    r"(?<!not )(?<!n't )(?<!from )"
    r"\b(?:fine|ok|okay|happy|alright|comfortable|no problem|no issue)\s+(?:with|on)\s+"
    r"(?:the|teh|a|any)\s+"
    r"(?:long\s+|lengthy\s+)?wait(?:ing)?(?:\s+time)?\b",
    r"\b(?:fine|ok|okay|happy|alright|comfortable|no problem)\s+(?:with\s+)?wai?ting\b"
    # "no problem waiting if we weren't shipping …", "Is it no problem with waiting?"
    r"(?!\s+if\b)(?![^.!?]*\?)"
    r"(?!\s+(?:a (?:bit|little|few|couple|day|week)|some days|until)\b)",
    r"\byes,? (?:to|for) (?:the\s+)?(?:time|wait(?:ing)?|delay|processing time)\b"
    r"|\b(?:time|wait(?:ing)?|delay)\s*(?:[:=-]\s*)?(?:is\s+)?"
    r"(?:fine|ok|okay|no problem|good|(?:accepted|understood|yes)(?=\s*(?:$|/|[.;!])))\b",
    r"\b(?:long |lengthy )?wait(?:ing)?(?:\s+(?:a\s+)?long)?(?: time)?\s+(?:is|are)\s+"
    r"(?:ok|okay|fine|no problem|alright)\b",
    r"\b(?:fine|ok|okay|happy|alright)\s+with\s+(?:a|the)\s+(?:long|lengthy)\s+"
    r"(?:(?:processing |waiting |recovery )?time|wait|process)\b",
    r"\btake (?:whatever|all the|as much) time\b|\bnot in a (?:hurry|rush)\b"
    r"|\btake (?:the|all the) time (?:you|u|it|that) (?:need|needs|takes)\b"
    r"|\b(?:understand|accept|know|aware)\b.{0,20}?\bthe time (?:it|this|that) (?:takes|will take|"
    r"needs|may take)\b"
    r"|\baccept\w*\b[^.]{0,40}?\band (?:the )?(?:long )?(?:wait|waiting)(?: time)?\b",
    r"\b(?:ok|okay|fine|no problem|alright)\b.{0,20}\b(?:if|that) (?:it|this) (?:takes?|needs?)\b",
    # "I understand this will not be resolved overnight"
    r"\b(?:understand|know|aware|realise|realize|accept)\b.{0,40}?\b(?:not|n't)\s+(?:be\s+)?"
    r"(?:resolved|done|fixed|sorted|solved)\s+overnight\b",
    # "I'm fine with however long it takes", "fine to wait however long"
    r"\b(?:fine|ok|okay|happy|wait\w*)\b.{0,20}\bhowever long\b",
    # "I'm fine with the code of conduct and with it taking a while"
    r"\b(?:fine|ok|okay|happy|alright)\b.{0,60}?\bwith (?:it|this|that) (?:taking|being slow)\b",
    r"\baccept(?:s|ed|ing)?\s+(?:the\s+)?(?:long\s+)?(?:wait|waiting|delay)\b"
    r"|\b(?:prepared|ready|braced)\s+for\s+(?:a\s+)?(?:long|lengthy)\s+(?:wait|process|haul)\b",
    # "the long time is fine", "The long waiting I accept."
    r"\b(?:the\s+|a\s+)?(?:long|lengthy|slow)\s+(?:time|wait(?:ing)?|process|recovery|review)\s+"
    r"(?:(?:is|are)\s+)?(?:also\s+)?(?:fine|ok|okay|no problem|alright|acceptable)\b"
    # "The slow process: I can live with that."
    r"|\b(?:long|lengthy|slow)\s+(?:time|wait(?:ing)?|process|recovery|review)\b\W{0,3}"
    r"(?:(?:i|we)\s+)?can\s+live with (?:it|that|this)\b"
    r"|\bcan\s+live with (?:a|the) (?:long|lengthy|slow) (?:wait|process|recovery)\b"
    r"|\b(?:the\s+)?(?:long\s+)?wait(?:ing)?(?:\s+time)?\s+(?:i|we)\s+(?:accept|understand)\b",
    r"\b(?:takes?|taking|needs?)\b.{0,30}\b(?:time|while|long)\b.{0,30}\b(?:ok|okay|fine|"
    r"no problem|"
    r"understand|understood)\b",
    r"\b(?:accept|understand|acknowledge|aware of|fine with|ok with|okay with)\b.{0,40}?"
    r"\b(?:long|lengthy|slow)\s+(?:timeline|process|wait|waiting|review|time)\b",
    r"\btak\w*\b.{0,50}?\b(?:time|while|weeks?|months?)\b,?\s+(?:which|that)\s+(?:is|'s)\s+"
    r"(?:fair|fine|ok|okay|understandable|reasonable|no problem)\b",
    r"\b(?:accept|understand)\w*\b.{0,30}?\bneed\w*\s+(?:some\s+|the\s+|a lot of\s+)?time\b"
    r"|\b(?:understand|accept|aware|know|appreciate)\b.{0,60}?\b(?:require|requires|need|needs)\s+"
    r"(?:a\s+)?(?:considerable|significant|substantial|long|lengthy|extended)\s+(?:amount of\s+)?"
    r"(?:period|time|while)\b",
    # "I understand this could drag on for a while", "fine with the recovery being slow"
    # "I understand a recovery is not a quick process", "there's a waiting period"
    r"\b(?:understand|understood|aware|know|realise|realize|accept|appreciate|gather)\b.{0,40}?"
    r"\b(?:is\s*n't|is not|are\s*n't|are not|won't be|will not be|not)\s+(?:going to be\s+)?"
    r"(?:an?\s+)?"
    r"(?:instant|quick|fast|immediate|speedy|rapid)\b(?![^.]{0,40}\bbut\b)"
    r"|\b(?:timeline|wait|waiting|delay|time ?frame)\b.{0,20}?\b(?:i|we) can live with "
    r"(?:that|it|this)\b"
    r"|\b(?:understand|aware|know|realise|realize|accept)\b.{0,30}?\b(?:there'?s|there is|"
    r"there will be)\s+(?:a\s+|some\s+)?(?:waiting period|wait|delay)\b"
    r"|\b(?:understand|accept|aware|know|realise|realize|fine|ok|okay|happy|alright|comfortable)\b"
    r".{0,40}?\b(?:wait|waiting|review|process|recovery|this|it|things|that)\b(?:'ll|'s)?\s+"
    r"(?:\w+\s+){0,2}?(?:be|is|being|gets?|goes|go)\s+(?:a\s+)?(?:very\s+|quite\s+|rather\s+)?"
    # "Okay so this is a long one.": the mail is long, not the wait
    r"(?:slow|lengthy|long)\b(?!\s+(?:one|e-?mail|mail|message|story|letter|read|list|post)\b)"
    r"|\b(?:understand|accept|aware|know|realise|realize|fine|ok|okay)\b"
    r".{0,80}?\bdrag(?:s|ging)? on\b"
    r"|\b(?:i|also) get (?:that|it)\b.{0,80}?\b(?:drag(?:s|ging)? on|take (?:a while|long|time|"
    r"weeks)|(?:it'?s|it is|it will be|it'll be|this is) slow)\b",
)
_TIME_NO = _any(
    r"\b(?:can't|cannot|can not|won't|will not|unable to|not able to|don't want to|"
    r"do not want to|not willing to|unwilling to)(?: afford to| really)? wait\b"
    r"|\bwhat (?:i|we) (?:can't|cannot|can not) (?:really )?do is wait\b"
    r"|\b(?:don't|do not|can't|cannot) (?:have|afford|spare) (?:(?:weeks|months)(?: to wait)?|"
    r"(?:the )?time to wait)\b",
    r"\b(?:don't|do not) (?:accept|understand) .{0,40}\btime\b",
    # "weeks is too long" (never "put this off for far too long", "sorry if it's too long")
    r"(?<!won't take )(?<!not take )(?<!doesn't take )(?<!wouldn't take )"
    r"(?<!for )(?<!for far )(?<!for way )(?<!for much )(?<!if it's )(?<!if its )(?<!if this is )"
    r"(?<!if it is )(?<!this is getting )(?<!this got )\btoo long\b"
    r"|\bnot (?:ok|okay|fine|acceptable)\b|\bunacceptable\b",
    r"\bneed (?:it|this|access|the account|my account) (?:back )?(?:before|by|today|tomorrow|asap|"
    r"urgently|right away|immediately|this week|within)\b"
    # "We need this locked down today, not next week"
    r"|\bneed (?:it|this|that|the account|my account) (?:\w+\s+){1,2}?(?:today|tonight|tomorrow|"
    r"right away|immediately|right now|within \d+ (?:hours|hrs|days)|by (?:mon|tues|wednes|thurs|"
    r"fri|satur|sun)day)\b",
    # "I need this resolved before Friday", "I expect this to be handled within 48 hours", "I'd
    # appreciate this being handled before then": a deadline set for the review
    r"\b(?:need|expect|want|require|appreciate)\s+(?:it|this|that|the account|my account|access)"
    r"\s+(?:to be\s+|being\s+)?(?:\w+\s+){0,2}?(?:before|by|within)\s+(?:then\b|that\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|tonight|(?:the )?end of|"
    r"\d+\s*(?:hours?|hrs?|days?)\b|next week|this week)"
    r"|\b(?:don'?t|do not) (?:make|let) (?:me|us) wait\b"
    # "Please solve this in 24 hours", "please get this locked down ideally within 24 hours"
    # (not "please reply within 2 days": an answer, not the review)
    r"|\b(?:please|need to|must)\b(?:(?!\b(?:reply|respond|answer|confirm|acknowledge|get back)\b)"
    r"[^.]){0,40}?\b(?:within|in) (?:the next )?\d+\s*(?:hours?|hrs?|days?)\b",
    r"\b(?:can't|cannot|can not|won't|will not|couldn't|could not|don't|do not)\s+(?:\w+\s+)?"
    r"(?:accept|afford|"
    r"live with|handle|tolerate)\b.{0,30}?\b(?:wait\w*|weeks?|months?|delays?)\b",
    # "waiting weeks is not an option for us"; "Accepting a wait of weeks - no, I can't."
    r"\b(?:wait\w*|weeks?|months?|delays?)\b.{0,20}?\b(?:is|are)\s*(?:not|n't) an option\b"
    r"|\baccept\w*\s+(?:a\s+|the\s+)?(?:long\s+)?(?:wait|delay)\b.{0,40}?\bno,?\s+(?:i|we)\s+"
    r"(?:can'?t|cannot|won'?t)\b",
    # "Nor am I going to accept 'this may take weeks'", "I'm not waiting weeks either"
    r"\b(?:(?:i'?m|i am|we'?re|we are) not|nor (?:am|will|do|shall) (?:i|we))\s+"
    r"(?:going to\s+|gonna\s+)?(?:(?:accept\w*|put up with)\s+(?:that\s+)?[\"“']?(?:this|it)\s+"
    r"(?:may|might|will|could|can|would)\s+take\b|(?:accept\w*|wait\w*|put up with)\s+"
    r"(?:(?:for|a|the|several|many|multiple|few)\s+){0,2}(?:weeks?|months?|delays?|that long|"
    r"so long|forever)\b)",
)


_CONDITION = re.compile(
    r"\bif (?:that'?s|thats|that is|it'?s|its|it is|this is)? ?(?:really |absolutely |strictly )?"
    r"(?:needed|required|necessary|a must|a requirement|mandatory|compulsory|a prerequisite)\b"
    r"|\bif (?:that|it|this) helps\b|\bonly if\b|\b(?:provided|providing|unless|assuming|once)\b"
    # "happy to agree to it if you send me a copy first"
    r"|\bif you (?:send|show|give|share|provide|explain|tell)\b|\bif you\b[^.]{0,40}\bfirst\b"
    r"|\bbut\b[^.]{0,30}\b(?:read|review|first|before)\b"
    # "I'd be okay waiting if it's only a few days"
    r"|^\W*(?:if|as long as|provided) (?:it'?s|it is|this is|that'?s) (?:only|just|not more than)\b"
    # "ok to wait as long as its under a week": a limit, unlike "as long as it takes"
    r"|\b(?:as long as|if) (?:it'?s|its|it is|this is|that'?s|it gets done|it'?s done|done) "
    r"(?:under|less than|within|no more than|not more than|before|by)\b"
    r"|\bas long as (?:it|this) (?:doesn'?t|does not|won'?t|will not) "
    r"(?:take|stretch|go|last|drag)\b"
    # "I'll agree to it if that's what it takes"
    r"|\bif (?:that'?s|that is|it'?s|it is|this is) what (?:it takes|you need|is needed|"
    r"is required|you require|'s needed|'s required)\b"
    r"|\bif (?:that'?s|that is|it'?s|it is) what'?s (?:needed|required)\b"
    # "I will agree once I have read it": not yet
    r"|^\W*(?:once|when|after|as soon as)\s+(?:i|we)(?:'ve| have|'ll| will)?\s+(?:\w+\s+)?"
    r"(?:read|reviewed|looked|checked|gone through|finished)\b",
    _I,
)
_QUESTION_WORDS = 6
_CROSSED = re.compile(r"^\W*?[✘✗✖❌]")
# "if it's reasonable, I'll wait": the clause before sets a condition ("even if it takes
# months, I'll wait" does not).
_IF_FIRST = re.compile(
    r"(?<!even )\bif\b(?!\s+(?:it|this|that) (?:takes|needs|lasts)\b)[^.;,]{0,40},\s*$", _I
)
# "If your process requires us to accept a long wait, …": a condition before it.
_REQUIRED_FIRST = re.compile(
    r"\bif\b[^.]{0,40}?\b(?:requires?|needs?|wants?)\s+(?:us|me)\s+to\s*$"
    r"|\bif\b[^.]{0,40}?\b(?:is|are)\s+(?:required|needed|necessary|a prerequisite)\b[^.]{0,20}$"
    # "If there is a code of conduct I have to accept, I will accept it."
    r"|^\W*(?:and\s+|but\s+)?if\b[^.;]{0,80}$"
    # "I saw on your website that I must agree Code of Conduct": the rule, not an agreement
    r"|\b(?:i|we) (?:must|have to|need to|should|am required to|are required to)\s*$"
    # "Before I say yes to the waiting part, can you tell me …": not yet
    r"|\b(?:before|until) (?:i|we) (?:say|said|can say|give)\s*$",
    _I,
)
# "It may take a long time" is what is accepted, not a doubt about accepting it.
# "it may take weeks", "it could be a long wait": how long, not whether they accept it.
_MAY_TAKE = re.compile(
    r"\b(?:might|may|maybe|could|can|will|would)\s+(?:\w+\s+)?(?=tak)"
    r"|\b(?:might|may|could|can|will|would)\s+be\s+(?=(?:a\s+)?(?:long|lengthy|slow|"
    r"(?:good |little )?while)\b)",
    _I,
)


def _answered(sentence: str) -> str:
    """A question of ours answered in place, said in the requester's words.

    "Do you agree to the Code of Conduct and accept it may take a long time: Yes to both."
    is "I agree to the Code of Conduct and accept it may take a long time".
    """
    asked = _ASKED.match(sentence)
    if asked is None:
        return sentence
    if _YES_TO_IT.match(asked.group("answer")):
        return f"I {asked.group('question')}."
    if _NO_TO_IT.match(asked.group("answer")):
        return f"I do not {asked.group('question')}."
    return sentence


_ASKED = re.compile(
    r"^\W*(?:q\W+)?(?:do|will|can|would) you\s+"
    r"(?P<question>(?:also\s+)?(?:agree|accept|understand|acknowledge|confirm)\b[^:?]{5,200}?)\s*[:?]\s*"
    r"(?:a\W+)?(?P<answer>\S.*)$",
    _I,
)
_YES_TO_IT = re.compile(
    r"^(?:yes|yep|yeah|i do|i will|agreed|absolutely|of course)\b(?:,?\s*(?:to )?both)?"
    r"(?:,?\s*i (?:do|will))?[^\w?]*$",
    _I,
)
_NO_TO_IT = re.compile(r"^(?:no|nope|i do not|i don't)\W*$", _I)


_QUESTION = re.compile(r"^\W*(?:why|what|how|do|does|must|should|is|are|can)\b[^.!]*\?\s*$", _I)
# "I've seen that you want people to agree to the Code of Conduct": what we ask of
# requesters, not what this one says.
_ASKED_OF_PEOPLE = re.compile(
    r"\b(?:you|they|pypi|the (?:form|site|page|process|reply|team))\s+(?:\w+\s+)?"
    r"(?:want|wants|ask|asks|asked|require|requires|need|needs|expect|expects)\s+"
    r"(?:people|me|us|users|everyone|requesters|someone|one)?\s*to\s+"
    r"(?:agree|accept|acknowledge|confirm|understand)\b[^;:.!?,]*",
    _I,
)


def coc_statement(sentence: str) -> bool | None:
    """True/False when the sentence agrees or refuses the Code of Conduct; a question
    ("why i must accept code of conduct?") does neither."""
    sentence = _ASKED_OF_PEOPLE.sub(" ", _answered(sentence))
    if not _COC_WORDS.search(sentence) or _advice(sentence) or _QUESTION.search(sentence):
        return None
    return _agreement(_SHORT_WITH.sub(" with ", sentence), _COC_YES, _COC_NO)


def time_statement(sentence: str) -> bool | None:
    """True/False when the sentence accepts or refuses that recovery takes time."""
    sentence = _ASKED_OF_PEOPLE.sub(" ", _answered(sentence))
    if not _TIME_WORDS.search(sentence) or _advice(sentence) or _unanswered_label(sentence):
        return None
    sentence = _SHORT_WITH.sub(" with ", _DONT_MIND.sub("am fine", sentence))
    return _agreement(sentence, _TIME_YES, _TIME_NO)


def _unanswered_label(sentence: str) -> bool:
    """ "Acknowledge long wait:" or "Acknowledge long wait ......": a form's label, unanswered."""
    return bool(_LABEL_END.search(sentence)) and not FIRST_PERSON.search(sentence)


_LABEL_END = re.compile(r"(?::|\.{2,}|…)\s*$")
# "ok w/ coc", "agree w coc": "with", shortened.
_SHORT_WITH = re.compile(r"\s+w/?\s+", _I)
# "Say you agree to the Code of Conduct and that you accept it could take weeks": advice
# to somebody else on what to write ("take whatever time you need" is no advice).
_ADVICE = re.compile(
    r"\b(?:you|u)\s+(?:\w+\s+)?(?:agree|accept|understand|acknowledge|must|should)\b"
    r"|^\W*(?:say|tell (?:them|us)|just say|make sure)\b",
    _I,
)


def _advice(sentence: str) -> bool:
    """Advice to somebody else, or a question to us ("Do you need me to agree to …?")."""
    if _ASKING.match(sentence):
        return True
    return not FIRST_PERSON.search(sentence) and bool(_ADVICE.search(sentence))


_ASKING = re.compile(
    r"^\W*(?:do (?:you|i) (?:need|want|have|require)|should i|must i|shall i|"
    r"is it (?:necessary|required|needed|mandatory)|will i (?:need|have)|"
    r"am i (?:required|supposed)|what (?:if|happens if))\b[^?]*\?\W*$",
    _I,
)


# What an agreement is about, when it starts its own fragment ("…, CoC agreed, no rush").
_TOPICS = r"coc|code of conduct|conduct|no rush|no hurry|wait"
_NEW_CLAUSE = re.compile(
    r"[,;]\s+(?=(?:and\s+|but\s+|so\s+)?(?:i|we)\s)"
    # "codes never saved, CoC agreed, no rush": a list of fragments, each its own
    rf"|[,;]\s+(?=(?:the\s+)?(?:{_TOPICS}|waiting)\b)",
    _I,
)
_TOPIC_FIRST = re.compile(rf"(?:the\s+)?(?:{_TOPICS})\b", _I)
# A clause of its own before the agreement ("…never saved them honestly, i agree"); a short
# one ("Not yet, I will accept …", "I'm not sure, I agree") is the agreement's lead-in.
_OWN_CLAUSE_WORDS = 4
_IF = re.compile(r"\bif\b", _I)
# "I don't mind if this takes a long time" accepts it: the negation is of minding.
_DONT_MIND = re.compile(r"\b(?:do not|don't|dont|wouldn't|would not) mind\b", _I)


# Negations that are the agreement itself: "I'm not in a hurry", "no objections".
_CONTENT_NEGATION = re.compile(
    r"\b(?:not|never) (?:in a (?:hurry|rush)|urgent|a problem)\b(?!\s+to\b)|\bno objections?\b"
    r"|\b(?:not|n't)\s+(?:be\s+)?(?:resolved|done|fixed|sorted|solved)\s+overnight\b"
    r"|\b(?:is\s*n't|is not|not be|won't be|will not be|may not be|might not be|not)\s+"
    r"(?:going to be\s+)?(?:an?\s+)?(?:instant|quick|fast|immediate|speedy|rapid)\b"
    r"|\b(?:don't|do not) expect (?:this|it|that|the \w+) to be (?:quick|fast|speedy|immediate|"
    r"instant)\b",
    _I,
)


def _agreement(sentence: str, yes: re.Pattern[str], no: re.Pattern[str]) -> bool | None:
    """A refusal wins; an agreement counts only when nothing in it is negated or hedged."""
    if no.search(sentence):
        return False
    return _agreed(sentence, yes.search(sentence), yes)


_DOUBT_FOLLOWS = re.compile(r"[\s,]*(?:i (?:guess|think|suppose)|probably|maybe|perhaps)\b", _I)
# How far after an agreement a condition still bounds it ("I can wait for the recovery, as
# long as it is under a week").
_CONDITION_REACH = 60
# How many later agreements are tried after a hedged one.
_RETRIES = 3


def _agreed(
    sentence: str, found: re.Match[str] | None, yes: re.Pattern[str], retries: int = _RETRIES
) -> bool | None:
    """Whether the agreement ``found`` stands in the sentence; a hedged one gives way to a
    later one ("I know you probably get a lot of these and I understand it might take a
    while")."""
    if found is not None and _CROSSED.match(sentence):
        return False  # "✘ Waiting OK? - No.": the cross is the answer
    if found is None or (
        sentence.rstrip().endswith("?") and len(sentence.split()) <= _QUESTION_WORDS
    ):
        return None  # "Okay to wait?": a question, the label of a numbered answer
    said = sentence[max(0, found.start() - 30) : found.end()]  # the agreement and its lead-in
    # "…never saved them, i agree to the code of conduct": a clause before is not the lead-in,
    # unless it sets a condition ("if it is needed, I will agree").
    clause = _NEW_CLAUSE.split(said)[-1]
    before = said[: len(said) - len(clause)]
    if (len(before.split()) >= _OWN_CLAUSE_WORDS or _TOPIC_FIRST.match(clause)) and not _IF.search(
        before
    ):
        said = clause
    said = _CONTENT_NEGATION.sub(" ", said)
    ahead = sentence[: found.start()]
    if (
        _CONDITION.search(sentence[found.end() : found.end() + _CONDITION_REACH])
        or _REQUIRED_FIRST.search(ahead)
        or _IF_FIRST.search(ahead)
    ):
        return None  # "… agree to the code of conduct, if that's needed"
    if _DOUBT_FOLLOWS.match(sentence, found.end()):
        return None  # "The wait is fine, I guess."
    if HEDGE.search(_MAY_TAKE.sub("takes", said)):
        later = yes.search(sentence, found.start() + 1) if retries else None
        return _agreed(sentence, later, yes, retries - 1)
    return None if _NEGATED_AGREEMENT.search(said) else True
