"""Headline form of a clause, per language: "X shall submit" -> "X to submit", "... wird
erwartet" -> "... erwartet", "stellten die USA einen 60-Tage-Aktionsplan mit Mexiko vor" ->
"60-Tage-Aktionsplan der USA mit Mexiko", and anaphoric deliverables completed from the paragraph.

Texts here may still carry the marks of `describe.summary`: FOCUS before the finding and
KEEP_END after a kept compound deliverable.
"""

from __future__ import annotations

import re

FOCUS = "\x01"
HOLE = "\x02"
KEEP_END = "\x03"
_FOCUS = FOCUS
_KEEP_END = KEEP_END
_SKIPPED = FOCUS + HOLE + " "  # what `capitalise` looks past

_DE_ARTICLE = r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|eines|diese|dieser|dieses|diesen)"


_DE_SUBJECT = re.compile(
    r"^(?P<verb>[a-zäöüß]+)\s+(?P<adverb>(?:(?:bereits|schon|nun|jetzt|auch|erst|noch|nur|zudem|"
    r"außerdem|dann|wieder|künftig)\s+)*)"
    rf"(?P<subj>(?:(?:{_DE_ARTICLE}\s+(?:[a-zäöüß]+\s+){{0,2}}|[a-zäöüß]+e[nrsm]?\s+)[A-ZÄÖÜ][\w-]*|"
    r"(?:[A-ZÄÖÜ][\w-]*\s+){0,2}[A-ZÄÖÜ][\w-]*|er|sie|es|wir)"
    r"(?:\s+(?:der|des)\s+(?:[a-zäöüß]+\s+){0,2}[A-ZÄÖÜ][\w-]*|\s+[a-zäöüß]+er\s+[A-ZÄÖÜ][\w-]*)?)"
    r"(?=[\s,.]|$)"
)


_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|Der|Die|Das|Ein|Eine|Einen)\s+(?=\S)")
_ARTICLE_STARTS = ("The", "A", "Der", "Die", "Das", "Ein")  # what a `_LEADING_ARTICLE` starts with


_EN_MODAL = re.compile(
    r"^(?P<subj>[^,\x01]{2,70}?)\s+(?:will|shall|must|would|(?:is|are)\s+to|has\s+to|have\s+to|"
    r"(?:is|are)\s+(?:expected|scheduled|set|required|planning|preparing|going|due)\s+to|"
    r"plans?\s+to|intends?\s+to|aims?\s+to|agreed\s+to|pledged\s+to|committed\s+to|seeks?\s+to|"
    r"expects?\s+to|hopes?\s+to)"
    r"\s+(?:also\s+|now\s+|then\s+|jointly\s+)?(?=[\w\x01\x02])"
    r"(?!(?:a|an|the|their|its|this|these|that|his|her|our)\b)"
)


_EN_DUE = re.compile(
    r"\s+(?:is|are|will\s+be|shall\s+be|must\s+be)\s+(?=(?:\x02\s*)?(?:due|expected)\b(?!\s+to\b))"
)


_EXPECTED = ("erwartet", "fällig", "geplant", "vorgesehen", "angestrebt")
_DE_EXPECTED = re.compile(
    rf"^(?P<np>[^,\x01]{{2,80}}?)\s+(?:wird|werden|ist|sind)\s+(?P<rest>.*\b(?:{'|'.join(_EXPECTED)}))$"
)
_DE_INFLECTED = re.compile(r"^(?:Die|Der|Das)\s+(?:[A-ZÄÖÜ]\w*en|[a-zäöüß]+e[nrs]?)\s+[A-ZÄÖÜ]")
_DE_NOT_VERB = re.compile(_DE_ARTICLE + r"|er|sie|es|wir|man|ich|\w+ung")
_DE_OWNER = re.compile(
    r"^(?:(?P<art>[Dd]ie|[Dd]er|[Dd]as)\s+)?(?P<name>(?:[A-ZÄÖÜ][\w-]*\s*){1,3})\s+[a-zäöüß]+\b"
)
_EN_REPORTED = re.compile(r"\b(?:that|announced|said|says)\b")
_EN_SUBJECT_ADVERB = re.compile(r"\s+(?:also|now|then|jointly|still|further)$")
_EN_OWNER = re.compile(r"^(?:[Tt]he\s+)?(?P<name>(?:[A-Z][\w.-]*\s+){1,4})[a-z]+\b")


