// Cleaning records one at a time: whitespace/Unicode normalisation, PII scrubbing or flagging, field and
// length filters, and exact or near-duplicate removal. Each step reports what it changed, with before/after
// previews. Streaming: apply() decides per record; state is a hash per kept record (plus a MinHash sketch
// for near dedup). cleanFile() runs it from a file to a JSONL file. Not an analyser (quality_analyzer.h).
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/data/dataset_import.h"
#include "core/data/near_duplicates.h"
#include "core/data/pii_detector.h"
#include "core/data/quality_analyzer.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tb {

enum class PiiMode { Scrub, Flag, Off };
enum class DedupMode { Exact, Near, Off };
std::optional<PiiMode> parsePiiMode(std::string_view s);      // scrub|flag|off
std::optional<DedupMode> parseDedupMode(std::string_view s);  // exact|near|off
const char* piiModeName(PiiMode m);
const char* dedupModeName(DedupMode m);

struct CleanOptions {
    bool normalizeWhitespace = true;   // includes Unicode NFC
    PiiMode pii = PiiMode::Scrub;
    std::vector<PiiType> piiTypes;     // empty: all types
    bool dropEmpty = true;             // drop records whose prompt, completion, text or a message is empty
    std::vector<std::string> requireLabels;  // when set, keep only records with one of these labels
    int64_t minInputChars = 0;         // drop records with a shorter input (0: off)
    int64_t maxInputChars = 0;         // drop records with a longer input (0: off)
    int64_t maxTokens = 0;             // drop records over this many tokens, input + output (0: off)
    TokenCounter tokenCounter;         // else bytes/4 estimate
    DedupMode dedup = DedupMode::Exact;
    NearDuplicateOptions near;
    size_t maxPreviews = 20;           // per step
};
nlohmann::json cleanOptionsToJson(const CleanOptions& o);

struct CleanPreview {
    int64_t index = 0;        // position in the input
    int64_t line = 0;
    std::string id;
    std::string field;        // "prompt", ... or "record" for removals
    std::string before;
    std::string after;        // empty for removals
    std::string note;         // e.g. "EMAIL x2", "duplicate of line 12"
};

struct CleanStepReport {
    std::string step;         // "whitespace", "pii", "filters", "dedup"
    std::string description;
    int64_t changed = 0;      // records modified (or flagged, for pii=flag)
    int64_t removed = 0;      // records dropped
    std::map<std::string, int64_t> counts;  // e.g. PII hits by type, removals by reason
    std::vector<CleanPreview> previews;
};

struct CleanReport {
    int64_t input = 0;
    int64_t output = 0;
    int64_t rejectedOnImport = 0;
    std::vector<RejectedRecord> rejectedExamples;  // the first few import rejections (all go to onReject)
    std::vector<CleanStepReport> steps;
};
nlohmann::json cleanReportToJson(const CleanReport& r);
std::string cleanReportToText(const CleanReport& r);

class Cleaner {
public:
    explicit Cleaner(CleanOptions options);
    ~Cleaner();
    // Cleans r in place; false when the record is dropped.
    bool apply(Record& r);
    CleanReport finish();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

std::vector<Record> cleanRecords(std::vector<Record> records, const CleanOptions& options, CleanReport* report = nullptr);

// Imports inputPath, cleans, writes outputPath (canonical JSONL) and outputPath + ".provenance.json"
// (source file hash, import mapping and cleaning settings, for the version manifest; no record text).
// Every import rejection also goes to onReject when given.
// outputKey null: outputPath is streamed as plain JSONL (memory stays bounded). outputKey set (an encrypted
// workspace): the cleaned records are buffered in memory and outputPath is written once as an encrypted blob
// (writeVersionFile, bound to outputPath), so no record text reaches the disk; readers given the key through
// ImportOptions::key read it back from that path.
Result<CleanReport> cleanFile(const std::string& inputPath, const std::string& outputPath, const ImportOptions& import,
                              const CleanOptions& options, const ProgressCallback& progress = {},
                              const RejectCallback& onReject = {}, const WorkspaceKey* outputKey = nullptr);

}  // namespace tb
