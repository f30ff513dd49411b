"""Convert PETRARCH2's CAMEO verb dictionary into diplograph lexicon entries.

Reads ``CAMEO.2.0.txt`` (the Open Event Data Alliance's PETRARCH2 dictionaries, MIT
licence: see ``LICENSE-PETRARCH2`` beside the output) and the code mapping
``cameo_types.yaml`` beside this script, and writes ``cameo_lexicon.json``:

* ``verbs``: each verb of a synonym block whose own code (or the block's) maps to
  a relation type and that the mapping's reviewed ``verbs_alone`` accepts with that
  type: ``{"lambaste": {"type": "accuses", "cameo": "111"}}``; multi-word verbs keep
  their particle (``"call off"``);
* ``codes``: every verb whose code maps to a type, as ``[type, code]``, so that a
  curated lexicon entry of the same verb and type carries the CAMEO code;
* ``frames``: per synonym block, its verbs and each phrase pattern that fits a
  dependency parse — the verb with a direct object (``- * WARNING [130]``), a
  preposition (``- * (UPON) [020]``) or a prepositional object
  (``- * (FOR {HUMANITARIAN AID}) [0233]``) — whose code maps to a type, as
  ``[object, prep, type, code]``: ``{"verbs": ["bring", "deliver"], "frames":
  [[["warning"], null, "threatens", "130"], ...]}``. A pattern applies to every
  verb of its block. An object is a list of words, its head last; an upper-case
  word names one of the dictionary's ``&`` synonym sets, kept in ``sets``.

Patterns naming actors or other verbs (``$ + ^ %`` tokens), pre-verb nouns, and
reverse-only codes (``[:020]``) are skipped: the parse-based extractor reads
subjects and objects itself. Rerun after editing the mapping::

    python relations/data/convert_cameo.py ../shared/ref/petrarch2/CAMEO.2.0.txt
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

__all__ = ["parse_cameo", "CameoMap", "convert"]

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "cameo_lexicon.json"
MAPPING = HERE / "cameo_types.yaml"
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([0-9]*|---)(?::([0-9]*|---))?\]")
_FORMS = re.compile(r"\{[^}]*\}")
_SKIP_TOKENS = set("$+^%")


@dataclass
class Block:
    """One verb synonym block: its code, verbs (with their own codes) and phrase patterns."""

    name: str
    code: str | None
    verbs: list[tuple[str, str | None]] = field(default_factory=list)
    patterns: list[tuple[str, str | None]] = field(default_factory=list)


def _code(text: str) -> tuple[str | None, bool]:
    """The active code of ``[...]`` (None for ``---``) and whether a code was written at all."""
    match = _CODE.search(text)
    if match is None:
        return None, False
    active = match.group(1)
    return (None if active in ("", "---") else active), True


def _phrase(word: str) -> str:
    return word.strip("_").replace("_", " ").lower()


def parse_cameo(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """The synonym sets (``&NAME`` -> phrases) and verb blocks of a CAMEO verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = "head"
    current_set: list[str] | None = None
    block: Block | None = None
    for raw in text.splitlines():
        if raw.startswith("####### SYNONYM SETS"):
            section = "synsets"
            continue
        if raw.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = synsets.setdefault(line.strip().lstrip("&").rstrip("_").upper(), [])
            elif line.startswith("+") and current_set is not None:
                current_set.append(_phrase(line[1:].strip()))
            continue
        if section != "verbs":
            continue
        header = _BLOCK.match(line)
        if header:
            block = Block(header.group(1), _code(f"[{header.group(2)}]")[0])
            blocks.append(block)
        elif block is None:
            continue
        elif line.lstrip().startswith("-"):
            body = line.lstrip()[1:]
            code, written = _code(body)
            block.patterns.append((_CODE.split(body, 1)[0].strip() if written else body.strip(), code))
        elif not line.lstrip().startswith("~"):
            verb = _FORMS.sub("", line).strip()
            code, written = _code(verb)
            word = _CODE.sub("", verb).strip().split()
            if word:
                block.verbs.append((word[0], code if written else block.code))
    return synsets, blocks


def _verb_key(word: str) -> str | None:
    """``MEET`` -> ``meet``, ``+MEET_WITH`` -> ``meet with``; pre-verb compounds (``WIRE_+TAP``) -> None."""
    if "+" in word[1:]:
        return None
    return _phrase(word.lstrip("+"))


