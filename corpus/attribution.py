"""What a sentence says about a named person: labels, the reporting verb, and the quoted words.

Shallow patterns over tokens, no parser: they are fast, and their accuracy is measured against a
hand-made gold file (README, "How well people are found"). Each function takes the sentence's tokens
and the name's token span.

- Labels: the title/role words before the name ("the tireless Prime Minister"), an appositive on
  either side ("Keir Starmer, the British Prime Minister"; "Putin's top diplomat, the irreplaceable
  Sergei Lavrov"), a copular predicate ("X is a typical Baby Boomer").
- Verb: "X said", "X, the minister, has insisted", "'...,' said X", "according to X".
- Quote: quoted words in the sentence credited to the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    COPULAS,
    DAYS,
    DETERMINERS,
    MONTHS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    RELATIVES,
    STOP_WORDS,
    Lexicon,
)
from corpus.names import Candidate, Tokens

_ADJECTIVE_ENDINGS = ("able", "ible", "ous", "ive", "ful", "less", "ic", "ent", "ant", "ary", "ish", "ist")
_LABEL_STOPS = PREPOSITIONS | CONJUNCTIONS | RELATIVES | PRONOUNS | frozenset({"not", "also", "then", "now"})
_NP_END = (PREPOSITIONS - {"of"}) | CONJUNCTIONS | RELATIVES
_PUNCT_END = frozenset(',;:.!?()[]—–-"“”')
_OPENING = frozenset('“"‘')
_CLOSING = frozenset('”"’')
_QUOTED = re.compile(r"“([^”]*)”?|\"([^\"]*)\"?|(?<!\w)‘([^’]*?)’(?!\w)")
_MAX_LABEL_WORDS = 7


@dataclass(frozen=True, slots=True)
class Attribution:
    """Labels (normalised), the verb's lemma and class, and the credited quote, for one mention."""

    labels: tuple[str, ...] = ()
    verb: str | None = None
    verb_class: str | None = None
    quote: str | None = None


def normalise_label(words: list[str]) -> str:
    """Lower case, no leading article, one kind of apostrophe, no quotes or trailing punctuation."""
    text = " ".join(words).lower().replace("’", "'").replace("‘", "'")
    text = text.strip(" \"“”'.,;:")
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
            break
    return " ".join(text.split())


def labels_for(tokens: Tokens, cand: Candidate, lex: Lexicon, title_case: bool = False) -> tuple[list[str], int]:
    """The mention's labels, and the token index where the pre-name label starts (for inverted verbs)."""
    labels: list[str] = []
    before, start = _pre_label(tokens, cand, lex, title_case)
    if before:
        labels.append(before)
    appositive_before = _appositive_before(tokens, start, lex)
    if appositive_before:
        labels.append(appositive_before)
    if not cand.possessive:
        after = _appositive_after(tokens, cand.last, lex)
        if after:
            labels.append(after)
        predicate = _predicate(tokens, cand.last)
        if predicate:
            labels.append(predicate)
    return labels, start


def _pre_label(tokens: Tokens, cand: Candidate, lex: Lexicon, title_case: bool) -> tuple[str, int]:
    """Title words inside the capitalised run plus the lower-case modifiers before it."""
    texts = tokens.text
    core = [w for w in cand.title_words if w.lower().rstrip(".") not in lex.honorifics]
    if cand.title_words and not core:
        # "his friend Mr Sung": look before the honorific.
        end = cand.head
    else:
        end = cand.head
    words: list[str] = []
    opened = False  # an article or possessive determiner opens the phrase
    k = end - 1
    while k >= 0 and len(words) + len(core) < _MAX_LABEL_WORDS:
        word = texts[k]
        low = word.lower()
        if not word[0].isalpha():
            break
        if word.isupper() and 1 < len(word.replace(".", "")) <= 4 and low not in lex.titles:
            words.insert(0, word)  # "US President", "EU foreign policy chief"
            k -= 1
            if k >= 0 and texts[k].lower() in DETERMINERS:
                opened = True
            break
        if low == "of" and k > 0 and (texts[k - 1].lower() in lex.titles or texts[k - 1].lower() in lex.roles):
            words.insert(0, word)  # "US Secretary of State Mike Pompeo", "head of the union"
            k -= 1
            continue
        if title_case and word[0].isupper() and low not in lex.roles and low not in lex.titles:
            break
        if low in DETERMINERS:
            opened = True
            break
        if low in POSSESSIVE_DETERMINERS:
            words.insert(0, word)
            opened = True
            break
        if word.endswith(("'s", "’s")) and word[0].isupper():
            words.insert(0, word)  # "Russia's foreign minister Sergei Lavrov"
            opened = True
            while k > 0 and texts[k - 1][0].isupper() and texts[k - 1].lower() not in STOP_WORDS:
                k -= 1
                words.insert(0, texts[k])  # "Republican Party's candidate"
            break
        if low in _LABEL_STOPS or low in STOP_WORDS or low in MONTHS or low in DAYS or low.endswith("ly"):
            break
        if low in lex.verb_forms and low not in lex.roles:
            break
        if word[0].islower() and _verb_like(low, lex):
            break  # "makes President Putin"
        words.insert(0, word)
        k -= 1
    start = k + 1 if not opened else k
    if not opened:
        # Without an article, an -ed word is likely a verb ("backed opposition leader X"), and so is
        # an -ing word at the far left ("visiting"; but "billionaire shipping magnate").
        for m in range(len(words) - 1, -1, -1):
            low = words[m].lower()
            if low in lex.participles or low in lex.roles:
                continue
            if low.endswith("ed") or (m == 0 and low.endswith("ing")):
                words = words[m + 1 :]
                start = end - len(words)
                break
    phrase = words + core
    if not phrase:
        return "", cand.head
    adjacent = phrase[-1].lower().rstrip(".")
    if core or adjacent in lex.roles or adjacent in lex.titles or adjacent in lex.demonyms:
        return normalise_label(phrase), start
    if opened and _adjective(adjacent, lex) and len(words) <= 3:
        return normalise_label(phrase), start  # "the irreplaceable Sergei Lavrov"
    return "", cand.head


