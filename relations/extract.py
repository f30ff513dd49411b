"""Relation extraction: parsed document + resolved actors -> Relation records.

For each sentence, :func:`~diplograph.relations.matching.match_triggers`
finds the words that express a relation; :mod:`~diplograph.relations.readings`
reads each trigger's source and target actors; polarity, modality,
attribution and date are then annotated, and one :class:`Relation` is
yielded per (source, target) pair. Nothing is emitted unless both endpoints
are actors that can be endpoints (media never are) and differ; a place never
acts, and is a target only of the lexicon's ``place_target_types`` (attacks,
deployments ...). A reciprocal act of more than six listed parties gives no pairs. "The two sides" is resolved
on a copy of the document's actors, a leader's government facing its own nationals as the leader (:mod:`~diplograph.relations.parties`).

Evidence and spans:
    ``evidence`` is the text of the sentence (a line break ends a sentence
    for this purpose: a headline never lends arguments to the body) and
    ``span`` is its character range, without surrounding whitespace, so
    ``text[span[0]:span[1]] == evidence``. Offsets are those of ``doc.text``,
    which is the document text when ``doc`` parses the whole document; a
    caller that parses only some sentences maps them back (as
    :mod:`diplograph.extraction.extractor` does). ``trigger`` holds the words that
    express the relation. ``spans`` starts as ``(span,)``; de-duplication
    adds the spans of repeated statements.

Confidence:
    A fixed score per construction, documented in
    :data:`~diplograph.relations.readings.BASE_CONFIDENCE`: a verb with its
    own subject and object scores highest (0.9), a passive 0.85, inherited
    subjects (control, coordination, relative clauses) and light verbs
    0.8, event nouns with their own modifiers 0.7, targets recovered from
    an event the verb is about 0.65 and from an earlier sentence 0.5. Places
    found inside a larger phrase cost 0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import combinations

from spacy.tokens import Doc, Span

from diplograph.actors.doc_actors import DocActors
from diplograph.base.models import Document, Relation, relation_id
from diplograph.relations.anaphora import History
from diplograph.relations.attribution import QuoteIndex, Speaker, speaker_of
from diplograph.relations.clauses import governor_chain
from diplograph.relations.dates import relation_date
from diplograph.relations.embedding import embedded_tokens
from diplograph.relations.lexicon import Lexicon, NounEntry, VerbEntry, default_lexicon
from diplograph.relations.matching import Trigger, match_triggers, noun_entry
from diplograph.relations.modality import modality_of
from diplograph.relations.ontology import Ontology, default_ontology
from diplograph.relations.parties import leader_pairs, own_side, record_sides, resolve_sides, sides_phrases
from diplograph.relations.polarity import kept_open, polarity_of
from diplograph.relations.arguments import phrase_actors, slot_tokens
from diplograph.relations.judgements import reported_judgements
from diplograph.relations.nominal import is_reason
from diplograph.relations.readings import BASE_CONFIDENCE, MAX_COORDINATED, Reading, read_trigger, typed_for_targets

__all__ = ["extract_relations", "sentence_relations", "DocContext"]


def _evidence(segment: Span, text: str) -> tuple[tuple[int, int], str]:
    """The character span and text of a sentence, without surrounding whitespace."""
    start, piece = segment.start_char, text[segment.start_char : segment.end_char]
    start, end = start + len(piece) - len(piece.lstrip()), start + len(piece.rstrip())
    return (start, max(start, end)), text[start:end]


_WATERS = ("Sea", "Ocean", "Gulf", "Strait", "Bay", "Channel")


def _endpoints(args: list, actors: DocActors, *, places: bool) -> list:
    """The arguments that may be relation endpoints; places only where ``places`` (a place never acts).

    A body of water is never an end: missiles fired *into the East Sea* attack nobody.
    """
    found = []
    for a in args:
        if not actors.can_be_endpoint(a.actor):
            continue
        record = actors.actors[a.actor]
        if record.type == "place" and (not places or any(w in _WATERS for w in record.name.split())):
            continue
        found.append(a)
    return found


def _pairs(reading: Reading, actors: DocActors, reciprocal: bool, places: bool, symmetric: bool = True,
           foreign: bool = False, own_people: bool = False) -> list[tuple]:
    """Source-target pairs of a reading; pairs formed from coordinated ends never join a state to its own national.

    "The leaders of Russia and Germany agreed" is Russia with Germany, not
    Germany with the German chancellor that "leaders" also resolved to.
    """
    sources = _endpoints(reading.sources, actors, places=False)
    # "A, with B, met C and *his* cabinet": not A (a plural "both sides" may be judged by its members' modifiers)
    acting = {s.actor for s in sources if s.via == "head" and sum(o.token.i == s.token.i for o in sources) == 1}
    targets = [t for t in _endpoints(reading.targets, actors, places=places) if t.via != "modifier" or t.actor not in acting]
    pairs = leader_pairs(((s, t) for s in sources for t in targets), actors)
    coordinated: list[tuple] = []
    if not pairs and not targets and reciprocal and 2 <= len(sources) <= MAX_COORDINATED and not reading.taken:
        coordinated = list(combinations(sources, 2))
    if reciprocal and reading.mutual and len(targets) >= 2:  # "talks between A and B": A and B meet
        coordinated += [(a, b) for a, b in combinations(targets, 2) if a.actor != b.actor]
    if not pairs and not targets and reading.each_other:  # "A and B accused each other"
        coordinated = [(s, t) for s in sources for t in sources if s.actor != t.actor]
    if not symmetric:  # "Peru and Chile agreed": each agrees with the other (a directed type needs both)
        coordinated += [(t, s) for s, t in coordinated if (t, s) not in coordinated]
    if reciprocal or foreign:  # a state may act on its own national ("the army toppled Morsi"), not meet it
        pairs = [(s, t) for s, t in pairs if not own_side(s.actor, t.actor, actors) or own_people
                 and actors.actors[s.actor].type == "state" and actors.actors[t.actor].type == "person"]
    return pairs + [(s, t) for s, t in leader_pairs(coordinated, actors) if not own_side(s.actor, t.actor, actors)]


def _date_anchors(trigger: Trigger) -> list:
    """Words a date expression of the relation may hang from: the clause chain and its objects."""
    chain = governor_chain(trigger.token) + ([trigger.verb] if trigger.verb is not None else [])
    objects = [c for t in chain for c in t.children if c.dep_ in ("dobj", "pobj", "prep") and c not in chain]
    objects += [o for p in objects if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return chain + objects


def _type_and_polarity(trigger: Trigger, lexicon: Lexicon) -> tuple[str, str] | None:
    anchor = trigger.verb if trigger.withdrawn and trigger.verb is not None else trigger.token
    polarity = polarity_of(anchor, lexicon)
    if polarity == "asserted" and trigger.type in lexicon.negators.option_types and kept_open(anchor, lexicon):
        return "threatens", "asserted"  # "did not rule out military action against Iran"
    entry = trigger.entry
    if isinstance(entry, VerbEntry):
        if entry.only_negated:
            return (entry.type, "asserted") if polarity == "negated" else None
        if entry.negated_as and polarity == "negated":
            return entry.negated_as, "asserted"
        if _attacks_with_words(trigger, lexicon):
            return lexicon.evaluations.type, polarity
    return trigger.type, polarity


def _about_things(trigger: Trigger) -> Trigger:
    """The trigger read with its ``things_as`` type: the object is a thing, its owner the target."""
    entry, kind = trigger.entry, trigger.entry.things_as
    return replace(trigger, type=kind, entry=entry.model_copy(update={"type": kind, "target": ("dobj",), "things_as": None}))


def _attacks_with_words(trigger: Trigger, lexicon: Lexicon) -> bool:
    """ "attacked China *over* its trade surplus": an attack verb giving a reason is a verbal attack."""
    words = lexicon.evaluations
    token = trigger.token
    if trigger.kind != "verb" or token.lemma_.lower() not in words.verbal:
        return False
    reasons = lexicon.reason_preps.get(words.type, ())
    return any(c.dep_ == "prep" and c.lower_ in reasons and is_reason(c) for c in token.children)


def _aims(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A verb whose object is a goal or a measure ("*smashed* the record"); a target is one when it has a
    number ("*hit* the 2 percent target"), not in "hit targets in Syria"."""
    if trigger.kind != "verb":
        return False
    for c in trigger.token.children:
        if c.dep_ != "dobj":
            continue
        lemma = c.lemma_.lower()
        if lemma in lexicon.goal_nouns or lemma == "target" and any(t.like_num or t.text == "%" for t in c.subtree):
            return True
    return False


