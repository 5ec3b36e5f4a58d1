#include "core/train/layers.h"

#include "core/train/parallel_rows.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace tb::train {

namespace {
using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Map = Eigen::Map<RowMat>;
using CMap = Eigen::Map<const RowMat>;

inline uint64_t splitmix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}
}  // namespace

void embeddingForward(float* out, const int32_t* tokens, const float* table, int N, int C) {
#pragma omp parallel for schedule(static) if (int64_t(N) * C > 32768)
    for (int n = 0; n < N; ++n) std::memcpy(out + int64_t(n) * C, table + int64_t(tokens[n]) * C, sizeof(float) * C);
}

void embeddingBackward(float* dtable, const float* dout, const int32_t* tokens, int N, int C) {
    for (int n = 0; n < N; ++n) {
        float* row = dtable + int64_t(tokens[n]) * C;
        const float* g = dout + int64_t(n) * C;
        for (int c = 0; c < C; ++c) row[c] += g[c];
    }
}

void rmsnormForward(float* out, float* rstd, const float* x, const float* weight, int N, int C, float eps) {
#pragma omp parallel for schedule(static) if (int64_t(N) * C > 32768)
    for (int n = 0; n < N; ++n) {
        const float* xr = x + int64_t(n) * C;
        float* o = out + int64_t(n) * C;
        double ss = 0.0;
        for (int c = 0; c < C; ++c) ss += double(xr[c]) * xr[c];
        float r = float(1.0 / std::sqrt(ss / C + eps));
        rstd[n] = r;
        for (int c = 0; c < C; ++c) o[c] = xr[c] * r * weight[c];
    }
}

void rmsnormBackward(float* dx, float* dweight, const float* dout, const float* x, const float* weight,
                     const float* rstd, int N, int C) {
#pragma omp parallel for schedule(static) if (int64_t(N) * C > 32768)
    for (int n = 0; n < N; ++n) {
        const float* xr = x + int64_t(n) * C;
        const float* g = dout + int64_t(n) * C;
        float* d = dx + int64_t(n) * C;
        float r = rstd[n];
        double dot = 0.0;  // sum_c g*w*xhat
        for (int c = 0; c < C; ++c) dot += double(g[c]) * weight[c] * xr[c] * r;
        float m = float(dot / C);
        for (int c = 0; c < C; ++c) d[c] += r * (g[c] * weight[c] - xr[c] * r * m);
    }
    if (dweight) {
        // Column sums in a fixed order (deterministic for any thread count).
#pragma omp parallel for schedule(static) if (int64_t(N) * C > 32768)
        for (int c = 0; c < C; ++c) {
            double s = 0.0;
            for (int n = 0; n < N; ++n) s += double(dout[int64_t(n) * C + c]) * x[int64_t(n) * C + c] * rstd[n];
            dweight[c] += float(s);
        }
    }
}

void linearForward(float* out, const float* x, const float* W, const float* bias, int N, int IN, int OUT) {
    forRowChunks(N, int64_t(IN) * OUT, [&](int64_t b, int64_t e) {
        Map o(out + b * OUT, e - b, OUT);
        o.noalias() = CMap(x + b * IN, e - b, IN) * CMap(W, OUT, IN).transpose();
        if (bias) o.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias, OUT);
    });
}

void addRowBias(float* out, const float* bias, int N, int OUT) {
    Map(out, N, OUT).rowwise() += Eigen::Map<const Eigen::RowVectorXf>(bias, OUT);
}

void linearBackward(float* dx, float* dW, float* dbias, const float* dout, const float* x, const float* W,
                    int N, int IN, int OUT) {
    if (dx)
        forRowChunks(N, int64_t(IN) * OUT, [&](int64_t b, int64_t e) {
            Map(dx + b * IN, e - b, IN).noalias() += CMap(dout + b * OUT, e - b, OUT) * CMap(W, OUT, IN);
        });
    if (dW)
        forRowChunks(OUT, int64_t(IN) * N, [&](int64_t b, int64_t e) {
            using Strided = Eigen::Map<const RowMat, 0, Eigen::OuterStride<>>;
            Strided g(dout + b, N, e - b, Eigen::OuterStride<>(OUT));
            Map(dW + b * IN, e - b, IN).noalias() += g.transpose() * CMap(x, N, IN);
        });
    if (dbias) {
#pragma omp parallel for schedule(static) if (int64_t(N) * OUT > 32768)
        for (int o = 0; o < OUT; ++o) {
            double s = 0.0;
            for (int n = 0; n < N; ++n) s += dout[int64_t(n) * OUT + o];
            dbias[o] += float(s);
        }
    }
}

