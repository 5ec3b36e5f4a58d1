// Where the model tests find the shared stories260K files and a scratch folder of their own.
#pragma once

#include <filesystem>
#include <string>
#include <unistd.h>

namespace tbtest {

inline std::string storiesDir() { return std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K"; }
inline std::string stories(const std::string& rel) { return storiesDir() + "/" + rel; }

// A fresh folder under the system temp dir, unique per process and test name.
inline std::string scratchDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("tb_model_test_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

}  // namespace tbtest
