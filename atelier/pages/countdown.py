"""The step timer as pages show it: the server sends its end once, the browser counts down by itself.

No message per second: 300 phones would each get 60 a minute. A `TimerChanged` sets `data-ends-at`
on one element; `static/countdown.js` turns it into « 9:41 » twice a second, in the browser. The
page also carries the server's time when it was built, so a phone whose clock is off by a few
minutes still shows the laptop's countdown.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from nicegui import ui

from atelier import texts
from atelier.domain.timer import StepTimer
from atelier.pages.widgets import decimal

SCRIPT = (Path(__file__).resolve().parent.parent / "static" / "countdown.js").read_text(encoding="utf-8")


def _ms(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


class Countdown:
    """One per page. `show` is called with the session's timer at build time and on each `TimerChanged`."""

    def __init__(self, timer: StepTimer | None, *, now: datetime, classes: str = "") -> None:
        ui.add_head_html(f"<script>window.atelierClockOffset = {_ms(now)} - Date.now();</script>"
                         f"<script>{SCRIPT}</script>")
        with ui.column().classes(f"countdown-box gap-0 {classes}").mark("timer") as self.box:
            self.label = ui.label().classes("countdown-label").mark("timer-label")
            # Empty on the server: the browser writes the digits, and Vue never renders text over them.
            self.clock = ui.element("span").classes("countdown").mark("timer-clock")
        self.show(timer)

    def show(self, timer: StepTimer | None) -> None:
        self.box.set_visibility(timer is not None)
        if timer is None:
            self.clock.props(remove="data-ends-at")
            return
        minutes = decimal(timer.duration.total_seconds() / 60)
        self.label.set_text(texts.TIMER_LINE.format(label=timer.label or texts.TIMER_DEFAULT_LABEL, minutes=minutes))
        self.clock.props(f"data-ends-at={_ms(timer.ends_at)}")
