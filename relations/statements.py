"""Targets of statements: whom a warning threatens, whom a reply addresses, what a verb is about.

When a verb's own slots name no actor, its target may still be read from
what it says: the event it is about, the clause it warns of ("warned that
*Taiwanese* independence would be crushed"), a condition ("threatened action
*if Iran* rebuilt"), or the addressee of the verb of saying that reports it
("told *him* that India would never accept mediation").
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.doc_actors import DocActors
from diplograph.nlp.quotes import is_speech_verb
from diplograph.nlp.syntax import child_with, clause_subject, is_passive, passive_agent
from diplograph.relations.anaphora import ANAPHOR_WINDOW, History, object_argument
from diplograph.relations.arguments import Arg, country_of, phrase_actors, slot_tokens
from diplograph.relations.lexicon import Lexicon
from diplograph.relations.matching import noun_entry, verb_entry

from diplograph.relations.nominal import reason_targets
from diplograph.relations.verb_targets import nested_targets

__all__ = ["fallback_targets", "tells_of_others", "refused_parties"]


def _conditional_subjects(verb: Token, actors: DocActors) -> list[Arg]:
    """Subjects of an if/unless clause of the verb ("threatened action *if Iran* rebuilt ...")."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
            subject, _ = clause_subject(child)
            if subject is not None:
                return phrase_actors(subject, actors)
    return []


#: Slots of a refused act that name whom the refusal is aimed at: its object, recipient, partner.
_REFUSED_SLOTS = ("dobj", "dative", "to", "with")
_PERMITTING = frozenset({"allow", "let", "permit"})


