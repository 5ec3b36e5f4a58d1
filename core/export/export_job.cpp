#include "core/export/export_job.h"

#include "core/export/gguf_lora_export.h"
#include "core/export/gguf_model_export.h"
#include "core/export/gguf_tokenizer_metadata.h"
#include "core/export/hf_model_export.h"
#include "core/export/merge_adapter.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/train/peft_adapter.h"

#include <filesystem>
#include <sstream>

namespace tb::exporter {

namespace {

Result<StorageType> parseType(const std::string& t) {
    if (t == "f32" || t == "F32") return StorageType::F32;
    if (t == "f16" || t == "F16") return StorageType::F16;
    if (t == "bf16" || t == "BF16") return StorageType::BF16;
    if (t == "q8_0" || t == "Q8_0") return StorageType::Q8_0;
    return inputError("--type '" + t + "' is not one of f32, f16, bf16, q8_0");
}

}  // namespace

std::string parityReportPath(const std::string& outPath, bool isFolder) {
    return isFolder ? (std::filesystem::path(outPath) / "export_parity.json").string() : outPath + ".export_parity.json";
}

Status validateExportRequest(const ExportRequest& r) {
    if (r.modelPath.empty()) return inputError("--model is required");
    if (r.outPath.empty()) return inputError("--out is required");
    if (r.format != "peft" && r.format != "merged" && r.format != "gguf" && r.format != "gguf-lora")
        return inputError("--format '" + r.format + "' is not one of peft, merged, gguf, gguf-lora");
    auto type = parseType(r.type);
    if (!type) return type.error();
    if ((r.format == "peft" || r.format == "gguf-lora") && r.adapterDir.empty())
        return inputError("--format " + r.format + " exports an adapter: --adapter DIR is required");
    if (r.format == "merged" && type.value() == StorageType::Q8_0)
        return inputError("--format merged stores f32, f16 or bf16 (Q8_0 is GGUF only)");
    if (r.format == "peft" && type.value() != StorageType::F32)
        return inputError("--format peft writes F32 adapters; drop --type or use f32");
    return Status::success();
}

Result<ExportResult> runExport(const ExportRequest& r, const ProgressCallback& progress) {
    TB_TRY(validateExportRequest(r));
    const StorageType type = parseType(r.type).value();
    auto loaded = loadModel(r.modelPath, progress);
    if (!loaded) return loaded.error();
    const LoadedModel& source = loaded.value();
    auto tokenizer = loadTokenizer(r.modelPath);
    if (!tokenizer) return tokenizer.error();

    std::optional<LoraAdapter> adapter;
    if (!r.adapterDir.empty()) {
        auto read = train::readPeftAdapter(r.adapterDir, &source.weights.config, r.key);
        if (!read) return read.error();
        adapter = std::move(read.value());
    }

    ExportResult result;
    result.outPath = r.outPath;
    ArtifactKind kind = ArtifactKind::GgufModel;
    bool isFolder = false;
    if (r.format == "peft") {
        train::PeftWriteOptions po;
        po.baseModelNameOrPath = r.modelPath;
        TB_TRY(train::writePeftAdapter(r.outPath, *adapter, po));
        kind = ArtifactKind::PeftFolder;
        isFolder = true;
    } else if (r.format == "gguf-lora") {
        TB_TRY(writeGgufLora(r.outPath, *adapter, source.weights.config, type));
        kind = ArtifactKind::GgufLora;
    } else {
        ModelWeights merged;
        if (adapter) {
            auto m = mergeAdapter(source.weights, *adapter);
            if (!m) return m.error();
            merged = std::move(m.value());
        }
        const ModelWeights& weights = adapter ? merged : source.weights;
        if (r.format == "merged") {
            auto written = writeHfModelFolder(r.outPath, weights, source, type, progress);
            if (!written) return written.error();
            result.note = written->tokenizerNote;
            kind = ArtifactKind::HfFolder;
            isFolder = true;
        } else {
            auto tokMeta = ggufTokenizerMetadata(source);
            if (!tokMeta) return tokMeta.error();
            GgufExportOptions go;
            go.type = type;
            TB_TRY(writeGgufModel(r.outPath, weights, tokMeta.value(), go, progress));
        }
    }
    if (r.runParity) {
        ParityOptions po = r.parity;
        po.tolerance = defaultParityTolerance(storageTypeName(type));
        auto report = checkExportParity(source.weights, adapter ? &*adapter : nullptr, tokenizer.value(), kind, r.outPath,
                                        storageTypeName(type), po, progress);
        if (!report) return report.error();
        result.parity = std::move(report.value());
        result.parityPath = parityReportPath(r.outPath, isFolder);
        TB_TRY(writeParityReport(result.parityPath, result.parity));
    }
    return result;
}

nlohmann::json ExportResult::toJson() const {
    nlohmann::json j = {{"out", outPath}};
    if (!note.empty()) j["note"] = note;
    if (!parityPath.empty()) {
        j["parity_file"] = parityPath;
        j["parity"] = parity.toJson();
    }
    return j;
}

std::string ExportResult::toText() const {
    std::ostringstream s;
    s << "Exported: " << outPath << "\n";
    if (!note.empty()) s << "Note: " << note << "\n";
    if (!parityPath.empty()) {
        s << "Export parity (" << parity.kind << ", " << parity.storageType << "): " << (parity.passed ? "PASSED" : "FAILED")
          << "\n  max |logit diff| " << parity.maxAbsLogitDiff << " (tolerance " << parity.tolerance << ")"
          << "\n  greedy ids identical: " << (parity.greedyIdentical ? "yes" : "no")
          << "\n  tokenizer identical: " << (parity.tokenizerIdentical ? "yes" : "no") << "\n";
        for (const PromptParity& p : parity.prompts)
            s << "  \"" << p.prompt << "\": max diff " << p.maxAbsLogitDiff
              << (p.firstMismatch < 0 ? ", greedy identical" : ", first greedy mismatch at " + std::to_string(p.firstMismatch))
              << "\n";
        s << "  report: " << parityPath << "\n";
    }
    return s.str();
}

}  // namespace tb::exporter
