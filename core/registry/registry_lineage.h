// Lineage of one model version as the registry recorded it: the dataset version it was trained on, the
// run that produced it, the version itself, its exports and its stage history. A read-only query over
// the registry database for the GUI's lineage graph and `show`; it changes nothing and adds no rules.
#pragma once

#include "core/registry/registry.h"

#include <optional>
#include <string>
#include <vector>

namespace tb {

struct LineageDataset {
    std::string id;  // content SHA-256
    std::string name;
    std::string createdBy;
    std::string createdAt;
};

struct LineageExport {
    int64_t id = 0;
    std::string format;
    std::string path;
    std::string sha256;
    nlohmann::json parity;
    std::string createdBy;
    std::string createdAt;
};

struct LineageStageEvent {
    std::string fromStage;
    std::string toStage;
    std::string actor;
    std::string at;
};

struct ModelLineage {
    std::optional<LineageDataset> dataset;  // absent when the run named no dataset version
    std::optional<RunRecord> run;
    ModelVersionRecord version;
    std::vector<LineageExport> exports;       // oldest first
    std::vector<LineageStageEvent> stages;    // oldest first
};

Result<ModelLineage> modelLineage(Registry& registry, int64_t versionId);

}  // namespace tb
