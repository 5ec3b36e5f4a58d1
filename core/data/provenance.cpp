#include "core/data/provenance.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"
#include "core/data/record_text.h"
#include "core/data/version_file_io.h"
#include "core/workspace/workspace_file_io.h"

#include <filesystem>

namespace tb {

Result<nlohmann::json> readProvenance(const std::string& sidecarPath) {
    std::error_code ec;
    if (!std::filesystem::exists(sidecarPath, ec)) return nlohmann::json();
    auto text = readWholeFile(sidecarPath, size_t(16) << 20);
    if (!text.ok()) return text.error();
    auto j = nlohmann::json::parse(*text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return inputError(sidecarPath + ": not a valid provenance file (JSON object expected)");
    return j;
}

Status writeProvenance(const std::string& sidecarPath, const nlohmann::json& provenance) {
    return writeFileAtomically(sidecarPath, provenance.dump(2) + "\n");
}

Result<nlohmann::json> sourceProvenance(const std::string& path, const ImportSummary& summary,
                                        const WorkspaceKey* key) {
    auto previous = readProvenance(path + ".provenance.json");
    if (!previous.ok()) return previous.error();
    auto hash = [&]() -> Result<std::string> {
        if (!fileLooksEncrypted(path)) return sha256File(path);
        auto plain = readVersionFile(path, key);
        if (!plain.ok()) return plain.error();
        return sha256Hex(*plain);
    }();
    if (!hash.ok()) return hash.error();
    std::error_code ec;
    auto abs = std::filesystem::absolute(path, ec).lexically_normal().string();
    nlohmann::json file = {{"file", abs}, {"sha256", *hash}, {"bytes", summary.reader.bytes}};
    nlohmann::json import = {{"kind", fileKindName(summary.detection.kind)},
                             {"format", recordFormatName(summary.detection.plan.format)},
                             {"mapping", summary.detection.plan.describe()},
                             {"template", summary.detection.plan.promptTemplate},
                             {"records", summary.records}, {"rejected", summary.rejected}};
    if (previous->is_object()) {
        nlohmann::json p = *previous;
        p["derived_file"] = file;
        return p;
    }
    return nlohmann::json{{"sources", nlohmann::json::array({file})}, {"import", import}};
}

}  // namespace tb
