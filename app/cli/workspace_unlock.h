// Unlocking an encrypted workspace from the command line. The key comes from a key file (--key-file or
// TUNEBENCH_KEY_FILE), the passphrase from the file named by TUNEBENCH_PASSPHRASE_FILE or from the
// terminal with echo off — never from an argument, which would land in the shell history and in `ps`.
#pragma once

#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <optional>
#include <string>
#include <vector>

namespace tb::cli {

// Reads a passphrase: TUNEBENCH_PASSPHRASE_FILE's first line if set, else the terminal (echo off).
// Fails (naming how to give one) when neither is available, e.g. in a script without a terminal.
Result<std::string> readPassphrase(const std::string& prompt);

// The workspace key when the workspace is encrypted (asking for the passphrase as above), nullopt when
// it is not. keyFile may be empty (then TUNEBENCH_KEY_FILE is consulted).
Result<std::optional<WorkspaceKey>> unlockWorkspaceForCli(const std::string& workspaceRoot, const std::string& keyFile);

// The encrypted workspace a path lies in: the nearest folder above it that holds encryption.json, or "".
std::string encryptedWorkspaceOf(const std::string& path);

// The files of a PEFT adapter folder, as inputs for unlockForFiles ({} for an empty dir).
std::vector<std::string> adapterFiles(const std::string& dir);

// The key a verb needs to read `inputs` and write `outputs`, asked for only when needed: when an input is
// encrypted at rest or an output lies in an encrypted workspace, that workspace (else the --workspace one)
// is unlocked as unlockWorkspaceForCli does. nullopt when every file is plain and outside encryption.
Result<std::optional<WorkspaceKey>> unlockForFiles(const std::string& workspaceDir, const std::string& keyFile,
                                                   const std::vector<std::string>& inputs,
                                                   const std::vector<std::string>& outputs = {});

}  // namespace tb::cli
