#include "core/serve/model_catalog.h"

#include <mutex>

namespace tb::serve {

void ModelCatalog::add(ServedModel model) {
    std::unique_lock lock(m_mutex);
    for (auto& m : m_models)
        if (m.name == model.name) {
            m = std::move(model);
            return;
        }
    m_models.push_back(std::move(model));
}

bool ModelCatalog::remove(const std::string& name) {
    std::unique_lock lock(m_mutex);
    for (auto it = m_models.begin(); it != m_models.end(); ++it)
        if (it->name == name) {
            m_models.erase(it);
            return true;
        }
    return false;
}

std::optional<ServedModel> ModelCatalog::find(const std::string& name) const {
    std::shared_lock lock(m_mutex);
    for (auto& m : m_models)
        if (m.name == name) return m;
    return std::nullopt;
}

std::vector<ServedModel> ModelCatalog::list() const {
    std::shared_lock lock(m_mutex);
    return m_models;
}

}  // namespace tb::serve
