"""On the bundled sample (issue 16, "Done when"): the report's dyads and balance triads use asserted
factual relations only, and the planned ones appear in their own column."""

from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import diplograph

    out = tmp_path_factory.mktemp("sample") / "out"
    return diplograph.build(EXAMPLES, out=out), out


def _pair_counts(table, mask):
    rows = table.loc[mask & (table["source"] != table["target"])]
    return Counter(tuple(sorted(pair)) for pair in zip(rows["source"], rows["target"]))


def test_dyads_count_factual_records_and_show_planned_apart(built):
    g, _ = built
    table = g.relations_table
    asserted = table["polarity"] == "asserted"
    factual = _pair_counts(table, asserted & (table["modality"] == "factual"))
    planned = _pair_counts(table, asserted & (table["modality"] == "planned"))
    assert sum(planned.values()) > 0, "the sample has planned relations"
    dyads = g.dyads(top=None)
    for row in dyads.itertuples(index=False):
        pair = tuple(sorted((row.a, row.b)))
        assert (row.relations, row.planned) == (factual[pair], planned[pair]), pair
    top = dyads.iloc[0]
    assert top["relations"] == max(factual.values())


def test_balance_triads_are_made_of_factual_ties(built):
    g, _ = built
    table = g.relations_table
    factual = _pair_counts(table, (table["polarity"] == "asserted") & (table["modality"] == "factual"))
    report = g.balance()
    assert report.triads > 0
    for triad in report.balanced_examples + report.unbalanced_examples:
        a, b, c = triad.ids
        for pair in ((a, b), (a, c), (b, c)):
            assert factual[tuple(sorted(pair))] > 0, (triad, pair)


def test_the_written_report_says_so(built):
    _, out = built
    text = (out / "report.md").read_text("utf-8")
    assert "| # | actors | relations | documents | types | planned | hypothetical | negated | first | last |" in text
    assert "ties and rankings count asserted factual relations; planned and hypothetical reports are counted apart" in text
    assert "## Contested relations" in text
