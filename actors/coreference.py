"""Coreference inside a document, for what relation extraction needs.

* Definite descriptions: "the US president", "the Ukrainian leader",
  "Ukraine's head of state", "the NATO chief", "the president" point to the
  person holding that office (of that country or organization) on the
  sentence's date: the most recent such person of the document, else the
  holder in the office history or the dictionary, else an office placeholder
  the corpus merge resolves (see :mod:`~diplograph.actors.offices`).
* he/him/his/she/her: the subject of the same sentence before the pronoun,
  else the main subject of a previous sentence, else the most recent person.
* they/them/their: the most recent plural actor (a group, "Russian forces",
  "the U.S. and Germany", "the prime ministers of X and Y"), else the main
  state subject of the sentence or the one before, unless a plural common
  noun comes in between ("14 brigades ... they").
* its: the nearest state or organization subject.
* Descriptions of places, states and people ("the city", "the island",
  "the country", "its neighbour", "both men"): see
  :mod:`~diplograph.actors.descriptions`; collective and plural ones ("the
  military", "the alliance", "the two sides", "the juntas", "the former oil
  executive"): see :mod:`~diplograph.actors.collective`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.actors.collective import resolve_collective
from diplograph.actors.descriptions import resolve_description
from diplograph.actors.phrases import indicator_of
from diplograph.actors.offices import (
    affiliation,
    holds_office,
    is_placeholder,
    mention_date,
    resolve_office,
    title_sector,
)
from diplograph.actors.titles import MAX_TITLE_WORDS, TITLE_FIRST_WORDS, TITLE_MODIFIERS, match_plural_title, match_title
from diplograph.nlp.syntax import SUBJECT_DEPS, child_with, governing_subjects, governing_verb, shared_subjects

__all__ = ["resolve_coreference"]

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_BLOCKING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
_GENERIC = frozenset({"official", "secretary", "director general", "minister", "commander", "lawmaker", "aide"})
_LOOKBACK = 3


def _sentence_refs(b: DocActorsBuilder, sentence: int, before: int) -> list[Reference]:
    return b.in_sentence(sentence, before)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


def _is_subject(b: DocActorsBuilder, ref: Reference) -> bool:
    return b.doc[ref.head].dep_ in SUBJECT_DEPS


def _persons(b: DocActorsBuilder, refs: list[Reference]) -> list[Reference]:
    return [r for r in refs if len(r.actors) == 1 and b.type_of(r.actor) == "person"]


def _cataphora(b: DocActorsBuilder, token: Token) -> str | None:
    """ "Asked whether *he* was ready, Donald Trump answered": the main subject after a fronted clause."""
    root = token.sent.root
    subject = child_with(root, *SUBJECT_DEPS)
    if subject is None or subject.i < token.i:
        return None
    branch = next((a for a in [token, *token.ancestors] if a.head.i == root.i and a.i != root.i), None)
    if branch is None or branch.dep_ not in ("advcl", "prep", "npadvmod") or branch.i > subject.i:
        return None
    for verb in (a for a in [token, *token.ancestors] if a.i != root.i and a.pos_ in ("VERB", "AUX")):
        own = child_with(verb, *SUBJECT_DEPS)
        if own is not None and own.i < token.i and b.actor_at(own.i) is not None:
            return None  # "When *Trump* signed *his* order, Trudeau wrote": the fronted clause has its own subject
    actor = b.actor_at(subject.i)
    return actor if actor is not None and b.type_of(actor) == "person" else None


def _phrase_possessor(b: DocActorsBuilder, token: Token) -> str | None:
    """ "Trump's approach to *his* meeting": the person owning the noun phrase a possessive pronoun sits in."""
    if token.dep_ != "poss":
        return None
    current = token.head
    for _ in range(3):
        if current.dep_ != "pobj" or current.head.dep_ != "prep":
            return None
        current = current.head.head
        # the phrase hangs off a noun ("Trump's approach to his meeting") or off the verb of that noun
        nouns = [current] if current.pos_ in ("NOUN", "PROPN") else [c for c in current.children if c.dep_ == "dobj"]
        for noun in nouns:
            owner = next((c for c in noun.children if c.dep_ == "poss" and c.i < token.i), None)
            if owner is not None:
                actor = b.actor_at(owner.i)
                return actor if actor is not None and b.type_of(actor) == "person" else None
        if current.pos_ not in ("NOUN", "PROPN"):
            return None
    return None


def _person_candidates(b: DocActorsBuilder, token: Token) -> Iterator[str]:
    sentence = b.sentence_of[token.i]
    fronted = _cataphora(b, token) or _phrase_possessor(b, token)
    if fronted is not None:
        yield fronted
    for subject in governing_subjects(token):
        actor = b.actor_at(subject.i)
        if actor is not None and b.type_of(actor) == "person":
            yield actor
    same = _persons(b, _sentence_refs(b, sentence, token.i))
    yield from (r.actor for r in reversed(same) if _is_subject(b, r))
    yield from (r.actor for r in reversed(same))
    for back in range(sentence - 1, max(sentence - _LOOKBACK, 0) - 1, -1):
        refs = _persons(b, _sentence_refs(b, back, len(b.doc)))
        subjects = sorted((r for r in refs if _is_subject(b, r)), key=lambda r: (_depth(b.doc[r.head]), r.start))
        yield from (r.actor for r in subjects)
        yield from (r.actor for r in reversed(refs))


def _own_subjects(b: DocActorsBuilder, token: Token, *, conjuncts: bool = False) -> set[str]:
    """The actors an object pronoun cannot refer to: the subjects of its own clause ("had not seen the
    last *of him*"), with ``conjuncts`` also those coordinated with them ("Turkey and Qatar helped *them*")."""
    if token.dep_ not in _OBJECT_DEPS:
        return set()
    subjects = shared_subjects(governing_verb(token))
    words = [c for s in subjects for c in (s, *s.conjuncts)] if conjuncts else subjects
    return {a for word in words if (a := b.actor_at(word.i)) is not None}


def _person_pronoun(b: DocActorsBuilder, token: Token) -> None:
    excluded = _own_subjects(b, token) if token.lower_ in ("him", "her") else set()
    for actor in _person_candidates(b, token):
        if actor not in excluded:
            b.add(token.i, token.i + 1, actor, "pronoun")
            return


def _group_of(b: DocActorsBuilder, ref: Reference) -> tuple[str, ...] | None:
    """The actors of a plural reference, or None when ``ref`` names one singular actor.

    Plural references: several actors at once, a group, a plural noun ("Russian forces"), or
    coordinated subjects of one kind ("the U.S. and Germany", "Sharif and Mohammed bin Salman").
    """
    if len(ref.actors) > 1:
        return ref.actors
    head = b.doc[ref.head]
    person = b.type_of(ref.actor) == "person"
    conj = [b.actor_at(c.i) for c in head.children if c.dep_ == "conj"]
    agents = ("person",) if person else ("state", "organization", "group")
    conj_actors = [a for a in conj if a is not None and b.type_of(a) in agents]
    if conj_actors and b.type_of(ref.actor) in agents:
        return tuple(dict.fromkeys((ref.actor, *conj_actors)))
    if b.type_of(ref.actor) == "group" or (head.tag_ in ("NNS", "NNPS") and not person):
        return ref.actors
    return None


def _blocked(b: DocActorsBuilder, after: int, before: int) -> bool:
    """True when a plural common noun stands between a candidate and the pronoun."""
    for token in b.doc[after:before]:
        if token.tag_ == "NNS" and token.dep_ in _BLOCKING_DEPS and b.ref_at(token.i) is None:
            return True
    return False


def _plural_pronoun(b: DocActorsBuilder, token: Token) -> None:
    sentence = b.sentence_of[token.i]
    excluded = _own_subjects(b, token, conjuncts=True) if token.lower_ == "them" else set()
    for subject in governing_subjects(token):
        ref = b.ref_at(subject.i)
        group = _group_of(b, ref) if ref is not None else None
        if group is not None and not excluded & set(group):
            b.add(token.i, token.i + 1, group if len(group) > 1 else group[0], "pronoun")
            return
    window = range(sentence, max(sentence - 2, 0) - 1, -1)
    for back in window:
        for ref in reversed(_sentence_refs(b, back, token.i)):
            group = _group_of(b, ref)
            if group is not None and not excluded & set(group) and not _blocked(b, ref.end, token.i):
                b.add(token.i, token.i + 1, group if len(group) > 1 else group[0], "pronoun")
                return
    for back in window[:2]:
        refs = [
            r for r in _sentence_refs(b, back, token.i)
            if len(r.actors) == 1 and b.type_of(r.actor) in ("state", "organization") and _is_subject(b, r)
        ]
        refs.sort(key=lambda r: (_depth(b.doc[r.head]), -r.start))
        for ref in refs:
            if ref.actor not in excluded and not _blocked(b, ref.end, token.i):
                b.add(token.i, token.i + 1, ref.actor, "pronoun")
                return


def _its(b: DocActorsBuilder, token: Token) -> None:
    def singular(ref: Reference) -> bool:
        return len(ref.actors) == 1 and b.type_of(ref.actor) in ("state", "organization", "group") and (
            (group := _group_of(b, ref)) is None or len(group) == 1
        )

    for subject in governing_subjects(token):
        ref = b.ref_at(subject.i)
        if ref is not None and singular(ref):
            b.add(token.i, token.i + 1, ref.actor, "pronoun")
            return
    sentence = b.sentence_of[token.i]
    same = [r for r in _sentence_refs(b, sentence, token.i) if singular(r)]
    if same:
        b.add(token.i, token.i + 1, same[-1].actor, "pronoun")
        return
    previous = [r for r in _sentence_refs(b, sentence - 1, token.i) if singular(r) and _is_subject(b, r)]
    if previous:
        previous.sort(key=lambda r: (_depth(b.doc[r.head]), -r.start))
        b.add(token.i, token.i + 1, previous[0].actor, "pronoun")


def _two_of(b: DocActorsBuilder, token: Token) -> int | None:
    """ "the two presidents" -> the two most recent persons with that office."""
    if b.lower[token.i] not in ("two", "both") or token.i == 0 or b.lower[token.i - 1] != "the":
        return None
    hit = match_plural_title(b.lower[token.i + 1 : token.i + MAX_TITLE_WORDS + 5])
    if hit is None:
        return None
    size, title = hit
    found: list[str] = []
    date = mention_date(b, token)
    for person in b.recent_actors(token.i, "person"):
        if holds_office(b, person, title, b.country_of(person), affiliation(b, person), date):
            found.append(person)
        if len(found) == 2:
            end = token.i + 1 + size
            b.add(token.i - 1, end, tuple(reversed(found)), "description", head=end - 1)
            return end
    return None


def _description(b: DocActorsBuilder, token: Token) -> int | None:
    """Resolve a definite description starting its title at ``token``; return the token after it."""
    doc = b.doc
    hit = match_title(b.lower[token.i : token.i + MAX_TITLE_WORDS + 4])
    if hit is None or token.tag_ in ("NNS", "NNPS"):
        return None
    size, title = hit
    end = token.i + size
    if any(b.ref_at(j) is not None for j in range(token.i, end)):
        return None
    following = b.ref_at(end) if end < len(doc) else None
    if following is not None and b.type_of(following.actor) == "person" or end < len(doc) and doc[end].pos_ == "PROPN":
        return None  # a title before a name, read by the phrase pass
    k = token.i - 1
    while k >= 0 and doc[k].lower_ in TITLE_MODIFIERS and b.ref_at(k) is None:
        k -= 1
    indicator = indicator_of(b, k)
    country = org = None
    first = k + 1
    if indicator is not None:
        country, org = indicator.country_for(title), indicator.org
        if b.type_of(indicator.ref.actor) == "person":
            return None  # "Putin's envoy" is someone else
        if indicator.absorb:
            first = indicator.ref.start
            k = first - 1
    elif end + 1 < len(doc) and doc[end].lower_ == "of":
        after = b.ref_at(end + 1 if doc[end + 1].lower_ != "the" else end + 2)
        if after is not None and len(after.actors) == 1 and b.type_of(after.actor) != "person":
            country = b.country_of(after.actor)
            org = after.actor if b.type_of(after.actor) in ("organization", "group") else None
    determined = k >= 0 and doc[k].lower_ == "the" or indicator is not None and indicator.possessive
    if not determined or title.canonical in _GENERIC and country is None and org is None:
        return None
    if title.canonical == "head" and country is None and org is None:
        return None
    if org is not None and b.type_of(org) == "state":
        org = None
    person = resolve_office(b, title, country, org, token)
    if person is None:
        return None
    start = k if k >= 0 and doc[k].lower_ == "the" else first
    b.add(start, end, person, "description", head=end - 1)
    if is_placeholder(person):
        b.sectors[end - 1] = "GOV"  # the office stands for its state's government until the corpus merge knows more
    elif b.type_of(person) == "state":
        b.sectors[end - 1] = title_sector(title)  # "the Chinese ambassador": China's government
    return end


def resolve_coreference(b: DocActorsBuilder) -> None:
    """Resolve descriptions and third-person pronouns, left to right."""
    doc = b.doc
    i = 0
    while i < len(doc):
        token = doc[i]
        ref = b.ref_at(i)
        if ref is not None:
            i = ref.end
            continue
        end = (
            _two_of(b, token)
            or (_description(b, token) if b.lower[i] in TITLE_FIRST_WORDS else None)
            or resolve_description(b, token)
            or resolve_collective(b, token)
        )
        if end is not None:
            i = end
            continue
        if token.pos_ == "PRON" or token.lower_ in ("his", "her", "their", "its"):
            lower = token.lower_
            if lower in _PERSON_PRONOUNS:
                _person_pronoun(b, token)
            elif lower in _PLURAL_PRONOUNS:
                _plural_pronoun(b, token)
            elif lower == "its":
                _its(b, token)
        i += 1
