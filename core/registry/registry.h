// The model registry: dataset versions, runs, model groups and versions, approvals, stages, comments
// and exports in one SQLite database, with every state change written to the audit log in the same
// transaction. Enforces the workflow rules (four-eyes approval, one Production version per group).
// Not the GUI and not the artifact files themselves (see artifact_store.h).
#pragma once

#include "core/registry/audit_log.h"
#include "core/registry/sqlite_db.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tb {

enum class UserRole { Analyst, Reviewer, Admin };
std::string userRoleName(UserRole role);
Result<UserRole> parseUserRole(const std::string& name);

struct UserProfile {
    std::string name;
    UserRole role = UserRole::Analyst;
};

struct RunRecord {
    std::string id;
    std::string datasetVersionId;  // may be empty
    std::string baseModel;
    std::string baseModelSha256;
    nlohmann::json config = nlohmann::json::object();
    int64_t seed = 0;
    std::string status = "running";
    nlohmann::json metrics = nlohmann::json::array();
    std::string startedBy;
    std::string startedAt;
    std::string finishedAt;
};

struct RegisterRequest {
    std::string group;
    std::string runId;
    std::string adapterPath;
    std::string adapterSha256;
    nlohmann::json evalReport = nlohmann::json::object();
    nlohmann::json gate = nlohmann::json::object();
    std::optional<bool> gatePassed;
    std::string notes;             // optional: kept as the version's first comment (kind "registration")
    std::string groupDescription;  // optional: used only when this registration creates the group
};

struct ModelVersionRecord {
    int64_t id = 0;
    std::string group;
    int64_t version = 0;
    std::string runId;
    std::string runStartedBy;
    std::string baseModel;
    std::string baseModelSha256;
    std::string adapterPath;
    std::string adapterSha256;
    std::string datasetVersionId;
    nlohmann::json evalReport;
    nlohmann::json gate;
    std::optional<bool> gatePassed;
    std::string approval;  // PendingManualApproval, Approved, Rejected
    std::string approvalOverride;
    std::string stage;     // None, Staging, Production, Archived
    std::string createdBy;
    std::string createdAt;
};

struct CommentRecord {
    int64_t id = 0;
    std::string author;
    std::string kind;
    std::string body;
    std::string createdAt;
};

nlohmann::json toJson(const ModelVersionRecord& v);

class Registry {
public:
    // Opens (creating) the database and migrates it. The audit anchor lives at dbPath + ".audit-head".
    static Result<std::unique_ptr<Registry>> open(const std::string& dbPath);

    // The OS user (USER/LOGNAME), the default acting user.
    static std::string osUserName();

    // Users. Looking a user up writes nothing (an unknown user is treated as an analyst); a user is
    // created, as an analyst, by their first state-changing action (in that action's transaction) or by
    // ensureUser. Nobody becomes admin implicitly: the first admin is claimed explicitly (claimAdmin).
    Result<std::optional<UserProfile>> findUser(const std::string& name);
    Result<UserProfile> ensureUser(const std::string& name);
    // Makes `name` the registry's first admin (creating the user when needed): the explicit act of
    // setting a registry up (CLI `registry user add NAME --role admin`, the demo). Refused once another
    // admin exists; a no-op when `name` already is an admin.
    Result<UserProfile> claimAdmin(const std::string& name);
    Result<bool> hasAdmin();
    Status setUserRole(const std::string& actor, const std::string& name, UserRole role);
    Result<std::vector<UserProfile>> users();

    Status recordDatasetVersion(const std::string& actor, const std::string& id, const std::string& name,
                                const nlohmann::json& manifest);
    Status recordRun(const std::string& actor, const RunRecord& run);
    Status updateRunStatus(const std::string& actor, const std::string& runId, const std::string& status,
                           const nlohmann::json& metrics);
    Result<RunRecord> run(const std::string& runId);
    Result<bool> hasRun(const std::string& runId);

    // Registers a model version from a finished run (creating the group when needed).
    Result<ModelVersionRecord> registerModel(const std::string& actor, const RegisterRequest& request);
    // comment is mandatory; overrideReason is mandatory when the version's gate failed.
    Status approve(const std::string& actor, int64_t versionId, const std::string& comment,
                   const std::string& overrideReason = "");
    Status reject(const std::string& actor, int64_t versionId, const std::string& comment);
    // stage: Staging, Production, Archived, None. Production needs Approved; the previous Production
    // version of the group moves to Archived in the same transaction.
    Status promote(const std::string& actor, int64_t versionId, const std::string& stage);
    // Puts the group's previous Production version back into Production (one transaction).
    Result<ModelVersionRecord> rollback(const std::string& actor, const std::string& group);
    Status addComment(const std::string& actor, int64_t versionId, const std::string& body);
    Status recordExport(const std::string& actor, int64_t versionId, const std::string& format,
                        const std::string& path, const std::string& sha256, const nlohmann::json& parity);

    Result<std::vector<std::string>> groups();
    Result<std::vector<ModelVersionRecord>> versions(const std::string& group = "");
    Result<ModelVersionRecord> version(int64_t versionId);
    // The versions registered from one run, oldest first (empty when none).
    Result<std::vector<ModelVersionRecord>> versionsOfRun(const std::string& runId);
    Result<std::vector<CommentRecord>> comments(int64_t versionId);
    Result<std::optional<ModelVersionRecord>> production(const std::string& group);

    // Why `actor` may not approve this version (empty when allowed): for the GUI's disabled button.
    // Reads only: an unknown actor is reported as an analyst.
    Result<std::string> approvalBlocker(const std::string& actor, int64_t versionId);

    AuditLog& audit() { return *m_audit; }
    SqliteDb& db() { return *m_db; }

private:
    Registry() = default;
    // Runs body inside BEGIN IMMEDIATE .. COMMIT, then refreshes the audit anchor.
    Status inTransaction(const std::function<Status()>& body);
    // Creates an unknown user as an analyst inside the caller's open transaction (no-op when known). The
    // audit row names `createdBy` as its actor (an admin adding someone), else the user themself.
    Result<UserProfile> ensureUserInTransaction(const std::string& name, const std::string& now,
                                                const std::string& createdBy = "");
    // Reads only: an unknown actor has the analyst role and fails unless analysts are allowed.
    Result<UserProfile> requireRole(const std::string& actor, std::initializer_list<UserRole> roles,
                                    const std::string& what);
    Status setStage(const std::string& actor, const ModelVersionRecord& v, const std::string& stage,
                    const std::string& now);

    std::unique_ptr<SqliteDb> m_db;
    std::unique_ptr<AuditLog> m_audit;
};

std::string utcNowIso8601();

}  // namespace tb
