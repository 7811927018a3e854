"""Extraction rules that a user would notice, one sentence each."""

from __future__ import annotations

from typing import Any

import pytest

from intake.extraction.extract import extract_fields, extract_in_context
from intake.extraction.languages import REPLY_LINES, detect_language, reply_line


def _field(text: str, key: str) -> Any:
    found = extract_fields(text).findings.get(key)
    return None if found is None else found.value


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("My account is locked since Monday.", "username", None),
        # Doubts and questions agree to nothing; an open glyph box is no tick.
        ("why i must accept code of conduct?", "coc_agreed", None),
        ("I'm not in a hurry to agree to the code of conduct.", "coc_agreed", None),
        ("Code of Conduct: ☐ I agree to the PSF Code of Conduct", "coc_agreed", False),
        ("☑ I agree to the PSF Code of Conduct", "coc_agreed", True),
        ("I'm happy to agree to the Code of Conduct if that's what's needed.", "coc_agreed", None),
        # Codes kept where they were lost are lost, never "have".
        (
            "Recovery codes: I kept them in a notes app on that same phone. They're lost too.",
            "recovery_codes",
            "lost",
        ),
        ("username = not 100% sure, it's either mkoval or mkoval-dev", "username", None),
        ("holding off until you say the account is clean", "username", None),
        ("My account has been disabled.", "username", None),
        ("my PyPI account iineolineii is locked", "username", "iineolineii"),
        ("My GitHub username is orbit-gh, PyPI is orbit.", "username", "orbit"),
        ("Username: <your username>", "username", None),
        ("Username: jdoe@example.com", "username", None),
        ("Username: `j.doe` (jdoe@example.com)", "username", "j.doe"),
        # A request in another language still names its account.
        ("Mi usuario es jlopez-dev.", "username", "jlopez-dev"),
        ("Я потерял доступ к аккаунту на PyPI, логин — ivanov_a.", "username", "ivanov_a"),
        ("我的 PyPI 用户名是 liuyang88。", "username", "liuyang88"),
        ("Ich komme nicht mehr in mein PyPI-Konto „kwagner“.", "username", "kwagner"),
        ("I do not have access to my email any more.", "credentials.email", False),
        ("I think I might still have the password, not sure.", "credentials.password", None),
        ("I lost my phone but I still have my password.", "credentials.password", True),
        ("Never share your password with anyone.", "credentials.password", None),
        ("My 2FA codes are rejected.", "recovery_codes", None),
        ("My recovery codes are rejected.", "recovery_codes", "not_working"),
        ("I never saved the recovery codes.", "recovery_codes", "never_saved"),
        (
            "I have not lost my recovery codes, but none of them is accepted.",
            "recovery_codes",
            "not_working",
        ),
        ("- [ ] I agree to follow the PSF Code of Conduct", "coc_agreed", False),
        ("- [x] I agree to follow the PSF Code of Conduct", "coc_agreed", True),
        ("I never agreed to the code of conduct.", "coc_agreed", None),
        ("I guess I agree to the code of conduct.", "coc_agreed", None),
        ("I don't want to wait weeks for this.", "time_acknowledged", False),
        ("I understand that it may take a significant amount of time.", "time_acknowledged", True),
        ("I'm fine with it taking a significant amount of time.", "time_acknowledged", True),
        # A promise or a policy about a secret says nothing about having it.
        ("I won't post my password here, obviously.", "credentials.password", None),
        ("I know not to share my password with anyone.", "credentials.password", None),
        ("I will not include my email login in this message.", "credentials.email", None),
        ("I saved the codes in my password manager.", "credentials.password", None),
        # Verification is not access; "only the 2FA data was lost" denies nothing.
        ("My email is not verified on PyPI.", "credentials.email", None),
        ("The email was never confirmed.", "credentials.email", None),
        ("Password and email are fine, only the 2FA data was lost.", "credentials.email", True),
        # Email loss in its many wordings.
        ("I know the password, but its email is unaccessible.", "credentials.email", False),
        ("I left the company that owned that address.", "credentials.email", False),
        ("The mailbox on the account was shut down.", "credentials.email", False),
        (
            "The account email was my old company's, which I can no longer access.",
            "credentials.email",
            False,
        ),
        ("I can read my inbox without problems.", "credentials.email", True),
        (
            "I have full access to the email of my account and my password.",
            "credentials.password",
            True,
        ),
        ("Nobody here knows the password.", "credentials.password", False),
        (
            "The old mailbox was deactivated. I have a new email now (this one).",
            "credentials.email",
            False,
        ),
        (
            "I forgot the vault's master password. I still have my PyPI password.",
            "credentials.password",
            True,
        ),
        (
            "I still get mail there, but the password is no longer mine.",
            "credentials.password",
            False,
        ),
        ("Email on the account: this one", "credentials.email", True),
        (
            "The email address I'm sending from is definitely the one registered.",
            "credentials.email",
            True,
        ),
        (
            "The email on the account, however, is an old address at a company I left in 2023.",
            "credentials.email",
            False,
        ),
        ("The email on the account, however, is an old address.", "username", None),
        ("I honestly can't remember which username I picked.", "credentials.username", False),
        (
            "I don't remember which username I used, maybe alex or alex2.",
            "credentials.username",
            None,
        ),
        ("Username, yes. Password, yes.", "credentials.password", True),
        (
            "1. What is your username?\n   yuki_t\n2. What happened?\n   My phone was reset.\n"
            "3. Do you know your password?\n   Yes",
            "credentials.password",
            True,
        ),
        (
            "Which of these do you still have (username, password, account email): All three.",
            "credentials.email",
            True,
        ),
        (
            "Which of these do you still have (username, password, account email): All three, "
            "but not the email.",
            "credentials.email",
            False,
        ),
        # An expectation or a check still to do is not a statement.
        (
            "I do still have this email address, which should be the one on the account.",
            "credentials.email",
            True,
        ),
        ("The password should be saved in my keychain somewhere.", "credentials.password", None),
        (
            "The email should be the one I'm using now, but I'd have to check.",
            "credentials.email",
            None,
        ),
        (
            "Whether I ever saved the recovery codes, I honestly can't say.",
            "recovery_codes",
            None,
        ),
        (
            "Hi,\n\n- I agree to the Code of Conduct\n- I understand this can take a long time\n\n"
            "Vera",
            "time_acknowledged",
            True,
        ),
        ("I'm fine with following the Code of Conduct.", "coc_agreed", True),
        (
            "Q: Do you agree to the Code of Conduct and accept it may take a long time?\n"
            "A: Yes to both.",
            "time_acknowledged",
            True,
        ),
        ("Do you agree to the Code of Conduct?\nNo", "coc_agreed", False),
        ("Waiting weeks is not an option for us.", "time_acknowledged", False),
        ("Accepting a wait of weeks, though - no, I can't.", "time_acknowledged", False),
        # Doubts, conditions and refusals around an agreement stay unanswered.
        ("My co-maintainer is happy with following the Code of Conduct.", "coc_agreed", None),
        (
            "I'm happy with following the Code of Conduct, but I'd like to read it first.",
            "coc_agreed",
            None,
        ),
        (
            "I agree to the Code of Conduct and I'm ready to wait as long as it takes.",
            "coc_agreed",
            True,
        ),
        (
            "Password and email: both. Actually, I no longer have the password.",
            "credentials.password",
            False,
        ),
        (
            "Which of these do you still have (username, password, account email): Not the "
            "password.",
            "credentials.username",
            None,
        ),
        (
            "I still have my password and, I believe, the account email.",
            "credentials.password",
            True,
        ),
        ("When I log into PyPI as usual, it asks for a code.", "username", None),
        ("I am user kestrel on GitHub.", "username", None),
        (
            "Recovery codes: none saved on the phone, they're in my password manager.",
            "recovery_codes",
            None,
        ),
        (
            "There are no codes I know of; I never set up 2FA myself, my colleague did.",
            "recovery_codes",
            None,
        ),
        (
            "My phone was stolen in a taxi, but the driver brought it back. The recovery codes "
            "were on it.",
            "recovery_codes",
            None,
        ),
        (
            "My recovery codes were saved on my phone. Customs kept my phone for an hour and then "
            "gave it back.",
            "recovery_codes",
            None,
        ),
        (
            "I revoked all my API tokens, and I no longer have access to the account email.",
            "reason_kind",
            "lost_email_access",
        ),
        (
            "My phone broke. I don't think the real problem is that I lost access to my email.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "I set up 2FA on her phone because mine was broken, and her phone was stolen.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "I'm fine with following the Code of Conduct, provided it doesn't need my real name.",
            "coc_agreed",
            None,
        ),
        ("Wait accepted? Not really, we have a release on Friday.", "time_acknowledged", None),
        ("The wait is understood but not accepted.", "time_acknowledged", None),
        ("Username/password/email: both", "credentials.email", None),
        ("Account email: this one?", "credentials.email", None),
        ("The email on the account is mine, but I lost access to it.", "credentials.email", False),
        ("Please reset 2FA for Authy, I moved phones.", "username", None),
        ("I wish I kept even the recovery codes somewhere.", "recovery_codes", None),
        (
            "I thought I'd lost my phone in a taxi, but the driver returned it. The recovery codes "
            "were on it.",
            "recovery_codes",
            None,
        ),
        ("The recovery codes were never on the stolen phone.", "recovery_codes", None),
        ("I changed my email address in 2022, which I didn't do lightly.", "reason_kind", None),
        (
            "My phone died. The real problem is not that I lost access to my email.",
            "reason_kind",
            "lost_2fa_device",
        ),
        ("Do you need me to agree to the Code of Conduct?", "coc_agreed", None),
        ("I'm not sure, I agree to the code of conduct.", "coc_agreed", None),
        ("Not yet, I will accept the code of conduct after reading it.", "coc_agreed", None),
        (
            "I have no problem with the Code of Conduct's goals, but I won't sign it.",
            "coc_agreed",
            False,
        ),
        ("Days are fine; months would not be.", "time_acknowledged", None),
        ("However long it takes is not something I can accept.", "time_acknowledged", None),
        ("Wait, I can live with a day or two, no more.", "time_acknowledged", None),
        ("I know it's not quick, but I need it fixed this week.", "time_acknowledged", None),
        ("I am not writing from my account email address.", "credentials.email", False),
        ("I'm not sure, this is the address registered on the account.", "credentials.email", None),
        # A statement taken back by the next sentence does not stand.
        (
            "I have my password. Well, actually, I don't: the new one never reached my manager.",
            "credentials.password",
            False,
        ),
        (
            "I agree to the Code of Conduct. Actually, please disregard that for now.",
            "coc_agreed",
            None,
        ),
        ("- [x] I have my username and password", "credentials.password", True),
        ("- [ ] I have my username and password", "credentials.username", False),
        # "not" opens the clause it denies or doubts; a refused password is not had.
        ("I have the email, not the password.", "credentials.password", False),
        ("I have the email (this one), not sure about the password.", "credentials.password", None),
        ("The password I saved is rejected.", "credentials.password", False),
        (
            "I know my password, it's only the second factor that is gone.",
            "credentials.password",
            True,
        ),
        # An email is a message, not the mailbox; trouble fixed is trouble over.
        ("The codes were in an email draft I deleted.", "credentials.email", None),
        (
            "I get the emails fine, the only thing missing is the second factor.",
            "credentials.email",
            True,
        ),
        (
            "In 2022 I lost my email domain, but I fixed that and use the new address daily.",
            "credentials.email",
            True,
        ),
        ("So the email is not the problem.", "credentials.email", True),
        ("I can offer the same address as the one on my commits.", "credentials.email", None),
        ("Access to account email (yes/no): not sure", "credentials.email", None),
        ("password yes and email no", "credentials.email", False),
        # Unsure is not "have"; codes never seen were never saved.
        ("Recovery codes: I guess I might have them somewhere.", "recovery_codes", None),
        ("I think I might have the recovery codes somewhere.", "recovery_codes", None),
        ("I skipped the page with the recovery codes.", "recovery_codes", "never_saved"),
        ("The recovery codes, I did not download them.", "recovery_codes", "never_saved"),
        # Codes kept in a place that is gone are lost.
        (
            "The laptop had my recovery codes. My bag was stolen with the laptop in it.",
            "recovery_codes",
            "lost",
        ),
        (
            "I printed the recovery codes and kept them in a folder. "
            "That folder went to recycling.",
            "recovery_codes",
            "lost",
        ),
        (
            "The recovery codes are on my laptop. The laptop was not stolen.",
            "recovery_codes",
            None,
        ),
        # The account changing hands, and codes regenerated unawares, are causes.
        ("Someone else took over my account last night.", "reason_kind", "other"),
        (
            'I must have clicked "Regenerate recovery codes" without realising it.',
            "reason_kind",
            "codes_reset_unknowingly",
        ),
        ("I agree to the CoC and I get that it might take a long time.", "time_acknowledged", True),
        # Conditions and doubts are no answers; an offer to reset is no known password.
        ("If needed, I agree to the Code of Conduct.", "coc_agreed", None),
        ("I'm fairly sure the recovery codes are gone.", "recovery_codes", None),
        ("I think I still remember the password.", "credentials.password", None),
        ("I can reset the password via email.", "credentials.password", None),
        ("I am not going to tick some Code of Conduct box.", "coc_agreed", False),
        # One verb for a list of parts; an aside about mail messages says nothing.
        (
            "I still have the username, the password and the email account.",
            "credentials.email",
            True,
        ),
        (
            "I receive mail at the address on the account (no emails about 2FA arrived).",
            "credentials.email",
            True,
        ),
        ("Access to username / password / email: Yes / Yes / No", "credentials.email", False),
        ("I already wrote everything in my first email.", "credentials.email", None),
        # Codes used up, vanished or unreadable; kept by someone who left.
        ("i used all ten recovery codes already.", "recovery_codes", "not_working"),
        (
            "I had saved the recovery codes as a screenshot, so they vanished with the phone.",
            "recovery_codes",
            "lost",
        ),
        ("He did not hand over any recovery codes.", "recovery_codes", "lost"),
        ("I have no idea what recovery codes are.", "recovery_codes", "never_saved"),
        ("We have inherited the account from an engineer who left.", "reason_kind", "other"),
        # Words about the device never set the codes.
        ("My recovery codes were in a note on the phone I reset.", "recovery_codes", "lost"),
        (
            "I have no backup codes and since I changed my device it is empty.",
            "recovery_codes",
            "lost",
        ),
        ("Had to reset my phone and the recovery codes did not survive.", "recovery_codes", "lost"),
        # Codes that fail.
        ("I tried every recovery code and none of them work.", "recovery_codes", "not_working"),
        ('My backup codes, they say "previously used".', "recovery_codes", "not_working"),
        ("The login says I never generated recovery codes.", "recovery_codes", "not_working"),
        (
            "I still have my codes but the recovery codes are rejected.",
            "recovery_codes",
            "not_working",
        ),
        # Plain words; a negative statement never reads as have.
        ("I've got no recovery codes.", "recovery_codes", "lost"),
        ("I have no idea where my recovery codes are.", "recovery_codes", "lost"),
        ("I never wrote down any codes.", "recovery_codes", "never_saved"),
        ("I never got any codes to save.", "recovery_codes", "never_saved"),
        ("The recovery codes were on the laptop that was stolen.", "recovery_codes", "lost"),
        ("I haven't found my recovery codes.", "recovery_codes", "lost"),
        ("Codes lost", "recovery_codes", "lost"),
        ("I tried my recovery codes, the site refuses them.", "recovery_codes", "not_working"),
        ("Hi, PyPI username mz-dev, my phone broke.", "credentials.username", True),
        (
            "I'd rather not type my password into an email, but I do remember it.",
            "credentials.password",
            True,
        ),
        (
            "It is on my own domain, which I let lapse, so that address is dead.",
            "credentials.email",
            False,
        ),
        ("The attacker changed the password.", "credentials.password", False),
        ("I can't get into that email anymore.", "credentials.email", False),
        ("The backup codes are nowhere to be found.", "recovery_codes", "lost"),
        ("The recovery codes I did not save.", "recovery_codes", "never_saved"),
        ("Recovery codes: they were on the stolen phone", "recovery_codes", "lost"),
        ("Recovery codes: none saved, ever.", "recovery_codes", "never_saved"),
        ("no codes, never saved them", "recovery_codes", "never_saved"),
        (
            "I have recovery codes on paper, but no one from them is working now.",
            "recovery_codes",
            "not_working",
        ),
        ("i know my password and i still have the gmail (this one)", "credentials.email", True),
        ("I can't find your earlier message in my inbox.", "credentials.email", None),
        ("c) The recovery codes were not downloaded at the time.", "recovery_codes", "never_saved"),
        ("I don't save the recovery code when I enable 2FA.", "recovery_codes", "never_saved"),
        (
            "My recovery codes were on my old company laptop, which I had to return.",
            "recovery_codes",
            "lost",
        ),
        ("I still have a few of my recovery codes which work.", "recovery_codes", "have"),
        ("I know that the verification can be long.", "time_acknowledged", True),
        (
            "I typed my password into what turned out to be a fake login page.",
            "reason_kind",
            "other",
        ),
        (
            "I let the domain expire, so I no longer control that address.",
            "reason_kind",
            "lost_email_access",
        ),
        ("Q: Can you access the email address on the account?\nA: Yes.", "credentials.email", True),
        (
            "I lost the phone that had the authenticator on it, and I've also forgotten my "
            "password.",
            "credentials.password",
            False,
        ),
        (
            "I left my phone on a plane. The TOTP app and the recovery codes were both on it.",
            "recovery_codes",
            "lost",
        ),
        ("My phone wasn't lost. The recovery codes were on it.", "recovery_codes", None),
        ("I never lost my phone. The recovery codes were on it.", "recovery_codes", None),
        (
            "My authenticator was on my work phone, which I handed back when I left, and the "
            "recovery codes were on that phone too.",
            "recovery_codes",
            "lost",
        ),
        ("Need 2FA removed. Recovery codes: none saved, ever.", "recovery_codes", "never_saved"),
        ("There are no codes at all - I never set up 2FA.", "recovery_codes", "never_saved"),
        ("coc: agree. long wait: accepted.", "time_acknowledged", True),
        ("codes went with the phone.", "recovery_codes", "lost"),
        (
            "I still have my authenticator and even my printed recovery codes.",
            "recovery_codes",
            "have",
        ),
        (
            "The TOTP app lived only on that phone, and I never saved the recovery codes.",
            "recovery_codes",
            "never_saved",
        ),
        (
            "Cause: customs kept my phone at the border\nRecovery codes: stored on that phone only",
            "recovery_codes",
            "lost",
        ),
        (
            "Phone: lost\nRecovery codes: maybe they are on my old computer, I must look",
            "recovery_codes",
            None,
        ),
        ("Not a single one of my backup codes was accepted.", "recovery_codes", "not_working"),
        (
            "I have my recovery codes, but I never got any of them to work.",
            "recovery_codes",
            "not_working",
        ),
        ("I saved the backup codes but they never worked.", "recovery_codes", "not_working"),
        ("I never got the recovery codes, the phone died.", "recovery_codes", "never_saved"),
        ("Recovery codes: no idea honestly", "recovery_codes", None),
        ("No idea where the recovery codes are, if I ever had them.", "recovery_codes", None),
        (
            "### Recovery Codes\n\n~~- [ ] I never generated or have lost access to the recovery "
            "codes for my account~~\nI might have them written down in a notebook somewhere.",
            "recovery_codes",
            None,
        ),
        (
            "So there are no recovery codes since I never set 2FA up in the first place.",
            "recovery_codes",
            "never_saved",
        ),
        (
            "I do have the recovery codes, printed, but I haven't tried them yet because I was "
            "afraid of using them up wrongly.",
            "recovery_codes",
            "have",
        ),
        ("Recovery codes: have them, never needed them", "recovery_codes", "have"),
        (
            "I found a printed sheet with my recovery codes in my passport wallet!",
            "recovery_codes",
            "have",
        ),
        (
            "I have a copy of my recovery codes on the laptop that was stolen.",
            "recovery_codes",
            "lost",
        ),
        # Corrections of a labelled username, on the next line or after a dash.
        (
            "Username: jn-okafor\nSorry, typo above - the username is jnokafor (no hyphen).",
            "username",
            "jnokafor",
        ),
        (
            "Username: miriam_w\n(wait, sorry - it's miriamw, without the underscore)",
            "username",
            "miriamw",
        ),
        ("Username: bramvdberg — sorry, typo, it's bramvandenberg", "username", "bramvandenberg"),
        ("Username again is feng_li.", "username", "feng_li"),
        # Somebody else's account, named beside the requester's own, is not the one asked about.
        (
            "My account is edemir. I co-maintain quillmark with Jan (his account is jdvorak).",
            "username",
            "edemir",
        ),
        (
            "Our release account on PyPI is acme-data-bot. (Sam also has his own personal "
            "account, samwise_k, which we are not asking about.)",
            "username",
            "acme-data-bot",
        ),
        # … unless it is the only account named: a colleague on leave, a late father.
        ("My colleague is on leave. Her account is pkumar-ml.", "username", "pkumar-ml"),
        ("The maintainer account belongs to Carlos Torres, who left.", "username", None),
        # An issue form's hint comments are the template's words.
        (
            "### PyPI Username\n\n<!-- Your PyPI username, not your email address -->\ntobiaslind",
            "username",
            "tobiaslind",
        ),
        (
            "I reset my password already through the forgot-password link so the password "
            "side is fine.",
            "credentials.password",
            True,
        ),
        (
            "I forgot my password and the reset email goes to my old work address at my former "
            "employer, which I no longer have.",
            "reason_kind",
            "lost_email_access",
        ),
        (
            "problem: cant reset pw because reset goes to old work address",
            "reason_kind",
            "lost_email_access",
        ),
        ("pypi acct ezra-k locked, 2fa key broke.", "reason_kind", "lost_2fa_device"),
        (
            "Please reset 2FA on account bramv. Recovery codes don't work.",
            "reason_kind",
            "recovery_codes_not_working",
        ),
        ("Username is corvid-labs, please reset my 2FA.", "reason", None),
        ("Recovery codes: not known, nobody can find them", "recovery_codes", None),
        (
            "Obviously I have no recovery codes, since I never set 2FA up.",
            "recovery_codes",
            "never_saved",
        ),
        ("Username: abc\nSignificant time: yes, understood", "time_acknowledged", True),
        ("account is abc. we agree to the coc and understand the wait.", "time_acknowledged", True),
        ("I understand the wait is annoying but I can't wait weeks.", "time_acknowledged", False),
        # The account's mailbox said in a team's words; messages somebody answers are none.
        ("The account email is a list that all of us are on.", "credentials.email", True),
        (
            "The account email is a mailing list we are all subscribed to.",
            "credentials.email",
            True,
        ),
        ("He isn't answering emails.", "credentials.email", None),
        ("He does not answer any e-mails since some months.", "credentials.email", None),
        (
            "I do not have my password. The password I have saved is for TestPyPI, not PyPI.",
            "credentials.password",
            False,
        ),
        # A correction completed by the next sentence, or further on in its own.
        (
            "**Username:** hjelmstad\n\nSorry, scratch that, hjelmstad is my GitHub handle. "
            "The PyPI one is **hjelmstad-k** (with the -k).",
            "username",
            "hjelmstad-k",
        ),
        (
            'My PyPI username is "arbor_lab". Correction: having just checked an old upload '
            'notification, it is "arborlab", without the underscore.',
            "username",
            "arborlab",
        ),
        (
            "My username is, I think, garnier... no, wait, I found it in an old release "
            "notification: it's pgarnier.",
            "username",
            "pgarnier",
        ),
        (
            "### PyPI Username\n\njpark_93\nedit: sorry, it's jpark93, no underscore",
            "username",
            "jpark93",
        ),
        (
            "Username: ravisub. My co-maintainer Ana (anabel-p on PyPI) can vouch for me.",
            "username",
            "ravisub",
        ),
        # A line of statements parted by slashes, one sentence each.
        (
            "ytanaka / lost phone w/ authenticator / pw + email ok / never saved recovery codes "
            "/ agree to PSF CoC / ok to wait, I know it takes a while",
            "recovery_codes",
            "never_saved",
        ),
        ("lost phone, 2fa gone, user kzhang. pls reset", "username", "kzhang"),
        ("My user is maybe same like my github, please check.", "username", None),
        (
            "User: tmaki -- wait no, that's my GitHub (github.com/tmaki). PyPI user is tmaki-py.",
            "username",
            "tmaki-py",
        ),
        (
            "### PyPI Username\n\nkestrel-io\n(sorry, it's actually `kestrel_io` with an "
            "underscore, the dash is our GitHub org)",
            "username",
            "kestrel_io",
        ),
        (
            "Username: jhalvorsen. Wait, sorry, that's my old account that I deleted ages ago. "
            "The right one is jhalvorsen2.",
            "username",
            "jhalvorsen2",
        ),
        ("The password has also been changed.", "credentials.password", None),
        ("I no have recovery codes.", "recovery_codes", "lost"),
        ("My former colleague left and the 2FA was on his phone.", "reason_kind", "other"),
        ("Lost my phone, can't get into pypi (tberger).", "username", "tberger"),
        # Usernames said in passing.
        ("I'm cdubois on PyPI.", "username", "cdubois"),
        ("Username's sundial_dev.", "username", "sundial_dev"),
        ("When I log into PyPI as gkarlsson, it asks for a code.", "username", "gkarlsson"),
        ("i am user 'arjun-s-dev'.", "username", "arjun-s-dev"),
        ("I am user of PyPI since 2015.", "username", None),
        ("Need 2FA removed from gkarlsson.", "username", "gkarlsson"),
        (
            "The PyPI account we publish under, fennick-analytics, had 2FA on his phone.",
            "username",
            "fennick-analytics",
        ),
        (
            "I dug up an old upload confirmation email: it says kestrelpy.",
            "credentials.email",
            None,
        ),
        ("Can you reset 2FA for us?", "username", None),
        ("I maintain lxml-tidy on PyPI: https://pypi.org/project/lxml-tidy/", "username", None),
        # Reasons that are neither 2FA nor email loss.
        ("I never enabled 2FA myself, but the site asks for a code.", "reason_kind", "other"),
        ("I believe my account amehta was compromised.", "reason_kind", "other"),
        ("The previous maintainer left the company.", "reason_kind", "other"),
        ("I never switched on two-factor authentication myself.", "reason_kind", "other"),
        ("My account has never had 2FA enabled by me.", "reason_kind", "other"),
        (
            "Our former lead registered the account's two-factor authentication on his phone.",
            "reason_kind",
            "other",
        ),
        ("Our puppy chewed my YubiKey to bits.", "reason_kind", "lost_2fa_device"),
        (
            "Two-factor authentication was bound to that contractor's personal device.",
            "reason_kind",
            "other",
        ),
        ("A TOTP device was added to my account, which I did not do.", "reason_kind", "other"),
        (
            "My TOTP secret was in the work vault, and the vault access was revoked.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "My Pixel was swapped under warranty and Aegis wasn't exported.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "My phone broke last year. So the real blocker is that I lost access to the "
            "account's email address.",
            "reason_kind",
            "lost_email_access",
        ),
        # The main cause, not the first one mentioned.
        (
            "I lost my phone. The recovery codes are rejected too.",
            "reason_kind",
            "recovery_codes_not_working",
        ),
        ("My old email is gone. Then my phone broke.", "reason_kind", "lost_2fa_device"),
        ("i agre to the coc and ok with wating", "time_acknowledged", True),
        ("no problem with waiting", "time_acknowledged", True),
        # Writing from the account's address, said after the address or with "that's".
        (
            "I know my password and I'm writing from the email that's on the account.",
            "credentials.email",
            True,
        ),
        (
            "The registered email is priya@raman.example.com, which I'm writing from.",
            "credentials.email",
            True,
        ),
        # Requests in another language: a name the clause ends with, never the next word.
        ("Ich kann mich nicht mehr bei meinem PyPI-Konto anmelden, leider.", "username", None),
        ("Eu não lembro meu nome de usuário - criei a conta há anos.", "username", None),
        ("Tenho acesso ao e-mail da conta (este).", "username", None),
        # Each clause says what it says: a codes clause after "and", an aside, another person.
        (
            "My TOTP device died, I have my password and email, and my recovery codes are lost.",
            "credentials.email",
            True,
        ),
        (
            "The email address on the account is still mine, they didn't change that.",
            "credentials.email",
            True,
        ),
        (
            "I know the password (it's in my manager, just without the username field).",
            "credentials.password",
            True,
        ),
        (
            "Forwarding this for my colleague Piotr, who doesn't have a working email right now.",
            "credentials.email",
            None,
        ),
        (
            "My colleague who set it up left, and I don't have the password.",
            "credentials.password",
            False,
        ),
        ("Someone got in. They changed my password.", "credentials.password", False),
        (
            "I did not generate recovery codes at enrolment; in hindsight that was an error.",
            "recovery_codes",
            "never_saved",
        ),
        ("I tried the recovery codes and got an error.", "recovery_codes", "not_working"),
        ("I have my recovery codes! ... Edit: no I don't.", "recovery_codes", None),
        (
            "My username is danw-old - sorry, no, scratch that, that was an account I deleted. "
            "The current one is danwhitfield.",
            "username",
            "danwhitfield",
        ),
        ("My recovery codes are saved in a password manager.", "recovery_codes", "have"),
        ("The recovery codes are saved somewhere on my laptop.", "recovery_codes", None),
        ("Recovery code I am not save before.", "recovery_codes", "never_saved"),
        ("I try my recovery codes. All says invalid.", "recovery_codes", "not_working"),
        ("And no, I don't have weeks to wait for this.", "time_acknowledged", False),
        ("I understand that recovery can need a lot of time.", "time_acknowledged", True),
        (
            "I don't have the time to read it all, but I know it takes time.",
            "time_acknowledged",
            True,
        ),
        ("I'm not agreeing to a code of conduct to get my own account.", "coc_agreed", False),
        (
            "My laptop was stolen; it had my only copy of the 2FA secret.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "I found a mail from PyPI that says recovery codes was generated again.",
            "reason_kind",
            "codes_reset_unknowingly",
        ),
        (
            "My username is danielk - sorry, no, that's my GitHub handle.",
            "credentials.username",
            None,
        ),
        ("Saved recovery codes? No, never did.", "recovery_codes", "never_saved"),
        ("Saved recovery codes? No idea.", "recovery_codes", None),
        (
            "The recovery codes were in a password manager since decommissioned, so they are no "
            "longer available to me.",
            "recovery_codes",
            "lost",
        ),
        (
            "I never generated any codes - I didn't know they existed until your email.",
            "credentials.email",
            None,
        ),
        ("I never actually told you my username!", "credentials.username", None),
        ("I have my password, and the account email is this gmail.", "credentials.email", True),
        (
            "The account email is my old work address at a company I left last year, so I do "
            "NOT have access to it anymore.",
            "credentials.email",
            False,
        ),
        (
            "I never told you my username! It's tamsin.okafor - I do know it.",
            "username",
            "tamsin.okafor",
        ),
        (
            "I wrote before that I don't have the password but I checked and actually I do have "
            "it saved.",
            "credentials.password",
            True,
        ),
        (
            "I have the password saved in my keychain (saved without the username, don't ask).",
            "credentials.password",
            True,
        ),
        ("Password — yes, I have it. Email — yes, this is it.", "credentials.email", True),
        ("We never had the recovery codes, as far as I know.", "recovery_codes", None),
        ("my pypi usename is kevob.", "username", "kevob"),
        ("recovery codes i never downloded them tbh.", "recovery_codes", "never_saved"),
        (
            "I obviously have no recovery codes since I never set it up.",
            "recovery_codes",
            "never_saved",
        ),
        (
            "I was going to say I have my recovery codes, but those are my GitHub ones.",
            "recovery_codes",
            None,
        ),
        (
            "I was about to write that I'd lost my recovery codes, but I found the printout. The "
            "site says they are invalid, every single one.",
            "recovery_codes",
            "not_working",
        ),
        (
            "It was protected by two security keys; one was destroyed in a lab accident.",
            "reason_kind",
            "lost_2fa_device",
        ),
        ("Could you please reset the 2FA on my account, seb.lindqvist?", "reason", None),
        ("Please reset the 2FA, my phone was stolen.", "reason_kind", "lost_2fa_device"),
        (
            "The colleague who originally enabled two-factor authentication on this account has "
            "left the company.",
            "reason_kind",
            "other",
        ),
        ("Username: dont remember, sorry.", "username", None),
        ("Username: dont remember, sorry.", "credentials.username", False),
        (
            "I'll try to dig out the recovery codes from an old backup drive, if I can find "
            "them, but don't count on it.",
            "recovery_codes",
            None,
        ),
        ("my username there is ogrant I'm fairly sure, might be olly-grant.", "username", None),
        (
            "So I think my username is dwhitfield, but don't hold me to that.",
            "username",
            None,
        ),
        (
            "I told you that I can't access the account email, but I know that address was "
            "deleted.",
            "credentials.email",
            False,
        ),
        (
            "I said that I don't know my password, and I don't know where I have it written.",
            "credentials.password",
            None,
        ),
        ("Thanks for your email — yes, I agree to the Code of Conduct.", "credentials.email", None),
        (
            "There are no backup codes on the new laptop since I never set it up there; they "
            "were on the old one that died.",
            "recovery_codes",
            "lost",
        ),
        ("I can read the email that is on the account.", "credentials.email", True),
        (
            "Password: yes, it's in my password manager. The email on the account is my old "
            "address; I think I can still get into it but I'm not sure.",
            "credentials.password",
            True,
        ),
        ("Password is safely in my head.", "credentials.password", True),
        (
            "I do retain the password in my password manager, though it was saved without the "
            "username.",
            "credentials.password",
            True,
        ),
        ("I am agree for PSF code of conduct.", "coc_agreed", True),
        (
            "I still have the printed sheet, but none of the codes work.",
            "recovery_codes",
            "not_working",
        ),
        (
            "Recovery codes: [x] I never generated or have lost access to the recovery codes for "
            "my account",
            "recovery_codes",
            "lost",
        ),
        (
            "At first I thought I never saved the recovery codes, but actually I did save them, "
            "on the stolen phone, so they are lost.",
            "recovery_codes",
            "lost",
        ),
        ("The email on the account is this one, I think?", "credentials.email", None),
        # Near misses of the rules above: none of these says what the rule reads.
        (
            "I saved my recovery codes. They were on the laptop that got stolen. Edit: not sure "
            "if this matters, but the laptop was encrypted.",
            "recovery_codes",
            "lost",
        ),
        ("I have my password. Update: no reply from GitHub yet.", "credentials.password", True),
        (
            "My recovery codes are saved on my work computer, and I left that job in January.",
            "recovery_codes",
            None,
        ),
        (
            "I'm writing from the email address that's linked to my GitHub account.",
            "credentials.email",
            None,
        ),
        ("I'm far from happy about the wait.", "time_acknowledged", None),
        (
            "I would have no problem waiting if we weren't shipping a fix.",
            "time_acknowledged",
            None,
        ),
        ("I'm listed on PyPI as maintainer, but I can't log in.", "username", None),
        (
            "Ich komme nicht mehr in mein PyPI-Konto rein, weil mein Handy kaputt ist.",
            "username",
            None,
        ),
        (
            "My PyPI username is jdoe (sorry, that's my old university email in the From line). "
            "The current one is jdoe-work.",
            "username",
            "jdoe",
        ),
        ("Recovery codes I do not store digitally, I printed them.", "recovery_codes", None),
        (
            "I have my recovery codes printed. All are still unused, but I can't find where to "
            "enter one.",
            "recovery_codes",
            "have",
        ),
        (
            "I mentioned my password works, but my phone with the app is gone, I lost it.",
            "credentials.password",
            None,
        ),
        # What we ask of people is not what this requester says.
        (
            "I've seen that you want people to agree to the PSF Code of Conduct; I'll give it "
            "a proper read later this week.",
            "coc_agreed",
            None,
        ),
        (
            "About recovery codes: I do have a set printed out... actually, scratch that, I "
            "just checked and those are for GitHub. I never saved the PyPI ones.",
            "recovery_codes",
            "never_saved",
        ),
        ("It's also on PyPI as parquet-peek.", "username", None),
        # A word after a bare "the account" or a browser's "profile" is no name.
        ("Lost my 2FA key, need the account reset.", "username", None),
        ("Password is in my old browser profile somewhere.", "username", None),
        ("I have the password for the account bsauer.", "username", "bsauer"),
        ("my PyPI account (username:\nhabara), which I use for teaching", "username", "habara"),
        ("I use PyPI as npetrova.", "username", "npetrova"),
        ("I use PyPI as part of my work.", "username", None),
        (
            "My username is danielk - sorry, no, that's my GitHub handle. On PyPI it is dkowal.",
            "username",
            "dkowal",
        ),
        ("Account sofiam, sorry I mistyped, it's actually sofia-m.", "username", "sofia-m"),
        # Taken back inside the sentence, or corrected after being reported.
        (
            "I agree to the code of conduct - actually, scratch that, I'd rather read it first.",
            "coc_agreed",
            None,
        ),
        (
            "I said I had my password, but it was in the vault the key unlocks, so I don't "
            "actually have it anymore.",
            "credentials.password",
            False,
        ),
        ("I said I had my password, and I'll look for it.", "credentials.password", None),
        (
            "I can still log in with my password - it's the second factor that blocks me.",
            "credentials.password",
            True,
        ),
        # Mail about the account is a message, and an email prefix is a name.
        (
            "Last night I received emails from PyPI saying my password had been changed.",
            "credentials.email",
            None,
        ),
        ("I still receive emails from PyPI, so the address works.", "credentials.email", True),
        (
            "- I don't remember my username, and it isn't my name or my email prefix\n"
            "- I have access to the email on the account (this one)",
            "credentials.email",
            True,
        ),
        ("Password: I've got it. Email: yes.", "credentials.password", True),
        ("This email address is the one I registered with.", "credentials.email", True),
        ("I think this address is the one I registered with.", "credentials.email", None),
        ("My email is the same as always (this one).", "credentials.email", True),
        (
            "The account email is a list alias (admin@cs.uni.example.com) which I'm "
            "subscribed to, so I receive everything sent to it.",
            "credentials.email",
            True,
        ),
        (
            "The account email is an alias I'm not subscribed to, so I never receive "
            "everything sent to it.",
            "credentials.email",
            False,
        ),
        ("My old email (this one) no longer works.", "credentials.email", False),
        # Where the password was not kept denies nothing.
        (
            "My password I remember separately (it was never in Bitwarden, luckily).",
            "credentials.password",
            True,
        ),
        ("I have the password (it was saved in Chrome) and the email.", "credentials.email", True),
        # Codes: "never got any", a non-native "do not save it when", a hope that is no doubt.
        (
            "I don't have recovery codes, I never got any - nobody told me to.",
            "recovery_codes",
            "never_saved",
        ),
        (
            "About recovery code, I do not save it when I turn on 2FA.",
            "recovery_codes",
            "never_saved",
        ),
        (
            "Recovery codes, I don't keep them on my phone, they are in the safe.",
            "recovery_codes",
            None,
        ),
        (
            "I still have my recovery codes printed out in my desk drawer, so maybe that helps.",
            "recovery_codes",
            "have",
        ),
        ("I still have my recovery codes, maybe they still work.", "recovery_codes", None),
        ("no idea about recovery codes tbh", "recovery_codes", None),
        ("I had no idea about the recovery codes.", "recovery_codes", "never_saved"),
        (
            "My recovery codes were on a USB stick, which has since failed; they are lost.",
            "recovery_codes",
            "lost",
        ),
        ("I tried my recovery codes, which failed.", "recovery_codes", "not_working"),
        # Waiting refused in other words.
        ('Nor am I going to accept "this may take weeks".', "time_acknowledged", False),
        ("I'm not waiting weeks either.", "time_acknowledged", False),
        ("I'm not in a hurry, I am happy waiting weeks.", "time_acknowledged", True),
        ("I understand it may take weeks; I'm not going to complain.", "time_acknowledged", True),
        # Devices and other causes.
        ("My only WebAuthn key snapped in half in a car door.", "reason_kind", "lost_2fa_device"),
        ("Reinstalled windows, extension data is gone.", "reason_kind", "lost_2fa_device"),
        (
            "My laptop bag was stolen at the station; my YubiKey was on the key ring inside it.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "My domain expired, so the email on my account belongs to someone else now. I "
            "noticed when I didn't get the new-device verification mail.",
            "reason_kind",
            "lost_email_access",
        ),
        (
            "That Google Group was deleted, so nobody can receive mail at that address anymore.",
            "reason_kind",
            "lost_email_access",
        ),
        (
            "My father, George, passed away in January; he maintained the package for years.",
            "reason_kind",
            "other",
        ),
        ("My son dropped my phone and it died.", "reason_kind", "lost_2fa_device"),
        # Usernames: a bracketed phrase is no name; typos and slips corrected.
        (
            "I only ever registered that one key on the second account (lesson learned).",
            "username",
            None,
        ),
        ("I'm locked out of my account (jdoe).", "username", "jdoe"),
        ("Usernmae: ahmed-r", "username", "ahmed-r"),
        ("Season: winter", "reason", None),
        (
            "My username is fzbenali - sorry, no, that's an old account I deleted years ago.\n"
            "The current one is fz-benali (with the hyphen).",
            "username",
            "fz-benali",
        ),
        (
            "Sorry, my mistake with the username - it's marek.j with a dot, not marekj.",
            "username",
            "marek.j",
        ),
        (
            "My username is jpeterssen. Sorry, typo, it's jpetersen (one s).",
            "username",
            "jpetersen",
        ),
        (
            "My username is jpeterssen. Sorry, my mistake, I lost the phone last week.",
            "username",
            "jpeterssen",
        ),
        # What the review of these rules found read wrong.
        ("Email: I've got nothing, the university deleted it", "credentials.email", False),
        ("Password: I've got it.", "credentials.password", True),
        ("The PyPI email is gone, so I use a new one (this one).", "credentials.email", False),
        (
            "My old PyPI email was deleted, but my new address forwards to my phone and I "
            "receive everything sent to it.",
            "credentials.email",
            False,
        ),
        ("This address is the one I used for GitHub, not for PyPI.", "credentials.email", None),
        (
            "This address is the one I signed up with on GitHub; PyPI has my old one.",
            "credentials.email",
            None,
        ),
        (
            "I know my password (it was never saved anywhere, but I forgot it last week).",
            "credentials.password",
            False,
        ),
        (
            "I no longer have access to the email from the startup that went bust.",
            "credentials.email",
            False,
        ),
        (
            "The account email is my current inbox so that's fine too.",
            "credentials.email",
            True,
        ),
        (
            "My username is jdoe42. Sorry, my mistake, I forgot to mention the project. "
            "It's geo-tiles.",
            "username",
            "jdoe42",
        ),
        ("I forgot to include my username. It's jdoe42 (I think).", "username", None),
        (
            "The package is owned by a second account. It's old-jdoe (my ex-colleague's).",
            "username",
            None,
        ),
        ("kai-nakamura here (that's also my PyPI username).", "username", "kai-nakamura"),
        ("Accounts. I have two.", "credentials.username", None),
        ("Conduit: yes", "coc_agreed", None),
        (
            "I keep my recovery codes in my vault; I don't print them when I travel.",
            "recovery_codes",
            None,
        ),
        (
            "I saved the recovery codes, but I don't keep them when I change phones, so they "
            "are gone.",
            "recovery_codes",
            "lost",
        ),
        (
            "I used my recovery codes last year, and since then I never got any new ones.",
            "recovery_codes",
            None,
        ),
        (
            "My grandson printed a sheet of backup codes and I kept it with the notebook. "
            "It's gone now.",
            "recovery_codes",
            "lost",
        ),
        (
            "I have my backup codes on a sheet of paper. It is my only hope.",
            "recovery_codes",
            "have",
        ),
        (
            "The recovery codes were in a screenshot... on the phone. So those are gone too.",
            "recovery_codes",
            "lost",
        ),
        ("recvery codes are lost, they were in a notes app", "recovery_codes", "lost"),
        (
            "Sorry for the slow reply, my father passed away last month. I lost my phone with "
            "the authenticator app on it.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "I did not realise that the little authenticator program would not come across "
            "by itself.",
            "reason_kind",
            "lost_2fa_device",
        ),
        ("Unfortunately i did not transfer the TOTP before.", "reason_kind", "lost_2fa_device"),
        ("I did not transfer my password to the new laptop.", "reason", None),
        (
            "hi, please reset the 2fa on my account oskar.lind, I agree to the code of conduct.",
            "reason",
            None,
        ),
        (
            "I'm not waiting for anything urgent, take as long as you need.",
            "time_acknowledged",
            True,
        ),
        (
            "I'm not accepting new contributors for a few weeks anyway, so take your time.",
            "time_acknowledged",
            True,
        ),
        ("That it can take long time is clear for me.", "time_acknowledged", True),
        ("Whether it takes a long time is not clear to me.", "time_acknowledged", None),
        ("This gmail is the address on the account.", "credentials.email", True),
        (
            "I still have my email address, this one, which is registered on the account.",
            "credentials.email",
            True,
        ),
        # A form's label with an empty box after a dotted leader, or with nothing after it,
        # agrees to nothing.
        ("Acknowledge long wait ....... [ ]", "time_acknowledged", False),
        ("Acknowledge long wait ....... [x]", "time_acknowledged", True),
        ("Acknowledge long wait:", "time_acknowledged", None),
        ("I've put this off for far too long, so let's get it done.", "time_acknowledged", None),
        ("I saw on your website that I must agree Code of Conduct.", "coc_agreed", None),
        ("I did have recovery codes, but they were on my work laptop.", "recovery_codes", None),
        ("Username / password / email: yes / yes / no", "credentials.email", False),
        ("pw ✅ email ❌", "credentials.email", False),
        (
            "I keep a tiny bitmap-font package, pixelfont, going on weekends.",
            "ownership_evidence",
            ["pixelfont"],
        ),
        ("I build marionettes, and I wrote a small tool for it.", "ownership_evidence", None),
        # A wait accepted within a limit, a hedged agreement and a question agree to nothing.
        ("ok to wait as long as its under a week lol", "time_acknowledged", None),
        (
            "I understand it may take a while, as long as it's done by Friday.",
            "time_acknowledged",
            None,
        ),
        ("Okay to wait?", "time_acknowledged", None),
        ("if it's reasonable, I'll wait", "time_acknowledged", None),
        ("Even if it takes months, I'll wait.", "time_acknowledged", True),
        ("✘ Waiting OK? - No.", "time_acknowledged", False),
        ("Waiting OK?: No - I need this fixed within 24 hours.", "time_acknowledged", False),
        ("The code of conduct - I assume I agree to it.", "coc_agreed", None),
        ("| Code of Conduct |  |\n| OK with a long wait? | fine |", "coc_agreed", None),
        ("Conduct rules: [x]", "coc_agreed", True),
        ("codes never saved, CoC agreed, no rush.", "coc_agreed", True),
        ("Regarding the Code of Conduct: I do not agree to it.", "coc_agreed", False),
        ("I'll wait to hear from you,", "time_acknowledged", None),
        # Writing from the account's address, said in short or for a team.
        ("emailing from registered addr", "credentials.email", True),
        ("writing from the team alias which is the acct email", "credentials.email", True),
        ("Registered email: jo@example.com (sending from it now)", "credentials.email", True),
        (
            "Email: no -- the domain expired, that's why I write from this new one",
            "credentials.email",
            False,
        ),
        (
            "I read on your site that I should email this address so here I am.",
            "credentials.email",
            None,
        ),
        (
            "forgot pw, reset mail goes to an old hotmail i cant get into",
            "credentials.email",
            False,
        ),
        (
            "and then the attacker turned on two-factor, so even if I got the password back",
            "credentials.password",
            None,
        ),
        (
            "I still know the password (he didn't change it) and the account email is mine.",
            "credentials.password",
            True,
        ),
        (
            "So seqwrangler-dev, which is my username, is now behind a 2FA prompt.",
            "username",
            "seqwrangler-dev",
        ),
        ("Account: aelsayed.", "username", "aelsayed"),
        ("One correction: the username in it is misspelled.", "username", None),
        ("I've been putting off a dozen other account migrations and this", "username", None),
        ("lost codes too", "recovery_codes", "lost"),
        ("ignore what I said about the codes, I found them!", "recovery_codes", "have"),
        ("hit regenerate in jan without noticing", "reason_kind", "codes_reset_unknowingly"),
        (
            "after a friend had her email hacked I regenerated my codes",
            "reason_kind",
            "codes_reset_unknowingly",
        ),
        (
            "Short story: someone broke into my car and took my phone.",
            "reason_kind",
            "lost_2fa_device",
        ),
        (
            "Packages we publish: ravelin-auth, ravelin-queue",
            "ownership_evidence",
            ["ravelin-auth", "ravelin-queue"],
        ),
        (
            "all my commits are signed with my SSH key",
            "ownership_evidence",
            ["all my commits are signed with my SSH key"],
        ),
        ("I'm not sure my little package counts.", "ownership_evidence", None),
        # A deadline for the review refuses the wait; a limit or a question accepts nothing.
        (
            "Please solve this in 24 hours, people depend on the package.",
            "time_acknowledged",
            False,
        ),
        (
            "I need this resolved before Friday because of a client demo.",
            "time_acknowledged",
            False,
        ),
        ("Don't make me wait weeks.", "time_acknowledged", False),
        (
            "I understand it may take weeks, but please reply within 2 days.",
            "time_acknowledged",
            True,
        ),
        (
            "I can wait for the recovery, as long as it is under a week, because of a release.",
            "time_acknowledged",
            None,
        ),
        (
            "Before I say yes to the waiting part, can you tell me how long it takes?",
            "time_acknowledged",
            None,
        ),
        (
            "I know you probably get a lot of these and I understand it might take a while.",
            "time_acknowledged",
            True,
        ),
        # Agreements said indirectly.
        ("The PSF Code of Conduct - of course I'll follow it.", "coc_agreed", True),
        ("The Code of Conduct of PSF, of course I follow it.", "coc_agreed", True),
        ("No problem waiting, however long it takes on your side.", "time_acknowledged", True),
        (
            "The significant processing time you warn about is fine by me.",
            "time_acknowledged",
            True,
        ),
        ("- waiting: that's fine, take the time you need", "time_acknowledged", True),
        ("The wait is fine, I guess.", "time_acknowledged", None),
    ],
)
def test_rule(text: str, key: str, expected: object) -> None:
    assert _field(text, key) == expected


