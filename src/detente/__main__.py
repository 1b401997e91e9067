"""`python -m detente` runs the command line."""

from detente.interfaces.cli import run

run()
