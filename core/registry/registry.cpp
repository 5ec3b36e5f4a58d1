#include "core/registry/registry.h"

#include "core/registry/name_validation.h"
#include "core/registry/registry_schema.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <pwd.h>
#include <unistd.h>

namespace tb {

std::string utcNowIso8601() {
    auto now = std::chrono::system_clock::now();
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, int(ms));
    return out;
}

std::string userRoleName(UserRole role) {
    switch (role) {
    case UserRole::Analyst: return "analyst";
    case UserRole::Reviewer: return "reviewer";
    case UserRole::Admin: return "admin";
    }
    return "analyst";
}

Result<UserRole> parseUserRole(const std::string& name) {
    if (name == "analyst") return UserRole::Analyst;
    if (name == "reviewer") return UserRole::Reviewer;
    if (name == "admin") return UserRole::Admin;
    return inputError("role: '" + name + "' is not one of analyst, reviewer, admin");
}

namespace {
SqlValue optionalText(const std::string& s) { return s.empty() ? SqlValue(nullptr) : SqlValue(s); }
}  // namespace

nlohmann::json toJson(const ModelVersionRecord& v) {
    nlohmann::json j = {{"id", v.id},
                        {"group", v.group},
                        {"version", v.version},
                        {"run_id", v.runId},
                        {"run_started_by", v.runStartedBy},
                        {"base_model", v.baseModel},
                        {"base_model_sha256", v.baseModelSha256},
                        {"adapter_path", v.adapterPath},
                        {"adapter_sha256", v.adapterSha256},
                        {"dataset_version", v.datasetVersionId},
                        {"eval_report", v.evalReport},
                        {"gate", v.gate},
                        {"approval", v.approval},
                        {"approval_override", v.approvalOverride},
                        {"stage", v.stage},
                        {"created_by", v.createdBy},
                        {"created_at", v.createdAt}};
    j["gate_passed"] = v.gatePassed ? nlohmann::json(*v.gatePassed) : nlohmann::json(nullptr);
    return j;
}

