"""Interfaces: the command line (and, later, REST and dashboard) over the same functions."""
