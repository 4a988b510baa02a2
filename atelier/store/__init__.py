"""Where sessions are kept. The service only knows the `SessionStore` interface."""

from atelier.store.base import SessionStore, StorageError
from atelier.store.committer import GroupCommitter
from atelier.store.tinydb_store import TinyDBSessionStore

__all__ = ["GroupCommitter", "SessionStore", "StorageError", "TinyDBSessionStore"]
