#include "models/playground/playground_model_cache.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <system_error>

#include "core/train/peft_adapter.h"

namespace tb::models {

namespace {

// Identity of a path on disk: its canonical name and the newest modification time of what it holds,
// so an edited or rewritten model/adapter is not served stale from the cache.
std::string diskKey(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::path(path), ec);
    if (ec) canonical = fs::path(path);
    // file_clock's epoch may lie in the future (libstdc++: 2174), so counts can be negative.
    long long newest = std::numeric_limits<long long>::min();
    auto consider = [&](const fs::path& p) {
        std::error_code e;
        auto t = fs::last_write_time(p, e);
        if (!e) newest = std::max<long long>(newest, t.time_since_epoch().count());
    };
    consider(canonical);
    if (fs::is_directory(canonical, ec))
        for (const auto& entry : fs::directory_iterator(canonical, ec)) consider(entry.path());
    return canonical.string() + "@" + std::to_string(newest);
}

}  // namespace

Result<std::shared_ptr<const PlaygroundModel>> PlaygroundModelCache::model(const std::string& path,
                                                                           const EngineOptions& options,
                                                                           bool* fromCache,
                                                                           const ProgressCallback& progress) {
    if (fromCache) *fromCache = false;
    if (path.empty()) return inputError("no model chosen: give a Hugging Face folder or a .gguf file");
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return inputError(path + ": no such file or folder");
    const std::string key =
        diskKey(path) + "|" + precisionName(options.precision) + "|" + std::to_string(options.threads);
    std::lock_guard load(m_loadMutex);
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_models.begin(); it != m_models.end(); ++it)
            if (it->key == key) {
                m_models.splice(m_models.begin(), m_models, it);
                if (fromCache) *fromCache = true;
                return m_models.front().model;
            }
    }
    auto bundle = loadForInference(path, options, progress);
    if (!bundle.ok()) return bundle.error();
    auto loaded = std::make_shared<PlaygroundModel>();
    loaded->path = path;
    loaded->cacheKey = key;
    loaded->bundle = std::move(bundle.value());
    auto tmpl = tb::chat::loadModelChatTemplate(path);
    if (tmpl.ok())
        loaded->chatTemplate = std::move(tmpl.value());
    else
        loaded->chatTemplateError = tmpl.message();
    std::lock_guard lock(m_mutex);
    ++m_modelLoads;
    m_models.push_front({key, loaded});
    while (int(m_models.size()) > m_capacity) m_models.pop_back();
    return std::shared_ptr<const PlaygroundModel>(loaded);
}

Result<std::shared_ptr<const LoraAdapter>> PlaygroundModelCache::adapter(const std::string& dir,
                                                                         const PlaygroundModel& model,
                                                                         bool* fromCache) {
    if (fromCache) *fromCache = false;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return inputError(dir + ": not a folder (an adapter is a PEFT folder with adapter_config.json)");
    const std::string key = diskKey(dir) + "|" + model.cacheKey;
    std::lock_guard load(m_loadMutex);
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_adapters.begin(); it != m_adapters.end(); ++it)
            if (it->key == key) {
                m_adapters.splice(m_adapters.begin(), m_adapters, it);
                if (fromCache) *fromCache = true;
                return m_adapters.front().adapter;
            }
    }
    auto read = tb::train::readPeftAdapter(dir, &model.bundle.model->config(), m_key.get());
    if (!read.ok()) return inputError(dir + ": " + read.message());
    auto adapter = std::make_shared<const LoraAdapter>(std::move(read.value()));
    std::lock_guard lock(m_mutex);
    ++m_adapterLoads;
    m_adapters.push_front({key, adapter});
    while (int(m_adapters.size()) > 4 * m_capacity) m_adapters.pop_back();
    return adapter;
}

int PlaygroundModelCache::modelLoads() const {
    std::lock_guard lock(m_mutex);
    return m_modelLoads;
}

int PlaygroundModelCache::adapterLoads() const {
    std::lock_guard lock(m_mutex);
    return m_adapterLoads;
}

}  // namespace tb::models
