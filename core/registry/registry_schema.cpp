#include "core/registry/registry_schema.h"

#include <string>
#include <vector>

namespace tb {

namespace {

// Each entry migrates from version i to i+1.
const std::vector<std::string>& migrations() {
    static const std::vector<std::string> m = {
        R"SQL(
CREATE TABLE users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('analyst', 'reviewer', 'admin')),
  created_at TEXT NOT NULL
);
CREATE TABLE dataset_versions (
  id TEXT PRIMARY KEY,                 -- content SHA-256
  name TEXT NOT NULL,
  manifest_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  dataset_version_id TEXT REFERENCES dataset_versions(id),
  base_model TEXT NOT NULL,
  base_model_sha256 TEXT NOT NULL DEFAULT '',
  config_json TEXT NOT NULL DEFAULT '{}',
  seed INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('queued','running','paused','finished','failed','cancelled','interrupted')),
  metrics_json TEXT NOT NULL DEFAULT '[]',
  started_by TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE model_groups (
  name TEXT PRIMARY KEY,
  description TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE model_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  group_name TEXT NOT NULL REFERENCES model_groups(name),
  version INTEGER NOT NULL,
  run_id TEXT NOT NULL REFERENCES runs(id),
  base_model TEXT NOT NULL,
  base_model_sha256 TEXT NOT NULL DEFAULT '',
  adapter_path TEXT NOT NULL DEFAULT '',
  adapter_sha256 TEXT NOT NULL DEFAULT '',
  dataset_version_id TEXT REFERENCES dataset_versions(id),
  eval_report_json TEXT NOT NULL DEFAULT '{}',
  gate_json TEXT NOT NULL DEFAULT '{}',
  gate_passed INTEGER,                  -- NULL when no gate was evaluated
  approval TEXT NOT NULL DEFAULT 'PendingManualApproval'
    CHECK (approval IN ('PendingManualApproval', 'Approved', 'Rejected')),
  approval_override TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT 'None' CHECK (stage IN ('None', 'Staging', 'Production', 'Archived')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (group_name, version)
);
-- At most one Production version per group, enforced by the database itself.
CREATE UNIQUE INDEX one_production_per_group ON model_versions(group_name) WHERE stage = 'Production';
CREATE TABLE stage_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  from_stage TEXT NOT NULL,
  to_stage TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TABLE exports (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  format TEXT NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  parity_json TEXT NOT NULL DEFAULT '{}',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  model_version_id INTEGER NOT NULL REFERENCES model_versions(id),
  author TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT 'comment',   -- comment, approval, rejection
  body TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  details_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)SQL",
    };
    return m;
}

}  // namespace

Status migrateRegistrySchema(SqliteDb& db) {
    auto row = db.queryOne("PRAGMA user_version");
    if (!row) return row.error();
    int current = row->has_value() ? int((*row)->integer(0)) : 0;
    if (current > kRegistrySchemaVersion)
        return inputError(db.path() + ": registry schema version " + std::to_string(current) +
                          " is newer than this Tunebench understands (" + std::to_string(kRegistrySchemaVersion) +
                          "); upgrade Tunebench");
    for (int v = current; v < kRegistrySchemaVersion; ++v) {
        Transaction tx(db);
        TB_TRY(tx.begin());
        TB_TRY(db.exec(migrations()[size_t(v)]));
        TB_TRY(db.exec("PRAGMA user_version = " + std::to_string(v + 1)));
        TB_TRY(tx.commit());
    }
    return Status::success();
}

}  // namespace tb