def _verb_like(word: str, lex: Lexicon) -> bool:
    """A lower-case word that reads as a verb in the third person ("makes", "gives")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics", "ous"))
        and word not in lex.roles
        and word[:-1] not in lex.roles
    )


def _adjective(word: str, lex: Lexicon) -> bool:
    return word in lex.participles or word.endswith(_ADJECTIVE_ENDINGS) or (word.endswith("ed") and len(word) > 4)


def _appositive_before(tokens: Tokens, start: int, lex: Lexicon) -> str:
    """ "Putin's top diplomat, the irreplaceable Sergei Lavrov": the phrase before the comma."""
    texts = tokens.text
    k = start - 1
    if k >= 0 and texts[k].lower() in DETERMINERS:
        k -= 1
    if k < 1 or texts[k] != ",":
        return ""
    words: list[str] = []
    k -= 1
    while k >= 0 and len(words) < _MAX_LABEL_WORDS:
        word = texts[k]
        low = word.lower()
        if not word[0].isalpha() or low in _LABEL_STOPS or low in STOP_WORDS - POSSESSIVE_DETERMINERS:
            break
        if low in lex.verb_forms and low not in lex.roles:
            break
        words.insert(0, word)
        if low in POSSESSIVE_DETERMINERS:
            break
        k -= 1
    if words and words[-1].lower() in lex.roles | lex.titles:
        return normalise_label(words)
    return ""


def _appositive_after(tokens: Tokens, last: int, lex: Lexicon) -> str:
    """ "Keir Starmer, the British Prime Minister, said": a noun phrase set off by a comma."""
    texts = tokens.text
    n = len(texts)
    if last >= n or texts[last] not in {",", "—", "–"}:
        return ""
    words = _noun_phrase(texts, last + 1)
    if not words:
        return ""
    first = words[0].lower()
    if first[0].isdigit() or first in RELATIVES or first in PRONOUNS:
        return ""
    content = [w.lower() for w in words if w.lower() not in DETERMINERS | POSSESSIVE_DETERMINERS]
    if not content:
        return ""
    has_role = any(w.rstrip(".") in lex.roles or w.rstrip(".") in lex.titles for w in content)
    if not has_role:
        return ""
    if content[0].endswith("ing") and content[0] not in lex.participles:
        return ""  # "Voss, speaking in Korsa, said"
    return normalise_label(words)


def _predicate(tokens: Tokens, last: int) -> str:
    """ "X is a typical Baby Boomer" -> "typical baby boomer"."""
    texts = tokens.text
    k = last
    n = len(texts)
    if k < n and texts[k].lower() in {"has", "had"} and k + 1 < n and texts[k + 1].lower() == "been":
        k += 2
    elif k < n and texts[k].lower() in COPULAS:
        k += 1
    else:
        return ""
    if k < n and texts[k].lower() in {"now", "also", "still", "once", "clearly", "simply", "not"}:
        k += 1
    if k >= n or texts[k].lower() not in {"a", "an", "the", "no"} | POSSESSIVE_DETERMINERS:
        return ""
    words = _noun_phrase(texts, k)
    return normalise_label(words) if len(words) > 1 else ""


def _noun_phrase(texts: list[str], k: int) -> list[str]:
    words: list[str] = []
    while k < len(texts) and len(words) < _MAX_LABEL_WORDS:
        word = texts[k]
        low = word.lower()
        if word in _PUNCT_END or not (word[0].isalnum()):
            break
        if words and (low in _NP_END or low in AUXILIARIES or low in {"is", "was", "are", "were", "said", "says"}):
            break
        words.append(word)
        k += 1
    return words


def verb_for(tokens: Tokens, cand: Candidate, label_start: int, lex: Lexicon, title_case: bool = False) -> str | None:
    """The lemma of the reporting verb this mention is the subject of, or None."""
    texts = tokens.text
    n = len(texts)
    if not cand.possessive:
        k = cand.last
        if k + 2 < n and texts[k] == "," and texts[k + 1].lower() == "who":
            after = _skip_auxiliaries(texts, k + 2, lex)
            lemma = _verb_at(texts, after, lex) if after < n else None
            if lemma:
                return lemma  # "Petra Aalto, who described the target as credible"
        if k < n and texts[k] == ",":
            close = _closing_comma(texts, k + 1)
            if close is not None:
                k = close + 1
        k = _skip_auxiliaries(texts, k, lex)
        if k < n and (texts[k][0].islower() or title_case):
            lemma = _verb_at(texts, k, lex)
            if lemma:
                return lemma
            lemma = _coordinated_verb(texts, k, lex)
            if lemma:
                return lemma
    # Inverted: "'...,' said Prime Minister Adrian Voss"; "according to Voss".
    k = label_start - 1
    if k >= 1 and texts[k - 1].lower() == "according" and texts[k].lower() == "to":
        return "according to"
    if k >= 0 and texts[k][0].islower():
        lemma = _verb_at(texts, k, lex)
        if lemma and not texts[k].lower().endswith("ing") and (k == 0 or texts[k - 1] in {",", "”", '"', "’"}):
            return lemma
    return None


def _skip_auxiliaries(texts: list[str], k: int, lex: Lexicon) -> int:
    """Past "has", "also", "angrily", "is" (+ -ing): to where the verb should be."""
    n = len(texts)
    skipped = 0
    while k < n and skipped < 3:
        low = texts[k].lower()
        adverb = low.endswith("ly") and low not in lex.verb_forms and len(low) > 3
        progressive = low in {"is", "was", "were", "are"} and k + 1 < n and texts[k + 1].lower().endswith("ing")
        if low in AUXILIARIES or adverb or progressive:
            k += 1
            skipped += 1
        else:
            break
    return k


def _coordinated_verb(texts: list[str], k: int, lex: Lexicon) -> str | None:
    """ "Voss visited Halvik on Friday and said ...": a reporting verb after "and", same subject."""
    if not texts[k][0].islower() or texts[k].lower() in STOP_WORDS:
        return None
    for m in range(k + 1, min(len(texts) - 1, k + 25)):
        word = texts[m]
        low = word.lower()
        if low == "and":
            after = _skip_auxiliaries(texts, m + 1, lex)
            if after < len(texts) and texts[after][0].islower():
                return _verb_at(texts, after, lex)
            return None
        if low in RELATIVES or low in PRONOUNS or word in {";", ":", "“", "”", '"'}:
            return None
    return None


def _closing_comma(texts: list[str], k: int) -> int | None:
    """The comma that closes a parenthetical starting at k, within 25 tokens."""
    for m in range(k, min(len(texts), k + 25)):
        if texts[m] == ",":
            return m
        if texts[m] in {".", ";", ":", "“", "”", '"'}:
            return None
    return None


def _verb_at(texts: list[str], k: int, lex: Lexicon) -> str | None:
    lemmas = lex.verb_forms.get(texts[k].lower())
    if not lemmas:
        return None
    following = texts[k + 1].lower() if k + 1 < len(texts) else ""
    for lemma in sorted(lemmas, key=len, reverse=True):
        parts = lemma.split()
        if len(parts) == 1:
            return lemma
        if parts[1] == following:
            return lemma
    return None


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks (an unclosed quote runs to the end)."""
    spans: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(sentence):
        for group in (1, 2, 3):
            if match.group(group) is not None:
                start, end = match.span(group)
                text = sentence[start:end]
                if group == 3 and len(text.split()) < 3:
                    break  # ‘single’ quotes around a word or two are scare quotes
                if text.strip():
                    spans.append((start, end))
                break
    if not spans:
        closing = next((i for i, ch in enumerate(sentence) if ch == "”"), None)
        if closing is not None and "“" not in sentence[:closing]:
            spans.append((0, closing))  # the sentence continues a quote opened before it
    return spans


def quote_text(sentence: str, spans: list[tuple[int, int]]) -> str | None:
    """The quoted words, joined; None when there are none."""
    parts = [sentence[a:b].strip(" ,.") for a, b in spans]
    parts = [p for p in parts if p]
    return " … ".join(parts) if parts else None
