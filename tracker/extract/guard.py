"""The safety net of extraction: a failing rule loses only its own finding, and says so.

Inside `net(strict=False)` (what users get), a rule that raises is logged at WARNING with its
name and counted in the extraction's `warnings`; with `strict=True` (tests, benches) it
raises, so a bug fails a test instead of vanishing. Outside any net, rules raise.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

logger = logging.getLogger("tracker.extract")
_R = TypeVar("_R")


@dataclass
class _Net:
    strict: bool
    warnings: list[str] = field(default_factory=list)


_current: ContextVar[_Net | None] = ContextVar("tracker_extract_net", default=None)


@contextmanager
def net(*, strict: bool) -> Iterator[list[str]]:
    """Catch rule failures inside (unless `strict`); yields the list the warnings go to."""
    state = _Net(strict)
    token = _current.set(state)
    try:
        yield state.warnings
    finally:
        _current.reset(token)


def is_strict() -> bool:
    """Whether failures raise here (outside a net they do)."""
    state = _current.get()
    return state is None or state.strict


def note_failure(name: str, exc: BaseException) -> None:
    """Count a failure another layer caught (the time-expression finders) as a warning."""
    state = _current.get()
    if state is not None:
        state.warnings.append(f"{name}: {type(exc).__name__}: {exc}")


def guarded(name: str, rule: Callable[..., _R], *args: Any) -> _R | None:
    """Run one rule; inside a lenient net a failure is a warning and None."""
    try:
        return rule(*args)
    except Exception as exc:
        state = _current.get()
        if state is None or state.strict:
            raise
        logger.warning("extraction rule %s failed: %s: %s", name, type(exc).__name__, exc)
        state.warnings.append(f"{name}: {type(exc).__name__}: {exc}")
        return None
