// Progress reporting for long core work. Core sees only this callback; returning false cancels.
// The Qt layer adapts it to signals (see app/job_manager).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace tb {

struct Progress {
    std::string stage;     // short human label, e.g. "Importing", "Epoch 2/3"
    int64_t done = 0;      // units done (records, steps, bytes)
    int64_t total = 0;     // 0 when unknown
    std::string detail;    // optional free text for the log panel
};

// Returns false to ask the work to stop as soon as it can.
using ProgressCallback = std::function<bool(const Progress&)>;

inline bool reportProgress(const ProgressCallback& cb, const Progress& p) { return !cb || cb(p); }

}  // namespace tb
