// Writes tensors to a .safetensors file (F32, F16 or BF16 per tensor) with optional string metadata,
// atomically (temporary file + rename), in the layout every safetensors reader accepts: sorted JSON
// header padded with spaces to 8 bytes, tensors packed in header order. Not a reader.
#pragma once

#include "core/common/result.h"
#include "core/model/named_tensor.h"

#include <map>
#include <string>
#include <vector>

namespace tb {

// Checks names (non-empty, unique, not "__metadata__"), shapes vs value counts and storage types.
Status writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                        const std::map<std::string, std::string>& metadata = {});
// The same bytes, in memory.
Result<std::string> encodeSafetensors(const std::vector<NamedTensor>& tensors,
                                      const std::map<std::string, std::string>& metadata = {});

}  // namespace tb