void loraForward(float* out, float* u, const float* x, const float* A, const float* B, float scale, int N, int IN,
                 int OUT, int R) {
    forRowChunks(N, int64_t(IN + OUT) * R, [&](int64_t b, int64_t e) {
        Map um(u + b * R, e - b, R);
        um.noalias() = CMap(x + b * IN, e - b, IN) * CMap(A, R, IN).transpose();
        Map(out + b * OUT, e - b, OUT).noalias() += scale * (um * CMap(B, OUT, R).transpose());
    });
}

void loraBackward(float* dx, float* dA, float* dB, float* du, const float* dout, const float* x, const float* u,
                  const float* A, const float* B, float scale, int N, int IN, int OUT, int R) {
    using Strided = Eigen::Map<const RowMat, 0, Eigen::OuterStride<>>;
    if (dB)
        forRowChunks(OUT, int64_t(N) * R, [&](int64_t b, int64_t e) {
            Strided g(dout + b, N, e - b, Eigen::OuterStride<>(OUT));
            Map(dB + b * R, e - b, R).noalias() += scale * (g.transpose() * CMap(u, N, R));
        });
    forRowChunks(N, int64_t(OUT + IN) * R, [&](int64_t b, int64_t e) {
        Map dum(du + b * R, e - b, R);
        dum.noalias() = scale * (CMap(dout + b * OUT, e - b, OUT) * CMap(B, OUT, R));
        if (dx) Map(dx + b * IN, e - b, IN).noalias() += dum * CMap(A, R, IN);
    });
    if (dA)
        forRowChunks(IN, int64_t(N) * R, [&](int64_t b, int64_t e) {
            Strided xs(x + b, N, e - b, Eigen::OuterStride<>(IN));
            Eigen::Map<RowMat, 0, Eigen::OuterStride<>> dAs(dA + b, R, e - b, Eigen::OuterStride<>(IN));
            dAs.noalias() += CMap(du, N, R).transpose() * xs;
        });
}

void swigluForward(float* h, const float* gate, const float* up, int64_t count) {
#pragma omp parallel for schedule(static) if (count > 32768)
    for (int64_t i = 0; i < count; ++i) {
        float g = gate[i];
        float s = 1.0f / (1.0f + std::exp(-g));
        h[i] = g * s * up[i];
    }
}

void swigluBackward(float* dgate, float* dup, const float* dh, const float* gate, const float* up, int64_t count) {
#pragma omp parallel for schedule(static) if (count > 32768)
    for (int64_t i = 0; i < count; ++i) {
        float g = gate[i];
        float s = 1.0f / (1.0f + std::exp(-g));
        float silu = g * s;
        dgate[i] += dh[i] * up[i] * s * (1.0f + g * (1.0f - s));
        dup[i] += dh[i] * silu;
    }
}

void dropoutApply(float* out, const float* x, int64_t count, float p, uint64_t seed, uint64_t stream) {
    if (p <= 0.0f) {
        if (out != x) std::memcpy(out, x, sizeof(float) * size_t(count));
        return;
    }
    const uint64_t threshold = uint64_t(double(p) * 18446744073709551616.0);
    const float keepScale = 1.0f / (1.0f - p);
    const uint64_t base = splitmix64(seed ^ splitmix64(stream + 0x51ED270B5ull));
#pragma omp parallel for schedule(static) if (count > 32768)
    for (int64_t i = 0; i < count; ++i) {
        uint64_t h = splitmix64(base + uint64_t(i));
        out[i] = h >= threshold ? x[i] * keepScale : 0.0f;
    }
}

void addInPlace(float* out, const float* x, int64_t count) {
#pragma omp parallel for schedule(static) if (count > 32768)
    for (int64_t i = 0; i < count; ++i) out[i] += x[i];
}

}  // namespace tb::train
