"""Analysis between soirées: filters with counts, and the gap map of needs against offer."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import pytest

from atelier.domain.analysis import (
    NONE,
    ContributionFilter,
    FacetTally,
    GapRow,
    GapTally,
    counts_in_analysis,
    facet_counts,
    gap_by_theme,
    gap_map,
)
from atelier.domain.model import Contribution, ContributionKind, PhaseKey, PhaseStatus
from atelier.domain.session import Session
from tests.conftest import T0, THEMES


def filter_contributions(contributions: Iterable[Contribution], criteria: ContributionFilter) -> list[Contribution]:
    """The reference the screen's incremental filtering is checked against."""
    return [c for c in contributions if criteria.accepts(c)]


def gap_by_commune(contributions: Iterable[Contribution], communes: Iterable[str] = ()) -> list[GapRow]:
    """The batch gap map by commune ("" the whole territory), as a reference for the live tally."""
    return gap_map(contributions, lambda c: c.commune or NONE, communes)


SERIAL = itertools.count(1)  # each post its own text: the same post twice within seconds is a double tap


def difficulty(session: Session, risk: str, theme: str = "Mobilité", author: str = "alice", **fields):
    return session.add_contribution(author, kind="difficulte", text=f"Difficulté {next(SERIAL)}", theme=theme,
                                    risk=risk, now=T0, **fields)


def resource(session: Session, theme: str = "Mobilité", author: str = "alice", **fields):
    return session.add_contribution(author, kind="ressource", text=f"Ressource {next(SERIAL)}", theme=theme, now=T0,
                                    **fields)


def recommend(session: Session, theme: str) -> None:
    session.set_phase_status(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.CLOSED, T0)
    session.set_phase_status(PhaseKey.TEMOIGNAGES, PhaseStatus.OPEN, T0)
    session.add_contribution("mission", kind="preconisation", text="Un bus", theme=theme, now=T0)


@pytest.fixture
def territory(session: Session) -> Session:
    """Mobilité: 2 élevé + 1 faible against 1 ressource; Santé: 1 modéré against 3 ressources."""
    difficulty(session, "eleve")
    difficulty(session, "eleve", author="bob")
    difficulty(session, "faible", commune="")
    resource(session, commune="Vernoux")
    difficulty(session, "modere", theme="Santé")
    for _ in range(3):
        resource(session, theme="Santé", structure="CCAS")
    recommend(session, "Mobilité")
    return session


def test_gap_per_theme_weighs_difficulties_by_risk_and_puts_the_worst_first(territory: Session) -> None:
    rows = gap_by_theme(territory.visible_contributions(), THEMES)
    assert [(r.key, r.difficulties, r.need, r.offer, r.recommendations, r.gap, r.needs_outweigh_offer)
            for r in rows] == [
        ("Mobilité", 3, 7, 1, 1, 6, True),
        ("Petite enfance", 0, 0, 0, 0, 0, False),
        ("Santé", 1, 2, 3, 0, -1, False),
    ]


def test_gap_per_commune_keys_the_whole_territory_as_empty(territory: Session) -> None:
    rows = {r.key: r for r in gap_by_commune(territory.visible_contributions(), territory.communes)}
    assert (rows["Fontenelle"].need, rows["Fontenelle"].offer) == (3 + 2, 3)
    assert (rows["Vernoux"].need, rows["Vernoux"].offer) == (3, 1)
    assert (rows[""].need, rows[""].recommendations) == (1, 1)
    assert rows["Marcilly"].gap == 0


def test_hidden_and_merged_contributions_leave_the_gap_map(territory: Session) -> None:
    high = [c for c in territory.contributions.values() if c.risk and c.risk.weight == 3]
    territory.set_hidden(high[0].id, True, T0)
    assert gap_by_theme(territory.visible_contributions())[0].need == 3 + 1
    territory.set_hidden(high[0].id, False, T0)
    territory.merge_contributions(high[0].id, high[1].id, now=T0)
    mobility = gap_by_theme(territory.visible_contributions())[0]
    assert (mobility.difficulties, mobility.need) == (2, 3 + 1)


def test_gap_ties_keep_the_order_of_the_listed_keys() -> None:
    assert [r.key for r in gap_by_theme([], ["B", "A", "C"])] == ["B", "A", "C"]


def test_filters_combine_and_counts_describe_the_filtered_list(territory: Session) -> None:
    visible = territory.visible_contributions()
    mobility = filter_contributions(visible, ContributionFilter(theme="Mobilité"))
    facets = facet_counts(mobility)
    assert facets.total == 5
    assert facets.by_kind == {ContributionKind.DIFFICULTY: 3, ContributionKind.RESOURCE: 1,
                              ContributionKind.RECOMMENDATION: 1}
    assert facets.by_phase == {PhaseKey.ETAT_DES_LIEUX: 4, PhaseKey.TEMOIGNAGES: 1}
    assert facets.by_commune == {"Fontenelle": 1, "Vernoux": 2, "": 2}
    assert facets.by_structure[""] == 4 and facets.by_structure["Mission Locale"] == 1


@pytest.mark.parametrize(("criteria", "expected"), [
    (ContributionFilter(), 9),
    (ContributionFilter(phase=PhaseKey.TEMOIGNAGES), 1),
    (ContributionFilter(kind=ContributionKind.RESOURCE), 4),
    (ContributionFilter(commune=""), 2),
    (ContributionFilter(commune="Vernoux", kind=ContributionKind.DIFFICULTY), 1),
    (ContributionFilter(structure="CCAS"), 3),
    (ContributionFilter(structure=""), 5),
    (ContributionFilter(theme="Santé", structure="Mission Locale"), 0),
])
def test_each_filter_selects_what_it_says(territory: Session, criteria: ContributionFilter, expected: int) -> None:
    assert len(filter_contributions(territory.visible_contributions(), criteria)) == expected


def test_tallies_follow_changes_one_contribution_at_a_time(territory: Session) -> None:
    """What a live page keeps: put each change, discard what left, and the counts match a recount."""
    facets, gaps = FacetTally(), GapTally(lambda c: c.commune or "", territory.communes)
    for c in territory.contributions.values():
        facets.put(c)
        gaps.put(c)
    first = territory.contributions[1]
    territory.moderate_edit(first.id, text="Déplacée", theme="Santé", commune="Marcilly", risk="faible", now=T0)
    facets.put(first)
    gaps.put(first)
    for c in [c for c in territory.contributions.values() if c.commune is None]:
        facets.discard(c.id)
        gaps.discard(c.id)
    remaining = [c for c in territory.contributions.values() if c.commune is not None]
    assert facets.facets == facet_counts(remaining)
    assert gaps.rows() == gap_by_commune(remaining, territory.communes)
    assert "" not in {row.key for row in gaps.rows()}  # the whole territory had only these
    assert first.id in facets and len(facets) == len(remaining)


def test_hidden_ones_count_only_when_asked_and_merged_originals_never(territory: Session) -> None:
    first, second = territory.contributions[1], territory.contributions[2]
    territory.set_hidden(first.id, True, T0)
    assert not counts_in_analysis(first) and counts_in_analysis(first, include_hidden=True)
    territory.set_hidden(first.id, False, T0)
    merged = territory.merge_contributions(first.id, second.id, now=T0)
    assert not counts_in_analysis(first, include_hidden=True) and counts_in_analysis(merged)
