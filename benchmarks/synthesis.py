"""How good and how fast the assisted synthesis is (atelier/synthesis), offline.

    python -m benchmarks.synthesis [FIXTURE.json] [--texts 5000]

Quality, on a fixture of texts labelled by hand (default: tests/synthesis_fixture.json, three real
fiches of the démarche with contributions written in the voice of élus and actors):
- duplicates: every pair of contributions of the same kind scored (the fiche's own lines are the
  facilitator's synthesis: in the statistics, not in the pairs); a pair at or above the duplicate
  score is « probable »; precision and recall against the pairs labelled with the same `duplicate` key;
- groups: adjusted Rand index of the suggested groups against each fiche's own axes (the `group`
  labels), on every text and on the fiche's own lines alone; with the number of groups chosen from
  the data, and set to the fiche's number of axes. ARI counts a pure group that is finer than its axe
  as a mistake, so two more figures say whether the groups mix axes: homogeneity, and the share of
  the pairs put in one group that share their axe;
- themes, where the fiche's lines carry one (`theme`: which of the méthode's themes a line speaks
  of, read alone): ARI of the suggested groups against those themes — grouping by topic is what
  words can do — and ARI of the themes themselves against the axes, what a grouping that found
  every line's theme would score against the fiche, since each territory merges themes into its
  axes its own way.
Speed, on a session of `--texts` contributions made from the fixture's words: grouping them, and one
typed text checked against all of them (the phone's « déjà signalé ? »).

A fixture is {"sets": [{"name", "items": [{"text", "group", "duplicate"?, "kind"?, "source"?, "theme"?}]}]},
or one set's {"items": [...]}, or the bare list of items.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sklearn.metrics import adjusted_rand_score, homogeneity_score

from atelier.synthesis.groups import group_texts
from atelier.synthesis.similarity import DUPLICATE_SCORE, SimilarityIndex
from atelier.synthesis.suggestions import duplicate_pairs as probable_pairs

FICHE = "fiche"
FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "synthesis_fixture.json"


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    found: int  # labelled pairs predicted
    predicted: int
    labelled: int
    ari_all: float  # groups chosen from the data, every text
    ari_fiche: float  # … the fiche's own lines only
    ari_all_set: float  # number of groups set to the number of axes
    ari_fiche_set: float
    homogeneity: float  # groups chosen from the data: how far each group keeps to one axe (1: never mixes)
    pair_precision: float  # … of the pairs of texts put in one group, the share that share their axe
    pair_chance: float  # … of all the pairs, the share that share their axe (what chance would give)
    ari_themes: float | None  # groups chosen from the data against the fiche lines' themes (None: no themes)
    themes_to_axes: float | None  # the fiche lines' themes themselves against their axes


def load_sets(path: Path = FIXTURE) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return [{"name": path.stem, "items": data}]
    return data["sets"] if "sets" in data else [{"name": data.get("name", path.stem), "items": data["items"]}]


Pairs = set[frozenset[int]]


def duplicate_pairs(items: list[dict[str, Any]], threshold: float = DUPLICATE_SCORE) -> tuple[Pairs, Pairs]:
    """(predicted, labelled) pairs of item indexes."""
    index = SimilarityIndex()
    for i, item in enumerate(items):
        index.put(i, item["text"])
    predicted, labelled = set(), set()
    for i, j in itertools.combinations(range(len(items)), 2):
        if items[i].get("kind") != items[j].get("kind") or FICHE in (items[i].get("source"), items[j].get("source")):
            continue  # merging is within one kind; the fiche's own lines are the synthesis, not contributions
        if index.score(i, j) >= threshold:
            predicted.add(frozenset((i, j)))
        if items[i].get("duplicate") and items[i].get("duplicate") == items[j].get("duplicate"):
            labelled.add(frozenset((i, j)))
    return predicted, labelled


def suggested(items: list[dict[str, Any]], groups: int | None) -> list[int]:
    """Each item's suggested group (a text with no content word alone in its own)."""
    grouping = group_texts({i: item["text"] for i, item in enumerate(items)}, groups=groups)
    found = {key: n for n, group in enumerate(grouping.groups) for key in group.keys}
    found.update({key: -1 - n for n, key in enumerate(grouping.ungrouped)})
    return [found[i] for i in range(len(items))]


