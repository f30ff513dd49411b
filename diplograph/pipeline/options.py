"""Build options: one validated record shared by the CLI, :func:`~diplograph.pipeline.build.build`
and :func:`~diplograph.pipeline.build.build_result`.

The CLI turns its flags into a :class:`BuildOptions`; the Python functions accept
the same fields as keyword arguments (``build("corpus/", workers=2)``) or a ready
``options=`` record. An invalid value is a one-line
:class:`~diplograph.base.errors.ConfigError` naming the option, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from diplograph.base.errors import ConfigError
from diplograph.extraction.extractor import SENTENCE_BATCH

__all__ = ["BuildOptions", "ENGINES"]

#: Where extraction can run (see :mod:`diplograph.pipeline.execution`).
ENGINES = ("local", "dask")


class BuildOptions(BaseModel):
    """How a corpus is built into a graph.

    Attributes:
        actors: a user actor dictionary file extending the built-in one.
        ontology: a user ontology file extending the built-in one (new relation types).
        lexicon: a user lexicon file extending the built-in one (the words of those types).
        model: spaCy model package (None: the first installed English model).
        text_field: text field/column name for JSONL/CSV input.
        workers: processes (local engine) or LocalCluster workers (dask engine).
        strict: stop at the first document that cannot be read or processed.
        progress: show a progress bar on stderr (only when it is a terminal).
        engine: ``"local"`` or ``"dask"`` (see :mod:`diplograph.pipeline.execution`).
        scheduler: a running Dask scheduler (``"tcp://host:8786"``); without
            it the dask engine starts a LocalCluster.
        cache: with an output folder, reuse per-document results from ``OUT/.cache``.
        cache_dir: keep per-document results here (overrides ``OUT/.cache``); None
            with no output folder means no cache.
        prefilter: parse only sentences that can hold a relation, with their
            context (see :mod:`diplograph.extraction.prefilter`).
        batch_size: sentences per spaCy ``nlp.pipe`` batch.
        follow_symlinks: in a corpus folder, read files and folders that symlinks lead to
            outside it (by default they are skipped with a warning).
        spool: write per-document results to a temporary file as they arrive and merge from
            it, so memory does not grow with the corpus (see :mod:`diplograph.pipeline.spool`);
            the outputs are the same either way.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    actors: Path | None = None
    ontology: Path | None = None
    lexicon: Path | None = None
    model: str | None = None
    text_field: str | None = None
    workers: int = Field(default=1, ge=1)
    strict: bool = False
    progress: bool = False
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None
    cache: bool = True
    cache_dir: Path | None = None
    prefilter: bool = True
    batch_size: int = Field(default=SENTENCE_BATCH, ge=1)
    follow_symlinks: bool = False
    spool: bool = True

    @classmethod
    def of(cls, options: BuildOptions | None = None, **settings: Any) -> BuildOptions:
        """``options`` updated with ``settings`` (keyword arguments of build/build_result), validated.

        Raises:
            ConfigError: an unknown option or an invalid value, on one line.
        """
        base = options.model_dump() if options is not None else {}
        try:
            return cls.model_validate({**base, **settings})
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(part) for part in err["loc"]) or "options"
            if err["type"] == "extra_forbidden":
                known = ", ".join(cls.model_fields)
                raise ConfigError(f"unknown build option {name!r} (known: {known})") from None
            raise ConfigError(f"build option {name}: {err['msg']} (got {err.get('input')!r})") from None

    def user_files(self) -> dict[str, Path]:
        """The user files this build reads, by kind (``actors``, ``ontology``, ``lexicon``)."""
        files = {"actors": self.actors, "ontology": self.ontology, "lexicon": self.lexicon}
        return {kind: path for kind, path in files.items() if path is not None}
