"""Bytes to text: UTF-8, then a BOM's encoding, then cp1252 only when it decodes cleanly."""

from __future__ import annotations

import codecs
import re

# Signatures of common binary formats people drop into news folders by mistake.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file",
    b"\x7fELF": "a program",
    b"SQLite format 3": "an SQLite database",
}
# C0 control characters other than tab, newline, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """Bytes that are not readable text; the message is one line for the person who gave them."""


def describe_binary(data: bytes) -> str | None:
    """What kind of binary file ``data`` starts like, or None when it may be text."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in head:
        if len(head) >= 8 and (head[1::2].count(0) > 0.8 * len(head[1::2])
                               or head[0::2].count(0) > 0.8 * len(head[0::2])):
            return "UTF-16 text without a byte-order mark (re-save it as UTF-8)"
        return "a binary file"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as text or raise DecodeError with one clear line.

    Order: a BOM (UTF-8, UTF-16) decides; else strict UTF-8; else cp1252 when every byte maps
    to a character and no control characters appear (Windows-saved news text); else an error.
    """
    binary = describe_binary(data)
    if binary is not None:
        raise DecodeError(binary if binary.startswith("UTF-16") else f"{binary}, not text")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _CONTROL.search(text):
        return text
    raise DecodeError(
        f"not valid UTF-8 (bad byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not cleanly Windows-1252; re-save the file as UTF-8")
