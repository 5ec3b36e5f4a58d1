// The registry's SQLite schema and its migrations, numbered by PRAGMA user_version.
// Migrations run in one transaction each; a database newer than this build is refused.
#pragma once

#include "core/registry/sqlite_db.h"

namespace tb {

constexpr int kRegistrySchemaVersion = 1;

Status migrateRegistrySchema(SqliteDb& db);

}  // namespace tb
