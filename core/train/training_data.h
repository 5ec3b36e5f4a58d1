// A small reader of training JSONL for the trainer's command line until core/data's importer is wired in:
// each line is {"prompt","completion"}, {"messages":[{"role","content"}...]} or {"text"}. Errors name
// the file and line. Not the data pipeline (core/data: mapping, cleaning, splits).
#pragma once

#include "core/common/result.h"
#include "core/data/record.h"
#include "core/workspace/workspace_crypto.h"

#include <string>
#include <vector>

namespace tb::train {

// A dataset-version file encrypted at rest is decrypted in memory with key (core/data/version_file_io.h);
// without a key it is refused with "dataset version ... is encrypted: unlock the workspace ...".
Result<std::vector<Record>> readTrainingJsonl(const std::string& path, const WorkspaceKey* key = nullptr);
// The same from text (source names it in messages).
Result<std::vector<Record>> parseTrainingJsonl(const std::string& text, const std::string& source);

}  // namespace tb::train
