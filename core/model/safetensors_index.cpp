#include "core/model/safetensors_index.h"

#include "core/common/atomic_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace tb {

namespace fs = std::filesystem;

namespace {

Status addFile(std::vector<std::shared_ptr<SafetensorsFile>>& files, std::map<std::string, size_t>& owner,
               const std::string& path) {
    auto file = SafetensorsFile::open(path);
    if (!file) return file.error();
    const size_t index = files.size();
    for (const auto& t : file.value()->tensors()) {
        auto [it, inserted] = owner.emplace(t.name, index);
        if (!inserted)
            return inputError(path + ": tensor '" + t.name + "' also appears in " + files[it->second]->path());
    }
    files.push_back(std::move(file.value()));
    return Status::success();
}

}  // namespace

Result<SafetensorsSet> SafetensorsSet::open(const std::string& path) {
    SafetensorsSet set;
    set.m_path = path;
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
        TB_TRY(addFile(set.m_files, set.m_owner, path));
        return set;
    }
    const fs::path dir(path);
    const fs::path indexPath = dir / "model.safetensors.index.json";
    if (fs::exists(indexPath, ec)) {
        const std::string indexName = indexPath.string();
        auto text = readWholeFile(indexName, 64u << 20);
        if (!text) return text.error();
        nlohmann::json index = nlohmann::json::parse(text.value(), nullptr, false);
        if (index.is_discarded() || !index.is_object()) return inputError(indexName + ": not a valid JSON object");
        auto mapIt = index.find("weight_map");
        if (mapIt == index.end() || !mapIt->is_object()) return inputError(indexName + ": missing object 'weight_map'");
        std::map<std::string, std::string> weightMap;
        std::map<std::string, bool> shards;
        for (auto it = mapIt->begin(); it != mapIt->end(); ++it) {
            if (!it.value().is_string()) return inputError(indexName + ": weight_map['" + it.key() + "'] is not a string");
            const std::string shard = it.value().get<std::string>();
            if (shard.empty() || shard.find('/') != std::string::npos || shard.find('\\') != std::string::npos ||
                shard == "." || shard == "..")
                return inputError(indexName + ": weight_map['" + it.key() + "'] names '" + shard +
                                  "', which is not a file name in the same folder");
            weightMap[it.key()] = shard;
            shards[shard] = true;
        }
        if (shards.empty()) return inputError(indexName + ": weight_map is empty");
        for (const auto& [shard, _] : shards) TB_TRY(addFile(set.m_files, set.m_owner, (dir / shard).string()));
        for (const auto& [tensor, shard] : weightMap) {
            const SafetensorsFile* file = set.fileFor(tensor);
            if (!file || fs::path(file->path()).filename() != shard)
                return inputError(indexName + ": weight_map says tensor '" + tensor + "' is in " + shard + ", but it is not there");
        }
        return set;
    }
    const fs::path single = dir / "model.safetensors";
    if (fs::exists(single, ec)) {
        TB_TRY(addFile(set.m_files, set.m_owner, single.string()));
        return set;
    }
    return inputError(path + ": no model.safetensors or model.safetensors.index.json in this folder");
}

std::vector<std::string> SafetensorsSet::tensorNames() const {
    std::vector<std::string> names;
    for (const auto& [name, _] : m_owner) names.push_back(name);
    return names;
}

const SafetensorsFile* SafetensorsSet::fileFor(const std::string& name) const {
    auto it = m_owner.find(name);
    return it == m_owner.end() ? nullptr : m_files[it->second].get();
}

const SafetensorsTensorInfo* SafetensorsSet::find(const std::string& name) const {
    const SafetensorsFile* file = fileFor(name);
    return file ? file->find(name) : nullptr;
}

uint64_t SafetensorsSet::totalBytes() const {
    uint64_t total = 0;
    for (const auto& f : m_files) total += f->fileSize();
    return total;
}

Result<std::vector<float>> SafetensorsSet::readFloats(const std::string& name) const {
    const SafetensorsFile* file = fileFor(name);
    if (!file) return inputError(m_path + ": no tensor named '" + name + "'");
    return file->readFloats(name);
}

Result<Matrix> SafetensorsSet::readMatrix(const std::string& name) const {
    const SafetensorsFile* file = fileFor(name);
    if (!file) return inputError(m_path + ": no tensor named '" + name + "'");
    return file->readMatrix(name);
}

Result<Vector> SafetensorsSet::readVector(const std::string& name) const {
    const SafetensorsFile* file = fileFor(name);
    if (!file) return inputError(m_path + ": no tensor named '" + name + "'");
    return file->readVector(name);
}

}  // namespace tb
