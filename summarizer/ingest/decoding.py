"""Which text encoding a file is in: its BOM, else strict UTF-8, else charset-normalizer (cp1252 when in doubt).

Also recognises files that are not text at all (PDF, Office, images, archives)
by their first bytes, so the message can say what to do with them.
"""

from __future__ import annotations

import codecs
import re

BOMS = (  # longest first: the UTF-32-LE BOM starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAGIC = (
    (b"%PDF", "PDF", "convert it to text first (pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive, or a .docx/.odt document", "unpack it, or save the document as .txt or .html first"),
    (b"\xd0\xcf\x11\xe0", "an Office document", "save it as .txt or .html first"),
    (b"{\\rtf", "RTF", "save it as .txt or .html first"),
    (b"\x89PNG", "a PNG image", ""),
    (b"\xff\xd8\xff", "a JPEG image", ""),
    (b"GIF8", "a GIF image", ""),
    (b"BZh", "bzip2-compressed", "decompress it first (bunzip2)"),
    (b"\xfd7zXZ\x00", "xz-compressed", "decompress it first (unxz)"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed", "decompress it first (unzstd)"),
    (b"7z\xbc\xaf", "a 7-Zip archive", "unpack it first"),
    (b"\x7fELF", "a program", ""),
)
LATIN = {"latin_1", "iso8859_1", "iso8859_15", "ascii"}
LATIN_SCRIPT = {"cp1250", "cp1254", "cp1257", "cp775", "cp850", "cp852", "cp858", "mac_latin2", "mac_roman", "mac_iceland", "mac_turkish"}
LATIN_SCRIPT |= {f"iso8859_{n}" for n in (2, 3, 4, 9, 10, 13, 14, 16)}
WESTERN = {"English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Danish", "Swedish", "Norwegian", "Finnish", "Unknown", ""}
UNLIKELY_CP1252 = set("¤¦¨¯´¸¹²³¼½¾")
SAMPLE = 1024 * 1024
NOT_TEXT = "not a text file"


def spelled(encoding: str) -> str:
    """An encoding's name as people write it: UTF-8, UTF-16, cp1252."""
    return encoding.upper() if encoding.lower().startswith("utf") else encoding


def bom_of(head: bytes) -> tuple[str, int]:
    """(encoding, BOM length) when ``head`` starts with a byte-order mark, else ('', 0)."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return "", 0


def codec_for(encoding: str, has_bom: bool) -> str:
    """The Python codec that decodes the body after the BOM ('utf-16' and 'utf-32' read the BOM themselves)."""
    if encoding == "utf-8" and has_bom:
        return "utf-8-sig"
    return encoding


def binary_kind(head: bytes) -> str:
    """What a non-text file is, with a hint, from its first bytes ('' when nothing is recognised)."""
    for magic, what, hint in MAGIC:
        if head.startswith(magic):
            return f"{NOT_TEXT} ({what})" + (f": {hint}" if hint else "")
    return ""


def utf16_without_bom(sample: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when ``sample`` looks like mostly-ASCII UTF-16 text without a BOM, else ''."""
    if len(sample) < 8:
        return ""
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.05 * len(odd):
        return "utf-16-be"
    return ""


def detect(sample: bytes) -> str:
    """The encoding of text starting with ``sample`` (after any BOM): a codec name, or '' when it is not text."""
    encoding, _ = bom_of(sample)
    if encoding:
        return encoding
    if b"\x00" in sample:
        return utf16_without_bom(sample)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 3 and error.reason == "unexpected end of data":
            return "utf-8"  # the sample cut a character in two
    punctuation = windows_punctuation(sample)
    if punctuation and reads_as_cp1252(sample):
        return "cp1252"  # its dashes and quotes: a detector misreads a short sample (cp1125 for "rose \x96 sharply")
    return legacy(sample) if punctuation or in_words(sample) else "utf-8"


UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def windows_punctuation(sample: bytes) -> bool:
    """True when no byte sequence is valid UTF-8 beyond ASCII and most non-ASCII bytes are 0x80-0x9F.

    Those are Windows-1252's dashes, curly quotes and ellipsis (control codes
    in Latin-1, never the first byte of a UTF-8 character): "Prices rose \x96
    sharply" is cp1252 even though its dash stands between spaces.
    """
    high = [byte for byte in sample if byte >= 0x80]
    return bool(high) and not UTF8_MULTIBYTE.search(sample) and sum(1 for byte in high if byte <= 0x9F) * 2 > len(high)


def in_words(sample: bytes) -> bool:
    """True when most non-ASCII bytes stand next to a letter, digit or another non-ASCII byte, as accents in words do.

    A UTF-8 file with a stray bad byte (between spaces, or alone) is not taken
    for a legacy encoding: its bad lines are reported one by one instead.
    """
    high = [index for index, byte in enumerate(sample) if byte >= 0x80]
    near = sum(1 for index in high if any(is_wordish(sample, index + step) for step in (-1, 1)))
    return near * 2 >= len(high) > 0


def is_wordish(sample: bytes, index: int) -> bool:
    """True when the byte at ``index`` is a letter, a digit or non-ASCII."""
    if not 0 <= index < len(sample):
        return False
    byte = sample[index]
    return byte >= 0x80 or chr(byte).isalnum()


def legacy(sample: bytes) -> str:
    """A legacy encoding by charset-normalizer; cp1252 when the text is in a Western language and reads as cp1252.

    charset-normalizer often names cp1250 or cp1257 for German or French text
    whose bytes mean the same letters in cp1252 (or nearly): in doubt, cp1252.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return ""
    name = best.encoding
    if name in LATIN or name == "cp1252":
        return "cp1252" if reads_as_cp1252(sample) else "latin-1"
    western = best.language in WESTERN or any(m.encoding == "cp1252" and m.coherence >= best.coherence for m in matches)
    if name in LATIN_SCRIPT and western and reads_as_cp1252(sample):
        return "cp1252"
    return name


def reads_as_cp1252(sample: bytes) -> bool:
    """True when ``sample`` is valid cp1252 without the symbols that betray another code page (¹ ³ ¤ ¦ ...)."""
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any(char in UNLIKELY_CP1252 for char in text)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) of a whole file's bytes; raise ValueError with the reason when it is not text."""
    kind = binary_kind(data[:8])
    if kind:
        raise ValueError(kind)
    encoding = detect(data[:SAMPLE])
    if not encoding:
        raise ValueError(f"{NOT_TEXT} (binary data, or no known text encoding fits)")
    _, bom = bom_of(data[:4])
    try:
        return data.decode(codec_for(encoding, bom > 0)), encoding
    except UnicodeDecodeError as error:
        fallback = "latin-1" if encoding == "cp1252" else legacy(data[:SAMPLE]) if encoding == "utf-8" and not bom else ""
        if fallback and fallback != encoding:
            return decode_bytes_as(data, fallback, error)
        raise ValueError(f"not valid {spelled(encoding)} text (byte {error.start + 1}); save it as UTF-8") from None


def decode_known_legacy(data: bytes, legacy: str = "cp1252") -> tuple[str, str]:
    """(text, encoding) by a fixed rule, for a corpus whose legacy code page is known (NIST's newswire: cp1252):
    a BOM's encoding, else strict UTF-8, else ``legacy``, else Latin-1, which decodes any byte. Nothing is
    guessed, so the text never depends on a detector's version. ValueError for files that are not text."""
    kind = binary_kind(data[:8])
    if kind:
        raise ValueError(kind)
    encoding, _ = bom_of(data[:4])
    if encoding:
        try:
            return data.decode(codec_for(encoding, True)), encoding
        except UnicodeDecodeError as error:
            raise ValueError(f"not valid {spelled(encoding)} text (byte {error.start + 1}) after its byte-order mark") from None
    for candidate in ("utf-8", legacy):
        try:
            return data.decode(candidate), candidate
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def decode_bytes_as(data: bytes, encoding: str, first: UnicodeDecodeError) -> tuple[str, str]:
    """(text, encoding) decoded from a second-choice encoding; the first choice's error when that fails too."""
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        raise ValueError(f"not valid {spelled(first.encoding)} text (byte {first.start + 1}); save it as UTF-8") from None
