"""What a page's fields accept from a browser: only a value that field's browser side could send.

NiceGUI turns a select's, a radio's or a toggle's event into one of its options by index, and takes
a text field's, a checkbox's or a number's value as sent. A forged event — an index out of range,
negative or a boolean, a string where an index is expected, a list or a number where text is — would
raise inside NiceGUI's handler (a traceback in the log) or quietly pick another option than the one
sent. Installed once at start: such an event leaves the field as it was, and the page goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments

log = logging.getLogger(__name__)
_INSTALLED = False


class Refused(Exception):
    """An event no real browser of this field sends."""


def _index(args: Any, count: int) -> int:
    if isinstance(args, bool) or not isinstance(args, int) or not 0 <= args < count:
        raise Refused
    return args


def _select(element: Any, args: Any) -> Any:
    if element.multiple:
        if args is None:
            return args
        if not isinstance(args, list):
            raise Refused
        for arg in args:
            if not isinstance(arg, dict):
                raise Refused  # a string would be a new value: none of atelier's selects accepts one
            _index(arg.get("value"), len(element._values))
        return args
    if args is None:
        return args
    if not isinstance(args, dict):
        raise Refused
    _index(args.get("value"), len(element._values))
    return args


def _choice(element: Any, args: Any) -> Any:
    return args if args is None and isinstance(element, ui.toggle) else _index(args, len(element._values))


def _text(element: Any, args: Any) -> Any:
    if args is not None and not isinstance(args, str):
        raise Refused
    return args


def _flag(element: Any, args: Any) -> Any:
    if not isinstance(args, bool):
        raise Refused
    return args


def _number(element: Any, args: Any) -> Any:
    if args in (None, ""):
        return args
    if isinstance(args, bool) or not isinstance(args, int | float | str):
        raise Refused
    try:
        float(args)
    except ValueError:
        raise Refused from None
    return args


CHECKS: dict[type, Callable[[Any, Any], Any]] = {
    ui.select: _select, ui.radio: _choice, ui.toggle: _choice, ui.input: _text, ui.checkbox: _flag,
    ui.switch: _flag, ui.number: _number,
}


def install() -> None:
    """Wrap each field class's reading of its event (subclasses, such as ui.textarea, follow)."""
    global _INSTALLED
    if _INSTALLED:
        return
    _INSTALLED = True
    for cls, check in CHECKS.items():
        _guard(cls, check)


def _guard(cls: type, check: Callable[[Any, Any], Any]) -> None:
    original = cls._event_args_to_value  # type: ignore[attr-defined]

    def checked(self: Any, e: GenericEventArguments) -> Any:
        try:
            check(self, e.args)
            return original(self, e)
        except Refused:
            log.info("refused a forged value for a %s: %.80r", type(self).__name__, e.args)
            return self.value  # the field keeps what it held: nothing changes, nothing is stored
        except (IndexError, KeyError, TypeError, ValueError):
            log.info("refused an unreadable value for a %s: %.80r", type(self).__name__, e.args)
            return self.value

    cls._event_args_to_value = checked  # type: ignore[attr-defined]
