"""Reading phases 1 and 2 between soirées: filters with counts, and the gap map (needs against offer).

Pure functions over a list of contributions. Callers pass `session.visible_contributions()`, so
hidden contributions and originals merged into another are left out everywhere, and a filtered
list can be passed on to the gap map (e.g. the gap per theme inside one commune).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from atelier.domain.model import Contribution, ContributionKind, GapColumn, PhaseKey

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
    visible: bool | None = None  # shown in lists (neither hidden nor merged away), or not; None: either

    def accepts(self, c: Contribution) -> bool:
        return ((self.phase is None or c.phase is self.phase)
                and (self.kind is None or c.kind is self.kind)
                and (self.theme is None or c.theme == self.theme)
                and (self.commune is ANY or (c.commune or NONE) == self.commune)
                and (self.structure is ANY or c.structure == self.structure)
                and (self.visible is None or c.is_visible == self.visible))


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
    tally = FacetTally()
    for c in contributions:
        tally.put(c)
    return tally.facets


def counts_in_analysis(c: Contribution, *, include_hidden: bool = False) -> bool:
    """Whether the analysis counts it: visible ones, and hidden ones too if asked — never an original
    merged into another (the merged result already carries what it said), nor one still waiting for
    validation (the room has not seen it)."""
    return c.merged_into is None and not c.held and (include_hidden or not c.hidden)


class _Tally(ABC):
    """Counts kept up to date one contribution at a time, so a live page never recounts them all.

    `put` counts a contribution as it is now, replacing what the same id counted before (contributions
    change in place, so the tally remembers what it added); `discard` takes it out.
    """

    def __init__(self) -> None:
        self._counted: dict[int, list[tuple[Counter[Any], Any, int]]] = {}

    def __contains__(self, contribution_id: int) -> bool:
        return contribution_id in self._counted

    def __len__(self) -> int:
        return len(self._counted)

    def put(self, c: Contribution) -> None:
        self.discard(c.id)
        entries = list(self._entries(c))
        for counter, key, amount in entries:
            counter[key] += amount
        self._counted[c.id] = entries

    def discard(self, contribution_id: int) -> None:
        for counter, key, amount in self._counted.pop(contribution_id, []):
            counter[key] -= amount

    @abstractmethod
    def _entries(self, c: Contribution) -> Iterator[tuple[Counter[Any], Any, int]]:
        """(counter, key, amount) for each count this contribution adds."""


class FacetTally(_Tally):
    """`facet_counts`, incrementally."""

    def __init__(self) -> None:
        super().__init__()
        self.by_phase: Counter[PhaseKey] = Counter()
        self.by_kind: Counter[ContributionKind] = Counter()
        self.by_theme: Counter[str] = Counter()
        self.by_commune: Counter[str] = Counter()
        self.by_structure: Counter[str] = Counter()

    def _entries(self, c: Contribution) -> Iterator[tuple[Counter[Any], Any, int]]:
        yield self.by_phase, c.phase, 1
        yield self.by_kind, c.kind, 1
        yield self.by_theme, c.theme, 1
        yield self.by_commune, c.commune or NONE, 1
        yield self.by_structure, c.structure, 1

    @property
    def facets(self) -> Facets:
        """A snapshot; `+counter` copies it without the values that went back to zero."""
        return Facets(len(self), +self.by_phase, +self.by_kind, +self.by_theme, +self.by_commune,
                      +self.by_structure)


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
    tally = GapTally(key, keys)
    for c in contributions:
        tally.put(c)
    return tally.rows()


class GapTally(_Tally):
    """`gap_map`, incrementally; a key met only in contributions leaves the rows when its last one goes."""

    def __init__(self, key: Callable[[Contribution], str], keys: Iterable[str] = ()) -> None:
        super().__init__()
        self.key = key
        self.listed = list(keys)
        self._tallies: dict[str, Counter[str]] = {k: Counter() for k in self.listed}  # insertion = display order
        self._present: Counter[str] = Counter()  # contributions counted per key, whatever their kind

    def _entries(self, c: Contribution) -> Iterator[tuple[Counter[Any], Any, int]]:
        key = self.key(c)
        tally = self._tallies.setdefault(key, Counter())
        yield self._present, key, 1
        column = c.kind.spec.gap_column
        if column is not None:
            yield tally, column.value, 1
        if column is GapColumn.NEED:
            yield tally, "need", c.risk.weight if c.risk else 0

    def rows(self) -> list[GapRow]:
        """One row per key, worst gap first (then the larger need, then the order of `keys`)."""
        listed = set(self.listed)
        tallies = {k: tally for k, tally in self._tallies.items() if k in listed or self._present[k] > 0}
        position = {k: i for i, k in enumerate(tallies)}
        rows = [GapRow(k, **tally) for k, tally in tallies.items()]
        return sorted(rows, key=lambda r: (-r.gap, -r.need, position[r.key]))


def gap_by_theme(contributions: Iterable[Contribution], themes: Iterable[str] = ()) -> list[GapRow]:
    return gap_map(contributions, lambda c: c.theme, themes)
