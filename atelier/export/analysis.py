"""What the documents compute from a session: gaps between needs and resources, who testified, who took part.

Each figure is one small function over visible contributions (hidden ones were moderated out, and
originals merged into another count through their merged result only). The gap map itself is the
domain's (`atelier/domain/analysis.py`), the one the facilitator reads between soirées.
"""

from __future__ import annotations

from collections import Counter

from atelier.domain.analysis import GapRow, gap_by_theme
from atelier.domain.model import Contribution, ContributionKind, PhaseKey, Role
from atelier.domain.session import Session

KindGroup = tuple[ContributionKind, list[Contribution]]
ThemeGroup = tuple[str, list[KindGroup]]
PhaseGroup = tuple[PhaseKey, list[ThemeGroup]]


def theme_gaps(session: Session) -> list[GapRow]:
    """The domain's gap map per theme (`analysis.gap_by_theme`), over the visible contributions.

    Only themes with at least one difficulté or ressource: a theme with nothing to weigh says nothing
    about gaps. Worst gap first, then the larger need, then the session's theme order.
    """
    rows = gap_by_theme(session.visible_contributions(), session.themes)
    return [row for row in rows if row.difficulties or row.resources]


def testifying_structures(session: Session) -> list[str]:
    """The structures heard at the témoignages: the facilitator's list (`Session.witnesses`), in its order.

    A démarche run before that list existed, or where the facilitator did not fill it, still has
    the structures on its témoignages: when the list is empty, those of the visible témoignage
    contributions are given instead, in the order they first spoke, each named once.
    """
    if session.witnesses.structures:
        return [structure.name for structure in session.witnesses.structures]
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
    if kind.spec.has_risk:
        return sorted(items, key=lambda c: (-(c.risk.weight if c.risk else 0), c.id))
    return sorted(items, key=lambda c: c.id)


def merged_count(contribution: Contribution, contributions: dict[int, Contribution]) -> int:
    """How many contributions a merged one stands for (1 if it is no merge); a merge of merges counts them all."""
    if not contribution.merged_from:
        return 1
    return sum(merged_count(contributions[i], contributions) for i in contribution.merged_from if i in contributions)


def attendance(session: Session, phase: PhaseKey) -> list[tuple[Role, int]]:
    """Who took part in a phase, by role: those who posted in it (phases 1 and 2), or who gave points
    or commented (the restitution). Phones that only watched are not counted: nothing says they came."""
    if phase is PhaseKey.RESTITUTION:
        ids = {pid for vote in session.votes.votes for pid, given in vote.allocations.items() if any(given.values())}
        ids |= {c.author_id for c in session.comments.comments.values()}
    else:
        ids = {c.author_id for c in session.contributions.values() if c.phase is phase and c.author_id}
    counts = Counter(session.participants[pid].role for pid in ids if pid in session.participants)
    return [(role, counts[role]) for role in Role if counts[role]]


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
