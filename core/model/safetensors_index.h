// A Hugging Face checkpoint's safetensors tensors seen as one set: a single .safetensors file, or a
// folder with model.safetensors, or a sharded folder described by model.safetensors.index.json.
// Not a model loader: it knows tensor names, not what they mean (see hf_model_loader.cpp).
#pragma once

#include "core/model/safetensors_reader.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tb {

class SafetensorsSet {
public:
    // `path` is a .safetensors file or a folder (see above). Errors name the index or shard file.
    static Result<SafetensorsSet> open(const std::string& path);

    const std::vector<std::shared_ptr<SafetensorsFile>>& files() const { return m_files; }
    std::vector<std::string> tensorNames() const;  // sorted
    const SafetensorsTensorInfo* find(const std::string& name) const;
    const SafetensorsFile* fileFor(const std::string& name) const;
    uint64_t totalBytes() const;  // sum of the files' sizes

    Result<std::vector<float>> readFloats(const std::string& name) const;
    Result<Matrix> readMatrix(const std::string& name) const;
    Result<Vector> readVector(const std::string& name) const;

private:
    std::string m_path;
    std::vector<std::shared_ptr<SafetensorsFile>> m_files;
    std::map<std::string, size_t> m_owner;  // tensor name -> index into m_files
};

}  // namespace tb
