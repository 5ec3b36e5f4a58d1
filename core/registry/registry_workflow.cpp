// Registry: model versions and the approval/stage workflow. Every rule is checked inside the same
// transaction that changes the state, so two reviewers acting at once cannot both succeed wrongly.
#include "core/registry/name_validation.h"
#include "core/registry/registry.h"

namespace tb {

namespace {
const char* kVersionSelect =
    "SELECT v.id, v.group_name, v.version, v.run_id, r.started_by, v.base_model, v.base_model_sha256, "
    "v.adapter_path, v.adapter_sha256, v.dataset_version_id, v.eval_report_json, v.gate_json, v.gate_passed, "
    "v.approval, v.approval_override, v.stage, v.created_by, v.created_at "
    "FROM model_versions v JOIN runs r ON r.id = v.run_id ";

ModelVersionRecord versionFromRow(const SqlRow& r) {
    ModelVersionRecord v;
    v.id = r.integer(0);
    v.group = r.text(1);
    v.version = r.integer(2);
    v.runId = r.text(3);
    v.runStartedBy = r.text(4);
    v.baseModel = r.text(5);
    v.baseModelSha256 = r.text(6);
    v.adapterPath = r.text(7);
    v.adapterSha256 = r.text(8);
    v.datasetVersionId = r.text(9);
    v.evalReport = nlohmann::json::parse(r.text(10), nullptr, false);
    v.gate = nlohmann::json::parse(r.text(11), nullptr, false);
    if (!r.isNull(12)) v.gatePassed = r.integer(12) != 0;
    v.approval = r.text(13);
    v.approvalOverride = r.text(14);
    v.stage = r.text(15);
    v.createdBy = r.text(16);
    v.createdAt = r.text(17);
    return v;
}

std::string versionEntity(const ModelVersionRecord& v) {
    return "model:" + v.group + "/v" + std::to_string(v.version);
}
}  // namespace

Result<ModelVersionRecord> Registry::version(int64_t versionId) {
    auto row = m_db->queryOne(std::string(kVersionSelect) + "WHERE v.id = ?", {versionId});
    if (!row) return row.error();
    if (!row->has_value()) return inputError("model version " + std::to_string(versionId) + " does not exist");
    return versionFromRow(**row);
}

Result<std::vector<ModelVersionRecord>> Registry::versions(const std::string& group) {
    auto rows = group.empty()
                    ? m_db->query(std::string(kVersionSelect) + "ORDER BY v.group_name, v.version")
                    : m_db->query(std::string(kVersionSelect) + "WHERE v.group_name = ? ORDER BY v.version", {group});
    if (!rows) return rows.error();
    std::vector<ModelVersionRecord> out;
    for (auto& r : *rows) out.push_back(versionFromRow(r));
    return out;
}

Result<std::vector<std::string>> Registry::groups() {
    auto rows = m_db->query("SELECT name FROM model_groups ORDER BY name");
    if (!rows) return rows.error();
    std::vector<std::string> out;
    for (auto& r : *rows) out.push_back(r.text(0));
    return out;
}

Result<std::optional<ModelVersionRecord>> Registry::production(const std::string& group) {
    auto row = m_db->queryOne(std::string(kVersionSelect) + "WHERE v.group_name = ? AND v.stage = 'Production'",
                              {group});
    if (!row) return row.error();
    if (!row->has_value()) return std::optional<ModelVersionRecord>();
    return std::optional<ModelVersionRecord>(versionFromRow(**row));
}

Result<std::vector<CommentRecord>> Registry::comments(int64_t versionId) {
    auto rows = m_db->query("SELECT id, author, kind, body, created_at FROM comments WHERE model_version_id = ? "
                            "ORDER BY id",
                            {versionId});
    if (!rows) return rows.error();
    std::vector<CommentRecord> out;
    for (auto& r : *rows) out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4)});
    return out;
}

Result<std::vector<ModelVersionRecord>> Registry::versionsOfRun(const std::string& runId) {
    auto rows = m_db->query(std::string(kVersionSelect) + "WHERE v.run_id = ? ORDER BY v.id", {runId});
    if (!rows) return rows.error();
    std::vector<ModelVersionRecord> out;
    for (auto& r : *rows) out.push_back(versionFromRow(r));
    return out;
}

