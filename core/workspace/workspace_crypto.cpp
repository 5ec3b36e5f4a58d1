#include "core/workspace/workspace_crypto.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"

#include <nlohmann/json.hpp>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <filesystem>
#include <memory>

namespace tb {

namespace {
constexpr char kMagic[8] = {'T', 'B', 'E', 'N', 'C', '1', 0, 0};
constexpr size_t kNonceBytes = 12, kTagBytes = 16;
constexpr uint64_t kScryptN = 1 << 15, kScryptR = 8, kScryptP = 1;

std::string toHex(const unsigned char* p, size_t n) {
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        out.push_back(hex[p[i] >> 4]);
        out.push_back(hex[p[i] & 15]);
    }
    return out;
}

bool fromHex(std::string_view hex, std::string& out) {
    auto nib = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2) return false;
    out.clear();
    for (size_t i = 0; i < hex.size(); i += 2) {
        int a = nib(hex[i]), b = nib(hex[i + 1]);
        if (a < 0 || b < 0) return false;
        out.push_back(char(a * 16 + b));
    }
    return true;
}

std::string configPath(const std::string& root) { return root + "/encryption.json"; }

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, void (*)(EVP_CIPHER_CTX*)>;
}  // namespace

WorkspaceKey::~WorkspaceKey() { OPENSSL_cleanse(m_key.data(), m_key.size()); }

Result<WorkspaceKey> WorkspaceKey::fromPassphrase(std::string_view passphrase, const std::string& saltHex) {
    if (passphrase.empty()) return inputError("passphrase: must not be empty");
    std::string salt;
    if (!fromHex(saltHex, salt) || salt.size() < 16) return inputError("encryption.json: salt is not valid hex");
    WorkspaceKey key;
    if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(), reinterpret_cast<const unsigned char*>(salt.data()),
                       salt.size(), kScryptN, kScryptR, kScryptP, 64ull << 20, key.m_key.data(), kKeyBytes) != 1)
        return internalError("scrypt key derivation failed");
    return key;
}

Result<WorkspaceKey> WorkspaceKey::fromKeyFile(const std::string& path) {
    auto data = readWholeFile(path, 4096);
    if (!data) return data.error();
    WorkspaceKey key;
    if (data->size() == kKeyBytes) {
        std::copy(data->begin(), data->end(), key.m_key.begin());
        OPENSSL_cleanse(data->data(), data->size());
        return key;
    }
    std::string hex;
    for (char c : *data)
        if (!std::isspace(static_cast<unsigned char>(c))) hex.push_back(c);
    std::string raw;
    if (!fromHex(hex, raw) || raw.size() != kKeyBytes)
        return inputError(path + ": a key file must hold 32 raw bytes or 64 hex characters");
    std::copy(raw.begin(), raw.end(), key.m_key.begin());
    OPENSSL_cleanse(raw.data(), raw.size());
    OPENSSL_cleanse(hex.data(), hex.size());
    return key;
}

std::string WorkspaceKey::checkValue() const {
    // HMAC-like separation: hash a fixed label with the key; reveals nothing useful about the key.
    Sha256 h;
    h.update("tunebench-key-check-v1");
    h.update(m_key.data(), m_key.size());
    return h.hexDigest();
}

bool looksEncrypted(std::string_view blob) {
    return blob.size() >= sizeof kMagic && std::equal(kMagic, kMagic + sizeof kMagic, blob.begin());
}

Result<std::string> encryptBytes(const WorkspaceKey& key, std::string_view plaintext, std::string_view context) {
    std::string out(kMagic, sizeof kMagic);
    unsigned char nonce[kNonceBytes];
    if (RAND_bytes(nonce, sizeof nonce) != 1) return internalError("no random bytes for the nonce");
    out.append(reinterpret_cast<char*>(nonce), sizeof nonce);
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), nonce) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(context.data()),
                          int(context.size())) != 1)
        return internalError("AES-256-GCM initialisation failed");
    size_t start = out.size();
    out.resize(start + plaintext.size() + kTagBytes);
    auto* dst = reinterpret_cast<unsigned char*>(out.data() + start);
    size_t done = 0;
    while (done < plaintext.size()) {  // EVP takes int lengths: feed in chunks
        int chunk = int(std::min<size_t>(plaintext.size() - done, 1 << 30));
        if (EVP_EncryptUpdate(ctx.get(), dst + done, &len,
                              reinterpret_cast<const unsigned char*>(plaintext.data() + done), chunk) != 1)
            return internalError("AES-256-GCM encryption failed");
        done += size_t(len);
    }
    if (EVP_EncryptFinal_ex(ctx.get(), dst + done, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes, dst + plaintext.size()) != 1)
        return internalError("AES-256-GCM finalisation failed");
    return out;
}

