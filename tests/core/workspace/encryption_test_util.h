// Helpers for the encryption-at-rest tests: a temporary folder, a fresh random workspace key (from a key
// file, as `tunebench workspace encrypt --key-file` uses), whole-file reads, and a scan of every file under
// a folder for a byte string.
#pragma once

#include "core/workspace/workspace_crypto.h"

#include <gtest/gtest.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tbenc {

namespace fs = std::filesystem;

class TempDir {
public:
    explicit TempDir(const std::string& tag) {
        m_path = (fs::temp_directory_path() / ("tb_enc_" + tag + "_" + std::to_string(::getpid()))).string();
        std::error_code ec;
        makeWritable();
        fs::remove_all(m_path, ec);
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        makeWritable();
        fs::remove_all(m_path, ec);
    }
    const std::string& path() const { return m_path; }
    std::string file(const std::string& rel) const { return m_path + "/" + rel; }

private:
    void makeWritable() {  // dataset versions are read-only folders
        std::error_code ec;
        if (!fs::exists(m_path, ec)) return;
        for (auto it = fs::recursive_directory_iterator(m_path, ec); it != fs::recursive_directory_iterator(); ++it)
            if (it->is_directory(ec)) fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    }
    std::string m_path;
};

inline void writeText(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A random 32-byte key written as 64 hex characters to `path`, loaded as the CLI loads --key-file.
inline tb::WorkspaceKey makeKey(const std::string& path) {
    unsigned char raw[32];
    EXPECT_EQ(RAND_bytes(raw, sizeof raw), 1);
    std::string hex;
    static const char* digits = "0123456789abcdef";
    for (unsigned char c : raw) hex += {digits[c >> 4], digits[c & 15]};
    writeText(path, hex + "\n");
    auto key = tb::WorkspaceKey::fromKeyFile(path);
    EXPECT_TRUE(key.ok()) << key.message();
    return *key;
}

// Every regular file under root whose bytes contain needle.
inline std::vector<std::string> filesContaining(const std::string& root, const std::string& needle) {
    std::vector<std::string> hits;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); ++it) {
        if (!it->is_regular_file(ec)) continue;
        if (readAll(it->path().string()).find(needle) != std::string::npos) hits.push_back(it->path().string());
    }
    return hits;
}

}  // namespace tbenc
