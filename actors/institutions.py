"""Institutions of a state: "Russian forces", "Afghan police", "Ukraine's General Staff", "the Foreign Ministry".

* A state (a demonym, a name, a metonym) before an institution phrase refers to
  the state, with the phrase's sector (:mod:`~diplograph.actors.sectors`) on the
  reference: "Russian *forces*" → Russia, ``MIL``; "Afghan *riot police*" →
  Afghanistan, ``COP``. Before a non-state sector ("Syrian *rebels*", "Sudanese
  *opposition*") it is the country's group of that sector instead.
* An institution the text names without its state ("the Foreign Ministry",
  "the Justice Department", "the Supreme Court", "the military") is the
  document's main state so far — the state referred to most often before it
  (:func:`main_state`) — with the institution's sector; without any state in
  the document it is nobody.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.actors.phoenix import phoenix_index
from diplograph.actors.sectors import NON_STATE_SECTORS, agent_sector, phrase_sector, sector_group
from diplograph.actors.titles import EQUIPMENT_NOUNS, GENERIC_ORG_WORDS, INSTITUTION_MODIFIERS, INSTITUTION_SECTORS

__all__ = [
    "institution_end",
    "read_institutions",
    "is_stance",
    "main_state",
    "generic_institution",
    "resolve_institutions",
    "state_sector",
]

_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
_MILITARY_WORDS = frozenset({"staff", "army", "forces", "navy", "force", "command", "defence", "defense", "war"})
_HEADS = {"ministry": "GOV", "department": "GOV", "ministries": "GOV", "court": "JUD", "parliament": "LEG",
          "senate": "LEG", "military": "MIL", "army": "MIL", "navy": "MIL", "police": "COP", "government": "GOV",
          "cabinet": "GOV", "administration": "GOV", "regime": "GOV", "junta": "GOV", "authorities": "GOV"}  # fmt: skip
_OWNED_HEADS = {"forces": "MIL", "force": "MIL", "army": "MIL", "navy": "MIL", "guard": "MIL", "guards": "MIL",
                "troops": "MIL", "command": "MIL", "corps": "MIL", "police": "COP", "service": "GOV", "office": "GOV"}
_COURTS = frozenset({"supreme", "constitutional", "high", "appeals", "federal", "military", "district"})
_MAX_PHOENIX_WORDS = 3
#: Bodies that, named without a state, are international: "Russia's Security Council" is Russia's; "the Security Council" the UN's.
_UNOWNED_BODIES = {"security council": "un-security-council"}
_UN_BUSINESS = frozenset({"resolution", "resolutions", "vote", "veto", "sanctions", "members", "member", "seat"})


def institution_end(b: DocActorsBuilder, i: int) -> tuple[int, str] | None:
    """End and sector of an institution phrase starting at token ``i`` ("military intelligence drones"), or None."""
    doc = b.doc
    run = i
    while run < len(doc) and run - i < 5 and b.ref_at(run) is None and (
        doc[run].lower_ in INSTITUTION_MODIFIERS or doc[run].lower_ in INSTITUTION_SECTORS
    ):
        run += 1
    for end in range(run, i, -1):
        last = doc[end - 1]
        two = " ".join(t.lower_ for t in doc[end - 2 : end]) if end - 2 >= i else ""
        if (last.lower_ in INSTITUTION_SECTORS or two in INSTITUTION_SECTORS) and last.pos_ in ("NOUN", "PROPN"):
            return end, phrase_sector([t.lower_ for t in doc[i:end]]) or "GOV"
    for end in range(min(i + _MAX_PHOENIX_WORDS, len(doc)), i, -1):  # "riot police", "border guards", "coast guard"
        words = doc[i:end]
        if any(b.ref_at(t.i) is not None or not t.is_alpha or t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in words):
            continue
        if words[-1].pos_ not in ("NOUN", "PROPN"):
            continue
        sector = agent_sector([t.lower_ for t in words])
        if sector is not None:
            return end, sector
    return None


def _demonym(b: DocActorsBuilder, ref: Reference) -> str:
    entry = b.dictionary.get(ref.actor)
    written = b.doc[ref.start : ref.text_end or ref.end].text
    if ref.kind == "demonym" or entry is None or not entry.demonyms:
        return written
    return entry.demonyms[0]


def is_stance(doc: Doc, i: int) -> bool:
    """Is token ``i`` "opposition" as a stance ("China's opposition *to* the deployment"), not a political opposition?"""
    return doc[i].lower_ == "opposition" and i + 1 < len(doc) and doc[i + 1].lower_ in ("to", "against")


#: Bodies a leader's name stands before for their state's government: "the *Trump administration*",
#: "*Assad's* regime", "the Maduro government".
_LEADER_BODIES = frozenset({"administration", "government", "regime", "cabinet", "junta"})
#: Hyphen debris of wire copy between a leader and the body ("the-Obama-administration", "Obama -administration").
_HYPHEN_CHARS = "-\u2010\u2011\u2013"
_HYPHENS = frozenset(_HYPHEN_CHARS)


def _leader_government(b: DocActorsBuilder, ref: Reference) -> None:
    """ "The Trump administration imposed sanctions": a person's name before a government noun
    refers to that person's state (sector ``GOV``), not to the person, who stays on the reference."""
    doc, i = b.doc, ref.end
    if i < len(doc) and (doc[i].lower_ in _POSSESSIVE or doc[i].text in _HYPHENS):
        i += 1
    if i >= len(doc) or doc[i].lower_.lstrip(_HYPHEN_CHARS) not in _LEADER_BODIES or doc[i].pos_ not in ("NOUN", "PROPN"):
        return
    state = b.dictionary.state_of(b.country_of(ref.actor))
    if state is None or b.ref_at(i) is not None:
        return
    b.governments[i] = ref.actor
    b.add(ref.start, i + 1, state, "metonym", head=i)
    b.notes[i] = "government"
    b.sectors[i] = "GOV"


