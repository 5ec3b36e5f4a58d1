#include "core/train/layers_loss.h"

#include "core/train/parallel_rows.h"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <vector>

namespace tb::train {

namespace {
using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Map = Eigen::Map<RowMat>;
using CMap = Eigen::Map<const RowMat>;
constexpr int kChunkRows = 128;
}  // namespace

LossSums lmHeadCrossEntropy(float* dx, float* dW, const float* x, const float* W, const int32_t* targets, int N,
                            int C, int V, float gradScale) {
    LossSums sums;
    std::vector<int> rows;
    for (int n = 0; n < N; ++n)
        if (targets[n] >= 0) rows.push_back(n);
    sums.targets = int64_t(rows.size());
    CMap Wm(W, V, C);
    RowMat xg, logits, dxg;
    std::vector<double> rowLoss;
    for (size_t start = 0; start < rows.size(); start += kChunkRows) {
        const int M = int(std::min<size_t>(kChunkRows, rows.size() - start));
        xg.resize(M, C);
        for (int m = 0; m < M; ++m) xg.row(m) = CMap(x + int64_t(rows[start + m]) * C, 1, C);
        logits.resize(M, V);
        forRowChunks(M, int64_t(V) * C, [&](int64_t b, int64_t e) {
            logits.middleRows(b, e - b).noalias() = xg.middleRows(b, e - b) * Wm.transpose();
        });
        rowLoss.assign(M, 0.0);
#pragma omp parallel for schedule(static) if (int64_t(M) * V > 32768)
        for (int m = 0; m < M; ++m) {
            float* l = &logits(m, 0);
            float mx = l[0];
            for (int j = 1; j < V; ++j) mx = std::max(mx, l[j]);
            double sum = 0.0;
            for (int j = 0; j < V; ++j) sum += std::exp(double(l[j] - mx));
            const int t = targets[rows[start + m]];
            rowLoss[m] = -(double(l[t] - mx) - std::log(sum));
            if (dx) {
                const double inv = 1.0 / sum;
                for (int j = 0; j < V; ++j) l[j] = float(std::exp(double(l[j] - mx)) * inv) * gradScale;
                l[t] -= gradScale;
            }
        }
        for (int m = 0; m < M; ++m) sums.lossSum += rowLoss[m];
        if (!dx) continue;
        dxg.resize(M, C);
        forRowChunks(M, int64_t(V) * C, [&](int64_t b, int64_t e) {
            dxg.middleRows(b, e - b).noalias() = logits.middleRows(b, e - b) * Wm;
        });
        for (int m = 0; m < M; ++m) Map(dx + int64_t(rows[start + m]) * C, 1, C) += dxg.row(m);
        if (dW)
            forRowChunks(V, int64_t(M) * C, [&](int64_t b, int64_t e) {
                Map(dW + b * C, e - b, C).noalias() += logits.middleCols(b, e - b).transpose() * xg;
            });
    }
    return sums;
}

}  // namespace tb::train