def _slots(term: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A pattern noun or ``{PHRASE}`` as words, the head last; ``&SET`` kept as a reference (None if undefined)."""
    slots = []
    for word in term.strip("{}").split():
        if word.startswith("&"):
            name = word[1:].rstrip("_").upper()
            if name not in synsets:
                return None
            slots.append(name)
        else:
            slots.append(_phrase(word))
    return slots or None


def _pattern_frames(pattern: str, synsets: dict[str, list[str]]) -> Iterator[tuple[list[str] | None, str | None]]:
    """``(object slots, prep)`` pairs of a pattern that fits a dependency parse (none for others)."""
    if any(mark in pattern for mark in _SKIP_TOKENS) or not pattern.startswith("*"):
        return
    rest = pattern[1:].strip()
    match = re.fullmatch(r"(\{[^}]*\}|[^\s(){}]+)?\s*(?:\((\S+)(?:\s+(\{[^}]*\}|[^\s(){}]+))?\))?", rest)
    if not match or not rest:
        return
    obj, prep, prep_obj = match.groups()
    if obj and prep:  # "HELP (AGAINST REVOLT)": the object decides; the extra phrase only narrows it
        prep = prep_obj = None
    if obj:
        slots = _slots(obj, synsets)
        if slots:
            yield slots, None
    elif prep:
        slots = _slots(prep_obj, synsets) if prep_obj else None
        if prep_obj and not slots:
            return
        for word in prep.lower().split("/"):
            yield slots, word


class CameoMap:
    """CAMEO code -> relation type by longest listed prefix (``cameo_types.yaml``)."""

    def __init__(self, codes: dict[str, str | None], verbs_alone: dict[str, list[str]],
                 dropped_frames: list[dict] | None = None) -> None:
        self.codes = {str(k): v for k, v in codes.items()}
        self.alone = {verb.lower(): kind for kind, verbs in verbs_alone.items() for verb in verbs}
        self.dropped = {(tuple(d.get("object") or ()), d.get("prep"), str(d["code"])) for d in dropped_frames or ()}

    @classmethod
    def read(cls, path: Path = MAPPING) -> CameoMap:
        data = yaml.safe_load(path.read_text("utf-8"))
        return cls(data["codes"], data.get("verbs_alone", {}), data.get("dropped_frames"))

    def drops(self, obj: list[str] | None, prep: str | None, code: str) -> bool:
        """Is this pattern one of the mapping's reviewed ``dropped_frames``?"""
        return (tuple(obj or ()), prep, code) in self.dropped

    def type_of(self, code: str | None) -> str | None:
        if not code:
            return None
        for size in range(len(code), 0, -1):
            if code[:size] in self.codes:
                return self.codes[code[:size]]
        return None


def convert(text: str, mapping: CameoMap) -> dict:
    """The lexicon data of a CAMEO verb dictionary (see the module docstring)."""
    synsets, blocks = parse_cameo(text)
    verbs: dict[str, dict[str, str]] = {}
    codes: dict[str, list[str]] = {}
    groups: list[dict] = []
    for block in blocks:
        keys = [k for k in (_verb_key(word) for word, _ in block.verbs) if k]
        for (word, code), key in zip(block.verbs, (_verb_key(w) for w, _ in block.verbs)):
            relation = mapping.type_of(code)
            if key and relation and key not in codes:
                codes[key] = [relation, code]
            if key and relation and mapping.alone.get(key) == relation and key not in verbs:
                verbs[key] = {"type": relation, "cameo": code}
        patterns: list[list] = []
        # what an object means alone: a narrowed pattern of the same object ("- * STATEMENT (FOR) [101]"
        # beside "- * STATEMENT [010]") would lose its narrowing here and override it
        bare = {tuple(obj) for pattern, _ in block.patterns if "(" not in pattern
                for obj, prep in _pattern_frames(pattern, synsets) if obj and prep is None}
        for pattern, code in block.patterns:
            relation = mapping.type_of(code)
            if relation is None:
                continue
            for obj, prep in _pattern_frames(pattern, synsets):
                if "(" in pattern and obj and prep is None and tuple(obj) in bare or mapping.drops(obj, prep, code):
                    continue
                if not any(p[0] == obj and p[1] == prep for p in patterns):
                    patterns.append([obj, prep, relation, code])
        if keys and patterns:
            groups.append({"verbs": sorted(set(keys)), "frames": patterns})
    used = sorted({slot for g in groups for p in g["frames"] for slot in p[0] or () if slot.isupper()})
    return {
        "source": "PETRARCH2 CAMEO.2.0.txt (Open Event Data Alliance, MIT licence; see LICENSE-PETRARCH2)",
        "mapping": MAPPING.name,
        "verbs": dict(sorted(verbs.items())),
        "codes": dict(sorted(codes.items())),
        "frames": groups,
        "sets": {name: sorted(set(synsets[name])) for name in used},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cameo", type=Path, help="CAMEO.2.0.txt")
    parser.add_argument("--mapping", type=Path, default=MAPPING)
    parser.add_argument("-o", "--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = convert(args.cameo.read_text("utf-8", errors="replace"), CameoMap.read(args.mapping))
    tmp = args.out.with_name(args.out.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n", "utf-8")
    tmp.replace(args.out)
    frames = sum(len(g["frames"]) for g in data["frames"])
    covered = len({verb for g in data["frames"] for verb in g["verbs"]})
    print(f"{args.out}: {len(data['verbs'])} verbs; {frames} frames in {len(data['frames'])} synonym blocks of {covered} verbs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
