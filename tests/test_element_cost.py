"""The memoised « does this handler take arguments? » gives NiceGUI the answer it would compute itself."""

from __future__ import annotations

import functools
import gc
import weakref
from collections.abc import Callable
from typing import Any

import pytest
from nicegui.helpers import functions

from atelier import element_cost


class Page:
    def refresh(self) -> None: ...
    def on_event(self, event: object) -> None: ...
    def on_maybe(self, event: object = None) -> None: ...


def make_handler(with_argument: bool) -> Callable[..., None]:
    if with_argument:
        def handler(event: object) -> None: ...
    else:
        def handler() -> None: ...  # type: ignore[misc]
    return handler


def closure(name: str) -> Callable[[], None]:
    def said() -> None:
        print(name)
    return said


def wrapped(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def inner(*args: Any) -> Any:
        return func(*args)
    return inner


HANDLERS: list[Callable[..., Any]] = [
    Page().refresh, Page().on_event, Page().on_maybe, Page.on_event, make_handler(True), make_handler(False),
    closure("a"), closure("b"), lambda: None, lambda event: None, functools.partial(lambda a, b: None, 1),
    wrapped(lambda event: None), wrapped(lambda: None), print, len,
]


@pytest.mark.parametrize("handler", HANDLERS)
def test_the_answer_is_nicegui_s_own(handler: Callable[..., Any]) -> None:
    assert element_cost.expects_arguments(handler) is functions.expects_arguments(handler)
    assert element_cost.expects_arguments(handler) is functions.expects_arguments(handler)  # memoised too


def test_a_page_s_handlers_are_not_kept_alive_by_the_memo() -> None:
    page = Page()
    gone = weakref.ref(page)
    element_cost.expects_arguments(page.on_event)
    element_cost.expects_arguments(closure("page"))
    del page
    gc.collect()
    assert gone() is None
