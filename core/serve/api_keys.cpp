#include "core/serve/api_keys.h"
#include "core/common/utc_time.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <chrono>
#include <ctime>
#include <filesystem>

namespace tb {

namespace {
std::string randomHex(size_t bytes) {
    std::vector<unsigned char> buf(bytes);
    if (RAND_bytes(buf.data(), int(buf.size())) != 1) return {};
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned char b : buf) {
        out.push_back(hex[b >> 4]);
        out.push_back(hex[b & 15]);
    }
    return out;
}
}  // namespace

Status ApiKeyStore::load() {
    std::lock_guard lock(m_mutex);
    m_keys.clear();
    if (!std::filesystem::exists(m_path)) return Status::success();
    auto text = readWholeFile(m_path, 1 << 22);
    if (!text) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("keys") || !j["keys"].is_array())
        return inputError(m_path + ": not a valid API key file");
    for (auto& k : j["keys"]) {
        if (!k.is_object() || !k.contains("id") || !k.contains("sha256"))
            return inputError(m_path + ": a key entry lacks 'id' or 'sha256'");
        m_keys.push_back({k.value("id", ""), k.value("name", ""), k.value("sha256", ""), k.value("created_at", ""),
                          k.value("revoked", false)});
    }
    return Status::success();
}

Status ApiKeyStore::save() const {
    nlohmann::json j = {{"keys", nlohmann::json::array()}};
    for (auto& k : m_keys)
        j["keys"].push_back({{"id", k.id}, {"name", k.name}, {"sha256", k.sha256}, {"created_at", k.createdAt},
                             {"revoked", k.revoked}});
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(m_path).parent_path(), ec);
    return writeFileAtomically(m_path, j.dump(2) + "\n");
}

Result<CreatedApiKey> ApiKeyStore::create(const std::string& name) {
    if (name.empty() || name.size() > 64) return inputError("key name: 1 to 64 characters");
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7f) return inputError("key name: contains a control character");
    std::lock_guard lock(m_mutex);
    for (auto& k : m_keys)
        if (k.name == name && !k.revoked) return inputError("key name: '" + name + "' already exists");
    CreatedApiKey created;
    created.info.id = "k" + randomHex(4);
    std::string secretPart = randomHex(32);
    if (secretPart.empty()) return internalError("no random bytes for the key");
    created.secret = "tb-" + created.info.id + "-" + secretPart;
    created.info.name = name;
    created.info.sha256 = sha256Hex(created.secret);
    created.info.createdAt = utcTimestampNow();
    m_keys.push_back(created.info);
    Status s = save();
    if (!s) {
        m_keys.pop_back();
        return s.error();
    }
    return created;
}

Status ApiKeyStore::revoke(const std::string& idOrName) {
    std::lock_guard lock(m_mutex);
    for (auto& k : m_keys)
        if ((k.id == idOrName || k.name == idOrName) && !k.revoked) {
            k.revoked = true;
            return save();
        }
    return inputError("no live API key with id or name '" + idOrName + "'");
}

std::vector<ApiKeyInfo> ApiKeyStore::list() const {
    std::lock_guard lock(m_mutex);
    return m_keys;
}

bool ApiKeyStore::empty() const {
    std::lock_guard lock(m_mutex);
    for (auto& k : m_keys)
        if (!k.revoked) return false;
    return true;
}

std::optional<std::string> ApiKeyStore::authenticate(const std::string& secret) const {
    std::string hash = sha256Hex(secret);
    std::lock_guard lock(m_mutex);
    std::optional<std::string> match;
    // Compare against every key (no early exit) so timing does not reveal which key nearly matched.
    for (auto& k : m_keys) {
        bool same = k.sha256.size() == hash.size() && CRYPTO_memcmp(k.sha256.data(), hash.data(), hash.size()) == 0;
        if (same && !k.revoked) match = k.id;
    }
    return match;
}

}  // namespace tb
