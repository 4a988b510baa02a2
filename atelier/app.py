"""Assemble the server: storage, service, live hub and pages, then run NiceGUI."""

from __future__ import annotations

import asyncio
import os
from typing import TYPE_CHECKING

from fastapi.responses import JSONResponse, PlainTextResponse
from nicegui import app as nicegui_app
from nicegui import background_tasks, ui

from atelier import (
    browser_state,
    element_cost,
    forged_events,
    gc_watch,
    log_hygiene,
    loop_watch,
    middlewares,
    outbox_wait,
    texts,
    wire_cost,
)
from atelier.config import AppConfig
from atelier.context import Atelier
from atelier.domain.events import DomainEvent
from atelier.export import formats
from atelier.immutable_files import ImmutableFiles
from atelier.live import LiveHub
from atelier.pages import facilitator, frame, participant, projection
from atelier.presets import load_presets
from atelier.service import SessionService
from atelier.store import SessionStore, open_store
from atelier.store.backups import FOLDER as BACKUPS_FOLDER
from atelier.store.backups import Backups, keep_from_environment
from atelier.synthesis import offload
from atelier.synthesis.session_index import SimilarContributions

if TYPE_CHECKING:  # psycopg is needed only by a deployment on PostgreSQL
    from atelier.cluster.ownership import SessionOwnership

# A phone that locks for a few minutes must find its page as it left it, not a reload. Until then its
# page is kept in memory; `ATELIER_PHONE_RECONNECT_SECONDS` shortens that (a benchmark of churn does).
PHONE_RECONNECT_TIMEOUT = float(os.environ.get("ATELIER_PHONE_RECONNECT_SECONDS", 300.0))
# Quasar's default blue and green fail WCAG AA contrast under white text; these pass it (≥ 4.5:1).
PRIMARY_COLOR = "#1d4ed8"
POSITIVE_COLOR = "#15803d"


def build(config: AppConfig, store: SessionStore | None = None, *,
          ownership: SessionOwnership | None = None) -> Atelier:
    """Create the service and register every route. Call once before `ui.run`. With `ownership`, this
    process is one worker of several behind nginx (see atelier/cluster)."""
    element_cost.install()
    wire_cost.install()
    outbox_wait.install()
    forged_events.install()
    log_hygiene.install(config.facilitator_token)
    hub = LiveHub()
    similar = SimilarContributions()
    backups = Backups(config.data_dir / BACKUPS_FOLDER, keep_from_environment())

    def publish(event: DomainEvent) -> None:
        similar.hear(event)  # before the pages: a phone asking right after sees this change
        hub.publish(event)

    service = SessionService(store or open_store(None, config.data_dir), publish=publish, backups=backups)
    atelier = Atelier(config=config, service=service, hub=hub, presets=load_presets(), similar=similar)

    @nicegui_app.get("/healthz", response_model=None)
    def healthz(details: bool = False) -> PlainTextResponse | JSONResponse:
        """« ok » while the server answers; `?details=1` adds garbage-collection pauses and loop stalls."""
        if not details:
            return PlainTextResponse("ok")
        return JSONResponse({"status": "ok", **gc_watch.WATCH.report(), **loop_watch.WATCH.report(),
                             **browser_state.report(), "exports_warm": formats.EXPORTS_WARM.is_set()})

    nicegui_app.state.atelier = atelier  # for routes and tests that need the running instance
    nicegui_app.colors(primary=PRIMARY_COLOR, positive=POSITIVE_COLOR)
    # Quasar's loading bar follows every request the page makes (a component fetched when a tab opens)
    # and has no accessible name: on a local network it only flickers, so it is not shown.
    nicegui_app.config.quasar_config["loadingBar"] = {**nicegui_app.config.quasar_config["loadingBar"],
                                                      "skipHijack": True}
    if ownership is not None:
        from atelier.cluster.routing import OwnerRouting

        service.served_here = ownership.holds
        # Outermost, and added at start-up (NiceGUI's own middlewares are added by `ui.run`).
        nicegui_app.on_startup(lambda: middlewares.add_outermost(OwnerRouting, ownership=ownership,
                                                                 forget=service.forget))
        nicegui_app.on_shutdown(ownership.close)
    nicegui_app.on_shutdown(service.close)
    nicegui_app.on_shutdown(similar.close)
    nicegui_app.on_shutdown(offload.close)
    frame.serve_static_files()
    facilitator.register(atelier)
    projection.register(atelier)
    participant.register(atelier, reconnect_timeout=PHONE_RECONNECT_TIMEOUT)
    return atelier


def run(config: AppConfig, *, host: str, port: int) -> None:
    nicegui_app.on_startup(middlewares.install)
    nicegui_app.on_startup(lambda: middlewares.add_outermost(ImmutableFiles, prefix=middlewares.NICEGUI_FILES))
    nicegui_app.on_startup(gc_watch.tune_after_start_up)
    nicegui_app.on_startup(lambda: background_tasks.create(loop_watch.WATCH.run(), name="loop watch"))
    nicegui_app.on_startup(lambda: background_tasks.create(gc_watch.freeze_survivors(), name="gc freeze"))
    nicegui_app.on_startup(lambda: background_tasks.create(gc_watch.collect_young(), name="gc young"))
    nicegui_app.on_startup(lambda: background_tasks.create(asyncio.to_thread(formats.warm_up), name="exports warm-up"))
    nicegui_app.on_startup(lambda: background_tasks.create(browser_state.keep_pruning(), name="browser storages"))
    ui.run(
        host=host,
        port=port,
        title=texts.APP_NAME,
        language="fr",
        favicon="🗣️",
        storage_secret=config.storage_secret,
        reload=False,
        show=False,
        show_welcome_message=False,
        reconnect_timeout=10.0,
        # Socket.IO's own ping already tells a phone gone from one still there, every 8 s; uvicorn's
        # websocket ping on top of it was a second frame per phone and per 20 s for nothing.
        ws_ping_interval=None,
        gzip_middleware_factory=middlewares.TwoLevelGzip,
    )
