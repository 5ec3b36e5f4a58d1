#include "core/train/train_model.h"

#include "core/train/layers.h"

#include <omp.h>

#include <algorithm>
#include <cstring>

namespace tb::train {

int targetIndex(const std::string& name) {
    for (size_t i = 0; i < kTargetNames.size(); ++i)
        if (name == kTargetNames[i]) return int(i);
    return -1;
}

namespace {
struct LinearInfo {
    float* W;
    float* bias;
    int in, out;
};

LinearInfo linearInfo(ModelWeights& w, int layer, int t) {
    LayerWeights& l = w.layers[size_t(layer)];
    auto bias = [](Vector& b) { return b.size() ? b.data() : nullptr; };
    switch (t) {
        case 0: return {l.wq.data(), bias(l.bq), int(l.wq.cols()), int(l.wq.rows())};
        case 1: return {l.wk.data(), bias(l.bk), int(l.wk.cols()), int(l.wk.rows())};
        case 2: return {l.wv.data(), bias(l.bv), int(l.wv.cols()), int(l.wv.rows())};
        case 3: return {l.wo.data(), nullptr, int(l.wo.cols()), int(l.wo.rows())};
        case 4: return {l.wGate.data(), nullptr, int(l.wGate.cols()), int(l.wGate.rows())};
        case 5: return {l.wUp.data(), nullptr, int(l.wUp.cols()), int(l.wUp.rows())};
        default: return {l.wDown.data(), nullptr, int(l.wDown.cols()), int(l.wDown.rows())};
    }
}
}  // namespace

const char* computePrecisionName(ComputePrecision p) { return p == ComputePrecision::BF16 ? "bf16" : "f32"; }

namespace {
Bf16Panels transposedPanels(const float* w, int rows, int cols) {
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> t =
        Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(w, rows, cols).transpose();
    return Bf16Panels(t.data(), cols, rows);
}
}  // namespace

TrainModel::TrainModel(ModelWeights& weights, LoraAdapter* adapter, TrainMethod method, ComputePrecision compute)
    : m_w(weights), m_adapter(adapter), m_method(method),
      m_compute(method == TrainMethod::Lora ? compute : ComputePrecision::F32) {
    const int L = weights.config.numLayers;
    m_gA.assign(L, {}), m_gB.assign(L, {}), m_gW.assign(L, {}), m_gBias.assign(L, {});
    m_lora.assign(L, {});
    m_gAttnNorm.assign(L, -1), m_gFfnNorm.assign(L, -1);
    int64_t total = 0;
    auto add = [&](std::string name, float* data, int64_t size, bool decay) {
        m_params.push_back({std::move(name), data, size, total, decay});
        total += size;
        return total - size;
    };
    for (int l = 0; l < L; ++l) {
        for (int t = 0; t < 7; ++t) {
            m_gA[l][t] = m_gB[l][t] = m_gW[l][t] = m_gBias[l][t] = -1;
            m_lora[l][t] = nullptr;
        }
    }
    if (method == TrainMethod::Lora && adapter) {
        for (int l = 0; l < L; ++l)
            for (int t = 0; t < 7; ++t) {
                auto it = adapter->modules.find(LoraAdapter::key(l, kTargetNames[t]));
                if (it == adapter->modules.end()) continue;
                LoraPair& p = it->second;
                m_lora[l][t] = &p;
                std::string base = LoraAdapter::key(l, kTargetNames[t]);
                m_gA[l][t] = add(base + ".lora_A", p.a.data(), p.a.size(), true);
                m_gB[l][t] = add(base + ".lora_B", p.b.data(), p.b.size(), true);
            }
    } else if (method == TrainMethod::Full) {
        m_gEmbed = add("embed", weights.tokenEmbedding.data(), weights.tokenEmbedding.size(), true);
        for (int l = 0; l < L; ++l) {
            LayerWeights& lw = weights.layers[size_t(l)];
            std::string base = "layers." + std::to_string(l) + ".";
            m_gAttnNorm[l] = add(base + "attn_norm", lw.attnNorm.data(), lw.attnNorm.size(), false);
            for (int t = 0; t < 7; ++t) {
                LinearInfo li = linearInfo(weights, l, t);
                m_gW[l][t] = add(base + kTargetNames[t], li.W, int64_t(li.in) * li.out, true);
                if (li.bias) m_gBias[l][t] = add(base + kTargetNames[t] + ".bias", li.bias, li.out, false);
            }
            m_gFfnNorm[l] = add(base + "ffn_norm", lw.ffnNorm.data(), lw.ffnNorm.size(), false);
        }
        m_gFinalNorm = add("final_norm", weights.finalNorm.data(), weights.finalNorm.size(), false);
        if (!weights.config.tiedEmbeddings) m_gHead = add("lm_head", weights.lmHead.data(), weights.lmHead.size(), true);
    }
    m_grads.assign(size_t(total), 0.0f);
    if (m_compute == ComputePrecision::BF16) {
        m_panels.resize(size_t(L));
        for (int l = 0; l < L; ++l)
            for (int t = 0; t < 7; ++t) {
                LinearInfo li = linearInfo(weights, l, t);
                m_panels[size_t(l)][size_t(t)].w = Bf16Panels(li.W, li.out, li.in);
                m_panels[size_t(l)][size_t(t)].wT = transposedPanels(li.W, li.out, li.in);
            }
        const Matrix& head = weights.outputMatrix();
        m_headPanels.w = Bf16Panels(head.data(), int(head.rows()), int(head.cols()));
        m_headPanels.wT = transposedPanels(head.data(), int(head.rows()), int(head.cols()));
    }
}

void TrainModel::zeroGradients() { std::fill(m_grads.begin(), m_grads.end(), 0.0f); }

int64_t TrainModel::activationFloats(const ModelConfig& c, int B, int T, int R, int loraTargets) {
    const int64_t N = int64_t(B) * T, C = c.hiddenSize, F = c.intermediateSize, L = c.numLayers;
    const int64_t perLayer = N * (4 * C + 2 + 2 * c.qDim() + 2 * c.kvDim() + 3 * F + (loraTargets > 0 ? 7 : 0) * int64_t(R)) +
                             int64_t(B) * c.numHeads * T * T;
    const int64_t maxIn = std::max<int64_t>(C, F);
    const int64_t scratch = N * (3 * C + 3 * F + 2 * c.qDim() + 2 * c.kvDim() + R + 2 * maxIn);
    return L * perLayer + N * (2 * C + 1) + scratch;
}

void TrainModel::allocate(int B, int T) {
    if (B == m_B && T == m_T) return;
    m_B = B, m_T = T;
    const ModelConfig& c = m_w.config;
    const int64_t N = int64_t(B) * T, C = c.hiddenSize, F = c.intermediateSize, L = c.numLayers;
    const int64_t R = m_adapter ? m_adapter->rank : 0;
    // Two passes over the same carving: the first counts, the second hands out views.
    std::vector<float>().swap(m_acts);
    for (int pass = 0; pass < 2; ++pass) {
        int64_t used = 0;
        float* base = pass ? m_acts.data() : nullptr;
        auto take = [&](int64_t n) { float* r = base ? base + used : nullptr; used += n; return r; };
        m_resid = take((L + 1) * N * C);
        m_xn1 = take(L * N * C), m_rstd1 = take(L * N);
        m_q = take(L * N * c.qDim()), m_k = take(L * N * c.kvDim()), m_v = take(L * N * c.kvDim());
        m_att = take(L * N * c.qDim()), m_probs = take(L * int64_t(B) * c.numHeads * T * T);
        m_xmid = take(L * N * C), m_xn2 = take(L * N * C), m_rstd2 = take(L * N);
        m_gate = take(L * N * F), m_up = take(L * N * F), m_h = take(L * N * F);
        m_u = take(L * 7 * N * R);
        m_xnf = take(N * C), m_rstdf = take(N);
        if (pass == 0) m_acts.assign(size_t(used), 0.0f);
    }
    const int64_t maxIn = std::max<int64_t>(C, F);
    std::vector<float>().swap(m_scratch);
    m_scratch.assign(size_t(N * (3 * C + 3 * F + 2 * c.qDim() + 2 * c.kvDim() + R + 2 * maxIn)), 0.0f);
    if (m_rope.positions < T) m_rope = buildRopeTables(c, std::max(T, 16));
}

void TrainModel::linearFwd(int layer, int t, float* out, const float* x, float* u, bool training, uint64_t seed) {
    const int N = m_B * m_T;
    LinearInfo li = linearInfo(m_w, layer, t);
    if (!m_panels.empty()) {
        m_panels[size_t(layer)][size_t(t)].w.multiply(x, out, N, omp_get_max_threads());
        if (li.bias) addRowBias(out, li.bias, N, li.out);
    } else {
        linearForward(out, x, li.W, li.bias, N, li.in, li.out);
    }
    LoraPair* p = m_lora[layer][t];
    if (!p) return;
    const float drop = training ? m_adapter->dropout : 0.0f;
    const float* xin = x;
    if (drop > 0.0f) {
        float* buf = m_scratch.data() + m_scratch.size() - 2 * size_t(N) * std::max(m_w.config.hiddenSize, m_w.config.intermediateSize);
        dropoutApply(buf, x, int64_t(N) * li.in, drop, seed, uint64_t(layer) * 7 + t);
        xin = buf;
    }
    loraForward(out, u, xin, p->a.data(), p->b.data(), m_adapter->scale(), N, li.in, li.out, m_adapter->rank);
}

void TrainModel::linearBwd(int layer, int t, float* dx, const float* dout, const float* x, const float* u,
                           uint64_t seed, bool training) {
    const int N = m_B * m_T;
    LinearInfo li = linearInfo(m_w, layer, t);
    float* g = m_grads.data();
    float* dW = m_gW[layer][t] >= 0 ? g + m_gW[layer][t] : nullptr;
    float* db = m_gBias[layer][t] >= 0 ? g + m_gBias[layer][t] : nullptr;
    if (!m_panels.empty() && !dW) {
        if (dx) m_panels[size_t(layer)][size_t(t)].wT.multiply(dout, dx, N, omp_get_max_threads(), /*accumulate=*/true);
        if (db) linearBackward(nullptr, nullptr, db, dout, x, li.W, N, li.in, li.out);
    } else {
        linearBackward(dx, dW, db, dout, x, li.W, N, li.in, li.out);
    }
    LoraPair* p = m_lora[layer][t];
    if (!p) return;
    const int R = m_adapter->rank;
    const int64_t maxIn = std::max(m_w.config.hiddenSize, m_w.config.intermediateSize);
    float* dropX = m_scratch.data() + m_scratch.size() - 2 * size_t(N) * maxIn;
    float* dropG = dropX + size_t(N) * maxIn;
    float* du = dropX - size_t(N) * R;
    const float drop = training ? m_adapter->dropout : 0.0f;
    const float* xin = x;
    float* dxl = dx;
    if (drop > 0.0f) {
        dropoutApply(dropX, x, int64_t(N) * li.in, drop, seed, uint64_t(layer) * 7 + t);
        xin = dropX;
        if (dx) {
            std::fill(dropG, dropG + int64_t(N) * li.in, 0.0f);
            dxl = dropG;
        }
    }
    loraBackward(dxl, g + m_gA[layer][t], g + m_gB[layer][t], du, dout, xin, u, p->a.data(), p->b.data(),
                 m_adapter->scale(), N, li.in, li.out, R);
    if (drop > 0.0f && dx) {
        dropoutApply(dropG, dropG, int64_t(N) * li.in, drop, seed, uint64_t(layer) * 7 + t);
        addInPlace(dx, dropG, int64_t(N) * li.in);
    }
}

LossSums TrainModel::forward(const MicroBatch& batch, bool training, uint64_t seed) {
    allocate(batch.B, batch.T);
    const ModelConfig& c = m_w.config;
    const int N = batch.B * batch.T, C = c.hiddenSize, F = c.intermediateSize, L = c.numLayers;
    const int NH = c.numHeads, NKV = c.numKvHeads, D = c.headDim, QD = c.qDim(), KD = c.kvDim();
    const int64_t R = m_adapter ? m_adapter->rank : 0;
    float* tmp = m_scratch.data();  // (N,C)
    embeddingForward(m_resid, batch.tokens.data(), m_w.tokenEmbedding.data(), N, C);
    for (int l = 0; l < L; ++l) {
        const LayerWeights& lw = m_w.layers[size_t(l)];
        float* xin = m_resid + int64_t(l) * N * C;
        float* xn1 = m_xn1 + int64_t(l) * N * C;
        float* q = m_q + int64_t(l) * N * QD;
        float* k = m_k + int64_t(l) * N * KD;
        float* v = m_v + int64_t(l) * N * KD;
        float* att = m_att + int64_t(l) * N * QD;
        float* xmid = m_xmid + int64_t(l) * N * C;
        float* xn2 = m_xn2 + int64_t(l) * N * C;
        float* u = m_u + int64_t(l) * 7 * N * R;
        rmsnormForward(xn1, m_rstd1 + int64_t(l) * N, xin, lw.attnNorm.data(), N, C, c.rmsNormEps);
        linearFwd(l, 0, q, xn1, u + 0 * N * R, training, seed);
        linearFwd(l, 1, k, xn1, u + 1 * N * R, training, seed);
        linearFwd(l, 2, v, xn1, u + 2 * N * R, training, seed);
        ropeForward(q, batch.positions.data(), N, NH, D, m_rope, m_w.ropeLayout);
        ropeForward(k, batch.positions.data(), N, NKV, D, m_rope, m_w.ropeLayout);
        attentionForward(att, m_probs + int64_t(l) * batch.B * NH * batch.T * batch.T, q, k, v,
                         batch.segments.data(), batch.B, batch.T, NH, NKV, D, c.slidingWindow);
        linearFwd(l, 3, tmp, att, u + 3 * N * R, training, seed);
        for (int64_t i = 0; i < int64_t(N) * C; ++i) xmid[i] = xin[i] + tmp[i];
        rmsnormForward(xn2, m_rstd2 + int64_t(l) * N, xmid, lw.ffnNorm.data(), N, C, c.rmsNormEps);
        float* gate = m_gate + int64_t(l) * N * F;
        float* up = m_up + int64_t(l) * N * F;
        float* h = m_h + int64_t(l) * N * F;
        linearFwd(l, 4, gate, xn2, u + 4 * N * R, training, seed);
        linearFwd(l, 5, up, xn2, u + 5 * N * R, training, seed);
        swigluForward(h, gate, up, int64_t(N) * F);
        linearFwd(l, 6, tmp, h, u + 6 * N * R, training, seed);
        float* xout = m_resid + int64_t(l + 1) * N * C;
        for (int64_t i = 0; i < int64_t(N) * C; ++i) xout[i] = xmid[i] + tmp[i];
    }
    rmsnormForward(m_xnf, m_rstdf, m_resid + int64_t(L) * N * C, m_w.finalNorm.data(), N, C, c.rmsNormEps);
    const Matrix& head = m_w.outputMatrix();
    return lmHeadCrossEntropy(nullptr, nullptr, m_xnf, head.data(), batch.targets.data(), N, C, c.vocabSize, 0.0f,
                              headPanels());
}

LossSums TrainModel::forwardBackward(const MicroBatch& batch, float gradScale, uint64_t seed) {
    forward(batch, true, seed);
    const ModelConfig& c = m_w.config;
    const int N = batch.B * batch.T, C = c.hiddenSize, F = c.intermediateSize, L = c.numLayers;
    const int NH = c.numHeads, NKV = c.numKvHeads, D = c.headDim, QD = c.qDim(), KD = c.kvDim();
    const int64_t R = m_adapter ? m_adapter->rank : 0;
    float* g = m_grads.data();
    float* s = m_scratch.data();
    float* dresid = s; s += int64_t(N) * C;
    float* dxn = s; s += int64_t(N) * C;
    float* dxnf = s; s += int64_t(N) * C;
    float* dh = s; s += int64_t(N) * F;
    float* dgate = s; s += int64_t(N) * F;
    float* dup = s; s += int64_t(N) * F;
    float* datt = s; s += int64_t(N) * QD;
    float* dq = s; s += int64_t(N) * QD;
    float* dk = s; s += int64_t(N) * KD;
    float* dv = s; s += int64_t(N) * KD;
    auto zero = [](float* p, int64_t n) { std::fill(p, p + n, 0.0f); };
    const bool full = m_method == TrainMethod::Full;

    zero(dxnf, int64_t(N) * C);
    const Matrix& head = m_w.outputMatrix();
    float* dHead = full ? g + (c.tiedEmbeddings ? m_gEmbed : m_gHead) : nullptr;
    LossSums sums = lmHeadCrossEntropy(dxnf, dHead, m_xnf, head.data(), batch.targets.data(), N, C, c.vocabSize,
                                       gradScale, headPanels());
    zero(dresid, int64_t(N) * C);
    rmsnormBackward(dresid, full ? g + m_gFinalNorm : nullptr, dxnf, m_resid + int64_t(L) * N * C,
                    m_w.finalNorm.data(), m_rstdf, N, C);
    for (int l = L - 1; l >= 0; --l) {
        const LayerWeights& lw = m_w.layers[size_t(l)];
        const float* u = m_u + int64_t(l) * 7 * N * R;
        const float* xin = m_resid + int64_t(l) * N * C;
        const float* xmid = m_xmid + int64_t(l) * N * C;
        // MLP: xout = xmid + down(silu(gate(xn2)) * up(xn2)); dresid already holds dxout = dxmid part.
        zero(dh, int64_t(N) * F);
        linearBwd(l, 6, dh, dresid, m_h + int64_t(l) * N * F, u + 6 * N * R, seed, true);
        zero(dgate, int64_t(N) * F), zero(dup, int64_t(N) * F);
        swigluBackward(dgate, dup, dh, m_gate + int64_t(l) * N * F, m_up + int64_t(l) * N * F, int64_t(N) * F);
        zero(dxn, int64_t(N) * C);
        const float* xn2 = m_xn2 + int64_t(l) * N * C;
        linearBwd(l, 4, dxn, dgate, xn2, u + 4 * N * R, seed, true);
        linearBwd(l, 5, dxn, dup, xn2, u + 5 * N * R, seed, true);
        rmsnormBackward(dresid, full ? g + m_gFfnNorm[l] : nullptr, dxn, xmid, lw.ffnNorm.data(),
                        m_rstd2 + int64_t(l) * N, N, C);
        // Attention: xmid = xin + o(attention(rope(q(xn1)), rope(k(xn1)), v(xn1))).
        zero(datt, int64_t(N) * QD);
        linearBwd(l, 3, datt, dresid, m_att + int64_t(l) * N * QD, u + 3 * N * R, seed, true);
        zero(dq, int64_t(N) * QD), zero(dk, int64_t(N) * KD), zero(dv, int64_t(N) * KD);
        attentionBackward(dq, dk, dv, datt, m_probs + int64_t(l) * batch.B * NH * batch.T * batch.T,
                          m_q + int64_t(l) * N * QD, m_k + int64_t(l) * N * KD, m_v + int64_t(l) * N * KD,
                          batch.segments.data(), batch.B, batch.T, NH, NKV, D, c.slidingWindow);
        ropeBackward(dq, batch.positions.data(), N, NH, D, m_rope, m_w.ropeLayout);
        ropeBackward(dk, batch.positions.data(), N, NKV, D, m_rope, m_w.ropeLayout);
        // Below layer 0 only the embedding can be trainable: skip input gradients nobody reads.
        const bool needDx = l > 0 || full;
        zero(dxn, int64_t(N) * C);
        const float* xn1 = m_xn1 + int64_t(l) * N * C;
        linearBwd(l, 0, needDx ? dxn : nullptr, dq, xn1, u + 0 * N * R, seed, true);
        linearBwd(l, 1, needDx ? dxn : nullptr, dk, xn1, u + 1 * N * R, seed, true);
        linearBwd(l, 2, needDx ? dxn : nullptr, dv, xn1, u + 2 * N * R, seed, true);
        if (needDx)
            rmsnormBackward(dresid, full ? g + m_gAttnNorm[l] : nullptr, dxn, xin, lw.attnNorm.data(),
                            m_rstd1 + int64_t(l) * N, N, C);
    }
    if (full) embeddingBackward(g + m_gEmbed, dresid, batch.tokens.data(), N, C);
    return sums;
}

}  // namespace tb::train
