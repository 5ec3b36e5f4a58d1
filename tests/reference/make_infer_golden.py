#!/usr/bin/python3
"""Golden fixtures for the inference engine (core/infer): small random Llama-family models and the logits an
independent float64 PyTorch implementation computes for them.

Run once with Debian's python3-torch:  /usr/bin/python3 tests/reference/make_infer_golden.py
Writes tests/data/infer/<variant>/{config.json, model.safetensors}. config.json is a Hugging Face
LlamaForCausalLM / Qwen2ForCausalLM config; model.safetensors (written by hand below: 8-byte LE header
size, JSON header, raw little-endian data) holds the F32 weights under their Hugging Face names plus
the golden data under names starting with "golden.":
  golden.tokens.<i>  (T,) token ids of sequence i, stored as float32
  golden.logits.<i>  (T, V) float32 logits at every position of sequence i
The variant "llama_interleaved" stores q/k rows in the Meta/llama2.c interleaved-pair layout (marked by
"tunebench_rope_layout": "interleaved" in config.json); every other variant uses Hugging Face rotate-half.
"""
import json
import math
import os
import struct

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "infer")

VARIANTS = {
    # name: config overrides
    "llama_tied": dict(model_type="llama", hidden=32, layers=2, heads=4, kv_heads=4, head_dim=8, ffn=24,
                       vocab=40, theta=10000.0, tied=True, bias=False, layout="rotate_half", scaling=None),
    "llama_untied_gqa": dict(model_type="llama", hidden=32, layers=2, heads=4, kv_heads=2, head_dim=8, ffn=24,
                             vocab=40, theta=10000.0, tied=False, bias=False, layout="rotate_half", scaling=None),
    "qwen2_bias": dict(model_type="qwen2", hidden=32, layers=2, heads=4, kv_heads=2, head_dim=8, ffn=24,
                       vocab=40, theta=1000000.0, tied=True, bias=True, layout="rotate_half", scaling=None),
    # head_dim 16 with theta 5e5 and original context 128 puts frequencies in all three Llama 3 bands
    # (kept, blended, divided by factor).
    "llama3_scaling": dict(model_type="llama", hidden=32, layers=2, heads=2, kv_heads=1, head_dim=16, ffn=24,
                           vocab=40, theta=500000.0, tied=True, bias=False, layout="rotate_half",
                           scaling=dict(rope_type="llama3", factor=8.0, low_freq_factor=1.0, high_freq_factor=4.0,
                                        original_max_position_embeddings=128)),
    "llama_interleaved": dict(model_type="llama", hidden=32, layers=2, heads=4, kv_heads=2, head_dim=8, ffn=24,
                              vocab=40, theta=10000.0, tied=True, bias=False, layout="interleaved", scaling=None),
    # Mistral: each token sees itself and the 4 before it (transformers' mask: key s visible iff t - s < window).
    "mistral_sliding": dict(model_type="mistral", hidden=32, layers=2, heads=4, kv_heads=2, head_dim=8, ffn=24,
                            vocab=40, theta=10000.0, tied=False, bias=False, layout="rotate_half", scaling=None,
                            window=5),
}
EPS = 1e-5
# Sequences longer than 128 positions are not needed: positions up to 24 already rotate the slow bands.
SEQUENCE_LENGTHS = [7, 24]