def ari(items: list[dict[str, Any]], found: list[int]) -> tuple[float, float]:
    truth = [item["group"] for item in items]
    every = adjusted_rand_score(truth, found)
    fiche = [i for i, item in enumerate(items) if item.get("source") == FICHE]
    lines = adjusted_rand_score([truth[i] for i in fiche], [found[i] for i in fiche]) if fiche else every
    return float(every), float(lines)


def themes(items: list[dict[str, Any]], found: list[int]) -> tuple[float | None, float | None]:
    """(ARI of the groups against the fiche lines' themes, ARI of those themes against the axes)."""
    lines = [i for i, item in enumerate(items) if item.get("source") == FICHE]
    if not lines or not all(items[i].get("theme") for i in lines):
        return None, None
    theme = [items[i]["theme"] for i in lines]
    return (float(adjusted_rand_score(theme, [found[i] for i in lines])),
            float(adjusted_rand_score([items[i]["group"] for i in lines], theme)))


def purity(items: list[dict[str, Any]], found: list[int]) -> tuple[float, float, float]:
    """(homogeneity, pair precision, its chance level): do the suggested groups keep to one axe each,
    however many they are?"""
    truth = [item["group"] for item in items]
    pairs = list(itertools.combinations(range(len(items)), 2))
    together = [(a, b) for a, b in pairs if found[a] == found[b]]

    def sharing(chosen: list[tuple[int, int]]) -> float:
        return _share(sum(truth[a] == truth[b] for a, b in chosen), len(chosen))

    return float(homogeneity_score(truth, found)), sharing(together), sharing(pairs)


def quality(items: list[dict[str, Any]], threshold: float = DUPLICATE_SCORE) -> Quality:
    predicted, labelled = duplicate_pairs(items, threshold)
    right = len(predicted & labelled)
    axes = len({item["group"] for item in items})
    by_data, by_axes = suggested(items, None), suggested(items, axes)
    return Quality(_share(right, len(predicted)), _share(right, len(labelled)), right, len(predicted),
                   len(labelled), *ari(items, by_data), *ari(items, by_axes), *purity(items, by_data),
                   *themes(items, by_data))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def overall(sets: list[dict[str, Any]], threshold: float = DUPLICATE_SCORE) -> tuple[list[Quality], Quality]:
    """Per set, and pooled: duplicates counted over every pair of every set, ARI averaged over sets."""
    per_set = [quality(s["items"], threshold) for s in sets]
    right, predicted, labelled = (sum(getattr(q, name) for q in per_set) for name in ("found", "predicted", "labelled"))

    def mean(name: str) -> Any:
        values = [getattr(q, name) for q in per_set if getattr(q, name) is not None]
        return statistics.fmean(values) if values else None

    pooled = Quality(_share(right, predicted), _share(right, labelled), right, predicted, labelled,
                     mean("ari_all"), mean("ari_fiche"), mean("ari_all_set"), mean("ari_fiche_set"),
                     mean("homogeneity"), mean("pair_precision"), mean("pair_chance"),
                     mean("ari_themes"), mean("themes_to_axes"))
    return per_set, pooled


