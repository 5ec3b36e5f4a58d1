#!/usr/bin/env python3
"""Generates the demo base model's text assets (run once; outputs are committed):

- pretrain_corpus.txt: unlabeled support-ticket-like text for pre-training the demo base model from scratch.
  It reuses the phrase tables of make_support_tickets.py with a different seed and never writes a category,
  so the base model learns the language of tickets but not the classification task.
- tokenizer.json / tokenizer_config.json: a byte-level BPE tokenizer (GPT-2 style pre-tokenization) whose
  merges are learned here from the corpus, with chat special tokens and a small chat template.

Run:  /usr/bin/python3 resources/demo/make_demo_base_assets.py   (needs Debian's python3-regex)
"""
import collections
import json
import os
import random

import regex

HERE = os.path.dirname(os.path.abspath(__file__))
NUM_MERGES = 700
CORPUS_LINES = 4000

# Phrase tables and ticket() from the labelled-data generator, without running its output section.
source = open(os.path.join(HERE, "make_support_tickets.py"), encoding="utf-8").read()
namespace = {"__file__": os.path.join(HERE, "make_support_tickets.py")}
exec(compile(source.split("\nrecords = []")[0], "make_support_tickets.py", "exec"), namespace)
namespace["rng"].seed(20261121)  # different tickets from the labelled set
ticket = namespace["ticket"]
rng = namespace["rng"]
cats = list(namespace["WEIGHTS"])
lines = [ticket(rng.choice(cats)) for _ in range(CORPUS_LINES)]
replies = [
    "Thank you for contacting support, we are looking into it.",
    "We are sorry for the trouble and will get back to you shortly.",
    "Could you send us a screenshot of the error?",
    "Your request has been forwarded to the right team.",
    "We have updated your ticket with the latest information.",
]
lines += [rng.choice(replies) for _ in range(400)]
rng.shuffle(lines)
with open(os.path.join(HERE, "pretrain_corpus.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

# --- byte-level BPE ---
def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))

GPT2_SPLIT = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
b2u = bytes_to_unicode()
words = collections.Counter()
for line in lines:
    for piece in regex.findall(GPT2_SPLIT, line + "\n"):
        words[tuple(b2u[b] for b in piece.encode("utf-8"))] += 1

vocab = {}
for b in range(256):
    vocab[b2u[b]] = len(vocab)
merges = []
splits = {w: list(w) for w in words}
for _ in range(NUM_MERGES):
    pairs = collections.Counter()
    for w, count in words.items():
        s = splits[w]
        for a, b in zip(s, s[1:]):
            pairs[(a, b)] += count
    if not pairs:
        break
    best = max(pairs.items(), key=lambda kv: (kv[1], kv[0]))[0]
    merged = best[0] + best[1]
    merges.append(f"{best[0]} {best[1]}")
    vocab[merged] = len(vocab)
    for w in words:
        s = splits[w]
        i, out = 0, []
        while i < len(s):
            if i + 1 < len(s) and s[i] == best[0] and s[i + 1] == best[1]:
                out.append(merged)
                i += 2
            else:
                out.append(s[i])
                i += 1
        splits[w] = out

specials = ["<|endoftext|>", "<|system|>", "<|user|>", "<|assistant|>"]
added = []
for s in specials:
    added.append({"id": len(vocab), "content": s, "single_word": False, "lstrip": False, "rstrip": False,
                  "normalized": False, "special": True})
    vocab[s] = len(vocab)

tokenizer = {
    "version": "1.0",
    "truncation": None,
    "padding": None,
    "added_tokens": added,
    "normalizer": None,
    "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
    "post_processor": None,
    "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
    "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
              "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
              "vocab": vocab, "merges": merges},
}
with open(os.path.join(HERE, "tokenizer.json"), "w", encoding="utf-8") as f:
    json.dump(tokenizer, f, ensure_ascii=False)

chat_template = (
    "{% for message in messages %}<|{{ message['role'] }}|>\n{{ message['content'] | trim }}\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
)
config = {"bos_token": None, "eos_token": "<|endoftext|>", "pad_token": "<|endoftext|>", "add_bos_token": False,
          "add_eos_token": False, "model_max_length": 256, "tokenizer_class": "PreTrainedTokenizerFast",
          "chat_template": chat_template}
with open(os.path.join(HERE, "tokenizer_config.json"), "w", encoding="utf-8") as f:
    json.dump(config, f, indent=2)
total_tokens = sum(len(splits[w]) * c for w, c in words.items())
print(f"corpus: {len(lines)} lines; vocab {len(vocab)} ({len(merges)} merges); corpus tokens {total_tokens}")
