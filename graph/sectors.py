"""State level or sectors apart: two views of the same relations.

A relation may say which part of a state acted or was acted upon
(``source_sector``/``target_sector``: a CAMEO sector code such as ``MIL`` for
"the Syrian army", ``GOV`` for "the Foreign Ministry"). The default view
**rolls sectors up to the state**: "the Syrian army attacked" is an action of
Syria, so the state's ties, centrality and communities gather everything its
government, military and police did, which is what a state-level analysis
(and most of the news) means. :func:`sector_tables` keeps sectors apart: an
end with a sector becomes its own node, id ``"<actor>:<SECTOR>"`` (``syria:MIL``)
named "Syria (military)", with the state's type and country; ends without a
sector stay on the state's own node.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pandas as pd

__all__ = ["SECTOR_LABELS", "sector_label", "sector_node", "sector_tables"]

#: Plain-word labels of the CAMEO sector codes (an unknown code is shown as it is).
SECTOR_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "GOV": "government",
        "MIL": "military",
        "COP": "police",
        "REB": "rebels",
        "OPP": "opposition",
        "INS": "insurgents",
        "UAF": "armed forces",
        "SPY": "intelligence",
        "JUD": "judiciary",
        "LEG": "legislature",
        "ELI": "elites",
        "PTY": "party",
        "BUS": "business",
        "MNC": "companies",
        "CVL": "civilians",
        "PPL": "people",
        "REF": "refugees",
        "LAB": "labour",
        "EDU": "education",
        "HLH": "health",
        "AGR": "agriculture",
        "ENV": "environment",
        "DEV": "development",
        "HRI": "human rights",
        "MED": "media",
        "NGO": "NGOs",
        "IGO": "international bodies",
        "REL": "religious",
        "RAD": "radicals",
        "CRM": "criminals",
        "IMG": "militants",
    }
)


def sector_label(code: str) -> str:
    """The plain-word label of a sector code (``"MIL"`` -> ``"military"``)."""
    return SECTOR_LABELS.get(code, code)


def sector_node(actor_id: str, code: str) -> str:
    """The node id of an actor's sector: ``"syria:MIL"``."""
    return f"{actor_id}:{code}"


def sector_tables(actors: pd.DataFrame, relations: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The actors and relations tables with sectors kept apart (see the module docstring).

    Every relation end with a sector points at the sector's node, added to
    the actors table after the actors (in order of first appearance); the
    sector columns of the relations are kept.
    """
    out = relations.copy()
    rows = actors.set_index("id", drop=False)
    added: dict[str, dict] = {}
    for end, sector in (("source", "source_sector"), ("target", "target_sector")):
        codes = out[sector]
        has = codes.notna().to_numpy() & (codes.astype(str).str.len() > 0).to_numpy()
        if not has.any():
            continue
        ids = [sector_node(actor, code) for actor, code in zip(out.loc[has, end], out.loc[has, sector])]
        for node, actor, code in zip(ids, out.loc[has, end], out.loc[has, sector]):
            if node not in added:
                base = rows.loc[actor]
                added[node] = {
                    **base.to_dict(),
                    "id": node,
                    "name": f"{base['name']} ({sector_label(code)})",
                    "aliases": (),
                    "roles": (),
                    "members": (),
                    "wikidata": None,
                }
        out.loc[has, end] = ids
    if not added:
        return actors, relations
    extra = pd.DataFrame(list(added.values()), columns=actors.columns)
    return pd.concat([actors, extra], ignore_index=True), out
