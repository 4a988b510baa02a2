"""What all pages share: styles, access control for the facilitator, error screens."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from fastapi import Request, Response
from fastapi.responses import RedirectResponse
from nicegui import app, ui

from atelier import texts
from atelier.context import Atelier
from atelier.domain.errors import DomainError
from atelier.domain.session import Session

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_ROUTE = "/atelier-static"
_CSS_VERSION = hashlib.sha256((STATIC_DIR / "atelier.css").read_bytes()).hexdigest()[:12]
# A file the browser keeps, not 15 KB inlined in every page: a full hall shares one laptop's Wi-Fi.
STYLESHEET = f'<link rel="stylesheet" href="{STATIC_ROUTE}/atelier.css?v={_CSS_VERSION}">'


def serve_static_files() -> None:
    """Call once at start-up."""
    app.add_static_files(STATIC_ROUTE, STATIC_DIR)
FACILITATOR_KEY = "facilitator_token"
FACILITATOR_PROOF_KEY = "facilitator"


@contextmanager
def frame(audience: str) -> Iterator[ui.column]:
    """Page chrome: shared styles, then a column with the audience's class (phone, projection…)."""
    ui.add_head_html(STYLESHEET)
    # On the content element itself: a query would be one more element, and one more script, per page.
    ui.context.client.content.classes("p-0" if audience == "projection" else "p-3")
    with ui.column().classes(f"{audience} w-full gap-3") as root:
        yield root


def facilitator_allowed(atelier: Atelier, token: str | None) -> bool:
    """The token from the printed URL unlocks this browser; it is remembered server-side, and proved by
    the browser's signed cookie (a keyed hash of its id, never the token), which every process of a
    deployment sharing the token can check: a console whose process died is served by another at once."""
    expected = atelier.config.facilitator_token
    if token and hmac.compare_digest(token.encode(), expected.encode()):
        app.storage.user[FACILITATOR_KEY] = expected
        _prove_in_cookie(expected)
        return True
    kept = app.storage.user.get(FACILITATOR_KEY, "")
    if kept and hmac.compare_digest(str(kept).encode(), expected.encode()):
        return True
    proof = str(_browser_cookie().get(FACILITATOR_PROOF_KEY, ""))
    return bool(proof) and hmac.compare_digest(proof.encode(), _unlock_proof(expected).encode())


def _browser_cookie() -> MutableMapping[str, Any]:
    try:
        return app.storage.browser
    except RuntimeError:  # no request (an event handler): the server-side memory is what counts there
        return {}


def _unlock_proof(token: str) -> str:
    browser = str(_browser_cookie().get("id", ""))
    return hmac.new(token.encode(), f"facilitator:{browser}".encode(), hashlib.sha256).hexdigest()


def _prove_in_cookie(token: str) -> None:
    try:
        app.storage.browser[FACILITATOR_PROOF_KEY] = _unlock_proof(token)
    except (RuntimeError, TypeError):  # the response already left: the server-side memory still holds it
        pass


def facilitator_session(atelier: Atelier, code: str, token: str | None) -> Session | None:
    """The démarche a facilitator's page is about; None once the 403 or 404 screen has been shown."""
    if not facilitator_allowed(atelier, token):
        forbidden()
        return None
    session = atelier.service.find(code)
    if session is None:
        not_found(code)
    return session


def token_left_behind(atelier: Atelier, request: Request, token: str | None) -> Response | None:
    """The token in the address unlocks this browser, then leaves it: the same page again without it
    (a redirect, before any image, style or script is asked for with the address as Referer, and
    before the address can be read on the projector or in the browser's history)."""
    if token is None or not facilitator_allowed(atelier, token):
        return None
    return RedirectResponse(str(request.url.remove_query_params("token")), status_code=303)


def facilitator_screen(atelier: Atelier, path: str, title: str, build: Callable[[Atelier, Session], Any],
                       audience: str = "console") -> None:
    """Register a facilitator screen of one démarche: `path` takes `{code}`, `title` takes `{territory}`."""
    @ui.page(path, title=texts.APP_NAME)
    def screen(request: Request, code: str, token: str | None = None) -> Response | None:
        redirect = token_left_behind(atelier, request, token)
        if redirect is not None:
            return redirect
        session = facilitator_session(atelier, code, None)
        if session is None:
            return None
        ui.page_title(title.format(territory=session.territory))
        with frame(audience):
            build(atelier, session)
        return None


def forbidden() -> None:
    ui.context.client.status_code = 403
    with frame("phone"):
        ui.label(texts.FORBIDDEN_TITLE).classes("text-2xl font-bold")
        ui.label(texts.FORBIDDEN_HELP)


def not_found(code: str) -> None:
    ui.context.client.status_code = 404
    with frame("phone"):
        ui.label(texts.NOT_FOUND_TITLE).classes("text-2xl font-bold").mark("not-found")
        ui.label(texts.ERR_SESSION_NOT_FOUND.format(code=code[:20]))
        ui.label(texts.NOT_FOUND_HELP)


class ErrorSpot(Protocol):
    """Where a drawn form shows its own refusal (a label does it with its text and visibility)."""

    def show_error(self, message: str) -> None: ...


def show_error(error: DomainError, where: ui.label | ErrorSpot | None = None, *, notify: bool = True) -> None:
    if notify:
        ui.notify(texts.error_message(error), type="negative", position="top", multi_line=True)
    if isinstance(where, ui.label):
        where.set_text(texts.error_message(error))
        where.set_visibility(True)
    elif where is not None:
        where.show_error(texts.error_message(error))


async def attempt(action: Callable[[], Awaitable[Any]], error_label: ui.label | ErrorSpot | None = None, *,
                  notify: bool = True) -> Any | None:
    """Run a service call; a refusal is shown in French, never as a crash. None when refused.

    `notify=False` shows the refusal in `error_label` only (where a pop-up would cover what it explains).
    """
    if isinstance(error_label, ui.label):
        error_label.set_visibility(False)
    elif error_label is not None:
        error_label.show_error("")
    try:
        return await action()
    except DomainError as error:
        show_error(error, error_label, notify=notify)
        return None
