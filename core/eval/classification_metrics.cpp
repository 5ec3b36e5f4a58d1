#include "core/eval/classification_metrics.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tb::eval {

ClassificationMetrics computeClassificationMetrics(const std::vector<std::string>& labels,
                                                   const std::vector<size_t>& gold,
                                                   const std::vector<std::optional<size_t>>& predicted) {
    ClassificationMetrics m;
    const size_t k = labels.size();
    m.labels = labels;
    m.confusion.assign(k, std::vector<long long>(k + 1, 0));
    const size_t n = std::min(gold.size(), predicted.size());
    m.count = static_cast<long long>(n);
    for (size_t i = 0; i < n; ++i) {
        if (gold[i] >= k) continue;  // defensive: callers pass indices into labels
        if (!predicted[i] || *predicted[i] >= k) {
            ++m.invalid;
            ++m.confusion[gold[i]][k];
            continue;
        }
        ++m.confusion[gold[i]][*predicted[i]];
        if (*predicted[i] == gold[i]) ++m.correct;
    }
    if (n > 0) {
        m.accuracy = double(m.correct) / double(n);
        m.invalidRate = double(m.invalid) / double(n);
    }
    long long supportSum = 0;
    int classesCounted = 0;
    double f1Sum = 0.0, weightedSum = 0.0;
    for (size_t c = 0; c < k; ++c) {
        ClassMetrics cm;
        cm.label = labels[c];
        long long tp = m.confusion[c][c];
        for (size_t p = 0; p <= k; ++p) cm.support += m.confusion[c][p];
        for (size_t g = 0; g < k; ++g) cm.predicted += m.confusion[g][c];
        if (cm.predicted > 0) cm.precision = double(tp) / double(cm.predicted);
        if (cm.support > 0) cm.recall = double(tp) / double(cm.support);
        if (cm.precision + cm.recall > 0) cm.f1 = 2 * cm.precision * cm.recall / (cm.precision + cm.recall);
        if (cm.support > 0 || cm.predicted > 0) {
            ++classesCounted;
            f1Sum += cm.f1;
            weightedSum += cm.f1 * double(cm.support);
            supportSum += cm.support;
        }
        m.perClass.push_back(cm);
    }
    if (classesCounted > 0) m.macroF1 = f1Sum / classesCounted;
    if (supportSum > 0) m.weightedF1 = weightedSum / double(supportSum);
    return m;
}

nlohmann::json classificationMetricsToJson(const ClassificationMetrics& m) {
    nlohmann::json perClass = nlohmann::json::array();
    for (const ClassMetrics& c : m.perClass)
        perClass.push_back({{"label", c.label}, {"precision", c.precision}, {"recall", c.recall}, {"f1", c.f1},
                            {"support", c.support}, {"predicted", c.predicted}});
    nlohmann::json columns = m.labels;
    columns.push_back("(invalid)");
    return {{"count", m.count},
            {"correct", m.correct},
            {"accuracy", m.accuracy},
            {"invalid", m.invalid},
            {"invalid_rate", m.invalidRate},
            {"macro_f1", m.macroF1},
            {"weighted_f1", m.weightedF1},
            {"per_class", perClass},
            {"confusion_matrix", {{"rows", m.labels}, {"columns", columns}, {"counts", m.confusion}}}};
}

}  // namespace tb::eval
