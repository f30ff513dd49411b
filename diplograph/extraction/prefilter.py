"""The sentence filter: parse only the sentences that can hold a relation.

Parsing is the cost of extraction, and a relation needs a trigger word and
two actors in one sentence. Before parsing, on tokens only, each sentence
is scored with cheap tests:

* **mention candidates**: actor-dictionary matches (the actor ruler),
  capitalised words (anything the statistical NER could label), personal
  pronouns and title or institution words ("the president", "officials");
* **trigger words**: a word whose possible lemma (from the model's own
  lemmatizer tables: "met" → *meet*, "talks" → *talk*) is a verb or event
  noun of the relation lexicon.

A sentence is *selected* when it has at least two mention candidates, or one
and a trigger word. Resolution of actors is document-wide, so the sentences
it draws on are kept as *context* and parsed too:

* the sentence before each selected sentence (pronoun and event antecedents);
* for pronouns and titles in a kept sentence, the earlier sentences that
  name someone, back to the nearest one naming a dictionary person (the
  antecedent a pronoun resolves to);
* every sentence sharing a name with a kept sentence (a surname mention
  joins the full name; roles and countries are learned from appositions);
  names are capitalised words outside dictionary matches, except weekdays,
  months and ordinary words opening a sentence ("Snow fell");
* every sentence of a quotation a kept sentence is part of, and the sentence
  after it (where the speaker is named).

All other sentences are skipped. Because diplograph parses every sentence on
its own (see :mod:`diplograph.nlp.sentences`), a kept sentence is parsed exactly
as it would be without the filter.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from diplograph.actors.dictionary import ActorDictionary
from diplograph.actors.titles import INSTITUTION_SECTORS, PLURAL_TITLES, TITLES
from diplograph.nlp.quotes import quote_spans
from diplograph.relations.lexicon import Lexicon, split_key

__all__ = [
    "PRONOUNS", "CALENDAR_WORDS", "WordForms", "TriggerWords", "SentenceFacts", "SentenceFilter", "sentence_facts",
    "select_sentences",
]

#: Personal pronouns: coreference may turn any of them into an actor.
PRONOUNS = frozenset(
    {
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "himself", "she", "her", "hers",
        "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves",
    }
)

#: Suffix rules used when the model has no lemmatizer tables.
_ENGLISH_RULES: tuple[tuple[str, str], ...] = (
    ("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""), ("ing", "e"),
)
#: Capitalised words that never name an actor (they do not link sentences).
CALENDAR_WORDS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    }
)


#: The longest quotation that pulls in its sentences (a longer one is taken for a stray mark).
_MAX_QUOTE_CHARS = 3000
_LEMMA_POS = ("verb", "noun")


class WordForms:
    """Possible lemmas of English words, from the model's rule-lemmatizer tables.

    Args:
        exceptions: per part of speech, irregular form -> lemmas.
        rules: per part of speech, ``(suffix, replacement)`` pairs.
        index: per part of speech, the known base forms (the lemmatizer's word list).
    """

    def __init__(
        self,
        *,
        exceptions: dict[str, dict[str, Sequence[str]]] | None = None,
        rules: dict[str, Sequence[tuple[str, str]]] | None = None,
        index: dict[str, frozenset[str]] | None = None,
    ) -> None:
        self._exceptions = exceptions or {}
        self._rules = rules or {pos: _ENGLISH_RULES for pos in _LEMMA_POS}
        self._index = index or {}

    @classmethod
    def from_nlp(cls, nlp: Language | None) -> WordForms:
        """The tables of ``nlp``'s lemmatizer (generic English suffix rules when it has none)."""
        lemmatizer = nlp.get_pipe("lemmatizer") if nlp is not None and "lemmatizer" in nlp.pipe_names else None
        lookups = getattr(lemmatizer, "lookups", None)
        tables: dict[str, dict] = {}
        for name in ("lemma_rules", "lemma_exc", "lemma_index"):
            tables[name] = lookups.get_table(name) if lookups is not None and lookups.has_table(name) else {}
        return cls(
            exceptions={pos: dict(tables["lemma_exc"].get(pos, {})) for pos in _LEMMA_POS},
            rules={pos: [tuple(r) for r in tables["lemma_rules"].get(pos, [])] for pos in _LEMMA_POS}
            if tables["lemma_rules"] else None,
            index={pos: frozenset(tables["lemma_index"].get(pos, ())) for pos in (*_LEMMA_POS, "adj", "adv")},
        )

    def candidates(self, word: str) -> set[str]:
        """Every lemma ``word`` (any case) could have as a verb or a noun, and the word itself."""
        lower = word.lower()
        found = {lower}
        for pos in _LEMMA_POS:
            found.update(self._exceptions.get(pos, {}).get(lower, ()))
            for old, new in self._rules.get(pos, ()):
                if lower.endswith(old) and len(lower) > len(old):
                    found.add(lower[: len(lower) - len(old)] + new)
        # -ing and -ed forms with a doubled final consonant ("hitting", "shelled").
        for suffix in ("ing", "ed"):
            stem = lower[: -len(suffix)]
            if lower.endswith(suffix) and len(stem) > 2 and stem[-1] == stem[-2]:
                found.add(stem[:-1])
        return found

    def is_common_word(self, word: str) -> bool:
        """True when ``word`` in lower case is an ordinary English word ("Snow", "Prices")."""
        forms = self.candidates(word)
        return any(not forms.isdisjoint(words) for words in self._index.values())


class TriggerWords:
    """Relation trigger lemmas, tested on surface words through their possible lemmas.

    A word matches when the word itself, or any lemma the rule lemmatizer
    could give it as a verb or a noun (exceptions, suffix rules), is a
    trigger lemma. This over-approximates the parsed lemma, so no trigger the
    relation extractor would see is missed.

    Args:
        lemmas: trigger lemmas (lower case).
        forms: the lemma tables (default: generic English suffix rules).
    """

    def __init__(self, lemmas: Iterable[str], forms: WordForms | None = None) -> None:
        self.lemmas = frozenset(lemma.lower() for lemma in lemmas)
        self.forms = forms or WordForms()
        self._seen: dict[str, bool] = {}

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon, forms: WordForms | None = None) -> TriggerWords:
        """The trigger lemmas of ``lexicon``: first words of verb keys, last words of noun keys,
        predicate adjectives ("critical of") and the verbs and words of judgements ("called it *a sham*")."""
        lemmas = {split_key(key)[0] for key in lexicon.verbs}
        lemmas |= {key.split()[-1].lower() for key in (*lexicon.nouns, *lexicon.adjectives)}
        lemmas |= {word.split()[-1].lower() for word in (*lexicon.evaluations.verbs, *lexicon.evaluations.negative)}
        return cls(lemmas, forms)

    def __contains__(self, word: str) -> bool:
        hit = self._seen.get(word)
        if hit is None:
            hit = not self.lemmas.isdisjoint(self.forms.candidates(word))
            if len(self._seen) < 200_000:
                self._seen[word] = hit
        return hit


