// `tunebench workspace info` (where the workspace is, whether it is encrypted or read-only) and
// `tunebench workspace encrypt [--key-file FILE]`: turns on encryption at rest — adapters registered and
// serving samples from then on, and dataset versions, stored predictions and ratings both from then on and
// those already there (converted in place, atomically per file; `encrypt --resume` on an encrypted workspace
// finishes a conversion that was interrupted).
// The passphrase is asked twice on the terminal or read from TUNEBENCH_PASSPHRASE_FILE; it never appears
// on the command line or in a log.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/version_file_io.h"
#include "core/eval/comparison_store.h"
#include "core/eval/prediction_store.h"
#include "core/workspace/workspace_crypto.h"
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
    auto resume = std::make_shared<bool>(false);
    verb.add_option("--key-file", *keyFile, "Use this key file (32 raw bytes or 64 hex characters) instead of a passphrase");
    verb.add_flag("--resume", *resume, "Already encrypted: convert the files an interrupted run left plain");
    verb.callback([&ctx, keyFile, resume] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), false);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        const tb::Workspace& w = **ws;
        const std::string root = w.root();
        const bool already = tb::workspaceIsEncrypted(root);
        if (already && !*resume)
            return tb::cli::fail(ctx, tb::inputError(root + ": encryption is already enabled (to convert files an "
                                                            "interrupted run left plain: workspace encrypt --resume)"));
        if (!already && *resume)
            return tb::cli::fail(ctx, tb::inputError(root + ": --resume: encryption is not enabled yet"));
        tb::Result<tb::WorkspaceKey> key = tb::inputError("no key");
        if (already) {  // --resume: unlock as every verb does
            auto unlocked = tb::cli::unlockWorkspaceForCli(root, keyFile->empty() ? ctx.keyFile : *keyFile);
            if (!unlocked) return tb::cli::fail(ctx, unlocked.error());
            key = std::move(**unlocked);
        } else {
            std::string passphrase;
            if (keyFile->empty()) {
                auto first = tb::cli::readPassphrase("New passphrase for " + root + " (at least 8 characters): ");
                if (!first) return tb::cli::fail(ctx, first.error());
                if (!std::getenv("TUNEBENCH_PASSPHRASE_FILE")) {
                    auto again = tb::cli::readPassphrase("Repeat the passphrase: ");
                    if (!again) return tb::cli::fail(ctx, again.error());
                    if (*again != *first)
                        return tb::cli::fail(ctx, tb::inputError("the two passphrases differ; nothing changed"));
                }
                passphrase = std::move(*first);
            }
            // encryption.json first: a conversion interrupted later is finished with --resume.
            tb::Status st = keyFile->empty() ? tb::enableWorkspaceEncryption(root, passphrase)
                                             : tb::enableWorkspaceEncryptionWithKeyFile(root, *keyFile);
            if (st) key = tb::unlockWorkspace(root, passphrase, *keyFile);
            std::fill(passphrase.begin(), passphrase.end(), '\0');
            if (!st) return tb::cli::fail(ctx, st.error());
        }
        if (!key) return tb::cli::fail(ctx, key.error());
        auto versions = tb::encryptDatasetVersions(w.datasetsDir(), *key);
        if (!versions) return tb::cli::fail(ctx, versions.error());
        auto predictions = tb::eval::encryptPredictionFilesIn(w.evalDir(), *key);
        if (!predictions) return tb::cli::fail(ctx, predictions.error());
        auto comparisons = tb::eval::encryptStoredComparisons(w.evalDir(), *key);
        if (!comparisons) return tb::cli::fail(ctx, comparisons.error());
        const int converted = versions->filesEncrypted + *predictions + *comparisons;
        tb::cli::succeed(ctx,
                         {{"ok", true}, {"root", root}, {"encrypted", true}, {"already_enabled", already},
                          {"kdf", keyFile->empty() ? "scrypt" : "keyfile"},
                          {"converted", {{"dataset_versions", versions->versions},
                                         {"dataset_files", versions->filesEncrypted},
                                         {"prediction_files", *predictions},
                                         {"comparison_files", *comparisons}}}},
                         std::string(already ? "encryption at rest was already on for " : "encryption at rest is on for ") +
                             root + ": " + std::to_string(converted) + " existing files converted (" +
                             std::to_string(versions->filesEncrypted) + " in " + std::to_string(versions->versions) +
                             " dataset versions, " + std::to_string(*predictions + *comparisons) +
                             " predictions and ratings). Dataset versions, predictions, adapters registered and "
                             "serving samples are written encrypted from now on. Keep the passphrase or key file "
                             "safe: without it the encrypted files cannot be read.");
    });
});

}  // namespace
