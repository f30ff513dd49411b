"""Names of things, not actors: agreements, zones, plants and programmes, and the acronyms defined for them.

Wire copy defines an acronym once, in parentheses after its long form, and
then uses it alone: "an air defence identification zone (ADIZ)", "the Libyan
Political Agreement (LPA)", "hydropower plants (HPP)". The model tags such
acronyms as organizations. A long form that is a common-noun phrase, or whose
last word names a thing (an agreement, a partnership, a zone), makes the
acronym a thing for the whole document; a new name ending in such a word
("the Libyan Political Agreement") is one too.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["THING_HEADS", "thing_acronyms", "names_a_thing"]

#: Last words of names of things (treaties, programmes, installations), not of actors.
THING_HEADS = frozenset(
    {
        "agreement", "agreements", "accord", "accords", "treaty", "pact", "partnership", "deal", "zone", "zones",
        "plant", "plants", "programme", "program", "initiative", "act", "plan", "system", "systems", "corridor",
        "pipeline", "project", "strategy", "framework", "protocol", "mechanism", "doctrine", "index", "tax",
        "tariff", "tariffs", "missile", "missiles", "station", "stations", "reactor", "reactors",
    }
)
_SKIPPED = frozenset({"and", "of", "the", "for", "on", "in", "&"})


def _long_form(doc: Doc, acronym: str, open_paren: int) -> list | None:
    """The words before ``(`` whose initials spell ``acronym`` ("air defense identification zone (ADIZ)"), or None."""
    letters = acronym.lower()
    words: list = []
    k = open_paren - 1
    while k >= 0 and len(words) < len(letters) + 3 and doc[k].is_alpha:
        words.insert(0, doc[k])
        k -= 1
        spelled = "".join(w.lower_[0] for w in words if w.lower_ not in _SKIPPED)
        if spelled == letters:
            return words
        if not letters.endswith(spelled):
            return None
    return None


def _common_thing(doc: Doc, acronym: str, open_paren: int) -> bool:
    """ "hydropower plants (HPP)": lower-case words ending in a thing, one of them opening with the acronym's initial."""
    words = list(doc[max(open_paren - len(acronym), 0) : open_paren])
    if not words or words[-1].lower_ not in THING_HEADS:
        return False
    while words and words[-1].is_lower and words[-1].is_alpha:
        if words[-1].lower_[0] == acronym[0].lower():
            return True
        words.pop()
    return False


def thing_acronyms(doc: Doc) -> frozenset[str]:
    """Acronyms the document defines, in parentheses, for a thing."""
    found = set()
    for token in doc[1:-1]:
        text = token.text
        if not (text.isupper() and text.isalpha() and 2 <= len(text) <= 6):
            continue
        if doc[token.i - 1].text != "(" or doc[token.i + 1].text != ")":
            continue
        words = _long_form(doc, text, token.i - 1)
        if words is not None and (all(w.is_lower for w in words) or words[-1].lower_ in THING_HEADS):
            found.add(text)
        elif words is None and _common_thing(doc, text, token.i - 1):
            found.add(text)
    return frozenset(found)


def names_a_thing(name: str) -> bool:
    """A new name whose last word names a thing ("Libyan Political Agreement", "Trans-Pacific Partnership")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in THING_HEADS and words[-1][:1].isupper()
