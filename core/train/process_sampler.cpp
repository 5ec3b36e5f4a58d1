#include "core/train/process_sampler.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/train/trainer.h"

namespace tb::train {

namespace {

// utime + stime of this process in seconds; < 0 when /proc is unreadable.
double processCpuSeconds() {
    std::ifstream in("/proc/self/stat");
    std::string text;
    if (!std::getline(in, text)) return -1.0;
    // The command name (field 2) may hold spaces; fields after the closing parenthesis are fixed.
    const size_t close = text.rfind(')');
    if (close == std::string::npos) return -1.0;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoull(field);
        if (i == 15) stime = std::stoull(field);
    }
    const long ticks = sysconf(_SC_CLK_TCK);
    return ticks > 0 ? double(utime + stime) / double(ticks) : -1.0;
}

double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

ProcessSampler::ProcessSampler() {
    m_lastCpuSeconds = processCpuSeconds();
    m_available = m_lastCpuSeconds >= 0.0;
    m_lastWallSeconds = wallSeconds();
}

ProcessSample ProcessSampler::sample() {
    ProcessSample s;
    s.cores = int(std::max(1u, std::thread::hardware_concurrency()));
    s.rssBytes = currentRssBytes();
    if (!m_available) return s;
    const double cpu = processCpuSeconds();
    const double wall = wallSeconds();
    const double dWall = wall - m_lastWallSeconds;
    if (cpu >= 0.0 && dWall > 0.0)
        s.cpuPercent = std::clamp(100.0 * (cpu - m_lastCpuSeconds) / (dWall * s.cores), 0.0, 100.0);
    m_lastCpuSeconds = cpu;
    m_lastWallSeconds = wall;
    return s;
}

}  // namespace tb::train
