"""Merging two contributions that say the same thing (facilitator, during the analysis).

The choice: a merge creates a *new* contribution, and both originals are kept untouched except for
`merged_into`, which takes them out of every visible list and of the analysis. So nothing a
participant wrote is lost or rewritten, the export can show what was merged, and a merged result
can itself be merged again (its authors are found through `merged_from`).

The result belongs to no participant (`MERGED_AUTHOR`): only the facilitator edits it. It takes the
first contribution's text (unless the facilitator writes another), kind and theme; the commune when
both share it, otherwise the whole territory; the higher risk; the first structure given; and the
union of both « je partage aussi » sets, minus its own authors, who already said it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from atelier.domain import validation as v
from atelier.domain.errors import InvalidInput, NotAllowed
from atelier.domain.model import Contribution

MERGED_AUTHOR = ""


def authors_of(contribution: Contribution, contributions: Mapping[int, Contribution]) -> set[str]:
    """Who wrote it: its author, or for a merged contribution the authors of its originals."""
    if not contribution.merged_from:
        return {contribution.author_id}
    originals = (contributions[i] for i in contribution.merged_from if i in contributions)
    return set().union(*(authors_of(original, contributions) for original in originals))


def merge_pair(first: Contribution, second: Contribution, *, new_id: int, text: str | None,
               contributions: Mapping[int, Contribution], now: datetime) -> Contribution:
    """Build the merged contribution and mark both originals; refuse before changing anything."""
    if first.id == second.id:
        raise InvalidInput("merge_same")
    if not (first.is_visible and second.is_visible):
        raise NotAllowed("merge_not_visible")
    if first.kind is not second.kind:
        raise InvalidInput("merge_kind")
    risks = [r for r in (first.risk, second.risk) if r is not None]
    result = Contribution(
        id=new_id,
        kind=first.kind,
        text=v.clean_text(first.text if text is None else text),
        theme=first.theme,
        commune=first.commune if first.commune == second.commune else None,
        author_id=MERGED_AUTHOR,
        created_at=now,
        updated_at=now,
        risk=max(risks, key=lambda r: r.weight) if risks else None,
        structure=first.structure or second.structure,
        shared_by=(first.shared_by | second.shared_by)
        - authors_of(first, contributions) - authors_of(second, contributions),
        merged_from=[first.id, second.id],
    )
    for original in (first, second):
        original.merged_into = new_id
        original.updated_at = now
    return result
