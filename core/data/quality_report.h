// The dataset quality report: counts, exact and near-duplicate groups, empty fields, token lengths (from a
// tokenizer or clearly labelled estimates), over-length records, label balance, prompts off the dominant
// template, PII hits by type and leakage between splits. Plain data; quality_analyzer.h computes it and
// quality_report_json.h prints it. Record references carry position, id and source line, not the text.
#pragma once

#include "core/data/leakage_check.h"
#include "core/data/reader_types.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace tb {

struct RecordRef {
    int64_t index = 0;      // position in the dataset (0-based, in import order)
    int64_t line = 0;       // source line
    std::string id;
    std::string preview;    // first ~120 characters of the input, when known at the time
};

struct LengthStats {
    int64_t count = 0;
    double mean = 0;
    int64_t min = 0, max = 0, p50 = 0, p90 = 0, p99 = 0;
    int64_t binWidth = 0;
    std::vector<int64_t> histogram;  // bin i counts lengths in [i*binWidth, (i+1)*binWidth)
};

struct PiiHit {
    RecordRef record;
    std::string type;       // "EMAIL", ...
    std::string field;      // "prompt", "messages[1].content", ...
    std::string snippet;    // the text around the hit, with the hit itself masked
};

struct QualityReport {
    int64_t records = 0;
    int64_t rejected = 0;                          // from the import, when given
    std::vector<RejectedRecord> rejectedExamples;  // capped
    std::map<std::string, int64_t> formats;        // record format -> count
    std::map<std::string, int64_t> emptyFields;    // "prompt", "completion", "text", "messages.content", "label"

    int64_t exactDuplicateRecords = 0;             // records that repeat an earlier one exactly
    int64_t exactDuplicateGroupCount = 0;
    std::vector<std::vector<RecordRef>> exactDuplicateGroups;  // capped
    int64_t nearDuplicateRecords = 0;              // records in near-duplicate groups beyond each group's first
    int64_t nearDuplicateGroupCount = 0;
    std::vector<std::vector<RecordRef>> nearDuplicateGroups;   // capped
    double nearDuplicateThreshold = 0;

    bool tokensEstimated = true;
    std::string tokenCountMethod;                  // "tokenizer" or "estimate: bytes/4 (no model chosen)"
    LengthStats inputTokens, outputTokens, totalTokens;
    int64_t maxSequenceLength = 0;
    int64_t overLength = 0;
    std::vector<RecordRef> overLengthExamples;

    bool classification = false;                   // labels look like classes
    std::map<std::string, int64_t> labels;
    bool imbalanced = false;                       // largest class > 10x the smallest

    std::string dominantTemplate;                  // e.g. "Classify: … " (empty when none dominates)
    double dominantTemplateShare = 0;
    int64_t offTemplate = 0;
    std::vector<RecordRef> offTemplateExamples;

    std::map<std::string, int64_t> piiByType;
    int64_t recordsWithPii = 0;
    std::vector<PiiHit> piiExamples;               // capped

    LeakageReport leakage;
    std::vector<std::string> warnings;             // human-readable findings, most important first
};

}  // namespace tb