def _lacks_target(trigger: Trigger, actors: DocActors) -> bool:
    """A verb that is a relation only toward an actor ("wants *Germany* to ...") whose slots name none."""
    entry = trigger.entry
    if not isinstance(entry, VerbEntry) or not entry.needs_target:
        return False
    slots = entry.target or ()
    return not any(phrase_actors(token, actors) for slot in slots for token in slot_tokens(trigger.token, slot))


def _hosts(trigger: Trigger, relation_type: str, reading: Reading, actors: DocActors, lexicon: Lexicon) -> list:
    """The hosts of a meeting (or brokers of a deal) between two or more others: one that is not a party mediates."""
    verb = trigger.verb if trigger.verb is not None else trigger.token
    if relation_type not in lexicon.reciprocal_types or verb.lemma_.lower() not in lexicon.host_verbs:
        return []
    on_event = trigger.kind == "verb" and verb.dep_ == "acl" and noun_entry(verb.head, lexicon) is not None
    if not (reading.mutual or on_event):  # "Xi hosted Putin and Kim": guests, each met by the host
        return []
    parties = {a.actor for a in _endpoints(reading.targets, actors, places=False)}
    hosts = [a for a in _endpoints(reading.sources, actors, places=False) if a.actor not in parties]
    return hosts if len(parties) >= 2 else []


