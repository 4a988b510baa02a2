"""The quicker escaping and binary check give NiceGUI and socket.io the answers their own would."""

from __future__ import annotations

from typing import Any

import pytest
from nicegui import client as nicegui_client
from socketio.packet import BINARY_EVENT, EVENT, Packet

from atelier import wire_cost

TEXTS = [
    "", "plain ascii", "Mobilité : « pas de bus » après 18 h — 5 € & <b>gras</b> `code` ${injection}",
    "&amp; déjà échappé &lt;", "\u2019 apostrophe typographique, œuvre, naïf", "$$$```<<<>>>&&&",
]


@pytest.mark.parametrize("text", TEXTS)
def test_page_escaping_is_the_one_nicegui_computes(text: str) -> None:
    expected = text.translate(nicegui_client.HTML_ESCAPE_TABLE)
    assert wire_cost.EscapedJson(text).translate(nicegui_client.HTML_ESCAPE_TABLE) == expected
    other = str.maketrans({"é": "e"})
    assert wire_cost.EscapedJson(text).translate(other) == text.translate(other)  # another table: untouched


def test_the_escaped_json_reads_back_as_the_same_elements() -> None:
    elements = {"1": {"text": TEXTS[2], "props": {"label": "<script>alert(1)</script>"}}}
    dumped = wire_cost._JsonForPages.dumps(elements)
    assert isinstance(dumped, wire_cost.EscapedJson)
    escaped = dumped.translate(nicegui_client.HTML_ESCAPE_TABLE)
    assert "<" not in escaped and "`" not in escaped and "$" not in escaped  # nothing leaves the template's string
    assert escaped == str(dumped).translate(nicegui_client.HTML_ESCAPE_TABLE)


MESSAGES: list[Any] = [
    ["update", {"5": {"tag": "div", "text": "Mobilité", "props": {"n": 1, "x": 0.5, "on": True, "none": None}}}],
    ["update", {"5": {"props": {"data": b"\x00\x01"}}}],
    ["update", [1, [2, [bytearray(b"x")]]]],
    ["update", {1: "non-string key", "nested": [{"deep": ["ok"]}]}],
    ["update", (b"in a tuple, which socket.io does not look into",)],
    ["update", {"value": {1, 2}}],  # orjson refuses a set: the walk answers
    b"bytes",
    "text",
]


@pytest.mark.parametrize("message", MESSAGES)
def test_binary_check_answers_as_socketio_does(message: Any) -> None:
    assert wire_cost.QuickPacket.data_is_binary(message) == Packet.data_is_binary(message)


def test_a_message_with_bytes_still_goes_as_a_binary_event() -> None:
    assert wire_cost.QuickPacket(EVENT, data=["update", {"b": b"\x00"}]).packet_type == BINARY_EVENT
    assert wire_cost.QuickPacket(EVENT, data=["update", {"b": "x"}]).packet_type == EVENT
