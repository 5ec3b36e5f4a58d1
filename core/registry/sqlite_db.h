// A thin RAII wrapper over the SQLite C API: one connection, prepared statements with bound parameters
// (every value is bound, never spliced into SQL text), and transactions. Not an ORM.
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace tb {

using SqlValue = std::variant<std::nullptr_t, int64_t, double, std::string>;

class SqlRow {
public:
    explicit SqlRow(std::vector<SqlValue> values) : m_values(std::move(values)) {}
    size_t size() const { return m_values.size(); }
    bool isNull(size_t i) const { return std::holds_alternative<std::nullptr_t>(m_values.at(i)); }
    int64_t integer(size_t i) const;
    double real(size_t i) const;
    std::string text(size_t i) const;  // empty for NULL
    const SqlValue& value(size_t i) const { return m_values.at(i); }

private:
    std::vector<SqlValue> m_values;
};

class SqliteDb {
public:
    // Opens (creating when allowed) with WAL, foreign keys on and a busy timeout so a second writer
    // waits up to busyTimeoutMs and then fails cleanly with "database is locked".
    static Result<std::unique_ptr<SqliteDb>> open(const std::string& path, bool create = true,
                                                  int busyTimeoutMs = 5000);
    ~SqliteDb();
    SqliteDb(const SqliteDb&) = delete;
    SqliteDb& operator=(const SqliteDb&) = delete;

    // Runs SQL without parameters (schema scripts; may hold several statements).
    Status exec(const std::string& sql);
    // Runs one statement with bound parameters and returns all rows.
    Result<std::vector<SqlRow>> query(const std::string& sql, const std::vector<SqlValue>& params = {});
    Status run(const std::string& sql, const std::vector<SqlValue>& params = {});
    Result<std::optional<SqlRow>> queryOne(const std::string& sql, const std::vector<SqlValue>& params = {});
    int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return m_path; }

    // BEGIN IMMEDIATE: takes the write lock up front so two writers never deadlock mid-transaction.
    Status begin();
    Status commit();
    void rollback();

private:
    SqliteDb() = default;
    Error sqlError(const std::string& what) const;
    sqlite3* m_db = nullptr;
    std::string m_path;
};

// Rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(SqliteDb& db) : m_db(db) {}
    ~Transaction() {
        if (m_open) m_db.rollback();
    }
    Status begin() {
        Status s = m_db.begin();
        m_open = s.ok();
        return s;
    }
    Status commit() {
        Status s = m_db.commit();
        if (s.ok()) m_open = false;
        return s;
    }

private:
    SqliteDb& m_db;
    bool m_open = false;
};

}  // namespace tb
