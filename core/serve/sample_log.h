// The endpoint's monitoring sample: a configurable share of requests (default 1%) appended to a log in
// the workspace, one JSON line each, encrypted per line when the workspace is encrypted. Retention
// deletes samples older than N days; lines written before encryption are converted by encryptPlainLines.
// Thread-safe. The drift report (drift_report.h) reads it.
#pragma once

#include "core/registry/workspace_crypto.h"

#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace tb::serve {

struct ServedSample {
    int64_t at = 0;  // unix seconds
    std::string model;
    std::string route;
    std::string prompt;
    std::string output;
    int promptTokens = 0;
    int completionTokens = 0;
    double latencySeconds = 0.0;
};

class SampleLog {
public:
    SampleLog(std::string path, double sampleRate = 0.01, std::optional<WorkspaceKey> key = std::nullopt,
              uint64_t seed = std::random_device{}());

    // Records the exchange with probability sampleRate. Returns true when it was written.
    bool offer(const ServedSample& sample);
    Status append(const ServedSample& sample);
    // Every sample (decrypting when needed); a line that does not parse is an error naming its number.
    Result<std::vector<ServedSample>> readAll() const;
    // Rewrites the log without samples older than `days` (relative to nowUnix). Returns how many went.
    Result<int64_t> applyRetention(int days, int64_t nowUnix);
    // Encrypts the plaintext lines written before the workspace was encrypted (the key is needed),
    // keeping every line, its bytes and the order; the log is rewritten atomically (temporary file +
    // rename, as retention does) and keeps its permission bits. Lines already encrypted are only checked
    // to decrypt, so calling it again after an interruption finishes the job. Returns how many lines it
    // encrypted (0: the file was not touched). Appends from another process during the rewrite are
    // detected and the rewrite is redone; `tunebench workspace encrypt` runs it under the workspace lock.
    Result<int64_t> encryptPlainLines();
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    double m_rate;
    std::optional<WorkspaceKey> m_key;
    mutable std::mutex m_mutex;
    std::mt19937_64 m_rng;
};

}  // namespace tb::serve