std::string Registry::osUserName() {
    for (const char* var : {"USER", "LOGNAME"})
        if (const char* u = std::getenv(var); u && *u) return u;
    if (passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
    return "user";
}

Result<std::unique_ptr<Registry>> Registry::open(const std::string& dbPath) {
    auto db = SqliteDb::open(dbPath);
    if (!db) return db.error();
    std::unique_ptr<Registry> reg(new Registry());
    reg->m_db = std::move(*db);
    TB_TRY(migrateRegistrySchema(*reg->m_db));
    reg->m_audit = std::make_unique<AuditLog>(*reg->m_db, dbPath + ".audit-head");
    return reg;
}

Status Registry::inTransaction(const std::function<Status()>& body) {
    Transaction tx(*m_db);
    TB_TRY(tx.begin());
    TB_TRY(body());
    TB_TRY(tx.commit());
    return m_audit->refreshAnchor();
}

Result<std::optional<UserProfile>> Registry::findUser(const std::string& name) {
    auto row = m_db->queryOne("SELECT name, role FROM users WHERE name = ?", {name});
    if (!row) return row.error();
    if (!row->has_value()) return std::optional<UserProfile>();
    auto role = parseUserRole((*row)->text(1));
    if (!role) return role.error();
    return std::optional<UserProfile>(UserProfile{name, *role});
}

Result<UserProfile> Registry::ensureUserInTransaction(const std::string& name, const std::string& now,
                                                     const std::string& createdBy) {
    TB_TRY(validateName("user", name));
    auto known = findUser(name);
    if (!known) return known.error();
    if (known->has_value()) return **known;
    UserProfile created{name, UserRole::Analyst};
    TB_TRY(m_db->run("INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)",
                     {name, userRoleName(created.role), now}));
    auto e = m_audit->append(createdBy.empty() ? name : createdBy, "user.create", "user:" + name,
                             {{"role", userRoleName(created.role)}}, now);
    if (!e) return e.error();
    return created;
}

Result<UserProfile> Registry::ensureUser(const std::string& name) {
    TB_TRY(validateName("user", name));
    auto known = findUser(name);
    if (!known) return known.error();
    if (known->has_value()) return **known;
    UserProfile created;
    Status s = inTransaction([&]() -> Status {
        auto u = ensureUserInTransaction(name, utcNowIso8601());
        if (!u) return u.error();
        created = *u;
        return Status::success();
    });
    if (!s) return s.error();
    return created;
}

Result<bool> Registry::hasAdmin() {
    auto row = m_db->queryOne("SELECT COUNT(*) FROM users WHERE role = 'admin'");
    if (!row) return row.error();
    return row->has_value() && (*row)->integer(0) > 0;
}

Result<UserProfile> Registry::claimAdmin(const std::string& name) {
    TB_TRY(validateName("user", name));
    UserProfile out{name, UserRole::Admin};
    Status s = inTransaction([&]() -> Status {
        auto known = findUser(name);
        if (!known) return known.error();
        if (known->has_value() && (*known)->role == UserRole::Admin) return Status::success();
        auto admins = m_db->query("SELECT name FROM users WHERE role = 'admin' ORDER BY name LIMIT 3");
        if (!admins) return admins.error();
        if (!admins->empty()) {
            std::string names;
            for (auto& r : *admins) names += (names.empty() ? "" : ", ") + r.text(0);
            return inputError("this registry already has an admin (" + names + "); ask an admin to change " + name +
                              "'s role");
        }
        std::string now = utcNowIso8601();
        if (known->has_value()) {
            TB_TRY(m_db->run("UPDATE users SET role = 'admin' WHERE name = ?", {name}));
            auto e = m_audit->append(name, "user.role", "user:" + name,
                                     {{"from", userRoleName((*known)->role)}, {"to", "admin"}, {"bootstrap", true}},
                                     now);
            if (!e) return e.error();
        } else {
            TB_TRY(m_db->run("INSERT INTO users (name, role, created_at) VALUES (?, 'admin', ?)", {name, now}));
            auto e = m_audit->append(name, "user.create", "user:" + name, {{"role", "admin"}, {"bootstrap", true}},
                                     now);
            if (!e) return e.error();
        }
        return Status::success();
    });
    if (!s) return s.error();
    return out;
}

Result<UserProfile> Registry::requireRole(const std::string& actor, std::initializer_list<UserRole> roles,
                                          const std::string& what) {
    TB_TRY(validateName("user", actor));
    auto known = findUser(actor);
    if (!known) return known.error();
    UserProfile user = known->value_or(UserProfile{actor, UserRole::Analyst});
    for (UserRole r : roles)
        if (user.role == r) return user;
    return inputError(actor + " (" + userRoleName(user.role) + ") may not " + what + "; ask a reviewer or an admin");
}

Status Registry::setUserRole(const std::string& actor, const std::string& name, UserRole role) {
    auto who = requireRole(actor, {UserRole::Admin}, "change roles");
    if (!who) return who.error();
    TB_TRY(validateName("user", name));
    return inTransaction([&]() -> Status {
        std::string now = utcNowIso8601();
        auto target = ensureUserInTransaction(name, now, actor);
        if (!target) return target.error();
        if (target->role == role) return Status::success();
        TB_TRY(m_db->run("UPDATE users SET role = ? WHERE name = ?", {userRoleName(role), name}));
        auto e = m_audit->append(actor, "user.role", "user:" + name,
                                 {{"from", userRoleName(target->role)}, {"to", userRoleName(role)}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Result<std::vector<UserProfile>> Registry::users() {
    auto rows = m_db->query("SELECT name, role FROM users ORDER BY name");
    if (!rows) return rows.error();
    std::vector<UserProfile> out;
    for (auto& r : *rows) out.push_back({r.text(0), *parseUserRole(r.text(1))});
    return out;
}

Status Registry::recordDatasetVersion(const std::string& actor, const std::string& id, const std::string& name,
                                      const nlohmann::json& manifest) {
    TB_TRY(validateName("dataset name", name));
    if (id.size() != 64 || id.find_first_not_of("0123456789abcdef") != std::string::npos)
        return inputError("dataset version id must be a SHA-256 in lowercase hex (got '" + id.substr(0, 80) + "')");
    TB_TRY(validateName("user", actor));
    return inTransaction([&]() -> Status {
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        TB_TRY(m_db->run("INSERT OR IGNORE INTO dataset_versions (id, name, manifest_json, created_by, created_at) "
                         "VALUES (?, ?, ?, ?, ?)",
                         {id, name, manifest.dump(), actor, now}));
        if (m_db->changes() == 0) return Status::success();  // already recorded: versions are immutable
        auto e = m_audit->append(actor, "dataset.version", "dataset:" + id, {{"name", name}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Status Registry::recordRun(const std::string& actor, const RunRecord& run) {
    TB_TRY(validateName("run id", run.id));
    TB_TRY(validateName("user", actor));
    return inTransaction([&]() -> Status {
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        TB_TRY(m_db->run("INSERT INTO runs (id, dataset_version_id, base_model, base_model_sha256, config_json, seed, "
                         "status, metrics_json, started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         {run.id, optionalText(run.datasetVersionId), run.baseModel, run.baseModelSha256,
                          run.config.dump(), run.seed, run.status, run.metrics.dump(), actor,
                          run.startedAt.empty() ? now : run.startedAt}));
        auto e = m_audit->append(actor, "run.create", "run:" + run.id,
                                 {{"base_model", run.baseModel}, {"dataset_version", run.datasetVersionId}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Status Registry::updateRunStatus(const std::string& actor, const std::string& runId, const std::string& status,
                                 const nlohmann::json& metrics) {
    static const std::vector<std::string> known = {"queued",   "running",   "paused",     "finished",
                                                   "failed",   "cancelled", "interrupted"};
    if (std::find(known.begin(), known.end(), status) == known.end())
        return inputError("run status: '" + status.substr(0, 40) +
                          "' is not one of queued, running, paused, finished, failed, cancelled, interrupted");
    TB_TRY(validateName("user", actor));
    return inTransaction([&]() -> Status {
        std::string now = utcNowIso8601();
        auto user = ensureUserInTransaction(actor, now);
        if (!user) return user.error();
        bool final = status == "finished" || status == "failed" || status == "cancelled" || status == "interrupted";
        TB_TRY(m_db->run("UPDATE runs SET status = ?, metrics_json = ?, finished_at = ? WHERE id = ?",
                         {status, metrics.dump(), final ? SqlValue(now) : SqlValue(nullptr), runId}));
        if (m_db->changes() == 0) return inputError("run '" + runId + "' is not in the registry");
        auto e = m_audit->append(actor, "run.status", "run:" + runId, {{"status", status}}, now);
        if (!e) return e.error();
        return Status::success();
    });
}

Result<RunRecord> Registry::run(const std::string& runId) {
    auto row = m_db->queryOne("SELECT id, dataset_version_id, base_model, base_model_sha256, config_json, seed, "
                              "status, metrics_json, started_by, started_at, finished_at FROM runs WHERE id = ?",
                              {runId});
    if (!row) return row.error();
    if (!row->has_value()) return inputError("run '" + runId + "' is not in the registry");
    const SqlRow& r = **row;
    RunRecord out;
    out.id = r.text(0);
    out.datasetVersionId = r.text(1);
    out.baseModel = r.text(2);
    out.baseModelSha256 = r.text(3);
    out.config = nlohmann::json::parse(r.text(4), nullptr, false);
    out.seed = r.integer(5);
    out.status = r.text(6);
    out.metrics = nlohmann::json::parse(r.text(7), nullptr, false);
    out.startedBy = r.text(8);
    out.startedAt = r.text(9);
    out.finishedAt = r.text(10);
    return out;
}

Result<bool> Registry::hasRun(const std::string& runId) {
    auto row = m_db->queryOne("SELECT 1 FROM runs WHERE id = ?", {runId});
    if (!row) return row.error();
    return row->has_value();
}
}  // namespace tb