def inv_freq(cfg):
    d = cfg["head_dim"]
    inv = torch.tensor([1.0 / (cfg["theta"] ** (2.0 * j / d)) for j in range(d // 2)], dtype=torch.float64)
    s = cfg["scaling"]
    if s is None:
        return inv
    low_wavelen = s["original_max_position_embeddings"] / s["low_freq_factor"]
    high_wavelen = s["original_max_position_embeddings"] / s["high_freq_factor"]
    out = []
    for f in inv.tolist():
        wavelen = 2 * math.pi / f
        if wavelen < high_wavelen:
            out.append(f)
        elif wavelen > low_wavelen:
            out.append(f / s["factor"])
        else:
            smooth = (s["original_max_position_embeddings"] / wavelen - s["low_freq_factor"]) / (
                s["high_freq_factor"] - s["low_freq_factor"])
            out.append((1 - smooth) * f / s["factor"] + smooth * f)
    return torch.tensor(out, dtype=torch.float64)


def rope(x, cfg, positions):
    """x: (T, H, D) float64. Rotates pairs per the variant's layout."""
    d = cfg["head_dim"]
    ang = positions[:, None].double() * inv_freq(cfg)[None, :]  # (T, D/2)
    cos, sin = torch.cos(ang)[:, None, :], torch.sin(ang)[:, None, :]
    if cfg["layout"] == "interleaved":
        a, b = x[..., 0::2], x[..., 1::2]
        out = torch.empty_like(x)
        out[..., 0::2] = a * cos - b * sin
        out[..., 1::2] = a * sin + b * cos
        return out
    a, b = x[..., : d // 2], x[..., d // 2:]
    return torch.cat([a * cos - b * sin, b * cos + a * sin], dim=-1)


def rmsnorm(x, w):
    return x / torch.sqrt((x * x).mean(-1, keepdim=True) + EPS) * w


def forward(cfg, W, tokens):
    T = len(tokens)
    H, KH, D = cfg["heads"], cfg["kv_heads"], cfg["head_dim"]
    x = W["model.embed_tokens.weight"][torch.tensor(tokens)]
    pos = torch.arange(T)
    mask = torch.triu(torch.full((T, T), float("-inf"), dtype=torch.float64), diagonal=1)
    if cfg.get("window"):
        t = torch.arange(T).view(-1, 1)
        s = torch.arange(T).view(1, -1)
        mask = mask.masked_fill(t - s >= cfg["window"], float("-inf"))
    for l in range(cfg["layers"]):
        p = f"model.layers.{l}."
        h = rmsnorm(x, W[p + "input_layernorm.weight"])
        q = h @ W[p + "self_attn.q_proj.weight"].T
        k = h @ W[p + "self_attn.k_proj.weight"].T
        v = h @ W[p + "self_attn.v_proj.weight"].T
        if cfg["bias"]:
            q = q + W[p + "self_attn.q_proj.bias"]
            k = k + W[p + "self_attn.k_proj.bias"]
            v = v + W[p + "self_attn.v_proj.bias"]
        q = rope(q.view(T, H, D), cfg, pos)
        k = rope(k.view(T, KH, D), cfg, pos)
        v = v.view(T, KH, D)
        rep = H // KH
        k = k.repeat_interleave(rep, dim=1)
        v = v.repeat_interleave(rep, dim=1)
        att = torch.einsum("thd,shd->hts", q, k) / math.sqrt(D) + mask
        att = torch.softmax(att, dim=-1)
        o = torch.einsum("hts,shd->thd", att, v).reshape(T, H * D)
        x = x + o @ W[p + "self_attn.o_proj.weight"].T
        h = rmsnorm(x, W[p + "post_attention_layernorm.weight"])
        g = h @ W[p + "mlp.gate_proj.weight"].T
        u = h @ W[p + "mlp.up_proj.weight"].T
        x = x + (torch.nn.functional.silu(g) * u) @ W[p + "mlp.down_proj.weight"].T
    x = rmsnorm(x, W["model.norm.weight"])
    head = W["model.embed_tokens.weight"] if cfg["tied"] else W["lm_head.weight"]
    return x @ head.T


def make_weights(cfg, gen):
    C, H, KH, D, F, V = cfg["hidden"], cfg["heads"], cfg["kv_heads"], cfg["head_dim"], cfg["ffn"], cfg["vocab"]
    def rnd(*shape, scale):
        return torch.randn(*shape, generator=gen, dtype=torch.float64) * scale
    W = {"model.embed_tokens.weight": rnd(V, C, scale=1.0)}
    for l in range(cfg["layers"]):
        p = f"model.layers.{l}."
        W[p + "input_layernorm.weight"] = 1.0 + rnd(C, scale=0.1)
        W[p + "self_attn.q_proj.weight"] = rnd(H * D, C, scale=0.3)
        W[p + "self_attn.k_proj.weight"] = rnd(KH * D, C, scale=0.3)
        W[p + "self_attn.v_proj.weight"] = rnd(KH * D, C, scale=0.2)
        W[p + "self_attn.o_proj.weight"] = rnd(C, H * D, scale=0.2)
        if cfg["bias"]:
            W[p + "self_attn.q_proj.bias"] = rnd(H * D, scale=0.2)
            W[p + "self_attn.k_proj.bias"] = rnd(KH * D, scale=0.2)
            W[p + "self_attn.v_proj.bias"] = rnd(KH * D, scale=0.2)
        W[p + "post_attention_layernorm.weight"] = 1.0 + rnd(C, scale=0.1)
        W[p + "mlp.gate_proj.weight"] = rnd(F, C, scale=0.2)
        W[p + "mlp.up_proj.weight"] = rnd(F, C, scale=0.2)
        W[p + "mlp.down_proj.weight"] = rnd(C, F, scale=0.2)
    W["model.norm.weight"] = 1.0 + rnd(C, scale=0.1)
    if not cfg["tied"]:
        W["lm_head.weight"] = rnd(V, C, scale=0.3)
    # Round to float32 once: the fixture stores F32 and the reference must use exactly those values.
    return {k: v.float().double() for k, v in W.items()}


def write_safetensors(path, tensors):
    """tensors: name -> (dtype string, shape list, bytes)."""
    header, offset, blobs = {}, 0, []
    for name, (dtype, shape, data) in tensors.items():
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    header["__metadata__"] = {"format": "pt", "producer": "tests/reference/make_infer_golden.py"}
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def f32_bytes(t):
    return t.float().contiguous().numpy().astype("<f4").tobytes()


def hf_config(name, cfg):
    c = {
        "architectures": [{"qwen2": "Qwen2ForCausalLM", "mistral": "MistralForCausalLM"}.get(cfg["model_type"],
                                                                                        "LlamaForCausalLM")],
        "model_type": cfg["model_type"],
        "hidden_size": cfg["hidden"],
        "intermediate_size": cfg["ffn"],
        "num_hidden_layers": cfg["layers"],
        "num_attention_heads": cfg["heads"],
        "num_key_value_heads": cfg["kv_heads"],
        "head_dim": cfg["head_dim"],
        "vocab_size": cfg["vocab"],
        "max_position_embeddings": 256,
        "rms_norm_eps": EPS,
        "rope_theta": cfg["theta"],
        "rope_scaling": cfg["scaling"],
        "hidden_act": "silu",
        "attention_bias": cfg["bias"],
        "tie_word_embeddings": cfg["tied"],
        "bos_token_id": 1,
        "eos_token_id": 2,
        "torch_dtype": "float32",
    }
    if cfg.get("window"):
        c["sliding_window"] = cfg["window"]
    if cfg.get("window"):
        c["sliding_window"] = cfg["window"]
    if cfg["layout"] == "interleaved":
        c["tunebench_rope_layout"] = "interleaved"
    return c


def main():
    for index, (name, cfg) in enumerate(VARIANTS.items()):
        gen = torch.Generator().manual_seed(1000 + index)
        W = make_weights(cfg, gen)
        tensors = {k: ("F32", list(v.shape), f32_bytes(v)) for k, v in W.items()}
        for i, T in enumerate(SEQUENCE_LENGTHS):
            toks = torch.randint(0, cfg["vocab"], (T,), generator=gen).tolist()
            logits = forward(cfg, W, toks)
            # Token ids stored as F32 (exact for small ids) so that readers limited to float dtypes accept the file.
            tensors[f"golden.tokens.{i}"] = ("F32", [T], struct.pack(f"<{T}f", *toks))
            tensors[f"golden.logits.{i}"] = ("F32", list(logits.shape), f32_bytes(logits))
        d = os.path.join(OUT, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "config.json"), "w") as f:
            json.dump(hf_config(name, cfg), f, indent=2)
            f.write("\n")
        write_safetensors(os.path.join(d, "model.safetensors"), tensors)
        print(name, "written,", sum(len(t[2]) for t in tensors.values()), "bytes of tensors")


if __name__ == "__main__":
    main()
