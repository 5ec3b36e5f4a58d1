// CPU use and resident memory of this process, sampled on demand (the training dashboard calls it about
// once a second): CPU time from /proc/self/stat between two samples over the wall time between them.
// Linux only; elsewhere the figures read 0 and available() is false. Not a profiler.
#pragma once

#include <cstdint>

namespace tb::train {

struct ProcessSample {
    double cpuPercent = 0.0;  // of the whole machine (all cores = 100), since the previous sample
    int64_t rssBytes = 0;     // resident set size now
    int cores = 1;
};

class ProcessSampler {
public:
    ProcessSampler();
    bool available() const { return m_available; }
    // The first call returns the CPU share since construction.
    ProcessSample sample();

private:
    bool m_available = false;
    double m_lastCpuSeconds = 0.0;
    double m_lastWallSeconds = 0.0;
};

}  // namespace tb::train
