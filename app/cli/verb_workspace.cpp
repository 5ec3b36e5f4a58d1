// `tunebench workspace info` (where the workspace is, whether it is encrypted or read-only) and
// `tunebench workspace encrypt [--key-file FILE]`: turns on encryption at rest for what is written from
// then on (adapters in the artifact store, the serving sample log). The passphrase is asked twice on the
// terminal or read from TUNEBENCH_PASSPHRASE_FILE; it never appears on the command line or in a log.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/registry/workspace_crypto.h"
#include "core/workspace/workspace.h"

#include <cstdlib>

namespace {

tb::cli::VerbRegistrar group("workspace", "Where the workspace is and how it is protected", {});

tb::cli::VerbRegistrar info("workspace info", "Show the workspace folder, its layout and whether it is encrypted",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    verb.callback([&ctx] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        const auto& w = **ws;
        const bool encrypted = tb::workspaceIsEncrypted(w.root());
        nlohmann::json doc = {{"root", w.root()},          {"read_only", w.readOnly()},
                              {"encrypted", encrypted},    {"datasets", w.datasetsDir()},
                              {"runs", w.runsDir()},       {"artifacts", w.artifactsDir()},
                              {"registry", w.registryPath()}, {"logs", w.logsDir()}};
        std::string text = "workspace " + w.root() + (w.readOnly() ? " (read-only: another instance holds it)" : "") +
                           "\nencryption at rest: " + (encrypted ? "on" : "off");
        tb::cli::succeed(ctx, doc, text);
    });
});

tb::cli::VerbRegistrar encrypt("workspace encrypt",
                               "Turn on encryption at rest (AES-256-GCM) with a passphrase or a key file",
                               [](CLI::App& verb, tb::cli::Context& ctx) {
    auto keyFile = std::make_shared<std::string>();
    verb.add_option("--key-file", *keyFile, "Use this key file (32 raw bytes or 64 hex characters) instead of a passphrase");
    verb.callback([&ctx, keyFile] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), false);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        const std::string root = (*ws)->root();
        tb::Status st = tb::Status::success();
        if (!keyFile->empty()) {
            st = tb::enableWorkspaceEncryptionWithKeyFile(root, *keyFile);
        } else {
            auto first = tb::cli::readPassphrase("New passphrase for " + root + " (at least 8 characters): ");
            if (!first) return tb::cli::fail(ctx, first.error());
            if (!std::getenv("TUNEBENCH_PASSPHRASE_FILE")) {
                auto again = tb::cli::readPassphrase("Repeat the passphrase: ");
                if (!again) return tb::cli::fail(ctx, again.error());
                if (*again != *first) return tb::cli::fail(ctx, tb::inputError("the two passphrases differ; nothing changed"));
            }
            st = tb::enableWorkspaceEncryption(root, *first);
        }
        if (!st) return tb::cli::fail(ctx, st.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"root", root}, {"encrypted", true},
                               {"kdf", keyFile->empty() ? "scrypt" : "keyfile"}},
                         "encryption at rest is on for " + root +
                             ": adapters registered and serving samples from now on are encrypted; "
                             "files written before stay as they are. Keep the passphrase or key file safe: "
                             "without it the encrypted files cannot be read.");
    });
});

}  // namespace
