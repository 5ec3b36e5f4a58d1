// Per-record findings for a dataset browser: exact and near-duplicate membership, PII types, token length
// (tokenizer or bytes/4 estimate), over-length and the label, computed over a RecordIndex with the same
// rules as the quality report (quality_analyzer.h), stored compactly (~8 bytes per record) so filters over
// a million records stay cheap. Not a report: counts only; the quality report lists groups and examples.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/data/near_duplicates.h"
#include "core/data/quality_analyzer.h"
#include "core/data/record_index.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

enum RecordFlag : uint8_t {
    kFlagExactDuplicate = 1,   // repeats an earlier record exactly (whitespace-insensitive)
    kFlagNearDuplicate = 2,    // near-duplicate of an earlier, different record
    kFlagDuplicateGroup = 4,   // member of an exact or near-duplicate group (the first one too)
    kFlagPii = 8,              // at least one PII hit in some text field
    kFlagOverLength = 16,      // input + output tokens over the maximum sequence length
    kFlagUnreadable = 32,      // the line could not be read or mapped
};

struct RecordFlagOptions {
    TokenCounter tokenCounter;            // empty: bytes/4 estimate
    int64_t maxSequenceLength = 1024;
    bool scanPii = true;
    bool nearDuplicates = true;
    int64_t nearDuplicateLimit = 2000000; // above this many records near-duplicates are skipped (~200 bytes each)
    NearDuplicateOptions near;
};

struct RecordFlags {
    std::vector<uint8_t> flags;           // RecordFlag bits per record
    std::vector<uint8_t> piiTypes;        // bit (1 << int(PiiType)) per record
    std::vector<uint32_t> tokens;         // input + output tokens
    std::vector<uint16_t> labelIds;       // index into labels; 0 is "no label"
    std::vector<std::string> labels;      // labels[0] == ""
    std::vector<int64_t> labelCounts;     // per label id
    bool tokensEstimated = true;
    bool nearChecked = false;
    int64_t exactDuplicates = 0, nearDuplicates = 0, withPii = 0, overLength = 0, unreadable = 0;
    std::vector<std::string> unreadableExamples;  // first few messages
};

Result<RecordFlags> computeRecordFlags(const RecordIndex& index, const RecordFlagOptions& options,
                                       const ProgressCallback& progress = {});

}  // namespace tb
