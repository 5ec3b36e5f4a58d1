// PlaygroundModelCache: keeps the models (weights, tokenizer, chat template) and LoRA adapters the
// Playground has loaded, so a second prompt or the other side of the split view does not reload them.
// Thread-safe (generation workers share one). Adapters encrypted at rest (a run folder or a registered
// version's copy in an encrypted workspace) are decrypted in memory with the workspace key it was given.
// Plain C++ over core; not a loader and not a scheduler.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>

#include "core/chat/model_chat_template.h"
#include "core/infer/inference_loader.h"
#include "core/model/lora_adapter.h"
#include "core/workspace/workspace_crypto.h"

namespace tb::models {

struct PlaygroundModel {
    std::string path;      // as given by the user
    std::string cacheKey;  // canonical path, modification time and engine options
    InferenceBundle bundle;
    tb::chat::ModelChatTemplate chatTemplate;  // text empty: the model ships none
    std::string chatTemplateError;             // why the template could not be read (model still usable)
};

class PlaygroundModelCache {
public:
    // capacity: models kept in memory (least recently used ones are dropped first). key: the unlocked key
    // of an encrypted workspace (null: plain adapters only; an encrypted one is refused with the reason).
    explicit PlaygroundModelCache(int capacity = 3, std::shared_ptr<const WorkspaceKey> key = {})
        : m_capacity(capacity > 0 ? capacity : 1), m_key(std::move(key)) {}

    // The model at `path`, loaded now or taken from the cache (*fromCache tells which). A file changed on
    // disk since it was loaded is loaded again.
    Result<std::shared_ptr<const PlaygroundModel>> model(const std::string& path, const EngineOptions& options,
                                                         bool* fromCache = nullptr,
                                                         const ProgressCallback& progress = {});
    // The PEFT adapter in `dir`, checked against `model`'s shapes; cached per (model, folder).
    Result<std::shared_ptr<const LoraAdapter>> adapter(const std::string& dir, const PlaygroundModel& model,
                                                       bool* fromCache = nullptr);

    int modelLoads() const;  // how many times a model was actually read from disk
    int adapterLoads() const;

private:
    struct ModelEntry {
        std::string key;
        std::shared_ptr<const PlaygroundModel> model;
    };
    struct AdapterEntry {
        std::string key;
        std::shared_ptr<const LoraAdapter> adapter;
    };
    int m_capacity;
    std::shared_ptr<const WorkspaceKey> m_key;  // set once; read by every worker
    mutable std::mutex m_mutex;                 // guards the lists and counters
    std::mutex m_loadMutex;                     // one load at a time: two panes asking for one model load it once
    std::list<ModelEntry> m_models;             // most recently used first
    std::list<AdapterEntry> m_adapters;         // most recently used first
    int m_modelLoads = 0;
    int m_adapterLoads = 0;
};

}  // namespace tb::models
