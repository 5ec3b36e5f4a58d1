// Kernel oracles: GEMV (F32, BF16, multi-job, several threads, odd sizes) against Eigen in double, BF16
// rounding, RMSNorm against its formula, RoPE rotate-half equal to interleaved on permuted rows, and the
// Llama 3 frequency bands.
#include "core/infer/bf16.h"
#include "core/infer/bf16_panels.h"
#include "core/infer/gemv.h"
#include "core/infer/rms_norm.h"
#include "core/infer/rope.h"
#include "core/model/model_weights.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace tb {
namespace {

Matrix randomMatrix(int r, int c, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> n;
    return Matrix::NullaryExpr(r, c, [&] { return n(rng); });
}

TEST(Gemv, F32AndBf16MatchEigenForOddShapesAndThreads) {
    for (auto [rows, cols] : {std::pair{1, 1}, {7, 13}, {333, 577}, {1030, 289}}) {
        Matrix w = randomMatrix(rows, cols, 1);
        Eigen::VectorXf x = randomMatrix(cols, 1, 2);
        Eigen::VectorXd ref = w.cast<double>() * x.cast<double>();
        std::vector<uint16_t> wb(size_t(rows) * cols);
        Matrix wRounded(rows, cols);
        for (size_t i = 0; i < wb.size(); ++i) {
            wb[i] = floatToBf16(w.data()[i]);
            wRounded.data()[i] = bf16ToFloat(wb[i]);
        }
        Eigen::VectorXd refBf16 = wRounded.cast<double>() * x.cast<double>();
        for (int threads : {1, 2, 3}) {
            Eigen::VectorXf y(rows), yb(rows);
            gemvF32(w.data(), x.data(), y.data(), rows, cols, threads);
            gemvBf16(wb.data(), x.data(), yb.data(), rows, cols, threads);
            EXPECT_LE((y.cast<double>() - ref).cwiseAbs().maxCoeff(), 1e-3) << rows << "x" << cols;
            EXPECT_LE((yb.cast<double>() - refBf16).cwiseAbs().maxCoeff(), 1e-3) << rows << "x" << cols;
            Eigen::VectorXf acc = Eigen::VectorXf::Ones(rows);
            gemvF32(w.data(), x.data(), acc.data(), rows, cols, threads, true);
            EXPECT_LE((acc.cast<double>() - ref - Eigen::VectorXd::Ones(rows)).cwiseAbs().maxCoeff(), 1e-3);
        }
    }
}

TEST(Gemv, JobsSplitRowsOfSeveralProductsExactly) {
    Matrix a = randomMatrix(576, 576, 3), b = randomMatrix(190, 576, 4), c = randomMatrix(2, 576, 5);
    std::vector<uint16_t> cb(size_t(c.size()));
    for (size_t i = 0; i < cb.size(); ++i) cb[i] = floatToBf16(c.data()[i]);
    Eigen::VectorXf x = randomMatrix(576, 1, 6);
    for (int threads : {1, 2, 5}) {
        Eigen::VectorXf ya(576), yb = Eigen::VectorXf::Constant(190, 2.0f), yc(2);
        GemvJob jobs[3];
        jobs[0] = {a.data(), nullptr, nullptr, x.data(), ya.data(), 576, 576, false};
        jobs[1] = {b.data(), nullptr, nullptr, x.data(), yb.data(), 190, 576, true};
        jobs[2] = {nullptr, cb.data(), nullptr, x.data(), yc.data(), 2, 576, false};
        gemvJobs(jobs, 3, threads);
        Eigen::VectorXf ra(576), rb(190), rc(2);
        gemvF32(a.data(), x.data(), ra.data(), 576, 576, 1);
        gemvF32(b.data(), x.data(), rb.data(), 190, 576, 1);
        gemvBf16(cb.data(), x.data(), rc.data(), 2, 576, 1);
        EXPECT_EQ(ya, ra) << threads;
        EXPECT_EQ(yb, (rb.array() + 2.0f).matrix()) << threads;
        EXPECT_EQ(yc, rc) << threads;
    }
}

// The packed BF16 product against double arithmetic on the same BF16-rounded weights and inputs: decode
// (T = 1), odd tiles, whole panels and ragged ones, accumulate, 1-3 threads, and gemvJobs over panels.
TEST(Bf16Panels, MultiplyMatchesRoundedReferenceForEveryTileShape) {
    for (auto [rows, cols] : {std::pair{1, 1}, {7, 13}, {192, 576}, {333, 577}, {576, 1536}}) {
        Matrix w = randomMatrix(rows, cols, 11);
        Bf16Panels panels(w.data(), rows, cols);
        Eigen::MatrixXd wr(rows, cols);
        for (int r = 0; r < rows; ++r)
            for (int c = 0; c < cols; ++c) {
                ASSERT_EQ(panels.at(r, c), bf16ToFloat(floatToBf16(w(r, c))));
                wr(r, c) = panels.at(r, c);
            }
        for (int T : {1, 2, 9, 12, 13, 40}) {
            Matrix x = randomMatrix(T, cols, 12 + unsigned(T));
            Eigen::MatrixXd xr(T, cols);
            for (int t = 0; t < T; ++t)
                for (int c = 0; c < cols; ++c) xr(t, c) = bf16ToFloat(floatToBf16(x(t, c)));
            const Eigen::MatrixXd ref = xr * wr.transpose();
            const double tol = 2e-6 * cols + 1e-5;
            for (int threads : {1, 2, 3}) {
                Matrix y(T, rows), acc = Matrix::Constant(T, rows, 0.5f);
                panels.multiply(x.data(), y.data(), T, threads);
                panels.multiply(x.data(), acc.data(), T, threads, /*accumulate=*/true);
                EXPECT_LE((y.cast<double>() - ref).cwiseAbs().maxCoeff(), tol) << rows << "x" << cols << " T=" << T;
                EXPECT_LE((acc.cast<double>() - ref).array().abs().maxCoeff() - 0.0, 0.5 + tol);
                EXPECT_LE(((acc.cast<double>().array() - 0.5) - ref.array()).abs().maxCoeff(), tol);
                // Each row of a prefill equals that row decoded alone (same products, any order of sums).
                for (int t = 0; t < T; ++t) {
                    Eigen::RowVectorXf one(rows);
                    panels.multiply(x.row(t).data(), one.data(), 1, threads);
                    EXPECT_LE((one - y.row(t)).cwiseAbs().maxCoeff(), float(tol)) << "row " << t << " T=" << T;
                }
            }
        }
        // Decode through gemvJobs, two products sharing x, split over threads panel by panel.
        Eigen::VectorXf x = randomMatrix(cols, 1, 99);
        Eigen::VectorXf ya(rows), yb = Eigen::VectorXf::Constant(rows, 1.0f), ref(rows);
        panels.multiply(x.data(), ref.data(), 1, 1);
        for (int threads : {1, 2, 3}) {
            GemvJob jobs[2];
            jobs[0].panels = &panels; jobs[0].x = x.data(); jobs[0].y = ya.data(); jobs[0].rows = rows; jobs[0].cols = cols;
            jobs[1] = jobs[0];
            jobs[1].y = yb.data();
            jobs[1].accumulate = true;
            yb.setConstant(1.0f);
            gemvJobs(jobs, 2, threads);
            EXPECT_EQ(ya, ref) << threads;
            EXPECT_LE((yb.array() - 1.0f - ref.array()).abs().maxCoeff(), 1e-5f) << threads;
        }
    }
}

TEST(Bf16, RoundsToNearestEven) {
    EXPECT_EQ(floatToBf16(1.0f), 0x3f80);
    EXPECT_EQ(bf16ToFloat(0x3f80), 1.0f);
    // 1 + 2^-8 is halfway between 1 and 1 + 2^-7: ties to even (1.0).
    EXPECT_EQ(floatToBf16(1.0f + std::ldexp(1.0f, -8)), 0x3f80);
    EXPECT_EQ(floatToBf16(1.0f + 3 * std::ldexp(1.0f, -8)), 0x3f82);
    EXPECT_TRUE(std::isnan(bf16ToFloat(floatToBf16(NAN))));
}

TEST(RmsNorm, MatchesFormula) {
    Matrix x = randomMatrix(3, 10, 7);
    Eigen::VectorXf w = randomMatrix(10, 1, 8);
    Matrix y(3, 10);
    rmsNormForward(x.data(), w.data(), y.data(), 3, 10, 1e-5f);
    for (int t = 0; t < 3; ++t) {
        double ms = x.row(t).cast<double>().squaredNorm() / 10;
        for (int i = 0; i < 10; ++i) EXPECT_NEAR(y(t, i), x(t, i) / std::sqrt(ms + 1e-5) * w[i], 1e-5);
    }
}

TEST(Rope, RotateHalfOnPermutedRowsEqualsInterleaved) {
    ModelConfig c;
    c.headDim = 8;
    c.ropeTheta = 10000;
    auto inv = ropeInverseFrequencies(c);
    const int T = 5, H = 2, D = 8;
    std::vector<float> cs(T * D / 2), sn(T * D / 2);
    ropeAngles(inv, 3, T, cs.data(), sn.data());
    Matrix inter = randomMatrix(T, H * D, 9);
    Matrix half(T, H * D);  // rotate-half row j = interleaved 2j, row D/2 + j = interleaved 2j+1
    for (int t = 0; t < T; ++t)
        for (int h = 0; h < H; ++h)
            for (int j = 0; j < D / 2; ++j) {
                half(t, h * D + j) = inter(t, h * D + 2 * j);
                half(t, h * D + D / 2 + j) = inter(t, h * D + 2 * j + 1);
            }
    ropeApply(inter.data(), T, H, D, cs.data(), sn.data(), RopeLayout::Interleaved);
    ropeApply(half.data(), T, H, D, cs.data(), sn.data(), RopeLayout::RotateHalf);
    for (int t = 0; t < T; ++t)
        for (int h = 0; h < H; ++h)
            for (int j = 0; j < D / 2; ++j) {
                EXPECT_FLOAT_EQ(half(t, h * D + j), inter(t, h * D + 2 * j));
                EXPECT_FLOAT_EQ(half(t, h * D + D / 2 + j), inter(t, h * D + 2 * j + 1));
            }
    // Position 3, pair 0 rotates by exactly 3 radians.
    EXPECT_NEAR(cs[0], std::cos(3.0), 1e-7);
}

TEST(Rope, Llama3ScalingBands) {
    ModelConfig c;
    c.headDim = 16;
    c.ropeTheta = 500000;
    auto plain = ropeInverseFrequencies(c);
    c.ropeScaling = {true, 8.0f, 1.0f, 4.0f, 128};
    auto scaled = ropeInverseFrequencies(c);
    EXPECT_DOUBLE_EQ(scaled[0], plain[0]);                    // wavelength 6.3 < 32: kept
    EXPECT_GT(scaled[1], plain[1] / 8);                        // wavelength 32.4: blended
    EXPECT_LT(scaled[1], plain[1]);
    for (int j = 2; j < 8; ++j) EXPECT_DOUBLE_EQ(scaled[size_t(j)], plain[size_t(j)] / 8);  // > 128: divided
}

}  // namespace
}  // namespace tb
