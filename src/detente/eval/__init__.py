"""Scoring detente against gold sets (`detente eval ...`)."""
