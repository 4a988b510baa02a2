"""What sending a page and its updates costs, cut where a profile of a hall joining showed waste.

Two pure-Python loops over every character or every value, on every page and every message:
- NiceGUI escapes a page's element tree for the HTML with `str.translate` and a table of
  multi-character replacements; on French text (not ASCII) CPython takes its slow path, about 1 ms
  per phone page, where five `str.replace` calls take 0.06 ms for the same result.
- python-socketio asks, for each message it sends, whether it holds bytes, by walking every value
  in Python (about 0.5 ms for a phone's page). Serialising the message with orjson, in C, answers
  « no » in a tenth of the time (orjson refuses bytes), and the walk runs only when orjson refuses
  something, so the answer is always the one socket.io would give.
`install()` sets both; `tests/test_wire_cost.py` checks they answer as the originals do.
"""

from __future__ import annotations

from typing import Any

import orjson
from nicegui import client as nicegui_client
from nicegui import core
from nicegui import json as nicegui_json
from socketio.packet import Packet

HTML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("`", "&#96;"), ("$", "&#36;"))


class EscapedJson(str):
    """The JSON of a page's elements; `translate` with NiceGUI's HTML table is done by replacements."""

    def translate(self, table: Any) -> str:
        if table is not nicegui_client.HTML_ESCAPE_TABLE:
            return super().translate(table)
        text = str(self)
        for character, entity in HTML_ESCAPES:  # « & » first: the entities' own « & » stay as they are
            text = text.replace(character, entity)
        return text


class _JsonForPages:
    """`nicegui.json` as `nicegui.client` sees it: the same functions, `dumps` giving an `EscapedJson`."""

    def __getattr__(self, name: str) -> Any:
        return getattr(nicegui_json, name)

    @staticmethod
    def dumps(*args: Any, **kwargs: Any) -> str:
        return EscapedJson(nicegui_json.dumps(*args, **kwargs))


class QuickPacket(Packet):  # type: ignore[misc]
    @classmethod
    def data_is_binary(cls, data: Any) -> bool:
        try:
            orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY)
        except TypeError:  # something orjson will not write (bytes among them): ask the original walk
            return bool(super().data_is_binary(data))
        return False


def install() -> None:
    """Call once, before the first page is served."""
    if nicegui_client.HTML_ESCAPE_TABLE != _expected_table():
        return  # NiceGUI changed its escaping: keep its own
    nicegui_client.json = _JsonForPages()  # type: ignore[attr-defined,assignment]
    core.sio.packet_class = QuickPacket


def _expected_table() -> dict[int, str]:
    return str.maketrans(dict(HTML_ESCAPES))
