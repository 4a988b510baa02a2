"""Phases 2 and 3 as records: witnesses, axes, evidence, votes, comments, timer, calendar, and the
« Éléments supprimés » (see `records.py` for the session itself)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from atelier.domain.axes import Axis, AxisBoard, AxisSection, Line, Piste, RemovedLine, Target, TargetKind
from atelier.domain.calendar import Calendar, CalendarStep
from atelier.domain.comments import Comment, CommentBook
from atelier.domain.evidence import Evidence
from atelier.domain.removed import (
    Removed,
    RemovedAxis,
    RemovedEntry,
    RemovedItems,
    RemovedKind,
    RemovedStep,
    RemovedStructure,
    UndoableMerge,
)
from atelier.domain.session import Session
from atelier.domain.testimony import Structure, StructureType, Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import PriorityVote, ResultsView, VoteBook


def load_phases_2_and_3(session: Session, meta: dict[str, Any]) -> None:
    """Keys absent from an older record leave the session's empty defaults in place."""
    if "witnesses" in meta:
        session.witnesses = _witnesses(meta["witnesses"])
    if "axes" in meta:
        session.axes = _axes(meta["axes"])
    if "evidence" in meta:
        session.evidence = _evidence(meta["evidence"])
    if "votes" in meta:
        session.votes = _votes(meta["votes"])
    if "comments" in meta:
        session.comments = _comments(meta["comments"])
    session.timer = _timer(meta.get("timer"))
    if "calendar" in meta:
        raw = meta["calendar"]
        session.calendar = Calendar([_step(step) for step in raw["steps"]], raw["next_id"])
    if "removed" in meta:
        session.removed = _removed_items(meta["removed"])
    elif meta.get("axes", {}).get("removed"):  # before the list, the axes page kept the last line removed
        removed = _removed_line(meta["axes"]["removed"])
        session.removed.keep(RemovedKind.LINE, removed.line.text, removed, session.updated_at)


def calendar_record(calendar: Calendar) -> dict[str, Any]:
    return {"steps": [{"id": step.id, "title": step.title, "date": step.date.isoformat() if step.date else None}
                      for step in calendar.steps], "next_id": calendar.next_id}


def witnesses_record(witnesses: Witnesses) -> dict[str, Any]:
    return {
        "structures": [{"id": s.id, "name": s.name, "type": s.type.value} for s in witnesses.structures],
        "speaking_id": witnesses.speaking_id,
        "next_id": witnesses.next_id,
    }


def _witnesses(raw: dict[str, Any]) -> Witnesses:
    structures = [Structure(s["id"], s["name"], StructureType(s["type"])) for s in raw["structures"]]
    return Witnesses(structures, raw["speaking_id"], raw["next_id"])


def axes_record(board: AxisBoard) -> dict[str, Any]:
    """Axes with their lines as plain dicts: every field of `Axis`, `Line` and `Piste` is JSON already."""
    return {"axes": [asdict(axis) for axis in board.axes], "presented_id": board.presented_id,
            "next_id": board.next_id, "presented_page": board.presented_page}


def _axes(raw: dict[str, Any]) -> AxisBoard:
    """Schema 4 and older: pistes without `orientation_id` (they stand under the axe)."""
    return AxisBoard([_axis(a) for a in raw["axes"]], raw["presented_id"], raw["next_id"],
                     raw.get("presented_page", 0))


def _axis(raw: dict[str, Any]) -> Axis:
    return Axis(id=raw["id"], title=raw["title"], concretely=raw["concretely"],
                enjeux=[Line(**line) for line in raw["enjeux"]],
                orientations=[Line(**line) for line in raw["orientations"]],
                pistes=[Piste(**piste) for piste in raw["pistes"]])


def _removed_line(raw: dict[str, Any]) -> RemovedLine:
    fields = dict(raw)
    line = (Piste if fields.pop("piste") else Line)(**fields.pop("line"))
    return RemovedLine(**{**fields, "section": AxisSection(fields["section"]), "line": line})


def _step(raw: dict[str, Any]) -> CalendarStep:
    return CalendarStep(raw["id"], raw["title"], date.fromisoformat(raw["date"]) if raw["date"] else None)


# --- « Éléments supprimés » --------------------------------------------------------------------------
def _links(links: dict[int, list[Target]]) -> list[dict[str, Any]]:
    return [{"contribution": cid, "kind": t.kind.value, "id": t.id} for cid, targets in links.items() for t in targets]


def _links_from(raw: list[dict[str, Any]]) -> dict[int, list[Target]]:
    links: dict[int, list[Target]] = {}
    for row in raw:
        links.setdefault(row["contribution"], []).append(Target(TargetKind(row["kind"]), row["id"]))
    return links


def _removed_what(what: Removed) -> dict[str, Any]:
    if isinstance(what, RemovedLine):
        return {**asdict(what), "piste": isinstance(what.line, Piste)}
    if isinstance(what, RemovedAxis):
        return {"index": what.index, "axis": asdict(what.axis), "evidence": _links(what.evidence),
                "comments": comments_record(CommentBook({c.id: c for c in what.comments}))["comments"]}
    if isinstance(what, RemovedStructure):
        return {"index": what.index, "structure": witnesses_record(Witnesses([what.structure]))["structures"][0]}
    if isinstance(what, RemovedStep):
        return {"index": what.index, "step": calendar_record(Calendar([what.step]))["steps"][0]}
    return {"result_id": what.result_id, "links": _links(what.links)}


