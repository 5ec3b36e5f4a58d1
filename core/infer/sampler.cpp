#include "core/infer/sampler.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace tb {

Status SamplingParams::validate() const {
    if (!(temperature >= 0.0f) || temperature > 100.0f) return inputError("temperature must be in [0, 100]");
    if (topK < 0) return inputError("top_k must be >= 0 (got " + std::to_string(topK) + ")");
    if (!(topP > 0.0f && topP <= 1.0f)) return inputError("top_p must be in (0, 1]");
    if (!(minP >= 0.0f && minP < 1.0f)) return inputError("min_p must be in [0, 1)");
    if (!(repetitionPenalty > 0.0f)) return inputError("repetition_penalty must be positive");
    if (repetitionWindow < 0) return inputError("repetition window must be >= 0");
    return Status::success();
}

Sampler::Sampler(const SamplingParams& params) : m_params(params), m_rng(params.seed) {}

double Sampler::uniform() { return double(m_rng() >> 11) * 0x1.0p-53; }

int Sampler::sample(std::span<const float> logits, std::span<const int> history) {
    const int V = int(logits.size());
    if (V == 0) return -1;
    m_logits.assign(logits.begin(), logits.end());
    if (m_params.repetitionPenalty != 1.0f && !history.empty()) {
        size_t from = 0;
        if (m_params.repetitionWindow > 0 && history.size() > size_t(m_params.repetitionWindow))
            from = history.size() - size_t(m_params.repetitionWindow);
        // Penalise each distinct seen token once (HF gathers then scatters, so duplicates do not compound).
        std::vector<int> seen(history.begin() + long(from), history.end());
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (int id : seen) {
            if (id < 0 || id >= V) continue;
            float& l = m_logits[size_t(id)];
            l = l > 0 ? l / m_params.repetitionPenalty : l * m_params.repetitionPenalty;
        }
    }
    if (m_params.temperature <= 0.0f)
        return int(std::max_element(m_logits.begin(), m_logits.end()) - m_logits.begin());

    // Softmax at temperature, over all tokens.
    const float mx = *std::max_element(m_logits.begin(), m_logits.end());
    m_cands.resize(size_t(V));
    double sum = 0.0;
    for (int i = 0; i < V; ++i) {
        float p = std::exp((m_logits[size_t(i)] - mx) / m_params.temperature);
        m_cands[size_t(i)] = {p, i};
        sum += p;
    }
    for (auto& c : m_cands) c.first = float(c.first / sum);
    auto byProb = [](const std::pair<float, int>& a, const std::pair<float, int>& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    size_t keep = m_cands.size();
    size_t sorted = 0;  // m_cands[0, sorted) is sorted by descending probability
    if (m_params.topK > 0 && size_t(m_params.topK) < keep) {
        keep = size_t(m_params.topK);
        std::partial_sort(m_cands.begin(), m_cands.begin() + long(keep), m_cands.end(), byProb);
        sorted = keep;
    }
    if (m_params.topP < 1.0f) {
        // Sort only as many as the nucleus needs: grow the sorted prefix until it holds topP of the mass.
        size_t n = std::min(keep, size_t(64));
        for (;;) {
            if (sorted < n) {
                std::partial_sort(m_cands.begin() + long(sorted), m_cands.begin() + long(n), m_cands.begin() + long(keep),
                                  byProb);
                sorted = n;
            }
            double mass = 0.0, total = 0.0;
            for (size_t i = 0; i < keep; ++i) total += m_cands[i].first;
            size_t cut = 0;
            for (; cut < n; ++cut) {
                mass += m_cands[cut].first;
                if (mass >= m_params.topP * total) break;
            }
            if (cut < n) {
                keep = cut + 1;
                break;
            }
            if (n == keep) break;
            n = std::min(keep, n * 4);
        }
    }
    if (m_params.minP > 0.0f) {
        float best = 0.0f;
        for (size_t i = 0; i < keep; ++i) best = std::max(best, m_cands[i].first);
        const float threshold = m_params.minP * best;
        size_t j = 0;
        for (size_t i = 0; i < keep; ++i)
            if (m_cands[i].first >= threshold) m_cands[j++] = m_cands[i];
        keep = j;
    }
    double total = 0.0;
    for (size_t i = 0; i < keep; ++i) total += m_cands[i].first;
    double r = uniform() * total;
    for (size_t i = 0; i < keep; ++i) {
        r -= m_cands[i].first;
        if (r < 0) return m_cands[i].second;
    }
    return m_cands[keep - 1].second;
}

}  // namespace tb
