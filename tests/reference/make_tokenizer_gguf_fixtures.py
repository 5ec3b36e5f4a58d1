#!/usr/bin/env python3
"""Writes small hostile/edge-case GGUF tokenizer fixtures to tests/data/tokenizer/ (run once; outputs are
committed). Each file holds only tokenizer.* metadata and no tensors, like llama.cpp's ggml-vocab-*.gguf.

  unsupported_model.gguf   tokenizer.ggml.model = "bert"                  -> refused, names the model
  unknown_pre.gguf         gpt2 with tokenizer.ggml.pre = "no-such-pre"   -> refused, names the pre
  merge_unknown.gguf       gpt2 whose second merge refers to a missing piece
  scores_mismatch.gguf     llama with 5 tokens but 3 scores
  tiny_gpt2.gguf           a valid 260-token byte-level vocab: "Ġt", "he", "Ġthe" merges, <|eot|> control,
                           chat template; used to check the loader end to end
Usage: python3 tests/reference/make_tokenizer_gguf_fixtures.py
"""
import os
import struct

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "tokenizer")

U32, I32, F32, BOOL, STR, ARR = 4, 5, 6, 7, 8, 9


def s(text):
    b = text.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def value(vtype, v):
    if vtype == STR:
        return s(v)
    if vtype == U32:
        return struct.pack("<I", v)
    if vtype == I32:
        return struct.pack("<i", v)
    if vtype == F32:
        return struct.pack("<f", v)
    if vtype == BOOL:
        return struct.pack("<B", 1 if v else 0)
    raise ValueError(vtype)


def kv(key, vtype, v, elem=None):
    out = s(key) + struct.pack("<I", vtype)
    if vtype == ARR:
        out += struct.pack("<IQ", elem, len(v)) + b"".join(value(elem, x) for x in v)
    else:
        out += value(vtype, v)
    return out


def write(name, kvs):
    data = b"GGUF" + struct.pack("<IQQ", 3, 0, len(kvs)) + b"".join(kvs)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def byte_level_alphabet():
    printable = list(range(0x21, 0x7F)) + list(range(0xA1, 0xAD)) + list(range(0xAE, 0x100))
    chars, n = {}, 256
    for b in range(256):
        if b in printable:
            chars[b] = chr(b)
        else:
            chars[b] = chr(n)
            n += 1
    return [chars[b] for b in range(256)]


def main():
    os.makedirs(OUT, exist_ok=True)
    alphabet = byte_level_alphabet()
    G = "\u0120"  # Ġ
    tokens = alphabet + [G + "t", "he", G + "the", "<|eot|>"]
    types = [1] * 259 + [3]
    base = [kv("general.architecture", STR, "llama"), kv("tokenizer.ggml.tokens", ARR, tokens, STR),
            kv("tokenizer.ggml.token_type", ARR, types, I32)]
    write("tiny_gpt2.gguf", base + [
        kv("tokenizer.ggml.model", STR, "gpt2"), kv("tokenizer.ggml.pre", STR, "gpt-2"),
        kv("tokenizer.ggml.merges", ARR, [G + " t", "h e", G + "t he"], STR),
        kv("tokenizer.ggml.eos_token_id", U32, 259), kv("tokenizer.ggml.add_bos_token", BOOL, False),
        kv("tokenizer.chat_template", STR, "{% for m in messages %}{{ m.content }}<|eot|>{% endfor %}")])
    write("unsupported_model.gguf", base + [kv("tokenizer.ggml.model", STR, "bert")])
    write("unknown_pre.gguf", base + [
        kv("tokenizer.ggml.model", STR, "gpt2"), kv("tokenizer.ggml.pre", STR, "no-such-pre"),
        kv("tokenizer.ggml.merges", ARR, [G + " t"], STR)])
    write("merge_unknown.gguf", base + [
        kv("tokenizer.ggml.model", STR, "gpt2"), kv("tokenizer.ggml.pre", STR, "gpt-2"),
        kv("tokenizer.ggml.merges", ARR, [G + " t", "q zz"], STR)])
    write("scores_mismatch.gguf", [
        kv("tokenizer.ggml.model", STR, "llama"),
        kv("tokenizer.ggml.tokens", ARR, ["<unk>", "<s>", "</s>", "\u2581a", "a"], STR),
        kv("tokenizer.ggml.scores", ARR, [0.0, 0.0, 0.0], F32)])


if __name__ == "__main__":
    main()
