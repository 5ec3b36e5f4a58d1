// Loads the golden fixtures written by tests/reference/make_eval_golden.py (tests/data/eval/*.json).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb::eval::testing {

std::string evalDataPath(const std::string& name);  // TUNEBENCH_SOURCE_DIR/tests/data/eval/<name>
nlohmann::json loadGolden(const std::string& name);  // fails the test (empty json) when unreadable
std::vector<std::string> stringList(const nlohmann::json& j);

}  // namespace tb::eval::testing
