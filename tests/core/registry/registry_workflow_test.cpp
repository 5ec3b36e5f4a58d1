#include "registry_test_util.h"

using tb::Registry;

TEST_F(RegistryFixture, ClaimedAdminOthersAnalysts) {
    auto users = reg->users();
    ASSERT_TRUE(users.ok());
    for (auto& u : *users) {
        if (u.name == "admin") {
            EXPECT_EQ(u.role, tb::UserRole::Admin);
        } else if (u.name == "alice") {
            EXPECT_EQ(u.role, tb::UserRole::Analyst);
        } else if (u.name == "rita") {
            EXPECT_EQ(u.role, tb::UserRole::Reviewer);
        }
    }
    EXPECT_FALSE(reg->setUserRole("alice", "alice", tb::UserRole::Admin).ok()) << "analysts cannot grant roles";
}

TEST_F(RegistryFixture, RegisterNeedsAFinishedRun) {
    tb::RunRecord run;
    run.id = "run-running";
    run.baseModel = "m";
    run.status = "running";
    ASSERT_TRUE(reg->recordRun("alice", run).ok());
    tb::RegisterRequest req;
    req.group = "tickets";
    req.runId = "run-running";
    auto v = reg->registerModel("alice", req);
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.message().find("only a finished run"), std::string::npos);
    req.runId = "no-such-run";
    EXPECT_FALSE(reg->registerModel("alice", req).ok());
}

TEST_F(RegistryFixture, VersionsNumberPerGroupAndStartPending) {
    auto v1 = registerFrom("alice", "r1");
    auto v2 = registerFrom("alice", "r2");
    auto other = registerFrom("alice", "r3", "contracts");
    EXPECT_EQ(v1.version, 1);
    EXPECT_EQ(v2.version, 2);
    EXPECT_EQ(other.version, 1);
    EXPECT_EQ(v1.approval, "PendingManualApproval");
    EXPECT_EQ(v1.stage, "None");
    EXPECT_EQ(v1.runStartedBy, "alice");
}

TEST_F(RegistryFixture, FourEyesRule) {
    auto v = registerFrom("rita", "r1");  // a reviewer started this run
    auto blocker = reg->approvalBlocker("rita", v.id);
    ASSERT_TRUE(blocker.ok());
    EXPECT_NE(blocker->find("four-eyes"), std::string::npos);
    auto self = reg->approve("rita", v.id, "looks good");
    ASSERT_FALSE(self.ok());
    EXPECT_NE(self.message().find("four-eyes"), std::string::npos);
    EXPECT_FALSE(reg->reject("rita", v.id, "nope").ok()) << "no self-rejection either";
    EXPECT_TRUE(reg->approve("ralph", v.id, "checked the comparison").ok());
    EXPECT_EQ(reg->version(v.id)->approval, "Approved");
}

TEST_F(RegistryFixture, ApprovalNeedsReviewerAndComment) {
    auto v = registerFrom("alice", "r1");
    EXPECT_FALSE(reg->approve("alice", v.id, "mine").ok());
    auto analyst = reg->approve("bob", v.id, "fine");  // unknown users become analysts
    ASSERT_FALSE(analyst.ok());
    EXPECT_NE(analyst.message().find("analyst"), std::string::npos);
    auto noComment = reg->approve("rita", v.id, "   ");
    ASSERT_FALSE(noComment.ok());
    EXPECT_NE(noComment.message().find("comment"), std::string::npos);
    ASSERT_TRUE(reg->approve("rita", v.id, "ok").ok());
    EXPECT_FALSE(reg->approve("ralph", v.id, "again").ok()) << "already approved";
    EXPECT_FALSE(reg->reject("ralph", v.id, "late").ok()) << "already approved";
    auto comments = reg->comments(v.id);
    ASSERT_TRUE(comments.ok());
    ASSERT_EQ(comments->size(), 1u);
    EXPECT_EQ((*comments)[0].kind, "approval");
}

TEST_F(RegistryFixture, FailedGateNeedsOverrideReason) {
    auto v = registerFrom("alice", "r1", "tickets", false);
    auto plain = reg->approve("rita", v.id, "ship it");
    ASSERT_FALSE(plain.ok());
    EXPECT_NE(plain.message().find("override"), std::string::npos);
    ASSERT_TRUE(reg->approve("rita", v.id, "ship it", "gate threshold too strict for this label set").ok());
    EXPECT_EQ(reg->version(v.id)->approvalOverride, "gate threshold too strict for this label set");
}

