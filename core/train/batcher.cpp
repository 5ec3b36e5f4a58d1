#include "core/train/batcher.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace tb::train {

namespace {
// A portable Fisher-Yates with our own engine (std::shuffle's algorithm is implementation-defined).
void seededShuffle(std::vector<int32_t>& v, std::mt19937_64& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[size_t(rng() % i)]);
}
}  // namespace

std::vector<MicroBatchPlan> planEpoch(const std::vector<TokenizedExample>& ex, const BatchSettings& s, int epoch) {
    std::mt19937_64 rng(s.seed * 0x9E3779B97F4A7C15ull + uint64_t(epoch) + 1);
    std::vector<int32_t> order(ex.size());
    std::iota(order.begin(), order.end(), 0);
    if (s.shuffle) seededShuffle(order, rng);
    std::vector<MicroBatchPlan> plans;
    const int bs = std::max(1, s.batchSize);
    if (s.packing) {
        std::vector<std::vector<int32_t>> rows;
        std::vector<int> used;
        for (int32_t i : order) {
            const int len = int(ex[size_t(i)].tokens.size());
            if (rows.empty() || used.back() + len > s.maxSeqLen) rows.push_back({}), used.push_back(0);
            rows.back().push_back(i);
            used.back() += len;
        }
        for (size_t r = 0; r < rows.size(); r += size_t(bs)) {
            MicroBatchPlan p;
            for (size_t k = r; k < std::min(rows.size(), r + size_t(bs)); ++k) p.rows.push_back(rows[k]);
            plans.push_back(std::move(p));
        }
        return plans;
    }
    if (s.groupByLength) {
        // Sort by length inside windows of 64 batches, then shuffle the batches: similar lengths share a
        // batch while the epoch order stays random.
        const size_t window = size_t(bs) * 64;
        for (size_t w = 0; w < order.size(); w += window) {
            auto b = order.begin() + long(w), e = order.begin() + long(std::min(order.size(), w + window));
            std::stable_sort(b, e, [&](int32_t x, int32_t y) { return ex[size_t(x)].tokens.size() > ex[size_t(y)].tokens.size(); });
        }
    }
    for (size_t i = 0; i < order.size(); i += size_t(bs)) {
        MicroBatchPlan p;
        for (size_t k = i; k < std::min(order.size(), i + size_t(bs)); ++k) p.rows.push_back({order[k]});
        plans.push_back(std::move(p));
    }
    if (s.groupByLength && s.shuffle) {
        std::vector<int32_t> perm(plans.size());
        std::iota(perm.begin(), perm.end(), 0);
        seededShuffle(perm, rng);
        std::vector<MicroBatchPlan> shuffled;
        for (int32_t i : perm) shuffled.push_back(std::move(plans[size_t(i)]));
        plans = std::move(shuffled);
    }
    return plans;
}

MicroBatch assembleBatch(const MicroBatchPlan& plan, const std::vector<TokenizedExample>& ex) {
    int T = 1;
    for (const auto& row : plan.rows) {
        int len = 0;
        for (int32_t i : row) len += int(ex[size_t(i)].tokens.size());
        T = std::max(T, len);
    }
    MicroBatch b;
    b.resize(int(plan.rows.size()), T);
    for (size_t r = 0; r < plan.rows.size(); ++r) {
        int at = int(r) * T;
        int seg = 0;
        for (int32_t i : plan.rows[r]) {
            const TokenizedExample& e = ex[size_t(i)];
            const int n = int(e.tokens.size());
            for (int t = 0; t < n; ++t) {
                b.tokens[size_t(at + t)] = e.tokens[size_t(t)];
                b.positions[size_t(at + t)] = t;
                b.segments[size_t(at + t)] = seg;
                if (t + 1 < n && e.trainMask[size_t(t + 1)]) b.targets[size_t(at + t)] = e.tokens[size_t(t + 1)];
            }
            at += n;
            ++seg;
        }
    }
    return b;
}

}  // namespace tb::train
