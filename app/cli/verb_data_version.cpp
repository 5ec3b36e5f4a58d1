// `tunebench data version DIR --name NAME`: save a split folder as an immutable, content-addressed dataset
// version in the workspace (<workspace>/datasets/NAME/<sha256>/).
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/dataset_version.h"
#include "core/workspace/workspace.h"

namespace {

struct VersionArgs {
    std::string dir, name, description, parent;
};

tb::cli::VerbRegistrar registrar("data version", "Save a split folder as an immutable dataset version in the workspace",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<VersionArgs>();
    verb.add_option("DIR", a->dir, "Folder written by `data split`")->required();
    verb.add_option("--name", a->name, "Dataset name (letters, digits, . _ -)")->required();
    verb.add_option("--description", a->description, "What this version is");
    verb.add_option("--parent", a->parent, "Parent version (default: the newest version of NAME)");
    verb.callback([&ctx, a] {
        auto ws = tb::Workspace::open(tb::Workspace::resolveDir(ctx.workspaceDir), false);
        if (!ws.ok()) return tb::cli::fail(ctx, ws.error());
        // In an encrypted workspace the split files are stored encrypted: the key is needed to save.
        auto key = tb::cli::unlockWorkspaceForCli((*ws)->root(), ctx.keyFile);
        if (!key.ok()) return tb::cli::fail(ctx, key.error());
        tb::CreateVersionOptions options{a->name, a->description, a->parent};
        options.key = *key ? &**key : nullptr;
        auto v = tb::createDatasetVersion((*ws)->datasetsDir(), a->dir, options);
        if (!v.ok()) return tb::cli::fail(ctx, v.error());
        nlohmann::json doc = tb::datasetVersionToJson(*v);
        doc["ok"] = true;
        doc["dir"] = v->dir;
        doc["already_existed"] = v->alreadyExisted;
        std::string text = std::string(v->alreadyExisted ? "Already saved: " : "Saved ") + v->name + "@" +
                           v->version.substr(0, 12) + "\n  " + v->dir + "\n";
        for (const auto& [split, n] : v->counts) text += "  " + split + ": " + std::to_string(n) + "\n";
        if (!v->parent.empty()) text += "  parent: " + v->parent.substr(0, 12) + "\n";
        tb::cli::succeed(ctx, doc, text);
    });
});

}  // namespace
