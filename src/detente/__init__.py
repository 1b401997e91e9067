"""detente: news about international affairs into coded, evidence-linked political events."""

__version__ = "0.1.0"
CODER_VERSION = "detente-coder-1"
