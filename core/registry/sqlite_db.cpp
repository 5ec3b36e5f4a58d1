#include "core/registry/sqlite_db.h"

#include <sqlite3.h>

namespace tb {

int64_t SqlRow::integer(size_t i) const {
    const SqlValue& v = m_values.at(i);
    if (auto p = std::get_if<int64_t>(&v)) return *p;
    if (auto p = std::get_if<double>(&v)) return int64_t(*p);
    if (auto p = std::get_if<std::string>(&v)) return std::stoll(p->empty() ? "0" : *p);
    return 0;
}

double SqlRow::real(size_t i) const {
    const SqlValue& v = m_values.at(i);
    if (auto p = std::get_if<double>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return double(*p);
    return 0.0;
}

std::string SqlRow::text(size_t i) const {
    const SqlValue& v = m_values.at(i);
    if (auto p = std::get_if<std::string>(&v)) return *p;
    if (auto p = std::get_if<int64_t>(&v)) return std::to_string(*p);
    if (auto p = std::get_if<double>(&v)) return std::to_string(*p);
    return {};
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::open(const std::string& path, bool create, int busyTimeoutMs) {
    std::unique_ptr<SqliteDb> db(new SqliteDb());
    db->m_path = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path.c_str(), &db->m_db, flags, nullptr) != SQLITE_OK) {
        std::string why = db->m_db ? sqlite3_errmsg(db->m_db) : "out of memory";
        return inputError(path + ": cannot open database: " + why);
    }
    sqlite3_busy_timeout(db->m_db, busyTimeoutMs);
    sqlite3_extended_result_codes(db->m_db, 1);
    TB_TRY(db->exec("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"));
    return db;
}

SqliteDb::~SqliteDb() {
    if (m_db) sqlite3_close_v2(m_db);
}

Error SqliteDb::sqlError(const std::string& what) const {
    int code = sqlite3_errcode(m_db);
    std::string msg = m_path + ": " + what + ": " + sqlite3_errmsg(m_db);
    // Constraint violations and a busy database are the caller's situation, not our bug.
    int primary = code & 0xff;
    if (primary == SQLITE_CONSTRAINT || primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        return inputError(msg);
    return internalError(msg);
}

Status SqliteDb::exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string why = err ? err : "unknown error";
        sqlite3_free(err);
        Error e = sqlError("SQL failed");
        e.message = m_path + ": SQL failed: " + why;
        return e;
    }
    return Status::success();
}

Result<std::vector<SqlRow>> SqliteDb::query(const std::string& sql, const std::vector<SqlValue>& params) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), int(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return sqlError("cannot prepare statement");
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
    for (size_t i = 0; i < params.size(); ++i) {
        int idx = int(i) + 1, rc = SQLITE_OK;
        const SqlValue& v = params[i];
        if (std::holds_alternative<std::nullptr_t>(v))
            rc = sqlite3_bind_null(stmt, idx);
        else if (auto p = std::get_if<int64_t>(&v))
            rc = sqlite3_bind_int64(stmt, idx, *p);
        else if (auto p = std::get_if<double>(&v))
            rc = sqlite3_bind_double(stmt, idx, *p);
        else {
            const std::string& s = std::get<std::string>(v);
            rc = sqlite3_bind_text(stmt, idx, s.data(), int(s.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) return sqlError("cannot bind parameter " + std::to_string(idx));
    }
    std::vector<SqlRow> rows;
    for (;;) {
        int rc = sqlite3_step(stmt);
        if (rc == SQLITE_DONE) break;
        if (rc != SQLITE_ROW) return sqlError("statement failed");
        int n = sqlite3_column_count(stmt);
        std::vector<SqlValue> values;
        values.reserve(size_t(n));
        for (int c = 0; c < n; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER: values.emplace_back(int64_t(sqlite3_column_int64(stmt, c))); break;
            case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
            case SQLITE_NULL: values.emplace_back(nullptr); break;
            default: {
                const unsigned char* t = sqlite3_column_text(stmt, c);
                int len = sqlite3_column_bytes(stmt, c);
                values.emplace_back(std::string(reinterpret_cast<const char*>(t), size_t(len)));
            }
            }
        }
        rows.emplace_back(std::move(values));
    }
    return rows;
}

Status SqliteDb::run(const std::string& sql, const std::vector<SqlValue>& params) {
    auto r = query(sql, params);
    if (!r) return r.error();
    return Status::success();
}

Result<std::optional<SqlRow>> SqliteDb::queryOne(const std::string& sql, const std::vector<SqlValue>& params) {
    auto r = query(sql, params);
    if (!r) return r.error();
    if (r->empty()) return std::optional<SqlRow>();
    return std::optional<SqlRow>(std::move(r->front()));
}

int64_t SqliteDb::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }
int SqliteDb::changes() const { return sqlite3_changes(m_db); }

Status SqliteDb::begin() { return exec("BEGIN IMMEDIATE"); }
Status SqliteDb::commit() { return exec("COMMIT"); }
void SqliteDb::rollback() { (void)exec("ROLLBACK"); }

}  // namespace tb
