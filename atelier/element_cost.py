"""What building one NiceGUI element costs, cut where a profile of 600 phones joining showed waste.

Every element NiceGUI builds creates observable props, classes and style, each registering its
element's `update` method as change handler; for each one NiceGUI asks `inspect.signature` whether
the handler takes arguments. That question always has the same answer for the same function, yet it
was 18 % of the server's time while a hall joined. `install()` memoises the answer per function
(bound methods share their function's answer: `self` is already bound); anything else (partials,
callable objects, wrapped functions) is still asked each time, so a handler is never answered
wrongly.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

from nicegui import helpers
from nicegui.helpers import functions

_uncached = functions.expects_arguments
# Keyed by code object, not by function: closures made per page share their code, and a key must
# never keep a page alive. The answer depends only on the code and which parameters have defaults.
_answers: dict[tuple[types.CodeType, int, bool, frozenset[str]], bool] = {}


def expects_arguments(func: Callable[..., Any]) -> bool:
    bound = isinstance(func, types.MethodType)
    plain = func.__func__ if isinstance(func, types.MethodType) else func
    if not isinstance(plain, types.FunctionType) or hasattr(plain, "__wrapped__") \
            or hasattr(plain, "__signature__"):
        return _uncached(func)
    key = (plain.__code__, len(plain.__defaults__ or ()), bound, frozenset(plain.__kwdefaults__ or ()))
    answer = _answers.get(key)
    if answer is None:
        answer = _answers[key] = _uncached(func)
    return answer


def install() -> None:
    """NiceGUI's modules call `helpers.expects_arguments` through the package: one place to set."""
    helpers.expects_arguments = expects_arguments
