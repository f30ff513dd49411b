"""The relation lexicon: which words express which relation type, with which arguments.

The built-in lexicon ships as ``data/lexicon.yaml``; a user file extends it
(entries with the same key replace the built-in ones, lists are extended).
Files are validated strictly (``extra="forbid"``), so a misspelt key is an
error. Nothing is read at import time: :func:`default_lexicon` reads the file
once, on first use.
"""

from __future__ import annotations

import json
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from diplograph.base.errors import ConfigError
from diplograph.base.userfiles import load_user_file
from diplograph.nlp.quotes import speech_lemmas as _lower_lemmas
from diplograph.relations.entries import Frame, NounEntry, VerbEntry
from diplograph.relations.ontology import Ontology
from diplograph.relations.wordlists import (
    EvaluationWords,
    MaterielReading,
    MaterielWords,
    ModalityWords,
    NegatorWords,
    PartyWords,
    WithdrawalWords,
)

__all__ = [
    "VerbEntry",
    "Frame",
    "NounEntry",
    "NegatorWords",
    "ModalityWords",
    "EvaluationWords",
    "WithdrawalWords",
    "MaterielWords",
    "MaterielReading",
    "PartyWords",
    "Lexicon",
    "default_lexicon",
    "load_lexicon",
    "split_key",
]


def split_key(key: str) -> tuple[str, str | None]:
    """Split a lexicon key into ``(lemma, particle)``: ``"call on"`` -> ``("call", "on")``."""
    words = key.split()
    if not words:
        raise ValueError("empty lexicon key")
    return words[0].lower(), (" ".join(words[1:]).lower() or None)