def test_prose_about_codes_beats_the_forced_checkbox() -> None:
    text = (
        "### Recovery Codes\n\n"
        "- [x] I never generated or have lost access to the recovery codes for my account\n\n"
        "My recovery codes are rejected when I paste them in."
    )
    assert _field(text, "recovery_codes") == "not_working"
    assert (
        _field(
            "- [x] I never generated or have lost access to the recovery codes", "recovery_codes"
        )
        == "lost"
    )


def test_every_value_names_the_line_it_came_from() -> None:
    findings = extract_fields("Hello.\nUsername: alice\nI still know my password.").findings
    assert findings["username"].evidence == "Username: alice"
    assert findings["credentials.password"].evidence == "I still know my password."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Projects: tinyjson-rpc, tinyjson-cli", ["tinyjson-rpc", "tinyjson-cli"]),
        ("Ownership evidence: quickplot-ch", ["quickplot-ch"]),
        (
            "Ownership evidence: https://github.com/o/naija-nlp/\nThe repository "
            "https://github.com/o/naija-nlp is where I release from.",
            ["https://github.com/o/naija-nlp/"],
        ),
        (
            "I maintain lxml-tidy on PyPI: https://pypi.org/project/lxml-tidy/",
            ["https://pypi.org/project/lxml-tidy/"],
        ),
        ("My GitHub is https://github.com/lenawatts", ["https://github.com/lenawatts"]),
        (
            "I'm the maintainer of saunatime. Every commit is authored as mv@old.example.",
            ["saunatime", "mv@old.example"],
        ),
        ("We publish brightline-sdk and brightline-cli.", ["brightline-sdk", "brightline-cli"]),
        ("I also co-maintain redbeat-lite.", ["redbeat-lite"]),
        ("Check my packages, especially yaml-guard, nobody should upload.", ["yaml-guard"]),
        ("The docs of my project are on pyroutes.readthedocs.io.", ["pyroutes.readthedocs.io"]),
        ("I am listed as author of spectra-fit.", ["spectra-fit"]),
        ("I'm the author of snowmelt and co-maintainer of pyglacier.", ["snowmelt", "pyglacier"]),
        (
            "Projects I publish under this account:\ntomlette\npgcopy-async",
            ["tomlette", "pgcopy-async"],
        ),
        (
            "The packages I maintain under rivka-nlp are hebtok and hebtok-data.",
            ["hebtok", "hebtok-data"],
        ),
        ("The account veritas-sdk publishes our client library.", []),
        (
            "I have put two packages on PyPI, moth-and-lamp and moth-or-moon.",
            ["moth-and-lamp", "moth-or-moon"],
        ),
        ("The account we publish under, fennick-analytics, is locked.", []),
        (
            "I am maintainer of matrixfold and of cyrtranslit-lite.",
            ["matrixfold", "cyrtranslit-lite"],
        ),
        ("The packages I maintain on conda-forge are foo-utils and bar-cli.", []),
        (
            "I'm the maintainer of flaskmark (github.com/sam/flaskmark) and gh-notes.",
            ["github.com/sam/flaskmark", "flaskmark", "gh-notes"],
        ),
        # A promise of proof, and what is said about someone, are no items.
        (
            "Ownership evidence: I will ask our release engineer to send you the repository "
            "link, he has the details",
            [],
        ),
        ("Ownership evidence: quickplot-ch", ["quickplot-ch"]),
        # Packages named in a request we cannot read.
        ("Ich betreue das Paket „plz-tools“ auf PyPI.", ["plz-tools"]),
        ("Je suis le mainteneur du projet py-frenchtax sur PyPI.", ["py-frenchtax"]),
        ("Я сопровождаю пакет ru-morph-lite.", ["ru-morph-lite"]),
        ("El proyecto es muy grande.", []),
        ("Mein Paket ist auf PyPI seit 2019.", []),
        ("I published 1.4.2 from my laptop last night.", []),
        ("The colleague who published acme-sdk, Jan, has left the company.", []),
        ("Hola, no tengo autorización, solo quiero instalar el paquete django-filter.", []),
        ("Our CI job broke; it publishes manylinux2014 wheels.", []),
        ("We have a private package, internal-utils, that is not on PyPI.", []),
        (
            "The packages published from this account include nordlicht-deploy and nordlicht-lint.",
            ["nordlicht-deploy", "nordlicht-lint"],
        ),
        ("I maintain fastjsonl and there are people waiting on a release.", ["fastjsonl"]),
        ("I maintain a couple of small things, mainly hummus-config on PyPI.", ["hummus-config"]),
        ("The project in question is whitcombe-tide-tables on PyPI.", ["whitcombe-tide-tables"]),
        ("Stuff I maintain: beaglebone-ish", ["beaglebone-ish"]),
        ("Beim Installieren vom Paket django-foo über pip kam ein Fehler.", []),
        ("I can't wait weeks - my package release is blocked.", []),
        ("I'm the owner of the obrien-tools account.", []),
        ("I'm the owner of obrien-tools and gh-x.", ["obrien-tools", "gh-x"]),
        ("my lil package is kiwi-ascii-art if that matters", ["kiwi-ascii-art"]),
        ("I need to publish a security fix for netcdf-slicer TODAY.", ["netcdf-slicer"]),
        ("We need to push an update to our users.", []),
        (
            "Most of my work is on GitHub, https://github.com/mlafleur, in particular the "
            "package colorimetrie.",
            ["https://github.com/mlafleur", "colorimetrie"],
        ),
        ("My team uses many tools, especially the library numpy.", []),
        ("My work relies on many things, especially the package numpy.", []),
        ("I hope they release a fix for Django soon.", []),
        ("I need to release a fix for Windows users.", []),
        ("I contribute to other people's projects, in particular the project scipy.", []),
        ("My main framework is Django.", []),
        ("My package manager is conda.", []),
        ("Hi, answering in a new mail because my client mangles replies.", []),
        ("Our project account, northwind-analytics, was created by a developer who left.", []),
        ("A new version of my project merlette appeared on PyPI.", ["merlette"]),
        (
            "In my spare time I keep up a little package called bird-census-tools.",
            ["bird-census-tools"],
        ),
        (
            "Package: nautical-almanac. Back on land in 10 days if you need anything.",
            ["nautical-almanac"],
        ),
        ("Package: later. I will send it if needed.", []),
        (
            "I published a tiny package for my students called classroom-turtle-helpers.",
            ["classroom-turtle-helpers"],
        ),
        (
            "Our packages (acme-motion, acme-motion-ros) are published from the company account.",
            ["acme-motion", "acme-motion-ros"],
        ),
        ("I publish tramtrack btw, in case that helps.", ["tramtrack"]),
        ("I co-maintain quillmark with Jan.", ["quillmark"]),
        (
            "We are writing about the PyPI account acme-build, which publishes our acme-sdk "
            "package.",
            ["acme-sdk"],
        ),
        ("The account publishes our wheels for numpy.", []),
    ],
)
def test_each_ownership_claim_is_one_item(text: str, expected: list[str]) -> None:
    assert (_field(text, "ownership_evidence") or []) == expected