def _vowed(trigger: Trigger, relation_type: str, lexicon: Lexicon) -> bool:
    """ "vowed to eliminate the group": an attack a vow, want or pledge governs threatens its target."""
    token = trigger.verb if trigger.verb is not None else trigger.token
    if relation_type != "attacks" or token.dep_ != "xcomp":
        return False
    return token.head.lemma_.lower() in lexicon.evaluations.vows


def _cameo_code(trigger: Trigger, relation_type: str, ontology: Ontology) -> str | None:
    """The CAMEO code of a relation: its lexicon entry's, else the root code of its type (None for user types)."""
    entry_code = getattr(trigger.entry, "cameo", None)
    if entry_code is not None and relation_type == trigger.type:
        return entry_code
    return _root_code(relation_type, ontology)


def _sector(arg, actors: DocActors) -> str | None:
    """The sector the text gives an end ("Syrian *army*" -> MIL), from the token that named it."""
    if arg.token is None:
        return None
    for token in (arg.token, *arg.token.lefts, arg.token.head):  # "Syrian *troops*": the demonym or its noun
        sector = actors.sector_at(token.i)
        if sector is not None and actors.actor_of(token) in (arg.actor, None):
            return sector
    return None


def _root_code(relation_type: str, ontology: Ontology) -> str | None:
    codes = ontology[relation_type].cameo
    return codes[0] if codes else None


def _segments(sentence: Span) -> list[tuple[int, int]]:
    """Token ranges of a sentence between line breaks (a headline never runs into the body)."""
    ranges, start = [], sentence.start
    for token in sentence:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                ranges.append((start, token.i))
            start = token.i + 1
    if start < sentence.end:
        ranges.append((start, sentence.end))
    return ranges or [(sentence.start, sentence.end)]


