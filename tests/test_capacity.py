"""Open files: the server raises its own limit so that a full hall's phones are not turned away."""

from __future__ import annotations

import resource

from atelier.capacity import WANTED_PHONES, capacity_warning, raise_open_file_limit


class FakeLimits:
    def __init__(self, soft: int, hard: int, refuse_above: int | None = None) -> None:
        self.soft, self.hard, self.refuse_above = soft, hard, refuse_above

    def get(self, _: int) -> tuple[int, int]:
        return self.soft, self.hard

    def set(self, _: int, limits: tuple[int, int]) -> None:
        if self.refuse_above is not None and limits[0] > self.refuse_above:
            raise ValueError("not allowed")
        self.soft = limits[0]


def test_a_linux_desktop_limit_is_raised_to_the_hard_one() -> None:
    limits = FakeLimits(1024, 524288)
    assert raise_open_file_limit(limits.get, limits.set) == 524288 == limits.soft
    assert capacity_warning(limits.soft) is None


def test_a_macos_terminal_limit_is_raised_as_far_as_macos_allows() -> None:
    limits = FakeLimits(256, resource.RLIM_INFINITY, refuse_above=10240)
    assert raise_open_file_limit(limits.get, limits.set) == 10240
    assert capacity_warning(limits.soft) is None


def test_a_limit_that_cannot_be_raised_is_said_in_french_with_what_to_do() -> None:
    limits = FakeLimits(256, 256)
    assert raise_open_file_limit(limits.get, limits.set) == 256
    warning = capacity_warning(256)
    assert warning is not None and "192 téléphones" in warning and "ulimit -n 4096" in warning
    assert capacity_warning(WANTED_PHONES + 64) is None
