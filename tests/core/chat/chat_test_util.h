// Helpers shared by the chat tests: reading fixture files and the fixed clock of the fixtures.
#pragma once

#include <nlohmann/json.hpp>

#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

namespace tb::chat::test {

inline std::string dataDir() { return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/chat"; }

inline std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

inline nlohmann::ordered_json readJson(const std::string& path) {
    return nlohmann::ordered_json::parse(readFile(path));
}

// The clock render_chat_templates.py fixes for strftime_now: 2024-09-14T08:05:09 (a Saturday).
inline std::tm fixtureNow() {
    std::tm t{};
    t.tm_year = 2024 - 1900;
    t.tm_mon = 8;
    t.tm_mday = 14;
    t.tm_hour = 8;
    t.tm_min = 5;
    t.tm_sec = 9;
    t.tm_wday = 6;
    t.tm_yday = 257;
    return t;
}

}  // namespace tb::chat::test
