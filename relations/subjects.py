"""Subjects: who does what a verb says, through passives, control and coordination.

"pushed *Washington* to strengthen sanctions" (object control), "*Macron*
wants to meet" (subject control), "*Europe* is ready to provide" (raising
adjective), "*Russia* continued to seize and hold" (shared subject), "the
city, which *forces* tried to capture" (relative clause), "*Trump's*
efforts to mediate" (possessor of the noun a to-infinitive complements).
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

__all__ = [
    "OBJECT_CONTROL", "SUBJECT_CONTROL", "clause_subject", "is_passive", "passive_agent", "child_with", "noun_agent",
]

#: Verbs whose object is the understood subject of their to-infinitive
#: ("urged Washington to act": Washington acts).
OBJECT_CONTROL = frozenset(
    {
        "push", "urge", "ask", "permit", "allow", "force", "help", "invite", "encourage", "persuade",
        "tell", "order", "want", "call", "pressure", "press", "enable", "authorize", "authorise",
        "compel", "need", "require", "appeal", "convince", "instruct", "expect", "get", "lead",
    }
)

#: Verbs whose subject, not their object, does what their to-infinitive says
#: ("promised Kyiv to send air defence": the promiser sends).
SUBJECT_CONTROL = frozenset({"promise", "pledge", "vow", "threaten", "offer", "guarantee"})

_RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})


def is_passive(verb: Token) -> bool:
    """True for a passive verb ("was attacked")."""
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The object of the ``by`` phrase of a passive verb, or None.

    The parser often hangs the *by* phrase on the verb's last object instead
    ("was not invited *to the summit by the United States*"): a *by* directly
    under an object of the verb's prepositions counts too.
    """
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ != "by":
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    agent = noun_agent(obj)
                    if agent is not None:
                        return agent
    return None


def child_with(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of the dependency labels ``deps``."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def _is_infinitive(token: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


def _controller_object(head: Token, *, complement: bool) -> Token | None:
    """The object that controls a to-infinitive: "urged *Washington* to", "called on *Tokyo* to".

    For a complement (xcomp) any direct object controls, except after
    subject-control verbs ("promised"); for an adverbial to-infinitive only
    the object of an object-control verb does ("pushed Washington to act"),
    otherwise it is a purpose clause of the subject ("fired drones to hit").
    """
    lemma = head.lemma_.lower()
    obj = child_with(head, "dobj")
    if obj is not None and lemma not in SUBJECT_CONTROL and (complement or lemma in OBJECT_CONTROL):
        return obj
    if lemma not in OBJECT_CONTROL:
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "upon", "to", "for"):
            pobj = child_with(prep, "pobj")
            if pobj is not None:
                return pobj
    return None


def noun_agent(noun: Token) -> Token | None:
    """The *by* agent of a noun: "the decision *by Riyadh* to resume talks"."""
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            return child_with(prep, "pobj")
    return None


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """ "Egypt and Qatar *are* mediating": the parser sometimes hangs the subject on the auxiliary."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            subject = child_with(aux, "nsubj", "nsubjpass")
            if subject is not None:
                return subject
    return None


def clause_subject(
    verb: Token, *, climb_nouns: Collection[str] = (), max_hops: int = 8
) -> tuple[Token | None, str]:
    """The understood subject of ``verb`` and how it was found.

    Returns ``(token, how)`` where ``how`` is ``direct`` (its own subject),
    ``control`` (inherited through a control/raising verb or adjective),
    ``shared`` (from a coordinated verb), ``relative`` (the noun a relative
    clause modifies) or ``possessor`` (the possessor of a noun the clause
    complements: "Trump's efforts to mediate"); ``(None, "none")`` if there
    is none. For a passive verb the direct subject is its grammatical
    subject (the patient); callers use :func:`passive_agent` for the agent.
    A to-infinitive modifying a noun inherits the subject of the clause
    only through nouns of ``climb_nouns`` ("started a *process* to
    reimpose sanctions"), not through others ("restrictions to strike").
    """
    current, how = verb, "direct"
    for _ in range(max_hops):
        subject = (
            child_with(current, "nsubj", "csubj")
            or (child_with(current, "nsubjpass") if current != verb or is_passive(current) else None)
            or _subject_on_auxiliary(current)
        )
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head, "relative"
            return subject, how
        dep, head = current.dep_, current.head
        if head == current:
            break
        if current.pos_ in ("NOUN", "PROPN"):
            possessor = child_with(current, "poss") or noun_agent(current)
            if possessor is not None:
                return possessor, "possessor"
            if dep in ("dobj", "nsubj", "attr"):
                current, how = head, "control"
                continue
            break
        if dep in ("xcomp", "advcl") or (dep == "acl" and head.pos_ in ("VERB", "AUX")):
            is_infinitive = _is_infinitive(current)
            controller = _controller_object(head, complement=dep == "xcomp") if is_infinitive or dep == "xcomp" else None
            if controller is not None:
                return controller, "control"
            if dep == "advcl" and not (is_infinitive or current.tag_ in ("VBG", "VBN")):
                break
            current, how = head, "control"
        elif dep == "acomp":
            current, how = head, "control"
        elif dep == "conj" and head.pos_ in ("VERB", "AUX"):
            current, how = head, "shared"
        elif dep == "pcomp":
            current, how = head.head, "control"
        elif dep == "relcl" and not _is_infinitive(current):
            return head, "relative"
        elif dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
            possessor = child_with(head, "poss") or noun_agent(head)
            if possessor is not None:  # "Trump's efforts *to mediate*"
                return possessor, "possessor"
            if current.tag_ == "VBN" or head.lemma_.lower() not in climb_nouns:
                break  # "restrictions *to strike*": no one in particular
            current, how = head, "control"  # "started a process *to reimpose* sanctions"
        else:
            break
    return None, "none"
