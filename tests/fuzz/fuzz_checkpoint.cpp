// Fuzz target: a training checkpoint (what loadCheckpoint reads or decrypts, then parseCheckpoint) must give
// the values, moments and loop state or an error, never a crash, hang, out-of-bounds read or huge allocation,
// whatever its header says. Parsed against the trainable tensors of a real tiny run: LoRA rank 2 on q and v of
// tests/data/infer/llama_tied (C 32, 2 layers, 512 values). The seeds in tests/data/train/fuzz/checkpoint/
// were written by saveCheckpoint for exactly these tensors (plus hostile edits of one: see the file names).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "core/model/model_loader.h"
#include "core/train/checkpoint.h"
#include "core/train/lora_init.h"
#include "core/train/train_model.h"
#include "fuzz_guard.h"

namespace {

struct TinyRun {
    tb::LoadedModel model;
    tb::LoraAdapter adapter;
    std::unique_ptr<tb::train::TrainModel> train;
};

TinyRun* tinyRun() {
    static TinyRun* run = [] {
        auto* r = new TinyRun;
        auto model = tb::loadModel(std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/infer/llama_tied");
        if (!model) {
            std::fprintf(stderr, "fuzz_checkpoint: %s\n", model.message().c_str());
            std::abort();
        }
        r->model = std::move(*model);
        tb::train::LoraSettings settings;
        settings.rank = 2, settings.alpha = 4.0f, settings.targets = {"q", "v"};
        auto adapter = tb::train::initLoraAdapter(r->model.weights.config, settings, 7);
        if (!adapter) std::abort();
        r->adapter = std::move(*adapter);
        r->train = std::make_unique<tb::train::TrainModel>(r->model.weights, &r->adapter, tb::train::TrainMethod::Lora);
        return r;
    }();
    return run;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::Guard guard("checkpoint", data, size);
    TinyRun* run = tinyRun();
    std::vector<tb::train::ParamRef>& params = run->train->params();
    std::vector<float> before;  // a checkpoint that fails must leave the run's values untouched
    for (const auto& p : params) before.insert(before.end(), p.data, p.data + p.size);
    std::vector<float> m, v;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto loaded = tb::train::parseCheckpoint(bytes, "fuzz.ckpt", params, m, v);
    if (!loaded.ok()) {
        if (loaded.message().rfind("fuzz.ckpt", 0) != 0) std::abort();  // errors name the file
        size_t at = 0;
        for (const auto& p : params)
            for (int64_t i = 0; i < p.size; ++i, ++at)
                if (std::memcmp(&p.data[i], &before[at], sizeof(float)) != 0) std::abort();
        return 0;
    }
    int64_t total = 0;
    for (const auto& p : params) total += p.size;
    if (int64_t(m.size()) != total || int64_t(v.size()) != total) std::abort();
    if (size < 16 + size_t(total) * 12 || loaded->state.fingerprint.size() > size) std::abort();
    return 0;
}
