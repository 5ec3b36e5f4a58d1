#include "core/train/layers_attention.h"

#include <Eigen/Core>
#include <cmath>
#include <limits>

namespace tb::train {

namespace {
using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Strided = Eigen::Map<RowMat, 0, Eigen::OuterStride<>>;
using CStrided = Eigen::Map<const RowMat, 0, Eigen::OuterStride<>>;
using Map = Eigen::Map<RowMat>;
using CMap = Eigen::Map<const RowMat>;

void rotate(float* x, const int32_t* pos, int N, int H, int D, const RopeTables& t, RopeLayout layout, float sign) {
    const int half = D / 2;
#pragma omp parallel for schedule(static) if (int64_t(N) * H * D > 32768)
    for (int n = 0; n < N; ++n) {
        const float* c = t.cos.data() + int64_t(pos[n]) * half;
        const float* s = t.sin.data() + int64_t(pos[n]) * half;
        for (int h = 0; h < H; ++h) {
            float* row = x + (int64_t(n) * H + h) * D;
            for (int j = 0; j < half; ++j) {
                int i0 = layout == RopeLayout::RotateHalf ? j : 2 * j;
                int i1 = layout == RopeLayout::RotateHalf ? j + half : 2 * j + 1;
                float x0 = row[i0], x1 = row[i1];
                float sn = sign * s[j];
                row[i0] = x0 * c[j] - x1 * sn;
                row[i1] = x0 * sn + x1 * c[j];
            }
        }
    }
}
}  // namespace

RopeTables buildRopeTables(const ModelConfig& config, int positions) {
    RopeTables t;
    const int D = config.headDim;
    t.positions = positions;
    t.half = D / 2;
    t.invFreq.resize(t.half);
    for (int j = 0; j < t.half; ++j)
        t.invFreq[j] = float(1.0 / std::pow(double(config.ropeTheta), double(2 * j) / double(D)));
    const RopeScaling& rs = config.ropeScaling;
    if (rs.enabled) {
        const double lowWavelen = double(rs.originalMaxPositions) / rs.lowFreqFactor;
        const double highWavelen = double(rs.originalMaxPositions) / rs.highFreqFactor;
        for (int j = 0; j < t.half; ++j) {
            double f = t.invFreq[j];
            double wavelen = 2.0 * M_PI / f;
            double scaled = wavelen > lowWavelen ? f / rs.factor : f;
            if (!(wavelen < highWavelen) && !(wavelen > lowWavelen)) {
                double smooth = (rs.originalMaxPositions / wavelen - rs.lowFreqFactor) /
                                (rs.highFreqFactor - rs.lowFreqFactor);
                scaled = (1.0 - smooth) * scaled / rs.factor + smooth * scaled;
            }
            t.invFreq[j] = float(scaled);
        }
    }
    t.cos.resize(size_t(positions) * t.half);
    t.sin.resize(size_t(positions) * t.half);
    for (int p = 0; p < positions; ++p)
        for (int j = 0; j < t.half; ++j) {
            float angle = float(p) * t.invFreq[j];  // float product, as torch does
            t.cos[size_t(p) * t.half + j] = float(std::cos(double(angle)));
            t.sin[size_t(p) * t.half + j] = float(std::sin(double(angle)));
        }
    return t;
}

void ropeForward(float* x, const int32_t* pos, int N, int H, int D, const RopeTables& t, RopeLayout layout) {
    rotate(x, pos, N, H, D, t, layout, 1.0f);
}

void ropeBackward(float* dx, const int32_t* pos, int N, int H, int D, const RopeTables& t, RopeLayout layout) {
    rotate(dx, pos, N, H, D, t, layout, -1.0f);
}

// Causal attention touches only keys at or before each query, so both passes work in blocks of kBlock
// query rows and multiply each block only by the keys it can see (j0 .. i1): about half the work of the full
// T x T products at T = 256 (10 of 16 blocks). Probabilities outside [first, i] stay stored as zeros.
constexpr int kBlock = 64;

void attentionForward(float* out, float* probs, const float* q, const float* k, const float* v, const int32_t* seg,
                      int B, int T, int NH, int NKV, int D, int window) {
    const int group = NH / NKV;
    const float scale = 1.0f / std::sqrt(float(D));
    const int64_t qs = int64_t(NH) * D, ks = int64_t(NKV) * D;
#pragma omp parallel for schedule(static) if (int64_t(B) * NH * T * T * D > 65536)
    for (int bh = 0; bh < B * NH; ++bh) {
        const int b = bh / NH, h = bh % NH, kvh = h / group;
        CStrided Q(q + b * T * qs + h * D, T, D, Eigen::OuterStride<>(qs));
        CStrided K(k + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        CStrided V(v + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        Strided O(out + b * T * qs + h * D, T, D, Eigen::OuterStride<>(qs));
        Map P(probs + int64_t(bh) * T * T, T, T);
        const int32_t* sg = seg + int64_t(b) * T;
        for (int i0 = 0; i0 < T; i0 += kBlock) {
            const int rows = std::min(kBlock, T - i0), i1 = i0 + rows;
            const int j0 = window > 0 ? std::max(0, i0 + 1 - window) : 0;
            const int n = i1 - j0;
            P.block(i0, j0, rows, n).noalias() = scale * (Q.middleRows(i0, rows) * K.middleRows(j0, n).transpose());
            for (int i = i0; i < i1; ++i) {
                float* row = &P(i, 0);
                if (sg[i] < 0) {
                    for (int j = 0; j < T; ++j) row[j] = 0.0f;
                    continue;
                }
                const int first = window > 0 ? std::max(0, i + 1 - window) : 0;
                float mx = -std::numeric_limits<float>::infinity();
                for (int j = first; j <= i; ++j)
                    if (sg[j] == sg[i]) mx = std::max(mx, row[j]);
                double sum = 0.0;
                for (int j = 0; j < first; ++j) row[j] = 0.0f;
                for (int j = first; j <= i; ++j) {
                    float e = sg[j] == sg[i] ? std::exp(row[j] - mx) : 0.0f;
                    row[j] = e;
                    sum += e;
                }
                float inv = float(1.0 / sum);
                for (int j = first; j <= i; ++j) row[j] *= inv;
                for (int j = i + 1; j < T; ++j) row[j] = 0.0f;
            }
            O.middleRows(i0, rows).noalias() = P.block(i0, j0, rows, n) * V.middleRows(j0, n);
        }
    }
}

void attentionBackward(float* dq, float* dk, float* dv, const float* dout, const float* probs, const float* q,
                       const float* k, const float* v, const int32_t* seg, int B, int T, int NH, int NKV, int D,
                       int window) {
    const int group = NH / NKV;
    const float scale = 1.0f / std::sqrt(float(D));
    const int64_t qs = int64_t(NH) * D, ks = int64_t(NKV) * D;
#pragma omp parallel for schedule(static) if (int64_t(B) * NH * T * T * D > 65536)
    for (int bk = 0; bk < B * NKV; ++bk) {
        const int b = bk / NKV, kvh = bk % NKV;
        CStrided K(k + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        CStrided V(v + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        Strided dK(dk + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        Strided dV(dv + b * T * ks + kvh * D, T, D, Eigen::OuterStride<>(ks));
        RowMat dS(std::min(kBlock, T), T);
        for (int h = kvh * group; h < (kvh + 1) * group; ++h) {
            CStrided Q(q + b * T * qs + h * D, T, D, Eigen::OuterStride<>(qs));
            CStrided dO(dout + b * T * qs + h * D, T, D, Eigen::OuterStride<>(qs));
            Strided dQ(dq + b * T * qs + h * D, T, D, Eigen::OuterStride<>(qs));
            CMap P(probs + (int64_t(b) * NH + h) * T * T, T, T);
            for (int i0 = 0; i0 < T; i0 += kBlock) {
                const int rows = std::min(kBlock, T - i0), i1 = i0 + rows;
                const int j0 = window > 0 ? std::max(0, i0 + 1 - window) : 0;
                const int n = i1 - j0;
                const auto Pb = P.block(i0, j0, rows, n);
                auto dSb = dS.block(0, 0, rows, n);
                dV.middleRows(j0, n).noalias() += Pb.transpose() * dO.middleRows(i0, rows);
                dSb.noalias() = dO.middleRows(i0, rows) * V.middleRows(j0, n).transpose();  // dP
                for (int r = 0; r < rows; ++r) {
                    const int last = i0 + r - j0;  // column of key i within the block
                    double dot = 0.0;
                    for (int j = 0; j <= last; ++j) dot += double(Pb(r, j)) * dSb(r, j);
                    float d = float(dot);
                    for (int j = 0; j <= last; ++j) dSb(r, j) = Pb(r, j) * (dSb(r, j) - d) * scale;
                    for (int j = last + 1; j < n; ++j) dSb(r, j) = 0.0f;
                }
                dQ.middleRows(i0, rows).noalias() += dSb * K.middleRows(j0, n);
                dK.middleRows(j0, n).noalias() += dSb.transpose() * Q.middleRows(i0, rows);
            }
        }
    }
    (void)seg;
}

}  // namespace tb::train
