// Helpers for the data tests: a temporary folder removed at the end, writing fixture bytes, locating the
// repository's fixtures and the shared datasets.
#pragma once

#include <string>
#include <string_view>

namespace tbtest {

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string& path() const { return m_path; }
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

void writeBytes(const std::string& path, std::string_view bytes);
std::string readBytes(const std::string& path);
std::string fixture(const std::string& name);   // tests/data/data/<name>
std::string shared(const std::string& rel);     // ../shared/<rel>
bool exists(const std::string& path);

}  // namespace tbtest
