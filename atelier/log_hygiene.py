"""The facilitator's token never reaches a log line: uvicorn's access log and NiceGUI's « … not found »
write the address they were asked for, and a mistyped address may still carry `?token=…`.

A record factory (every logger goes through it) replaces the token's value, and anything written as
`token=…`, before the line is formatted.
"""

from __future__ import annotations

import logging
import re
from typing import Any

HIDDEN = "token=…"
_TOKEN_IN_URL = re.compile(r"token=[^&\s\"'#]+")
_INSTALLED: list[str] = []


def redacted(value: Any, secret: str) -> Any:
    if not isinstance(value, str):
        return value
    text = _TOKEN_IN_URL.sub(HIDDEN, value)
    return text.replace(secret, "…") if secret else text


def install(secret: str) -> None:
    """Call once at start with the token; later calls only change which token is hidden."""
    if _INSTALLED:
        _INSTALLED[0] = secret
        return
    _INSTALLED.append(secret)
    make_record = logging.getLogRecordFactory()

    def record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        made = make_record(*args, **kwargs)
        token = _INSTALLED[0]
        made.msg = redacted(made.msg, token)
        if isinstance(made.args, tuple):
            made.args = tuple(redacted(arg, token) for arg in made.args)
        return made

    logging.setLogRecordFactory(record)
