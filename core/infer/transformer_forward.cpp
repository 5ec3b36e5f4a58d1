#include "core/infer/transformer_forward.h"

#include "core/infer/attention.h"
#include "core/infer/gated_mlp.h"
#include "core/infer/lora_apply.h"
#include "core/infer/rms_norm.h"
#include "core/infer/rope.h"

#include <Eigen/Core>
#include <algorithm>
#include <cstring>
#include <vector>

namespace tb {

void ForwardScratch::Buffer::ensure(size_t n) {
    if (n <= data.size()) return;
    data.allocate(n);
}

void ForwardScratch::reserve(const InferenceModel& model, int rows, int maxPositions, int maxLoraRank) {
    const ModelConfig& c = model.config();
    const size_t R = size_t(std::max(rows, 1));
    x.ensure(R * c.hiddenSize);
    h.ensure(R * c.hiddenSize);
    hidden.ensure(R * c.hiddenSize);
    q.ensure(R * c.qDim());
    att.ensure(R * c.qDim());
    k.ensure(R * c.kvDim());
    v.ensure(R * c.kvDim());
    gate.ensure(R * c.intermediateSize);
    up.ensure(R * c.intermediateSize);
    cosT.ensure(R * (c.headDim / 2));
    sinT.ensure(R * (c.headDim / 2));
    loraTmp.ensure(R * size_t(std::max(maxLoraRank, 1)));
    m_rows = std::max(m_rows, int(R));
    m_positions = std::max(m_positions, maxPositions);
    m_scoresStride = alignedFloatCount(size_t(std::max(m_positions, 1)));
    scores.ensure(size_t(model.threads()) * m_scoresStride);
}

namespace {

// Applies each row's LoRA pair for (layer, target) to the rows [r0, r1) sharing one adapter.
void applyLora(const ForwardRow* rows, int R, int layer, const char* target, const float* x, int in, float* y,
               int out, float* tmp) {
    int r0 = 0;
    while (r0 < R) {
        int r1 = r0 + 1;
        while (r1 < R && rows[r1].adapter == rows[r0].adapter) ++r1;
        if (const LoraAdapter* a = rows[r0].adapter) {
            if (const LoraPair* pair = a->find(layer, target))
                loraForward(*pair, a->scale(), x + size_t(r0) * in, y + size_t(r0) * out, r1 - r0, tmp);
        }
        r0 = r1;
    }
}

bool anyAdapter(const ForwardRow* rows, int R) {
    for (int r = 0; r < R; ++r)
        if (rows[r].adapter) return true;
    return false;
}

void addBias(float* y, const Vector& bias, int R) {
    Eigen::Map<Matrix> Y(y, R, bias.size());
    Y.rowwise() += bias.transpose();
}

}  // namespace

Status transformerForward(const InferenceModel& model, const ForwardRow* rows, int R, ForwardScratch& s) {
    const ModelWeights& w = model.weights();
    const ModelConfig& c = model.config();
    const int C = c.hiddenSize, QD = c.qDim(), KD = c.kvDim(), F = c.intermediateSize, V = c.vocabSize;
    const int D = c.headDim, half = D / 2, threads = model.threads();
    if (R <= 0) return Status::success();
    int maxPos = 0;
    for (int r = 0; r < R; ++r) {
        if (rows[r].token < 0 || rows[r].token >= V)
            return inputError("token id " + std::to_string(rows[r].token) + " is outside the vocabulary (size " +
                              std::to_string(V) + ")");
        if (!rows[r].cache || rows[r].position < 0 || rows[r].position >= rows[r].cache->capacity())
            return inputError("position " + std::to_string(rows[r].position) + " is beyond the context length (" +
                              std::to_string(rows[r].cache ? rows[r].cache->capacity() : 0) + ")");
        maxPos = std::max(maxPos, rows[r].position + 1);
    }
    int maxRank = 0;
    for (int r = 0; r < R; ++r)
        if (rows[r].adapter)
            for (const auto& [key, pair] : rows[r].adapter->modules) maxRank = std::max(maxRank, int(pair.a.rows()));
    s.reserve(model, R, maxPos, maxRank);
    Eigen::setNbThreads(threads);
    const bool lora = anyAdapter(rows, R);
    float *x = s.x.get(), *hb = s.h.get(), *q = s.q.get(), *k = s.k.get(), *v = s.v.get(), *att = s.att.get();
    float *g = s.gate.get(), *u = s.up.get(), *tmp = s.loraTmp.get();

    for (int r = 0; r < R; ++r)
        std::memcpy(x + size_t(r) * C, w.tokenEmbedding.row(rows[r].token).data(), sizeof(float) * C);
    for (int r = 0; r < R; ++r)  // rows may be at unrelated positions (batched decode)
        ropeAngles(model.ropeInverseFrequencies(), rows[r].position, 1, s.cosT.get() + size_t(r) * half,
                   s.sinT.get() + size_t(r) * half);
    std::vector<AttentionRow>& attRows = s.attRows;
    attRows.clear();
    for (int r = 0; r < R; ++r) attRows.push_back({rows[r].cache, rows[r].position});
    const AttentionShape shape{c.numHeads, c.numKvHeads, D, c.slidingWindow};
    const bool bias = model.traits().qkvBias;

    for (int l = 0; l < c.numLayers; ++l) {
        const PreparedLayer& p = model.layer(l);
        const LayerWeights& lw = w.layers[size_t(l)];
        // Attention block.
        rmsNormForward(x, lw.attnNorm.data(), hb, R, C, c.rmsNormEps);
        if (R == 1) {  // decode: one parallel region for the three products
            const GemvJob jobs[3] = {p.wq.job(hb, q), p.wk.job(hb, k), p.wv.job(hb, v)};
            gemvJobs(jobs, 3, threads);
        } else {
            p.wq.forward(hb, q, R, threads);
            p.wk.forward(hb, k, R, threads);
            p.wv.forward(hb, v, R, threads);
        }
        if (lora) {
            applyLora(rows, R, l, "q", hb, C, q, QD, tmp);
            applyLora(rows, R, l, "k", hb, C, k, KD, tmp);
            applyLora(rows, R, l, "v", hb, C, v, KD, tmp);
        }
        if (bias) {
            addBias(q, lw.bq, R);
            addBias(k, lw.bk, R);
            addBias(v, lw.bv, R);
        }
        for (int r = 0; r < R; ++r) {
            const float* cr = s.cosT.get() + size_t(r) * half;
            const float* sr = s.sinT.get() + size_t(r) * half;
            ropeApply(q + size_t(r) * QD, 1, c.numHeads, D, cr, sr, w.ropeLayout);
            ropeApply(k + size_t(r) * KD, 1, c.numKvHeads, D, cr, sr, w.ropeLayout);
            for (int kh = 0; kh < c.numKvHeads; ++kh) {
                std::memcpy(rows[r].cache->key(l, kh, rows[r].position), k + size_t(r) * KD + size_t(kh) * D,
                            sizeof(float) * D);
                std::memcpy(rows[r].cache->value(l, kh, rows[r].position), v + size_t(r) * KD + size_t(kh) * D,
                            sizeof(float) * D);
            }
        }
        attentionForward(q, att, attRows.data(), R, l, shape, s.scores.get(), int(s.m_scoresStride), threads);
        p.wo.forward(att, x, R, threads, /*accumulate=*/true);  // residual
        if (lora) applyLora(rows, R, l, "o", att, QD, x, C, tmp);
        // MLP block.
        rmsNormForward(x, lw.ffnNorm.data(), hb, R, C, c.rmsNormEps);
        if (R == 1) {
            const GemvJob jobs[2] = {p.wGate.job(hb, g), p.wUp.job(hb, u)};
            gemvJobs(jobs, 2, threads);
        } else {
            p.wGate.forward(hb, g, R, threads);
            p.wUp.forward(hb, u, R, threads);
        }
        if (lora) {
            applyLora(rows, R, l, "gate", hb, C, g, F, tmp);
            applyLora(rows, R, l, "up", hb, C, u, F, tmp);
        }
        swiGluForward(g, u, (long long)R * F);
        p.wDown.forward(g, x, R, threads, /*accumulate=*/true);
        if (lora) applyLora(rows, R, l, "down", g, F, x, C, tmp);
    }
    for (int r = 0; r < R; ++r)
        rows[r].cache->setLength(std::max(rows[r].cache->length(), rows[r].position + 1));

    // Head: only for rows that want logits, gathered so the product is one GEMV or GEMM.
    std::vector<int>& want = s.want;
    want.clear();
    for (int r = 0; r < R; ++r)
        if (rows[r].logits) want.push_back(r);
    if (want.empty()) return Status::success();
    float* hid = s.hidden.get();
    for (size_t i = 0; i < want.size(); ++i)
        rmsNormForward(x + size_t(want[i]) * C, w.finalNorm.data(), hid + i * C, 1, C, c.rmsNormEps);
    const int n = int(want.size());
    if (n == 1) {
        model.output().forward(hid, rows[want[0]].logits, 1, threads);
        return Status::success();
    }
    s.logits.ensure(size_t(n) * V);
    model.output().forward(hid, s.logits.get(), n, threads);
    for (int i = 0; i < n; ++i)
        std::memcpy(rows[want[size_t(i)]].logits, s.logits.get() + size_t(i) * V, sizeof(float) * V);
    return Status::success();
}

}  // namespace tb
