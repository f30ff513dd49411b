"""Actor resolution rules on hand-written sentences (needs the spaCy model, loaded once per session)."""

from __future__ import annotations

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def resolve(nlp, dictionary):
    def run(text: str):
        document = make_document("t.txt", text)
        doc = nlp(document.text)
        return doc, resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)

    return run


def at(doc, word: str, nth: int = 0):
    """The ``nth`` token whose text is ``word``."""
    return [t for t in doc if t.text == word][nth]


def test_ruler_corrects_the_statistical_ner(resolve):
    doc, found = resolve("Zelenskyy travelled from Kyiv to Kramatorsk and then to Sloviansk.")
    assert found.actor_of(at(doc, "Zelenskyy")) == "volodymyr-zelenskyy"
    assert found.actors["volodymyr-zelenskyy"].type == "person"
    assert found.actor_of(at(doc, "Kyiv")) == "ukraine"
    assert {found.actors[a].type for a in ("kramatorsk", "sloviansk")} == {"place"}


def test_metonyms_name_their_state(resolve):
    doc, found = resolve(
        "The Kremlin rejected the plan, while Downing Street and the Elysee welcomed it. Bankova stayed silent."
    )
    assert [found.actor_of(at(doc, w)) for w in ("Kremlin", "Downing", "Elysee", "Bankova")] == [
        "russia", "united-kingdom", "france", "ukraine",
    ]
    assert found.mention_of(at(doc, "Kremlin")).kind == "metonym"


def test_acronyms_only_in_capitals(resolve):
    doc, found = resolve("Let us talk about the US position before the U.S. envoy arrives.")
    assert found.actor_of(at(doc, "us")) is None
    assert found.actor_of(at(doc, "US")) == "united-states"


def test_demonym_and_institution_is_the_state_with_a_sector(resolve):
    doc, found = resolve(
        "Russian forces shelled the town while the Ukrainian military held its positions. "
        "Kremlin forces advanced, and Ukraine's General Staff said russian claims were false."
    )
    forces = at(doc, "forces")
    assert (found.actor_of(forces), found.note_of(forces)) == ("russia", "military")
    military = at(doc, "military")
    assert (found.actor_of(military), found.note_of(military)) == ("ukraine", "military")
    assert found.actor_of(at(doc, "forces", 1)) == "russia"
    assert found.actor_of(at(doc, "Staff")) == "ukraine"
    assert found.actor_of(at(doc, "russian")) is None
    assert found.mention_of(at(doc, "Russian")).text == "Russian"


def test_media_and_sources_are_not_endpoints(resolve):
    doc, found = resolve(
        "Zelensky told French media that people familiar with the matter were wrong, "
        "Bloomberg reported, citing sources."
    )
    media = found.actor_of(at(doc, "media"))
    assert found.actors[media].type == "media" and found.actors[media].country == "FRA"
    assert found.actor_of(at(doc, "French")) == media
    assert not found.can_be_endpoint(media) and not found.can_be_endpoint("bloomberg")
    assert found.actor_of(at(doc, "people")) is None and found.actor_of(at(doc, "sources")) is None
    assert "france" not in found.actors


def test_titles_before_names_give_roles_and_countries(resolve):
    doc, found = resolve(
        "US special envoy Steve Witkoff met Ukrainian President Volodymyr Zelenskyy. "
        "Norwegian special envoy Ingrid Solvang joined them."
    )
    assert {found.actor_of(at(doc, w)) for w in ("US", "special", "envoy", "Witkoff")} == {"steve-witkoff"}
    assert found.actor_of(at(doc, "Ukrainian")) == "volodymyr-zelenskyy"
    # The title's state is still a mention of that state (so relations can map the envoy to it).
    assert [(m.actor, m.text) for m in found.mentions if m.actor in ("united-states", "ukraine")] == [
        ("united-states", "US"), ("ukraine", "Ukrainian"),
    ]
    solvang = found.actors[found.actor_of(at(doc, "Solvang"))]
    assert (solvang.type, solvang.country, solvang.roles) == ("person", "NOR", ("special envoy",))


def test_appositions_give_roles_and_countries(resolve):
    doc, found = resolve(
        "Olena Hrytsenko, a spokeswoman for Ukraine's foreign ministry, said talks would resume. "
        "Ukraine's defence minister, Denys Shmyhal, said reserves were ready. "
        "Piet Vermeulen, the Dutch ambassador, agreed."
    )
    hrytsenko = found.actors[found.actor_of(at(doc, "Hrytsenko"))]
    assert (hrytsenko.country, hrytsenko.roles) == ("UKR", ("spokesperson",))
    assert found.actor_of(at(doc, "spokeswoman")) == hrytsenko.id
    assert found.actor_of(at(doc, "minister")) == "denys-shmyhal"
    vermeulen = found.actors[found.actor_of(at(doc, "Vermeulen"))]
    assert (vermeulen.country, vermeulen.roles) == ("NLD", ("ambassador",))


