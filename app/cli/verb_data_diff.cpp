// `tunebench data diff V1 V2`: records added, removed, changed and moved between two dataset versions
// (NAME, NAME@<id prefix> or a version folder).
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/dataset_version.h"
#include "core/data/version_diff.h"
#include "core/workspace/workspace.h"

namespace {

struct DiffArgs {
    std::string a, b;
    size_t examples = 20;
};

tb::cli::VerbRegistrar registrar("data diff", "Compare two dataset versions record by record",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<DiffArgs>();
    verb.add_option("V1", a->a, "First version: NAME@ID-PREFIX, NAME (newest) or a folder")->required();
    verb.add_option("V2", a->b, "Second version")->required();
    verb.add_option("--examples", a->examples, "Examples listed per kind of change (default 20)");
    verb.callback([&ctx, a] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), true);
        if (!ws.ok()) return tb::cli::fail(ctx, ws.error());
        auto da = tb::resolveDatasetVersion((*ws)->datasetsDir(), a->a);
        if (!da.ok()) return tb::cli::fail(ctx, da.error());
        auto db = tb::resolveDatasetVersion((*ws)->datasetsDir(), a->b);
        if (!db.ok()) return tb::cli::fail(ctx, db.error());
        std::vector<std::string> files;
        for (const auto* dir : {&*da, &*db})
            for (const char* f : {"train.jsonl", "validation.jsonl", "test.jsonl"}) files.push_back(*dir + "/" + f);
        auto key = tb::cli::unlockForFiles((*ws)->root(), ctx.keyFile, files);
        if (!key.ok()) return tb::cli::fail(ctx, key.error());
        auto d = tb::diffDatasetVersions(*da, *db, a->examples, *key ? &**key : nullptr);
        if (!d.ok()) return tb::cli::fail(ctx, d.error());
        nlohmann::json doc = tb::versionDiffToJson(*d);
        doc["ok"] = true;
        tb::cli::succeed(ctx, doc, tb::versionDiffToText(*d));
    });
});

}  // namespace
