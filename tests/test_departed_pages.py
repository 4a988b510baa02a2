"""Pages that leave are collected, frozen or not; the collection waits when it would walk a full hall."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from atelier.gc_watch import CHEAP_WALK, FOLLOW_UPS, TIDY_SPACING, DepartedPages


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """A collection freezes what lives: the test process is given back as it was."""
    yield
    gc.unfreeze()


class Hall:
    def __init__(self, pages: int) -> None:
        self.pages = {f"page-{i}" for i in range(pages)}
        self.now = 1_000.0

    def leave(self, count: int) -> None:
        for page in sorted(self.pages)[:count]:
            self.pages.remove(page)


def watching(hall: Hall) -> DepartedPages:
    tidy = DepartedPages(lambda: set(hall.pages), clock=lambda: hall.now)
    tidy.check()  # the pages there now are seen
    return tidy


def test_a_page_frozen_then_left_is_collected_once_pages_have_left() -> None:
    class Page:  # a cycle, as NiceGUI's elements and their client make
        def __init__(self) -> None:
            self.me = self

    gc.collect()
    page = Page()
    gc.freeze()
    seen = weakref.ref(page)
    del page
    hall = Hall(5)
    tidy = watching(hall)
    hall.leave(5)
    assert tidy.check(), "the hall emptied: collected at once"
    assert seen() is None, "the frozen page is gone"


def test_in_a_small_hall_every_departure_wave_is_collected_then_followed_up() -> None:
    hall = Hall(60)
    tidy = watching(hall)
    hall.leave(10)
    assert not tidy.check(), "10 of 60: not yet worth a collection"
    hall.leave(10)
    assert tidy.check() and tidy.tidies == 1
    assert [tidy.check() for _ in range(FOLLOW_UPS + 2)] == [True] * FOLLOW_UPS + [False, False]
    assert not tidy.pending


def test_in_a_full_hall_collections_wait_between_two() -> None:
    hall = Hall(600)
    tidy = watching(hall)
    hall.leave(200)
    assert tidy.check(), "a third of a full hall left: collected"
    hall.leave(150)
    hall.now += 60
    assert not tidy.check(), "a minute later: the walk of hundreds of pages waits"
    hall.now += TIDY_SPACING
    assert tidy.check(), "five minutes later: collected"
    assert len(hall.pages) > CHEAP_WALK