def test_plural_roles_refer_to_every_state(resolve):
    doc, found = resolve(
        "The prime ministers of the Netherlands and Poland attended, and U.S. and Russian officials met later."
    )
    ministers = at(doc, "ministers")
    assert found.actors_of(ministers) == ("netherlands", "poland")
    assert found.actor_of(ministers) is None and found.note_of(ministers) == "head of government"
    officials = at(doc, "officials")
    assert (found.actors_of(officials), found.note_of(officials)) == (("united-states", "russia"), "government")


def test_surname_after_a_full_name_and_variant_spellings(resolve):
    doc, found = resolve(
        "Ingrid Solvang, the Norwegian envoy, arrived on Monday. Solvang said the talks went well. "
        "Volodymyr Zelenski thanked her, and Zelenskiy later called Sybiha."
    )
    assert found.actor_of(at(doc, "Solvang", 1)) == found.actor_of(at(doc, "Solvang"))
    assert found.actor_of(at(doc, "Zelenski")) == "volodymyr-zelenskyy"
    assert found.actor_of(at(doc, "Zelenskiy")) == "volodymyr-zelenskyy"
    assert found.actor_of(at(doc, "Sybiha")) == "andrii-sybiha"
    assert len([a for a in found.actors.values() if a.type == "person"]) == 3


def test_namesakes_stay_apart_within_a_document(resolve):
    doc, found = resolve("Tom Brandt met Erik Brandt in Berlin. Later Brandt said the meeting was useful.")
    tom, erik = found.actor_of(at(doc, "Brandt")), found.actor_of(at(doc, "Brandt", 1))
    assert tom != erik and {found.actors[tom].name, found.actors[erik].name} == {"Tom Brandt", "Erik Brandt"}
    assert found.actor_of(at(doc, "Brandt", 2)) == erik  # the most recent one


def test_person_pronouns(resolve):
    doc, found = resolve(
        "Zelenskyy said he would not cede land. His aides agreed. Macron called Merz and thanked him. "
        "Asked whether she would attend, Giorgia Meloni said she would."
    )
    assert found.actor_of(at(doc, "he")) == "volodymyr-zelenskyy"
    assert found.actor_of(at(doc, "His")) == "volodymyr-zelenskyy"
    assert found.actor_of(at(doc, "him")) == "friedrich-merz"
    assert found.actor_of(at(doc, "she")) == found.actor_of(at(doc, "she", 1)) == "giorgia-meloni"


def test_definite_descriptions(resolve):
    doc, found = resolve(
        "Donald Trump met Vladimir Putin in Alaska. The US president said the Russian leader was ready. "
        "Later the Ukrainian president rejected the plan, and the NATO chief backed him."
    )
    assert found.actor_of(at(doc, "president")) == "donald-trump"
    assert found.actor_of(at(doc, "US")) == "donald-trump"
    assert found.actor_of(at(doc, "leader")) == "vladimir-putin"
    assert found.actor_of(at(doc, "president", 1)) == "volodymyr-zelenskyy"  # from the dictionary
    assert found.actor_of(at(doc, "chief")) == "mark-rutte"
    assert found.mention_of(at(doc, "president")).kind == "description"


def test_plural_and_possessive_pronouns(resolve):
    doc, found = resolve(
        "European leaders met in Paris. They agreed on guarantees. "
        "The U.S. and Germany permitted Ukraine to use their weapons. Russia has stepped up its strikes."
    )
    assert found.actor_of(at(doc, "They")) == "europe"
    assert found.actors_of(at(doc, "their")) == ("united-states", "germany")
    assert found.actor_of(at(doc, "its")) == "russia"


def test_first_person_plural_in_quotes_is_the_speakers_country(resolve):
    doc, found = resolve(
        '"They are bombing us every night," Zelensky said. "We will not retreat," the Ukrainian president added. '
        'Macron said: "I support our partners."'
    )
    assert found.actor_of(at(doc, "us")) == "ukraine"
    assert found.actor_of(at(doc, "We")) == "ukraine"
    assert found.speaker_of(at(doc, "bombing")) == "volodymyr-zelenskyy"
    assert found.actor_of(at(doc, "I")) == "emmanuel-macron"
    assert found.actor_of(at(doc, "our")) == "france"
    assert found.speaker_of(at(doc, "Macron")) is None


def test_bylines_dates_numbers_and_fragments_are_not_actors(resolve):
    doc, found = resolve(
        "By Jane Doe and John Roe Bloomberg News\n\n"
        "On 12 August 2025, some 30,000 troops moved east. A Security Council meeting was held, "
        "and Drones struck a depot; more drones followed. Russia's invasion continued, sources said."
    )
    names = {a.name for a in found.actors.values()}
    assert not {"Jane Doe", "John Roe", "Security Council", "Drones"} & names
    assert not any(ch.isdigit() for name in names for ch in name)
    assert found.actors["bloomberg"].type == "media"
    assert found.actor_of(at(doc, "Russia")) == "russia"
    assert set(found.actors) == {"bloomberg", "russia"}
