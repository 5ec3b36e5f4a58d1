// Encryption at rest for a workspace: AES-256-GCM (OpenSSL EVP) with a key derived from a passphrase
// by scrypt (salt and parameters stored in <workspace>/encryption.json) or read from a key file.
// A key check value detects a wrong passphrase before anything is decrypted. Keys never leave memory:
// nothing here logs or writes them.
#pragma once

#include "core/common/result.h"

#include <array>
#include <string>
#include <string_view>

namespace tb {

class WorkspaceKey {
public:
    static constexpr size_t kKeyBytes = 32;
    WorkspaceKey() = default;
    ~WorkspaceKey();  // wipes the key
    WorkspaceKey(const WorkspaceKey&) = default;
    WorkspaceKey& operator=(const WorkspaceKey&) = default;

    // Derives the key with scrypt (N=2^15, r=8, p=1) from passphrase and the stored salt.
    static Result<WorkspaceKey> fromPassphrase(std::string_view passphrase, const std::string& saltHex);
    // A key file holds 32 raw bytes or 64 hex characters (whitespace ignored).
    static Result<WorkspaceKey> fromKeyFile(const std::string& path);

    const std::array<unsigned char, kKeyBytes>& bytes() const { return m_key; }
    // A value derived from the key that can be stored to recognise the right key later.
    std::string checkValue() const;

private:
    std::array<unsigned char, kKeyBytes> m_key{};
};

// Encrypted blob layout: "TBENC1\0\0" (8 bytes) | 12-byte nonce | ciphertext | 16-byte GCM tag.
// `context` (e.g. the artifact's logical name) is authenticated as associated data, so an encrypted
// file moved to another name fails to decrypt.
Result<std::string> encryptBytes(const WorkspaceKey& key, std::string_view plaintext, std::string_view context);
Result<std::string> decryptBytes(const WorkspaceKey& key, std::string_view blob, std::string_view context,
                                 const std::string& whatForErrors);
bool looksEncrypted(std::string_view blob);

// <workspace>/encryption.json: {"kdf":"scrypt","salt":hex,"N":..,"r":..,"p":..,"check":hex} or
// {"kdf":"keyfile","check":hex}. Enabling writes it; unlocking checks the key against it.
Status enableWorkspaceEncryption(const std::string& workspaceRoot, std::string_view passphrase);
Status enableWorkspaceEncryptionWithKeyFile(const std::string& workspaceRoot, const std::string& keyFile);
bool workspaceIsEncrypted(const std::string& workspaceRoot);
// How the key of an encrypted workspace is made: "scrypt" (a passphrase), "keyfile", or "" when the
// workspace is not encrypted or encryption.json is unreadable.
std::string workspaceKeyKind(const std::string& workspaceRoot);
Result<WorkspaceKey> unlockWorkspace(const std::string& workspaceRoot, std::string_view passphraseOrEmpty,
                                     const std::string& keyFileOrEmpty);

}  // namespace tb
