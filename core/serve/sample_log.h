// The endpoint's monitoring sample: a configurable share of requests (default 1%) appended to a log in
// the workspace, one JSON line each, encrypted per line when the workspace is encrypted. Retention
// deletes samples older than N days. Thread-safe. The drift report (drift_report.h) reads it.
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
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
    double m_rate;
    std::optional<WorkspaceKey> m_key;
    mutable std::mutex m_mutex;
    std::mt19937_64 m_rng;
};

}  // namespace tb::serve
