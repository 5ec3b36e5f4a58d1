#include "core/common/log.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <unistd.h>
#include <vector>

namespace tb::log {

namespace {
struct State {
    std::mutex mutex;
    std::FILE* file = nullptr;
    std::string path;
    bool echo = false;
    int nextId = 1;
    std::map<int, Listener> listeners;
};
State& state() {
    static State s;
    return s;
}

std::string timestamp(const char* format) {
    auto now = std::chrono::system_clock::now();
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}
}  // namespace

const char* levelName(Level level) {
    switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warning: return "warning";
    case Level::Error: return "error";
    }
    return "?";
}

std::string openRunLog(const std::string& logDir, int keepFiles) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(logDir, ec);
    // Rotation: keep the newest keepFiles-1 existing logs so that with the new one there are keepFiles.
    std::vector<fs::path> logs;
    for (auto& entry : fs::directory_iterator(logDir, ec))
        if (entry.path().extension() == ".log") logs.push_back(entry.path());
    std::sort(logs.begin(), logs.end());
    while (int(logs.size()) >= std::max(1, keepFiles)) {
        fs::remove(logs.front(), ec);
        logs.erase(logs.begin());
    }
    std::string path = (fs::path(logDir) / ("tunebench-" + timestamp("%Y%m%d-%H%M%S") + "-" +
                                            std::to_string(::getpid()) + ".log"))
                           .string();
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (s.file) std::fclose(s.file);
    s.file = std::fopen(path.c_str(), "a");
    s.path = s.file ? path : std::string();
    return s.path;
}

void closeRunLog() {
    State& s = state();
    std::lock_guard lock(s.mutex);
    if (s.file) std::fclose(s.file);
    s.file = nullptr;
    s.path.clear();
}

std::string currentLogPath() {
    State& s = state();
    std::lock_guard lock(s.mutex);
    return s.path;
}

void write(Level level, const std::string& message) {
    std::string line = timestamp("%Y-%m-%d %H:%M:%S") + " [" + levelName(level) + "] " + message;
    State& s = state();
    std::vector<Listener> listeners;
    {
        std::lock_guard lock(s.mutex);
        if (s.file) {
            std::fprintf(s.file, "%s\n", line.c_str());
            std::fflush(s.file);
        }
        if (s.echo) std::fprintf(stderr, "%s\n", line.c_str());
        for (auto& [id, l] : s.listeners) listeners.push_back(l);
    }
    for (auto& l : listeners) l(level, line);
}

int addListener(Listener listener) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    int id = s.nextId++;
    s.listeners[id] = std::move(listener);
    return id;
}

void removeListener(int id) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.listeners.erase(id);
}

void setEchoToStderr(bool echo) {
    State& s = state();
    std::lock_guard lock(s.mutex);
    s.echo = echo;
}

}  // namespace tb::log
