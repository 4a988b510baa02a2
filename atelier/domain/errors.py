"""The domain's own errors: each carries a French message meant for the person who acted."""


class DomainError(Exception):
    """A rule said no. `message` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(DomainError):
    """What was typed or chosen cannot be stored."""


class NotAllowed(DomainError):
    """The person may not do this now (wrong phase, not their contribution…)."""


class NotFound(DomainError):
    """The session, participant or contribution does not exist."""
