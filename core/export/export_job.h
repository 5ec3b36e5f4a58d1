// One export as the command line and GUI run it: load the model (and adapter), write the chosen format
// (peft | merged | gguf | gguf-lora), run the export-parity check against the in-memory tuned model and
// write export_parity.json next to the export. Not the writers themselves (the other files here).
#pragma once

#include "core/common/progress.h"
#include "core/common/result.h"
#include "core/export/export_parity.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <string>

namespace tb::exporter {

struct ExportRequest {
    std::string modelPath;
    std::string adapterDir;  // PEFT folder; empty: the base model alone
    std::string format;      // peft | merged | gguf | gguf-lora
    std::string type = "f32";  // f32 | f16 | bf16 | q8_0
    std::string outPath;
    bool runParity = true;
    ParityOptions parity;
    // Decrypts an adapter encrypted at rest (not owned). The export itself is written plain: it is what
    // leaves the workspace for llama.cpp, Ollama or PEFT.
    const WorkspaceKey* key = nullptr;
};

struct ExportResult {
    std::string outPath;
    std::string parityPath;  // where export_parity.json went ("" without a parity run)
    ParityReport parity;
    std::string note;        // e.g. tokenizer files that could not be produced
    nlohmann::json toJson() const;
    std::string toText() const;
};

// Validates the request before any work (format, type allowed for the format, adapter required).
Status validateExportRequest(const ExportRequest& request);
Result<ExportResult> runExport(const ExportRequest& request, const ProgressCallback& progress = {});

// <folder>/export_parity.json for folder exports, <file>.export_parity.json beside a file export.
std::string parityReportPath(const std::string& outPath, bool isFolder);

}  // namespace tb::exporter