class Lexicon(BaseModel):
    """The whole lexicon: predicates, event nouns, light verbs, negators, modality and speech verbs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    target_slots: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    noun_target_preps: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    noun_source_preps: tuple[str, ...] = ()
    locative_types: tuple[str, ...] = ()
    recovery_verbs: tuple[str, ...] = ()
    taking_verbs: tuple[str, ...] = ()
    place_nouns: tuple[str, ...] = ()
    place_owner_types: tuple[str, ...] = ()
    place_target_types: tuple[str, ...] = ()
    foreign_types: tuple[str, ...] = ()
    own_people_types: tuple[str, ...] = ()
    reciprocal_types: tuple[str, ...] = ()
    organizer_verbs: tuple[str, ...] = ()
    host_verbs: tuple[str, ...] = ()
    embedding_types: tuple[str, ...] = ()
    event_object_role: dict[str, Literal["source", "target"]] = Field(default_factory=dict)
    anaphors: tuple[str, ...] = ()
    owned_things: tuple[str, ...] = ()
    effort_nouns: tuple[str, ...] = ()
    role_carriers: tuple[str, ...] = ()
    civil_modifiers: tuple[str, ...] = ()
    addressee_types: tuple[str, ...] = ()
    light_verb_preps: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    undergoing_preps: tuple[str, ...] = ()
    undergoing_verbs: tuple[str, ...] = ()
    warning_harms: tuple[str, ...] = ()
    goal_nouns: tuple[str, ...] = ()
    reason_preps: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    verbs: dict[str, VerbEntry] = Field(default_factory=dict)
    nouns: dict[str, NounEntry] = Field(default_factory=dict)
    frames: dict[str, tuple[Frame, ...]] = Field(default_factory=dict)
    adjectives: dict[str, VerbEntry] = Field(default_factory=dict)
    sets: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    light_verbs: tuple[str, ...] = ()
    idioms: tuple[str, ...] = ()
    negators: NegatorWords = NegatorWords()
    modality: ModalityWords = ModalityWords()
    speech_verbs: tuple[str, ...] = ()
    evaluations: EvaluationWords = EvaluationWords()
    withdrawals: WithdrawalWords = WithdrawalWords()
    materiel: MaterielWords = MaterielWords()
    parties: PartyWords = PartyWords()

    @field_validator("verbs", "nouns", "adjectives", mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        if isinstance(value, dict):
            return {str(k): ({"type": v} if isinstance(v, str) else v) for k, v in value.items()}
        return value

    @property
    def speech_lemmas(self) -> frozenset[str]:
        """The verbs of saying as lower-case lemmas (for :func:`~diplograph.nlp.quotes.is_speech_verb`)."""
        return _lower_lemmas(self.speech_verbs)

    def frame_entries(self, lemma: str) -> list[tuple[str | None, tuple[Frame, ...]]]:
        """Frames of a verb lemma as ``(particle, frames)``, particle entries first."""
        return self._frame_index.get(lemma.lower(), [])

    @cached_property
    def _frame_index(self) -> dict[str, list[tuple[str | None, tuple[Frame, ...]]]]:
        index: dict[str, list[tuple[str | None, tuple[Frame, ...]]]] = {}
        for key, frames in self.frames.items():
            lemma, particle = split_key(key)
            index.setdefault(lemma, []).append((particle, frames))
        for entries in index.values():
            entries.sort(key=lambda item: item[0] is None)
        return index

    @cached_property
    def set_words(self) -> dict[str, frozenset[str]]:
        """Each synonym set as the lower-case words its phrases end with (their heads)."""
        return {name: frozenset(p.split()[-1].lower() for p in phrases if p.split()) for name, phrases in self.sets.items()}

    def verb_entries(self, lemma: str) -> list[tuple[str | None, VerbEntry]]:
        """Entries for a verb lemma as ``(particle, entry)``, particle entries first."""
        return self._verb_index.get(lemma.lower(), [])

    def light_verb_particles(self, lemma: str) -> list[str | None]:
        """Particles with which ``lemma`` is a light verb (None = the bare verb)."""
        return self._light_index.get(lemma.lower(), [])

    def negator_particles(self, lemma: str) -> list[str | None]:
        """Particles with which ``lemma`` is a negating verb (None = the bare verb)."""
        return self._negator_index.get(lemma.lower(), [])

    @cached_property
    def _verb_index(self) -> dict[str, list[tuple[str | None, VerbEntry]]]:
        return _index_entries(self)

    @cached_property
    def _light_index(self) -> dict[str, list[str | None]]:
        return _index_keys(self.light_verbs)

    def idiom_particles(self, lemma: str) -> list[str | None]:
        """Particles with which ``lemma`` expresses no relation of its bare entry ("press *ahead*")."""
        return self._idiom_index.get(lemma.lower(), [])

    @cached_property
    def _idiom_index(self) -> dict[str, list[str | None]]:
        return _index_keys(self.idioms)

    def withdrawal_particles(self, lemma: str) -> list[str | None]:
        """Particles with which ``lemma`` withdraws an event (None = the bare verb)."""
        return self._withdrawal_index.get(lemma.lower(), [])

    @cached_property
    def _negator_index(self) -> dict[str, list[str | None]]:
        return _index_keys(self.negators.verbs)

    @cached_property
    def _withdrawal_index(self) -> dict[str, list[str | None]]:
        return _index_keys(self.withdrawals.verbs)

    def merged(self, other: Lexicon, fields: set[str]) -> Lexicon:
        """Return this lexicon extended by the fields set in ``other``."""
        update: dict[str, object] = {}
        for name in fields:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, dict):
                update[name] = {**mine, **theirs}
            elif isinstance(mine, tuple):
                update[name] = tuple(dict.fromkeys((*mine, *theirs)))
            elif isinstance(mine, BaseModel):
                parts = {f: getattr(theirs, f) for f in theirs.model_fields_set}
                merged = {}
                for key, value in parts.items():
                    base = getattr(mine, key)
                    merged[key] = tuple(dict.fromkeys((*base, *value))) if isinstance(base, tuple) else value
                update[name] = mine.model_copy(update=merged)
            else:
                update[name] = theirs
        # A new model, not model_copy: a copy would carry over this lexicon's cached indexes. Both
        # sides are validated lexicons, so their union is built without validating it again.
        return type(self).model_construct(**{**{name: getattr(self, name) for name in type(self).model_fields}, **update})

    def check_types(self, ontology: Ontology, where: str = "lexicon") -> None:
        """Raise ConfigError when an entry names a type the ontology does not have."""
        framed = {f"{key} #{i + 1}": frame for key, frames in self.frames.items() for i, frame in enumerate(frames)}
        for section, entries in (("verbs", self.verbs), ("nouns", self.nouns), ("frames", framed)):
            for key, entry in entries.items():
                names = [entry.type] + ([entry.negated_as] if getattr(entry, "negated_as", None) else [])
                for name in names:
                    if name not in ontology:
                        raise ConfigError(f"{where}: {section}.{key}: unknown relation type {name!r}")
        extra = {
            "materiel.readings": list(self.materiel.readings),
            "withdrawals.type": [self.withdrawals.type, self.withdrawals.of],
            "evaluations.type": [self.evaluations.type, *self.evaluations.obligations.values()],
            "foreign_types": [*self.foreign_types, *self.own_people_types],
            "parties": [
                *self.parties.opposing_types,
                *self.parties.third_party_types,
                *self.parties.implied_types,
                *self.parties.implied_events,
            ],
        }
        for section, names in extra.items():
            for name in names:
                if name not in ontology:
                    raise ConfigError(f"{where}: {section}: unknown relation type {name!r}")


def _index_entries(lexicon: Lexicon) -> dict[str, list[tuple[str | None, VerbEntry]]]:
    index: dict[str, list[tuple[str | None, VerbEntry]]] = {}
    for key, entry in lexicon.verbs.items():
        lemma, particle = split_key(key)
        index.setdefault(lemma, []).append((particle, entry))
    for entries in index.values():
        entries.sort(key=lambda item: item[0] is None)
    return index


def _index_keys(keys: tuple[str, ...]) -> dict[str, list[str | None]]:
    index: dict[str, list[str | None]] = {}
    for key in keys:
        lemma, particle = split_key(key)
        index.setdefault(lemma, []).append(particle)
    return index


def _parse(path: Path | str, text: str | None = None) -> tuple[Lexicon, set[str]]:
    lexicon = load_user_file(path, Lexicon, what="lexicon file", needs="a top-level mapping (verbs:, nouns:, ...)", text=text)
    return lexicon, set(lexicon.model_fields_set)


def _cameo_data() -> dict:
    return json.loads(resources.files("diplograph.relations").joinpath("data/cameo_lexicon.json").read_text("utf-8"))


def _cameo_lexicon(data: dict) -> Lexicon:
    """The entries converted from PETRARCH2's CAMEO verb dictionary (``data/cameo_lexicon.json``).

    Built-in, generated data: constructed without validation (a test validates the
    file), the frames of a synonym block shared by all its verbs.
    """
    verbs = {key: VerbEntry.model_construct(**value) for key, value in data["verbs"].items()}
    frames: dict[str, tuple[Frame, ...]] = {}
    for group in data["frames"]:
        block = tuple(
            Frame.model_construct(object=tuple(obj) if obj else None, prep=prep, type=kind, cameo=code)
            for obj, prep, kind, code in group["frames"]
        )
        for verb in group["verbs"]:
            frames[verb] = frames.get(verb, ()) + block
    sets = {name: tuple(words) for name, words in data["sets"].items()}
    return Lexicon.model_construct(verbs=verbs, frames=frames, sets=sets)


def _with_cameo_codes(curated: Lexicon, codes: dict[str, list[str]]) -> dict[str, VerbEntry]:
    """Curated verbs given the CAMEO code of the same verb where CAMEO reads it as the same type."""
    verbs = {}
    for key, entry in curated.verbs.items():
        kind, code = codes.get(key, (None, None))
        if entry.cameo is None and kind == entry.type:
            entry = entry.model_copy(update={"cameo": code})
        verbs[key] = entry
    return verbs


@cache
def default_lexicon() -> Lexicon:
    """The built-in lexicon (read once, on first use): the curated ``data/lexicon.yaml`` over the CAMEO entries.

    Curated entries win: a verb the curated file lists keeps its curated reading,
    and takes the CAMEO code of the same verb when CAMEO reads it as the same type.
    """
    text = resources.files("diplograph.relations").joinpath("data/lexicon.yaml").read_text("utf-8")
    curated, fields = _parse("lexicon.yaml", text)
    data = _cameo_data()
    cameo = _cameo_lexicon(data)
    curated = curated.model_copy(update={"verbs": _with_cameo_codes(curated, data["codes"])})
    return cameo.merged(curated, fields | {"verbs"})


def load_lexicon(path: str | Path | None = None, *, ontology: Ontology | None = None) -> Lexicon:
    """Return the built-in lexicon, extended by the user file at ``path`` if given.

    Raises:
        ConfigError: one line naming the file and the entry that is wrong.
    """
    base = default_lexicon()
    if path is None:
        return base
    user, fields = _parse(path)
    merged = base.merged(user, fields)
    if ontology is not None:
        merged.check_types(ontology, str(path))
    return merged
