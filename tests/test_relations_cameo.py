"""The CAMEO verb dictionary as a data source: the converter, the built lexicon, and the ``cameo`` of relations."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from importlib import resources
from pathlib import Path

import pytest

from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.relations.extract import extract_relations
from diplograph.relations.lexicon import Frame, Lexicon, VerbEntry, default_lexicon

ROOT = Path(__file__).resolve().parents[1]


def _converter():
    spec = importlib.util.spec_from_file_location("convert_cameo", ROOT / "relations/data/convert_cameo.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


convert_cameo = _converter()

SAMPLE = """\
####### SYNONYM SETS #######

&ASSISTANCE
+AID
+HELP_
+HUMANITARIAN_AID

####### VERB PATTERNS #######

---  DELIVER   [---]  ---
DELIVER
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
WIRE_+TAP
- * WARNING                                           [130]         # DELIVER
- * {HUMANITARIAN &ASSISTANCE}                        [073]         # DELIVER
- * (TO $)                                            [070]         # DELIVER
- * CALLS                                             [:020]        # FACE
- * MESSAGE                                           [010]         # DELIVER

---  BLAME   [112]  ---
ACCUSE [112]
CONDEMN [111]
FAULT
GIVE

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""


def _map(**alone):
    codes = {"01": None, "02": "appeals", "07": "supports", "11": "accuses", "13": "threatens"}
    return convert_cameo.CameoMap(codes, {kind: list(verbs) for kind, verbs in alone.items()})


def test_the_converter_reads_blocks_verbs_codes_and_patterns():
    data = convert_cameo.convert(SAMPLE, _map(accuses=["accuse", "condemn", "fault"]))
    assert data["verbs"] == {
        "accuse": {"type": "accuses", "cameo": "112"},
        "condemn": {"type": "accuses", "cameo": "111"},
        "fault": {"type": "accuses", "cameo": "112"},  # the block's code
    }  # "give" sits in the block but was not reviewed as meaning "accuse" alone
    (group,) = data["frames"]
    assert group["verbs"] == ["deliver", "hand over"]  # WIRE_+TAP (a pre-verb compound) is skipped
    assert group["frames"] == [
        [["warning"], None, "threatens", "130"],
        [["humanitarian", "ASSISTANCE"], None, "supports", "073"],
    ]  # "$" patterns, reverse-only codes and codes mapped to null are dropped
    assert data["sets"] == {"ASSISTANCE": ["aid", "help", "humanitarian aid"]}


def test_a_narrowed_pattern_does_not_override_what_its_object_means_alone():
    text = SAMPLE.replace("- * MESSAGE                                           [010]         # DELIVER",
                          "- * MESSAGE                                           [010]         # DELIVER\n"
                          "- * MESSAGE (FOR)                                     [020]         # DELIVER\n"
                          "- * PLEA (FOR)                                        [020]         # DELIVER")
    (group,) = convert_cameo.convert(text, _map())["frames"]
    # "delivered a message" is a statement (010, no type); only "a message *for* X" appeals, which a
    # frame cannot require, so it is dropped; "plea (for)" has no bare pattern and stays
    assert [["message"], None, "appeals", "020"] not in group["frames"]
    assert [["plea"], None, "appeals", "020"] in group["frames"]


def test_a_reviewed_pattern_is_dropped_from_the_frames():
    codes = {"01": None, "02": "appeals", "07": "supports", "11": "accuses", "13": "threatens"}
    mapping = convert_cameo.CameoMap(codes, {}, [{"object": ["warning"], "prep": None, "code": "130"}])
    (group,) = convert_cameo.convert(SAMPLE, mapping)["frames"]
    assert group["frames"] == [[["humanitarian", "ASSISTANCE"], None, "supports", "073"]]
    # the shipped mapping drops "fly into" and "lay the groundwork" as deployments
    shipped = convert_cameo.CameoMap.read()
    assert shipped.drops(None, "into", "154") and shipped.drops(["groundwork"], None, "154")
    assert not shipped.drops(["militia"], None, "154")


