// One forward pass of the decoder stack over a set of token rows. Rows may be a whole prompt chunk of
// one sequence (prefill: every projection is one matrix-matrix product) or one token from each of several
// sequences (batched decode), each row with its own KV cache, position and LoRA adapter.
// Dims: R rows, C hidden, NH/NKV heads, D head dim, F FFN, V vocab. Not the session bookkeeping.
#pragma once

#include "core/common/aligned_buffer.h"
#include "core/infer/attention.h"
#include "core/infer/inference_model.h"
#include "core/infer/kv_cache.h"
#include "core/model/lora_adapter.h"

#include <memory>
#include <vector>

namespace tb {

struct ForwardRow {
    KvCache* cache = nullptr;
    int position = 0;                      // this token's position; positions 0..position-1 are cached
    int token = 0;
    const LoraAdapter* adapter = nullptr;  // null: base model
    float* logits = nullptr;               // V floats to fill, or null when this row's logits are not needed
};

// Buffers reused across calls so decode allocates nothing.
class ForwardScratch {
public:
    // Makes room for `rows` rows attending over up to `maxPositions` positions.
    void reserve(const InferenceModel& model, int rows, int maxPositions, int maxLoraRank);
    int rows() const { return m_rows; }

private:
    friend Status transformerForward(const InferenceModel&, const ForwardRow*, int, ForwardScratch&);
    struct Buffer {
        AlignedFloats data;
        void ensure(size_t n);
        float* get() const { return data.get(); }
    };
    int m_rows = 0, m_positions = 0;
    size_t m_scoresStride = 0;  // per-thread slot of `scores`, a multiple of the alignment
    std::vector<AttentionRow> attRows;
    std::vector<int> want;
    Buffer x, h, q, k, v, att, gate, up, cosT, sinT, loraTmp, scores, hidden, logits;
};

// Runs all rows through the model: writes each row's key/value into its cache at its position, and the
// logits of rows that ask for them. Fails (before touching any cache) on a token out of the vocabulary or
// a position beyond a cache's capacity.
Status transformerForward(const InferenceModel& model, const ForwardRow* rows, int R, ForwardScratch& scratch);

}  // namespace tb
