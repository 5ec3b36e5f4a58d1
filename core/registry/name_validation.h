// Validation of names and paths that users type or files carry into the registry and the workspace:
// no control characters, no path separators or traversal in names, bounded length.
#pragma once

#include "core/common/result.h"

#include <string>

namespace tb {

// A name used as a folder or key (model group, dataset, user): 1-128 chars of letters, digits and
// "._- " (spaces allowed inside), not starting with '.' or '-'. field names the field in the error.
Status validateName(const std::string& field, const std::string& name);
// Free text such as comments: valid UTF-8, no control characters other than newline and tab, bounded.
Status validateFreeText(const std::string& field, const std::string& text, size_t maxBytes = 16384);
// A path that must stay inside root once resolved (no "..", no symlink escape).
Status validatePathInside(const std::string& field, const std::string& root, const std::string& path);

}  // namespace tb