def big_session(sets: list[dict[str, Any]], size: int, seed: int = 7) -> dict[int, str]:
    """`size` texts made of the fixture's: one text, sometimes half of another, a commune, a detail."""
    rng = random.Random(seed)
    texts = [item["text"] for s in sets for item in s["items"]]
    communes = ["Estaires", "Pélussin", "Aizenay", "Palluau", "Merville", "Chavanay", "Le Poiré-sur-Vie"]
    made = {}
    for key in range(size):
        words = rng.choice(texts).split()
        if rng.random() < 0.4:
            other = rng.choice(texts).split()
            words += other[: len(other) // 2]
        made[key] = " ".join(words) + f" à {rng.choice(communes)}" + (" depuis 2 ans" if rng.random() < 0.3 else "")
    return made


def speed(sets: list[dict[str, Any]], size: int) -> tuple[float, float, float, int]:
    """(seconds to group `size` texts, median and max ms of one check against them, groups found)."""
    texts = big_session(sets, size)
    started = time.perf_counter()
    grouping = group_texts(texts)
    grouped = time.perf_counter() - started
    index = SimilarityIndex()
    for key, text in texts.items():
        index.put(key, text)
    queries = list(big_session(sets, 60, seed=11).values())
    timings = []
    for query in queries:
        started = time.perf_counter()
        index.similar(query)
        timings.append((time.perf_counter() - started) * 1000)
    return grouped, statistics.median(timings), max(timings[10:]), len(grouping.groups)


def listing_speed(sets: list[dict[str, Any]], size: int) -> tuple[float, int]:
    """(seconds to list the probable duplicates among `size` texts of one kind, pairs found)."""
    texts = big_session(sets, size)
    started = time.perf_counter()
    pairs = probable_pairs(texts)
    return time.perf_counter() - started, len(pairs)


def _each(per_set: list[Quality], name: str) -> str:
    """One figure of every set that has it, for a line of the report."""
    return ", ".join(f"{getattr(q, name):.2f}" for q in per_set if getattr(q, name) is not None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixture", nargs="?", type=Path, default=FIXTURE)
    parser.add_argument("--texts", type=int, default=5000, help="session size for the speed figures")
    parser.add_argument("--threshold", type=float, default=DUPLICATE_SCORE, help="duplicate score")
    args = parser.parse_args()
    sets = load_sets(args.fixture)
    per_set, pooled = overall(sets, args.threshold)
    for s, q in zip(sets, per_set, strict=True):
        print(f"{s['name']}: {len(s['items'])} texts, duplicates {q.predicted} found / {q.labelled} labelled, "
              f"precision {q.precision:.2f} recall {q.recall:.2f}; ARI {q.ari_all:.2f} (fiche lines "
              f"{q.ari_fiche:.2f}), with the axes' number of groups {q.ari_all_set:.2f} ({q.ari_fiche_set:.2f})")
    print(f"duplicates precision {pooled.precision:.2f}")
    print(f"duplicates recall {pooled.recall:.2f}")
    print(f"ARI {pooled.ari_all:.2f} (groups chosen from the data, every text)")
    print(f"ARI fiche lines {pooled.ari_fiche:.2f}")
    print(f"ARI with the number of axes {pooled.ari_all_set:.2f} (fiche lines {pooled.ari_fiche_set:.2f})")
    print(f"groups homogeneity {pooled.homogeneity:.2f}, pairs in one group sharing their axe "
          f"{pooled.pair_precision:.2f} (two texts at random: {pooled.pair_chance:.2f}; groups chosen from the data)")
    if pooled.ari_themes is not None:
        print(f"ARI fiche lines against their themes {pooled.ari_themes:.2f} (groups chosen from the data; "
              f"per set {_each(per_set, 'ari_themes')})")
        print(f"ARI of the themes themselves against the axes {pooled.themes_to_axes:.2f} (per set "
              f"{_each(per_set, 'themes_to_axes')}): what finding every line's theme would score")
    if args.texts:
        grouped, median, worst, found = speed(sets, args.texts)
        print(f"grouping {args.texts} texts: {grouped:.2f} s ({found} groups)")
        print(f"one typed text against {args.texts}: median {median:.1f} ms, max {worst:.1f} ms")
        for size in sorted({min(500, args.texts), args.texts}):
            listed, pairs = listing_speed(sets, size)
            print(f"« doublons probables » among {size} texts: {listed:.2f} s ({pairs} pairs)")


if __name__ == "__main__":
    main()
