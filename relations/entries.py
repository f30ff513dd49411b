"""Lexicon entries: how a verb, a verb with its object (a frame) or an event noun expresses a relation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["VerbEntry", "Frame", "NounEntry"]


class VerbEntry(BaseModel):
    """How a verb expresses a relation.

    ``cameo`` is the CAMEO event code, when known; ``things_as`` the type the verb
    expresses when its object is a thing, not an actor ("defended the *cuts* proposed
    by Trump" supports Trump, while "defended Ukraine" guarantees it); with
    ``states_as`` the type when a target is a state ("vowed to defend *Lithuania*"
    guarantees, while "defended *NATO*" supports); with
    ``needs_target`` the verb is a trigger only when one of its target slots is
    filled ("France *wants Germany* to send tanks", not "France wants to talk").
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    target: tuple[str, ...] | None = None
    negated_as: str | None = None
    only_negated: bool = False
    embeds: bool = False
    reciprocal: bool = False
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
    things_as: str | None = None
    states_as: str | None = None
    needs_target: bool = False


class Frame(BaseModel):
    """A verb that expresses a relation only with a given object or preposition ("deliver a *warning*").

    Attributes:
        object: the words of the object phrase, its head last (None: any object);
            an upper-case word names a synonym set of :attr:`Lexicon.sets`.
        prep: the preposition the object hangs from (None: the direct object).
        type: the relation type the verb expresses with that object.
        cameo: the CAMEO event code of the pattern.
        reciprocal: coordinated subjects act on each other ("Russia and Turkey *joined forces*").
        target: the only slots the target is read from, and which must be filled for the verb to
            express the relation ("spent the day *with* Putin", not "spent days in jail"); None: the
            type's slots, which need not be filled.
        replaces_noun: the frame, not the event noun it takes as object, gives the relation
            ("*sought* Beijing's *help*" appeals to Beijing; without it a light verb lets the noun speak).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    object: tuple[str, ...] | None = None
    prep: str | None = None
    type: str
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
    reciprocal: bool = False
    target: tuple[str, ...] | None = None
    replaces_noun: bool = False


class NounEntry(BaseModel):
    """How an event noun expresses a relation."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    target: tuple[str, ...] | None = None
    source: tuple[str, ...] | None = None
    subject: Literal["source", "target"] | None = None
    #: What the noun's possessor or name modifier is: the agent ("Russia's invasion"), or for a
    #: role noun the one the role is held toward ("*Syria's* closest ally", "a *US* ally"), whose
    #: holder is then only the copula subject or the apposition head ("*Iran*, an ally of Syria").
    possessor: Literal["source", "target"] = "source"
    #: A state or place as name modifier is where the act goes, not who acts ("a *Washington* visit").
    destination: bool = False
    #: The parties named with *between*/*among* act on each other, both ways ("clashes *between* the army and
    #: the rebels": each attacks the other; "the alliance between Moscow and Tehran": each supports the other).
    reciprocal: bool = False
    verbs: tuple[str, ...] | None = None
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{2,4}$")
