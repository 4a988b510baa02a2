"""How many phones this laptop can hold at once: each connected phone keeps one socket open.

A desktop's usual soft limit on open files (1,024 on Linux, 256 in a macOS terminal) is below what a
full hall needs, while the hard limit is usually far above it: the server raises its soft limit at
start, and says in French what it can hold when that is still too little.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from atelier import texts

WANTED_PHONES = 2000
RESERVED_FILES = 64  # the server's own: session files, journals, logs, static files, the laptop's pages
MACOS_OPEN_MAX = 10240  # macOS refuses a soft limit above this even when the hard limit is "unlimited"

Limits = tuple[int, int]


def raise_open_file_limit(getrlimit: Callable[[int], Limits] | None = None,
                          setrlimit: Callable[[int, Limits], None] | None = None) -> int | None:
    """Raise the soft limit on open files as far as the system allows; the soft limit now (None: no
    such limit here, e.g. on Windows)."""
    try:
        import resource
    except ImportError:
        return None
    get = getrlimit or resource.getrlimit
    put = setrlimit or resource.setrlimit
    soft, hard = get(resource.RLIMIT_NOFILE)
    ceiling = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    for target in (ceiling, min(ceiling, MACOS_OPEN_MAX)):
        if target <= soft:
            break
        try:
            put(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError):
            continue
        return target
    return soft


def phones_capacity(open_files: int) -> int:
    return max(open_files - RESERVED_FILES, 0)


def capacity_warning(open_files: int | None) -> str | None:
    """What to tell the facilitator when the system would turn phones away before a full hall."""
    if open_files is None or phones_capacity(open_files) >= WANTED_PHONES:
        return None
    command = "ulimit -n 4096" if sys.platform != "win32" else ""
    return texts.CAPACITY_WARNING.format(phones=phones_capacity(open_files), files=open_files, command=command)
