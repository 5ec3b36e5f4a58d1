// Users and bootstrap: looking at the registry writes nothing (no user, no audit row), a user is created
// as an analyst by their first state-changing action in that action's transaction, nobody becomes admin
// implicitly, the first admin is claimed explicitly once, and the four-eyes rule still holds.
#include "registry_test_util.h"

namespace {

int64_t auditRows(tb::Registry& reg) {
    auto entries = reg.audit().entries();
    EXPECT_TRUE(entries.ok()) << entries.message();
    return entries.ok() ? int64_t(entries->size()) : -1;
}

int64_t userCount(tb::Registry& reg) {
    auto users = reg.users();
    EXPECT_TRUE(users.ok());
    return users.ok() ? int64_t(users->size()) : -1;
}

}  // namespace

class FreshRegistry : public ::testing::Test {
protected:
    void SetUp() override {
        dir = std::filesystem::temp_directory_path() / ("tb_registry_users_" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        auto r = tb::Registry::open((dir / "registry.sqlite").string());
        ASSERT_TRUE(r.ok()) << r.message();
        reg = std::move(*r);
    }
    void TearDown() override {
        reg.reset();
        std::filesystem::remove_all(dir);
    }
    std::filesystem::path dir;
    std::unique_ptr<tb::Registry> reg;
};

TEST_F(FreshRegistry, LookingWritesNothingAndNobodyBecomesAdminImplicitly) {
    // What the Registry page does when it opens: read users, versions, groups, approval blockers.
    auto found = reg->findUser("viewer");
    ASSERT_TRUE(found.ok());
    EXPECT_FALSE(found->has_value());
    EXPECT_TRUE(reg->groups().ok());
    EXPECT_TRUE(reg->versions().ok());
    auto admin = reg->hasAdmin();
    ASSERT_TRUE(admin.ok());
    EXPECT_FALSE(*admin);
    EXPECT_EQ(auditRows(*reg), 0);
    EXPECT_EQ(userCount(*reg), 0);

    // The first state-changing action creates its actor, as an analyst, with the action's audit rows.
    tb::RunRecord run;
    run.id = "first-run";
    run.baseModel = "m";
    ASSERT_TRUE(reg->recordRun("first", run).ok());
    auto first = reg->findUser("first");
    ASSERT_TRUE(first.ok() && first->has_value());
    EXPECT_EQ((*first)->role, tb::UserRole::Analyst);
    auto entries = reg->audit().entries();
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].action, "user.create");
    EXPECT_EQ((*entries)[0].details["role"], "analyst");
    EXPECT_EQ((*entries)[1].action, "run.create");
    EXPECT_EQ((*entries)[1].actor, "first");
}

TEST_F(FreshRegistry, ARefusedActionCreatesNoUser) {
    // An unknown user trying a reviewer's action is refused as an analyst and leaves no trace.
    EXPECT_FALSE(reg->promote("stranger", 1, "Staging").ok());
    EXPECT_FALSE(reg->setUserRole("stranger", "stranger", tb::UserRole::Admin).ok());
    auto blocker = reg->approvalBlocker("stranger", 1);
    EXPECT_FALSE(blocker.ok());  // no such version
    // A failing action rolls its user creation back with it.
    EXPECT_FALSE(reg->updateRunStatus("stranger", "no-such-run", "finished", nlohmann::json::object()).ok());
    EXPECT_FALSE(reg->updateRunStatus("stranger", "no-such-run", "exploded", nlohmann::json::object()).ok());
    EXPECT_EQ(auditRows(*reg), 0);
    EXPECT_EQ(userCount(*reg), 0);
}

