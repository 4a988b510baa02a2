"""What the documents compute from a session: gaps between needs and resources, who testified, who took part.

Each figure is one small function over visible contributions (hidden ones were moderated out and
never count), so a richer analysis can replace one of them without touching the documents.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from atelier.domain.model import Contribution, ContributionKind, PhaseKey, Role
from atelier.domain.session import Session

KindGroup = tuple[ContributionKind, list[Contribution]]
ThemeGroup = tuple[str, list[KindGroup]]
PhaseGroup = tuple[PhaseKey, list[ThemeGroup]]


@dataclass(frozen=True)
class ThemeGap:
    """One theme of the état des lieux: needs (difficultés weighted by risk) against ressources."""

    theme: str
    difficulties: int
    weighted_needs: int
    resources: int

    @property
    def gap(self) -> int:
        return self.weighted_needs - self.resources


def needs_and_resources(session: Session) -> list[ThemeGap]:
    """Per theme with at least one visible difficulté or ressource, the largest gap first.

    Weights are the risk's (faible 1, modéré 2, élevé 3). Ties keep the session's theme order.
    """
    visible = session.visible_contributions(PhaseKey.ETAT_DES_LIEUX)
    gaps = []
    for theme in session.themes:
        items = [c for c in visible if c.theme == theme]
        difficulties = [c for c in items if c.kind is ContributionKind.DIFFICULTY]
        resources = sum(1 for c in items if c.kind is ContributionKind.RESOURCE)
        if difficulties or resources:
            needs = sum(c.risk.weight for c in difficulties if c.risk)
            gaps.append(ThemeGap(theme, len(difficulties), needs, resources))
    return sorted(gaps, key=lambda g: -g.gap)  # sorted() is stable: equal gaps keep theme order


def testifying_structures(session: Session) -> list[str]:
    """The structures heard at the témoignages, in the order they first spoke, each named once.

    Taken from the structure on visible témoignage contributions.
    """
    seen: dict[str, str] = {}
    for contribution in session.visible_contributions(PhaseKey.TEMOIGNAGES):
        name = contribution.structure
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def annex_groups(session: Session) -> list[PhaseGroup]:
    """Visible contributions by phase, then theme (session order), then kind (method order).

    Empty phases, themes and kinds are left out. Difficultés come most at risk first.
    """
    groups: list[PhaseGroup] = []
    for phase in PhaseKey:
        visible = session.visible_contributions(phase)
        themes: list[ThemeGroup] = []
        for theme in session.themes:
            kinds = [(kind, _ordered(kind, [c for c in visible if c.theme == theme and c.kind is kind]))
                     for kind in ContributionKind if kind.phase is phase]
            kinds = [(kind, items) for kind, items in kinds if items]
            if kinds:
                themes.append((theme, kinds))
        if themes:
            groups.append((phase, themes))
    return groups


def _ordered(kind: ContributionKind, items: list[Contribution]) -> list[Contribution]:
    if kind is ContributionKind.DIFFICULTY:
        return sorted(items, key=lambda c: (-(c.risk.weight if c.risk else 0), c.id))
    return sorted(items, key=lambda c: c.id)


def participants_by_role(session: Session) -> list[tuple[Role, int]]:
    counts = Counter(p.role for p in session.participants.values())
    return [(role, counts[role]) for role in Role if counts[role]]


def participants_by_commune(session: Session) -> list[tuple[str | None, int]]:
    """Communes in the session's order; participants without a commune (actors) last, as None."""
    counts = Counter(p.commune for p in session.participants.values())
    rows: list[tuple[str | None, int]] = [(commune, counts[commune]) for commune in session.communes
                                          if counts[commune]]
    if counts[None]:
        rows.append((None, counts[None]))
    return rows


def contributions_by_phase(session: Session) -> list[tuple[PhaseKey, Counter[ContributionKind]]]:
    """Visible contributions of each phase that has some, counted by kind."""
    rows = []
    for phase in PhaseKey:
        counts = Counter(c.kind for c in session.visible_contributions(phase))
        if counts:
            rows.append((phase, counts))
    return rows