Result<std::string> decryptBytes(const WorkspaceKey& key, std::string_view blob, std::string_view context,
                                 const std::string& what) {
    if (!looksEncrypted(blob)) return inputError(what + ": not an encrypted Tunebench file");
    if (blob.size() < sizeof kMagic + kNonceBytes + kTagBytes) return inputError(what + ": encrypted file is truncated");
    const auto* nonce = reinterpret_cast<const unsigned char*>(blob.data() + sizeof kMagic);
    size_t cipherLen = blob.size() - sizeof kMagic - kNonceBytes - kTagBytes;
    const auto* cipher = nonce + kNonceBytes;
    std::string plain(cipherLen, '\0');
    CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), nonce) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &len, reinterpret_cast<const unsigned char*>(context.data()),
                          int(context.size())) != 1)
        return internalError("AES-256-GCM initialisation failed");
    size_t done = 0;
    while (done < cipherLen) {
        int chunk = int(std::min<size_t>(cipherLen - done, 1 << 30));
        if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data() + done), &len, cipher + done,
                              chunk) != 1)
            return inputError(what + ": decryption failed");
        done += size_t(len);
    }
    std::string tag(reinterpret_cast<const char*>(cipher + cipherLen), kTagBytes);
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data() + done), &len) != 1) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return inputError(what + ": authentication failed (wrong key, or the file was changed or moved)");
    }
    return plain;
}

bool workspaceIsEncrypted(const std::string& root) { return std::filesystem::exists(configPath(root)); }

std::string workspaceKeyKind(const std::string& root) {
    auto text = readWholeFile(configPath(root), 1 << 16);
    if (!text) return {};
    auto cfg = nlohmann::json::parse(*text, nullptr, false);
    if (!cfg.is_object() || !cfg.contains("kdf") || !cfg["kdf"].is_string()) return {};
    const std::string kdf = cfg["kdf"].get<std::string>();
    return kdf == "scrypt" || kdf == "keyfile" ? kdf : std::string();
}

Status enableWorkspaceEncryption(const std::string& root, std::string_view passphrase) {
    if (workspaceIsEncrypted(root)) return inputError(root + ": encryption is already enabled");
    if (passphrase.size() < 8) return inputError("passphrase: use at least 8 characters");
    unsigned char salt[16];
    if (RAND_bytes(salt, sizeof salt) != 1) return internalError("no random bytes for the salt");
    std::string saltHex = toHex(salt, sizeof salt);
    auto key = WorkspaceKey::fromPassphrase(passphrase, saltHex);
    if (!key) return key.error();
    nlohmann::json cfg = {{"kdf", "scrypt"}, {"salt", saltHex}, {"N", kScryptN}, {"r", kScryptR},
                          {"p", kScryptP},   {"cipher", "AES-256-GCM"}, {"check", key->checkValue()}};
    return writeFileAtomically(configPath(root), cfg.dump(2) + "\n");
}

Status enableWorkspaceEncryptionWithKeyFile(const std::string& root, const std::string& keyFile) {
    if (workspaceIsEncrypted(root)) return inputError(root + ": encryption is already enabled");
    auto key = WorkspaceKey::fromKeyFile(keyFile);
    if (!key) return key.error();
    nlohmann::json cfg = {{"kdf", "keyfile"}, {"cipher", "AES-256-GCM"}, {"check", key->checkValue()}};
    return writeFileAtomically(configPath(root), cfg.dump(2) + "\n");
}

Result<WorkspaceKey> unlockWorkspace(const std::string& root, std::string_view passphrase, const std::string& keyFile) {
    auto text = readWholeFile(configPath(root), 1 << 16);
    if (!text) return text.error();
    auto cfg = nlohmann::json::parse(*text, nullptr, false);
    if (cfg.is_discarded() || !cfg.is_object() || !cfg.contains("kdf") || !cfg.contains("check"))
        return inputError(configPath(root) + ": not a valid encryption settings file");
    Result<WorkspaceKey> key = inputError("no key");
    if (cfg["kdf"] == "scrypt") {
        if (!cfg.contains("salt") || !cfg["salt"].is_string())
            return inputError(configPath(root) + ": field 'salt' is missing");
        if (passphrase.empty()) return inputError("this workspace is encrypted: a passphrase is needed");
        key = WorkspaceKey::fromPassphrase(passphrase, cfg["salt"].get<std::string>());
    } else if (cfg["kdf"] == "keyfile") {
        if (keyFile.empty()) return inputError("this workspace is encrypted with a key file: give --key-file");
        key = WorkspaceKey::fromKeyFile(keyFile);
    } else {
        return inputError(configPath(root) + ": unknown kdf '" + cfg["kdf"].dump() + "'");
    }
    if (!key) return key.error();
    if (key->checkValue() != cfg["check"].get<std::string>())
        return inputError("wrong passphrase or key for workspace " + root);
    return key;
}

}  // namespace tb
