#include "core/infer/inference_loader.h"

#include "core/tokenizer/tokenizer_loader.h"

#include <chrono>

#if __has_include("core/model/model_loader.h")
#include "core/model/model_loader.h"
#define TB_HAVE_MODEL_LOADER 1
#endif

namespace tb {

Result<InferenceBundle> loadForInference(const std::string& path, const EngineOptions& options,
                                         const ProgressCallback& progress) {
#ifdef TB_HAVE_MODEL_LOADER
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = loadModel(path, progress);
    if (!loaded.ok()) return loaded.error();
    auto weights = std::make_shared<ModelWeights>(std::move(loaded.value().weights));
    auto model = InferenceModel::create(std::move(weights), options, progress);
    if (!model.ok()) return Error{model.error().kind, path + ": " + model.message()};
    auto tokenizer = loadTokenizer(path);
    if (!tokenizer.ok()) return tokenizer.error();
    InferenceBundle b;
    b.model = model.value();
    b.tokenizer = tokenizer.value();
    b.path = path;
    b.loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return b;
#else
    (void)options;
    (void)progress;
    return internalError(path + ": this build has no model loader (core/model/model_loader.h)");
#endif
}

}  // namespace tb
