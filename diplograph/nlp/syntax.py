"""Parse-tree helpers: subjects, governing verbs, passives, control and infinitives.

Pure functions over spaCy tokens (ClearNLP dependency labels); they know
nothing of actors or relations, so callers map the tokens they return to
actors themselves. Two kinds of question are answered:

* **grammatical subjects** — the ``nsubj``/``nsubjpass`` children of a verb,
  shared by coordinated verbs (:func:`shared_subjects`), of the verb
  governing a word (:func:`governing_verb`) or of every clause above it
  (:func:`governing_subjects`);
* **understood subjects** (:func:`clause_subject`) — who does what a verb
  says, through passives, control and coordination: "pushed *Washington* to
  strengthen sanctions" (object control), "*Macron* wants to meet" (subject
  control), "*Europe* is ready to provide" (raising adjective), "*Russia*
  continued to seize and hold" (shared subject), "the city, which *forces*
  tried to capture" (relative clause), "*Trump's* efforts to mediate"
  (possessor of the noun a to-infinitive complements).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Token

__all__ = [
    "VERBAL_POS",
    "SUBJECT_DEPS",
    "OBJECT_CONTROL",
    "SUBJECT_CONTROL",
    "child_with",
    "phrasal_verb",
    "own_words",
    "is_infinitive",
    "is_passive",
    "passive_agent",
    "noun_agent",
    "governing_verbs",
    "governing_verb",
    "subjects_of",
    "shared_subjects",
    "governing_subjects",
    "clause_subject",
]

#: Parts of speech that head a clause.
VERBAL_POS = ("VERB", "AUX")

#: Dependency labels of grammatical subjects.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

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


# --------------------------------------------------------------------------- small tests


def child_with(token: Token, *deps: str) -> Token | None:
    """The first child of ``token`` with one of the dependency labels ``deps``."""
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def phrasal_verb(token: Token) -> str:
    """The lower-case lemma of ``token`` with its particle ("rule out"), or the lemma alone without one."""
    particle = child_with(token, "prt")
    lemma = token.lemma_.lower()
    return f"{lemma} {particle.lower_}" if particle is not None else lemma


def is_infinitive(token: Token) -> bool:
    """True for a to-infinitive: a word with an auxiliary child *to* ("*to* meet")."""
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children)


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


def noun_agent(noun: Token, *, deep: bool = False) -> Token | None:
    """The *by* agent of a noun: "the decision *by Riyadh* to resume talks".

    With ``deep``, also the agent of a participle inside the noun's phrase, where the
    parser often hangs it ("the cuts to his department *proposed by* Trump").
    """
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            return child_with(prep, "pobj")
    if not deep:
        return None
    for participle in noun.subtree:
        if participle.dep_ == "acl" and participle.tag_ == "VBN" and participle.i > noun.i:
            for prep in participle.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                    return child_with(prep, "pobj")
    return None


# --------------------------------------------------------------------------- grammatical subjects


def _ancestors(token: Token, max_hops: int | None) -> Iterator[Token]:
    """The heads above ``token``, nearest first, at most ``max_hops`` of them (None: up to the root)."""
    current, hops = token, 0
    while current.head.i != current.i and (max_hops is None or hops < max_hops):
        current, hops = current.head, hops + 1
        yield current


def governing_verbs(token: Token, *, max_hops: int | None = 12) -> Iterator[Token]:
    """The verbs and auxiliaries above ``token`` (among its ``max_hops`` nearest heads), innermost first."""
    return (head for head in _ancestors(token, max_hops) if head.pos_ in VERBAL_POS)


def governing_verb(token: Token, *, include_self: bool = False, max_hops: int | None = 12) -> Token:
    """The nearest verb or auxiliary governing ``token``.

    Args:
        token: where to start.
        include_self: a verb governs itself (else the climb starts at its head).
        max_hops: how many heads to climb at most (None: up to the root).

    Returns:
        The verb, or the highest word reached when there is none (``token``
        itself when it is the root).
    """
    if include_self and token.pos_ in VERBAL_POS:
        return token
    top = token
    for top in _ancestors(token, max_hops):
        if top.pos_ in VERBAL_POS:
            break
    return top


def subjects_of(verb: Token, *, outside: Token | None = None) -> list[Token]:
    """The grammatical subjects of ``verb``, leaving out one whose phrase holds ``outside``."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    return subjects if outside is None else [child for child in subjects if outside not in child.subtree]


