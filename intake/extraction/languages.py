"""The language a request is written in, and one line for the reply in that language.

The extraction rules read English. A request in another language is recognised
(by its script, or by the common words of its prose) so that nothing is guessed
from prose the rules cannot read, and so the reply can add one line the
requester can read. English and undecided text give None.
"""

from __future__ import annotations

import re

# One short, kind line per language: we received the request, we answer in
# English, and please answer the questions below in English if possible.
REPLY_LINES: dict[str, str] = {
    "es": (
        "Gracias por escribirnos: hemos recibido su solicitud. Respondemos en inglés; "
        "si le es posible, conteste en inglés a las preguntas de abajo."
    ),
    "pt": (
        "Obrigado pela sua mensagem: recebemos o seu pedido. Respondemos em inglês; "
        "se possível, responda em inglês às perguntas abaixo."
    ),
    "de": (
        "Danke für Ihre Nachricht, wir haben Ihre Anfrage erhalten. Wir antworten auf "
        "Englisch; bitte beantworten Sie die Fragen unten nach Möglichkeit auf Englisch."
    ),
    "fr": (
        "Merci pour votre message : nous avons bien reçu votre demande. Nous répondons en "
        "anglais ; si possible, répondez en anglais aux questions ci-dessous."
    ),
    "it": (
        "Grazie per il suo messaggio: abbiamo ricevuto la sua richiesta. Rispondiamo in "
        "inglese; se possibile, risponda in inglese alle domande qui sotto."
    ),
    # Chinese punctuation is full width.
    "zh": "感谢您的来信，我们已收到您的请求。我们用英文回复；如有可能，请用英文回答下面的问题。",  # noqa: RUF001
    "ja": (
        "ご連絡ありがとうございます。リクエストを受け付けました。返信は英語で行います。"
        "可能であれば、以下の質問に英語でお答えください。"
    ),
    "ko": (
        "연락해 주셔서 감사합니다. 요청을 접수했습니다. 답변은 영어로 드리며, "
        "가능하시면 아래 질문에 영어로 답해 주세요."
    ),
    "tr": (
        "Mesajınız için teşekkürler: talebinizi aldık. İngilizce yanıt veriyoruz; mümkünse "
        "aşağıdaki soruları İngilizce yanıtlayın."
    ),
    "id": (
        "Terima kasih atas pesan Anda: kami telah menerima permintaan Anda. Kami membalas "
        "dalam bahasa Inggris; jika memungkinkan, jawablah pertanyaan di bawah dalam bahasa "
        "Inggris."
    ),
    "nl": (
        "Bedankt voor uw bericht: we hebben uw verzoek ontvangen. We antwoorden in het Engels; "
        "beantwoord de vragen hieronder indien mogelijk in het Engels."
    ),
    "pl": (
        "Dziękujemy za wiadomość: otrzymaliśmy Twoje zgłoszenie. Odpowiadamy po angielsku; "
        "jeśli to możliwe, odpowiedz po angielsku na poniższe pytania."
    ),
    "ru": (
        "Спасибо за письмо: мы получили ваш запрос. Мы отвечаем на английском языке; "
        "по возможности ответьте на вопросы ниже по-английски."
    ),
}

# Scripts that name their language outright: (code, characters). Kana before Han,
# since Japanese text holds both.
_SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
# Common words that tell the Latin-script languages apart; English is scored the same
# way, so a German greeting around English prose stays English.
_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(words.split())
    for code, words in (
        (
            "en",
            "the and to my i is it of in that have not was for with on but can this am "
            "lost account phone password please you me do be at an are as will",
        ),
        (
            "es",
            "el la los las que y en mi mis cuenta es con para por una un pero puedo tengo "
            "teléfono contraseña correo gracias hola también perdí del al muy ayuda estoy "
            "sí su lo usuario códigos aplicación acceso puede",
        ),
        (
            "pt",
            "o os meu minha conta não é com para por uma um mas posso tenho celular senha "
            "obrigado obrigada olá também perdi você está ao do da das dos na no em sem "
            "acesso ajuda aplicativo códigos",
        ),
        (
            "de",
            "der die das und ich nicht mein meine ist mit zu den ein eine konto habe kann "
            "auf für es sich auch leider danke hallo passwort mich mir wir verloren noch "
            "bitte dem nie",
        ),
        (
            "fr",
            "le la les et je j mon ma mes est pas avec pour une compte ai ne que dans sur mot "
            "passe merci bonjour aussi du des mais qui été toujours plus n vous",
        ),
        (
            "it",
            "il lo gli le di che e non mio mia sono con per una ho posso grazie ciao anche "
            "account telefono della del perso accesso",
        ),
        (
            "tr",
            "ve bir bu için ile çok ama hesap hesabım hesabıma şifre şifrem telefon telefonumu "
            "değil var yok ben benim da de mi teşekkürler merhaba kullanıcı adım kodları "
            "kurtarma giriş yapamıyorum hâlâ",
        ),
        (
            "nl",
            "ik het een niet mijn mij heb kan van met voor maar ook geen wachtwoord telefoon "
            "bedankt graag verloren toegang herstelcodes gebruikersnaam nog naar wel zijn",
        ),
        (
            "pl",
            "jestem nie mam moje moja mój konto hasło telefon dziękuję dzień dobry że się jest "
            "czy ale jak kody odzyskiwania użytkownika nazwa mogę telefonu dostępu już",
        ),
        (
            "id",
            "saya tidak bisa dan yang di ke dari akun ini itu ada untuk dengan karena masih "
            "sudah juga terima kasih tolong kode hp aplikasi hilang setuju paham bisa",
        ),
    )
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MIN_WORDS = 3


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in; None for English or unsure."""
    letters = len(_LETTERS.findall(text))
    for code, script in _SCRIPTS:
        if letters and len(script.findall(text)) * 3 >= letters:
            return code
    words = [word.lower() for word in _WORD.findall(text)]
    scores = {code: sum(word in known for word in words) for code, known in _WORDS.items()}
    best = max(scores, key=lambda code: scores[code])
    if best == "en" or scores[best] < _MIN_WORDS or scores[best] <= scores["en"]:
        return None
    return best


def reply_line(code: str | None) -> str | None:
    """The line for a reply to a request in language ``code``; None for English or unknown."""
    return REPLY_LINES.get(code) if code else None
