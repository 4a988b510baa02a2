"""A session's journal as a file: one JSON entry per line, appended and fsync'd, never rewritten.

A power cut during an append leaves at most one torn last line; that change was never acknowledged
(the fsync had not returned), so reading drops it and cuts the file back to the last whole line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from atelier.store.base import Record, StorageError


def read_journal(path: Path) -> list[Record]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    entries: list[Record] = []
    good = 0  # bytes of whole, readable lines
    for line in data.splitlines(keepends=True):
        try:
            entry = json.loads(line)
        except ValueError:
            entry = None
        if not line.endswith(b"\n") or not isinstance(entry, dict):
            if good + len(line) < len(data):
                raise StorageError(f"{path.name}: damaged entry after change {len(entries)}")
            break  # the torn last line of an interrupted append
        entries.append(entry)
        good += len(line)
    if good < len(data):
        with path.open("r+b") as handle:
            handle.truncate(good)
    return entries


def open_journal(path: Path) -> int:
    """A descriptor kept open for appends: a full hall's sockets can then never starve the journal."""
    try:
        return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as error:
        raise StorageError(str(error)) from error


def append_entries(fd: int, entries: list[Record]) -> None:
    """All entries in one write and one fsync; on failure the file is cut back to what it was."""
    payload = "".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n" for e in entries)
    data = memoryview(payload.encode("utf-8"))
    try:
        size = os.fstat(fd).st_size
    except OSError as error:
        raise StorageError(str(error)) from error
    try:
        while data:
            data = data[os.write(fd, data):]
        os.fsync(fd)
    except OSError as error:
        _cut_back(fd, size)
        raise StorageError(str(error)) from error


def _cut_back(fd: int, size: int) -> None:
    try:
        os.ftruncate(fd, size)
    except OSError:
        pass  # reading drops a torn last line anyway
