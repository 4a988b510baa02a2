"""« Un bulletin par code »: a phone votes only with a one-use code, a code serves one phone."""

from __future__ import annotations

from datetime import timedelta

import pytest

from atelier.domain.changes import OpenVote, RedeemBallotCode, SetPoints, replay
from atelier.domain.errors import InvalidInput, NotAllowed, NotFound
from atelier.domain.records import session_from_record, session_record
from atelier.domain.session import Session
from atelier.domain.votes import BALLOT_CODE_ALPHABET, MAX_BALLOT_CODES, draw_ballot_codes
from tests.conftest import T0, refused


def pistes(session: Session) -> list[int]:
    return [line.id for line in session.axes.items("piste")]  # type: ignore[arg-type]


def test_drawn_codes_are_distinct_readable_and_as_many_as_asked() -> None:
    codes = draw_ballot_codes(300)
    assert len(codes) == len(set(codes)) == 300
    assert all(len(c) == 6 and set(c) <= set(BALLOT_CODE_ALPHABET) for c in codes)
    assert not set("O0I1L") & set("".join(codes)), "nothing a voter could misread"
    for count in (0, MAX_BALLOT_CODES + 1):
        with refused(InvalidInput, match=f"De 1 à {MAX_BALLOT_CODES} bulletins"):
            draw_ballot_codes(count)


def test_without_its_code_a_phone_cannot_vote_and_with_it_it_can(plenary: Session) -> None:
    bus, *_ = pistes(plenary)
    code, _ = draw_ballot_codes(2)
    vote = plenary.open_vote("piste", now=T0, ballot_codes=(code, _))
    with refused(NotAllowed, match="saisissez d'abord le code de votre bulletin"):
        plenary.set_points("alice", bus, 1)
    assert vote.voters == 0
    plenary.redeem_ballot_code("alice", f" {code[:3].lower()} {code[3:]} ")  # as typed on a phone
    assert plenary.set_points("alice", bus, 2) == 3
    assert vote.codes_used == 1 and vote.voters == 1


def test_a_code_serves_one_phone_and_a_phone_one_code(plenary: Session) -> None:
    first, second = draw_ballot_codes(2)
    plenary.open_vote("piste", now=T0, ballot_codes=(first, second))
    plenary.redeem_ballot_code("alice", first)
    plenary.redeem_ballot_code("alice", first)  # the same code again on the same phone: nothing changes
    with refused(NotAllowed, match="a déjà servi sur un autre téléphone"):
        plenary.redeem_ballot_code("bob", first)
    with refused(NotAllowed, match="un seul code par téléphone"):
        plenary.redeem_ballot_code("alice", second)
    with refused(NotFound, match="Ce code de bulletin n'existe pas"):
        plenary.redeem_ballot_code("bob", "ZZZZZZ" if "ZZZZZZ" not in (first, second) else "YYYYYY")
    plenary.redeem_ballot_code("bob", second)
    assert plenary.votes.current is not None and plenary.votes.current.codes_used == 2


def test_an_open_vote_needs_no_code_and_a_closed_one_takes_none(plenary: Session) -> None:
    plenary.open_vote("piste", now=T0)
    with refused(NotAllowed, match="aucun code n'est nécessaire"):
        plenary.redeem_ballot_code("alice", "ABCDEF")
    plenary.votes.close_current(T0)
    with refused(NotAllowed, match="Aucun vote n'est ouvert"):
        plenary.redeem_ballot_code("alice", "ABCDEF")


@pytest.mark.parametrize("codes", [("abc",), ("ABCDEF", "ABCDEF"), ("ABCDE0",), (123,)])
def test_malformed_codes_never_open_a_vote(plenary: Session, codes: tuple) -> None:
    with refused(InvalidInput, match="n'ont pas pu être préparés"):
        plenary.open_vote("piste", now=T0, ballot_codes=codes)
    assert plenary.votes.current is None


def test_codes_and_who_used_them_survive_the_record_and_the_journal(plenary: Session) -> None:
    bus, *_ = pistes(plenary)
    codes = draw_ballot_codes(3)
    before = session_record(plenary)
    entries = []
    for i, change in enumerate([OpenVote("piste", ballot_codes=codes), RedeemBallotCode("alice", codes[1]),
                                SetPoints("alice", bus, 1)], start=plenary.version + 1):
        entries.append({"v": i, "at": (T0 + timedelta(seconds=i)).isoformat(), "change": change.record()})
    replayed = replay(session_from_record(before), entries)
    vote = replayed.votes.current
    assert vote is not None and vote.ballot_codes == {codes[0]: "", codes[1]: "alice", codes[2]: ""}
    assert vote.points_of("alice") == {bus: 1}
    reloaded = session_from_record(session_record(replayed)).votes.current
    assert reloaded is not None and reloaded.ballot_codes == vote.ballot_codes and not reloaded.has_ballot("bob")
