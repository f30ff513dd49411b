"""User files (actor dictionaries, ontologies, lexicons): read, parse and validate in one place.

Every file a user hands to diplograph goes through :func:`load_user_file`:
it is read as UTF-8, parsed as YAML (JSON is YAML) with the safe loader and
validated against a pydantic schema with ``extra="forbid"``. Every failure is
a :class:`~diplograph.base.errors.ConfigError` of one line naming the file
and what is wrong, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from diplograph.base.errors import ConfigError
from diplograph.base.io import format_validation_error, parse_yaml

__all__ = ["load_user_file", "read_user_text"]

M = TypeVar("M", bound=BaseModel)


def read_user_text(path: str | Path, *, what: str) -> str:
    """The text of a user file.

    Raises:
        ConfigError: the file cannot be read, or is not UTF-8 text.
    """
    file = Path(path)
    try:
        return file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: the {what} is not UTF-8 text (byte {exc.start} is {exc.object[exc.start]:#04x})") from None
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read {what} ({exc.strerror or exc})") from None


def load_user_file(
    path: str | Path,
    schema: type[M],
    *,
    what: str,
    key: str | None = None,
    needs: str = "a top-level mapping",
    text: str | None = None,
    list_key: bool = False,
) -> M:
    """Read, parse and validate a user file.

    Args:
        path: the file (also the name used in messages when ``text`` is given).
        schema: the pydantic model of the whole file.
        what: what the file is, for messages ("actor dictionary", "ontology file").
        key: a top-level key the file must have ("actors", "types"); None: any mapping.
        needs: what the top level must be, for the message when it is not.
        text: the file's text when already read (built-in data files).
        list_key: accept a bare top-level list as ``{key: list}``.

    Raises:
        ConfigError: one line naming the file, entry and field that are wrong.
    """
    if text is None:
        text = read_user_text(path, what=what)
    data = parse_yaml(path, text)
    if list_key and key and isinstance(data, list):
        data = {key: data}
    if not isinstance(data, dict) or (key is not None and key not in data):
        article = "an" if what[0] in "aeiou" else "a"
        raise ConfigError(f"{path}: {article} {what} needs {needs}")
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(path, exc, data=data)) from None
