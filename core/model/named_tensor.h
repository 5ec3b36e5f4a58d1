// A tensor to be written to a model file: name, row-major shape (outermost first, as in safetensors
// and PyTorch), float values and the storage type to encode them in. Shared by the safetensors and
// GGUF writers. Not a view of a file being read (see SafetensorsTensorInfo / GgufTensorInfo).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tb {

enum class StorageType { F32, F16, BF16, Q8_0 };  // Q8_0: GGUF only

inline const char* storageTypeName(StorageType t) {
    switch (t) {
    case StorageType::F32: return "F32";
    case StorageType::F16: return "F16";
    case StorageType::BF16: return "BF16";
    case StorageType::Q8_0: return "Q8_0";
    }
    return "?";
}

struct NamedTensor {
    std::string name;
    std::vector<int64_t> shape;  // e.g. {out, in} for a weight matrix
    std::vector<float> values;   // product(shape) values, row-major
    StorageType storage = StorageType::F32;
};

}  // namespace tb
