"""Turn raw bytes into text: UTF-8 first, then legacy encodings (cp1252 German text)."""

from __future__ import annotations

import codecs

from tracker.errors import InputError

_SNIFF = 8192


def decode_text(data: bytes, *, name: str) -> str:
    """Decode `data`; binary or undecodable input is an InputError naming `name`."""
    if not data.strip():
        raise InputError(f"{name}: empty document")
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), name)
    if b"\x00" in data[:_SNIFF]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return _checked(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError:
        pass
    return _checked(_decode_legacy(data, name), name)


def _decode_legacy(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    # Our sources are German and English: among legacy code pages prefer cp1252, a superset
    # of latin-1 that also maps the typographic quotes and dashes found in news text.
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15"]).best()
    if best is None:
        raise InputError(f"{name}: cannot decode the text (not UTF-8 or a Western encoding)")
    return str(best)


def _checked(text: str, name: str) -> str:
    controls = sum(1 for ch in text[:_SNIFF] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text[:_SNIFF]) // 100):
        raise InputError(f"{name}: binary file, not text")
    if not text.strip():
        raise InputError(f"{name}: empty document")
    return text
