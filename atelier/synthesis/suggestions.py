"""What the analysis screen suggests from a session's contributions: probable duplicates, and groups.

Plain functions over contributions, run on a worker thread by the page; nothing is changed here.
Only contributions shown in the lists are considered (not hidden, not merged away).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from atelier.domain.model import Contribution, ContributionKind
from atelier.synthesis.similarity import DUPLICATE_SCORE, SimilarityIndex

if TYPE_CHECKING:
    from atelier.synthesis.groups import Grouping

NEIGHBOURS = 5  # each contribution's closest few are enough to find every probable pair


@dataclass(frozen=True)
class DuplicatePair:
    first: int
    second: int
    score: float
    shared: tuple[str, ...]


def probable_duplicates(contributions: Iterable[Contribution], *,
                        threshold: float = DUPLICATE_SCORE) -> list[DuplicatePair]:
    """Pairs of the same kind that probably say the same thing, most alike first."""
    by_kind: dict[ContributionKind, dict[int, str]] = {}
    for c in contributions:
        if c.is_visible:
            by_kind.setdefault(c.kind, {})[c.id] = c.text
    pairs = [pair for texts in by_kind.values() for pair in duplicate_pairs(texts, threshold=threshold)]
    return sorted(pairs, key=lambda p: (-p.score, p.first, p.second))


def duplicate_pairs(texts: dict[int, str], *, threshold: float = DUPLICATE_SCORE) -> list[DuplicatePair]:
    """Among texts of one kind (id → text): each text's closest few, as pairs counted once."""
    index = SimilarityIndex()
    for key, text in texts.items():
        index.put(key, text)
    pairs: dict[tuple[int, int], DuplicatePair] = {}
    for key, text in texts.items():
        for hit in index.similar(text, limit=NEIGHBOURS + 1, threshold=threshold):
            if hit.key != key and isinstance(hit.key, int):
                ids = (min(key, hit.key), max(key, hit.key))
                if ids not in pairs or pairs[ids].score < hit.score:
                    pairs[ids] = DuplicatePair(*ids, hit.score, hit.shared)
    return list(pairs.values())


@dataclass(frozen=True)
class GroupSummary:
    """The figures under a suggested group: what kinds it holds, how grave, from where."""

    by_kind: tuple[tuple[ContributionKind, int], ...]  # in the démarche's order of kinds, present ones only
    need: int  # the difficultés weighted by their risk (faible 1, modéré 2, élevé 3)
    by_commune: tuple[tuple[str, int], ...]  # most first; "" is the whole territory


def suggest_groups(contributions: Iterable[Contribution], *, groups: int | None = None) -> Grouping:
    """Groups of the visible contributions, keyed by contribution id (see `groups.group_texts`)."""
    from atelier.synthesis.groups import group_texts  # scikit-learn: loaded the first time groups are asked for
    return group_texts({c.id: c.text for c in contributions if c.is_visible}, groups=groups)


def summarise(members: list[Contribution]) -> GroupSummary:
    kinds = Counter(c.kind for c in members)
    communes = Counter(c.commune or "" for c in members)
    return GroupSummary(
        by_kind=tuple((kind, kinds[kind]) for kind in ContributionKind if kinds[kind]),
        need=sum(c.risk.weight for c in members if c.risk is not None),
        by_commune=tuple(sorted(communes.items(), key=lambda item: (-item[1], item[0]))),
    )


def contribution_id(key: Hashable) -> int:
    """Groups and pairs are keyed by contribution id (see `suggest_groups`)."""
    if not isinstance(key, int):
        raise TypeError(f"not a contribution id: {key!r}")
    return key
