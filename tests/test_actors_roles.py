"""Dated roles: the office-holder history, roles with dates in the dictionary, unnamed titles resolved by
the date of their text, and office placeholders resolved by the corpus (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.actors.corpus_roles import resolve_placeholders
from diplograph.actors.dictionary import load_dictionary
from diplograph.actors.history import office_history
from diplograph.actors.resolve import resolve_actors
from diplograph.actors.roles import Office, Role, held_on, role_office, role_text
from diplograph.corpus.documents import make_document
from diplograph.relations.lexicon import default_lexicon

D = dt.date


# ------------------------------------------------------------------ no model


@pytest.mark.parametrize(
    ("office", "date", "holder"),
    [(Office("foreign minister", "DEU", None), D(2017, 2, 1), "sigmar-gabriel"),
     (Office("foreign minister", "DEU", None), D(2025, 6, 1), "johann-wadephul"),
     (Office("foreign minister", "DEU", None), D(2017, 1, 27), "sigmar-gabriel"),  # the handover day
     (Office("foreign minister", "DEU", None), D(2017, 1, 26), "frank-walter-steinmeier"),
     (Office("president", "USA", None), D(2008, 5, 1), "george-w-bush"),
     (Office("secretary general", None, "united-nations"), D(2015, 6, 1), "ban-ki-moon"),
     (Office("secretary general", None, "united-nations"), D(2019, 6, 1), "antonio-guterres"),
     (Office("foreign minister", "DEU", None), D(1990, 1, 1), None),  # before the history: nobody
     (Office("foreign minister", "DEU", None), None, "johann-wadephul")],  # undated: today
)  # fmt: skip
def test_history_holder_on_a_date(office, date, holder):
    assert office_history().holder(office, date) == holder


def test_leader_office_follows_the_country_and_the_date():
    history = office_history()
    assert history.leader_offices("DEU", D(2017, 1, 1)) == [Office("chancellor", "DEU", None)]
    assert history.leader_offices("TUR", D(2010, 1, 1)) == [Office("prime minister", "TUR", None)]
    assert history.leader_offices("TUR", D(2020, 1, 1)) == [Office("president", "TUR", None)]


def test_a_title_every_office_of_which_one_person_holds_is_that_person():
    history = office_history()
    assert history.sole_holder("queen", dt.date(2017, 3, 1)) == "queen-elizabeth-ii"  # United Kingdom, Canada, ...
    assert history.sole_holder("king", dt.date(2023, 6, 1)) is None  # Charles III, but also Saudi Arabia's, Spain's ...
    assert history.sole_holder("chancellor", dt.date(2017, 3, 1)) is None  # one state's office: not a personal union
    assert history.sole_holder("president", dt.date(2017, 3, 1)) is None


def test_roles_hold_on_their_dates():
    gabriel = Role(title="foreign minister", country="DEU", start=D(2017, 1, 27), end=D(2018, 3, 14))
    assert held_on(gabriel, D(2017, 6, 1)) and not held_on(gabriel, D(2018, 3, 14)) and not held_on(gabriel, None)
    assert held_on("special envoy", D(2025, 8, 1), roles_since=D(2025, 1, 1))
    assert not held_on("special envoy", D(2017, 8, 1), roles_since=D(2025, 1, 1))
    assert held_on("special envoy", None, roles_since=D(2025, 1, 1))  # an undated document is read as of today
    assert role_text(gabriel) == "foreign minister (2017-01-27 to 2018-03-14)"
    assert role_office("NATO secretary general", lookup=load_dictionary().lookup) == Office("secretary general", None, "nato")
    with pytest.raises(ValueError, match="ends"):
        Role(title="president", start=D(2020, 1, 1), end=D(2019, 1, 1))


def test_dictionary_persons_carry_the_history_roles(dictionary):
    gabriel = dictionary["sigmar-gabriel"]
    assert (gabriel.type, gabriel.country, gabriel.source) == ("person", "DEU", "history")
    lavrov = dictionary["sergei-lavrov"]
    assert lavrov.source == "curated" and "Lavrov" in lavrov.aliases  # curated wins; the history dates its role
    assert dictionary.actor("sergei-lavrov").roles == ("foreign minister (since 2004-03-09)",)
    assert dictionary["steve-witkoff"].roles_since == D(2025, 1, 1)


def test_user_file_roles_with_dates(tmp_path):
    file = tmp_path / "mine.yaml"
    file.write_text(
        "roles_since: 2020-01-01\nactors:\n"
        "  - {id: oksana-levchuk, name: Oksana Levchuk, type: person, country: UKR,\n"
        "     roles: [deputy foreign minister, {title: ambassador, country: UKR, start: 2015-02-01, end: 2019-05-01}]}\n",
        "utf-8",
    )
    entry = load_dictionary(file)["oksana-levchuk"]
    assert entry.source == "user" and entry.roles_since == D(2020, 1, 1)
    assert load_dictionary(file).actor("oksana-levchuk").roles == (
        "deputy foreign minister", "ambassador (2015-02-01 to 2019-05-01)"
    )


def _office(pid, title, country, date, owner):
    return {"kind": "office", "id": pid, "title": title, "country": country, "organization": None,
            "owner": owner, "date": date, "doc": "x"}  # fmt: skip


def _role(person, title, country, date):
    return {"kind": "role", "person": person, "title": title, "country": country, "organization": None,
            "date": date, "doc": "y"}  # fmt: skip


def test_placeholders_take_the_holder_the_corpus_names_in_the_same_period():
    learned = [
        _office("office-of-defence-minister-qatar-2017-03-01", "defence minister", "QAT", "2017-03-01", "qatar"),
        _office("office-of-defence-minister-qatar-2019-03-01", "defence minister", "QAT", "2019-03-01", "qatar"),
        _office("office-of-foreign-minister-oman-2017-03-01", "foreign minister", "OMN", "2017-03-01", "oman"),
        _role("khalid-al-attiyah", "defence minister", "QAT", "2017-02-10"),
        _role("yusuf-bin-alawi", "foreign minister", "OMN", "2017-02-20"),
        _role("someone-else", "foreign minister", "OMN", "2017-03-10"),  # as close: two candidates, no pick
    ]
    found = resolve_placeholders(learned, lambda i: i, lambda i: True)
    assert found["office-of-defence-minister-qatar-2017-03-01"] == ("khalid-al-attiyah", None)
    assert found["office-of-defence-minister-qatar-2019-03-01"] == ("qatar", "GOV")  # another period: the state
    assert found["office-of-foreign-minister-oman-2017-03-01"] == ("oman", "GOV")


# ------------------------------------------------------------------ with the model


@pytest.fixture(scope="module")
def resolve(nlp, dictionary):
    def run(text: str, date: str | None):
        document = make_document("t.txt", text, date=date)
        doc = nlp(document.text)
        learned: list[dict] = []
        found = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs, learned=learned)
        return {m.text: m for m in found.mentions}, learned

    return run


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "date", "phrase", "holder"),
    [("The German foreign minister met his Polish counterpart.", "2017-02-01", "The German foreign minister",
      "sigmar-gabriel"),
     ("The German foreign minister met his Polish counterpart.", "2025-06-01", "The German foreign minister",
      "johann-wadephul"),
     ("The US president flew to Baghdad for talks.", "2008-05-01", "The US president", "george-w-bush"),
     ("The UN secretary-general urged a truce in Yemen.", "2015-04-01", "The UN secretary-general", "ban-ki-moon"),
     ("The UN secretary-general urged a truce in Yemen.", "2019-04-01", "The UN secretary-general", "antonio-guterres"),
     ("France's foreign minister warned Damascus.", "2017-03-01", "foreign minister", "jean-marc-ayrault"),
     ("The British prime minister visited Warsaw.", "2017-03-01", "The British prime minister", "theresa-may"),
     ("The Turkish leader spoke by phone.", "2010-05-01", "The Turkish leader", "recep-tayyip-erdogan"),
     ("Back in 2008, the US president visited Kyiv.", "2017-03-01", "the US president", "george-w-bush"),
     ("Trump accepted an invitation from the Queen.", "2017-03-01", "the Queen", "queen-elizabeth-ii")],
)  # fmt: skip
def test_unnamed_titles_resolve_to_the_holder_on_the_date(resolve, text, date, phrase, holder):
    mentions, _ = resolve(text, date)
    assert mentions[phrase].actor == holder and mentions[phrase].kind == "description"


@pytest.mark.model
def test_no_holder_known_gives_a_placeholder_of_the_state_government(resolve):
    mentions, learned = resolve("The Qatari defence minister met the US special envoy in Doha.", "2017-03-01")
    qatar = mentions["The Qatari defence minister"]
    assert qatar.actor.startswith("office-of-defence-minister-qatar") and qatar.sector == "GOV"
    envoy = mentions["the US special envoy"]  # the 2025 envoy of the dictionary is not the 2017 one; many
    assert (envoy.actor, envoy.sector) == ("united-states", "GOV")  # envoys at once: the state's government
    assert {x["owner"] for x in learned if x["kind"] == "office"} == {"qatar"}
    mentions, _ = resolve("The US special envoy arrived in Moscow.", "2025-08-01")
    assert mentions["The US special envoy"].actor == "steve-witkoff"


@pytest.mark.model
def test_a_role_stated_in_one_article_resolves_the_title_in_another(resolve, dictionary):
    from diplograph.actors.merge import merge_corpus

    _, taught = resolve("Omani Foreign Minister Badr Albusaidi met Iranian officials on Sunday.", "2017-03-05")
    assert {"kind": "role", "person": "badr-albusaidi", "title": "foreign minister", "country": "OMN"}.items() <= \
        next(x for x in taught if x["kind"] == "role").items()
    mentions, asked = resolve("The Omani foreign minister flew to Tehran.", "2017-03-20")
    placeholder = mentions["The Omani foreign minister"].actor
    record = {"badr-albusaidi": dictionary.actor("badr-albusaidi") if "badr-albusaidi" in dictionary else None}
    from diplograph.base.models import Actor

    person = record["badr-albusaidi"] or Actor(id="badr-albusaidi", name="Badr Albusaidi", type="person", country="OMN")
    office = Actor(id=placeholder, name="foreign minister of Oman", type="person", country="OMN")
    _, mapping, resolved = merge_corpus([{"badr-albusaidi": person}, {placeholder: office}], dictionary,
                                        learned=taught + asked)  # fmt: skip
    assert mapping[placeholder] == "badr-albusaidi" and resolved[placeholder].sector is None
    _, mapping, resolved = merge_corpus([{placeholder: office}], dictionary, learned=asked)
    assert mapping[placeholder] == "oman" and resolved[placeholder].sector == "GOV"


@pytest.mark.model
def test_a_deputy_is_not_the_office_holder_and_a_regions_leader_is_not_the_states(resolve):
    # a title the text gives a deputy is learned as the deputy's, so it never answers "the foreign minister"
    mentions, _ = resolve("Russian Deputy Foreign Minister Sergei Ryabkov met the Russian foreign minister.",
                          "2017-03-01")
    assert mentions["the Russian foreign minister"].actor == "sergei-lavrov"
    # "Scotland's leader" is Scotland's, not the United Kingdom's prime minister
    mentions, _ = resolve("Scotland's leader rejected the plan.", "2017-03-01")
    assert {m.actor for m in mentions.values()} == {"scotland"}


@pytest.mark.model
def test_the_title_one_serves_is_not_the_servants_title(resolve):
    mentions, _ = resolve("Crimea's Permanent Representative to the Russian President, Ivan Petrenko, spoke.",
                          "2017-03-20")
    assert mentions["the Russian President"].actor == "vladimir-putin"
    mentions, _ = resolve("Putin met the Turkish President, Recep Tayyip Erdogan, in Sochi.", "2017-03-20")
    assert mentions["Recep Tayyip Erdogan"].actor == "recep-tayyip-erdogan"