def _segment(ranges: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    for start, end in ranges:
        if start <= index < end:
            return start, end
    return None


def _same_segment(ranges: list[tuple[int, int]], home: tuple[int, int] | None, tokens: list) -> bool:
    for token in tokens:
        where = _segment(ranges, token.i)
        if where is not None and where != home:
            return False
    return True


@dataclass
class DocContext:
    """What extraction needs about the whole document while reading one sentence."""

    actors: DocActors
    document: Document
    ontology: Ontology
    lexicon: Lexicon
    quotes: QuoteIndex | None = None
    history: History = field(default_factory=History)
    text: str = ""  # the parsed text (``doc.text``; equal to the document text unless sentences were skipped)


def sentence_relations(sentence: Span, number: int, context: DocContext) -> Iterator[Relation]:
    """The relations of one sentence (``number`` is its index in the document)."""
    lexicon, ontology, actors, document = context.lexicon, context.ontology, context.actors, context.document
    triggers = [t for t in match_triggers(sentence, lexicon) if not _lacks_target(t, actors) and not _aims(t, lexicon)]
    embedded = embedded_tokens(triggers, lexicon)
    ranges = _segments(sentence)
    context.history.sentence = number
    phrases = sides_phrases(sentence, actors, lexicon)
    for trigger in triggers:
        if trigger.content or trigger.token.i in embedded:
            continue
        resolve_sides(phrases, actors, lexicon, context.history)
        typed = _type_and_polarity(trigger, lexicon)
        if typed is None or typed[0] not in ontology:
            continue
        relation_type, polarity = typed
        reading = read_trigger(trigger, actors, lexicon, context.history)
        if not reading.targets and isinstance(trigger.entry, VerbEntry) and trigger.entry.things_as:
            trigger, relation_type = _about_things(trigger), trigger.entry.things_as
            reading = read_trigger(trigger, actors, lexicon, context.history)
            reading.targets = [a for a in reading.targets if a.via != "anaphora"]  # the thing's own owner only
        relation_type = typed_for_targets(trigger, relation_type, reading, actors)
        hosts = _hosts(trigger, relation_type, reading, actors, lexicon)
        if hosts:  # "Norway hosted talks between Colombia and the FARC": the parties meet, Norway mediates
            reading.sources, reading.mutual = [], True
        endpoints = [a.actor for a in _endpoints(reading.sources, actors, places=False)]
        context.history.add(trigger.token, relation_type, endpoints)
        symmetric = ontology[relation_type].symmetric
        reciprocal = relation_type in lexicon.reciprocal_types or symmetric or (  # "clashes *between* A and B"
            isinstance(trigger.entry, NounEntry) and trigger.entry.reciprocal and reading.mutual)
        home = _segment(ranges, trigger.token.i)
        pairs = [
            p
            for p in _pairs(reading, actors, reciprocal, relation_type in lexicon.place_target_types, symmetric,
                            relation_type in lexicon.foreign_types, relation_type in lexicon.own_people_types)
            if _same_segment(ranges, home, [a.token for a in p])
        ]
        targets = _endpoints(reading.targets, actors, places=False)
        record_sides(context.history, trigger.token, relation_type, pairs, targets, lexicon)
        if not pairs and not hosts:
            continue
        segment = sentence.doc[slice(*(home or (sentence.start, sentence.end)))]
        modality = "factual" if relation_type == "threatens" != trigger.type else modality_of(trigger.token, lexicon)
        speaker = speaker_of(trigger.token, actors, lexicon, context.quotes)
        date = relation_date(_date_anchors(trigger), document.date, future=modality == "planned", sentence=sentence)
        words = trigger.token.text if trigger.verb is None else f"{trigger.verb.text} {trigger.token.text}"
        made = _Maker(context, number, segment, date, words)
        cameo = _cameo_code(trigger, relation_type, ontology)
        for host in hosts:
            for party in _endpoints(reading.targets, actors, places=False):
                if party.actor != host.actor:
                    yield made(host.actor, party.actor, "mediates", polarity, modality, speaker, reading.confidence,
                               _root_code("mediates", ontology))
        vowed = _vowed(trigger, relation_type, lexicon) and polarity == "asserted"
        for source, target in pairs:
            confidence = reading.confidence - (0.1 if "locative" in (source.via, target.via) else 0.0)
            yield made(source.actor, target.actor, relation_type, polarity, modality, speaker, confidence, cameo,
                       sectors=(_sector(source, actors), _sector(target, actors)))
            if vowed:
                yield made(source.actor, target.actor, "threatens", "asserted", "factual", speaker,
                           confidence, _root_code("threatens", ontology))
    for judgement in reported_judgements(sentence, actors, lexicon, context.quotes):
        segment = sentence.doc[slice(*(_segment(ranges, judgement.token.i) or (sentence.start, sentence.end)))]
        date = relation_date([judgement.token.head], document.date, sentence=sentence)
        made = _Maker(context, number, segment, date, judgement.token.text)
        kind = judgement.kind or lexicon.evaluations.type
        yield made(judgement.speaker.actor, judgement.accused.actor, kind, "asserted", "factual", None,
                   BASE_CONFIDENCE["anaphora"], _root_code(kind, ontology))


@dataclass
class _Maker:
    """Builds the Relation records of one trigger (or judgement) of a sentence: shared provenance, per-pair ends."""

    context: DocContext
    number: int
    segment: Span
    date: object
    trigger: str

    def __call__(self, source: str, target: str, kind: str, polarity: str, modality: str,
                 speaker: Speaker | None, confidence: float, cameo: str | None,
                 sectors: tuple[str | None, str | None] = (None, None)) -> Relation:
        document = self.context.document
        span, evidence = _evidence(self.segment, self.context.text)
        return Relation(
            id=relation_id(document.id, source, kind, target, polarity),
            doc=document.id, sentence=self.number,
            source=source, target=target, relation=kind,
            polarity=polarity,
            modality=modality,
            attributed_to=speaker.actor if speaker is not None else None,
            date=self.date,
            evidence=evidence,
            span=span,
            confidence=round(max(0.05, min(1.0, confidence)), 2),
            trigger=self.trigger,
            mentions=1,
            spans=(span,),
            cameo=cameo,
            source_sector=sectors[0],
            target_sector=sectors[1],
        )


def extract_relations(
    doc: Doc,
    actors: DocActors,
    document: Document,
    *,
    ontology: Ontology | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Relation]:
    """Yield the relations stated in a parsed document, sentence by sentence.

    Args:
        doc: the spaCy parse of ``document.text``.
        actors: the actors resolved in ``doc``.
        document: the document (id and date).
        ontology: the relation types that may be produced (default: built-in).
        lexicon: the relation lexicon (default: built-in).
    """
    ontology = ontology or default_ontology()
    lexicon = lexicon or default_lexicon()
    actors = replace(actors, token_actors=dict(actors.token_actors))  # two-sides phrases are resolved on a copy
    context = DocContext(
        actors=actors,
        document=document,
        ontology=ontology,
        lexicon=lexicon,
        quotes=QuoteIndex.build(doc, actors, lexicon),
        text=doc.text,
    )
    for number, sentence in enumerate(doc.sents):
        yield from sentence_relations(sentence, number, context)
