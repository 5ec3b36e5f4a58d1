#include "core/registry/audit_log.h"

#include "core/common/atomic_file.h"
#include "core/common/sha256.h"

#include <filesystem>
#include <sstream>

namespace tb {

namespace {
const std::string kGenesis(64, '0');
}

std::string AuditLog::contentHash(int64_t seq, const std::string& at, const std::string& actor,
                                  const std::string& action, const std::string& entity,
                                  const std::string& detailsJson, const std::string& prevHash) {
    // Length-prefixed fields so that no two different rows serialise to the same bytes.
    std::string content;
    for (const std::string& field : {std::to_string(seq), at, actor, action, entity, detailsJson, prevHash}) {
        content += std::to_string(field.size());
        content += ':';
        content += field;
        content += ';';
    }
    return sha256Hex(content);
}

Result<AuditEntry> AuditLog::append(const std::string& actor, const std::string& action, const std::string& entity,
                                    const nlohmann::json& details, const std::string& at) {
    auto last = m_db.queryOne("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last) return last.error();
    AuditEntry e;
    e.seq = last->has_value() ? (*last)->integer(0) + 1 : 1;
    e.prevHash = last->has_value() ? (*last)->text(1) : kGenesis;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.entity = entity;
    e.details = details;
    std::string detailsJson = details.dump();
    e.hash = contentHash(e.seq, at, actor, action, entity, detailsJson, e.prevHash);
    TB_TRY(m_db.run("INSERT INTO audit_log (seq, at, actor, action, entity, details_json, prev_hash, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    {e.seq, at, actor, action, entity, detailsJson, e.prevHash, e.hash}));
    return e;
}

Status AuditLog::refreshAnchor() {
    if (m_anchorPath.empty()) return Status::success();
    auto last = m_db.queryOne("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    if (!last) return last.error();
    if (!last->has_value()) return Status::success();
    return writeFileAtomically(m_anchorPath, (*last)->text(0) + " " + (*last)->text(1) + "\n");
}

Result<std::vector<AuditEntry>> AuditLog::entries(int64_t limit) const {
    auto rows = m_db.query("SELECT seq, at, actor, action, entity, details_json, prev_hash, hash FROM audit_log "
                           "ORDER BY seq" + std::string(limit >= 0 ? " LIMIT ?" : ""),
                           limit >= 0 ? std::vector<SqlValue>{limit} : std::vector<SqlValue>{});
    if (!rows) return rows.error();
    std::vector<AuditEntry> out;
    for (const SqlRow& r : *rows) {
        AuditEntry e;
        e.seq = r.integer(0);
        e.at = r.text(1);
        e.actor = r.text(2);
        e.action = r.text(3);
        e.entity = r.text(4);
        e.details = nlohmann::json::parse(r.text(5), nullptr, false);
        e.prevHash = r.text(6);
        e.hash = r.text(7);
        out.push_back(std::move(e));
    }
    return out;
}

Result<AuditVerification> AuditLog::verify() const {
    // Read raw rows in physical (rowid) order and in seq order: they differ when rows were reordered.
    auto rows = m_db.query("SELECT seq, at, actor, action, entity, details_json, prev_hash, hash FROM audit_log "
                           "ORDER BY seq");
    if (!rows) return rows.error();
    AuditVerification v;
    std::string expectedPrev = kGenesis;
    int64_t expectedSeq = 1;
    for (const SqlRow& r : *rows) {
        ++v.rowsChecked;
        int64_t seq = r.integer(0);
        std::string recomputed =
            contentHash(seq, r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.text(6));
        if (seq != expectedSeq) {
            if (seq > expectedSeq)
                v.problems.push_back({expectedSeq, "deleted",
                                      "rows " + std::to_string(expectedSeq) + ".." + std::to_string(seq - 1) +
                                          " are missing (deleted)"});
            else
                v.problems.push_back({seq, "inserted", "row " + std::to_string(seq) + " is out of sequence"});
        } else if (recomputed != r.text(7)) {
            v.problems.push_back({seq, "edited", "row " + std::to_string(seq) +
                                                     " was edited: its content does not match its hash"});
        } else if (r.text(6) != expectedPrev) {
            v.problems.push_back({seq, "inserted",
                                  "row " + std::to_string(seq) +
                                      " does not chain to the row before it (a row was inserted, replaced or "
                                      "reordered)"});
        }
        expectedPrev = r.text(7);
        expectedSeq = seq + 1;
    }
    if (!m_anchorPath.empty() && std::filesystem::exists(m_anchorPath)) {
        auto anchor = readWholeFile(m_anchorPath, 4096);
        if (anchor) {
            std::istringstream in(*anchor);
            int64_t anchorSeq = 0;
            std::string anchorHash;
            in >> anchorSeq >> anchorHash;
            int64_t lastSeq = expectedSeq - 1;
            if (anchorSeq > lastSeq)
                v.problems.push_back({lastSeq + 1, "truncated",
                                      "rows " + std::to_string(lastSeq + 1) + ".." + std::to_string(anchorSeq) +
                                          " at the end of the log were deleted"});
            else if (anchorSeq == lastSeq && anchorHash != expectedPrev)
                v.problems.push_back({lastSeq, "edited",
                                      "the last row " + std::to_string(lastSeq) + " does not match the anchor"});
            else if (anchorSeq < lastSeq)
                v.problems.push_back({anchorSeq + 1, "inserted",
                                      "rows after " + std::to_string(anchorSeq) +
                                          " are not covered by the anchor: appended outside Tunebench, or Tunebench was "
                                          "killed between committing and updating the anchor"});
        }
    }
    v.ok = v.problems.empty();
    return v;
}

}  // namespace tb