@pytest.mark.parametrize(
    ("own", "quoted", "expected"),
    [
        (
            "yes, yes, no",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {
                "credentials.username": True,
                "credentials.password": True,
                "credentials.email": False,
            },
        ),
        (
            "1) yes 2) lost",
            "> Access to password (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {"credentials.password": True, "recovery_codes": "lost"},
        ),
        (
            "Yes to everything.",
            "> Code of Conduct agreed (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {"coc_agreed": True},
        ),
        (
            "Yes, I can.",
            "> Can you still receive mail at the address registered on the account?",
            {"credentials.email": True},
        ),
        (
            "No, I never did.",
            "> Did you ever save the recovery codes?",
            {"recovery_codes": "never_saved"},
        ),
        # A reply that goes on to something else is read to where it answers.
        (
            "Yes, I agree to it. By the way, I also have a second account, pkovacs-bot, that I "
            "use for CI uploads - it's locked the same way. Could you look at that one as well, "
            "or should I open a separate request?",
            "> Could you please confirm that you agree to follow the PSF Code of Conduct?",
            {"coc_agreed": True},
        ),
        (
            "1 - yes\n2 - lost",
            "> Access to password (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {"credentials.password": True, "recovery_codes": "lost"},
        ),
        ("See below.", "Access to password (yes/no): yes", {"credentials.password": True}),
        ("See below.", "> Access to password (yes/no): yes", {}),
        (
            "kwright\nyes\nnever saved",
            "> Username:\n> Access to password (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {
                "username": "kwright",
                "credentials.username": True,
                "credentials.password": True,
                "recovery_codes": "never_saved",
            },
        ),
        (
            "yes\nkwright\nlost",
            "> Username:\n> Access to password (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {},
        ),
        (
            "no, it was my university address\nlost, they were on the phone",
            "> Access to account email (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):",
            {"credentials.email": False, "recovery_codes": "lost"},
        ),
        (
            "lost yes yes",
            "> Recovery codes (lost / not working / never saved / have):\n"
            "> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {"recovery_codes": "lost", "coc_agreed": True, "time_acknowledged": True},
        ),
        (
            "yes, yes",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {},
        ),
        (
            "yes\nyes\nyes\nyes",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {},
        ),
        # Three answers, then words about the next questions: the three access lines.
        (
            "yes yes yes. agree to coc. and yes fine if it takes a while",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):\n> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {
                "credentials.username": True,
                "credentials.password": True,
                "credentials.email": True,
                "coc_agreed": True,
                "time_acknowledged": True,
            },
        ),
        ("Yes, agreed.", "> Code of Conduct agreed (yes/no):", {"coc_agreed": True}),
        (
            "Ok ok ok. I will answer the rest once I find the codes.",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):\n> Code of Conduct agreed (yes/no):",
            {},
        ),
        (
            "Yes. I have maintained packages for many years and I know how important security "
            "is, which is why I enabled 2FA in the first place. That said, I really cannot wait "
            "two weeks, we have a release due on Friday.",
            "> Do you acknowledge that the process can take some time?",
            {},
        ),
        (
            "ok on the wait",
            "> Accept that recovery can take a long time (yes/no):",
            {"time_acknowledged": True},
        ),
        (
            "yes, yes, no (old uni email, long gone)\nlost\nyes",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):\n"
            "> Code of Conduct agreed (yes/no):",
            {
                "credentials.username": True,
                "credentials.password": True,
                "credentials.email": False,
                "recovery_codes": "lost",
                "coc_agreed": True,
            },
        ),
        (
            "yes, yes, yes (my wife's inbox, she checks it for me)",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {},
        ),
        (
            "yes, yes, yes (it forwards to my new one, but the old one was deleted)",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {},
        ),
        (
            "lost",
            "> Username:\n> Recovery codes (lost / not working / never saved / have):\n"
            "> Code of Conduct agreed (yes/no):",
            {"recovery_codes": "lost"},
        ),
        (
            "yes",
            "> Username:\n> Recovery codes (lost / not working / never saved / have):\n"
            "> Code of Conduct agreed (yes/no):",
            {},
        ),
        (
            "I searched the whole study on Saturday, they are not there. Please consider them "
            "lost.",
            "> Did you manage to find the printed recovery codes at home? If so, please try "
            "them before we go further.",
            {"recovery_codes": "lost"},
        ),
        (
            "Forwarding this from my colleague, she asked me to send it. Can you help her?",
            "> Hey Ben, could you email PyPI for me? My username there is jma-nw.",
            {},
        ),
        (
            "yes, yes, no (the password is the problem)",
            "> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):",
            {},
        ),
        # The words after the comma stress the answer; they answer no second line.
        (
            "I agree to the CoC, of course.\n\nBut I really can't wait weeks for this.",
            "> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {},  # the agreement is read as prose, and "of course" says yes to no wait
        ),
        # Two access lines asked (the username was named): two answers, then a question.
        (
            "yes and yes\n\nnot sure what code of conduct you mean tho, can you send a link?",
            "> Access to password (yes/no):\n> Access to account email (yes/no):\n"
            "> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {"credentials.password": True, "credentials.email": True},
        ),
        (
            "Both yes.",
            "> Access to password (yes/no):\n> Access to account email (yes/no):",
            {"credentials.password": True, "credentials.email": True},
        ),
        (
            "yes to both",
            "> Access to password (yes/no):\n> Access to account email (yes/no):\n"
            "> Code of Conduct agreed (yes/no):",
            {},
        ),
        (
            "Yes I agree to both.\n\nAlso, I think I wrote my username wrong.",
            "> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {"coc_agreed": True, "time_acknowledged": True},
        ),
        # The word before the name says which line it answers.
        (
            "username tkorhonen\nyes, yes, no (the gmail on it was deleted years ago)\n"
            "codes lost, they were on the phone too\nyes and yes",
            "> Username:\n> Access to username (yes/no):\n> Access to password (yes/no):\n"
            "> Access to account email (yes/no):\n"
            "> Recovery codes (lost / not working / never saved / have):\n"
            "> Code of Conduct agreed (yes/no):\n"
            "> Accept that recovery can take a long time (yes/no):",
            {
                "username": "tkorhonen",
                "credentials.username": True,
                "credentials.password": True,
                "credentials.email": False,
                "recovery_codes": "lost",
                "coc_agreed": True,
                "time_acknowledged": True,
            },
        ),
        # A staff question about codes and the Code of Conduct: "And yes, I agree." is the latter.
        (
            "No codes, I never downloaded them when I enabled 2FA. And yes, I agree.",
            "> Thanks. Before we continue: do you still have any of your recovery codes, and do "
            "you agree to the PSF Code of Conduct?",
            {"recovery_codes": "never_saved", "coc_agreed": True},
        ),
    ],
)
def test_bare_answers_are_read_against_the_quoted_questions(
    own: str, quoted: str, expected: dict[str, object]
) -> None:
    assert extract_in_context(own, quoted).values() == expected


