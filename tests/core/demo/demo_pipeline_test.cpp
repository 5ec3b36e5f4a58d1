// The whole demo lifecycle on a fresh workspace: the self-made base model, data steps, a real LoRA
// fine-tune, base-vs-tuned evaluation, registry workflow, export and one served request.
#include "core/demo/demo_pipeline.h"
#include "core/workspace/workspace.h"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

TEST(DemoPipeline, WalksTheLifecycleWithARealGain) {
    const char* keep = std::getenv("TB_DEMO_TEST_DIR");
    auto dir = keep ? std::filesystem::path(keep)
                    : std::filesystem::temp_directory_path() / ("tb_demo_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    auto ws = tb::Workspace::open(dir.string(), false);
    ASSERT_TRUE(ws.ok()) << ws.message();
    tb::demo::DemoOptions o;
    o.workspaceRoot = (*ws)->root();
    o.resourcesDir = std::string(TUNEBENCH_RESOURCE_DIR) + "/demo";
    std::vector<std::string> names;
    auto r = tb::demo::runDemo(o, [&](const tb::demo::DemoStep& s) {
        names.push_back(s.name);
        std::printf("[%s] %s\n", s.name.c_str(), s.summary.c_str());
    });
    ASSERT_TRUE(r.ok()) << r.message();
    for (const char* step : {"base-model", "import", "inspect", "clean", "split", "version", "fine-tune", "evaluate",
                             "gate", "register", "export", "serve"})
        EXPECT_NE(std::find(names.begin(), names.end(), step), names.end()) << step;
    EXPECT_GT(r->tunedAccuracy, r->baseAccuracy + 0.3) << "the fine-tune must give a large, real gain";
    EXPECT_GT(r->tunedAccuracy, 0.7);
    if (!HasFailure()) std::filesystem::remove_all(dir);  // kept for a look when something failed
}
