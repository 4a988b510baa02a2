"""Evidence: which contributions back which axe, orientation or piste d'action.

A contribution may back several targets. Links are kept by contribution id so « where is this
contribution used » is one lookup; the reverse (« what backs this axe ») walks the links, which are
a few hundred at most. `Session` keeps them consistent with the board and the contributions.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from atelier.domain.axes import Target


@dataclass
class Evidence:
    links: dict[int, list[Target]] = field(default_factory=dict)  # contribution id → targets, as linked

    def uses_of(self, contribution_id: int) -> list[Target]:
        return list(self.links.get(contribution_id, ()))

    def is_used(self, contribution_id: int) -> bool:
        return contribution_id in self.links

    def link(self, contribution_id: int, target: Target) -> list[Target]:
        """Linking twice is the same as once."""
        targets = self.links.setdefault(contribution_id, [])
        if target not in targets:
            targets.append(target)
        return list(targets)

    def unlink(self, contribution_id: int, target: Target) -> list[Target]:
        targets = self.links.get(contribution_id, [])
        if target in targets:
            targets.remove(target)
        if not targets:
            self.links.pop(contribution_id, None)
        return list(targets)

    def contributions_for(self, targets: Collection[Target]) -> set[int]:
        """Distinct contributions linked to any of `targets` (an axe and its lines: `Axis.targets`)."""
        return {cid for cid, linked in self.links.items() if any(t in targets for t in linked)}

    def drop_targets(self, targets: Collection[Target]) -> None:
        """The board removed these: links to them go too."""
        for cid in list(self.links):
            for target in [t for t in self.links[cid] if t in targets]:
                self.unlink(cid, target)

    def forget(self, contribution_id: int) -> None:
        self.links.pop(contribution_id, None)

    def transfer(self, sources: Iterable[int], to_id: int) -> list[Target]:
        """Move the links of `sources` to `to_id` (a merge), without duplicates, in their order."""
        for source in sources:
            for target in self.links.pop(source, []):
                self.link(to_id, target)
        return self.uses_of(to_id)