def test_answers_typed_under_each_quoted_question_answer_it() -> None:
    body = (
        "answering the questions from your automatic reply below.\n\n"
        "> Please tell us the username of the PyPI account you want to recover.\n\n"
        "It's mkowalczyk-dev\n\n"
        "> Do you still know your password and have access to the account's email address?\n\n"
        "Yes to both.\n\n"
        "> Do you have your recovery codes?\n\n"
        "I never downloaded them, to be honest.\n\n"
        "> Please confirm that you agree to the PSF Code of Conduct and that you understand\n"
        "> that account recovery may take a significant amount of time.\n\n"
        "Agreed, and understood.\n"
    )
    own = "\n".join(line for line in body.split("\n") if not line.startswith(">"))
    quoted = "\n".join(line for line in body.split("\n") if line.startswith(">"))
    assert extract_in_context(own, quoted, body=body).values() == {
        "username": "mkowalczyk-dev",
        "credentials.username": True,
        "credentials.password": True,
        "credentials.email": True,
        "recovery_codes": "never_saved",
        "coc_agreed": True,
        "time_acknowledged": True,
    }


def test_a_yes_with_a_reservation_answers_one_question_of_two() -> None:
    quoted = "> Do you still have your password and access to the account's email address?"
    found = extract_in_context("Yes, but the email is gone.", quoted).values()
    assert "credentials.email" not in found or found["credentials.email"] is False


