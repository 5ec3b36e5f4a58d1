// Streaming JSON Lines reader (simdjson): one JSON object per line, each handed to a callback as a RowView.
// Lines that are not UTF-8, contain NUL bytes, exceed the size limit, nest too deeply, fail to parse or are
// not objects are rejected with file, line and reason. Not a mapper: see record_mapping.h.
#pragma once

#include "core/common/result.h"
#include "core/data/reader_types.h"
#include "core/workspace/workspace_crypto.h"

#include <string>

namespace tb {

// Reads the whole file (or until onRow returns false / progress cancels). Fails only when the file cannot
// be opened or read, or on cancellation; bad lines go to onReject. key decrypts a dataset-version file
// encrypted at rest (line_reader.h); without it such a file is refused with a message saying so.
Result<ReaderStats> readJsonl(const std::string& path, const ReaderLimits& limits, const RowCallback& onRow,
                              const RejectCallback& onReject, const ProgressCallback& progress = {},
                              const WorkspaceKey* key = nullptr);

}  // namespace tb
