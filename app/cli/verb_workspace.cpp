// `tunebench workspace info` (where the workspace is, whether it is encrypted or read-only) and
// `tunebench workspace encrypt [--key-file FILE]`: turns on encryption at rest — dataset versions, stored
// predictions and ratings, training runs' adapters (adapter/, adapter-best/) and checkpoints, registered
// artifacts and serving samples, both from then on and those already there (converted in place,
// atomically per file; a registered artifact's manifest flag flips after its last file; the sample log's
// plaintext lines are rewritten encrypted in order). `encrypt --resume` on an encrypted workspace finishes
// a conversion that was interrupted. A run's run.json, request.json, status.json, metrics.jsonl and
// log.txt hold settings, numbers and progress lines only and stay plain; a full fine-tuned model in a run
// folder (model/, model.gguf) stays plain and is named.
// The passphrase is asked twice on the terminal or read from TUNEBENCH_PASSPHRASE_FILE; it never appears
// on the command line or in a log.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/version_file_io.h"
#include "core/eval/comparison_store.h"
#include "core/eval/prediction_store.h"
#include "core/registry/artifact_store.h"
#include "core/serve/sample_log.h"
#include "core/train/run_folder_encryption.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace.h"

#include <cstdlib>
#include <filesystem>

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
        auto runs = tb::train::encryptRunFolders(w.runsDir(), *key);
        if (!runs) return tb::cli::fail(ctx, runs.error());
        auto artifacts = tb::ArtifactStore(w.artifactsDir(), *key).encryptAllStored();
        if (!artifacts) return tb::cli::fail(ctx, artifacts.error());
        auto samples = tb::serve::SampleLog(root + "/serve/samples.jsonl", 0.0, *key).encryptPlainLines();
        if (!samples) return tb::cli::fail(ctx, samples.error());
        // Older builds copied registered adapters in plaintext to serve/adapters/<sha> to load them; today
        // they are read in memory from the (encrypted) store, so those copies are only a leak: removed.
        int staleCopies = 0;
        {
            std::error_code ec;
            const std::filesystem::path copies = root + "/serve/adapters";
            for (auto it = std::filesystem::directory_iterator(copies, ec); !ec && it != std::filesystem::directory_iterator();
                 it.increment(ec))
                staleCopies += std::filesystem::remove_all(it->path(), ec) > 0 ? 1 : 0;
            if (ec && ec != std::errc::no_such_file_or_directory)
                return tb::cli::fail(ctx, tb::internalError(copies.string() + ": cannot remove the old plaintext adapter "
                                                            "copies: " + ec.message()));
            std::filesystem::remove(copies, ec);
        }
        const int converted = versions->filesEncrypted + *predictions + *comparisons + runs->adapterFiles +
                              runs->checkpointFiles + artifacts->filesEncrypted;
        nlohmann::json doc = {
            {"ok", true}, {"root", root}, {"encrypted", true}, {"already_enabled", already},
            {"kdf", keyFile->empty() ? "scrypt" : "keyfile"},
            {"converted", {{"dataset_versions", versions->versions},
                           {"dataset_files", versions->filesEncrypted},
                           {"prediction_files", *predictions},
                           {"comparison_files", *comparisons},
                           {"runs", runs->runs},
                           {"adapter_files", runs->adapterFiles},
                           {"checkpoint_files", runs->checkpointFiles},
                           {"artifacts", artifacts->artifactsConverted},
                           {"artifact_files", artifacts->filesEncrypted},
                           {"sample_lines", *samples}}},
            {"removed_plain_adapter_copies", staleCopies},
            {"already_encrypted_files", versions->filesAlready + runs->filesAlready + artifacts->filesAlready},
            {"plain_models", runs->plainModels},
            {"incomplete_artifacts", artifacts->incomplete}};
        std::string text =
            std::string(already ? "encryption at rest was already on for " : "encryption at rest is on for ") + root +
            ": " + std::to_string(converted) + " existing files converted (" +
            std::to_string(versions->filesEncrypted) + " in " + std::to_string(versions->versions) +
            " dataset versions, " + std::to_string(*predictions + *comparisons) + " predictions and ratings, " +
            std::to_string(runs->adapterFiles) + " adapter and " + std::to_string(runs->checkpointFiles) +
            " checkpoint files in " + std::to_string(runs->runs) + " training runs, " +
            std::to_string(artifacts->filesEncrypted) + " files of " + std::to_string(artifacts->artifactsConverted) +
            " registered artifacts) and " + std::to_string(*samples) +
            " serving sample lines. Dataset versions, predictions, ratings, training runs' adapters and "
            "checkpoints, registered artifacts and serving samples are written encrypted from now on; a run's "
            "run.json, request.json, status.json, metrics.jsonl and log.txt hold settings and numbers only and "
            "stay plain. Keep the passphrase or key file safe: without it the encrypted files cannot be read.";
        if (staleCopies > 0)
            text += "\nremoved " + std::to_string(staleCopies) + " plaintext adapter copies an older version left in " +
                    root + "/serve/adapters (serving reads registered adapters from the encrypted store now).";
        for (const std::string& run : runs->plainModels)
            text += "\nnote: " + run + " holds a full fine-tuned model (model/ or model.gguf); it stays plain "
                    "(models are read unencrypted): move it out of the workspace or delete it if it must not stay.";
        for (const std::string& folder : artifacts->incomplete)
            text += "\nnote: " + folder + " is an artifact whose registration was interrupted (no artifact.json); "
                    "nothing refers to it and it was left as it is: delete it.";
        tb::cli::succeed(ctx, doc, text);
    });
});

}  // namespace
