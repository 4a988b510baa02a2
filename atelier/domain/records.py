"""Sessions to plain JSON-able records and back: what storage engines and archives hold."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from atelier.domain.axes import Axis, AxisBoard, AxisSection, Line, Piste, RemovedLine, Target, TargetKind
from atelier.domain.calendar import Calendar, CalendarStep
from atelier.domain.comments import Comment, CommentBook
from atelier.domain.evidence import Evidence
from atelier.domain.model import Contribution, ContributionKind, Participant, Phase, PhaseKey, PhaseStatus, Risk, Role
from atelier.domain.moderation import HoldReason, ModerationMode
from atelier.domain.session import Session
from atelier.domain.session_context import context_from_record, context_record
from atelier.domain.testimony import Structure, StructureType, Witnesses
from atelier.domain.timer import StepTimer
from atelier.domain.votes import PriorityVote, ResultsView, VoteBook
from atelier.domain.wall import WallView

# 2: témoignages, axes, evidence, votes, comments, timer in the session document; merge fields on
# contributions. A version-1 record has none of these keys and loads with them empty.
# 3: `version`, the number of changes the record holds (the journal continues from it); older
# records load as version 0.
# 4: `calendar`, the meetings beside the three phases; older records load with none.
SCHEMA_VERSION = 5


class NewerSchema(ValueError):
    """The record was written by a newer atelier: reading it could lose what this one does not know."""


def session_meta(session: Session) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "version": session.version,
        "code": session.code,
        "title": session.title,
        "territory": session.territory,
        "communes": list(session.communes),
        "themes": list(session.themes),
        "context": context_record(session.context),
        "created_at": session.created_at.isoformat(),
        "updated_at": session.updated_at.isoformat(),
        "next_contribution_id": session.next_contribution_id,
        "phases": [
            {"key": p.key.value, "status": p.status.value, "date": p.date.isoformat() if p.date else None}
            for p in session.phases.values()
        ],
        "witnesses": witnesses_record(session.witnesses),
        "axes": axes_record(session.axes),
        "evidence": evidence_record(session.evidence),
        "votes": votes_record(session.votes),
        "comments": comments_record(session.comments),
        "timer": timer_record(session.timer),
        "calendar": calendar_record(session.calendar),
        "moderation": session.moderation.value,
        "wall": {"theme": session.wall.theme, "paused": session.wall.paused, "top_shared": session.wall.top_shared,
                 "turn": session.wall.turn},
    }


def participant_record(p: Participant) -> dict[str, Any]:
    return {
        "id": p.id,
        "role": p.role.value,
        "commune": p.commune,
        "display_name": p.display_name,
        "structure": p.structure,
        "joined_at": p.joined_at.isoformat() if p.joined_at else None,
    }


def contribution_record(c: Contribution) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind.value,
        "text": c.text,
        "theme": c.theme,
        "commune": c.commune,
        "author_id": c.author_id,
        "created_at": c.created_at.isoformat(),
        "updated_at": c.updated_at.isoformat(),
        "risk": c.risk.value if c.risk else None,
        "structure": c.structure,
        "hidden": c.hidden,
        "shared_by": sorted(c.shared_by),
        "merged_from": list(c.merged_from),
        "merged_into": c.merged_into,
        "moderated": c.moderated,
        "held": [reason.value for reason in c.held],
    }


def session_record(session: Session) -> dict[str, Any]:
    """The whole session as one record: {"session": meta, "participants": […], "contributions": […]}."""
    return {
        "session": session_meta(session),
        "participants": [participant_record(p) for p in session.participants.values()],
        "contributions": [contribution_record(c) for c in session.contributions.values()],
    }


def session_from_record(record: dict[str, Any]) -> Session:
    meta = record["session"]
    schema = meta.get("schema", 1)
    if not isinstance(schema, int) or not 1 <= schema <= SCHEMA_VERSION:
        raise NewerSchema(f"session {meta.get('code')!r}: schema {schema!r}, this atelier reads 1 to {SCHEMA_VERSION}")
    session = Session(
        code=meta["code"],
        title=meta["title"],
        territory=meta["territory"],
        communes=list(meta["communes"]),
        themes=list(meta["themes"]),
        context=context_from_record(meta.get("context")),
        created_at=datetime.fromisoformat(meta["created_at"]),
        updated_at=datetime.fromisoformat(meta["updated_at"]),
        next_contribution_id=meta["next_contribution_id"],
        version=int(meta.get("version", 0)),
        moderation=ModerationMode(meta.get("moderation", ModerationMode.DIRECT)),
        wall=_wall(meta.get("wall")),
    )
    for raw in meta["phases"]:
        key = PhaseKey(raw["key"])
        session.phases[key] = Phase(key, PhaseStatus(raw["status"]),
                                    date.fromisoformat(raw["date"]) if raw["date"] else None)
    for raw in record["participants"]:
        participant = _participant(raw)
        session.participants[participant.id] = participant
    for raw in sorted(record["contributions"], key=lambda r: r["id"]):
        contribution = _contribution(raw)
        session.contributions[contribution.id] = contribution
    _load_phases_2_and_3(session, meta)
    return session


def _wall(raw: dict[str, Any] | None) -> WallView:
    """Sessions written before the wall could be turned by the facilitator show every theme in turn."""
    if raw is None:
        return WallView()
    return WallView(raw["theme"], bool(raw["paused"]), bool(raw["top_shared"]), int(raw["turn"]))


def _participant(raw: dict[str, Any]) -> Participant:
    return Participant(
        id=raw["id"],
        role=Role(raw["role"]),
        commune=raw["commune"],
        display_name=raw["display_name"],
        structure=raw["structure"],
        joined_at=datetime.fromisoformat(raw["joined_at"]) if raw["joined_at"] else None,
    )


def _contribution(raw: dict[str, Any]) -> Contribution:
    return Contribution(
        id=raw["id"],
        kind=ContributionKind(raw["kind"]),
        text=raw["text"],
        theme=raw["theme"],
        commune=raw["commune"],
        author_id=raw["author_id"],
        created_at=datetime.fromisoformat(raw["created_at"]),
        updated_at=datetime.fromisoformat(raw["updated_at"]),
        risk=Risk(raw["risk"]) if raw["risk"] else None,
        structure=raw["structure"],
        hidden=raw["hidden"],
        shared_by=set(raw["shared_by"]),
        merged_from=list(raw.get("merged_from", [])),
        merged_into=raw.get("merged_into"),
        moderated=raw.get("moderated", False),
        held=tuple(HoldReason(reason) for reason in raw.get("held", ())),
    )


# --- Phases 2 and 3 ------------------------------------------------------------------------------
def _load_phases_2_and_3(session: Session, meta: dict[str, Any]) -> None:
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
        session.calendar = Calendar([CalendarStep(step["id"], step["title"],
                                                  date.fromisoformat(step["date"]) if step["date"] else None)
                                     for step in raw["steps"]], raw["next_id"])


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
    removed = None if board.removed is None else {**asdict(board.removed), "piste": isinstance(board.removed.line,
                                                                                               Piste)}
    return {"axes": [asdict(axis) for axis in board.axes], "presented_id": board.presented_id,
            "next_id": board.next_id, "removed": removed, "presented_page": board.presented_page}


def _axes(raw: dict[str, Any]) -> AxisBoard:
    """Schema 4 and older: no `removed`, and pistes without `orientation_id` (they stand under the axe)."""
    axes = [Axis(id=a["id"], title=a["title"], concretely=a["concretely"],
                 enjeux=[Line(**line) for line in a["enjeux"]],
                 orientations=[Line(**line) for line in a["orientations"]],
                 pistes=[Piste(**piste) for piste in a["pistes"]]) for a in raw["axes"]]
    return AxisBoard(axes, raw["presented_id"], raw["next_id"], _removed(raw.get("removed")),
                     raw.get("presented_page", 0))


def _removed(raw: dict[str, Any] | None) -> RemovedLine | None:
    if raw is None:
        return None
    fields = dict(raw)
    line = (Piste if fields.pop("piste") else Line)(**fields.pop("line"))
    return RemovedLine(**{**fields, "section": AxisSection(fields["section"]), "line": line})


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
