"""The analysis stage: cooperation/conflict series and summaries between actors."""

from detente.analysis.dyad import DyadPoint, DyadSummary, dyad_series, dyad_summary

__all__ = ["DyadPoint", "DyadSummary", "dyad_series", "dyad_summary"]
