// Causal grouped-query attention of query rows against KvCache layers: query head h reads KV head
// h / (NH / NKV); a row at position p sees positions 0..p of its own sequence's cache. Rows may belong to
// different sequences (batched decode). Dims: R rows, NH, NKV, D.
// q/k must already be rotated (rope.h) and every row's key/value already stored in its cache.
#pragma once

#include "core/infer/kv_cache.h"

namespace tb {

struct AttentionShape {
    int numHeads = 0;    // NH
    int numKvHeads = 0;  // NKV
    int headDim = 0;     // D
    int slidingWindow = 0;  // > 0: attend to the last slidingWindow positions only (Mistral)
};

struct AttentionRow {
    const KvCache* cache = nullptr;
    int position = 0;
};

// q (R, NH*D), out (R, NH*D). scratch: threads * scratchStride floats, scratchStride >= max position + 1.
void attentionForward(const float* q, float* out, const AttentionRow* rows, int R, int layer,
                      const AttentionShape& shape, float* scratch, int scratchStride, int threads);

}  // namespace tb
