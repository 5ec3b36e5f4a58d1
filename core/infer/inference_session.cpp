#include "core/infer/inference_session.h"

#include "core/infer/lora_apply.h"

#include <algorithm>

namespace tb {

InferenceSession::InferenceSession(std::shared_ptr<const InferenceModel> model, int contextLength)
    : m_model(std::move(model)) {
    const ModelConfig& c = m_model->config();
    const int ctx = contextLength > 0 ? contextLength : std::min(c.maxPositions, 4096);
    m_cache = KvCache(c.numLayers, c.numKvHeads, c.headDim, ctx);
    m_lastLogits.assign(size_t(c.vocabSize), 0.0f);
}

Status InferenceSession::setAdapter(std::shared_ptr<const LoraAdapter> adapter) {
    auto shapeOf = [this](int layer, const std::string& target) -> std::optional<std::pair<int, int>> {
        const PreparedLayer& p = m_model->layer(layer);
        const LinearWeight* w = target == "q"      ? &p.wq
                                : target == "k"    ? &p.wk
                                : target == "v"    ? &p.wv
                                : target == "o"    ? &p.wo
                                : target == "gate" ? &p.wGate
                                : target == "up"   ? &p.wUp
                                : target == "down" ? &p.wDown
                                                   : nullptr;
        if (!w) return std::nullopt;
        return std::make_pair(w->rows(), w->cols());
    };
    if (adapter) TB_TRY(validateLoraAdapter(*adapter, m_model->config().numLayers, shapeOf));
    m_adapter = std::move(adapter);
    return Status::success();
}

Status InferenceSession::truncate(int length) {
    if (length < 0 || length > m_cache.length())
        return inputError("cannot truncate a sequence of " + std::to_string(m_cache.length()) + " tokens to " +
                          std::to_string(length));
    m_cache.setLength(length);
    return Status::success();
}

Status InferenceSession::evaluate(std::span<const int> tokens, LogitsMode mode, const ProgressCallback& progress) {
    const int V = m_model->config().vocabSize;
    const int T = int(tokens.size());
    if (T == 0) return inputError("nothing to evaluate: no tokens given");
    const int start = m_cache.length();
    if ((long long)start + T > m_cache.capacity())
        return inputError("the sequence would have " + std::to_string((long long)start + T) +
                          " tokens, more than the context length " + std::to_string(m_cache.capacity()));
    for (int t = 0; t < T; ++t)
        if (tokens[size_t(t)] < 0 || tokens[size_t(t)] >= V)
            return inputError("token " + std::to_string(t) + " has id " + std::to_string(tokens[size_t(t)]) +
                              ", outside the vocabulary (size " + std::to_string(V) + ")");
    if (mode == LogitsMode::All && (m_allLogits.rows() != T || m_allLogits.cols() != V)) m_allLogits.resize(T, V);
    for (int t0 = 0; t0 < T; t0 += m_chunk) {
        const int n = std::min(m_chunk, T - t0);
        if (!reportProgress(progress, {"Evaluating prompt", t0, T, ""})) {
            m_cache.setLength(start + t0);
            return cancelledError();
        }
        m_rows.resize(size_t(n));
        for (int i = 0; i < n; ++i) {
            const int t = t0 + i;
            float* out = nullptr;
            if (mode == LogitsMode::All) out = m_allLogits.row(t).data();
            else if (t == T - 1) out = m_lastLogits.data();
            m_rows[size_t(i)] = {&m_cache, start + t, tokens[size_t(t)], m_adapter.get(), out};
        }
        Status st = transformerForward(*m_model, m_rows.data(), n, m_scratch);
        if (!st.ok()) {
            m_cache.setLength(start + t0);
            return st;
        }
    }
    if (mode == LogitsMode::All)
        std::copy(m_allLogits.row(T - 1).data(), m_allLogits.row(T - 1).data() + V, m_lastLogits.begin());
    return Status::success();
}

Status decodeBatch(std::span<InferenceSession* const> sessions, std::span<const int> tokens) {
    if (sessions.empty()) return Status::success();
    if (sessions.size() != tokens.size())
        return inputError("decodeBatch: " + std::to_string(sessions.size()) + " sessions but " +
                          std::to_string(tokens.size()) + " tokens");
    InferenceSession& first = *sessions[0];
    std::vector<ForwardRow>& rows = first.m_rows;
    rows.clear();
    for (size_t i = 0; i < sessions.size(); ++i) {
        InferenceSession* s = sessions[i];
        if (!s || s->m_model != first.m_model)
            return inputError("decodeBatch: session " + std::to_string(i) + " uses a different model");
        for (size_t j = 0; j < i; ++j)
            if (sessions[j] == s) return inputError("decodeBatch: session " + std::to_string(i) + " appears twice");
        if (s->m_cache.length() >= s->m_cache.capacity())
            return inputError("decodeBatch: session " + std::to_string(i) + " has reached its context length " +
                              std::to_string(s->m_cache.capacity()));
        rows.push_back({&s->m_cache, s->m_cache.length(), tokens[i], s->m_adapter.get(), s->m_lastLogits.data()});
    }
    // Group rows by adapter so each LoRA product covers a contiguous block.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ForwardRow& a, const ForwardRow& b) { return a.adapter < b.adapter; });
    return transformerForward(*first.m_model, rows.data(), int(rows.size()), first.m_scratch);
}

}  // namespace tb
