// The headless demo: walks the whole lifecycle on the demo workspace with the demo data and the demo base
// model — import → inspect → clean → split → version → fine-tune → evaluate base vs tuned → gate →
// register → approve (a second user) → promote → export → serve one request — reporting every step with
// its figures. `tunebench demo` prints it; a test runs it. Not a GUI and not a tutorial text.
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace tb::demo {

struct DemoOptions {
    std::string workspaceRoot;   // an open, writable workspace
    std::string resourcesDir;    // resources/demo
    int epochs = 5;              // fine-tune epochs
    int loraRank = 16;
    double learningRate = 4e-3;
    int evalLimit = 0;           // evaluate at most this many test records (0: all)
    bool serve = true;           // start the endpoint on a loopback port and send one request
    // An encrypted workspace's key (not owned): the dataset version, predictions and the adapter artifact
    // are stored encrypted, and the plaintext intermediates live in a private temporary folder meanwhile.
    const WorkspaceKey* key = nullptr;
};

struct DemoStep {
    std::string name;     // "import", "clean", ...
    std::string summary;  // one human line with the figures
    nlohmann::json details;
};
using DemoStepCallback = std::function<void(const DemoStep&)>;

struct DemoResult {
    std::vector<DemoStep> steps;
    double baseAccuracy = 0.0;
    double tunedAccuracy = 0.0;
    nlohmann::json toJson() const;
};

Result<DemoResult> runDemo(const DemoOptions& options, const DemoStepCallback& onStep = {},
                           const ProgressCallback& progress = {});

// resources/demo next to the sources (TUNEBENCH_RESOURCE_DIR) unless TUNEBENCH_RESOURCES says otherwise.
std::string defaultDemoResourcesDir();

}  // namespace tb::demo
