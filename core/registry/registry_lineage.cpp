#include "core/registry/registry_lineage.h"

namespace tb {

Result<ModelLineage> modelLineage(Registry& registry, int64_t versionId) {
    ModelLineage lineage;
    auto version = registry.version(versionId);
    if (!version) return version.error();
    lineage.version = *version;

    if (!version->runId.empty()) {
        auto run = registry.run(version->runId);
        if (!run) return run.error();
        lineage.run = *run;
    }
    // The version's own dataset reference wins; the run's is the fallback for versions registered
    // before the run recorded one.
    std::string datasetId = version->datasetVersionId;
    if (datasetId.empty() && lineage.run) datasetId = lineage.run->datasetVersionId;
    SqliteDb& db = registry.db();
    if (!datasetId.empty()) {
        auto row = db.queryOne("SELECT id, name, created_by, created_at FROM dataset_versions WHERE id = ?",
                               {datasetId});
        if (!row) return row.error();
        if (row->has_value())
            lineage.dataset = LineageDataset{(*row)->text(0), (*row)->text(1), (*row)->text(2), (*row)->text(3)};
        else
            lineage.dataset = LineageDataset{datasetId, "", "", ""};  // referenced but not recorded
    }

    auto exports = db.query("SELECT id, format, path, sha256, parity_json, created_by, created_at FROM exports "
                            "WHERE model_version_id = ? ORDER BY id",
                            {versionId});
    if (!exports) return exports.error();
    for (const SqlRow& r : *exports) {
        LineageExport e;
        e.id = r.integer(0);
        e.format = r.text(1);
        e.path = r.text(2);
        e.sha256 = r.text(3);
        e.parity = nlohmann::json::parse(r.text(4), nullptr, false);
        if (e.parity.is_discarded()) e.parity = nlohmann::json::object();
        e.createdBy = r.text(5);
        e.createdAt = r.text(6);
        lineage.exports.push_back(std::move(e));
    }

    auto stages = db.query("SELECT from_stage, to_stage, actor, at FROM stage_events WHERE model_version_id = ? "
                           "ORDER BY id",
                           {versionId});
    if (!stages) return stages.error();
    for (const SqlRow& r : *stages) lineage.stages.push_back({r.text(0), r.text(1), r.text(2), r.text(3)});
    return lineage;
}

}  // namespace tb
