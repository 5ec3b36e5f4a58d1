// Callback and statistics types shared by the streaming JSONL and CSV/TSV readers. Rows are handed out one
// at a time (memory stays bounded); every row the reader cannot parse goes to the reject callback with its
// line and reason. Not a record type: rows become records in record_mapping.h.
#pragma once

#include "core/common/progress.h"
#include "core/data/row_view.h"

#include <cstdint>
#include <functional>
#include <string>

namespace tb {

struct RejectedRecord {
    std::string file;
    int64_t line = 0;       // first physical line of the record (1-based)
    int64_t lastLine = 0;   // last physical line when the record spans several (else == line)
    std::string reason;     // e.g. "invalid UTF-8 at byte offset 1234 (0xE9); the file must be UTF-8"
};

// Returns false to stop reading early (not an error).
using RowCallback = std::function<bool(const RowView& row, int64_t line)>;
using RejectCallback = std::function<void(const RejectedRecord&)>;

struct ReaderStats {
    int64_t rows = 0;         // rows handed to the row callback
    int64_t rejected = 0;     // rows handed to the reject callback
    int64_t blankLines = 0;   // empty lines between JSONL records (not records, counted so nothing is hidden)
    int64_t bytes = 0;        // bytes read
    bool bom = false;         // the file started with a UTF-8 byte-order mark (stripped)
    bool stoppedEarly = false;
};

struct ReaderLimits {
    size_t maxLineBytes = size_t(4) << 20;   // longer lines/records are rejected, not loaded
    size_t maxJsonDepth = 64;                // deeper JSON nesting is rejected
};

}  // namespace tb
