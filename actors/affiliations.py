"""Countries from party labels and legislators' abbreviations: "Republican Devin Nunes", "Sen. Tom Cotton".

Wire copy introduces politicians by party or chamber rather than by country:
"Republican Devin Nunes", "Democrat Adam Schiff", "SNP leader ...", "Sen. Tom
Cotton", "Rep. Adam Kinzinger". A person not in the dictionary and without a
country learns it from

* a party named right before the name, as a reference ("*Labour*'s Paul
  Flynn", "*SNP* Alex Salmond") or as the member word of a party whose plural
  is one of its names ("*Republican* Devin Nunes": "Republicans" names the
  Republican Party), when the party has a country;
* the US chamber abbreviations *Sen.* and *Rep.* right before the name (the
  spelled-out "Senator" is used in many parliaments and says nothing).

The country is learned like one the text states (:meth:`DocActorsBuilder.learn`):
it never overrides the dictionary's.
"""

from __future__ import annotations

from diplograph.actors.builder import DocActorsBuilder, Reference

__all__ = ["learn_affiliations"]

#: Abbreviations before a name that only the US Congress uses.
_US_CHAMBERS = frozenset({"sen.", "rep."})


def learn_affiliations(b: DocActorsBuilder) -> None:
    """Give unknown people the country of the party or chamber written right before their name."""
    for ref in b.ordered():
        if len(ref.actors) != 1 or b.type_of(ref.actor) != "person" or ref.actor in b.dictionary:
            continue
        if b.country_of(ref.actor) is not None or ref.start == 0:
            continue
        country = _label_country(b, ref)
        if country is not None:
            b.learn(ref.actor, country=country)


def _label_country(b: DocActorsBuilder, ref: Reference) -> str | None:
    before = b.doc[ref.start - 1]
    if before.lower_ in _US_CHAMBERS:
        return "USA"
    if before.lower_ in ("'s", "’s") and before.i > 0:
        before = b.doc[before.i - 1]  # "Labour's Paul Flynn"
    label = b.ref_at(before.i)
    if label is not None and len(label.actors) == 1:
        return _party_country(b, label.actor)
    if before.is_title and before.is_alpha:  # "Republican" is the member word of "Republicans"
        hit = b.dictionary.lookup(before.text + "s")
        return _party_country(b, hit[0]) if hit is not None else None
    return None


def _party_country(b: DocActorsBuilder, actor_id: str) -> str | None:
    entry = b.dictionary.get(actor_id)
    if entry is None or entry.type != "organization" or "party" not in entry.nouns:
        return None
    return entry.country
