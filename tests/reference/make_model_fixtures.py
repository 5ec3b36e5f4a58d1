#!/usr/bin/env python3
"""Writes small model-file fixtures for tests/core/model (run once; outputs are committed):

  tests/data/model/quant_blocks.gguf       GGUF v3 written independently of our C++ writer: metadata of all
                                           13 value types (nested array too) and tensors of types F32, F16,
                                           BF16, Q8_0, Q4_0, Q4_K, Q6_K with random blocks.
  tests/data/model/quant_blocks_expected.json  the dequantised values, computed here with numpy from the
                                           block layouts of ggml-common.h / ggml-quants.c.
  tests/data/model/fuzz/safetensors/*.safetensors, fuzz/gguf/*.gguf   small fuzz seeds.
"""
import json
import os
import struct

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "model")
rng = np.random.default_rng(1234)


def gguf_string(s):
    b = s.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


SCALAR_FMT = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q", 11: "<q", 12: "<d"}


def gguf_value(t, v):
    if t == 8:
        return gguf_string(v)
    if t == 9:
        et, items = v
        out = struct.pack("<IQ", et, len(items))
        for it in items:
            out += gguf_value(et, it)
        return out
    return struct.pack(SCALAR_FMT[t], v)


def write_gguf(path, kvs, tensors, alignment=32):
    """tensors: list of (name, ne list, ggml type, raw bytes)."""
    out = b"GGUF" + struct.pack("<IQQ", 3, len(tensors), len(kvs))
    for key, t, v in kvs:
        out += gguf_string(key) + struct.pack("<I", t) + gguf_value(t, v)
    offset = 0
    offsets = []
    for name, ne, gtype, raw in tensors:
        out += gguf_string(name) + struct.pack("<I", len(ne)) + b"".join(struct.pack("<Q", n) for n in ne)
        out += struct.pack("<IQ", gtype, offset)
        offsets.append(offset)
        offset += (len(raw) + alignment - 1) // alignment * alignment
    out += b"\0" * ((-len(out)) % alignment)
    for _, _, _, raw in tensors:
        out += raw + b"\0" * ((-len(raw)) % alignment)
    with open(path, "wb") as f:
        f.write(out)


def f16(x):
    return np.float16(x).tobytes()


def half(b):
    return np.frombuffer(b, dtype="<f2")[0].astype(np.float32)


def q8_0_blocks(n):
    raw, vals = b"", []
    for _ in range(n):
        d = np.float16(rng.uniform(0.001, 0.05))
        qs = rng.integers(-128, 128, 32, dtype=np.int8)
        raw += d.tobytes() + qs.tobytes()
        vals += list(qs.astype(np.float32) * np.float32(d))
    return raw, vals


def q4_0_blocks(n):
    raw, vals = b"", []
    for _ in range(n):
        d = np.float16(rng.uniform(0.001, 0.05))
        qs = rng.integers(0, 256, 16, dtype=np.uint8)
        raw += d.tobytes() + qs.tobytes()
        lo = (qs & 0x0F).astype(np.int32) - 8
        hi = (qs >> 4).astype(np.int32) - 8
        vals += list(np.concatenate([lo, hi]).astype(np.float32) * np.float32(d))
    return raw, vals


def q4_k_blocks(n):
    raw, vals = b"", []
    for _ in range(n):
        d = np.float16(rng.uniform(0.001, 0.01))
        dmin = np.float16(rng.uniform(0.001, 0.01))
        scales = rng.integers(0, 256, 12, dtype=np.uint8)
        qs = rng.integers(0, 256, 128, dtype=np.uint8)
        raw += d.tobytes() + dmin.tobytes() + scales.tobytes() + qs.tobytes()
        s = scales.astype(np.int32)
        sc = np.zeros(8, np.int32)
        mn = np.zeros(8, np.int32)
        sc[:4] = s[0:4] & 63
        mn[:4] = s[4:8] & 63
        sc[4:] = (s[8:12] & 0x0F) | ((s[0:4] >> 6) << 4)
        mn[4:] = (s[8:12] >> 4) | ((s[4:8] >> 6) << 4)
        out = []
        for c in range(4):  # 64 values per 32 bytes of qs: low nibbles then high nibbles
            q = qs[32 * c:32 * c + 32].astype(np.int32)
            for sub, nib in ((2 * c, q & 0x0F), (2 * c + 1, q >> 4)):
                dd = np.float32(d) * np.float32(sc[sub])
                mm = np.float32(dmin) * np.float32(mn[sub])
                out.append(dd * nib.astype(np.float32) - mm)
        vals += list(np.concatenate(out))
    return raw, vals