def test_the_mapping_takes_the_longest_prefix():
    mapping = convert_cameo.CameoMap({"04": "meets", "046": "negotiates", "01": None}, {})
    assert mapping.type_of("0462") == "negotiates"
    assert mapping.type_of("042") == "meets"
    assert mapping.type_of("013") is None
    assert mapping.type_of("99") is None


def test_the_shipped_conversion_is_valid_and_up_to_date():
    """The committed JSON validates with the lexicon's models and equals a fresh conversion."""
    text = resources.files("diplograph.relations").joinpath("data/cameo_lexicon.json").read_text("utf-8")
    data = json.loads(text)
    for key, value in data["verbs"].items():
        VerbEntry.model_validate(value)
    for group in data["frames"]:
        for obj, prep, kind, code in group["frames"]:
            Frame.model_validate({"object": obj, "prep": prep, "type": kind, "cameo": code})
    source = ROOT.parent / "shared/ref/petrarch2/CAMEO.2.0.txt"
    if source.is_file():
        fresh = convert_cameo.convert(source.read_text("utf-8", errors="replace"), convert_cameo.CameoMap.read())
        assert fresh == data, "relations/data/cameo_lexicon.json is stale: rerun relations/data/convert_cameo.py"


def test_the_built_lexicon_puts_curated_entries_over_cameo():
    lexicon = default_lexicon()
    assert lexicon.verbs["lambaste"] == VerbEntry(type="accuses", cameo="111")
    assert lexicon.verbs["accuse"].type == "accuses" and lexicon.verbs["accuse"].cameo == "112"
    assert lexicon.verbs["welcome"].type == "supports"  # curated reading kept
    frames = {f.object: f for _, block in lexicon.frame_entries("deliver") for f in block}
    assert frames[("warning",)].type == "threatens"
    assert isinstance(lexicon, Lexicon)


@pytest.fixture(scope="module")
def relations(nlp, dictionary):
    def run(text: str) -> set[tuple[str, str, str, str | None]]:
        document = make_document("t.txt", text, date=dt.date(2017, 3, 1))
        doc = nlp(document.text)
        actors = resolve_actors(doc, document, dictionary, speech_verbs=default_lexicon().speech_verbs)
        return {(r.source, r.relation, r.target, r.cameo) for r in extract_relations(doc, actors, document)}

    return run


@pytest.mark.model
def test_a_cameo_verb_gives_its_code(relations):
    assert relations("Iran lambasted Saudi Arabia on Monday.") == {("iran", "accuses", "saudi-arabia", "111")}


@pytest.mark.model
def test_a_frame_reads_the_verb_by_its_object(relations):
    found = relations("Turkey voiced strong disapproval of Greece.")
    assert found == {("turkiye", "accuses", "greece", "111")}


@pytest.mark.model
def test_curated_relations_get_a_code_too(relations):
    assert relations("Peru accused Chile of spying.") == {("peru", "accuses", "chile", "112")}
    # a light verb with an event noun takes the code of the type
    assert relations("Turkey delivered a stern warning to Greece.") == {("turkiye", "threatens", "greece", "13")}


def test_a_rare_verb_is_found_although_the_tagger_lemmatizes_it_wrongly():
    from diplograph.nlp.lemmas import inflection_lemmas

    assert inflection_lemmas("lambasted")[0] == "lambaste"
    assert "lambast" in inflection_lemmas("lambasted")
    assert inflection_lemmas("mediating")[:2] == ["mediat", "mediate"]
    assert inflection_lemmas("shelled")[-1] == "shel"
    assert inflection_lemmas("rallies") == ["rally"]
    # prefixed irregular verbs the lemmatizer leaves as they are
    assert [inflection_lemmas(w) for w in ("retook", "overran", "withdrew", "upheld")] == [
        ["retake"], ["overrun"], ["withdraw"], ["uphold"]]
