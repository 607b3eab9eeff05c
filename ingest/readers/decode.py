"""Turning the raw bytes of a text file into str, detecting the encoding from the content.

Chinese reports arrive as UTF-8 (with or without BOM), GB18030/GBK, Big5 and UTF-16. File names and
extensions say nothing reliable about this, so the bytes decide: BOM first, then the NUL pattern that
UTF-16 leaves, then strict decodes, with charset-normalizer as a last resort.
"""
from __future__ import annotations

import codecs
import unicodedata
from functools import lru_cache

# Signatures of formats that are certainly not text, whatever the file is called.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx?)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"RIFF", "RIFF media file"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Frequent characters of Chinese prose in both scripts. A wrong legacy decode (Big5 bytes read as GBK
# or the reverse) yields rare characters, so the right candidate is the one rich in these.
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
    "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质"
    "气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活"
    "设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则"
    "任取据处府研质信务工作报告"
    "這個們來為國說會時對發從後過現還進與關當點頭長問題開動經實應於將區務"
)
_COMMON_THRESHOLD = 0.3


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept; the message says why."""


def sniff_binary(raw: bytes) -> str | None:
    """Name the binary format these bytes start with, if they start like one."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return name
    return None


def decode_text(raw: bytes) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). Raises DecodeError for binary or undecodable data."""
    if not raw:
        raise DecodeError("empty file")
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(enc.replace("-sig", ""))
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but does not decode: {e.reason}") from None
            return _checked(text, enc), enc
    kind = sniff_binary(raw)
    if kind:
        raise DecodeError(f"binary content ({kind}), not text")
    if b"\x00" in raw:
        text_enc = _utf16_without_bom(raw)
        if text_enc is None:
            raise DecodeError("binary content (NUL bytes), not text")
        return text_enc
    try:
        return _checked(raw.decode("utf-8"), "utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            candidates.append((raw.decode(enc), enc))
        except UnicodeDecodeError:
            continue
    if candidates:
        text, enc = max(candidates, key=lambda c: _chinese_score(c[0]))
        if _chinese_score(text) >= _COMMON_THRESHOLD or len(candidates) == 1 and _printable_ratio(text) > 0.98:
            return _checked(text, enc), enc
        # Too little text to score (a line of punctuation, say): GB18030 is what Chinese
        # government files use when they are not UTF-8, so it wins over a statistical guess.
        gb = next((t for t, e in candidates if e == "gb18030"), None)
        if gb is not None and len(raw) < 64 and _printable_ratio(gb) == 1.0:
            return _checked(gb, "gb18030"), "gb18030"
    return _fallback(raw)


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM shows up as NUL bytes in the high half of ASCII characters.

    Little-endian puts them at odd offsets, big-endian at even ones; text with NULs spread evenly or
    decoding badly is binary.
    """
    if len(raw) % 2:
        return None
    sample = raw[:65536]
    even = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    for enc in order:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if _printable_ratio(text) > 0.97:
            return _checked(text, enc), enc
    return None


def _fallback(raw: bytes) -> tuple[str, str]:
    """Let charset-normalizer judge encodings we do not try ourselves, but still refuse binary."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1_000_000]).best()
    if best is not None and best.encoding:
        try:
            text = raw.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _printable_ratio(text) > 0.98:
            return _checked(text, best.encoding), best.encoding
    raise DecodeError("binary or undecodable content: not UTF-8, UTF-16, GB18030 or Big5 text")


def _checked(text: str, enc: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    if _printable_ratio(text) < 0.95:
        raise DecodeError(f"binary content (mostly control characters when read as {enc})")
    return text


def _printable_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 1.0
    # each distinct character looked up once (a report's 20,000 characters hold ~1,500 distinct ones):
    # the per-character loop was 2% of build_batch's CPU; only the bad ones are counted (a report has
    # none: counting every character was 1.5% of build_batch's CPU)
    bad = sum(sample.count(ch) for ch in set(sample) if _unprintable(ch))
    return 1 - bad / len(sample)


@lru_cache(maxsize=1 << 16)  # reports share most of their characters: each one's category looked up once
def _unprintable(ch: str) -> bool:
    return ch not in "\n\r\t\f\v" and unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")


def _chinese_score(text: str) -> float:
    """Share of CJK characters that are common ones: high for a right decode, low for mojibake."""
    sample = text[:20000]
    cjk = [ch for ch in sample if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch > "\uffff"]
    if not cjk:
        return 0.0
    return sum(ch in _COMMON for ch in cjk) / len(cjk)
