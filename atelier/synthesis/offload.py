"""Suggestions are computed in a process of their own, so the room never waits for them.

Listing the duplicates of a few thousand contributions takes seconds of pure Python; on a thread it
would share the interpreter's lock with the event loop that serves every phone. One worker process,
started the first time it is needed (it loads scikit-learn there, not in the server), does it.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

T = TypeVar("T")

_pool: ProcessPoolExecutor | None = None


async def compute(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)` in the worker process; its arguments and result travel by pickle."""
    global _pool  # one worker for the whole server, started on first use
    if _pool is None:
        _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
    try:
        return await asyncio.get_running_loop().run_in_executor(_pool, partial(function, *args, **kwargs))
    except BrokenProcessPool:
        close()  # the worker died (memory, a kill): the next question starts a fresh one
        raise


def close() -> None:
    global _pool
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
        _pool = None