def _removed_from(kind: RemovedKind, raw: dict[str, Any]) -> Removed:
    match kind:
        case RemovedKind.LINE:
            return _removed_line(raw)
        case RemovedKind.AXIS:
            return RemovedAxis(raw["index"], _axis(raw["axis"]), _links_from(raw["evidence"]),
                               list(_comments({"comments": raw["comments"], "next_id": 0}).comments.values()))
        case RemovedKind.STRUCTURE:
            return RemovedStructure(raw["index"], _witnesses({"structures": [raw["structure"]], "speaking_id": None,
                                                              "next_id": 0}).structures[0])
        case RemovedKind.STEP:
            return RemovedStep(raw["index"], _step(raw["step"]))
    return UndoableMerge(raw["result_id"], _links_from(raw["links"]))


def removed_record(items: RemovedItems) -> dict[str, Any]:
    return {"entries": [{"id": e.id, "kind": e.kind.value, "label": e.label, "removed_at": e.removed_at.isoformat(),
                         "what": _removed_what(e.what)} for e in items.entries], "next_id": items.next_id}


def _removed_items(raw: dict[str, Any]) -> RemovedItems:
    entries = [RemovedEntry(e["id"], RemovedKind(e["kind"]), e["label"], datetime.fromisoformat(e["removed_at"]),
                            _removed_from(RemovedKind(e["kind"]), e["what"])) for e in raw["entries"]]
    return RemovedItems(entries, raw["next_id"])


def evidence_record(evidence: Evidence) -> list[dict[str, Any]]:
    return [{"contribution": cid, "kind": t.kind.value, "id": t.id}
            for cid, targets in evidence.links.items() for t in targets]


def _evidence(raw: list[dict[str, Any]]) -> Evidence:
    evidence = Evidence()
    for link in raw:
        evidence.link(link["contribution"], Target(TargetKind(link["kind"]), link["id"]))
    return evidence


def votes_record(book: VoteBook) -> dict[str, Any]:
    return {"votes": [_vote_record(vote) for vote in book.votes], "next_id": book.next_id,
            "results_shown": book.results_shown, "results_view": book.results_view.value}


def _vote_record(vote: PriorityVote) -> dict[str, Any]:
    return {
        "id": vote.id,
        "target": vote.target.value,
        "items": list(vote.items),
        "budget": vote.budget,
        "cap": vote.cap,
        "opened_at": vote.opened_at.isoformat(),
        "closed_at": _iso(vote.closed_at),
        # One row per (participant, item): JSON object keys would turn item ids into strings.
        "allocations": [{"participant": pid, "item": item, "points": points}
                        for pid, mine in vote.allocations.items() for item, points in mine.items()],
        "ballot_codes": [{"code": code, "participant": holder} for code, holder in vote.ballot_codes.items()],
        "paper": [{"item": item, "points": points} for item, points in vote.paper.items()],
    }


def _votes(raw: dict[str, Any]) -> VoteBook:
    votes = []
    for saved in raw["votes"]:
        vote = PriorityVote(saved["id"], TargetKind(saved["target"]), list(saved["items"]),
                            datetime.fromisoformat(saved["opened_at"]), budget=saved["budget"], cap=saved["cap"],
                            closed_at=_datetime(saved["closed_at"]),
                            ballot_codes={row["code"]: row["participant"] for row in saved.get("ballot_codes", [])})
        for row in saved["allocations"]:
            vote.allocations.setdefault(row["participant"], {})[row["item"]] = row["points"]
        vote.paper = {row["item"]: row["points"] for row in saved.get("paper", [])}  # none before paper points
        votes.append(vote)
    return VoteBook(votes, raw["next_id"], results_shown=raw.get("results_shown", False),
                    results_view=ResultsView(raw.get("results_view", ResultsView.TOTAL)))


def comments_record(book: CommentBook) -> dict[str, Any]:
    return {"comments": [asdict(c) | {"created_at": c.created_at.isoformat()} for c in book.comments.values()],
            "next_id": book.next_id}


def _comments(raw: dict[str, Any]) -> CommentBook:
    comments = [Comment(**(c | {"created_at": datetime.fromisoformat(c["created_at"])})) for c in raw["comments"]]
    return CommentBook({c.id: c for c in comments}, raw["next_id"])


def timer_record(timer: StepTimer | None) -> dict[str, Any] | None:
    if timer is None:
        return None
    return {"label": timer.label, "started_at": timer.started_at.isoformat(),
            "duration_seconds": round(timer.duration.total_seconds())}


def _timer(raw: dict[str, Any] | None) -> StepTimer | None:
    if raw is None:
        return None
    return StepTimer(raw["label"], datetime.fromisoformat(raw["started_at"]),
                     timedelta(seconds=raw["duration_seconds"]))


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _datetime(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
