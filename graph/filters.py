"""The filter arguments shared by the graph's queries, analyses and exports.

Every method and function that filters relations spells its filters the same
way, as keyword-only arguments:

- ``relation``: a relation type or a list of types (checked against the ontology);
- ``polarity``: ``"asserted"`` or ``"negated"``;
- ``modality``: ``"factual"``, ``"planned"``, ``"hypothetical"``, a list of
  them, or ``"all"`` (same as None: every modality);
- ``since`` / ``until``: inclusive dates, ``datetime.date`` or ``YYYY-MM-DD``
  (``since`` after ``until`` is an error, not an empty result);
- ``source`` / ``target`` / ``actor``: actors by id, name or alias (one or a
  list); ``actor`` matches either end of a relation.

Queries (``relations``, ``subgraph``) filter nothing by default. Analyses
(centrality, communities, balance, dyads, timelines, neighbours, profiles)
count *ties*, and a tie is made of asserted records of the modalities given
by their ``modality=`` argument, ``"factual"`` by default
(:data:`ANALYSIS_MODALITY`): what was planned, hypothetical or denied never
counts as what happened unless asked for (:func:`tie_modalities`).

:func:`deprecated_spellings` keeps the spellings of earlier versions working
(``subgraph(relations=...)``, filters passed by position) with a
:class:`DeprecationWarning` that names the keyword to use.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import warnings
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd

from diplograph.base.errors import ConfigError

__all__ = [
    "Names",
    "DateArg",
    "ModalityArg",
    "POLARITIES",
    "MODALITIES",
    "ANALYSIS_MODALITY",
    "check_polarity",
    "check_modality",
    "tie_modalities",
    "check_date_range",
    "check_names",
    "filter_date",
    "filter_key",
    "deprecated_spellings",
]

#: One name or several (actors or relation types); None means "no filter".
Names = str | Sequence[str] | None
#: A ``since``/``until`` argument.
DateArg = str | dt.date | None

#: A ``modality`` argument: one modality, several, ``"all"`` or None.
ModalityArg = str | Sequence[str] | None

POLARITIES: tuple[str, ...] = ("asserted", "negated")
MODALITIES: tuple[str, ...] = ("factual", "planned", "hypothetical")
#: The evidence analyses count by default: asserted and factual.
ANALYSIS_MODALITY = "factual"

F = TypeVar("F", bound=Callable[..., Any])


def check_polarity(polarity: str | None) -> str | None:
    """Validate a polarity filter.

    Raises:
        ConfigError: the value is not ``asserted`` or ``negated``.
    """
    if polarity is not None and polarity not in POLARITIES:
        raise ConfigError(f"unknown polarity {polarity!r}; use 'asserted' or 'negated'")
    return polarity


def check_modality(modality: ModalityArg) -> tuple[str, ...] | None:
    """Validate a modality filter; return the modalities it keeps (None: every one).

    Raises:
        ConfigError: a value that is not ``factual``, ``planned``, ``hypothetical`` or ``all``.
    """
    if modality is None:
        return None
    items = [modality] if isinstance(modality, str) else list(modality)
    if not items:
        raise ConfigError("modality=[] keeps nothing; give a modality or 'all'")
    for item in items:
        if item != "all" and item not in MODALITIES:
            raise ConfigError(f"unknown modality {item!r}; use {', '.join(map(repr, MODALITIES))} or 'all'")
    if "all" in items:
        return None
    return tuple(m for m in MODALITIES if m in items)


def tie_modalities(modality: ModalityArg) -> tuple[str, ...]:
    """The modalities whose asserted records make ties, for an analysis's ``modality=`` argument.

    ``"factual"`` (the analyses' default) keeps what is reported as having
    happened; ``"all"`` or None adds what is planned and what is hypothetical.
    Negated records never make ties.
    """
    return check_modality(modality) or MODALITIES


def check_date_range(since: DateArg, until: DateArg) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """Both dates of a range as timestamps.

    Raises:
        ConfigError: a value is not a date, or ``since`` is after ``until``.
    """
    start, end = filter_date(since, "since"), filter_date(until, "until")
    if start is not None and end is not None and start > end:
        raise ConfigError(f"since={start.date()} is after until={end.date()}: the range is empty (swap them?)")
    return start, end


def check_names(value: Any, option: str) -> list[str] | None:
    """A name filter (actors or relation types) as a list of strings (None stays None).

    Raises:
        ConfigError: naming ``option`` when the value is not a string or a list of strings.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return [value]
    if hasattr(value, "id") and isinstance(getattr(value, "id"), str):  # an Actor record
        return [value]
    if isinstance(value, (list, tuple, set, frozenset, pd.Series, pd.Index)):
        items = list(value)
        for item in items:
            if not isinstance(item, str) and not (hasattr(item, "id") and isinstance(getattr(item, "id"), str)):
                raise ConfigError(f"{option}={value!r}: every name must be a string, got {item!r}")
        return items
    raise ConfigError(f"{option}={value!r}: give a name (a string) or a list of names")


def filter_date(value: DateArg, option: str) -> pd.Timestamp | None:
    """Turn a ``since``/``until`` filter argument into a timestamp (None stays None).

    Args:
        value: a date, a timestamp or ``YYYY-MM-DD`` text.
        option: the argument's name, for the error message.

    Raises:
        ConfigError: naming ``option`` when the value is not a date.
    """
    if value is None:
        return None
    if isinstance(value, (dt.date, pd.Timestamp)):
        return pd.Timestamp(value).normalize()
    try:
        return pd.Timestamp(dt.date.fromisoformat(str(value).strip()))
    except ValueError:
        raise ConfigError(f"{option}={value!r} is not a date (use YYYY-MM-DD)") from None


def filter_key(value: Any) -> Hashable:
    """A hashable cache key for a filter argument (a list of names is keyed by its sorted names)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return tuple(sorted(map(str, value)))
    return value


def deprecated_spellings(
    *, renamed: Mapping[str, str] | None = None, positional: Sequence[str] = ()
) -> Callable[[F], F]:
    """Accept the former spellings of a function's keyword-only filters, with a warning.

    Args:
        renamed: former keyword -> current keyword (``{"relations": "relation"}``).
        positional: the current names of the keyword-only arguments that used
            to be accepted by position, in their former order.

    The wrapped function gets the current keywords only; a call that gives both
    a former and a current spelling of one argument is a :class:`TypeError`.
    """
    renamed = dict(renamed or {})

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        takes = sum(
            p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) for p in signature.parameters.values()
        )
        name = func.__qualname__

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if len(args) > takes:
                extra = args[takes:]
                if len(extra) > len(positional):
                    raise TypeError(f"{name}() takes at most {takes + len(positional)} positional arguments")
                names = positional[: len(extra)]
                _warn(f"{name}(): passing {', '.join(names)} by position is deprecated; use {_keywords(names)}")
                for keyword, value in zip(names, extra):
                    _put(kwargs, keyword, value, name)
                args = args[:takes]
            for old, new in renamed.items():
                if old in kwargs:
                    _warn(f"{name}({old}=...) is deprecated; use {new}=")
                    _put(kwargs, new, kwargs.pop(old), name)
            return func(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate


def _keywords(names: Sequence[str]) -> str:
    return ", ".join(f"{keyword}=" for keyword in names)


def _put(kwargs: dict[str, Any], keyword: str, value: Any, name: str) -> None:
    if keyword in kwargs:
        raise TypeError(f"{name}() got multiple values for argument {keyword!r}")
    kwargs[keyword] = value


def _warn(message: str) -> None:
    # stacklevel 3: the caller of the decorated function, not the wrapper.
    warnings.warn(message, DeprecationWarning, stacklevel=3)
