"""Every change a session can undergo, as a value (see `base.py`); grouped by moment of the démarche."""

from atelier.domain.changes.analysis import (
    AddAxis,
    AddAxisLine,
    AddAxisLines,
    AddStructure,
    EditAxis,
    EditAxisLine,
    EditStructure,
    LinkEvidence,
    MergeContributions,
    MoveAxis,
    MoveAxisLine,
    RemoveAxis,
    RemoveAxisLine,
    RemoveStructure,
    SetPisteDetails,
    SetPistePlan,
    SetSpeaker,
    UnlinkEvidence,
)
from atelier.domain.changes.base import Change, change_from_record, perform, replay
from atelier.domain.changes.plenary import (
    AddComment,
    CloseVote,
    HideResults,
    OpenVote,
    PresentAxis,
    PresentStep,
    SetCommentHidden,
    SetCommentShown,
    SetPoints,
    ShowResults,
    StartTimer,
    StopTimer,
)
from atelier.domain.changes.room import (
    AddContribution,
    DeleteOwnContribution,
    EditOwnContribution,
    ModerateEdit,
    RegisterParticipant,
    SetContext,
    SetHidden,
    SetPhaseDate,
    SetPhaseStatus,
    ToggleShare,
)

__all__ = [
    "AddAxis", "AddAxisLine", "AddAxisLines", "AddComment", "AddContribution", "AddStructure", "Change", "CloseVote",
    "DeleteOwnContribution", "EditAxis", "EditAxisLine", "EditOwnContribution", "EditStructure", "HideResults",
    "LinkEvidence", "MergeContributions", "ModerateEdit", "MoveAxis", "MoveAxisLine", "OpenVote", "PresentAxis",
    "PresentStep", "RegisterParticipant", "RemoveAxis", "RemoveAxisLine", "RemoveStructure", "SetCommentHidden",
    "SetCommentShown", "SetContext", "SetHidden", "SetPhaseDate", "SetPhaseStatus", "SetPisteDetails",
    "SetPistePlan", "SetPoints", "SetSpeaker", "ShowResults", "StartTimer", "StopTimer", "ToggleShare",
    "UnlinkEvidence", "change_from_record", "perform", "replay",
]
