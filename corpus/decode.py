"""Bytes to text: UTF-8 first, then what charset-normalizer detects; binary data is refused."""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell; the message says why."""


def decode_bytes(data: bytes) -> str:
    """Decode file content to str, detecting the encoding when it is not UTF-8.

    Raises DecodeError for empty, binary or undecodable data.
    """
    if not data.strip():
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} text ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only paid for when a file is not UTF-8

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeError("cannot tell the text encoding (not UTF-8, and no other encoding fits)")
    # Several code pages often read the bytes equally well (cp775 and cp1252 for "café"); the
    # detector's pick among them is arbitrary. Windows-1252, by far the commonest of them, wins ties.
    for match in results:
        if match.chaos <= best.chaos and "cp1252" in (match.encoding, *match.could_be_from_charset):
            return data.decode("cp1252")
    return str(best)
