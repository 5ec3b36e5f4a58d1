// The stored-predictions format (JSON Lines, one example per line) and its reader/writer. Each line:
//   {"id": "ex-1", "prompt": "...", "reference": "..." | "references": ["...", ...], "label": "...",
//    "prediction": "...", "latency_ms": 12.5, "prompt_tokens": 40, "completion_tokens": 3,
//    "model": "path" | {"path": ..., "adapter": ..., "sha256": ...}}
// Only "prediction" and one of reference/references/label are required; unknown fields are ignored.
// The reader never throws: a bad line becomes a LineError (file, line, reason) and is skipped. In an
// encrypted workspace the file is an AES-256-GCM blob bound to its folder and name (workspace_file_io.h).
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tb::eval {

struct LineError {
    std::string file;
    long long line = 0;  // 1-based
    std::string reason;
    std::string message() const;  // "file:line: reason"
};
nlohmann::json lineErrorToJson(const LineError& e);

struct PredictionRecord {
    std::string id;                        // from "id" (string or integer); "line-N" when absent
    std::string prompt;
    std::vector<std::string> references;   // "reference" as a one-element list, or "references"
    std::string label;                     // gold class label ("label"); empty when absent
    std::string prediction;                // null in the file means the model emitted nothing: ""
    double latencyMs = -1.0;               // -1: unknown
    long long promptTokens = -1;           // -1: unknown
    long long completionTokens = -1;       // -1: unknown
    nlohmann::json model;                  // model identity as stored (null when absent)
    long long line = 0;                    // line in the file it came from (0 when built in memory)

    // The gold label for classification: "label" if given, else the first reference.
    const std::string& goldLabel() const { return label.empty() && !references.empty() ? references[0] : label; }
};

struct PredictionSet {
    std::string file;
    std::vector<PredictionRecord> records;
    std::vector<LineError> errors;
};

// Parses JSONL text; fileName is used only in error messages.
PredictionSet parsePredictionsJsonl(std::string_view text, const std::string& fileName);
// Reads a file; fails only when the file itself cannot be read (per-line problems go into errors). An
// encrypted file needs key ("predictions X is encrypted: unlock the workspace ..." without one).
Result<PredictionSet> readPredictionsFile(const std::string& path, const WorkspaceKey* key = nullptr);
// The context an encrypted predictions file is bound to ("tunebench-predictions:<folder>/<name>").
std::string predictionsFileContext(const std::string& path);

nlohmann::json predictionToJson(const PredictionRecord& record);
std::string predictionsToJsonl(const std::vector<PredictionRecord>& records);
// Writes all records atomically (temporary file + rename); encrypted when key is set.
Status writePredictionsFile(const std::string& path, const std::vector<PredictionRecord>& records,
                            const WorkspaceKey* key = nullptr);

// Encrypts every predictions file (*.jsonl) directly in `dir` (e.g. the workspace's evaluations folder) in
// place, atomically per file; returns how many changed. Already encrypted files are checked and left alone.
Result<int> encryptPredictionFilesIn(const std::string& dir, const WorkspaceKey& key);

}  // namespace tb::eval
