"""Each page's outbox waits for its next update without a timer, and a page whose phone is away
waits for it to come back rather than polling.

NiceGUI gives each page a loop that sends its updates. Between two, it waits with
`asyncio.wait_for(event.wait(), timeout=1.0)`: every page wakes every second to find nothing, and
each wait builds a task, two futures and a timer. With 600 phones that is 600 of those a second,
which live just long enough to outlive young garbage collections and fill the middle generation.
While a page has updates for a phone that is away (its screen locked: most of a hall, between two
votes), the loop polls every 100 ms until the phone is back: 300 locked phones, 3,000 wake-ups a
second. Here the loop sleeps on its event alone: an update wakes it, `stop()` wakes it (NiceGUI sets
the event there), and a phone coming back wakes it (an `app.on_connect` handler sets the event).

Only NiceGUI's loop as this was written against is replaced: `install()` compares its source with
the one recorded here and, if NiceGUI changed it, keeps NiceGUI's own.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect

from nicegui import Client, app, core
from nicegui.dependencies import JsComponent
from nicegui.outbox import Deleted, Outbox, deleted

NICEGUI_LOOP_SHA256 = "efb7d8934c322314"  # of `inspect.getsource(Outbox.loop)` in NiceGUI 3.18
_NICEGUI_LOOP = Outbox.loop  # NiceGUI's own, kept before any replacement


async def loop(self: Outbox) -> None:
    """NiceGUI's `Outbox.loop`, its two waits changed (marked)."""
    self._enqueue_event = asyncio.Event()
    self._enqueue_event.set()

    while not self._should_stop:
        try:
            if not self._enqueue_event.is_set():
                await self._enqueue_event.wait()  # changed: no timeout; stop() sets the event
                continue

            client = self.client
            if not client or not client.has_socket_connection:
                self._enqueue_event.clear()  # changed: woken by the next update, or when the phone is back
                continue

            self._enqueue_event.clear()

            coros = []
            if self.updates:
                data = {
                    element_id: None if element is deleted else element._to_dict()  # type: ignore[union-attr]
                    for element_id, element in self.updates.items()
                }
                js_components = [
                    component
                    for element in self.updates.values()
                    if not isinstance(element, Deleted)
                    and isinstance((component := element.component), JsComponent)
                    and component.name not in self._loaded_components
                ]
                if js_components:
                    coros.append(self._emit((client.id, 'load_js_components', {
                        'components': [{'key': c.key, 'tag': c.tag} for c in js_components],
                    })))
                    self._loaded_components.update(c.name for c in js_components)
                coros.append(self._emit((client.id, 'update', data)))
                self.updates.clear()

            if self.messages:
                for message in self.messages:
                    coros.append(self._emit(message))
                self.messages.clear()

            for coro in coros:
                try:
                    await coro
                except Exception as e:
                    core.app.handle_exception(e)
        except asyncio.CancelledError:
            break
        except Exception as e:
            core.app.handle_exception(e)
            await asyncio.sleep(0.1)


def _wake_outbox(client: Client) -> None:
    """A phone is (back) on its socket: what its page queued meanwhile goes now."""
    client.outbox._set_enqueue_event()  # NiceGUI's own way to wake its loop


def nicegui_loop_is_known() -> bool:
    source = inspect.getsource(_NICEGUI_LOOP)
    return hashlib.sha256(source.encode()).hexdigest()[:16] == NICEGUI_LOOP_SHA256


def install() -> bool:
    """Call once, before the first page is built. False (nothing changed) if NiceGUI's loop is not
    the one this replaces."""
    if Outbox.loop is not loop:
        if not nicegui_loop_is_known():
            return False
        Outbox.loop = loop  # type: ignore[method-assign]
    if _wake_outbox not in app._connect_handlers:  # once per app (tests reset it between runs)
        app.on_connect(_wake_outbox)
    return True