TEST_F(FreshRegistry, FirstAdminIsClaimedOnceExplicitly) {
    ASSERT_TRUE(reg->ensureUser("ann").ok());  // an analyst first
    auto claimed = reg->claimAdmin("ann");     // then sets the registry up
    ASSERT_TRUE(claimed.ok()) << claimed.message();
    EXPECT_EQ(claimed->role, tb::UserRole::Admin);
    EXPECT_TRUE(reg->claimAdmin("ann").ok()) << "claiming again as the admin is a no-op";
    const int64_t rows = auditRows(*reg);
    EXPECT_TRUE(reg->claimAdmin("ann").ok());
    EXPECT_EQ(auditRows(*reg), rows);
    auto second = reg->claimAdmin("bob");
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.message().find("already has an admin (ann)"), std::string::npos) << second.message();
    auto bob = reg->findUser("bob");
    ASSERT_TRUE(bob.ok());
    EXPECT_FALSE(bob->has_value());
    // The admin grants roles; the grant is audited with the admin as actor.
    ASSERT_TRUE(reg->setUserRole("ann", "bob", tb::UserRole::Reviewer).ok());
    auto entries = reg->audit().entries();
    ASSERT_TRUE(entries.ok());
    ASSERT_GE(entries->size(), 2u);
    const tb::AuditEntry& created = (*entries)[entries->size() - 2];
    EXPECT_EQ(created.action, "user.create");
    EXPECT_EQ(created.entity, "user:bob");
    EXPECT_EQ(created.actor, "ann") << "the admin who added bob is the actor";
    EXPECT_EQ(entries->back().action, "user.role");
    EXPECT_EQ(entries->back().actor, "ann");
    EXPECT_EQ(entries->back().details["to"], "reviewer");
    EXPECT_TRUE(reg->audit().verify()->ok);
    EXPECT_FALSE(reg->claimAdmin("../x").ok());
}

TEST_F(RegistryFixture, FourEyesHoldsForTheRunsAuthorEvenAsReviewer) {
    // ralph is a reviewer and starts the run: he may not approve its model, rita may.
    auto v = registerFrom("ralph", "ralph-run");
    ASSERT_GT(v.id, 0);
    EXPECT_EQ(v.runStartedBy, "ralph");
    auto own = reg->approvalBlocker("ralph", v.id);
    ASSERT_TRUE(own.ok());
    EXPECT_NE(own->find("four-eyes"), std::string::npos) << *own;
    EXPECT_FALSE(reg->approve("ralph", v.id, "looks good").ok());
    auto analyst = reg->approvalBlocker("nobody-yet", v.id);
    ASSERT_TRUE(analyst.ok());
    EXPECT_NE(analyst->find("analyst"), std::string::npos);
    auto unknown = reg->findUser("nobody-yet");
    ASSERT_TRUE(unknown.ok());
    EXPECT_FALSE(unknown->has_value()) << "asking why someone may not approve creates nobody";
    EXPECT_TRUE(reg->approvalBlocker("rita", v.id)->empty());
    ASSERT_TRUE(reg->approve("rita", v.id, "second pair of eyes").ok());
    EXPECT_EQ(reg->version(v.id)->approval, "Approved");
}

TEST_F(RegistryFixture, RegistrationKeepsNotesAndGroupDescriptionAndIsFoundByRun) {
    tb::RunRecord run;
    run.id = "noted-run";
    run.baseModel = "m";
    run.status = "finished";
    ASSERT_TRUE(reg->recordRun("alice", run).ok());
    tb::RegisterRequest req;
    req.group = "noted";
    req.runId = run.id;
    req.notes = "first try with rank 8";
    req.groupDescription = "ticket triage";
    auto v = reg->registerModel("alice", req);
    ASSERT_TRUE(v.ok()) << v.message();
    auto comments = reg->comments(v->id);
    ASSERT_TRUE(comments.ok());
    ASSERT_EQ(comments->size(), 1u);
    EXPECT_EQ((*comments)[0].kind, "registration");
    EXPECT_EQ((*comments)[0].body, "first try with rank 8");
    auto desc = reg->db().queryOne("SELECT description FROM model_groups WHERE name = 'noted'");
    ASSERT_TRUE(desc.ok() && desc->has_value());
    EXPECT_EQ((*desc)->text(0), "ticket triage");
    auto byRun = reg->versionsOfRun(run.id);
    ASSERT_TRUE(byRun.ok());
    ASSERT_EQ(byRun->size(), 1u);
    EXPECT_EQ((*byRun)[0].id, v->id);
    EXPECT_TRUE(reg->versionsOfRun("other")->empty());
    // Hostile notes and a malformed adapter hash are refused before anything is written.
    req.notes = std::string("bell\x07");
    EXPECT_FALSE(reg->registerModel("alice", req).ok());
    req.notes.clear();
    req.adapterSha256 = "not-a-hash";
    EXPECT_FALSE(reg->registerModel("alice", req).ok());
    EXPECT_EQ(reg->versionsOfRun(run.id)->size(), 1u);
}