@dataclass(frozen=True)
class SentenceFacts:
    """What the cheap pass learned about one sentence.

    Attributes:
        start, end: token range in the tokenized document.
        start_char, end_char: character range (trailing whitespace included).
        mentions: number of mention candidates.
        trigger: True when a trigger word occurs.
        names: case-folded capitalised words outside dictionary matches.
        person: True when a dictionary person is named.
        anaphor: True when a pronoun or a title/institution word occurs.
    """

    start: int
    end: int
    start_char: int
    end_char: int
    mentions: int
    trigger: bool
    names: frozenset[str]
    person: bool
    anaphor: bool

    @property
    def selected(self) -> bool:
        """Can this sentence hold a relation by itself?"""
        return self.mentions >= 2 or (self.mentions >= 1 and self.trigger)


def _title_words() -> frozenset[str]:
    """Head nouns of titles and institution words ("minister", "officials", "forces")."""
    words: set[str] = set()
    for written in (*TITLES, *PLURAL_TITLES, *INSTITUTION_SECTORS):
        parts = written.lower().split()
        words.add(parts[parts.index("of") - 1] if "of" in parts[1:] else parts[-1])
    return frozenset(words)


def sentence_facts(
    doc: Doc,
    bounds: Sequence[tuple[int, int]],
    *,
    triggers: TriggerWords,
    dictionary: ActorDictionary,
    matches: Iterable[Span] = (),
    title_words: frozenset[str] | None = None,
) -> list[SentenceFacts]:
    """Score every sentence of a tokenized ``doc``.

    Args:
        doc: the tokenized document.
        bounds: sentence token ranges (:func:`diplograph.nlp.sentences.sentence_bounds`).
        triggers: the trigger words.
        dictionary: the actor dictionary (to tell persons).
        matches: actor-dictionary matches (spans with ``ent_id_``).
        title_words: title and institution words (default: from :mod:`diplograph.actors.titles`).
    """
    titles = title_words if title_words is not None else _title_words()
    covered: dict[int, str] = {}
    starts: dict[int, str] = {}
    for span in matches:
        starts[span.start] = span.ent_id_
        for i in range(span.start, span.end):
            covered[i] = span.ent_id_
    facts = []
    for start, end in bounds:
        mentions, trigger, person, anaphor = 0, False, False, False
        names: set[str] = set()
        first = next((i for i in range(start, end) if not (doc[i].is_space or doc[i].is_punct)), None)
        in_run = False
        for i in range(start, end):
            token = doc[i]
            text = token.text
            if i in covered:
                in_run = False
                if i in starts:
                    mentions += 1
                    entry = dictionary.get(starts[i])
                    person = person or (entry is not None and entry.type == "person")
                continue
            lower = text.lower()
            capital = text[:1].isupper()
            if capital and not (i == first and token.is_stop):
                if not in_run:
                    mentions += 1
                in_run = True
                name = text.casefold()
                if name not in CALENDAR_WORDS and not (i == first and triggers.forms.is_common_word(text)):
                    names.add(name)
            else:
                in_run = False
                if lower in PRONOUNS or lower in titles:
                    mentions += 1
                    anaphor = True
            if not trigger and token.is_alpha and lower in triggers:
                trigger = True
        facts.append(
            SentenceFacts(
                start=start,
                end=end,
                start_char=doc[start].idx,
                end_char=doc[end - 1].idx + len(doc[end - 1].text_with_ws),
                mentions=mentions,
                trigger=trigger,
                names=frozenset(names),
                person=person,
                anaphor=anaphor,
            )
        )
    return facts


