"""Sessions to plain JSON-able records and back: what storage engines and archives hold."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from atelier.domain.model import Contribution, ContributionKind, Participant, Phase, PhaseKey, PhaseStatus, Risk, Role
from atelier.domain.session import Session
from atelier.domain.session_context import context_from_record, context_record

SCHEMA_VERSION = 1


def session_meta(session: Session) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
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
    return session


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
    )