def read_institutions(b: DocActorsBuilder) -> None:
    """ "Russian forces", "Kremlin forces", "the Ukrainian military", "Afghan police", "Syrian rebels",
    "the Trump administration" """
    doc = b.doc
    for ref in b.ordered():
        if len(ref.actors) == 1 and ref.kind in ("name", "alias") and b.type_of(ref.actor) == "person" and (
            b.refs.get(ref.start) is ref
        ):
            _leader_government(b, ref)
            continue
        if len(ref.actors) != 1 or b.type_of(ref.actor) not in ("state", "organization", "group"):
            continue
        if ref.kind in ("title", "description") or b.refs.get(ref.start) is not ref:
            continue
        i = ref.end
        if i < len(doc) and doc[i].lower_ in _POSSESSIVE:
            i += 1
        found = institution_end(b, i)
        if found is None:
            continue
        end, sector = found
        if end < len(doc) and (other := b.ref_at(end)) is not None and b.type_of(other.actor) == "person":
            continue
        if end < len(doc) and doc[end].lower_ in EQUIPMENT_NOUNS:
            continue  # "Kyiv government building" is a building
        state = b.actors[ref.actor]
        if sector in NON_STATE_SECTORS:
            if is_stance(doc, end - 1):
                continue  # "China's opposition *to* the deployment": a stance of the state, not its opposition
            if state.type == "state" and ref.kind in ("demonym", "name", "alias"):
                b.add(ref.start, end, sector_group(state, _demonym(b, ref), sector), "name")
            continue
        last = doc[end - 1].lower_
        two = " ".join(t.lower_ for t in doc[end - 2 : end])
        b.add(ref.start, end, ref.actor, ref.kind, head=end - 1, text_end=ref.text_end or ref.end)
        b.notes[end - 1] = INSTITUTION_SECTORS.get(two) or INSTITUTION_SECTORS.get(last) or _note(sector)
        if state.type == "state":
            b.sectors[end - 1] = sector


def _note(sector: str) -> str:
    return {"MIL": "military", "COP": "police", "SPY": "intelligence", "LEG": "parliament", "JUD": "judiciary"}.get(
        sector, "government"
    )


def main_state(b: DocActorsBuilder, before: int | None = None) -> str | None:
    """The state the document refers to most (before token ``before``, else anywhere in it).

    A subject counts twice (the state that acts, not the one acted upon); people count for their state;
    ties go to the most recent; a dateline ("Geneva, Switzerland - ") is where it was filed, and not counted.
    """
    for limit in ((before, len(b.doc)) if before is not None else (len(b.doc),)):
        counts: Counter = Counter()
        last: dict[str, int] = {}
        for ref in b.between(0, limit):
            if ref.start in b.datelines:
                continue
            for actor_id in ref.actors:
                actor = b.actors.get(actor_id)
                state = actor_id if actor is not None and actor.type == "state" else None
                if actor is not None and actor.type == "person":
                    state = b.dictionary.state_of(b.country_of(actor_id))
                if state is not None:
                    counts[state] += 2 if b.doc[ref.head].dep_ in ("nsubj", "nsubjpass") else 1
                    last[state] = ref.start
        if counts:
            return max(counts, key=lambda s: (counts[s], last[s]))
    return None


