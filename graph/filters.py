"""The filter arguments shared by the graph's queries, analyses and exports.

Every method and function that filters relations spells its filters the same
way, as keyword-only arguments:

- ``relation``: a relation type or a list of types (checked against the ontology);
- ``polarity``: ``"asserted"`` or ``"negated"``;
- ``since`` / ``until``: inclusive dates, ``datetime.date`` or ``YYYY-MM-DD``;
- ``source`` / ``target`` / ``actor``: actors by id, name or alias (one or a
  list); ``actor`` matches either end of a relation.

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

__all__ = ["Names", "DateArg", "POLARITIES", "check_polarity", "filter_date", "filter_key", "deprecated_spellings"]

#: One name or several (actors or relation types); None means "no filter".
Names = str | Sequence[str] | None
#: A ``since``/``until`` argument.
DateArg = str | dt.date | None

POLARITIES: tuple[str, ...] = ("asserted", "negated")

F = TypeVar("F", bound=Callable[..., Any])


def check_polarity(polarity: str | None) -> str | None:
    """Validate a polarity filter.

    Raises:
        ConfigError: the value is not ``asserted`` or ``negated``.
    """
    if polarity is not None and polarity not in POLARITIES:
        raise ConfigError(f"unknown polarity {polarity!r}; use 'asserted' or 'negated'")
    return polarity


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
