// Reader for the safetensors format (one file): 8-byte little-endian header length, a JSON header
// mapping tensor names to {dtype, shape, data_offsets} plus optional "__metadata__", then raw data.
// Every field is validated before use; F32/F16/BF16 tensors are read converted to float.
// Sharded folders (model.safetensors.index.json) are in safetensors_index.h. Not a writer.
#pragma once

#include "core/common/result.h"
#include "core/model/mapped_file.h"
#include "core/model/model_weights.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tb {

struct SafetensorsTensorInfo {
    std::string name;
    std::string dtype;           // "F32", "F16" or "BF16"
    std::vector<int64_t> shape;  // outermost first, e.g. (out, in)
    uint64_t begin = 0;          // byte offsets relative to the data area
    uint64_t end = 0;
    int64_t elementCount() const;
};

class SafetensorsFile {
public:
    // Largest JSON header accepted (as the reference implementation: 100 MB).
    static constexpr uint64_t kMaxHeaderBytes = 100'000'000;

    static Result<std::shared_ptr<SafetensorsFile>> open(const std::string& path);
    // Parses a file already mapped (or a MappedFile::fromBuffer image, as the fuzz target does).
    static Result<std::shared_ptr<SafetensorsFile>> fromMapped(std::shared_ptr<MappedFile> file);

    const std::string& path() const { return m_file->path(); }
    uint64_t fileSize() const { return m_file->size(); }
    const std::vector<SafetensorsTensorInfo>& tensors() const { return m_tensors; }  // in file order
    const SafetensorsTensorInfo* find(const std::string& name) const;
    const std::map<std::string, std::string>& metadata() const { return m_metadata; }

    // All values of a tensor converted to float, row-major.
    Result<std::vector<float>> readFloats(const std::string& name) const;
    // A 2-D tensor as a (shape[0], shape[1]) matrix; a 1-D tensor as a (1, n) matrix.
    Result<Matrix> readMatrix(const std::string& name) const;
    // A 1-D tensor as a vector.
    Result<Vector> readVector(const std::string& name) const;
    // Raw stored bytes of a tensor (inside the mapping).
    Result<std::span<const uint8_t>> rawBytes(const std::string& name) const;

private:
    std::shared_ptr<MappedFile> m_file;
    uint64_t m_dataStart = 0;
    std::vector<SafetensorsTensorInfo> m_tensors;
    std::map<std::string, size_t> m_index;
    std::map<std::string, std::string> m_metadata;
};

// Bytes per element of a safetensors dtype we can convert ("F32" 4, "F16" 2, "BF16" 2); 0 otherwise.
int safetensorsDtypeSize(const std::string& dtype);
// Converts `count` stored values of `dtype` at `src` to float.
void convertToFloat(const std::string& dtype, const uint8_t* src, size_t count, float* dst);

}  // namespace tb
