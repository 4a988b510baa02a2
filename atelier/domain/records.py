"""Sessions to plain JSON-able records and back: what storage engines and archives hold."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from atelier.domain.model import Contribution, ContributionKind, Participant, Phase, PhaseKey, PhaseStatus, Risk, Role
from atelier.domain.moderation import HoldReason, ModerationMode
from atelier.domain.records_plenary import (
    axes_record,
    calendar_record,
    comments_record,
    evidence_record,
    load_phases_2_and_3,
    removed_record,
    timer_record,
    votes_record,
    witnesses_record,
)
from atelier.domain.session import Session
from atelier.domain.session_context import context_from_record, context_record
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
        "removed": removed_record(session.removed),
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
    load_phases_2_and_3(session, meta)
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


