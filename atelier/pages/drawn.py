"""Elements the browser draws from their properties (Vue components of the project's own).

A NiceGUI label, field or button costs the server a Python object, its observables and its share of
every page render; a hall of 1,000 phones joins, posts and shares at once. What every phone shows
many of (its forms, its lists) is therefore one element each, whose data a small component in
`atelier/pages/*.js` draws. Texts are always shown by Vue's `{{ }}` (as text, never as HTML).

What such an element sends back is untrusted like any other event: `fields` takes only the named
strings of a plain object and refuses anything else, so a forged event is ignored without a
traceback, and the domain checks every value again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from nicegui import ui
from nicegui.events import GenericEventArguments


def fields(args: object, names: tuple[str, ...]) -> dict[str, str] | None:
    """The event's named strings (a missing one is ""), or None if it is not what our components send."""
    if not isinstance(args, dict):
        return None
    values = {name: args.get(name, "") for name in names}
    if not all(type(value) is str for value in values.values()):
        return None
    return values


def strings(value: Any) -> Iterator[str]:
    """Every string inside `value` (props of lists and dicts), for the test double's « should see »."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


class Drawn(ui.element):
    """Base of the browser-drawn elements: what it shows is the strings of its `SHOWN` props.

    Its data props are plain values, replaced whole, never changed in place: NiceGUI would otherwise
    wrap every list and dict inside them in an observable, per page (a phone's commune options
    alone are a hundred small dicts), to learn of in-place changes nobody makes here.
    """

    SHOWN: tuple[str, ...] = ()

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        return [text for name in self.SHOWN for text in strings(self._props.get(name))]

    def init(self, **props: Any) -> None:
        """The first properties, while the page is built (nothing is sent yet)."""
        dict.update(self._props, props)

    def set(self, **props: Any) -> None:
        """Change some properties; one update is sent, and only if something changed."""
        if all(self._props.get(name) == value for name, value in props.items()):
            return
        dict.update(self._props, props)
        self.update()


class ContributionCard(Drawn, component="contribution_card.js"):
    """One contribution in a list: a title line, its text, its facts, and its buttons.

    `on_action` gets the key of the button tapped (only keys this card shows are passed on).
    """

    SHOWN = ("title", "text", "meta")

    def __init__(self, on_action: Callable[[str], Awaitable[Any] | Any]) -> None:
        super().__init__()
        self.init(title="", text="", meta="", textClass="", buttons=[], side=False)

        async def tapped(event: GenericEventArguments) -> None:
            key = event.args
            if isinstance(key, str) and any(b["key"] == key for b in self._props["buttons"]):
                outcome = on_action(key)
                if isinstance(outcome, Awaitable):
                    await outcome

        self.on("action", tapped)

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        return [*super()._displayed_contents(only_visible=only_visible),
                *(b["label"] for b in self._props["buttons"])]


def button(key: str, label: str, *, filled: bool = False, color: str = "primary") -> dict[str, Any]:
    """One of a card's buttons."""
    return {"key": key, "label": label, "filled": filled, "color": color}


class CardList(Drawn, component="card_list.js"):
    """A title, a hint and a few contributions, each with its buttons: one element for the whole list.

    `on_action(contribution id, button key)` is called for a button this list shows.
    """

    SHOWN = ("title", "hint")

    def __init__(self, on_action: Callable[[int, str], Awaitable[Any] | Any]) -> None:
        super().__init__()
        self.init(title="", hint="", items=[])

        async def tapped(event: GenericEventArguments) -> None:
            args = event.args if isinstance(event.args, dict) else {}
            cid, key = args.get("id"), args.get("key")
            shown = next((item for item in self._props["items"] if item["id"] == cid), None)
            if type(cid) is int and shown is not None and any(b["key"] == key for b in shown["buttons"]):
                outcome = on_action(cid, str(key))
                if isinstance(outcome, Awaitable):
                    await outcome

        self.on("action", tapped)

    def _displayed_contents(self, *, only_visible: bool) -> list[Any]:
        return [*super()._displayed_contents(only_visible=only_visible),
                *(text for item in self._props["items"]
                  for text in (item["text"], item["meta"], *(b["label"] for b in item["buttons"])))]

    def item(self, cid: int) -> dict[str, Any] | None:
        return next((item for item in self._props["items"] if item["id"] == cid), None)