def _quotes(text: str, facts: Sequence[SentenceFacts]) -> list[range]:
    """Sentence index ranges spanned by each quotation, marks included (plus the sentence after it).

    Quotations are read strictly (:func:`diplograph.nlp.quotes.quote_spans`),
    of one to ``_MAX_QUOTE_CHARS`` characters.
    """
    starts = [f.start_char for f in facts]
    spans = []
    for start, end in quote_spans(text, strict=True, max_chars=_MAX_QUOTE_CHARS):
        first = max(0, bisect_right(starts, start - 1) - 1)  # the opening mark
        last = max(0, bisect_right(starts, end) - 1)  # the closing mark
        spans.append(range(first, min(len(facts), last + 2)))
    return spans


def select_sentences(facts: Sequence[SentenceFacts], text: str) -> list[int]:
    """Indices of the sentences to parse: selected sentences and their context (see module docs)."""
    n = len(facts)
    keep = {i for i, f in enumerate(facts) if f.selected}
    if not keep:
        return []
    by_name: dict[str, list[int]] = {}
    for i, f in enumerate(facts):
        for name in f.names:
            by_name.setdefault(name, []).append(i)
    quotes_of: dict[int, list[range]] = {}
    for span in _quotes(text, facts):
        for i in span:
            quotes_of.setdefault(i, []).append(span)
    todo = sorted(keep)
    seen_names: set[str] = set()
    walked: set[int] = set()
    while todo:
        i = todo.pop()
        found: list[int] = []
        if facts[i].selected and i > 0:
            found.append(i - 1)
        if facts[i].anaphor:
            walked.add(i)
            for j in range(i - 1, -1, -1):
                if facts[j].person or facts[j].names:
                    found.append(j)
                if facts[j].person or j in walked:  # an earlier walk covers the rest
                    break
        for name in facts[i].names - seen_names:
            seen_names.add(name)
            found.extend(by_name[name])
        for span in quotes_of.get(i, ()):
            found.extend(span)
        for j in found:
            if 0 <= j < n and j not in keep:
                keep.add(j)
                todo.append(j)
    return sorted(keep)


class SentenceFilter:
    """Chooses the sentences of a tokenized document that go to the parser.

    Args:
        dictionary: the actor dictionary.
        lexicon: the relation lexicon.
        nlp: the loaded pipeline (its lemmatizer tables).
    """

    def __init__(self, dictionary: ActorDictionary, lexicon: Lexicon, nlp: Language) -> None:
        self.dictionary = dictionary
        self.triggers = TriggerWords.from_lexicon(lexicon, WordForms.from_nlp(nlp))
        self._titles = _title_words()

    def facts(self, doc: Doc, bounds: Sequence[tuple[int, int]], matches: Sequence[Span]) -> list[SentenceFacts]:
        """Score the sentences ``bounds`` of the tokenized ``doc``; ``matches`` are the actor ruler's spans on it."""
        return sentence_facts(
            doc, bounds, triggers=self.triggers, dictionary=self.dictionary, matches=matches,
            title_words=self._titles,
        )

    def select(self, doc: Doc, bounds: Sequence[tuple[int, int]], matches: Sequence[Span]) -> list[int]:
        """Indices (into ``bounds``) of the sentences to parse."""
        return select_sentences(self.facts(doc, bounds, matches), doc.text)
