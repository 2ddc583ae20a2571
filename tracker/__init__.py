"""tracker: policy timeline and deadline tracker."""

from __future__ import annotations
