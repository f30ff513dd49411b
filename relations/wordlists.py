"""The lexicon's word lists: negators, modality, evaluations, withdrawals, materiel and the two sides.

Each is a small validated record of one section of ``data/lexicon.yaml``; the
:class:`~diplograph.relations.lexicon.Lexicon` holds one of each.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from diplograph.relations.entries import NounEntry

__all__ = [
    "NegatorWords",
    "ModalityWords",
    "EvaluationWords",
    "WithdrawalWords",
    "MaterielWords",
    "MaterielReading",
    "PartyWords",
]


class NegatorWords(BaseModel):
    """Words and constructions that negate a relation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verbs: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    nouns_with_no: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    yet: bool = True
    #: negating verbs whose own negation keeps an act open ("did not *rule out* military action"),
    #: and the types such an act threatens instead of doing (CAMEO 13: threaten)
    options: tuple[str, ...] = ()
    option_types: tuple[str, ...] = ()


class ModalityWords(BaseModel):
    """Words that mark a relation as planned or hypothetical."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    planned_aux: tuple[str, ...] = ()
    hypothetical_aux: tuple[str, ...] = ()
    planned_governors: tuple[str, ...] = ()
    hypothetical_governors: tuple[str, ...] = ()
    #: Governors that govern only as adjectives ("was *open* to talks"), not as verbs ("*opened* fire").
    adjective_governors: tuple[str, ...] = ()
    hypothetical_marks: tuple[str, ...] = ()
    planned_modifiers: tuple[str, ...] = ()
    hypothetical_modifiers: tuple[str, ...] = ()


class WithdrawalWords(BaseModel):
    """Verbs that withdraw an event of one type, expressing another ("paused aid to Kyiv" -> sanctions)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verbs: tuple[str, ...] = ()
    of: str = "supports"
    type: str = "sanctions"


class MaterielReading(BaseModel):
    """One reading of weapon nouns: the verbs that give it and the target prepositions."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    verbs: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


class MaterielWords(BaseModel):
    """Weapon nouns and their readings by governing verb ("launched drones at", "sent tanks to")."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nouns: tuple[str, ...] = ()
    readings: dict[str, MaterielReading] = Field(default_factory=dict)

    def reading(self, noun: str, verb: str) -> tuple[str, NounEntry] | None:
        """``(type, entry)`` for a weapon noun governed by ``verb``, or None."""
        if noun.lower() not in self.nouns:
            return None
        for relation, reading in self.readings.items():
            if verb.lower() in reading.verbs:
                return relation, NounEntry(type=relation, target=reading.target)
        return None


class EvaluationWords(BaseModel):
    """Judgements that accuse.

    Attributes:
        verbs: verbs that judge their object through a complement ("called the decision *unfair*").
        negative: negative judgements (adjectives and nouns).
        positive: praise whose denial in a copular clause is a negative judgement ("was *not welcome*").
        type: the relation type a negative judgement expresses.
        wrongs: verbs of misconduct: a speaker who says someone did one accuses them
            ("Farage said Bercow had *abused* his position").
        verbal: attack verbs that attack with words when they give a reason ("Trump
            *attacked* China and Germany *over* their trade surpluses" accuses them).
        alleging: verbs of saying that accuse whoever acts in what they report ("South
            Korea *alleges* the murder was organised by North Korean agents").
        vows: verbs that, governing an attack, make it a threat ("Trump *vowed* to
            eliminate the group" threatens it; CAMEO: "a wants to attack b" = a threatens b).
        obligations: modal verbs of reported speech and the relation type they give the
            speaker towards the clause's subject ("Abe said North Korea *must* comply" demands
            of North Korea; "*should*" appeals to it).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    verbs: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    positive: tuple[str, ...] = ()
    type: str = "accuses"
    wrongs: tuple[str, ...] = ()
    verbal: tuple[str, ...] = ()
    alleging: tuple[str, ...] = ()
    vows: tuple[str, ...] = ()
    obligations: dict[str, str] = {}


class PartyWords(BaseModel):
    """The two sides of a conflict or negotiation: words that name them and relations that reveal them.

    Attributes:
        nouns: plural nouns that, with "the two", "both" or "the warring",
            name the two sides ("the two sides", "both delegations").
        state_nouns: those of ``nouns`` that name states: people in the
            pair stand for their state ("the two countries").
        opposing_types: relation types whose source and target are two sides.
        third_party_types: relation types whose targets are the two sides
            ("mediated between Kyiv and Moscow").
        implied_types: relation types whose target, when the sentence names
            none, is the source's counterpart ("Ukraine insisted on a
            ceasefire" -> demands of Russia) ...
        implied_events: ... provided the verb is about an event of one of
            these types (a ceasefire, talks, a deal).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    nouns: tuple[str, ...] = ()
    state_nouns: tuple[str, ...] = ()
    opposing_types: tuple[str, ...] = ()
    third_party_types: tuple[str, ...] = ()
    implied_types: tuple[str, ...] = ()
    implied_events: tuple[str, ...] = ()