Result<ModelVersionRecord> Registry::registerModel(const std::string& actor, const RegisterRequest& req) {
    TB_TRY(validateName("model group", req.group));
    TB_TRY(validateName("user", actor));
    TB_TRY(validateFreeText("notes", req.notes));
    TB_TRY(validateFreeText("group description", req.groupDescription, 2048));
    TB_TRY(validateFreeText("adapter path", req.adapterPath, 4096));
    if (!req.adapterSha256.empty() &&
        (req.adapterSha256.size() != 64 || req.adapterSha256.find_first_not_of("0123456789abcdef") != std::string::npos))
        return inputError("adapter sha256: must be 64 lowercase hex digits");
    int64_t newId = 0;
    Status s = inTransaction([&]() -> Status {
        auto runRow = m_db->queryOne("SELECT status, base_model, base_model_sha256, dataset_version_id FROM runs "
                                     "WHERE id = ?",
                                     {req.runId});
        if (!runRow) return runRow.error();
        if (!runRow->has_value()) return inputError("run '" + req.runId + "' is not in the registry");
        if ((*runRow)->text(0) != "finished")
            return inputError("run '" + req.runId + "' is " + (*runRow)->text(0) +
                              "; only a finished run can be registered");
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        TB_TRY(m_db->run("INSERT OR IGNORE INTO model_groups (name, description, created_by, created_at) "
                         "VALUES (?, ?, ?, ?)",
                         {req.group, req.groupDescription, actor, now}));
        auto next = m_db->queryOne("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE group_name = ?",
                                   {req.group});
        if (!next) return next.error();
        int64_t number = (*next)->integer(0);
        SqlValue gate = req.gatePassed ? SqlValue(int64_t(*req.gatePassed ? 1 : 0)) : SqlValue(nullptr);
        TB_TRY(m_db->run("INSERT INTO model_versions (group_name, version, run_id, base_model, base_model_sha256, "
                         "adapter_path, adapter_sha256, dataset_version_id, eval_report_json, gate_json, gate_passed, "
                         "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         {req.group, number, req.runId, (*runRow)->text(1), (*runRow)->text(2), req.adapterPath,
                          req.adapterSha256, (*runRow)->isNull(3) ? SqlValue(nullptr) : SqlValue((*runRow)->text(3)),
                          req.evalReport.dump(), req.gate.dump(), gate, actor, now}));
        newId = m_db->lastInsertId();
        if (req.notes.find_first_not_of(" \t\n") != std::string::npos)
            TB_TRY(m_db->run("INSERT INTO comments (model_version_id, author, kind, body, created_at) "
                             "VALUES (?, ?, 'registration', ?, ?)",
                             {newId, actor, req.notes, now}));
        nlohmann::json details = {{"run", req.runId}, {"adapter_sha256", req.adapterSha256}};
        if (!req.notes.empty()) details["notes"] = req.notes;
        auto e = m_audit->append(actor, "model.register", "model:" + req.group + "/v" + std::to_string(number),
                                 details, now);
        if (!e) return e.error();
        return Status::success();
    });
    if (!s) return s.error();
    return version(newId);
}

Result<std::string> Registry::approvalBlocker(const std::string& actor, int64_t versionId) {
    auto v = version(versionId);
    if (!v) return v.error();
    auto known = findUser(actor);
    if (!known) return known.error();
    const UserRole role = known->has_value() ? (*known)->role : UserRole::Analyst;
    if (role == UserRole::Analyst)
        return std::string(actor + " is an analyst; only reviewers and admins approve models");
    if (v->runStartedBy == actor)
        return std::string("four-eyes rule: " + actor + " started the run of this model and cannot approve it");
    if (v->approval != "PendingManualApproval")
        return std::string("this version is already " + v->approval);
    return std::string();
}