_ANAPHOR = re.compile(
    r"\b(?:entsprechenden?|entsprechender|diesbezüglichen?|corresponding|related|such\s+an?)\s+"
    r"(?P<noun>[\w-]+)"
)


_ANAPHOR_STEMS = ("entsprechende", "diesbezügliche", "corresponding", "related", "such")
_HEADS = (
    "[Aa]bkommen|[Vv]ereinbarung|[Vv]ertrag|[Pp]lan|[Ss]trategie|[Gg]esetz|[Pp]aket|[Aa]llianz|"
)
_HEADS += "[Pp]artnerschaft|agreement|deal|plan|strategy|framework|partnership"
# The same heads as plain strings ("[Aa]bkommen" -> "Abkommen", "abkommen").
_HEAD_WORDS = tuple(
    dict.fromkeys(
        spelling
        for head in _HEADS.split("|")
        for spelling in ((head[1] + head[4:], head[2] + head[4:]) if head[0] == "[" else (head,))
    )
)
_REFERENT = re.compile(
    rf"\b(?P<head>[\w-]*(?:{_HEADS}))"
    r"\s+(?P<comp>(?:über|zu|zum|zur|für)\s+(?:[a-zäöüß]+\s+){0,3}[A-ZÄÖÜ][\w-]*"
    r"(?:\s+[A-ZÄÖÜ][\w-]*)?"
    r"(?:\s+(?:mit|über|von|für|zu)\s+(?:[a-zäöüß]+\s+){0,3}[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*)?)*"
    r"|(?:on|for|about)\s+[a-z][\w -]{2,50}?(?=[,.;:]|\s+(?:is|are|was|were|will|would)\b|$))"
)


_FEMININE = re.compile(r"(?:ung|heit|keit|schaft|ion|ie|tät|anz|enz)$")


_RIGHT_COMPLEMENT = re.compile(
    r"^(?:\s+(?:mit|über|zu|zum|zur|für|zwischen|gegen|with|on|for|between|against|of|to)\s+"
    r"(?:[a-zäöü]+\s+){0,2}[A-ZÄÖÜ][\w-]*)+"
)


def capitalise(text: str) -> str:
    """Upper-case the first letter, skipping leading marks and spaces (if a letter comes first)."""
    rest = text.lstrip(_SKIPPED)
    if not rest[:1].isalpha():
        return text
    index = len(text) - len(rest)
    return text[:index] + rest[0].upper() + text[index + 1 :]


def german_headline(text: str, *, np_mode: bool, is_nominal: bool = False) -> str:
    """Put a German clause in headline form (subject first, no article, noun phrase mode)."""
    kept = _kept(text) if np_mode else None
    if not is_nominal:
        text = _uninvert(text)
    text = capitalise(text)
    if kept is not None:
        phrase = _noun_phrase_de(text, kept[1])
        if phrase:
            return phrase
    plain = text.replace(_FOCUS, "")
    # `$` also matches before a final newline; what the pattern ends with is a cheap test first.
    expected = plain.removesuffix("\n").endswith(_EXPECTED) and _DE_EXPECTED.match(plain)
    if expected:
        text = f"{expected.group('np')} {expected.group('rest')}"
    if _DE_INFLECTED.match(text):
        return (
            text  # "Die Vereinigten Staaten", "Der neue Plan": the article carries the inflection
        )
    return _without_article(text)


def _without_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text) if text.startswith(_ARTICLE_STARTS) else text


def _uninvert(text: str) -> str:
    """After a dropped connector the finite verb leads ("stellten die USA ..."): put the subject
    first again ("die USA stellten ...")."""
    plain = text.replace(_FOCUS, "").strip()
    first = plain.split(" ", 1)[0]
    if not first.islower() or _DE_NOT_VERB.fullmatch(first):
        return text
    match = _DE_SUBJECT.match(plain)
    if match is None:
        return text
    rest = plain[match.end() :]
    adverb = f" {match.group('adverb').strip()}" if match.group("adverb") else ""
    return f"{match.group('subj')} {match.group('verb')}{adverb}{rest}"


