"""No single client floods the laptop: per participant and per address, a sliding window each."""

from __future__ import annotations

from atelier.rate_limits import SLOWDOWN_MAX, RateLimits, SlidingWindow


class Ticks:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_window_allows_its_limit_then_refuses_until_the_oldest_event_is_a_window_old() -> None:
    clock = Ticks()
    window = SlidingWindow(3, 60, clock)
    assert [window.hit("anne") for _ in range(4)] == [True, True, True, False]
    assert window.hit("bruno"), "another key has its own allowance"
    clock.now += 61
    assert window.hit("anne"), "a minute later it is allowed again"


def test_keys_idle_for_a_window_are_forgotten_and_a_flooders_history_stays_bounded() -> None:
    clock = Ticks()
    window = SlidingWindow(2, 60, clock)
    for n in range(500):
        window.hit(f"phone-{n}")
    for _ in range(10_000):
        window.hit("flooder")
    assert len(window._events["flooder"]) <= 2 * 2 + 10
    clock.now += 61
    window.hit("late")
    assert set(window._events) == {"late"}


def test_wrong_codes_are_answered_at_once_then_more_and_more_slowly() -> None:
    clock = Ticks()
    rates = RateLimits(wrong_codes=SlidingWindow(5, 60, clock))
    delays = [rates.wrong_code_delay("10.0.0.9") for _ in range(20)]
    assert delays[:5] == [0.0] * 5 and 0 < delays[5] < delays[8] and max(delays) == SLOWDOWN_MAX
    assert rates.wrong_code_delay("10.0.0.10") == 0.0, "another address is not slowed"
