"""The phrase pass: titles, appositions and role nouns around the recognised names.

* Titles before a name ("Ukrainian President Volodymyr Zelenskyy", "US
  special envoy Steve Witkoff") and appositions ("Rustem Umerov, secretary of
  Ukraine's security council") give the person a role and a country; the
  title words then refer to the person.
* Plural role nouns with their states ("the prime ministers of the
  Netherlands and Poland", "the U.S. and Russian leaders"):
  :mod:`~diplograph.actors.plural_roles`.
* A demonym or state before an institution noun ("Russian forces", "Kremlin
  forces", "Ukraine's military") refers to the state, with a sector note.
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder, Reference
from diplograph.actors.dictionary import is_acronym
from diplograph.actors.institutions import read_institutions
from diplograph.actors.plural_roles import read_coordinated_modifiers, read_plural_titles
from diplograph.actors.titles import MAX_TITLE_WORDS, SUBORDINATE_MODIFIERS, TITLE_MODIFIERS, TITLES, Title, match_title

__all__ = ["read_phrases", "title_ending_at", "Indicator", "indicator_of"]

_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
_APPOSITION_STOPS = frozenset({",", ".", ";", ")", "(", "\u2014", "\u2013", ":", '"', "\u201c", "\u201d"})
_NOT_APPOSITION = frozenset({"who", "which", "whose", "whom", "where", "when", "that", "and", "but", "or", "said", "says"})
_REGION_NOUNS = frozenset({"regions", "oblasts", "provinces"})
#: Title categories of offices of a state: a state's plain name before them is the holder's country.
STATE_OFFICE_CATEGORIES = frozenset({"leader", "deputy", "minister", "military", "spokesperson"})


class Indicator:
    """What a reference before a title tells about the title holder."""

    def __init__(self, ref: Reference, b: DocActorsBuilder, possessive: bool) -> None:
        actor = b.actors[ref.actor]
        self.ref = ref
        self.possessive = possessive
        self.country = b.country_of(ref.actor)
        self.org = ref.actor if actor.type in ("organization", "group") else None
        self.org_name = actor.name if self.org else None
        #: A region of a state ("Scotland's leader", "Bavaria's premier") has offices of its own: their
        #: holders are not the state's.
        self.region = actor.type == "place"
        # Adjectival states, demonyms and organizations are part of the title; possessives and people are not.
        self.absorb = not possessive and actor.type in ("state", "organization", "group")
        written = b.doc[ref.start : ref.end].text
        #: A state's plain name before a title ("China" in "China trade adviser"): the holder's country only for
        #: offices of a state (a minister, a leader); for envoys and advisers it is their subject ("Syria envoy").
        self.attributive = not possessive and actor.type == "state" and ref.kind in ("name", "alias") and not (
            is_acronym(written)
        )

    def country_for(self, title: Title) -> str | None:
        """The country of the holder of ``title`` this indicator gives (see :attr:`attributive`); an
        organization gives an affiliation, not a nationality."""
        if self.attributive and title.category not in STATE_OFFICE_CATEGORIES or self.org is not None:
            return None
        if self.region and title.category in STATE_OFFICE_CATEGORIES:
            return None
        return self.country


def indicator_of(b: DocActorsBuilder, i: int) -> Indicator | None:
    """The country/organization reference ending at token ``i`` (``"Ukraine's"``, "Ukrainian", "NATO")."""
    if i < 0:
        return None
    possessive = b.doc[i].lower_ in _POSSESSIVE
    at = i - 1 if possessive else i
    ref = b.ref_at(at) if at >= 0 else None
    if ref is None or len(ref.actors) != 1 or ref.end != at + 1:
        return None
    if b.type_of(ref.actor) == "media" or (b.type_of(ref.actor) == "person" and not possessive):
        return None
    return Indicator(ref, b, possessive)


def title_ending_at(b: DocActorsBuilder, end: int) -> tuple[int, Title] | None:
    """The longest singular title whose last word is token ``end - 1``, as ``(start, title)``."""
    doc = b.doc
    for size in range(min(MAX_TITLE_WORDS + 4, end), 0, -1):
        start = end - size
        words = doc[start:end]
        if any(t.is_punct and t.text != "-" or b.ref_at(t.i) is not None for t in words):
            continue
        title = TITLES.get(" ".join(t.lower_ for t in words).replace(" - ", "-"))
        if title is not None and (size > 1 or doc[start].pos_ in ("NOUN", "PROPN", "ADJ")):
            return start, title
    post = b.ref_at(end - 1) if end > 0 else None  # an envoy's post between title and name: "Ambassador *to Syria* X"
    k = -1 if post is None or post.start < 2 else post.start - 2 if doc[post.start - 1].lower_ == "the" else post.start - 1
    hit = title_ending_at(b, k) if k > 0 and doc[k].lower_ in ("to", "for") and b.type_of(post.actor) != "person" else None
    return hit if hit is not None and hit[1].category == "envoy" else None


def _extend_left(b: DocActorsBuilder, start: int) -> tuple[int, list[str], Indicator | None]:
    """Modifiers and the country/organization indicator before a title starting at ``start``."""
    doc = b.doc
    k = start - 1
    modifiers: list[str] = []
    while k >= 0 and doc[k].lower_ in TITLE_MODIFIERS and b.ref_at(k) is None and len(modifiers) < 4:
        modifiers.append(doc[k].lower_)
        k -= 1
    indicator = indicator_of(b, k)
    if indicator is None:  # a portfolio in capitals: "Indian *Commerce* Minister", "French *Agriculture* Minister"
        j = k
        while j >= 0 and k - j < 3 and doc[j].is_title and doc[j].is_alpha and b.ref_at(j) is None:
            j -= 1
        if j < k and (found := indicator_of(b, j)) is not None and not found.possessive:
            return j + 1, [*modifiers, *(t.lower_ for t in doc[j + 1 : k + 1])], found
    return k + 1, modifiers, indicator


def _learn_title(
    b: DocActorsBuilder, person: str, title: Title, modifiers: list[str], indicator: Indicator | None
) -> None:
    role = title.canonical
    if indicator is not None and indicator.org_name and b.type_of(indicator.ref.actor) != "state":
        role = f"{indicator.org_name} {role}"
    if "former" in modifiers:
        role = f"former {role}"
    elif subordinate := [m for m in modifiers if m in SUBORDINATE_MODIFIERS]:
        role = f"{subordinate[-1]} {role}"  # modifiers run right to left: "first deputy" → "deputy"
    country = indicator.country_for(title) if indicator else None
    if country is None and indicator is not None and indicator.org is not None:
        country = indicator.country  # a national organization's member is its nationality: "Labour MP", "CIA director"
    b.learn(person, country=country, role=role)


def _person_like(b: DocActorsBuilder, ref: Reference) -> bool:
    """A person, or a new name the model typed as an organization (a title can make it a person)."""
    if len(ref.actors) != 1 or ref.kind not in ("name", "alias"):
        return False
    actor = b.actors[ref.actor]
    return actor.type == "person" or (actor.type == "organization" and actor.id not in b.dictionary)


def _as_person(b: DocActorsBuilder, ref: Reference, title: Title) -> bool:
    """Make the name of ``ref`` a person when a personal title goes with it; False if it stays something else."""
    if b.type_of(ref.actor) == "person":
        return True
    if title.canonical in ("head", "official", "director general", "secretary"):
        return False  # "head of Gazprom" does not make Gazprom a person
    b.retype_as_person(ref.actor)
    return True


def _titles_before_names(b: DocActorsBuilder) -> None:
    for ref in b.ordered():
        if not _person_like(b, ref):
            continue
        hit = title_ending_at(b, ref.start)
        if hit is None:
            continue
        start, title = hit
        if not _as_person(b, ref, title):
            continue
        first, modifiers, indicator = _extend_left(b, start)
        _learn_title(b, ref.actor, title, modifiers, indicator)
        if indicator is not None and indicator.absorb:
            first = indicator.ref.start
        b.add(first, ref.start, ref.actor, "title", head=ref.start - 1)


_MAX_DESCRIPTOR_WORDS = 3


def _descriptors_before_names(b: DocActorsBuilder) -> None:
    """A state's demonym or possessive before a common-noun descriptor of a new name gives its country:
    "Russian *analyst* Elena Suponina", "Iraqi *police captain* X", "Chinese *investment firm* X",
    "Brazil's X" (a title before the name is read by :func:`_titles_before_names`)."""
    doc = b.doc
    for ref in b.ordered():
        if len(ref.actors) != 1 or ref.kind not in ("name", "alias") or ref.actor in b.dictionary:
            continue
        if b.type_of(ref.actor) not in ("person", "organization") or b.country_of(ref.actor):
            continue
        k = ref.start - 1
        while k >= 0 and ref.start - k <= _MAX_DESCRIPTOR_WORDS and doc[k].is_lower and doc[k].pos_ in ("NOUN", "ADJ"):
            if b.ref_at(k) is not None:
                break
            k -= 1
        indicator = indicator_of(b, k)
        if indicator is None or b.type_of(indicator.ref.actor) != "state":
            continue
        if k == ref.start - 1 and not indicator.possessive:
            continue  # "Russian Elena Suponina": a demonym glued to a name is read elsewhere
        b.learn(ref.actor, country=indicator.country)


def _apposition_span(b: DocActorsBuilder, start: int) -> int:
    doc = b.doc
    end = start
    sentence = b.sentence_of.get(start)
    while end < len(doc) and end - start < 16 and doc[end].text not in _APPOSITION_STOPS:
        if b.sentence_of.get(end) != sentence:
            break
        end += 1
    return end


def _appositions(b: DocActorsBuilder) -> None:
    doc = b.doc
    for ref in b.ordered():
        if not _person_like(b, ref):
            continue
        _pre_apposition(b, ref)
        start = ref.end + 1
        if ref.end >= len(doc) or doc[ref.end].text != "," or start >= len(doc):
            continue
        first = doc[start]
        if first.lower_ in _NOT_APPOSITION or first.pos_ in ("VERB", "AUX", "ADV") or first.is_punct:
            continue
        end = _apposition_span(b, start)
        inner = [r for r in b.between(start, end) if len(r.actors) == 1]
        ends = {r.actor: max(e.end for e in inner if e.actor == r.actor) for r in inner if b.type_of(r.actor) == "person"}
        if any(end < len(doc) and doc[end].lower_ not in _POSSESSIVE for end in ends.values()):
            continue  # a list of people, not an apposition ("President X's office": one person, title and name)
        title_hit = None
        for i in range(start, end):
            hit = match_title([t.lower_ for t in doc[i:end]])
            if hit is not None and b.ref_at(i) is None and not _in_name(b, i + hit[0]):
                title_hit = (i, *hit)
                break
        indicator = None
        for r in inner:
            possessive = r.end < len(doc) and doc[r.end].lower_ in _POSSESSIVE
            if b.type_of(r.actor) != "media" and (b.type_of(r.actor) != "person" or possessive):
                indicator = Indicator(r, b, possessive)
                break
        if title_hit is None and indicator is None:
            continue
        if title_hit is None:  # ", a Russian national": a demonym opening the apposition gives the country
            if b.type_of(ref.actor) == "person" and indicator is not None and _opens(indicator.ref, start):
                b.learn(ref.actor, country=indicator.country)
            continue
        i, size, title = title_hit
        if not _as_person(b, ref, title):
            continue
        _learn_title(b, ref.actor, title, [t.lower_ for t in doc[start:i]], indicator)
        b.add(i, i + size, ref.actor, "title", head=i + size - 1)


def _in_name(b: DocActorsBuilder, after: int) -> bool:
    """A title word followed by a capitalised word is part of a name ("the Premier League", "Minister Hotel")."""
    doc = b.doc
    return after < len(doc) and doc[after].is_title and doc[after].pos_ == "PROPN" and b.ref_at(after) is None


def _opens(ref: Reference, start: int) -> bool:
    """A demonym among the first two words of an apposition (after an article)."""
    return ref.kind == "demonym" and ref.start <= start + 2


def _pre_apposition(b: DocActorsBuilder, ref: Reference) -> None:
    """ "Ukraine's foreign minister, Andrii Sybiha, said" """
    doc = b.doc
    comma = ref.start - 1
    if comma < 1 or doc[comma].text != ",":
        return
    hit = title_ending_at(b, comma)
    if hit is None:
        return
    start, title = hit
    first, modifiers, indicator = _extend_left(b, start)
    if indicator is None or not _as_person(b, ref, title) or _principal(b, indicator.ref.start):
        return
    _learn_title(b, ref.actor, title, modifiers, indicator)
    b.add(indicator.ref.start if indicator.absorb else first, comma, ref.actor, "title", head=comma - 1)


#: Nouns of people who serve someone: "adviser *to the Russian President*, Yuri Ushakov" is the adviser.
_SERVANTS = frozenset({"representative", "envoy", "adviser", "advisor", "aide", "ambassador", "emissary", "spokesman",
                       "spokeswoman", "spokesperson", "assistant", "secretary", "interpreter"})


def _principal(b: DocActorsBuilder, first: int) -> bool:
    """Is the title starting at token ``first`` the one served ("Representative *to the Russian President*")?"""
    k = first - 1 if first > 0 and b.lower[first - 1] == "the" else first
    return k >= 2 and b.lower[k - 1] == "to" and b.lower[k - 2] in _SERVANTS


def _region_lists(b: DocActorsBuilder) -> None:
    """ "the Donetsk and Luhansk regions": each name is its region ("Donetsk region"), not the city."""
    doc = b.doc
    for token in doc:
        if b.lower[token.i] not in _REGION_NOUNS or b.ref_at(token.i) is not None:
            continue
        places: list[Reference] = []
        i = token.i - 1
        while i >= 0:
            ref = b.ref_at(i)
            if ref is not None and len(ref.actors) == 1 and b.type_of(ref.actor) == "place":
                places.append(ref)
                i = ref.start - 1
            elif b.lower[i] in ("and", ",") and places:
                i -= 1
            else:
                break
        if len(places) < 2:
            continue
        for ref in places:
            hit = b.dictionary.lookup(f"{doc[ref.start : ref.end].text} region")
            if hit is not None and b.dictionary[hit[0]].type == "place":
                b.remove(ref.start, ref.end)
                b.put(Reference(ref.start, ref.end, (hit[0],), ref.kind, ref.head))
                b.actors.setdefault(hit[0], b.dictionary.actor(hit[0]))


def read_phrases(b: DocActorsBuilder) -> None:
    """Run every phrase rule, in an order where titles claim their words before institutions do."""
    _region_lists(b)
    _titles_before_names(b)
    _descriptors_before_names(b)
    _appositions(b)
    read_plural_titles(b)
    read_coordinated_modifiers(b)
    read_institutions(b)
