// Provenance sidecars that carry a dataset's history from import through cleaning and splitting into the
// version manifest: source files with their SHA-256, the import mapping, cleaning and split settings.
// `clean` writes OUT.provenance.json, `split` writes DIR/provenance.json. Not the manifest (dataset_version.h).
#pragma once

#include "core/common/result.h"
#include "core/data/dataset_import.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tb {

// {"sources": [{"file", "sha256", "bytes"}], "import": {...}} for a file just imported. When the file has a
// provenance sidecar of its own (it was produced by clean), that history is carried forward instead.
// The SHA-256 is of the records' bytes: a file encrypted at rest (an encrypted workspace's cleaned file)
// is hashed after decryption with key, so the history is the same whether or not the workspace encrypts.
Result<nlohmann::json> sourceProvenance(const std::string& path, const ImportSummary& summary,
                                        const WorkspaceKey* key = nullptr);
Result<nlohmann::json> readProvenance(const std::string& sidecarPath);  // null json when absent
Status writeProvenance(const std::string& sidecarPath, const nlohmann::json& provenance);

}  // namespace tb
