// Versions of Tunebench and of the libraries core links, for `tunebench version` and the About box.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tb {

std::string tunebenchVersion();
// (library, version) pairs for the libraries core uses: Eigen, nlohmann-json, SQLite, OpenSSL, PCRE2, OpenMP.
std::vector<std::pair<std::string, std::string>> coreLibraryVersions();

}  // namespace tb