def q6_k_blocks(n):
    raw, vals = b"", []
    for _ in range(n):
        ql = rng.integers(0, 256, 128, dtype=np.uint8)
        qh = rng.integers(0, 256, 64, dtype=np.uint8)
        sc = rng.integers(-128, 128, 16, dtype=np.int8)
        d = np.float16(rng.uniform(0.0005, 0.005))
        raw += ql.tobytes() + qh.tobytes() + sc.tobytes() + d.tobytes()
        y = np.zeros(256, np.float32)
        for half_ in range(2):  # two halves of 128 values
            L = ql[64 * half_:64 * half_ + 64].astype(np.int32)
            H = qh[32 * half_:32 * half_ + 32].astype(np.int32)
            S = sc[8 * half_:8 * half_ + 8].astype(np.float32)
            l = np.arange(32)
            q1 = ((L[l] & 0xF) | (((H[l] >> 0) & 3) << 4)) - 32
            q2 = ((L[l + 32] & 0xF) | (((H[l] >> 2) & 3) << 4)) - 32
            q3 = ((L[l] >> 4) | (((H[l] >> 4) & 3) << 4)) - 32
            q4 = ((L[l + 32] >> 4) | (((H[l] >> 6) & 3) << 4)) - 32
            isc = l // 16
            base = 128 * half_
            y[base + l] = np.float32(d) * S[isc] * q1
            y[base + l + 32] = np.float32(d) * S[isc + 2] * q2
            y[base + l + 64] = np.float32(d) * S[isc + 4] * q3
            y[base + l + 96] = np.float32(d) * S[isc + 6] * q4
        vals += list(y)
    return raw, vals


def main():
    os.makedirs(os.path.join(ROOT, "fuzz", "gguf"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "fuzz", "safetensors"), exist_ok=True)
    f32 = rng.standard_normal(8).astype(np.float32)
    f16v = rng.standard_normal(8).astype(np.float16)
    bf = (rng.standard_normal(8).astype(np.float32).view(np.uint32) & 0xFFFF0000).astype(np.uint32)
    bf16_raw = (bf >> 16).astype("<u2").tobytes()
    q8, q8v = q8_0_blocks(2)
    q40, q40v = q4_0_blocks(2)
    q4k, q4kv = q4_k_blocks(2)
    q6k, q6kv = q6_k_blocks(2)
    tensors = [
        ("t.f32", [8], 0, f32.tobytes()),
        ("t.f16", [4, 2], 1, f16v.tobytes()),
        ("t.bf16", [8], 30, bf16_raw),
        ("t.q8_0", [32, 2], 8, q8),
        ("t.q4_0", [64], 2, q40),
        ("t.q4_k", [256, 2], 12, q4k),
        ("t.q6_k", [512], 14, q6k),
    ]
    kvs = [
        ("general.architecture", 8, "llama"),
        ("general.alignment", 4, 32),
        ("test.u8", 0, 200), ("test.i8", 1, -100), ("test.u16", 2, 60000), ("test.i16", 3, -30000),
        ("test.u32", 4, 4000000000), ("test.i32", 5, -2000000000), ("test.f32", 6, 1.5), ("test.bool", 7, True),
        ("test.string", 8, "héllo ▁wörld"), ("test.u64", 10, 2**63 + 5), ("test.i64", 11, -(2**40)),
        ("test.f64", 12, -2.25),
        ("test.strings", 9, (8, ["a", "", "<s>", "▁the"])),
        ("test.floats", 9, (6, [0.5, -1.0, 3.25])),
        ("test.ints", 9, (5, [1, -2, 3])),
        ("test.nested", 9, (9, [(4, [1, 2]), (4, [3])])),
    ]
    write_gguf(os.path.join(ROOT, "quant_blocks.gguf"), kvs, tensors)
    expected = {
        "t.f32": [float(x) for x in f32],
        "t.f16": [float(x) for x in f16v.astype(np.float32)],
        "t.bf16": [float(x) for x in bf.view(np.float32)],
        "t.q8_0": [float(x) for x in q8v],
        "t.q4_0": [float(x) for x in q40v],
        "t.q4_k": [float(x) for x in q4kv],
        "t.q6_k": [float(x) for x in q6kv],
    }
    with open(os.path.join(ROOT, "quant_blocks_expected.json"), "w") as f:
        json.dump(expected, f)
    # Fuzz seeds: the file above, a metadata-only file, and small safetensors files.
    write_gguf(os.path.join(ROOT, "fuzz", "gguf", "quant_blocks.gguf"), kvs, tensors)
    write_gguf(os.path.join(ROOT, "fuzz", "gguf", "metadata_only.gguf"), kvs[:6] + kvs[14:], [])
    def st(path, entries, meta=None):
        header, data = {}, b""
        if meta:
            header["__metadata__"] = meta
        for name, dtype, shape, raw in entries:
            header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [len(data), len(data) + len(raw)]}
            data += raw
        h = json.dumps(header).encode()
        h += b" " * ((-len(h)) % 8)
        with open(path, "wb") as f:
            f.write(struct.pack("<Q", len(h)) + h + data)
    st(os.path.join(ROOT, "fuzz", "safetensors", "mixed.safetensors"),
       [("a", "F32", [2, 4], f32.tobytes()), ("b", "F16", [8], f16v.tobytes()), ("c", "BF16", [2, 2, 2], bf16_raw)],
       {"format": "pt"})
    st(os.path.join(ROOT, "fuzz", "safetensors", "empty.safetensors"), [])


if __name__ == "__main__":
    main()
