// Tampering with the audit log through the real sqlite3 shell (as an attacker with file access would),
// and checking that verify() names what happened.
#include "registry_test_util.h"

#include <cstdlib>

namespace {
// Runs SQL through the sqlite3 command-line shell; the triggers are dropped first as a tamperer would.
int sqliteShell(const std::string& db, const std::string& sql) {
    std::string cmd = "sqlite3 '" + db + "' \"DROP TRIGGER IF EXISTS audit_log_no_update; "
                      "DROP TRIGGER IF EXISTS audit_log_no_delete; " + sql + "\"";
    return std::system(cmd.c_str());
}
}  // namespace

class AuditFixture : public RegistryFixture {
protected:
    void SetUp() override {
        RegistryFixture::SetUp();
        if (std::system("command -v sqlite3 >/dev/null 2>&1") != 0) GTEST_SKIP() << "sqlite3 shell missing";
        auto v = registerFrom("alice", "r1");
        ASSERT_TRUE(reg->approve("rita", v.id, "ok").ok());
        ASSERT_TRUE(reg->promote("rita", v.id, "Staging").ok());
        ASSERT_TRUE(reg->addComment("alice", v.id, "note").ok());
        auto entries = reg->audit().entries();
        ASSERT_TRUE(entries.ok());
        rows = int64_t(entries->size());
        ASSERT_GE(rows, 8);
        reg.reset();  // close before the shell edits the file
    }
    tb::AuditVerification reopenAndVerify() {
        auto r = tb::Registry::open(dbPath);
        EXPECT_TRUE(r.ok()) << r.message();
        reg = std::move(*r);
        auto v = reg->audit().verify();
        EXPECT_TRUE(v.ok()) << v.message();
        return *v;
    }
    int64_t rows = 0;
};

TEST_F(AuditFixture, IntactLogVerifies) {
    auto v = reopenAndVerify();
    EXPECT_TRUE(v.ok);
    EXPECT_EQ(v.rowsChecked, rows);
}

TEST_F(AuditFixture, TriggersRefuseEditsThroughTheApi) {
    auto r = tb::Registry::open(dbPath);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE((*r)->db().run("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3").ok());
    EXPECT_FALSE((*r)->db().run("DELETE FROM audit_log WHERE seq = 3").ok());
}

TEST_F(AuditFixture, EditedRowIsNamed) {
    ASSERT_EQ(sqliteShell(dbPath, "UPDATE audit_log SET actor = 'mallory' WHERE seq = 5;"), 0);
    auto v = reopenAndVerify();
    ASSERT_FALSE(v.ok);
    EXPECT_EQ(v.problems[0].seq, 5);
    EXPECT_EQ(v.problems[0].kind, "edited");
}

TEST_F(AuditFixture, DeletedRowIsNamed) {
    ASSERT_EQ(sqliteShell(dbPath, "DELETE FROM audit_log WHERE seq = 4;"), 0);
    auto v = reopenAndVerify();
    ASSERT_FALSE(v.ok);
    EXPECT_EQ(v.problems[0].seq, 4);
    EXPECT_EQ(v.problems[0].kind, "deleted");
}

TEST_F(AuditFixture, DeletedTailIsCaughtByTheAnchor) {
    ASSERT_EQ(sqliteShell(dbPath, "DELETE FROM audit_log WHERE seq >= " + std::to_string(rows - 1) + ";"), 0);
    auto v = reopenAndVerify();
    ASSERT_FALSE(v.ok);
    EXPECT_EQ(v.problems[0].kind, "truncated");
    EXPECT_EQ(v.problems[0].seq, rows - 1);
}

TEST_F(AuditFixture, ReorderedRowsAreCaught) {
    // Swap the contents of rows 3 and 4 (keeping each row's own hash, as a careless tamperer would).
    ASSERT_EQ(sqliteShell(dbPath,
                          "UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; "
                          "UPDATE audit_log SET seq = 4 WHERE seq = -1;"),
              0);
    auto v = reopenAndVerify();
    ASSERT_FALSE(v.ok);
    EXPECT_EQ(v.problems[0].seq, 3);
}

TEST_F(AuditFixture, InsertedRowWithForgedHashStillBreaksTheChain) {
    // A forger recomputes the row hash correctly but cannot splice it into the middle of the chain.
    std::string prev = "x";
    std::string hash = tb::AuditLog::contentHash(rows + 1, "2026-01-01T00:00:00.000Z", "mallory", "model.approve",
                                                 "model:tickets/v1", "{}", prev);
    ASSERT_EQ(sqliteShell(dbPath, "INSERT INTO audit_log VALUES (" + std::to_string(rows + 1) +
                                      ", '2026-01-01T00:00:00.000Z', 'mallory', 'model.approve', "
                                      "'model:tickets/v1', '{}', '" + prev + "', '" + hash + "');"),
              0);
    auto v = reopenAndVerify();
    ASSERT_FALSE(v.ok);
    EXPECT_EQ(v.problems[0].seq, rows + 1);
    EXPECT_EQ(v.problems[0].kind, "inserted");
}
