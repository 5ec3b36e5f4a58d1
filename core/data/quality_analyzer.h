// Computes a QualityReport from a stream of records: add() each record (memory per record is a few dozen
// bytes plus a 64-byte MinHash sketch), then finish(). analyzeRecords() does it for a vector.
// Not a cleaner: nothing is changed here.
#pragma once

#include "core/common/progress.h"
#include "core/data/near_duplicates.h"
#include "core/data/pii_detector.h"
#include "core/data/quality_report.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tb {

using TokenCounter = std::function<size_t(std::string_view)>;
struct RecordFeatures;  // per-record analysis results (quality_analyzer.cpp)

struct QualityOptions {
    TokenCounter tokenCounter;            // from the chosen model's tokenizer; empty: estimate bytes/4
    int64_t maxSequenceLength = 1024;     // tokens (input + output)
    bool nearDuplicates = true;
    NearDuplicateOptions near;
    bool scanPii = true;
    size_t maxExamples = 20;              // per list
    size_t maxGroups = 50;                // duplicate groups listed
    double imbalanceRatio = 10.0;
};

class QualityAnalyzer {
public:
    explicit QualityAnalyzer(QualityOptions options = {});
    ~QualityAnalyzer();
    void add(const Record& r);
    // Same result as add() for each record, in order; the per-record work (hashing, MinHash, PII scan,
    // token counts) runs on a worker thread while the caller reads the next batch. tokenCounter must be
    // thread-safe (the model tokenizers are).
    void addBatch(std::vector<Record>&& batch);
    void addRejected(const RejectedRecord& r);
    QualityReport finish();

private:
    struct State;
    struct Pending;  // a batch whose features are being computed
    void merge(const Record& r, RecordFeatures& features);
    void drainPending();
    std::unique_ptr<State> m_state;
    std::unique_ptr<Pending> m_pending;
};

QualityReport analyzeRecords(const std::vector<Record>& records, const QualityOptions& options = {},
                             const std::vector<RejectedRecord>& rejected = {});

// The key used to spot the dominant prompt template: its fixed opening ("Classify:") and closing
// ("Category:") lines, or an empty string for free-form text. Exposed for tests.
std::string promptTemplateKey(std::string_view prompt);

}  // namespace tb
