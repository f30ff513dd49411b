"""The RelationGraph and its analyses: queries, centrality, communities, balance, comparison, reports.

Modules, one topic each:

==========================  ==================================================
``relation_graph``          :class:`RelationGraph`, the object users hold
``analysis_methods``        its analysis methods (a mixin)
``tables`` / ``storage``    the actors and relations tables; JSON Lines I/O
``derived``                 everything computed from the tables, cached
``lookup``                  names and aliases -> actor ids, with suggestions
``filters``                 the shared filter arguments (evidence levels too) and their old spellings
``edges`` / ``views``       relation records -> ties; networkx views
``engines``                 networkx or igraph analytics, igraph construction
``centrality``              the centrality table (``measures``: definitions)
``communities``             Louvain / Leiden / signed communities
``balance``                 structural balance with sparse triad counting
``compare``                 changes between periods or builds
``query``                   relation masks (symmetric types both ways), subgraphs, timelines
``dyads``                   the most active pairs, planned/hypothetical/negated apart
``contested``               relations one report asserts and another denies
``sectors``                 state level (default) or sectors apart
``neighborhood``            neighbours, ego networks, paths
``profile`` / ``summary``   actor profiles and graph summaries
``labels``                  short relation-mix labels
``report``                  the centrality report (``report_formats``: writers)
``display``                 showing a rendered page (``RelationGraph.show``: a sandboxed iframe in Jupyter)
==========================  ==================================================
"""

from diplograph.graph.balance import BalanceReport, Triad
from diplograph.graph.centrality import MEASURES
from diplograph.graph.compare import GraphComparison
from diplograph.graph.neighborhood import ActorPath, Hop
from diplograph.graph.profile import ActorProfile, Partner
from diplograph.graph.relation_graph import RelationGraph
from diplograph.graph.report import REPORT_FORMATS, query_table, render_report
from diplograph.graph.summary import GraphSummary

__all__ = [
    "RelationGraph",
    "MEASURES",
    "REPORT_FORMATS",
    "render_report",
    "query_table",
    "ActorProfile",
    "Partner",
    "ActorPath",
    "Hop",
    "BalanceReport",
    "Triad",
    "GraphComparison",
    "GraphSummary",
]
