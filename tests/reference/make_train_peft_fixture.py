#!/usr/bin/env python3
"""A PEFT LoRA adapter folder as Hugging Face PEFT writes it, produced without our C++ code, to test import.

Writes tests/data/train/peft_tiny/{adapter_config.json, adapter_model.safetensors} for the tiny test model
shape (hidden 16, 4 heads / 2 kv heads of dim 4, FFN 24, 2 layers): r=2, lora_alpha=4, target_modules
q_proj, v_proj, down_proj; tensors named base_model.model.model.layers.{i}.self_attn.q_proj.lora_A.weight
(the names PEFT's get_peft_model_state_dict produces for LlamaForCausalLM), safetensors encoded by hand
(8-byte header length, JSON header, little-endian F32 data) as the safetensors library does. The
adapter_config.json has the keys PEFT 0.10 writes. Values: lora_A[i] = 0.01 * (i + 1), lora_B[i] = -0.02 * (i + 1).

Usage: /usr/bin/python3 tests/reference/make_train_peft_fixture.py
"""
import json
import os
import struct

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "train", "peft_tiny")
C, QD, KD, F, L, R = 16, 16, 8, 24, 2, 2
shapes = {"self_attn.q_proj": (QD, C), "self_attn.v_proj": (KD, C), "mlp.down_proj": (C, F)}

tensors = {}
for layer in range(L):
    for mod, (out, inp) in shapes.items():
        base = f"base_model.model.model.layers.{layer}.{mod}"
        a = (np.arange(R * inp, dtype=np.float32) + 1) * np.float32(0.01)
        b = (np.arange(out * R, dtype=np.float32) + 1) * np.float32(-0.02)
        tensors[base + ".lora_A.weight"] = a.reshape(R, inp)
        tensors[base + ".lora_B.weight"] = b.reshape(out, R)

header, blobs, offset = {}, [], 0
for name in sorted(tensors):
    data = tensors[name].astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(tensors[name].shape), "data_offsets": [offset, offset + len(data)]}
    blobs.append(data)
    offset += len(data)
header["__metadata__"] = {"format": "pt"}
hjson = json.dumps(header, separators=(",", ":")).encode()
hjson += b" " * ((8 - len(hjson) % 8) % 8)
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "adapter_model.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(hjson)))
    f.write(hjson)
    for b in blobs:
        f.write(b)

config = {
    "alpha_pattern": {}, "auto_mapping": None, "base_model_name_or_path": "tiny-llama-test",
    "bias": "none", "fan_in_fan_out": False, "inference_mode": True, "init_lora_weights": True,
    "layer_replication": None, "layers_pattern": None, "layers_to_transform": None, "loftq_config": {},
    "lora_alpha": 4, "lora_dropout": 0.05, "megatron_config": None, "megatron_core": "megatron.core",
    "modules_to_save": None, "peft_type": "LORA", "r": R, "rank_pattern": {}, "revision": None,
    "target_modules": ["v_proj", "q_proj", "down_proj"], "task_type": "CAUSAL_LM", "use_dora": False,
    "use_rslora": False,
}
with open(os.path.join(OUT, "adapter_config.json"), "w") as f:
    json.dump(config, f, indent=2)
print(OUT)
