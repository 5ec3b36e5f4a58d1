// The registry's tamper-evident audit log: append-only rows, each carrying the SHA-256 of its content
// chained to the previous row's hash. An anchor file outside the database remembers the last row, so
// deleting rows at the end is detected too. Verification names the first row that does not check out.
#pragma once

#include "core/registry/sqlite_db.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace tb {

struct AuditEntry {
    int64_t seq = 0;
    std::string at;
    std::string actor;
    std::string action;
    std::string entity;
    nlohmann::json details;
    std::string prevHash;
    std::string hash;
};

struct AuditProblem {
    int64_t seq = 0;      // the row where the chain breaks (0 when about the log as a whole)
    std::string kind;     // "edited", "deleted", "inserted", "reordered", "truncated"
    std::string message;
};

struct AuditVerification {
    bool ok = true;
    int64_t rowsChecked = 0;
    std::vector<AuditProblem> problems;
};

class AuditLog {
public:
    // anchorPath: file beside the database holding "<seq> <hash>" of the last row ("" disables it).
    AuditLog(SqliteDb& db, std::string anchorPath) : m_db(db), m_anchorPath(std::move(anchorPath)) {}

    // Appends within the caller's open transaction; call refreshAnchor() after the transaction commits.
    Result<AuditEntry> append(const std::string& actor, const std::string& action, const std::string& entity,
                              const nlohmann::json& details, const std::string& at);
    // Writes the database's current last row to the anchor file.
    Status refreshAnchor();

    Result<std::vector<AuditEntry>> entries(int64_t limit = -1) const;
    Result<AuditVerification> verify() const;

    static std::string contentHash(int64_t seq, const std::string& at, const std::string& actor,
                                   const std::string& action, const std::string& entity,
                                   const std::string& detailsJson, const std::string& prevHash);

private:
    SqliteDb& m_db;
    std::string m_anchorPath;
};

}  // namespace tb
