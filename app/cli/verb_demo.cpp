// `tunebench demo`: the headless demo. It walks the lifecycle on the demo workspace (import → clean →
// split → version → fine-tune → evaluate base vs tuned → register → export → serve a request) and prints
// what happened at each step. The work is core/demo's; this file opens the workspace and prints.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/common/log.h"
#include "core/demo/demo_pipeline.h"
#include "core/workspace/workspace.h"

#include <iostream>

namespace {

struct DemoArgs {
    int epochs = 5;
    int evalLimit = 0;
    bool noServe = false;
    std::string resources;
};

tb::cli::VerbRegistrar registrar("demo", "Run the demo lifecycle headless on the demo workspace and print each step",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<DemoArgs>();
    verb.add_option("--epochs", a->epochs, "Fine-tune epochs (default 5)");
    verb.add_option("--eval-limit", a->evalLimit, "Evaluate at most N test records (default: all)");
    verb.add_flag("--no-serve", a->noServe, "Skip starting the local endpoint");
    verb.add_option("--resources", a->resources, "The demo resources folder (default: the source tree's)");
    verb.callback([&ctx, a] {
        std::string dir = ctx.workspaceDir.empty() ? tb::Workspace::resolveDir("") + "-demo" : ctx.workspaceDir;
        auto ws = tb::Workspace::open(dir, false);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        std::string logPath = tb::log::openRunLog((*ws)->logsDir());
        tb::log::info("demo started in " + (*ws)->root());
        if (!ctx.json) *ctx.out << "[workspace] " << (*ws)->root() << " (log: " << logPath << ")" << std::endl;
        // An encrypted demo workspace is unlocked first; its versions, predictions and adapter stay encrypted.
        auto key = tb::cli::unlockWorkspaceForCli((*ws)->root(), ctx.keyFile);
        if (!key) return tb::cli::fail(ctx, key.error());
        tb::demo::DemoOptions o;
        o.workspaceRoot = (*ws)->root();
        o.key = *key ? &**key : nullptr;
        o.resourcesDir = a->resources.empty() ? tb::demo::defaultDemoResourcesDir() : a->resources;
        o.epochs = a->epochs;
        o.evalLimit = a->evalLimit;
        o.serve = !a->noServe;
        auto result = tb::demo::runDemo(o, [&ctx](const tb::demo::DemoStep& s) {
            tb::log::info("demo " + s.name + ": " + s.summary);
            if (!ctx.json) *ctx.out << "[" << s.name << "] " << s.summary << std::endl;
        });
        if (!result) return tb::cli::fail(ctx, result.error());
        nlohmann::json doc = result->toJson();
        doc["ok"] = true;
        doc["workspace"] = (*ws)->root();
        tb::cli::succeed(ctx, doc, "Demo finished: base accuracy " + std::to_string(int(100 * result->baseAccuracy)) +
                                       "% -> tuned " + std::to_string(int(100 * result->tunedAccuracy)) + "%.");
    });
});

}  // namespace
