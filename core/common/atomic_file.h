// Writing files so that a crash or a full disk never leaves a half-written file in place:
// write to a temporary file in the same folder, fsync it, rename over the target, fsync the folder.
#pragma once

#include "core/common/result.h"

#include <string>
#include <string_view>

namespace tb {

Status writeFileAtomically(const std::string& path, std::string_view bytes);
Result<std::string> readWholeFile(const std::string& path, size_t maxBytes = size_t(1) << 31);

}  // namespace tb