@pytest.mark.parametrize(
    ("own", "expected"),
    [
        (
            "yes, yes, yes, no -- I can't wait weeks for this, I have a demo on Friday.",
            {
                "credentials.password": True,
                "credentials.email": True,
                "coc_agreed": True,
                "time_acknowledged": False,
            },
        ),
        ("yes, yes - thanks!", {"credentials.password": True, "credentials.email": True}),
        ("yess, yep", {"credentials.password": True, "credentials.email": True}),
        ("Agree with the CoC, sure. As for the wait - how long are we talking?", {}),
    ],
)
def test_answers_in_order_with_words_after_a_dash(own: str, expected: dict[str, object]) -> None:
    quoted = (
        "> Access to password (yes/no):\n> Access to account email (yes/no):\n"
        "> Code of Conduct agreed (yes/no):\n"
        "> Accept that recovery can take a long time (yes/no):"
    )
    if len(expected) == 2:
        quoted = "\n".join(quoted.split("\n")[:2])
    assert extract_in_context(own, quoted).values() == expected


def test_a_long_story_is_read_to_the_paragraphs_that_state_the_details() -> None:
    story = "\n\n".join(
        f"On day {day} we travelled further and the weather was fine." for day in range(400)
    )
    text = f"{story}\n\nMy username is kwright and I never saved the recovery codes."
    assert len(story) > 20_000
    found = extract_fields(text).values()
    assert found["username"] == "kwright"
    assert found["recovery_codes"] == "never_saved"


