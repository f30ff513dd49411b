"""Polarity: is the relation asserted or negated?

Negations are counted along the trigger's governor chain
(:func:`diplograph.relations.clauses.governor_chain`); an odd count means
``negated``. What counts as one negation:

* ``not``/``n't``/``never`` on the trigger or a word governing it
  ("did *not* meet", "*won't* cede", "*never* accept");
* ``no`` on the trigger noun or a governing noun ("*no* talks",
  "shows *no* signs of wanting to meet");
* a negating verb governing the trigger ("*refrained* from imposing",
  "*failed* to reach", "*called off* the summit", "*refused* to hold talks");
* ``without`` governing it ("without meeting"), and "has *yet to* impose";
* a noun or adjective of refusal governing it ("its *refusal* to talk",
  "*unwilling* to recognize", "the *failure* to honour the truce");
* a subject that names no one ("*none of* the officials tried to talk",
  "*no country* recognized it", "*neither* Russia nor China backed it").

"did not refuse to meet" has two negations and stays asserted.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.actors.sectors import is_agent_noun
from diplograph.base.models import Polarity
from diplograph.nlp.syntax import phrasal_verb
from diplograph.relations.clauses import FRAMING_PREPS, governor_chain
from diplograph.relations.lexicon import Lexicon

__all__ = ["kept_open", "negation_count", "polarity_of"]

#: Negation adverbs that negate their head whatever dependency label they get.
_ADVERBIAL = frozenset({"not", "n't", "never"})


def _negating_verb(token: Token, lexicon: Lexicon) -> bool:
    particles = lexicon.negator_particles(token.lemma_.lower())
    if not particles:
        return False
    attached = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    return any(p is None or p in attached for p in particles)


def negation_count(trigger: Token, lexicon: Lexicon) -> int:
    """How many negations govern ``trigger`` inside its clause."""
    words = {w.lower() for w in lexicon.negators.words}
    with_no = {n.lower() for n in lexicon.negators.nouns_with_no}
    denials = {d.lower() for d in lexicon.negators.denials}
    refusals = {r.lower() for r in lexicon.negators.refusals}
    count = 0
    chain = governor_chain(trigger)
    for position, token in enumerate(chain):
        below = chain[position - 1] if position > 0 else None
        if position > 0 and token.dep_ == "prep" and token.lower_ in _FRAMES and token.head.pos_ in ("VERB", "AUX"):
            return count  # "failed to agree *during* Tillerson's visit": the visit happened
        if below is not None and below.dep_ == "conj" and any(
            c.dep_ == "cc" and c.lower_ in _CONTRAST and token.i < c.i < below.i for c in token.children
        ):
            return count  # "not to conquer anything, *but* to provide assistance": the contrast is asserted
        for child in token.children:
            if _not_only(child):
                continue  # "not only recognized ... but also": an addition, no negation
            if child.dep_ == "neg" or child.lower_.replace("’", "'") in _ADVERBIAL or (
                child.dep_ in ("advmod", "preconj") and child.lower_ in words
            ):
                count += 1  # "not", "n't" (whatever the tagger made of it), "never"
            elif child.dep_ == "det" and child.lower_ in words:
                if position == 0 or token.lemma_.lower() in with_no:
                    count += 1
        if position > 0:
            if token.lower_ in words and token.pos_ == "ADP":  # "without meeting"
                count += 1
            elif token.pos_ in ("VERB", "AUX") and _negating_verb(token, lexicon) and below.dep_ != "nsubj":
                count += 1  # "refused to meet", "called off the summit"; not "the offensive failed"
        if token.pos_ in ("VERB", "AUX") and any(_nobody(c) for c in token.children if c.dep_ in _SUBJECTS and c not in chain):
            count += 1  # "*none of* the officials has tried to talk with Tehran", "*no country* recognized it"
        if lexicon.negators.yet and _yet_to(token):
            count += 1
        if position > 0 and token.lemma_.lower() in denials:  # "Ukraine denied *attacking* Russia"
            count += 1
        elif position > 0 and token.pos_ in ("NOUN", "ADJ") and token.lower_ in refusals:
            count += 1  # "its *refusal* to talk", "*unwilling* to recognize", "*loath* to increase"
        elif position > 0 and below.dep_ == "xcomp" and any(c.dep_ == "acomp" and c.lower_ in refusals for c in token.children):
            count += 1  # "is *loathe* to increase": the parser hangs the infinitive on the copula
    top = chain[-1]
    if top.dep_ == "ccomp" and top.head.lemma_.lower() in denials:  # "denied that it *attacked* ..."
        count += 1
    return count


_CONTRAST = frozenset({"but", "instead", "rather"})
#: Prepositions of an event that frames the clause: its negation does not reach the frame ("in" also
#: takes arguments: "refused to take part *in* the talks").
_FRAMES = FRAMING_PREPS - {"in"}


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOBODY = frozenset({"none", "nobody", "neither", "noone"})
_NO_ONE = frozenset({"one", "country", "state", "nation", "member", "party", "side"})


def _nobody(subject: Token) -> bool:
    """A subject that names no one: "none (of ...)", "nobody", "no one", "no country", "neither A nor B"
    (not "*no* visible success has been reached over ...": a thing, not an agent)."""
    if subject.lower_ in _NOBODY:
        return True
    lemma = subject.lemma_.lower()
    agent = lemma in _NO_ONE or is_agent_noun(lemma)
    return any((c.lower_ == "no" and c.dep_ == "det" and agent) or (c.lower_ == "neither" and c.dep_ in ("preconj", "det"))
               for c in subject.children)


def _not_only(token: Token) -> bool:
    """ "not only" / "not just" / "not merely": the first half of an addition."""
    doc = token.doc
    return token.lower_ == "not" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("only", "just", "merely")


def _yet_to(token: Token) -> bool:
    """ "has yet to impose": *yet* right before the infinitive's *to*."""
    doc = token.doc
    i = token.i
    return i >= 2 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ == "yet"


def polarity_of(trigger: Token, lexicon: Lexicon) -> Polarity:
    """``negated`` when an odd number of negations govern the trigger, else ``asserted``."""
    return "negated" if negation_count(trigger, lexicon) % 2 else "asserted"


def kept_open(trigger: Token, lexicon: Lexicon) -> bool:
    """Is ``trigger`` an act whose exclusion is denied: "did not *rule out* military action",
    "declined to rule out strikes"? (Read for the lexicon's ``negators.option_types``.)"""
    options = {o.lower() for o in lexicon.negators.options}
    for token in governor_chain(trigger)[1:]:
        if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in options or phrasal_verb(token) in options):
            return polarity_of(token, lexicon) == "negated"
    return False
