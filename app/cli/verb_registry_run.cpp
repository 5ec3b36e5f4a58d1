// `tunebench registry record-run RUN_DIR [--dataset NAME@ID] [--id ID]`: records a finished training run
// (run.json written by `tunebench train`) and the dataset version it trained on in the registry, so that
// `registry register --run ID` can register its adapter from the command line. Only ids, the base model,
// the settings and the manifest go into the registry — never record text or a key.
#include "app/cli/cli.h"
#include "core/common/atomic_file.h"
#include "core/data/dataset_version.h"
#include "core/registry/registry.h"
#include "core/workspace/workspace.h"

#include <filesystem>

namespace {

struct RecordRunArgs {
    std::string runDir, dataset, id, user;
};

tb::cli::VerbRegistrar recordRun("registry record-run",
                                 "Record a finished training run (and its dataset version) in the registry",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<RecordRunArgs>();
    verb.add_option("RUN_DIR", a->runDir, "Run folder written by `tunebench train` (holds run.json)")->required();
    verb.add_option("--dataset", a->dataset, "Dataset version it trained on: NAME, NAME@ID-PREFIX or a folder");
    verb.add_option("--id", a->id, "Run id (default: the run folder's name)");
    verb.add_option("--user", a->user, "Acting user (default: the OS user)");
    verb.callback([&ctx, a] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), false);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        const std::string runJson = a->runDir + "/run.json";
        auto text = tb::readWholeFile(runJson, 1 << 22);
        if (!text) return tb::cli::fail(ctx, text.error());
        auto run = nlohmann::json::parse(*text, nullptr, false);
        if (run.is_discarded() || !run.is_object() || !run.contains("model") || !run["model"].is_string())
            return tb::cli::fail(ctx, tb::inputError(runJson + ": not a run.json from `tunebench train` (field 'model')"));
        std::error_code ec;
        if (!std::filesystem::exists(a->runDir + "/adapter", ec) && !std::filesystem::exists(a->runDir + "/model", ec))
            return tb::cli::fail(ctx, tb::inputError(a->runDir + ": the run has not finished (no adapter/ folder)"));
        auto reg = tb::Registry::open((*ws)->registryPath());
        if (!reg) return tb::cli::fail(ctx, reg.error());
        const std::string actor = a->user.empty() ? tb::Registry::osUserName() : a->user;
        tb::RunRecord r;
        r.id = a->id.empty() ? std::filesystem::path(a->runDir).lexically_normal().filename().string() : a->id;
        if (r.id.empty()) r.id = std::filesystem::path(a->runDir).parent_path().filename().string();
        r.baseModel = run["model"].get<std::string>();
        r.config = run.value("config", nlohmann::json::object());
        if (r.config.is_object() && r.config.contains("seed") && r.config["seed"].is_number_integer())
            r.seed = r.config["seed"].get<int64_t>();
        r.status = "finished";
        if (!a->dataset.empty()) {
            auto dir = tb::resolveDatasetVersion((*ws)->datasetsDir(), a->dataset);
            if (!dir) return tb::cli::fail(ctx, dir.error());
            auto v = tb::readDatasetVersion(*dir);
            if (!v) return tb::cli::fail(ctx, v.error());
            tb::Status st = (*reg)->recordDatasetVersion(actor, v->version, v->name, tb::datasetVersionToJson(*v));
            if (!st) return tb::cli::fail(ctx, st.error());
            r.datasetVersionId = v->version;
        }
        tb::Status st = (*reg)->recordRun(actor, r);
        if (!st) return tb::cli::fail(ctx, st.error());
        tb::cli::succeed(ctx, {{"ok", true}, {"run", r.id}, {"dataset_version", r.datasetVersionId}},
                         "recorded run " + r.id + (r.datasetVersionId.empty() ? "" : " on dataset version " +
                                                       r.datasetVersionId.substr(0, 12)) + "\n");
    });
});

}  // namespace
