#include "core/train/train_preflight.h"

#include <algorithm>
#include <cstdio>

#include "core/train/batcher.h"
#include "core/train/training_data.h"

namespace tb::train {

const char* taskPresetName(TaskPreset p) {
    switch (p) {
        case TaskPreset::Classification:
            return "classification";
        case TaskPreset::Json:
            return "json";
        case TaskPreset::Style:
            return "style";
        case TaskPreset::Generation:
            return "generation";
    }
    return "generation";
}

namespace {

constexpr int kUntruncated = 1 << 24;

Result<std::vector<int>> lengthsOf(const std::vector<Record>& records, const ExampleEncoder& encoder, LossOn lossOn,
                                   int64_t* dropped) {
    ExampleBuildReport report;
    auto examples = buildExamples(records, encoder, kUntruncated, lossOn, &report);
    if (!examples) return examples.error();
    if (dropped) *dropped += report.dropped;
    std::vector<int> lengths;
    lengths.reserve(examples->size());
    for (const auto& e : *examples) lengths.push_back(int(e.tokens.size()));
    return lengths;
}

// A label-like completion: short and on one line ("BILLING", "positive").
std::string labelOf(const Record& r) {
    if (!r.label.empty()) return r.label;
    if (r.format != RecordFormat::PromptCompletion && r.format != RecordFormat::Alpaca) return {};
    if (r.completion.empty() || r.completion.size() > 32 || r.completion.find('\n') != std::string::npos) return {};
    return r.completion;
}

}  // namespace

Result<TrainDataFacts> analyzeTrainingData(const ExampleEncoder& encoder, const std::string& trainPath,
                                           const std::string& valPath, const std::string& testPath, LossOn lossOn,
                                           const WorkspaceKey* key) {
    TrainDataFacts f;
    auto train = readTrainingJsonl(trainPath, key);
    if (!train) return train.error();
    f.trainRecords = int64_t(train->size());
    auto lengths = lengthsOf(*train, encoder, lossOn, &f.droppedRecords);
    if (!lengths) return lengths.error();
    f.trainLengths = std::move(*lengths);
    for (const Record& r : *train)
        if (std::string label = labelOf(r); !label.empty()) ++f.labels[label];
    if (!valPath.empty()) {
        auto val = readTrainingJsonl(valPath, key);
        if (!val) return val.error();
        f.valRecords = int64_t(val->size());
        auto v = lengthsOf(*val, encoder, lossOn, nullptr);
        if (!v) return v.error();
        f.valLengths = std::move(*v);
    }
    if (!testPath.empty()) {
        auto test = readTrainingJsonl(testPath, key);
        if (!test) return test.error();
        f.testRecords = int64_t(test->size());
    }
    if (!f.trainLengths.empty()) {
        std::vector<int> sorted = f.trainLengths;
        std::sort(sorted.begin(), sorted.end());
        f.maxLength = sorted.back();
        f.p95Length = sorted[std::min(sorted.size() - 1, size_t(0.95 * double(sorted.size())))];
    }
    return f;
}

int64_t plannedSteps(const std::vector<int>& lengths, const TrainConfig& cfg) {
    if (lengths.empty() || cfg.batch.batchSize < 1 || cfg.gradAccum < 1 || cfg.batch.maxSeqLen < 2) return 0;
    std::vector<TokenizedExample> examples(lengths.size());
    for (size_t i = 0; i < lengths.size(); ++i) {
        const int n = std::min(lengths[i], cfg.batch.maxSeqLen);
        examples[i].tokens.assign(size_t(n), 0);
        examples[i].trainMask.assign(size_t(n), 1);
        examples[i].recordIndex = int64_t(i);
    }
    BatchSettings batch = cfg.batch;
    batch.seed = cfg.seed;
    int64_t steps = 0;
    for (int e = 0; e < std::max(cfg.epochs, 1); ++e) {
        const int64_t micro = int64_t(planEpoch(examples, batch, e).size());
        steps += (micro + cfg.gradAccum - 1) / cfg.gradAccum;
    }
    if (cfg.maxSteps > 0) steps = cfg.epochs < 1 ? cfg.maxSteps : std::min(steps, cfg.maxSteps);
    return steps;
}

int64_t epochTokens(const std::vector<int>& lengths, const TrainConfig& cfg) {
    int64_t n = 0;
    for (int l : lengths) n += std::min(l, cfg.batch.maxSeqLen);
    return n;
}

int64_t truncatedCount(const std::vector<int>& lengths, int maxSeqLen) {
    return int64_t(std::count_if(lengths.begin(), lengths.end(), [&](int l) { return l > maxSeqLen; }));
}

int64_t minimumExamples(TaskPreset p) {
    switch (p) {
        case TaskPreset::Classification:
            return 20;  // per label
        case TaskPreset::Json:
            return 100;
        case TaskPreset::Style:
            return 50;
        case TaskPreset::Generation:
            return 200;
    }
    return 100;
}

std::vector<PreflightWarning> preflightWarnings(const TrainDataFacts& f, TaskPreset preset, const TrainConfig& cfg) {
    std::vector<PreflightWarning> w;
    char buf[400];
    const int64_t usable = int64_t(f.trainLengths.size());
    const int64_t minimum = minimumExamples(preset);
    if (preset == TaskPreset::Classification && !f.labels.empty()) {
        std::string few;
        for (const auto& [label, count] : f.labels)
            if (count < minimum) few += (few.empty() ? "" : ", ") + label + " (" + std::to_string(count) + ")";
        if (!few.empty())
            w.push_back({"few-examples", "Too few training examples for some labels: " + few + "; aim for at least " +
                                             std::to_string(minimum) + " per label."});
        auto [lo, hi] = std::minmax_element(f.labels.begin(), f.labels.end(),
                                            [](const auto& a, const auto& b) { return a.second < b.second; });
        if (f.labels.size() >= 2 && hi->second > 5 * lo->second) {
            std::snprintf(buf, sizeof buf,
                          "Labels are imbalanced: '%s' has %lld examples, '%s' only %lld; the model may learn to "
                          "prefer the frequent label. Add examples or rebalance the split.",
                          hi->first.c_str(), (long long)hi->second, lo->first.c_str(), (long long)lo->second);
            w.push_back({"imbalanced", buf});
        }
    } else if (preset == TaskPreset::Classification) {
        w.push_back({"few-examples",
                     "No labels found: classification expects a short one-line completion (the "
                     "label) per record."});
    } else if (usable < minimum) {
        std::snprintf(buf, sizeof buf, "Only %lld training examples; a %s fine-tune usually needs at least %lld.",
                      (long long)usable, taskPresetName(preset), (long long)minimum);
        w.push_back({"few-examples", buf});
    }
    const int64_t cut =
        truncatedCount(f.trainLengths, cfg.batch.maxSeqLen) + truncatedCount(f.valLengths, cfg.batch.maxSeqLen);
    if (cut > 0) {
        std::snprintf(buf, sizeof buf,
                      "%lld examples are longer than the maximum sequence length %d and will be truncated (the "
                      "longest has %d tokens); raise the sequence length or shorten them.",
                      (long long)cut, cfg.batch.maxSeqLen, f.maxLength);
        w.push_back({"truncation", buf});
    }
    if (f.valRecords == 0)
        w.push_back({"no-validation",
                     "The dataset version has no validation split: no validation loss, no early "
                     "stopping and no best checkpoint. Split the data on the Datasets page."});
    if (f.droppedRecords > 0) {
        std::snprintf(buf, sizeof buf, "%lld records have nothing to learn (empty completion) and are skipped.",
                      (long long)f.droppedRecords);
        w.push_back({"dropped", buf});
    }
    return w;
}

}  // namespace tb::train
