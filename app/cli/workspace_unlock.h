// Unlocking an encrypted workspace from the command line. The key comes from a key file (--key-file or
// TUNEBENCH_KEY_FILE), the passphrase from the file named by TUNEBENCH_PASSPHRASE_FILE or from the
// terminal with echo off — never from an argument, which would land in the shell history and in `ps`.
#pragma once

#include "core/common/result.h"
#include "core/registry/workspace_crypto.h"

#include <optional>
#include <string>

namespace tb::cli {

// Reads a passphrase: TUNEBENCH_PASSPHRASE_FILE's first line if set, else the terminal (echo off).
// Fails (naming how to give one) when neither is available, e.g. in a script without a terminal.
Result<std::string> readPassphrase(const std::string& prompt);

// The workspace key when the workspace is encrypted (asking for the passphrase as above), nullopt when
// it is not. keyFile may be empty (then TUNEBENCH_KEY_FILE is consulted).
Result<std::optional<WorkspaceKey>> unlockWorkspaceForCli(const std::string& workspaceRoot, const std::string& keyFile);

}  // namespace tb::cli
