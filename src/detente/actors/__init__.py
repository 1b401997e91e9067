"""The actors stage: mentions in a Doc resolved to time-aware CAMEO actor codes."""

from detente.actors.kb import Entry, KnowledgeBase, load_kb
from detente.actors.resolve import DocActors, resolve_doc

__all__ = ["DocActors", "Entry", "KnowledgeBase", "load_kb", "resolve_doc"]
