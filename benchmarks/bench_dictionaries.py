"""Start-up cost of the actor dictionaries: load time and peak memory of each, in a fresh process.

Rows (each measured in its own Python process, after the imports every build makes, so the
numbers are what loading the data adds):

* ``curated, as before`` — the curated YAML files read with the pure-Python safe loader and
  validated, as the loader did before the history and the Phoenix index existed;
* ``curated + history`` — :func:`diplograph.actors.dictionary.builtin_dictionary` now: the
  curated files (C loader) and the office-holder history's persons with dated roles;
* ``Phoenix index`` — :func:`diplograph.actors.phoenix.phoenix_index` (26,060 actors, 34,438
  forms, 85 agent codes), built on the first lookup;
* ``everything`` — both, as a build's first document needs them;
* ``user file N entries`` — ``load_dictionary`` of a generated JSON ``--actors`` file (linear:
  compare two sizes).

"added" is ``everything`` minus ``curated, as before``. Usage::

    python benchmarks/bench_dictionaries.py            # prints a Markdown table
    python benchmarks/bench_dictionaries.py --repeat 5 # median of 5 runs per row
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

PROBE = r"""
import json, resource, sys, time
import diplograph.base.models, diplograph.actors.dictionary, diplograph.actors.phoenix, yaml  # the imports a build makes
what, arg = sys.argv[1], sys.argv[2]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
if what == "old":
    from importlib import resources
    from diplograph.actors.dictionary import DictionaryFile
    folder = resources.files("diplograph.actors").joinpath("data")
    n = 0
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith((".yaml", ".yml")):
            n += len(DictionaryFile.model_validate(yaml.safe_load(item.read_text("utf-8"))).actors)
elif what == "new":
    from diplograph.actors.dictionary import builtin_dictionary
    n = len(builtin_dictionary())
elif what == "phoenix":
    from diplograph.actors.phoenix import phoenix_index
    n = len(phoenix_index())
elif what == "all":
    from diplograph.actors.dictionary import builtin_dictionary
    from diplograph.actors.phoenix import phoenix_index
    n = len(builtin_dictionary()) + len(phoenix_index())
else:
    from diplograph.actors.dictionary import load_dictionary
    n = len(load_dictionary(arg))
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "mb": (peak - before) / 1024, "items": n}))
"""

ROWS = (
    ("curated, as before", "old"),
    ("curated + history", "new"),
    ("Phoenix index", "phoenix"),
    ("everything", "all"),
)


def measure(what: str, arg: str = "", repeat: int = 3) -> dict:
    """Median seconds and peak memory added (MB) of one row over ``repeat`` fresh processes."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PROBE, what, arg], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {
        "seconds": statistics.median(r["seconds"] for r in runs),
        "mb": statistics.median(r["mb"] for r in runs),
        "items": runs[0]["items"],
    }


def user_file(folder: Path, entries: int) -> Path:
    """A JSON ``--actors`` file of ``entries`` invented people, each with one alias."""
    path = folder / f"user-{entries}.json"
    rows = [{"id": f"p-{i}", "name": f"Person Number{i}", "type": "person", "aliases": [f"Number{i}"]}
            for i in range(entries)]  # fmt: skip
    path.write_text(json.dumps({"actors": rows}), "utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--user-sizes", default="5000,40000", help="comma-separated --actors sizes ('' for none)")
    args = parser.parse_args(argv)
    results = [(label, measure(what, repeat=args.repeat)) for label, what in ROWS]
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.user_sizes.split(",") if s]:
            results.append((f"user file {size:,} entries", measure("user", str(user_file(Path(tmp), size)), args.repeat)))
    print("| dictionary | entries / forms | load (s) | peak memory added (MB) |")
    print("|---|---:|---:|---:|")
    for label, r in results:
        print(f"| {label} | {r['items']:,} | {r['seconds']:.2f} | {r['mb']:.0f} |")
    old, everything = dict(results)["curated, as before"], dict(results)["everything"]
    print(f"\nadded by the history and the Phoenix index: {everything['seconds'] - old['seconds']:+.2f} s, "
          f"{everything['mb'] - old['mb']:+.0f} MB (targets: <= 1 s, <= 150 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
