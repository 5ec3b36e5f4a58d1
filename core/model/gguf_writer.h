// Writes GGUF v3 files: metadata key/values (any GgufValue, nested arrays too) and tensors stored as
// F32, F16, BF16 or Q8_0 (ggml's reference quantiser), aligned to general.alignment (default 32), atomically.
// Not a reader (gguf_reader.h) and not a model exporter: callers choose names and metadata.
#pragma once

#include "core/common/result.h"
#include "core/model/gguf_reader.h"
#include "core/model/named_tensor.h"

#include <string>
#include <utility>
#include <vector>

namespace tb {

using GgufMetadata = std::vector<std::pair<std::string, GgufValue>>;  // written in this order

// Value builders.
GgufValue ggufString(std::string s);
GgufValue ggufUint32(uint32_t v);
GgufValue ggufInt32(int32_t v);
GgufValue ggufUint64(uint64_t v);
GgufValue ggufFloat32(float v);
GgufValue ggufBool(bool v);
GgufValue ggufStringArray(std::vector<std::string> v);
GgufValue ggufFloat32Array(const std::vector<float>& v);
GgufValue ggufInt32Array(const std::vector<int64_t>& v);

// NamedTensor shapes are row-major (outermost first); GGUF stores them reversed (ne0 = last dim).
// Q8_0 needs the last dimension to be a multiple of 32.
Result<std::string> encodeGguf(const GgufMetadata& metadata, const std::vector<NamedTensor>& tensors);
Status writeGguf(const std::string& path, const GgufMetadata& metadata, const std::vector<NamedTensor>& tensors);

}  // namespace tb
