"""Checks of actor dictionaries beyond the schema: forms that would match everywhere, ids, members, size.

Every failure is a one-line :class:`~diplograph.base.errors.ConfigError` naming the
file and the entry. A form that is empty, a single letter or a common function
word ("the", "and", "said") would turn ordinary words into actor mentions, so it
is refused (an all-capital short form such as "US" is kept: it only matches as
written). A user file is refused above :data:`MAX_FILE_BYTES` or
:data:`MAX_ENTRIES` before anything else is built from it, so a huge file fails
fast instead of filling memory; everything below is read in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from diplograph.base.errors import ConfigError

__all__ = [
    "FUNCTION_WORDS",
    "MAX_FILE_BYTES",
    "MAX_ENTRIES",
    "bad_form",
    "duplicate_ids",
    "check_file_size",
    "check_count",
    "check_entries",
]

#: The largest user dictionary file read (bytes).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: The most entries a user dictionary may hold: every form goes into the entity ruler, which takes
#: about 15 MB of memory and 0.2 s per 1,000 entries in each worker (measured: 40,000 entries, 7.7 s, 605 MB).
MAX_ENTRIES = 50_000

#: Words that can never be an actor's form on their own.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here of in on at by for from to
    with without into onto over under about above below after before between among through during against
    across along around up down out off as is are was were be been being am do does did done have has had
    having will would shall should can could may might must not no yes all any some each every both either
    neither none one ones other others such same own i me my mine we us our ours you your yours he him his
    she her hers it its they them their theirs who whom whose which what when where why how also just only
    very too more most less least said says say saying told tell tells asked added according reported
    """.split()
)

_PUNCTUATION = ".,;:'\"-()[]{}!?/\\"


class _Entry(Protocol):
    id: str
    name: str
    aliases: Sequence[str]
    demonyms: Sequence[str]
    metonyms: Sequence[str]
    members: Sequence[str]


def bad_form(text: str) -> str | None:
    """Why ``text`` cannot be a surface form (None when it can)."""
    letters = "".join(ch for ch in text if not ch.isspace() and ch not in _PUNCTUATION)
    if not text.strip():
        return "is empty"
    if len(letters) < 2:
        return "is a single letter"
    words = text.split()
    acronym = len(words) == 1 and letters.isupper()
    if not acronym and " ".join(words).lower().strip(_PUNCTUATION) in FUNCTION_WORDS:
        return "is a common word"
    return None


def duplicate_ids(ids: Iterable[str]) -> list[str]:
    """Ids that occur more than once, in order of their second occurrence."""
    seen: set[str] = set()
    again: list[str] = []
    for actor_id in ids:
        if actor_id in seen and actor_id not in again:
            again.append(actor_id)
        seen.add(actor_id)
    return again


def check_file_size(path: str | Path) -> None:
    """Refuse a dictionary file larger than :data:`MAX_FILE_BYTES` (before reading it)."""
    try:
        size = Path(path).stat().st_size
    except OSError:
        return  # the reader reports a missing or unreadable file
    if size > MAX_FILE_BYTES:
        raise ConfigError(
            f"{path}: the actor dictionary is {size / 1048576:.1f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB "
            f"and {MAX_ENTRIES:,} entries (keep the actors your corpus needs)"
        )


def check_count(path: str | Path, count: int) -> None:
    """Refuse a dictionary of more than :data:`MAX_ENTRIES` entries."""
    if count > MAX_ENTRIES:
        raise ConfigError(
            f"{path}: the actor dictionary has {count:,} entries; the limit is {MAX_ENTRIES:,} "
            "(keep the actors your corpus needs)"
        )


def check_entries(path: str | Path, entries: Sequence[_Entry], *, known: object = ()) -> None:
    """Check a user file's entries: count, duplicate ids, unknown members.

    Args:
        path: the file, for messages.
        entries: its entries, in file order.
        known: ids that members may point to besides the file's own (a dictionary).
    """
    check_count(path, len(entries))
    again = duplicate_ids(e.id for e in entries)
    if again:
        raise ConfigError(f"{path}: actor id {again[0]!r} is used by more than one entry (ids must be unique in a file)")
    own = {e.id for e in entries}
    for number, entry in enumerate(entries, start=1):
        missing = [m for m in entry.members if m not in own and m not in known]  # type: ignore[operator]
        if missing:
            raise ConfigError(f"{path}: actors #{number} ({entry.id}): members: unknown actor id {missing[0]!r}")