def test_a_labelled_answer_is_not_read_as_answers_in_order() -> None:
    quoted = (
        "> Code of Conduct agreed (yes/no):\n> Accept that recovery can take a long time (yes/no):"
    )
    own = "CoC: yes, I agree.\n\nOn the timing: is there really no faster route?"
    assert extract_in_context(own, quoted).values() == {}  # read as labelled lines instead


def test_an_answer_in_the_subject_line_is_read() -> None:
    found = extract_in_context("", "", "recovery codes: never saved").values()
    assert found == {"recovery_codes": "never_saved"}
    quoted = "> Code of Conduct agreed (yes/no):"
    assert extract_in_context("", quoted, "yes to all").values() == {"coc_agreed": True}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hola, perdí mi teléfono y no puedo entrar en mi cuenta de PyPI.", "es"),
        ("Olá, perdi o meu celular e não consigo entrar na minha conta.", "pt"),
        ("Ich habe mein Handy verloren und kann mich nicht anmelden.", "de"),
        ("Je n'arrive plus à me connecter à mon compte, merci de votre aide.", "fr"),
        ("我的手机丢了。现在无法登录我的 PyPI 账号。", "zh"),
        ("Я потерял телефон и не могу войти в аккаунт PyPI.", "ru"),
        ("Merhaba, telefonumu değiştirdim ve hesabıma giriş yapamıyorum.", "tr"),
        ("Saya tidak bisa masuk ke akun PyPI saya karena HP saya hilang.", "id"),
        ("Hallo, I lost my phone and I can not log in. Vielen Dank und viele Grüße", None),
        ("I lost my phone with the authenticator app.", None),
    ],
)
def test_the_language_of_a_request_is_detected(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_a_request_in_another_language_is_never_complete_on_guesswork() -> None:
    extraction = extract_fields(
        "Hola. Perdí mi teléfono y la aplicación de autenticación fue robada. Tengo la "
        "contraseña. Acepto el Código de Conducta."
    )
    assert extraction.language == "es"
    assert extraction.findings == {}


def test_every_language_has_one_reply_line() -> None:
    assert {"es", "pt", "de", "fr", "zh", "ru"} <= set(REPLY_LINES)
    assert all(line and "\n" not in line for line in REPLY_LINES.values())
    assert reply_line("es") == REPLY_LINES["es"]
    assert reply_line(None) is None and reply_line("xx") is None


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Recovery codes rejected - tmoreau", "My codes are rejected.", "tmoreau"),
        ("Account recovery: qmarsh", "My phone is gone.", "qmarsh"),
        ("[yuki-t] 2FA recovery", "My phone is gone.", "yuki-t"),
        ("yousef-alqahtani", "My security key broke.", "yousef-alqahtani"),
        # A plain word is a name only in a subject about a lockout, and never a stock word.
        ("Locked out - urgent", "My phone is gone.", None),
        ("Holiday photos - beltbalancer", "My phone is gone.", None),
        ("[RITM0091732] PyPI account access", "My phone is gone.", None),
        ("Locked out - table", "I don't remember my username.", None),
        ("About my account kanjiparse", "My phone was stolen.", "kanjiparse"),
        ("2FA lockout on thistle-ui", "My phone was stolen.", "thistle-ui"),
        ("Need 2FA reset, recovery codes give an error", "My phone was stolen.", None),
        ("Lockout on friday", "My phone was stolen.", None),
    ],
)
def test_a_subject_naming_the_account_gives_the_username(
    subject: str, body: str, expected: str | None
) -> None:
    found = extract_fields(body, subject).findings.get("username")
    assert (found.value if found else None) == expected