Status Registry::approve(const std::string& actor, int64_t versionId, const std::string& comment,
                         const std::string& overrideReason) {
    if (comment.find_first_not_of(" \t\n") == std::string::npos)
        return inputError("comment: an approval needs a comment");
    TB_TRY(validateFreeText("comment", comment));
    TB_TRY(validateFreeText("override reason", overrideReason));
    return inTransaction([&]() -> Status {
        auto blocker = approvalBlocker(actor, versionId);
        if (!blocker) return blocker.error();
        if (!blocker->empty()) return inputError(*blocker);
        auto v = version(versionId);
        if (!v) return v.error();
        bool gateFailed = v->gatePassed.has_value() && !*v->gatePassed;
        if (gateFailed && overrideReason.find_first_not_of(" \t\n") == std::string::npos)
            return inputError("this version failed its quality gate; approving it needs an override reason");
        std::string now = utcNowIso8601();
        TB_TRY(m_db->run("UPDATE model_versions SET approval = 'Approved', approval_override = ? WHERE id = ? "
                         "AND approval = 'PendingManualApproval'",
                         {overrideReason, versionId}));
        if (m_db->changes() != 1) return inputError("the version changed while approving; reload and retry");
        TB_TRY(m_db->run("INSERT INTO comments (model_version_id, author, kind, body, created_at) "
                         "VALUES (?, ?, 'approval', ?, ?)",
                         {versionId, actor, comment, now}));
        nlohmann::json details = {{"comment", comment}};
        if (gateFailed) details["gate_override"] = overrideReason;
        auto e = m_audit->append(actor, "model.approve", versionEntity(*v), details, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Status Registry::reject(const std::string& actor, int64_t versionId, const std::string& comment) {
    if (comment.find_first_not_of(" \t\n") == std::string::npos)
        return inputError("comment: a rejection needs a comment");
    TB_TRY(validateFreeText("comment", comment));
    return inTransaction([&]() -> Status {
        auto blocker = approvalBlocker(actor, versionId);
        if (!blocker) return blocker.error();
        if (!blocker->empty()) return inputError(*blocker);
        auto v = version(versionId);
        if (!v) return v.error();
        std::string now = utcNowIso8601();
        TB_TRY(m_db->run("UPDATE model_versions SET approval = 'Rejected' WHERE id = ?", {versionId}));
        TB_TRY(m_db->run("INSERT INTO comments (model_version_id, author, kind, body, created_at) "
                         "VALUES (?, ?, 'rejection', ?, ?)",
                         {versionId, actor, comment, now}));
        auto e = m_audit->append(actor, "model.reject", versionEntity(*v), {{"comment", comment}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Status Registry::setStage(const std::string& actor, const ModelVersionRecord& v, const std::string& stage,
                          const std::string& now) {
    TB_TRY(m_db->run("UPDATE model_versions SET stage = ? WHERE id = ?", {stage, v.id}));
    TB_TRY(m_db->run("INSERT INTO stage_events (model_version_id, from_stage, to_stage, actor, at) "
                     "VALUES (?, ?, ?, ?, ?)",
                     {v.id, v.stage, stage, actor, now}));
    auto e = m_audit->append(actor, "model.stage", versionEntity(v), {{"from", v.stage}, {"to", stage}}, now);
    if (!e) return e.error();
    return Status::success();
}

Status Registry::promote(const std::string& actor, int64_t versionId, const std::string& stage) {
    if (stage != "None" && stage != "Staging" && stage != "Production" && stage != "Archived")
        return inputError("stage: '" + stage + "' is not one of None, Staging, Production, Archived");
    auto who = requireRole(actor, {UserRole::Reviewer, UserRole::Admin}, "change a model's stage");
    if (!who) return who.error();
    return inTransaction([&]() -> Status {
        auto v = version(versionId);
        if (!v) return v.error();
        if (v->stage == stage) return inputError(versionEntity(*v) + " is already in " + stage);
        if ((stage == "Production" || stage == "Staging") && v->approval != "Approved")
            return inputError(versionEntity(*v) + " is " + v->approval + "; only Approved versions can move to " +
                              stage);
        std::string now = utcNowIso8601();
        if (stage == "Production") {
            auto current = production(v->group);
            if (!current) return current.error();
            if (current->has_value()) TB_TRY(setStage(actor, **current, "Archived", now));
        }
        return setStage(actor, *v, stage, now);
    });
}

Result<ModelVersionRecord> Registry::rollback(const std::string& actor, const std::string& group) {
    auto who = requireRole(actor, {UserRole::Reviewer, UserRole::Admin}, "roll back a model");
    if (!who) return who.error();
    int64_t restoredId = 0;
    Status s = inTransaction([&]() -> Status {
        auto current = production(group);
        if (!current) return current.error();
        if (!current->has_value()) return inputError("group '" + group + "' has no Production version to roll back");
        // The most recent other version that was in Production and is still Approved.
        auto prev = m_db->queryOne(
            "SELECT e.model_version_id FROM stage_events e JOIN model_versions v ON v.id = e.model_version_id "
            "WHERE v.group_name = ? AND e.to_stage = 'Production' AND e.model_version_id != ? "
            "AND v.approval = 'Approved' ORDER BY e.id DESC LIMIT 1",
            {group, (*current)->id});
        if (!prev) return prev.error();
        if (!prev->has_value())
            return inputError("group '" + group + "' has no earlier Production version to roll back to");
        auto target = version((*prev)->integer(0));
        if (!target) return target.error();
        std::string now = utcNowIso8601();
        TB_TRY(setStage(actor, **current, "Archived", now));
        TB_TRY(setStage(actor, *target, "Production", now));
        restoredId = target->id;
        return Status::success();
    });
    if (!s) return s.error();
    return version(restoredId);
}

Status Registry::addComment(const std::string& actor, int64_t versionId, const std::string& body) {
    if (body.find_first_not_of(" \t\n") == std::string::npos) return inputError("comment: empty");
    TB_TRY(validateFreeText("comment", body));
    TB_TRY(validateName("user", actor));
    return inTransaction([&]() -> Status {
        auto v = version(versionId);
        if (!v) return v.error();
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        TB_TRY(m_db->run("INSERT INTO comments (model_version_id, author, kind, body, created_at) "
                         "VALUES (?, ?, 'comment', ?, ?)",
                         {versionId, actor, body, now}));
        auto e = m_audit->append(actor, "model.comment", versionEntity(*v), {{"comment", body}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Status Registry::recordExport(const std::string& actor, int64_t versionId, const std::string& format,
                              const std::string& path, const std::string& sha256, const nlohmann::json& parity) {
    TB_TRY(validateFreeText("export path", path, 4096));
    TB_TRY(validateName("user", actor));
    return inTransaction([&]() -> Status {
        auto v = version(versionId);
        if (!v) return v.error();
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        TB_TRY(m_db->run("INSERT INTO exports (model_version_id, format, path, sha256, parity_json, created_by, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         {versionId, format, path, sha256, parity.dump(), actor, now}));
        auto e = m_audit->append(actor, "model.export", versionEntity(*v),
                                 {{"format", format}, {"sha256", sha256}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

}  // namespace tb
