// Reader for GGUF v2/v3 files (llama.cpp's format): header, metadata key/values of all 13 value types
// (nested arrays too), tensor infos, alignment and data offset, each count, length and offset checked
// against the file size with overflow-safe arithmetic. Tensors are read dequantised to float.
// Not a model loader (see gguf_model_loader.cpp) and not a writer (gguf_writer.h).
#pragma once

#include "core/common/result.h"
#include "core/model/ggml_dequant.h"
#include "core/model/mapped_file.h"
#include "core/model/model_weights.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace tb {

enum class GgufValueType : uint32_t {
    Uint8 = 0, Int8 = 1, Uint16 = 2, Int16 = 3, Uint32 = 4, Int32 = 5, Float32 = 6, Bool = 7,
    String = 8, Array = 9, Uint64 = 10, Int64 = 11, Float64 = 12,
};
const char* ggufValueTypeName(GgufValueType type);

// One metadata value. Scalars fill one field; arrays keep their element type and fill one vector.
struct GgufValue {
    GgufValueType type = GgufValueType::Uint8;
    // Scalars: integers (and bools) in `i`, or in `u` too for unsigned types; floats in `f`; strings in `s`.
    int64_t i = 0;
    uint64_t u = 0;
    double f = 0.0;
    std::string s;
    // Arrays.
    GgufValueType elementType = GgufValueType::Uint8;
    uint64_t count = 0;
    std::vector<int64_t> ints;          // integer and bool elements
    bool hasUint64AboveInt64 = false;   // some uint64 element did not fit in int64
    std::vector<double> floats;         // float elements
    std::vector<std::string> strings;   // string elements
    std::vector<GgufValue> arrays;      // nested array elements

    bool isInteger() const;
};

struct GgufTensorInfo {
    std::string name;
    std::vector<int64_t> ne;  // ggml dims, ne[0] (the row length, contiguous) first
    uint32_t type = 0;        // ggml type (GgmlType)
    uint64_t offset = 0;      // relative to the data section
    uint64_t byteSize = 0;
    int64_t elementCount() const;
    std::string typeName() const { return ggmlTypeName(type); }
};

class GgufFile {
public:
    // Limits on untrusted counts and lengths (beyond "must fit in the rest of the file").
    static constexpr uint64_t kMaxStringBytes = 64ull << 20;
    static constexpr uint64_t kMaxArrayCount = 64ull << 20;
    static constexpr uint64_t kMaxTensorCount = 1ull << 20;
    static constexpr uint64_t kMaxKvCount = 1ull << 20;
    static constexpr uint64_t kMaxNestedArrays = 1u << 16;
    static constexpr int kMaxArrayDepth = 4;
    static constexpr uint32_t kMaxDims = 4;

    static Result<std::shared_ptr<GgufFile>> open(const std::string& path);
    static Result<std::shared_ptr<GgufFile>> fromMapped(std::shared_ptr<MappedFile> file);

    const std::string& path() const { return m_file->path(); }
    uint64_t fileSize() const { return m_file->size(); }
    uint32_t version() const { return m_version; }
    uint32_t alignment() const { return m_alignment; }
    uint64_t dataOffset() const { return m_dataOffset; }

    // Metadata. Getters fail with a message naming the file and key when missing or of another type.
    bool has(const std::string& key) const { return m_kv.count(key) != 0; }
    const GgufValue* find(const std::string& key) const;
    std::vector<std::string> keys() const { return m_keyOrder; }  // in file order
    Result<std::string> getString(const std::string& key) const;
    Result<int64_t> getInt(const std::string& key) const;     // any integer type
    Result<double> getFloat(const std::string& key) const;    // f32/f64 (and integers)
    Result<bool> getBool(const std::string& key) const;
    Result<std::vector<std::string>> getStringArray(const std::string& key) const;
    Result<std::vector<float>> getFloatArray(const std::string& key) const;   // float or integer elements
    Result<std::vector<int64_t>> getIntArray(const std::string& key) const;   // integer or bool elements

    // Tensors.
    const std::vector<GgufTensorInfo>& tensors() const { return m_tensors; }  // in file order
    const GgufTensorInfo* findTensor(const std::string& name) const;
    Result<std::span<const uint8_t>> tensorBytes(const std::string& name) const;
    // All values dequantised to float, ne[0] fastest.
    Result<std::vector<float>> readTensor(const std::string& name) const;
    // A tensor with ne = (cols, rows) as a row-major (rows, cols) matrix (HF (out, in) orientation);
    // a 1-D tensor as (1, n).
    Result<Matrix> readMatrix(const std::string& name) const;
    Result<Vector> readVector(const std::string& name) const;

private:
    class Parser;
    Error keyError(const std::string& key, const std::string& why) const;

    std::shared_ptr<MappedFile> m_file;
    uint32_t m_version = 0;
    uint32_t m_alignment = 32;
    uint64_t m_dataOffset = 0;
    std::map<std::string, GgufValue> m_kv;
    std::vector<std::string> m_keyOrder;
    std::vector<GgufTensorInfo> m_tensors;
    std::map<std::string, size_t> m_tensorIndex;
};

}  // namespace tb
