"""The store stage: articles, events and quotes kept in DuckDB (default) for querying."""

from detente.store.duckdb import DuckStore, EventFilter, open_store

__all__ = ["DuckStore", "EventFilter", "open_store"]
