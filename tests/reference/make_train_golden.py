#!/usr/bin/env python3
"""Independent PyTorch reference for the trainer's one-step check (run once; output committed).

Writes tests/data/train/one_step_golden.json: small random Llama-family models (GQA 4 heads / 2 kv heads,
untied head; variants: plain llama with RotateHalf RoPE, qwen2 with q/k/v biases and rsLoRA, and
interleaved RoPE with Llama 3 frequency scaling), a 2x7 batch with a padded row, masked prompt tokens and
two packed examples in the other row, LoRA r=2 on q,k,v,o,gate,up,down with fixed random A and B.
Expected: mean cross-entropy over target tokens, every LoRA gradient, and the LoRA values after one
torch.optim.AdamW step. Written from the math of the HF Llama/Qwen2 modelling code and PEFT's LoRA layer,
not from the C++ code.

Usage: /usr/bin/python3 tests/reference/make_train_golden.py
"""
import json
import math
import os
import zlib

import torch

torch.manual_seed(1234)
torch.set_default_dtype(torch.float64)  # reference in double; C++ runs float

V, C, L, NH, NKV, F = 37, 16, 2, 4, 2, 24
D = C // NH
TARGETS = ["q", "k", "v", "o", "gate", "up", "down"]
R = 2
ALPHA = 4.0
ADAM = dict(lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05)


def rope_inv_freq(theta, llama3):
    inv = 1.0 / (theta ** (torch.arange(0, D, 2, dtype=torch.int64).double() / D))
    if llama3:
        factor, low, high, old = llama3
        low_wl, high_wl = old / low, old / high
        wl = 2 * math.pi / inv
        inv_l = torch.where(wl > low_wl, inv / factor, inv)
        smooth = (old / wl - low) / (high - low)
        smoothed = (1 - smooth) * inv_l / factor + smooth * inv_l
        medium = ~(wl < high_wl) * ~(wl > low_wl)
        inv = torch.where(medium, smoothed, inv_l)
    return inv


