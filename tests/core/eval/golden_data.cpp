#include "tests/core/eval/golden_data.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace tb::eval::testing {

std::string evalDataPath(const std::string& name) {
    return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/eval/" + name;
}

nlohmann::json loadGolden(const std::string& name) {
    std::ifstream in(evalDataPath(name));
    EXPECT_TRUE(in.good()) << "cannot open " << evalDataPath(name);
    std::stringstream ss;
    ss << in.rdbuf();
    nlohmann::json j = nlohmann::json::parse(ss.str(), nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << name << " is not valid JSON";
    return j.is_discarded() ? nlohmann::json() : j;
}

std::vector<std::string> stringList(const nlohmann::json& j) {
    std::vector<std::string> out;
    for (const auto& v : j) out.push_back(v.get<std::string>());
    return out;
}

}  // namespace tb::eval::testing
