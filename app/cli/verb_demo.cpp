// `tunebench demo`: the headless demo. It walks the lifecycle on the demo workspace and prints what
// happened at each step; it grows with every capability that lands.
#include "app/cli/cli.h"
#include "core/common/log.h"
#include "core/workspace/workspace.h"

#include <filesystem>

namespace {

std::string demoWorkspaceDir(const tb::cli::Context& ctx) {
    if (!ctx.workspaceDir.empty()) return ctx.workspaceDir;
    return tb::Workspace::resolveDir("") + "-demo";
}

tb::cli::VerbRegistrar registrar("demo", "Run the demo lifecycle headless on the demo workspace and print each step",
                                 [](CLI::App& verb, tb::cli::Context& ctx) {
    verb.callback([&ctx] {
        nlohmann::json steps = nlohmann::json::array();
        std::string text;
        auto step = [&](const std::string& name, const std::string& what) {
            steps.push_back({{"step", name}, {"result", what}});
            text += "[" + name + "] " + what + "\n";
        };
        auto ws = tb::Workspace::open(demoWorkspaceDir(ctx), false);
        if (!ws) return tb::cli::fail(ctx, ws.error());
        std::string logPath = tb::log::openRunLog((*ws)->logsDir());
        tb::log::info("demo started in " + (*ws)->root());
        step("workspace", "opened " + (*ws)->root() + " (log: " + logPath + ")");
        tb::cli::succeed(ctx, {{"ok", true}, {"workspace", (*ws)->root()}, {"steps", steps}}, text);
    });
});

}  // namespace