def apply_rope(x, pos, inv, layout):
    # x (B, T, H, D); pos (B, T)
    ang = pos.double()[..., None] * inv  # (B, T, D/2)
    c, s = torch.cos(ang)[:, :, None, :], torch.sin(ang)[:, :, None, :]
    if layout == "rotate_half":
        x1, x2 = x[..., : D // 2], x[..., D // 2:]
    else:
        x1, x2 = x[..., 0::2], x[..., 1::2]
    y1 = x1 * c - x2 * s
    y2 = x1 * s + x2 * c
    if layout == "rotate_half":
        return torch.cat([y1, y2], -1)
    return torch.stack([y1, y2], -1).flatten(-2)


def rms(x, w, eps=1e-5):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * w


def make_variant(name, bias, layout, llama3, rslora):
    g = torch.Generator().manual_seed(zlib.crc32(name.encode()))
    rnd = lambda *shape, s=0.3: torch.randn(*shape, generator=g) * s
    W = {"embed": rnd(V, C, s=0.5), "final_norm": 1 + rnd(C, s=0.1), "lm_head": rnd(V, C)}
    for l in range(L):
        p = f"{l}."
        W[p + "attn_norm"] = 1 + rnd(C, s=0.1)
        W[p + "ffn_norm"] = 1 + rnd(C, s=0.1)
        W[p + "q"], W[p + "k"], W[p + "v"] = rnd(NH * D, C), rnd(NKV * D, C), rnd(NKV * D, C)
        W[p + "o"] = rnd(C, NH * D)
        W[p + "gate"], W[p + "up"], W[p + "down"] = rnd(F, C), rnd(F, C), rnd(C, F)
        if bias:
            W[p + "q.bias"], W[p + "k.bias"], W[p + "v.bias"] = rnd(NH * D, s=0.1), rnd(NKV * D, s=0.1), rnd(NKV * D, s=0.1)
    shapes = {"q": (NH * D, C), "k": (NKV * D, C), "v": (NKV * D, C), "o": (C, NH * D),
              "gate": (F, C), "up": (F, C), "down": (C, F)}
    lora = {}
    for l in range(L):
        for t in TARGETS:
            out, inp = shapes[t]
            lora[f"{l}.{t}.lora_A"] = (torch.rand(R, inp, generator=g) * 2 - 1) / math.sqrt(inp)
            lora[f"{l}.{t}.lora_B"] = rnd(out, R, s=0.2)
    # float32 round trip so C++ sees exactly these values
    W = {k: v.float().double() for k, v in W.items()}
    lora = {k: v.float().double().requires_grad_(True) for k, v in lora.items()}
    flat = lambda t: [float(x) for x in t.detach().reshape(-1)]
    initial = {k: flat(v) for k, v in lora.items()}
    scale = ALPHA / math.sqrt(R) if rslora else ALPHA / R
    theta = 500000.0 if llama3 else 10000.0
    l3 = (8.0, 1.0, 4.0, 16) if llama3 else None
    inv = rope_inv_freq(theta, l3)

    B, T = 2, 7
    tokens = torch.tensor([[3, 7, 1, 9, 4, 0, 0], [2, 5, 8, 11, 6, 12, 1]])
    targets = torch.full((B, T), -100)
    targets[0, 1:4] = tokens[0, 2:5]        # prompt 3,7 masked; completion 1,9,4
    targets[1, 0:3] = tokens[1, 1:4]        # packed example 1: 2,5,8,11
    targets[1, 4:6] = tokens[1, 5:7]        # packed example 2: 6,12,1
    segments = torch.tensor([[0, 0, 0, 0, 0, -1, -1], [0, 0, 0, 0, 1, 1, 1]])
    positions = torch.tensor([[0, 1, 2, 3, 4, 0, 0], [0, 1, 2, 3, 0, 1, 2]])
    i = torch.arange(T)
    allowed = (i[None, :, None] >= i[None, None, :]) & (segments[:, :, None] == segments[:, None, :]) & (segments[:, :, None] >= 0)
    allowed = allowed | torch.eye(T, dtype=torch.bool)[None]  # padding queries see themselves (no NaN; unused)

    def linear(x, l, t):
        y = x @ W[f"{l}.{t}"].T
        if f"{l}.{t}.bias" in W:
            y = y + W[f"{l}.{t}.bias"]
        A, Bm = lora[f"{l}.{t}.lora_A"], lora[f"{l}.{t}.lora_B"]
        return y + scale * ((x @ A.T) @ Bm.T)

    def loss_fn():
        x = W["embed"][tokens]
        for l in range(L):
            h = rms(x, W[f"{l}.attn_norm"])
            q = apply_rope(linear(h, l, "q").view(B, T, NH, D), positions, inv, layout)
            k = apply_rope(linear(h, l, "k").view(B, T, NKV, D), positions, inv, layout)
            v = linear(h, l, "v").view(B, T, NKV, D)
            k = k.repeat_interleave(NH // NKV, dim=2)
            v = v.repeat_interleave(NH // NKV, dim=2)
            s = torch.einsum("bihd,bjhd->bhij", q, k) / math.sqrt(D)
            s = s.masked_fill(~allowed[:, None], float("-inf"))
            p = torch.softmax(s, -1)
            a = torch.einsum("bhij,bjhd->bihd", p, v).reshape(B, T, NH * D)
            x = x + linear(a, l, "o")
            h = rms(x, W[f"{l}.ffn_norm"])
            m = torch.nn.functional.silu(linear(h, l, "gate")) * linear(h, l, "up")
            x = x + linear(m, l, "down")
        logits = rms(x, W["final_norm"]) @ W["lm_head"].T
        return torch.nn.functional.cross_entropy(logits.view(-1, V), targets.view(-1), ignore_index=-100)

    loss = loss_fn()
    loss.backward()
    grads = {k: v.grad.clone() for k, v in lora.items()}
    opt = torch.optim.AdamW(list(lora.values()), **ADAM)
    opt.step()
    return {
        "name": name, "bias": bias, "layout": layout, "llama3": llama3, "rslora": rslora,
        "config": {"vocab": V, "hidden": C, "layers": L, "heads": NH, "kv_heads": NKV, "ffn": F,
                   "rope_theta": theta, "rms_eps": 1e-5,
                   "llama3_scaling": {"factor": 8.0, "low": 1.0, "high": 4.0, "original": 16} if llama3 else None},
        "weights": {k: flat(v) for k, v in W.items()},
        "lora": {"rank": R, "alpha": ALPHA, "targets": TARGETS,
                 "initial": initial},
        "batch": {"B": B, "T": T, "tokens": tokens.reshape(-1).tolist(),
                  "targets": [int(t) if t >= 0 else -1 for t in targets.reshape(-1).tolist()],
                  "positions": positions.reshape(-1).tolist(), "segments": segments.reshape(-1).tolist()},
        "adamw": {"lr": ADAM["lr"], "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": ADAM["weight_decay"]},
        "expected": {"loss": float(loss), "grads": {k: flat(v) for k, v in grads.items()},
                     "after_step": {k: flat(v) for k, v in lora.items()}},
    }


def main():
    variants = []
    for args in [("llama_rotate_half", False, "rotate_half", False, False),
                 ("qwen2_bias_rslora", True, "rotate_half", False, True),
                 ("llama3_interleaved", False, "interleaved", True, False)]:
        variants.append(make_variant(*args))
    out = os.path.join(os.path.dirname(__file__), "..", "data", "train", "one_step_golden.json")
    with open(out, "w") as f:
        json.dump({"generator": "tests/reference/make_train_golden.py", "torch": torch.__version__,
                   "variants": variants}, f)
    print(out, os.path.getsize(out), "bytes")


if __name__ == "__main__":
    main()
