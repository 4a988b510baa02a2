"""The people of a soirée, each in their own browser context (own cookies, own storage: own device),
and a recorder of every request they make."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Page, Request, WebSocket

from tests.browser.server import Server

LOCAL_HOST = "127.0.0.1"
IN_BROWSER_SCHEMES = {"data", "blob", "about"}  # never leave the browser
PROJECTOR = {"width": 1920, "height": 1080}
LAPTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@dataclass
class RequestLog:
    """Every URL any page asked for, HTTP and websockets alike, in order."""

    urls: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)

    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._on_request)
        # Websockets are not requests for Playwright: each page reports its own.
        context.on("page", lambda page: page.on("websocket", self._on_websocket))

    def _on_request(self, request: Request) -> None:
        self.urls.append(request.url)

    def _on_websocket(self, websocket: WebSocket) -> None:
        self.urls.append(websocket.url)
        self.websockets.append(websocket.url)

    def outside(self) -> list[str]:
        """URLs that went anywhere but this laptop's loopback."""
        return [url for url in self.urls if not is_local(url)]


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in IN_BROWSER_SCHEMES or parts.hostname == LOCAL_HOST


class Room:
    """Opens the facilitator's laptop, the projector and phones; closes them all at the end."""

    def __init__(self, browser: Browser, server: Server, log: RequestLog) -> None:
        self.browser, self.server, self.log = browser, server, log
        self.contexts: list[BrowserContext] = []

    def open(self, **options) -> Page:
        context = self.browser.new_context(**{"locale": "fr-FR", **options})
        self.log.watch(context)
        self.contexts.append(context)
        return context.new_page()

    def facilitator(self) -> Page:
        """A laptop whose browser the token has unlocked."""
        page = self.open(viewport=LAPTOP)
        page.goto(self.server.facilitator_url())
        return page

    def projection(self, code: str) -> Page:
        page = self.open(viewport=PROJECTOR)
        page.goto(self.server.url(f"/p/{code}"))
        page.get_by_text(code, exact=True).wait_for()
        return page

    def phone(self, *, viewport: dict[str, int] = PHONE, device_scale_factor: float = 1) -> Page:
        """A touch phone that has opened nothing yet."""
        return self.open(viewport=viewport, device_scale_factor=device_scale_factor, is_mobile=True,
                         has_touch=True)

    def close(self) -> None:
        for context in self.contexts:
            context.close()
