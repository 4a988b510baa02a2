"""« Doublons probables »: pairs of the same type that probably say the same thing, each one click from
the merge dialog. Computed when asked, in the worker process (`synthesis.offload`)."""

from __future__ import annotations

from nicegui import ui

from atelier import texts
from atelier.domain.model import Contribution
from atelier.pages.analysis_dialogs import open_merge_dialog
from atelier.pages.analysis_synthesis import SynthesisHost, copies, log
from atelier.pages.widgets import heading
from atelier.synthesis import offload
from atelier.synthesis.suggestions import DuplicatePair, probable_duplicates

PAIRS_SHOWN = 30


class DuplicatesCard:
    def __init__(self, host: SynthesisHost) -> None:
        self.host = host
        with ui.column().classes("w-full gap-2").mark("duplicates"):
            heading(texts.DUPLICATES_HEADING, 3)
            self.button = ui.button(texts.DUPLICATES_SEARCH, on_click=self.search).props("outline no-caps") \
                .mark("duplicates-search")
            self.status = ui.label().mark("duplicates-status")
            self.list = ui.column().classes("w-full gap-2")
        self.rows: dict[tuple[int, int], ui.row] = {}

    async def search(self) -> None:
        shown = self.host.shown_contributions()
        self.button.disable()
        self.status.set_text(texts.DUPLICATES_SEARCHING)
        try:
            pairs = await offload.compute(probable_duplicates, copies(shown))
        except Exception:
            log.exception("probable duplicates failed")
            self.status.set_text(texts.SYNTHESIS_FAILED)
            return
        finally:
            self.button.enable()
        self.list.clear()
        self.rows.clear()
        counted = texts.count(len(pairs), texts.DUPLICATES_PAIR_FORMS)
        self.status.set_text(texts.DUPLICATES_FOUND.format(pairs=counted, count=len(shown)) if pairs
                             else texts.DUPLICATES_NONE.format(count=len(shown)))
        pairs = [p for p in pairs if self._visible(p.first) and self._visible(p.second)]  # changed meanwhile
        with self.list:
            for pair in pairs[:PAIRS_SHOWN]:
                self._pair(pair)
            if len(pairs) > PAIRS_SHOWN:
                ui.label(texts.DUPLICATES_MORE.format(count=len(pairs) - PAIRS_SHOWN)).classes("italic")

    def _pair(self, pair: DuplicatePair) -> None:
        contributions = self.host.session.contributions
        with ui.row().classes("w-full items-center justify-between no-wrap gap-4") \
                .mark(f"duplicate-{pair.first}-{pair.second}") as row:
            with ui.column().classes("gap-0 min-w-0"):
                for cid in (pair.first, pair.second):
                    c = contributions[cid]
                    ui.label(f"n° {cid} · {texts.KIND_LABELS[c.kind]} — {c.text}").classes("participant-text")
                shared = texts.GROUPS_SHARED.format(terms=", ".join(pair.shared)) if pair.shared else ""
                ui.label(" · ".join(filter(None, [texts.DUPLICATES_SCORE.format(percent=round(pair.score * 100)),
                                                  shared]))).classes("text-gray-700")
            ui.button(texts.DUPLICATES_MERGE, on_click=lambda: self._merge(pair)).props("no-caps") \
                .mark(f"duplicate-merge-{pair.first}-{pair.second}")
        self.rows[(pair.first, pair.second)] = row

    def _visible(self, cid: int) -> bool:
        contribution = self.host.session.contributions.get(cid)
        return contribution is not None and contribution.is_visible

    def _merge(self, pair: DuplicatePair) -> None:
        if not (self._visible(pair.first) and self._visible(pair.second)):
            ui.notify(texts.DUPLICATES_GONE, type="warning", position="top")
            self._drop_gone()
            return
        first, second = (self.host.session.contributions[cid] for cid in (pair.first, pair.second))
        open_merge_dialog(self.host.atelier, self.host.session, first, second, self._merged)

    def _merged(self, result: Contribution) -> None:
        self._drop_gone()
        self.host.merged(result)

    def _drop_gone(self) -> None:
        """Pairs one of whose contributions left the lists (merged, hidden) are no longer suggested."""
        for key in [k for k in self.rows if not all(self._visible(cid) for cid in k)]:
            self.rows.pop(key).delete()
