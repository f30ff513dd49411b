"""User files, output folders and atomic writes: one clear message, never a half-written file.

Split from ``test_reliability_inputs.py`` (bad corpus input); these cases exercise the
loaders of actor dictionaries and ontologies, and the writers of the output folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplograph.base.errors import ConfigError, DiplographError, InputError, LookupFailed, OutputError
from diplograph.base.io import atomic_writer, ensure_dir, format_validation_error, parse_yaml, read_jsonl, write_text

# --------------------------------------------------------------------------- dictionaries and ontologies

def _dictionary(tmp_path, body: str) -> Path:
    path = tmp_path / "my_actors.yaml"
    path.write_text(body, encoding="utf-8")
    return path


DICTIONARY_CASES = [
    (
        "wrong type",
        "actors:\n  - {id: gov-a, name: Gov A, type: state}\n  - {id: putin-v, name: V. Putin, type: persn}\n",
        "{path}: actors #2 (putin-v): type: Input should be 'person', 'state', 'organization', 'group', 'place' or 'media' (got 'persn')",
    ),
    (
        "missing and misspelt keys",
        "actors:\n  - {name: Kaja Kallas, type: person, alias: [Kallas]}\n",
        "{path}: actors #1 (Kaja Kallas): id: Field required; actors #1 (Kaja Kallas): alias: Extra inputs are not permitted",
    ),
    (
        "bad nested alias",
        "actors:\n  - id: nato\n    name: NATO\n    type: organization\n    aliases: [Alliance, [x]]\n",
        "{path}: actors #1 (nato): aliases #2: Input should be a valid string",
    ),
    ("not a list", "actors: 3\n", "{path}: actors: Input should be a valid list (got 3)"),
    ("scalar file", "just text\n", "{path}: an actor dictionary needs a top-level 'actors:' list"),
    ("broken YAML", "actors:\n  - {id: a, name: [unclosed\n", "{path}:3: not valid YAML ("),
]


@pytest.mark.parametrize(("case", "body", "message"), DICTIONARY_CASES, ids=[c[0] for c in DICTIONARY_CASES])
def test_invalid_actor_dictionary_names_file_entry_and_field(tmp_path, case, body, message):
    from diplograph.actors.dictionary import load_dictionary

    path = _dictionary(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_dictionary(path)
    assert str(caught.value).startswith(message.format(path=path))
    assert "\n" not in str(caught.value)


def test_validation_messages_name_the_entry_by_id_when_the_input_is_given():
    from pydantic import ValidationError

    from diplograph.actors.dictionary import DictionaryFile

    data = {"actors": [{"id": "gov-a", "name": "A", "type": "state"}, {"id": "putin-v", "name": "", "type": "persn"}]}
    with pytest.raises(ValidationError) as caught:
        DictionaryFile.model_validate(data)
    assert format_validation_error("f.yaml", caught.value, data=data) == (
        "f.yaml: actors #2 (putin-v): name: String should have at least 1 character (got ''); "
        "actors #2 (putin-v): type: Input should be 'person', 'state', 'organization', 'group', 'place' or 'media' "
        "(got 'persn')"
    )
    assert format_validation_error("f.yaml", caught.value, data=data, limit=1).endswith("; and 1 more")


ONTOLOGY_CASES = [
    (
        "weight out of range",
        "types:\n  meets: {plover: CONSULT, quad_class: verbal_cooperation, weight: 99}\n",
        "{path}: types.meets: weight: Input should be less than or equal to 10 (got 99)",
    ),
    (
        "unknown quad class",
        "types:\n  blockades: {plover: COERCE, quad_class: naval, weight: -5}\n",
        "{path}: types.blockades: quad_class: Input should be 'verbal_cooperation', 'material_cooperation', "
        "'verbal_conflict' or 'material_conflict' (got 'naval')",
    ),
    ("no types", "relations: {}\n", "{path}: an ontology file needs a top-level 'types:' mapping"),
]


@pytest.mark.parametrize(("case", "body", "message"), ONTOLOGY_CASES, ids=[c[0] for c in ONTOLOGY_CASES])
def test_invalid_ontology_names_file_type_and_field(tmp_path, case, body, message):
    from diplograph.relations.ontology import load_ontology

    path = tmp_path / "ontology.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_ontology(path)
    assert str(caught.value) == message.format(path=path)


def test_missing_dictionary_file_is_a_config_error(tmp_path):
    from diplograph.actors.dictionary import load_dictionary

    with pytest.raises(ConfigError, match=r"nope.yaml: cannot read actor dictionary \(No such file or directory\)$"):
        load_dictionary(tmp_path / "nope.yaml")


def test_unknown_relation_type_in_a_filter_lists_the_known_types():
    from diplograph.graph.relation_graph import RelationGraph
    from diplograph.base.models import Actor, Relation, relation_id

    actors = [Actor(id="a", name="A", type="state"), Actor(id="b", name="B", type="state")]
    relation = Relation(id=relation_id("d", "a", "meets", "b", "asserted"), doc="d", sentence=0, source="a",
                        target="b", relation="meets", evidence="A met B.", span=(0, 8))
    graph = RelationGraph.from_records(actors, [relation])
    with pytest.raises(LookupFailed) as caught:
        graph.relations(relation="bomb")
    message = str(caught.value)
    assert "'bomb'" in message and "meets" in message and "attacks" in message and "\n" not in message
    assert len(graph.relations(relation="meets")) == 1


# --------------------------------------------------------------------------- output folder

def test_output_under_a_regular_file_cannot_be_created(tmp_path):
    blocker = tmp_path / "report.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OutputError) as caught:
        ensure_dir(blocker / "out")
    assert str(caught.value) == f"{blocker / 'out'}: cannot create output directory (Not a directory)"
    with pytest.raises(OutputError, match=r"report.txt: output path exists and is not a directory$"):
        ensure_dir(blocker)
    assert isinstance(caught.value, InputError) and isinstance(caught.value, DiplographError)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores directory permissions")
def test_read_only_output_directory(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputError, match="locked: output directory is not writable"):
            ensure_dir(folder)
    finally:
        folder.chmod(0o700)


# --------------------------------------------------------------------------- atomic writes

def test_failed_write_keeps_the_previous_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "relations.jsonl"
    write_text(target, "old\n")
    for interrupt in (RuntimeError("boom"), KeyboardInterrupt()):
        with pytest.raises(type(interrupt)):
            with atomic_writer(target) as handle:
                handle.write("half a line")
                raise interrupt
        assert target.read_text(encoding="utf-8") == "old\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["relations.jsonl"]


def test_disk_full_is_a_one_line_output_error(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "graph.html"
    write_text(target, "previous")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError) as caught:
        write_text(target, "new")
    assert str(caught.value) == f"{target}: cannot write (No space left on device)"
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_temp_files_of_killed_writers_are_cleaned_and_modes_follow_the_umask(tmp_path):
    stale = tmp_path / ".actors.jsonl.999999999-0123456789ab.tmp"  # no such process
    stale.write_text("partial", encoding="utf-8")
    other = tmp_path / ".notes.txt.999999999-0123456789ab.tmp"  # another file's temp is left alone
    other.write_text("partial", encoding="utf-8")
    write_text(tmp_path / "actors.jsonl", "{}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".notes.txt.999999999-0123456789ab.tmp", "actors.jsonl"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert (tmp_path / "actors.jsonl").stat().st_mode & 0o777 == 0o666 & ~umask


# --------------------------------------------------------------------------- saved builds and user files are data

def test_yaml_with_python_tags_is_refused_not_run(tmp_path):
    from diplograph.actors.dictionary import load_dictionary

    marker = tmp_path / "pwned"
    body = f'actors: !!python/object/apply:os.system ["touch {marker}"]\n'
    path = _dictionary(tmp_path, body)
    with pytest.raises(ConfigError) as caught:
        load_dictionary(path)
    assert str(caught.value) == (
        f"{path}:1: tag '!!python/object/apply:os.system' is not allowed (only plain data: mappings, lists, text, numbers)"
    )
    assert not marker.exists()
    with pytest.raises(ConfigError, match="not allowed"):
        parse_yaml("x.yaml", f"!!python/object/new:subprocess.Popen [['touch', '{marker}']]")
    assert not marker.exists()
    with pytest.raises(ConfigError, match="nested too deeply"):
        parse_yaml("deep.yaml", "[" * 5000)


def test_saved_build_that_is_a_pickle_is_refused_not_run(tmp_path):
    import pickle

    from diplograph.pipeline.output import load

    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    (tmp_path / "actors.jsonl").write_bytes(pickle.dumps(Exploit()))
    (tmp_path / "relations.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'actors.jsonl'}")
    assert "\n" not in str(caught.value)
    assert not marker.exists()


def test_read_jsonl_names_file_and_line(tmp_path):
    path = tmp_path / "relations.jsonl"
    path.write_text('{"a": 1}\n\n{"a": \n', encoding="utf-8")
    rows = read_jsonl(path)
    assert next(rows) == (1, {"a": 1})
    with pytest.raises(InputError, match=r"relations.jsonl:3: not valid JSON \(Expecting value\)$"):
        next(rows)
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(InputError, match=r"relations.jsonl: not UTF-8 text"):
        list(read_jsonl(path))



def test_stale_temp_cleanup_matches_the_exact_file_name(tmp_path):
    kept = tmp_path / ".relations.jsonl.bak.999999999-0123456789ab.tmp"
    kept.write_text("x", encoding="utf-8")
    write_text(tmp_path / "relations.jsonl", "")
    assert kept.exists()
