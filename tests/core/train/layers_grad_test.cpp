// Finite-difference gradient checks for every training layer. Kernels are float; the probe loss
// L = sum(out * R) is accumulated in double and differenced with eps = 1e-2 (central), and we require
// |analytic - numeric| <= 2e-3 + 1e-2 * |numeric| on sampled coordinates.
#include "core/train/layers.h"
#include "core/train/layers_attention.h"
#include "core/train/layers_loss.h"
#include "train_test_util.h"

#include <gtest/gtest.h>

#include <vector>

namespace tb::train {
namespace {
using testing::fdCheck;
using testing::fillRandom;
using Buf = std::vector<float>;

constexpr float kEps = 1e-2f;
constexpr double kAbs = 2e-3, kRel = 1e-2;

double dotLoss(const Buf& out, const Buf& r) {
    double s = 0.0;
    for (size_t i = 0; i < out.size(); ++i) s += double(out[i]) * r[i];
    return s;
}

Buf randomBuf(size_t n, std::mt19937_64& rng, float scale = 1.0f) {
    Buf b(n);
    fillRandom(b.data(), int64_t(n), rng, scale);
    return b;
}

#define EXPECT_FD(lossFn, param, analytic)                                                                 \
    do {                                                                                                   \
        std::string rep_;                                                                                  \
        double w_ = fdCheck(lossFn, (param).data(), int64_t((param).size()), (analytic).data(), kEps, kAbs, \
                            kRel, 40, rep_);                                                               \
        EXPECT_LE(w_, 0.0) << #param << " " << rep_;                                                       \
    } while (0)

TEST(TrainLayersGrad, RmsNorm) {
    std::mt19937_64 rng(1);
    const int N = 5, C = 12;
    Buf x = randomBuf(N * C, rng), w = randomBuf(C, rng), r = randomBuf(N * C, rng);
    for (float& v : w) v += 1.0f;
    auto loss = [&] { Buf o(N * C), rs(N); rmsnormForward(o.data(), rs.data(), x.data(), w.data(), N, C, 1e-5f); return dotLoss(o, r); };
    Buf o(N * C), rs(N), dx(N * C, 0.f), dw(C, 0.f);
    rmsnormForward(o.data(), rs.data(), x.data(), w.data(), N, C, 1e-5f);
    rmsnormBackward(dx.data(), dw.data(), r.data(), x.data(), w.data(), rs.data(), N, C);
    EXPECT_FD(loss, x, dx);
    EXPECT_FD(loss, w, dw);
}

TEST(TrainLayersGrad, LinearWithBias) {
    std::mt19937_64 rng(2);
    const int N = 6, IN = 10, OUT = 7;
    Buf x = randomBuf(N * IN, rng), W = randomBuf(OUT * IN, rng), b = randomBuf(OUT, rng), r = randomBuf(N * OUT, rng);
    auto loss = [&] { Buf o(N * OUT); linearForward(o.data(), x.data(), W.data(), b.data(), N, IN, OUT); return dotLoss(o, r); };
    Buf dx(N * IN, 0.f), dW(OUT * IN, 0.f), db(OUT, 0.f);
    linearBackward(dx.data(), dW.data(), db.data(), r.data(), x.data(), W.data(), N, IN, OUT);
    EXPECT_FD(loss, x, dx);
    EXPECT_FD(loss, W, dW);
    EXPECT_FD(loss, b, db);
}

void loraCase(float dropout) {
    std::mt19937_64 rng(3);
    const int N = 6, IN = 10, OUT = 7, R = 3;
    const float scale = 2.0f;
    Buf x = randomBuf(N * IN, rng), A = randomBuf(R * IN, rng), B = randomBuf(OUT * R, rng), r = randomBuf(N * OUT, rng);
    // The layer sees the dropped-out input; the chain through the mask is the caller's (train_model).
    auto loss = [&] {
        Buf xd(N * IN), o(N * OUT, 0.f), u(N * R);
        dropoutApply(xd.data(), x.data(), N * IN, dropout, 42, 7);
        loraForward(o.data(), u.data(), xd.data(), A.data(), B.data(), scale, N, IN, OUT, R);
        return dotLoss(o, r);
    };
    Buf xd(N * IN), o(N * OUT, 0.f), u(N * R), du(N * R), dxd(N * IN, 0.f), dA(R * IN, 0.f), dB(OUT * R, 0.f);
    dropoutApply(xd.data(), x.data(), N * IN, dropout, 42, 7);
    loraForward(o.data(), u.data(), xd.data(), A.data(), B.data(), scale, N, IN, OUT, R);
    loraBackward(dxd.data(), dA.data(), dB.data(), du.data(), r.data(), xd.data(), u.data(), A.data(), B.data(), scale,
                 N, IN, OUT, R);
    dropoutApply(dxd.data(), dxd.data(), N * IN, dropout, 42, 7);  // d(dropout)/dx = mask / (1-p)
    EXPECT_FD(loss, x, dxd);
    EXPECT_FD(loss, A, dA);
    EXPECT_FD(loss, B, dB);
}

TEST(TrainLayersGrad, Lora) { loraCase(0.0f); }
TEST(TrainLayersGrad, LoraWithDropout) { loraCase(0.3f); }

TEST(TrainLayersGrad, DropoutMaskIsDeterministicAndScaled) {
    Buf x(10000, 1.0f), a(10000), b(10000);
    dropoutApply(a.data(), x.data(), 10000, 0.25f, 9, 3);
    dropoutApply(b.data(), x.data(), 10000, 0.25f, 9, 3);
    EXPECT_EQ(a, b);
    int zeros = 0;
    for (float v : a) {
        zeros += v == 0.0f;
        if (v != 0.0f) {
            EXPECT_FLOAT_EQ(v, 1.0f / 0.75f);
        }
    }
    EXPECT_NEAR(zeros / 10000.0, 0.25, 0.02);
    dropoutApply(b.data(), x.data(), 10000, 0.25f, 9, 4);
    EXPECT_NE(a, b);
}

TEST(TrainLayersGrad, SwiGlu) {
    std::mt19937_64 rng(4);
    const int n = 50;
    Buf g = randomBuf(n, rng, 2.0f), u = randomBuf(n, rng), r = randomBuf(n, rng);
    auto loss = [&] { Buf h(n); swigluForward(h.data(), g.data(), u.data(), n); return dotLoss(h, r); };
    Buf dg(n, 0.f), du(n, 0.f);
    swigluBackward(dg.data(), du.data(), r.data(), g.data(), u.data(), n);
    EXPECT_FD(loss, g, dg);
    EXPECT_FD(loss, u, du);
}

TEST(TrainLayersGrad, Embedding) {
    std::mt19937_64 rng(5);
    const int V = 9, C = 4, N = 6;
    std::vector<int32_t> tok = {1, 3, 1, 8, 0, 3};
    Buf table = randomBuf(V * C, rng), r = randomBuf(N * C, rng);
    auto loss = [&] { Buf o(N * C); embeddingForward(o.data(), tok.data(), table.data(), N, C); return dotLoss(o, r); };
    Buf dt(V * C, 0.f);
    embeddingBackward(dt.data(), r.data(), tok.data(), N, C);
    EXPECT_FD(loss, table, dt);
}

void ropeCase(RopeLayout layout, bool llama3) {
    std::mt19937_64 rng(6);
    ModelConfig c;
    c.headDim = 8;
    c.ropeTheta = 500000.0f;
    c.ropeScaling.enabled = llama3;
    c.ropeScaling.factor = 8.0f;
    c.ropeScaling.originalMaxPositions = 16;  // small so all three frequency bands occur for D = 8
    RopeTables t = buildRopeTables(c, 32);
    const int N = 5, H = 3, D = 8;
    std::vector<int32_t> pos = {0, 1, 7, 30, 2};
    Buf x = randomBuf(N * H * D, rng), r = randomBuf(N * H * D, rng);
    auto loss = [&] { Buf y = x; ropeForward(y.data(), pos.data(), N, H, D, t, layout); return dotLoss(y, r); };
    Buf dx = r;
    ropeBackward(dx.data(), pos.data(), N, H, D, t, layout);
    EXPECT_FD(loss, x, dx);
    // Rotation keeps norms, and position 0 is the identity.
    Buf y = x;
    ropeForward(y.data(), pos.data(), N, H, D, t, layout);
    for (int i = 0; i < H * D; ++i) EXPECT_FLOAT_EQ(y[i], x[i]);
}

TEST(TrainLayersGrad, RopeRotateHalf) { ropeCase(RopeLayout::RotateHalf, false); }
TEST(TrainLayersGrad, RopeInterleaved) { ropeCase(RopeLayout::Interleaved, false); }
TEST(TrainLayersGrad, RopeLlama3Scaling) {
    ropeCase(RopeLayout::RotateHalf, true);
    ropeCase(RopeLayout::Interleaved, true);
}

TEST(TrainLayersGrad, RopeLlama3ScalingMatchesHuggingFaceFormula) {
    ModelConfig c;
    c.headDim = 8;
    c.ropeTheta = 500000.0f;
    c.ropeScaling.enabled = true;
    c.ropeScaling.factor = 8.0f;
    c.ropeScaling.lowFreqFactor = 1.0f;
    c.ropeScaling.highFreqFactor = 4.0f;
    c.ropeScaling.originalMaxPositions = 16;
    RopeTables t = buildRopeTables(c, 4);
    // inv_freq before scaling: 1, 500000^-0.25, 500000^-0.5, 500000^-0.75 -> wavelengths 6.28, 167, 4443, 118000.
    // high band (wavelen < 4) none; 6.28 is medium (between 4 and 16); the rest are low -> divided by 8.
    double f1 = 1.0, wl = 2 * M_PI;
    double smooth = (16.0 / wl - 1.0) / (4.0 - 1.0);
    EXPECT_NEAR(t.invFreq[0], (1 - smooth) * f1 / 8.0 + smooth * f1, 1e-6);
    EXPECT_NEAR(t.invFreq[1], std::pow(500000.0, -0.25) / 8.0, 1e-7);
    EXPECT_NEAR(t.invFreq[3], std::pow(500000.0, -0.75) / 8.0, 1e-9);
}

TEST(TrainLayersGrad, AttentionGqaPaddingPacking) {
    std::mt19937_64 rng(7);
    const int B = 2, T = 6, NH = 4, NKV = 2, D = 3, N = B * T;
    std::vector<int32_t> seg = {0, 0, 0, 0, -1, -1, 0, 0, 1, 1, 1, 2};
    Buf q = randomBuf(N * NH * D, rng), k = randomBuf(N * NKV * D, rng), v = randomBuf(N * NKV * D, rng);
    Buf r = randomBuf(N * NH * D, rng);
    auto loss = [&] {
        Buf o(N * NH * D), p(B * NH * T * T);
        attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D);
        return dotLoss(o, r);
    };
    Buf o(N * NH * D), p(B * NH * T * T), dq(q.size(), 0.f), dk(k.size(), 0.f), dv(v.size(), 0.f);
    attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D);
    attentionBackward(dq.data(), dk.data(), dv.data(), r.data(), p.data(), q.data(), k.data(), v.data(), seg.data(),
                      B, T, NH, NKV, D);
    EXPECT_FD(loss, q, dq);
    EXPECT_FD(loss, k, dk);
    EXPECT_FD(loss, v, dv);
    // Masking: a padding query outputs zero; the first token of segment 1 attends only to itself.
    for (int i = 0; i < NH * D; ++i) EXPECT_EQ(o[4 * NH * D + i], 0.0f);
    for (int h = 0; h < NH; ++h) {
        const float* row = p.data() + ((1 * NH + h) * T + 2) * T;  // row 1, query 2 (segment 1 start)
        for (int j = 0; j < T; ++j) EXPECT_EQ(row[j], j == 2 ? 1.0f : 0.0f);
    }
}