def shared_subjects(verb: Token, *, outside: Token | None = None, max_hops: int = 4) -> list[Token]:
    """The subjects of ``verb``, or of the verb it is coordinated with ("*she* thanked her and said").

    A verb without a subject of its own climbs its ``conj`` links, at most
    ``max_hops`` verbs in all; ``outside`` as in :func:`subjects_of`.
    """
    for _ in range(max_hops):
        subjects = subjects_of(verb, outside=outside)
        if subjects or verb.dep_ != "conj":
            return subjects
        verb = verb.head
    return []


def governing_subjects(token: Token, *, max_hops: int | None = 12) -> Iterator[Token]:
    """Subjects of the clauses governing ``token``, innermost first ("*Russia* has stepped up its ...").

    Subjects whose phrase holds ``token`` itself are left out.
    """
    for verb in governing_verbs(token, max_hops=max_hops):
        yield from subjects_of(verb, outside=token)


# --------------------------------------------------------------------------- understood subjects


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


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """ "Egypt and Qatar *are* mediating": the parser sometimes hangs the subject on the auxiliary."""
    for aux in verb.children:
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            subject = child_with(aux, "nsubj", "nsubjpass")
            if subject is not None:
                return subject
    return None


def _own_subject(current: Token, verb: Token) -> Token | None:
    """The subject ``current`` has itself (a passive subject only for a passive or a word above ``verb``)."""
    return (
        child_with(current, "nsubj", "csubj")
        or (child_with(current, "nsubjpass") if current != verb or is_passive(current) else None)
        or _subject_on_auxiliary(current)
    )


#: One climbing step: ``(found, token, how)``; ``token`` is the answer when ``found``, else the word to go on from.
_Step = tuple[bool, Token, str]


def _noun_step(noun: Token) -> _Step | None:
    """From a noun without a subject: its possessor or *by* agent, or its head when it is an argument."""
    possessor = child_with(noun, "poss") or noun_agent(noun)
    if possessor is not None:
        return True, possessor, "possessor"
    if noun.dep_ in ("dobj", "nsubj", "attr"):
        return False, noun.head, "control"
    return None


def _clause_step(current: Token, climb_nouns: Collection[str]) -> _Step | None:
    """From a clause without a subject: its controller, or the word whose subject it inherits (None: no one)."""
    dep, head = current.dep_, current.head
    if dep in ("xcomp", "advcl") or (dep == "acl" and head.pos_ in VERBAL_POS):
        infinitive = is_infinitive(current)
        controller = _controller_object(head, complement=dep == "xcomp") if infinitive or dep == "xcomp" else None
        if controller is not None:
            return True, controller, "control"
        if dep == "advcl" and not (infinitive or current.tag_ in ("VBG", "VBN")):
            return None
        return False, head, "control"
    if dep == "acomp":
        return False, head, "control"
    if dep == "conj" and head.pos_ in VERBAL_POS:
        return False, head, "shared"
    if dep == "pcomp":
        verb = head.head  # "accused *Russia* of supplying", "barred *the minister* from landing": object control
        obj = child_with(verb, "dobj") if head.lower_ in ("of", "for", "from") and verb.pos_ in VERBAL_POS else None
        return (True, obj, "control") if obj is not None else (False, verb, "control")
    if dep == "relcl" and not is_infinitive(current):
        return True, head, "relative"
    if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
        possessor = child_with(head, "poss") or noun_agent(head)
        if possessor is not None:  # "Trump's efforts *to mediate*"
            return True, possessor, "possessor"
        if current.tag_ == "VBN" or head.lemma_.lower() not in climb_nouns:
            return None  # "restrictions *to strike*": no one in particular
        return False, head, "control"  # "started a process *to reimpose* sanctions"
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
        subject = _own_subject(current, verb)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head, "relative"
            return subject, how
        if current.head == current:
            break
        step = _noun_step(current) if current.pos_ in ("NOUN", "PROPN") else _clause_step(current, climb_nouns)
        if step is None:
            break
        found, current, how = step
        if found:
            return current, how
    return None, "none"


def own_words(token: Token) -> Iterator[Token]:
    """The words of ``token``'s phrase without its appositions and complements: for "Hamzeh al-Mustafa, a
    researcher at the Arab Center for Research and Policy Studies", the name only."""
    stack = [token]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(c for c in current.children if c.dep_ not in ("appos", "prep", "acl", "relcl"))
