#include "test_files.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace tbtest {

TempDir::TempDir() {
    std::random_device rd;
    m_path = (fs::temp_directory_path() / ("tb-data-test-" + std::to_string(rd()) + std::to_string(rd()))).string();
    fs::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    // Versions are made read-only; make everything writable again so it can be removed.
    for (auto it = fs::recursive_directory_iterator(m_path, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
}

void writeBytes(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string fixture(const std::string& name) { return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/data/" + name; }
std::string shared(const std::string& rel) { return std::string(TUNEBENCH_SHARED_DIR) + "/" + rel; }
bool exists(const std::string& path) { return fs::exists(path); }

}  // namespace tbtest
