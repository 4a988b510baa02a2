"""A small hall through the real protocol (benchmarks/load.py with 30 phones): everything is
delivered and no phone is dropped, in every scenario. The figures are printed by the benchmark,
never asserted here."""

from __future__ import annotations

import pytest

from benchmarks.load import SCENARIOS, run

PHONES = 30


@pytest.mark.parametrize("scenario", SCENARIOS)
async def test_thirty_phones_get_everything_and_none_is_dropped(scenario: str) -> None:
    result = await run(PHONES, scenario)
    assert result["join"]["delivered"] == PHONES, "every phone got in"
    assert result["files_kb_per_phone"] > 200, "each phone loaded its page's scripts and styles, as a browser does"
    if scenario in ("burst", "burst5000", "share"):
        assert result["burst_console"]["delivered"] == PHONES, "every post reached the console"
        assert result["burst"]["delivered"] > 0, "posts reach the projection's wall"
    if scenario == "share":
        assert result["share"]["delivered"] == 3 * PHONES, "every « Je partage aussi » was stored and confirmed"
    if scenario == "vote":
        assert result["vote_shown"]["delivered"] == PHONES, "every phone shows its ballot"
        assert result["vote_taps"]["delivered"] == PHONES, "every point given reaches the projection's bars"
        assert result["present"]["delivered"] == PHONES, "every phone shows the presented axe"
        assert result["close"]["delivered"] == PHONES, "every phone is frozen once the vote closes"
    assert result["disconnects"] == 0
