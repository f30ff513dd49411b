"""Benchmark actor resolution and relation extraction on long synthetic documents.

One parsed document of each size is built from the example texts (shuffled
paragraphs, so the same actors come back hundreds of times) interleaved with
synthetic paragraphs naming invented people, cities and envoys (so the
number of distinct actors grows with the length too). The spaCy parse is
timed separately; the columns that matter are ``resolve`` (``resolve_actors``)
and ``extract`` (``extract_relations``), which must grow about linearly with
the length. Usage::

    python benchmarks/bench_resolve.py --sizes 10000,50000,100000
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from diplograph.actors.dictionary import load_dictionary
from diplograph.actors.recognize import add_actor_ruler
from diplograph.actors.resolve import resolve_actors
from diplograph.corpus.documents import make_document
from diplograph.nlp.model import load_model
from diplograph.relations.extract import extract_relations
from diplograph.relations.lexicon import default_lexicon

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

_GIVEN = ("Anna", "Boris", "Carla", "Dmytro", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jonas", "Karim", "Lena")
_FAMILY = ("Varga", "Osei", "Lindqvist", "Moreau", "Petrenko", "Haddad", "Novak", "Castillo", "Kowal", "Tanaka")
_CITIES = ("Velmora", "Ostrik", "Dalsen", "Karovo", "Minsel", "Trevan", "Ulmira", "Zorek")
_STATES = ("Ukraine", "Russia", "Poland", "France", "Germany", "Turkey", "China", "India", "Qatar", "Egypt")


def _synthetic_paragraph(rng: random.Random) -> str:
    """A short paragraph with an invented envoy, a city, descriptions and pronouns."""
    person = f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}"
    surname = person.split()[1]
    city = rng.choice(_CITIES)
    a, b = rng.sample(_STATES, 2)
    return (
        f"{person}, a special envoy of {a}, met officials from {b} in {city} on Monday. "
        f"{surname} said {a} would not accept any deal that left troops near the city. "
        f"The two sides agreed to meet again, and he urged them to stop the shelling of the town. "
        f"{b} accused its neighbour of sending drones toward {city}, which {a} denied."
    )


def long_text(size: int, seed: int = 7) -> str:
    """A text of about ``size`` characters mixing example paragraphs and synthetic ones."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        body = path.read_text("utf-8").split("\n\n")
        paragraphs.extend(p.strip() for p in body if len(p.strip()) > 80)
    parts: list[str] = []
    length = 0
    while length < size:
        chunk = rng.choice(paragraphs) if rng.random() < 0.6 else _synthetic_paragraph(rng)
        parts.append(chunk)
        length += len(chunk) + 2
    return "\n\n".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000,100000", help="comma-separated text lengths in characters")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    dictionary = load_dictionary()
    nlp = add_actor_ruler(load_model(), dictionary)
    nlp.max_length = max(nlp.max_length, max(sizes) + 1000)
    print(f"{'chars':>8} {'tokens':>7} {'refs':>6} {'relations':>9} {'parse s':>8} {'resolve s':>9} {'extract s':>9}")
    speech = default_lexicon().speech_verbs
    for size in sizes:
        document = make_document("long.txt", long_text(size), date="2025-09-01")
        started = time.perf_counter()
        doc = nlp(document.text)
        parsed = time.perf_counter()
        actors = resolve_actors(doc, document, dictionary, speech_verbs=speech)
        resolved = time.perf_counter()
        relations = list(extract_relations(doc, actors, document))
        extracted = time.perf_counter()
        print(
            f"{len(document.text):>8} {len(doc):>7} {len(actors.mentions):>6} {len(relations):>9} "
            f"{parsed - started:>8.2f} {resolved - parsed:>9.2f} {extracted - resolved:>9.2f}"
        )


if __name__ == "__main__":
    main()
