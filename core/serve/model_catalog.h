// The names the endpoint serves: the base model under its own name and each adapter under its own,
// all over one loaded base. Adding or removing an adapter is a map update: no restart, no base reload.
// Thread-safe (readers are request threads, writers the GUI/CLI).
#pragma once

#include "core/model/lora_adapter.h"

#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

namespace tb::serve {

struct ServedModel {
    std::string name;
    std::shared_ptr<const LoraAdapter> adapter;  // null: the base model
    int64_t created = 0;                          // unix time it was added
};

class ModelCatalog {
public:
    void add(ServedModel model);
    bool remove(const std::string& name);
    std::optional<ServedModel> find(const std::string& name) const;
    std::vector<ServedModel> list() const;

private:
    mutable std::shared_mutex m_mutex;
    std::vector<ServedModel> m_models;
};

}  // namespace tb::serve
