#include "core/serve/drift_report.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace tb::serve {

double populationStabilityIndex(const std::vector<double>& expected, const std::vector<double>& actual) {
    const double eps = 1e-4;
    double eTotal = 0, aTotal = 0;
    for (double v : expected) eTotal += v;
    for (double v : actual) aTotal += v;
    if (eTotal <= 0 || aTotal <= 0) return 0.0;
    double psi = 0.0;
    for (size_t i = 0; i < expected.size() && i < actual.size(); ++i) {
        double e = std::max(expected[i] / eTotal, eps);
        double a = std::max(actual[i] / aTotal, eps);
        psi += (a - e) * std::log(a / e);
    }
    return psi;
}

double lengthPsi(const std::vector<int>& expected, const std::vector<int>& actual, int bins) {
    if (expected.empty() || actual.empty()) return 0.0;
    std::vector<int> sorted = expected;
    std::sort(sorted.begin(), sorted.end());
    // Upper edges at the training deciles (duplicates merged so each bin is a real interval).
    std::vector<int> edges;
    for (int b = 1; b < bins; ++b) {
        int edge = sorted[std::min(sorted.size() - 1, size_t(double(b) / bins * double(sorted.size())))];
        if (edges.empty() || edge > edges.back()) edges.push_back(edge);
    }
    auto binOf = [&](int v) { return size_t(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin()); };
    std::vector<double> e(edges.size() + 1, 0.0), a(edges.size() + 1, 0.0);
    for (int v : expected) e[binOf(v)] += 1;
    for (int v : actual) a[binOf(v)] += 1;
    return populationStabilityIndex(e, a);
}

std::vector<std::string> driftWords(const std::string& text) {
    std::vector<std::string> words;
    std::string w;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '\'' || c >= 0x80) {
            w.push_back(char(std::tolower(c)));
        } else if (!w.empty()) {
            words.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) words.push_back(std::move(w));
    return words;
}

namespace {
std::string levelFor(double v, double warn, double alert) { return v >= alert ? "alert" : v >= warn ? "warn" : "ok"; }
}  // namespace

DriftReport computeDriftReport(const DriftInputs& in, const DriftThresholds& t) {
    DriftReport r;
    r.servedSamples = int(std::max(in.servedLengths.size(), in.servedPrompts.size()));
    if (r.servedSamples < t.minSamples) {
        r.verdict = "insufficient data";
        r.reasons.push_back("only " + std::to_string(r.servedSamples) + " sampled requests; at least " +
                            std::to_string(t.minSamples) + " are needed");
        return r;
    }
    double psi = lengthPsi(in.trainingLengths, in.servedLengths);
    r.metrics.push_back({"prompt_length_psi", psi, levelFor(psi, t.psiWarn, t.psiAlert),
                         "PSI of prompt token lengths, served vs training (bins at training deciles)"});
    int64_t total = 0, unseen = 0;
    for (auto& p : in.servedPrompts)
        for (auto& w : driftWords(p)) {
            ++total;
            if (!in.trainingVocabulary.count(w)) ++unseen;
        }
    double unseenRate = total ? double(unseen) / double(total) : 0.0;
    r.metrics.push_back({"unseen_vocabulary_rate", unseenRate, levelFor(unseenRate, t.unseenWarn, t.unseenAlert),
                         "share of words in served prompts that never occur in the training data"});
    if (!in.trainingLabels.empty()) {
        std::map<std::string, bool> labels;
        for (auto& [l, n] : in.trainingLabels) labels[l] = true;
        for (auto& [l, n] : in.predictedLabels) labels[l] = true;
        std::vector<double> e, a;
        for (auto& [l, unused] : labels) {
            auto te = in.trainingLabels.find(l);
            auto pa = in.predictedLabels.find(l);
            e.push_back(te == in.trainingLabels.end() ? 0.0 : double(te->second));
            a.push_back(pa == in.predictedLabels.end() ? 0.0 : double(pa->second));
        }
        double labelPsi = populationStabilityIndex(e, a);
        r.metrics.push_back({"predicted_label_psi", labelPsi, levelFor(labelPsi, t.psiWarn, t.psiAlert),
                             "PSI of predicted labels on served requests vs training labels"});
    }
    bool alert = false, warn = false;
    for (auto& m : r.metrics) {
        if (m.level == "alert") alert = true;
        if (m.level == "warn") warn = true;
        if (m.level != "ok") {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.3f", m.value);
            r.reasons.push_back(m.name + " = " + buf + " (" + m.level + "): " + m.explanation);
        }
    }
    r.verdict = alert ? "significant drift" : warn ? "moderate drift" : "stable";
    return r;
}

nlohmann::json DriftReport::toJson() const {
    nlohmann::json m = nlohmann::json::array();
    for (auto& x : metrics)
        m.push_back({{"name", x.name}, {"value", x.value}, {"level", x.level}, {"explanation", x.explanation}});
    return {{"served_samples", servedSamples}, {"verdict", verdict}, {"metrics", m}, {"reasons", reasons}};
}

}  // namespace tb::serve