// T = 150 spans three causal blocks of 64 queries (the last one partial), with two packed examples, a
// padded tail and, in the second pass, a sliding window reaching back past a block edge.
TEST(TrainLayersGrad, AttentionAcrossCausalBlocks) {
    for (int W : {0, 100}) {
        std::mt19937_64 rng(11 + W);
        const int B = 1, T = 150, NH = 2, NKV = 1, D = 3, N = B * T;
        std::vector<int32_t> seg(T);
        for (int i = 0; i < T; ++i) seg[size_t(i)] = i < 70 ? 0 : i < 140 ? 1 : -1;
        Buf q = randomBuf(N * NH * D, rng), k = randomBuf(N * NKV * D, rng), v = randomBuf(N * NKV * D, rng);
        Buf r = randomBuf(N * NH * D, rng);
        auto loss = [&] {
            Buf o(N * NH * D), p(B * NH * T * T);
            attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D, W);
            return dotLoss(o, r);
        };
        Buf o(N * NH * D), p(B * NH * T * T), dq(q.size(), 0.f), dk(k.size(), 0.f), dv(v.size(), 0.f);
        attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D, W);
        attentionBackward(dq.data(), dk.data(), dv.data(), r.data(), p.data(), q.data(), k.data(), v.data(),
                          seg.data(), B, T, NH, NKV, D, W);
        EXPECT_FD(loss, q, dq);
        EXPECT_FD(loss, k, dk);
        EXPECT_FD(loss, v, dv);
        // Without the window hint the backward pass multiplies every key block and must agree.
        Buf dq0(q.size(), 0.f), dk0(k.size(), 0.f), dv0(v.size(), 0.f);
        attentionBackward(dq0.data(), dk0.data(), dv0.data(), r.data(), p.data(), q.data(), k.data(), v.data(),
                          seg.data(), B, T, NH, NKV, D);
        for (size_t i = 0; i < dq.size(); ++i) EXPECT_NEAR(dq[i], dq0[i], 1e-5f);
        for (size_t i = 0; i < dk.size(); ++i) EXPECT_NEAR(dk[i], dk0[i], 1e-5f);
        // Each kept row sums to one over exactly the keys it may see.
        for (int h = 0; h < NH; ++h)
            for (int i : {0, 63, 64, 69, 70, 128, 139}) {
                const float* row = p.data() + (size_t(h) * T + size_t(i)) * T;
                double sum = 0;
                for (int j = 0; j < T; ++j) {
                    const bool visible = j <= i && seg[size_t(j)] == seg[size_t(i)] && (W == 0 || i - j < W);
                    EXPECT_EQ(row[j] > 0.0f, visible) << "query " << i << " key " << j;
                    sum += row[j];
                }
                EXPECT_NEAR(sum, 1.0, 1e-5);
            }
    }
}

