"""The service announces each accepted change once, to the right audience; refusals announce nothing."""

from __future__ import annotations

import asyncio

import pytest

from atelier import live
from atelier.domain.changes import (
    AddContribution,
    DeleteOwnContribution,
    EditOwnContribution,
    RegisterParticipant,
    SetPhaseStatus,
    ToggleShare,
)
from atelier.domain.errors import DomainError, NotFound
from atelier.domain.events import (
    ContributionAdded,
    ContributionChanged,
    ContributionDeleted,
    ParticipantJoined,
    PhaseChanged,
)
from atelier.domain.model import PhaseKey, PhaseStatus
from atelier.service import SessionService
from tests.conftest import COMMUNES, THEMES, durable, refused


async def open_session(service: SessionService) -> str:
    session = await service.create_session(territory="CC du Val", communes=COMMUNES, themes=THEMES)
    await service.apply(session.code, SetPhaseStatus(PhaseKey.ETAT_DES_LIEUX, PhaseStatus.OPEN))
    await service.apply(session.code, RegisterParticipant("alice", role="elu", commune="Vernoux"))
    await service.apply(session.code, RegisterParticipant("bob", role="elu", commune="Fontenelle"))
    return session.code


async def test_each_accepted_action_is_announced_once(service: SessionService) -> None:
    code = await open_session(service)
    c = await service.apply(code, AddContribution("alice", kind="difficulte", text="x", theme="Santé", risk="faible"))
    await service.apply(code, ToggleShare("bob", c.id))
    await service.apply(code, EditOwnContribution("alice", c.id, text="y", theme="Santé", commune="Vernoux",
                                                  risk="faible"))
    await service.apply(code, DeleteOwnContribution("alice", c.id))
    kinds = [type(e) for e in service.published]  # type: ignore[attr-defined]
    assert kinds == [PhaseChanged, ParticipantJoined, ParticipantJoined, ContributionAdded,
                     ContributionChanged, ContributionChanged, ContributionDeleted]


async def test_changing_a_profile_is_not_a_new_arrival(service: SessionService) -> None:
    code = await open_session(service)
    await service.apply(code, RegisterParticipant("alice", role="elu", commune="Marcilly"))
    assert sum(isinstance(e, ParticipantJoined) for e in service.published) == 2  # type: ignore[attr-defined]


async def test_refused_action_stores_and_announces_nothing(service: SessionService) -> None:
    code = await open_session(service)
    before = list(service.published)  # type: ignore[attr-defined]
    with pytest.raises(DomainError):
        await service.apply(code, AddContribution("alice", kind="difficulte", text="", theme="Santé", risk="faible"))
    assert service.published == before  # type: ignore[attr-defined]
    assert durable(service.store, code)["contributions"] == []


async def test_codes_are_found_whatever_the_case_and_unknown_ones_say_so(service: SessionService) -> None:
    code = await open_session(service)
    assert service.get(code.lower()).code == code
    with refused(NotFound, match="Aucune démarche ne porte le code « ZZZZZZ »"):
        service.get("ZZZZZZ")


async def test_invalid_new_session_is_not_kept(service: SessionService) -> None:
    with pytest.raises(DomainError):
        await service.create_session(territory="", communes="A", themes="T")
    assert service.list_sessions() == []


def test_a_phone_hears_its_own_contributions_and_phase_changes_not_the_room(session) -> None:
    c = session.add_contribution("alice", kind="difficulte", text="x", theme="Santé", risk="faible",
                                 now=session.created_at)
    assert set(live.channels_for(ContributionAdded("ABCDEF", 1, c))) == {
        live.wall("ABCDEF"), live.author("ABCDEF", "alice")}
    assert live.channels_for(PhaseChanged("ABCDEF", 2, session.phases[PhaseKey.ETAT_DES_LIEUX])) == [
        live.session("ABCDEF")]
    assert live.channels_for(ParticipantJoined("ABCDEF", 3, session.participants["bob"])) == [live.wall("ABCDEF")]


def test_hub_delivers_only_to_the_subscribed_channels(session) -> None:
    hub = live.LiveHub()
    heard: dict[str, list] = {"wall": [], "alice": [], "bob": [], "other": []}
    hub.subscribe(live.wall("ABCDEF"), heard["wall"].append)
    hub.subscribe(live.author("ABCDEF", "alice"), heard["alice"].append)
    hub.subscribe(live.author("ABCDEF", "bob"), heard["bob"].append)
    hub.subscribe(live.wall("ZZZZZZ"), heard["other"].append)
    c = session.add_contribution("alice", kind="difficulte", text="x", theme="Santé", risk="faible",
                                 now=session.created_at)
    hub.publish(ContributionAdded("ABCDEF", 1, c))
    assert [len(v) for v in heard.values()] == [1, 1, 0, 0]


async def test_a_room_wide_event_reaches_every_page_in_order_without_holding_the_loop(session) -> None:
    """600 phones hear an axe presented, then the vote opened: one shard of pages per turn of the loop."""
    hub = live.LiveHub()
    heard: list[list[int]] = [[] for _ in range(600)]
    for page in heard:
        hub.subscribe(live.session("ABCDEF"), lambda event, page=page: page.append(event.version))
    between: list[int] = []  # how many pages had heard the first event each time something else ran

    async def someone_else() -> None:
        for _ in range(50):
            between.append(sum(1 for page in heard if page))
            await asyncio.sleep(0)

    other = asyncio.create_task(someone_else())
    phase = session.phases[PhaseKey.ETAT_DES_LIEUX]
    hub.publish(PhaseChanged("ABCDEF", 1, phase))
    hub.publish(PhaseChanged("ABCDEF", 2, phase))
    assert sum(1 for page in heard if page) == live.SHARD_SIZE  # the first shard at once
    while hub.pending:
        await asyncio.sleep(0)
    await other
    assert all(page == [1, 2] for page in heard)
    assert any(0 < count < 600 for count in between)  # the loop ran other work mid-delivery


async def test_posts_queued_behind_a_room_wide_event_are_served_many_per_turn(session) -> None:
    """The queue keeps pace with a busy room: small events share a turn instead of taking one each."""
    hub = live.LiveHub()
    for _ in range(600):
        hub.subscribe(live.session("ABCDEF"), lambda event: None)
    walls: list[int] = []
    hub.subscribe(live.wall("ABCDEF"), lambda event: walls.append(event.version))
    hub.subscribe(live.wall("ABCDEF"), lambda event: None)
    hub.publish(PhaseChanged("ABCDEF", 1, session.phases[PhaseKey.ETAT_DES_LIEUX]))
    for version in range(2, 202):
        c = session.add_contribution("alice", kind="difficulte", text=f"n° {version}", theme="Santé",
                                     risk="faible", now=session.created_at)
        hub.publish(ContributionAdded("ABCDEF", version, c))
    turns = 0
    while hub.pending and turns < 1000:
        await asyncio.sleep(0)
        turns += 1
    assert walls == list(range(2, 202))  # every post, in order
    assert turns <= 600 // live.SHARD_SIZE + 200 * 2 // live.SHARD_SIZE + 5
