// API keys for the local endpoint: created once (the plaintext is shown only then), stored as SHA-256
// hashes in <workspace>/serve/api_keys.json, checked in constant time, revocable. Not the HTTP layer.
#pragma once

#include "core/common/result.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace tb {

struct ApiKeyInfo {
    std::string id;         // short public id, e.g. "k3f9a1c2"
    std::string name;       // what the key is for
    std::string sha256;     // hash of the secret
    std::string createdAt;
    bool revoked = false;
};

struct CreatedApiKey {
    ApiKeyInfo info;
    std::string secret;  // "tb-<id>-<64 hex>"; shown once, never stored
};

class ApiKeyStore {
public:
    explicit ApiKeyStore(std::string path) : m_path(std::move(path)) {}

    Status load();  // a missing file means no keys
    Result<CreatedApiKey> create(const std::string& name);
    Status revoke(const std::string& idOrName);
    std::vector<ApiKeyInfo> list() const;
    bool empty() const;
    // The id of the live key matching `secret`, compared in constant time against every stored hash.
    std::optional<std::string> authenticate(const std::string& secret) const;

private:
    Status save() const;
    std::string m_path;
    mutable std::mutex m_mutex;
    std::vector<ApiKeyInfo> m_keys;
};

}  // namespace tb
