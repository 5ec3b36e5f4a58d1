// SHA-256 of bytes and files (OpenSSL EVP), as lowercase hex. Used for content addressing,
// manifests and the audit chain. Not a general crypto wrapper: encryption lives in core/registry.
#pragma once

#include "core/common/result.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace tb {

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const void* data, size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    std::string hexDigest();  // finishes the hash

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

std::string sha256Hex(std::string_view bytes);
Result<std::string> sha256File(const std::string& path);

}  // namespace tb