def refused_parties(refusal: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """Whom a refusal turns down: the parties of the act refused, when that act is no relation of its own.

    "Malaysia refused to release the body *to North Korea*" rejects North Korea, and so does "a refusal
    by the Dutch to let *the minister* enter"; "refused to arm the Turkmen" is a negated support
    instead (the act is a trigger) and adds nothing here."""
    clause_dep = "acl" if refusal.pos_ in ("NOUN", "PROPN") else "xcomp"
    for child in refusal.children:
        if child.dep_ != clause_dep or child.pos_ != "VERB" or verb_entry(child, lexicon) is not None or any(
                c.dep_ == "dobj" and noun_entry(c, lexicon) is not None for c in child.children):
            continue  # "refused to hold *talks*": a negated meeting, not a refusal of someone
        for slot in _REFUSED_SLOTS:
            found = [a for token in slot_tokens(child, slot) for a in phrase_actors(token, actors)]
            if found:
                return found
        if child.lemma_.lower() in _PERMITTING:  # "refused to allow *Cavusoglu* to land": who would have acted
            for clause in (c for c in child.children if c.dep_ in ("ccomp", "xcomp")):
                subject = child_with(clause, "nsubj")
                found = phrase_actors(subject, actors) if subject is not None else []
                if found:
                    return found
    return []


def _addressee(verb: Token, actors: DocActors, lexicon: Lexicon) -> list[Arg]:
    """The addressee of the verb of saying whose complement holds ``verb`` ("told *him* that ...")."""
    current = verb
    while current.dep_ in ("conj", "xcomp") and current.head != current:
        current = current.head
    head = current.head
    if current.dep_ != "ccomp" or not is_speech_verb(head, lexicon.speech_lemmas, any_pos=True):
        return []
    for child in head.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ != "ADP":
            return phrase_actors(child, actors)
        if child.dep_ in ("dative", "prep") and child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return phrase_actors(obj, actors)
    return []


def _warning_targets(
    verb: Token, clause: Token, sources: list[Arg], actors: DocActors, lexicon: Lexicon, history: History
) -> tuple[list[Arg], str]:
    """Whom a warning threatens: "warned that *Taiwanese* independence would be crushed".

    When the warned-of clause has the speaker's own side as subject ("warned
    that Tehran would respond"), the target is that clause's target, else the
    source of the last statement (what is being responded to). Otherwise the
    actors the clause names are the target, unless the clause states a
    relation between others ("warned that Russia would attack Poland" is a
    prediction, not a threat), or names neither a harm (a relation word or one of
    ``lexicon.warning_harms``) nor the speaker's side ("had not seen the last of *him*").
    """
    own = {a.actor for a in sources} | {c for a in sources if (c := country_of(a.actor, actors)) is not None}
    subject, _ = clause_subject(clause, climb_nouns=lexicon.effort_nouns)
    acting = {a.actor for a in phrase_actors(subject, actors)} if subject is not None else set()
    if acting and acting <= own:
        nested = [a for a in nested_targets(clause, actors, lexicon) if a.actor not in own]
        if nested:
            return nested, "event_object"
        prior = history.recent_sources(verb, window=ANAPHOR_WINDOW, exclude=own)
        return [Arg(actor, clause, "anaphora") for actor in prior], "anaphora"
    conditions = {t.i for c in clause.children if c.dep_ == "advcl" for t in c.subtree}  # "if Putin refused ..."
    if any(_acted_by_others(t, own, actors, lexicon) for t in clause.subtree if t.i not in conditions):
        return [], "none"
    if not any(verb_entry(t, lexicon) is not None or t.lemma_.lower() in lexicon.warning_harms
               or actors.actor_of(t) in own for t in clause.subtree if t.i not in conditions):
        return [], "none"  # "warned it could take two years to settle terms": a forecast, no harm and no speaker
    found: list[Arg] = []
    for token in sorted(clause.subtree, key=lambda t: t.i in conditions):  # the threatened first, then conditions
        actor = actors.actor_of(token)
        if found and token.i in conditions:
            break
        if actor is not None and actor not in own and all(a.actor != actor for a in found):
            found.append(Arg(actor, token, "modifier"))
    return found, "event_object"


def _acted_by_others(token: Token, own: set[str], actors: DocActors, lexicon: Lexicon) -> bool:
    """Is ``token`` a relation word with an agent of its own outside ``own`` ("*Russia* would attack Poland")?

    An agentless event ("independence would be *crushed*") is what the warning
    threatens, not a relation between others.
    """
    if noun_entry(token, lexicon) is not None:
        return True
    if verb_entry(token, lexicon) is None:
        return False
    if is_passive(token):
        agent = passive_agent(token)
        return agent is not None and any(a.actor not in own for a in phrase_actors(agent, actors))
    subject, _ = clause_subject(token)
    return subject is not None and any(a.actor not in own for a in phrase_actors(subject, actors))


def tells_of_others(
    verb: Token, sources: list[Arg], targets: list[Arg], actors: DocActors, lexicon: Lexicon
) -> bool:
    """ "warned the US president *that Putin was bluffing*": saying that tells its object about a third party.

    Such a verb informs its addressee rather than threatening or accusing it;
    it does when the clause is about the speaker or the addressee ("warned
    Moscow that it would pay a price").
    """
    if not is_speech_verb(verb, lexicon.speech_lemmas, any_pos=True):
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:  # the parser often hangs "that ..." after an object on the object, as a relative clause
        clause = next(
            (
                c
                for t in targets
                for c in t.token.children
                if c.dep_ == "relcl" and c.left_edge.lower_ == "that" and child_with(c, "nsubj") is not None
            ),
            None,
        )
    if clause is None:
        return False
    subject, _ = clause_subject(clause)
    acting = {a.actor for a in phrase_actors(subject, actors)} if subject is not None else set()
    involved = {a.actor for a in (*sources, *targets)}
    involved |= {c for a in (*sources, *targets) if (c := country_of(a.actor, actors)) is not None}
    return bool(acting) and not acting & involved


def fallback_targets(
    verb: Token, relation: str, sources: list[Arg], actors: DocActors, lexicon: Lexicon, history: History
) -> tuple[list[Arg], str]:
    """Targets of a verb whose slots name no actor: its event object, a condition, an addressee."""
    exclude = {a.actor for a in sources}
    role = lexicon.event_object_role.get(relation)
    # a verb that is a trigger only through an object frame whose object is an event noun ("reiterated
    # China's *opposition*") has the act itself as object: its owner holds the stance, is not its target
    framed = verb_entry(verb, lexicon) is None and any(
        c.dep_ == "dobj" and noun_entry(c, lexicon) is not None for c in verb.children)
    if role is not None:
        found, how = ([], "none") if framed else object_argument(verb, role, actors, lexicon, history, exclude=exclude)
        if found:
            return found, how
        if role == "target":
            for child in verb.children:
                if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):  # "threatened to strike Kyiv"
                    nested = [a for a in nested_targets(child, actors, lexicon) if a.actor not in exclude]
                    if nested:
                        return nested, "event_object"
                elif child.dep_ == "ccomp":  # "warned that ..."
                    found, how = _warning_targets(verb, child, sources, actors, lexicon, history)
                    if found:
                        return found, how
            conditional = [a for a in _conditional_subjects(verb, actors) if a.actor not in exclude]
            if conditional:
                return conditional, "event_object"
    if relation == "rejects":  # "refused to hand the body *to North Korea*", "refused to allow *Cavusoglu* to land"
        found = [a for a in refused_parties(verb, actors, lexicon) if a.actor not in exclude]
        if found:
            return found, "event_object"
    if relation in lexicon.addressee_types:
        found = [a for a in _addressee(verb, actors, lexicon) if a.actor not in exclude]
        if found:
            return found, "event_object"
    found = [a for a in reason_targets([verb], relation, actors, lexicon) if a.actor not in exclude]
    if found:  # "condemned Pyongyang over its missile launch"
        return found, "event_object"
    return [], "none"
