"""Short comments participants add to an axe during the restitution debate; the facilitator picks some to show."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from atelier.domain import validation as v
from atelier.domain.errors import NotAllowed, NotFound

MAX_COMMENT = 280
MAX_COMMENTS_PER_PARTICIPANT = 30


@dataclass
class Comment:
    id: int
    axis_id: int
    author_id: str
    text: str
    created_at: datetime
    shown: bool = False  # on the projection
    hidden: bool = False  # moderated away


@dataclass
class CommentBook:
    comments: dict[int, Comment] = field(default_factory=dict)
    next_id: int = 1

    def comment(self, comment_id: int) -> Comment:
        try:
            return self.comments[comment_id]
        except KeyError:
            raise NotFound("comment_not_found") from None

    def add(self, author_id: str, axis_id: int, text: str, now: datetime) -> Comment:
        """The phase, the participant and the axe are checked by `Session.add_comment`."""
        if sum(c.author_id == author_id for c in self.comments.values()) >= MAX_COMMENTS_PER_PARTICIPANT:
            raise NotAllowed("too_many_comments", max=MAX_COMMENTS_PER_PARTICIPANT)
        comment = Comment(self.next_id, axis_id, author_id, v.clean_text(text, max_length=MAX_COMMENT), now)
        self.comments[comment.id] = comment
        self.next_id += 1
        return comment

    def set_shown(self, comment_id: int, shown: bool) -> Comment:
        """Showing a comment also restores it if it was hidden: the facilitator chose it."""
        comment = self.comment(comment_id)
        comment.shown = shown
        comment.hidden = comment.hidden and not shown
        return comment

    def set_hidden(self, comment_id: int, hidden: bool) -> Comment:
        """Hiding a comment also takes it off the projection."""
        comment = self.comment(comment_id)
        comment.hidden = hidden
        comment.shown = comment.shown and not hidden
        return comment

    def for_axis(self, axis_id: int, *, include_hidden: bool = False) -> list[Comment]:
        return [c for c in self.comments.values() if c.axis_id == axis_id and (include_hidden or not c.hidden)]

    def shown_for(self, axis_id: int) -> list[Comment]:
        return [c for c in self.comments.values() if c.axis_id == axis_id and c.shown]

    def by(self, author_id: str) -> list[Comment]:
        return [c for c in self.comments.values() if c.author_id == author_id]

    def restore(self, comments: list[Comment]) -> None:
        """An axe put back brings its comments back."""
        for comment in comments:
            self.comments[comment.id] = comment

    def drop_axis(self, axis_id: int) -> None:
        """The axe was deleted: its comments go with it (they only make sense under it)."""
        for comment in self.for_axis(axis_id, include_hidden=True):
            del self.comments[comment.id]