TEST_F(RegistryFixture, RejectedCannotBePromoted) {
    auto v = registerFrom("alice", "r1");
    ASSERT_TRUE(reg->reject("rita", v.id, "worse than base on BILLING").ok());
    auto p = reg->promote("rita", v.id, "Production");
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.message().find("only Approved"), std::string::npos);
    EXPECT_FALSE(reg->promote("rita", v.id, "Staging").ok());
    EXPECT_TRUE(reg->promote("rita", v.id, "Archived").ok());
}

TEST_F(RegistryFixture, PendingCannotBePromotedAndAnalystCannotPromote) {
    auto v = registerFrom("alice", "r1");
    EXPECT_FALSE(reg->promote("rita", v.id, "Production").ok());
    ASSERT_TRUE(reg->approve("rita", v.id, "ok").ok());
    EXPECT_FALSE(reg->promote("alice", v.id, "Production").ok());
    EXPECT_FALSE(reg->promote("rita", v.id, "Live").ok()) << "unknown stage";
}

TEST_F(RegistryFixture, OneProductionPerGroupAndRollback) {
    auto v1 = registerFrom("alice", "r1");
    auto v2 = registerFrom("alice", "r2");
    ASSERT_TRUE(reg->approve("rita", v1.id, "ok").ok());
    ASSERT_TRUE(reg->approve("rita", v2.id, "ok").ok());
    ASSERT_TRUE(reg->promote("rita", v1.id, "Production").ok());
    ASSERT_TRUE(reg->promote("rita", v2.id, "Production").ok());
    EXPECT_EQ(reg->version(v1.id)->stage, "Archived");
    EXPECT_EQ(reg->version(v2.id)->stage, "Production");
    EXPECT_EQ((*reg->production("tickets"))->id, v2.id);

    auto back = reg->rollback("ralph", "tickets");
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->id, v1.id);
    EXPECT_EQ(reg->version(v1.id)->stage, "Production");
    EXPECT_EQ(reg->version(v2.id)->stage, "Archived");
    // The database itself refuses a second Production row even outside the workflow.
    auto raw = reg->db().run("UPDATE model_versions SET stage = 'Production' WHERE id = ?", {v2.id});
    EXPECT_FALSE(raw.ok());
}

TEST_F(RegistryFixture, RollbackWithoutHistoryIsRefused) {
    auto v1 = registerFrom("alice", "r1");
    EXPECT_FALSE(reg->rollback("rita", "tickets").ok());
    ASSERT_TRUE(reg->approve("rita", v1.id, "ok").ok());
    ASSERT_TRUE(reg->promote("rita", v1.id, "Production").ok());
    auto r = reg->rollback("rita", "tickets");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("no earlier Production"), std::string::npos);
    EXPECT_EQ(reg->version(v1.id)->stage, "Production") << "a refused rollback changes nothing";
}

TEST_F(RegistryFixture, EveryStateChangeIsAudited) {
    auto v = registerFrom("alice", "r1");
    ASSERT_TRUE(reg->approve("rita", v.id, "ok").ok());
    ASSERT_TRUE(reg->promote("rita", v.id, "Production").ok());
    ASSERT_TRUE(reg->addComment("alice", v.id, "thanks").ok());
    auto entries = reg->audit().entries();
    ASSERT_TRUE(entries.ok());
    std::vector<std::string> actions;
    for (auto& e : *entries) actions.push_back(e.action);
    auto has = [&](const std::string& a) { return std::find(actions.begin(), actions.end(), a) != actions.end(); };
    EXPECT_TRUE(has("user.create"));
    EXPECT_TRUE(has("user.role"));
    EXPECT_TRUE(has("run.create"));
    EXPECT_TRUE(has("model.register"));
    EXPECT_TRUE(has("model.approve"));
    EXPECT_TRUE(has("model.stage"));
    EXPECT_TRUE(has("model.comment"));
    EXPECT_EQ(entries->back().actor, "alice");
    auto verify = reg->audit().verify();
    ASSERT_TRUE(verify.ok());
    EXPECT_TRUE(verify->ok);
    EXPECT_EQ(verify->rowsChecked, int64_t(entries->size()));
}