def state_sector(words: list[str]) -> str | None:
    """The sector of an institution named without its state ("Foreign Ministry", "Supreme Court"), or None."""
    if not words:
        return None
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
    if head == "court" and not _COURTS & set(words):
        return None
    sector = _HEADS.get(head)
    if sector is None and all(w in GENERIC_ORG_WORDS for w in words):
        sector = "GOV"
    if sector == "GOV" and _MILITARY_WORDS & set(words):
        sector = "MIL"
    return sector


def generic_institution(b: DocActorsBuilder, start: int, end: int, owner: int | None) -> bool:
    """Refer an institution span to its owner's state, with its sector; True if the span is an institution.

    Without an owner the span waits for :func:`resolve_institutions` (the document's main state is
    known only once every name is read).
    """
    words = [t.lower_ for t in b.doc[start:end]]
    sector = state_sector(words)
    if sector is None and owner is not None and words and words[-1] in _OWNED_HEADS:
        sector = _OWNED_HEADS[words[-1]]  # "Russia's Aerospace Forces", "Iran's Revolutionary Guards"
    if sector is None:
        return False
    tail_words = words[len(words) - words[::-1].index("of") :] if "of" in words[1:] else []
    if owner is None and tail_words and not all(w in GENERIC_ORG_WORDS for w in tail_words):
        tail = " ".join(t.text for t in b.doc[end - len(tail_words) : end])
        state = _state_named(b, tail)
        if state is None:
            return False  # "Commerce Department of Heilongjiang": of somewhere the dictionaries do not place
        b.add(start, end, state, "description", head=end - 1)
        b.notes[end - 1] = _note(sector)
        b.sectors[end - 1] = sector
        return True
    if owner is not None:
        ref = b.refs[owner]
        b.add(ref.start, end, ref.actor, ref.kind, head=end - 1, text_end=ref.text_end or ref.end)
        b.notes[end - 1] = _note(sector)
        if b.type_of(ref.actor) == "state":
            b.sectors[end - 1] = sector
        return True
    first = start - 1 if start > 0 and b.lower[start - 1] == "the" else start
    body = _UNOWNED_BODIES.get(" ".join(w for w in words if w != "the"))
    if body is not None and body in b.dictionary and _speaks_of_the_un(b, end):
        b.add(first, end, body, "alias")  # "the Security Council" named by no state is the UN's
        return True
    # "the Commerce Department of Heilongjiang", "police in The Gambia", "the authorities in Kyiv": that
    # place's state, or nobody's (a military "in" a place may be anyone's: "the army in Syria")
    if end + 1 < len(b.doc) and (b.lower[end] == "of" or b.lower[end] == "in" and sector != "MIL") and (
            b.doc[end + 1].text[:1].isupper()):
        stop = end + 1
        while stop < len(b.doc) and stop - end < 5 and b.doc[stop].text[:1].isupper():
            stop += 1
        state = _state_named(b, b.doc[end + 1 : stop].text)
        if state is None:
            return True
        b.add(first, end, state, "description", head=end - 1)
        b.notes[end - 1] = _note(sector)
        b.sectors[end - 1] = sector
        return True
    b.pending.append((first, end, sector))
    return True


def _speaks_of_the_un(b: DocActorsBuilder, end: int) -> bool:
    """Does the text make an unowned council the UN's: a UN mention in the document, or "Council *resolution*"?
    ("a Security Council meeting in Toulon" of French and German officials is theirs.)"""
    following = b.lower[end] if end < len(b.doc) else ""
    return following in _UN_BUSINESS or any(t.text in ("UN", "U.N.") for t in b.doc) or "United Nations" in b.doc.text


def _state_named(b: DocActorsBuilder, text: str) -> str | None:
    """The state a name stands for or lies in ("Ukraine", "Kyiv", "Heilongjiang" when a dictionary places it)."""
    hit = b.dictionary.lookup(text)
    if hit is not None and b.dictionary[hit[0]].type in ("state", "place"):
        return b.dictionary.state_of(b.dictionary[hit[0]].country)
    found = phoenix_index().actor(text)
    return b.dictionary.state_of(found.country) if found is not None and found.type in ("state", "place") else None


def resolve_institutions(b: DocActorsBuilder) -> None:
    """Refer the institutions named without their state to the document's main state (:func:`main_state`)."""
    for start, end, sector in b.pending:
        if any(b.ref_at(i) is not None for i in range(start, end)):
            continue
        state = main_state(b, start)
        if state is None:
            continue  # a fragment of nobody: not an actor either
        b.add(start, end, state, "description", head=end - 1)
        b.notes[end - 1] = _note(sector)
        b.sectors[end - 1] = sector
    b.pending.clear()