TEST(TrainLayersGrad, AttentionSlidingWindow) {
    std::mt19937_64 rng(9);
    const int B = 1, T = 7, NH = 2, NKV = 1, D = 3, N = B * T, W = 3;
    std::vector<int32_t> seg = {0, 0, 0, 0, 0, 1, 1};
    Buf q = randomBuf(N * NH * D, rng), k = randomBuf(N * NKV * D, rng), v = randomBuf(N * NKV * D, rng);
    Buf r = randomBuf(N * NH * D, rng);
    auto loss = [&] {
        Buf o(N * NH * D), p(B * NH * T * T);
        attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D, W);
        return dotLoss(o, r);
    };
    Buf o(N * NH * D), p(B * NH * T * T), dq(q.size(), 0.f), dk(k.size(), 0.f), dv(v.size(), 0.f);
    attentionForward(o.data(), p.data(), q.data(), k.data(), v.data(), seg.data(), B, T, NH, NKV, D, W);
    attentionBackward(dq.data(), dk.data(), dv.data(), r.data(), p.data(), q.data(), k.data(), v.data(), seg.data(),
                      B, T, NH, NKV, D);
    EXPECT_FD(loss, q, dq);
    EXPECT_FD(loss, k, dk);
    EXPECT_FD(loss, v, dv);
    // Query 4 sees keys 2..4 only; query 6 (segment 1) sees 5..6; rows sum to one.
    for (int h = 0; h < NH; ++h) {
        const float* row4 = p.data() + (h * T + 4) * T;
        const float* row6 = p.data() + (h * T + 6) * T;
        for (int j = 0; j < T; ++j) {
            EXPECT_EQ(row4[j] > 0.0f, j >= 2 && j <= 4) << j;
            EXPECT_EQ(row6[j] > 0.0f, j >= 5) << j;
        }
        EXPECT_NEAR(row4[2] + row4[3] + row4[4], 1.0f, 1e-6f);
    }
}

TEST(TrainLayersGrad, LmHeadCrossEntropy) {
    std::mt19937_64 rng(8);
    const int N = 7, C = 5, V = 11;
    std::vector<int32_t> tg = {3, -1, 10, 0, -1, 3, 7};
    Buf x = randomBuf(N * C, rng), W = randomBuf(V * C, rng);
    auto loss = [&] { return lmHeadCrossEntropy(nullptr, nullptr, x.data(), W.data(), tg.data(), N, C, V, 0.f).lossSum; };
    Buf dx(N * C, 0.f), dW(V * C, 0.f);
    LossSums s = lmHeadCrossEntropy(dx.data(), dW.data(), x.data(), W.data(), tg.data(), N, C, V, 1.0f);
    EXPECT_EQ(s.targets, 5);
    EXPECT_NEAR(s.lossSum, loss(), 1e-9);
    EXPECT_FD(loss, x, dx);
    EXPECT_FD(loss, W, dW);
    for (int c = 0; c < C; ++c) EXPECT_EQ(dx[1 * C + c], 0.0f);  // masked row gets no gradient
}

}  // namespace
}  // namespace tb::train
