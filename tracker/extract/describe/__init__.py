"""Descriptions of findings: short sentences, deliverable keys, actors."""

from __future__ import annotations
