#include "core/common/version.h"

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <sqlite3.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#ifndef TUNEBENCH_VERSION
#define TUNEBENCH_VERSION "0.0.0"
#endif

namespace tb {

std::string tunebenchVersion() { return TUNEBENCH_VERSION; }

std::vector<std::pair<std::string, std::string>> coreLibraryVersions() {
    auto num = [](int a, int b, int c) {
        return std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c);
    };
    std::vector<std::pair<std::string, std::string>> v;
    v.emplace_back("Eigen", num(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION));
    v.emplace_back("nlohmann-json", num(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR,
                                        NLOHMANN_JSON_VERSION_PATCH));
    v.emplace_back("SQLite", sqlite3_libversion());
    v.emplace_back("OpenSSL", OpenSSL_version(OPENSSL_VERSION));
    v.emplace_back("PCRE2", std::to_string(PCRE2_MAJOR) + "." + std::to_string(PCRE2_MINOR));
#ifdef _OPENMP
    v.emplace_back("OpenMP", std::to_string(_OPENMP) + " (" + std::to_string(omp_get_max_threads()) + " threads)");
#endif
    return v;
}

}  // namespace tb
