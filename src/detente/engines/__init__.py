"""Engines run the same pipeline stages at scale; every engine gives identical events."""

from detente.engines.local import run_local

__all__ = ["run_local"]
