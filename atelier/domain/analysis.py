"""Reading phases 1 and 2 between soirées: filters with counts, and the gap map (needs against offer).

Pure functions over a list of contributions. Callers pass `session.visible_contributions()`, so
hidden contributions and originals merged into another are left out everywhere, and a filtered
list can be passed on to the gap map (e.g. the gap per theme inside one commune).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from atelier.domain.model import Contribution, ContributionKind, PhaseKey

# Filter values for commune and structure: None accepts any; "" selects contributions that have none
# (a commune-less contribution concerns the whole territory), as `Session.add_contribution` reads it.
ANY = None
NONE = ""


@dataclass(frozen=True)
class ContributionFilter:
    phase: PhaseKey | None = None
    kind: ContributionKind | None = None
    theme: str | None = None
    commune: str | None = ANY
    structure: str | None = ANY

    def accepts(self, c: Contribution) -> bool:
        return ((self.phase is None or c.phase is self.phase)
                and (self.kind is None or c.kind is self.kind)
                and (self.theme is None or c.theme == self.theme)
                and (self.commune is ANY or (c.commune or NONE) == self.commune)
                and (self.structure is ANY or c.structure == self.structure))


def filter_contributions(contributions: Iterable[Contribution], criteria: ContributionFilter) -> list[Contribution]:
    return [c for c in contributions if criteria.accepts(c)]


@dataclass(frozen=True)
class Facets:
    """How many contributions carry each value: the numbers shown beside each filter choice.

    `by_commune` and `by_structure` use "" for "no commune" (whole territory) and "no structure".
    """

    total: int
    by_phase: Counter[PhaseKey]
    by_kind: Counter[ContributionKind]
    by_theme: Counter[str]
    by_commune: Counter[str]
    by_structure: Counter[str]


def facet_counts(contributions: Iterable[Contribution]) -> Facets:
    items = list(contributions)
    return Facets(
        total=len(items),
        by_phase=Counter(c.phase for c in items),
        by_kind=Counter(c.kind for c in items),
        by_theme=Counter(c.theme for c in items),
        by_commune=Counter(c.commune or NONE for c in items),
        by_structure=Counter(c.structure for c in items),
    )


@dataclass(frozen=True)
class GapRow:
    """Needs against offer for one theme or one commune.

    - `need`: the sum of the risk weights (faible 1, modéré 2, élevé 3) of the difficultés;
    - `offer`: the number of ressources, each weighing 1 — the weight of one low-risk difficulty, so a
      high-risk difficulty needs three existing ressources to be balanced;
    - `recommendations`: the préconisations, counted apart: answers proposed, not offer that exists;
    - `gap = need - offer`; `needs_outweigh_offer` when it is positive.
    « Je partage aussi » (+1) does not change these numbers: they weigh situations, not voices.
    """

    key: str
    difficulties: int = 0
    need: int = 0
    resources: int = 0
    recommendations: int = 0

    @property
    def offer(self) -> int:
        return self.resources

    @property
    def gap(self) -> int:
        return self.need - self.offer

    @property
    def needs_outweigh_offer(self) -> bool:
        return self.gap > 0


def gap_map(contributions: Iterable[Contribution], key: Callable[[Contribution], str],
            keys: Iterable[str] = ()) -> list[GapRow]:
    """One row per key, worst gap first (then the larger need, then the order of `keys`).

    `keys` lists the rows to show even when empty (every theme of the session, say); keys met only
    in the contributions come after them.
    """
    tallies: dict[str, Counter[str]] = {k: Counter() for k in keys}  # insertion order = display order
    for c in contributions:
        tally = tallies.setdefault(key(c), Counter())
        if c.kind is ContributionKind.DIFFICULTY:
            tally["difficulties"] += 1
            tally["need"] += c.risk.weight if c.risk else 0
        elif c.kind is ContributionKind.RESOURCE:
            tally["resources"] += 1
        elif c.kind is ContributionKind.RECOMMENDATION:
            tally["recommendations"] += 1
    position = {k: i for i, k in enumerate(tallies)}
    rows = [GapRow(k, **tally) for k, tally in tallies.items()]
    return sorted(rows, key=lambda r: (-r.gap, -r.need, position[r.key]))


def gap_by_theme(contributions: Iterable[Contribution], themes: Iterable[str] = ()) -> list[GapRow]:
    return gap_map(contributions, lambda c: c.theme, themes)


def gap_by_commune(contributions: Iterable[Contribution], communes: Iterable[str] = ()) -> list[GapRow]:
    """Rows keyed by commune; "" is the whole territory (contributions about no one commune)."""
    return gap_map(contributions, lambda c: c.commune or NONE, communes)
