// A small thread-safe logger for core and app: one log file per application run in the workspace's
// logs/ folder, older files rotated away, plus optional listeners (the GUI's log panel).
#pragma once

#include <functional>
#include <string>

namespace tb::log {

enum class Level { Debug, Info, Warning, Error };

const char* levelName(Level level);

// Opens logs/tunebench-<timestamp>-<pid>.log under logDir and keeps at most keepFiles files there.
// Returns the path of the new file, or an empty string when the folder is not writable.
std::string openRunLog(const std::string& logDir, int keepFiles = 20);
void closeRunLog();
std::string currentLogPath();

void write(Level level, const std::string& message);
inline void debug(const std::string& m) { write(Level::Debug, m); }
inline void info(const std::string& m) { write(Level::Info, m); }
inline void warning(const std::string& m) { write(Level::Warning, m); }
inline void error(const std::string& m) { write(Level::Error, m); }

// Listeners receive every formatted line (called on the logging thread; must be cheap and thread-safe).
using Listener = std::function<void(Level, const std::string& line)>;
int addListener(Listener listener);
void removeListener(int id);

// When true, lines are also written to stderr (the CLI's --verbose).
void setEchoToStderr(bool echo);

}  // namespace tb::log
