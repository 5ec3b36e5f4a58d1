// One sequence being run by the engine: its KV cache, its position, its optional LoRA adapter and the
// logits of its last step. evaluate() takes a whole prompt (prefill, chunked matrix-matrix products) or
// one token (decode, GEMV). decodeBatch() advances several sessions by one token in one pass.
// Not sampling (sampler.h) nor text generation (generate.h).
#pragma once

#include "core/infer/inference_model.h"
#include "core/infer/kv_cache.h"
#include "core/infer/transformer_forward.h"

#include <memory>
#include <span>

namespace tb {

enum class LogitsMode {
    Last,  // logits of the last token only (generation)
    All,   // logits of every evaluated token (scoring)
};

class InferenceSession {
public:
    // contextLength 0: min(config.maxPositions, 4096).
    explicit InferenceSession(std::shared_ptr<const InferenceModel> model, int contextLength = 0);

    // Chooses the LoRA adapter for this sequence (null: the base model). Checks its shapes.
    Status setAdapter(std::shared_ptr<const LoraAdapter> adapter);
    const LoraAdapter* adapter() const { return m_adapter.get(); }

    // Appends `tokens` at positions position() ... and runs them. Cancelled via progress between chunks.
    Status evaluate(std::span<const int> tokens, LogitsMode mode = LogitsMode::Last,
                    const ProgressCallback& progress = {});

    // Logits (V) after the last evaluated token.
    std::span<const float> logits() const { return {m_lastLogits.data(), m_lastLogits.size()}; }
    // With LogitsMode::All: (T, V) logits of the tokens of the last evaluate() call.
    const Matrix& allLogits() const { return m_allLogits; }

    int position() const { return m_cache.length(); }
    int contextLength() const { return m_cache.capacity(); }
    void reset() { m_cache.setLength(0); }
    // Forgets positions >= length (e.g. to re-run a shorter prompt prefix).
    Status truncate(int length);

    const InferenceModel& model() const { return *m_model; }
    // Rows processed per prefill pass (default 256).
    void setChunkSize(int rows) { m_chunk = rows > 0 ? rows : 1; }

private:
    friend Status decodeBatch(std::span<InferenceSession* const>, std::span<const int>);
    std::shared_ptr<const InferenceModel> m_model;
    std::shared_ptr<const LoraAdapter> m_adapter;
    KvCache m_cache;
    ForwardScratch m_scratch;
    std::vector<ForwardRow> m_rows;
    std::vector<float> m_lastLogits;  // (V)
    Matrix m_allLogits;               // (T, V) with LogitsMode::All
    int m_chunk = 256;
};

// Advances each session by one token (tokens[i] for sessions[i]) in one forward pass whose projections
// are matrix-matrix products over the batch; each session keeps its own adapter and position. The
// sessions must share one InferenceModel and be distinct.
Status decodeBatch(std::span<InferenceSession* const> sessions, std::span<const int> tokens);

}  // namespace tb
