"""Exports of the store in the ecosystem's formats: CSV, Parquet, GDELT 2.0, ICEWS, PLOVER."""

from detente.exports.writers import EXPORT_FORMATS, export

__all__ = ["EXPORT_FORMATS", "export"]