def _noun_phrase_de(text: str, head: str) -> str:
    """ "die USA stellten einen 60-Tage-Aktionsplan mit Mexiko vor" ->
    "60-Tage-Aktionsplan der USA mit Mexiko"."""
    plain = text.replace(_FOCUS, "").replace(_KEEP_END, "")
    index = plain.find(head)
    if index < 0:
        return ""
    complement = _RIGHT_COMPLEMENT.match(plain[index + len(head) :])
    owner = _owner_de(plain[:index])
    tail = complement.group(0) if complement else ""
    return f"{head}{' ' + owner if owner else ''}{tail}"


def _kept(text: str) -> tuple[str, str, str] | None:
    """Split at the kept compound: (text before it, the compound, text after it)."""
    start, end = text.find(_FOCUS), text.find(_KEEP_END)
    if not 0 <= start < end:
        return None
    head = text[start + 1 : end]
    after = text[end + 1 :].replace(_FOCUS, "")
    return text[:start].replace(_KEEP_END, ""), head, after


def _owner_de(before: str) -> str:
    """The subject as an owner: "die USA" -> "der USA", "der Bund" -> "vom Bund"."""
    match = _DE_OWNER.match(before)
    if match is None:
        return ""
    name = match.group("name").strip()
    article = (match.group("art") or "").lower()
    return {"die": f"der {name}", "der": f"vom {name}", "das": f"vom {name}"}.get(
        article, f"von {name}"
    )


def english_headline(text: str, *, np_mode: bool, is_event: bool = False) -> str:
    """Put an English clause in headline form ("X shall submit" -> "X to submit")."""
    found = _kept(text) if np_mode else None
    if found is not None:
        before, head, after = found
        complement = _RIGHT_COMPLEMENT.match(after)
        owner = _owner_en(before)
        return f"{owner}{head}{complement.group(0) if complement else ''}"
    plain = text.replace(_FOCUS, "").replace(_KEEP_END, "").strip(" ,;")
    text = capitalise(plain)
    if "due" in text or "expected" in text:  # what every `_EN_DUE` match looks ahead to
        text = _EN_DUE.sub(" ", text)
    modal = None if is_event else _EN_MODAL.match(text)
    if modal and not _EN_REPORTED.search(modal.group("subj")):
        subject = _EN_SUBJECT_ADVERB.sub("", modal.group("subj"))
        text = f"{subject} to {text[modal.end() :]}"
    return _without_article(text)


def _owner_en(before: str) -> str:
    """The subject as an attributive owner: "The United States unveiled a" -> "United States "."""
    match = _EN_OWNER.match(before.strip() + " ")
    return match.group("name") if match else ""


def complete_anaphor(text: str, context: str) -> str:
    """ "entsprechende Absichtserklärung erwartet" + the agreement named just before ->
    "Absichtserklärung zum Abkommen über ... erwartet"."""
    if not any(map(text.__contains__, _ANAPHOR_STEMS)):
        return text
    anaphor = _ANAPHOR.search(text)
    if anaphor is None:
        return text
    context = context.replace(_FOCUS, "")
    start = _referent_start(context)
    referents = list(_REFERENT.finditer(context, start)) if start >= 0 else []
    noun = anaphor.group("noun")
    text = text[: anaphor.start()] + noun + text[anaphor.end() :]
    if not referents:
        return text
    referent = referents[-1]
    head, comp = referent.group("head"), referent.group("comp").strip()
    link = "on the"
    if head[:1].isupper():
        link = "zur" if _FEMININE.search(head) else "zum"
    insert_at = anaphor.start() + len(noun)
    return f"{text[:insert_at]} {link} {head} {comp}{text[insert_at:]}"


def _referent_start(context: str) -> int:
    """Where to look for `_REFERENT` (-1: nowhere). A match starts in the run of word characters
    and hyphens that ends with its head, so not before the space in front of the first head word;
    `finditer` from there finds the same matches (`\\b` still sees the character before)."""
    first = min((index for index in map(context.find, _HEAD_WORDS) if index >= 0), default=-1)
    return context.rfind(" ", 0, first) + 1 if first >= 0 else -1
