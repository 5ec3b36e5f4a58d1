// modelLineage: dataset version -> run -> model version -> exports and stage history, as recorded.
#include "core/registry/registry_lineage.h"
#include "registry_test_util.h"

class RegistryLineageTest : public RegistryFixture {};

TEST_F(RegistryLineageTest, FollowsDatasetRunVersionExportsAndStages) {
    const std::string datasetId(64, 'd');
    ASSERT_TRUE(reg->recordDatasetVersion("alice", datasetId, "tickets", {{"records", 12}}).ok());
    tb::RunRecord run;
    run.id = "run-lineage";
    run.datasetVersionId = datasetId;
    run.baseModel = "demo-base";
    run.status = "finished";
    run.seed = 7;
    ASSERT_TRUE(reg->recordRun("alice", run).ok());
    tb::RegisterRequest req;
    req.group = "tickets";
    req.runId = run.id;
    req.adapterSha256 = std::string(64, 'a');
    req.gatePassed = true;
    auto v = reg->registerModel("alice", req);
    ASSERT_TRUE(v.ok()) << v.message();
    ASSERT_TRUE(reg->recordExport("alice", v->id, "gguf", "/exports/tuned.gguf", std::string(64, 'e'),
                                  {{"passed", true}}).ok());
    ASSERT_TRUE(reg->approve("rita", v->id, "looks good").ok());
    ASSERT_TRUE(reg->promote("rita", v->id, "Production").ok());

    auto l = tb::modelLineage(*reg, v->id);
    ASSERT_TRUE(l.ok()) << l.message();
    ASSERT_TRUE(l->dataset.has_value());
    EXPECT_EQ(l->dataset->id, datasetId);
    EXPECT_EQ(l->dataset->name, "tickets");
    EXPECT_EQ(l->dataset->createdBy, "alice");
    ASSERT_TRUE(l->run.has_value());
    EXPECT_EQ(l->run->id, "run-lineage");
    EXPECT_EQ(l->run->seed, 7);
    EXPECT_EQ(l->version.id, v->id);
    ASSERT_EQ(l->exports.size(), 1u);
    EXPECT_EQ(l->exports[0].format, "gguf");
    EXPECT_EQ(l->exports[0].path, "/exports/tuned.gguf");
    EXPECT_EQ(l->exports[0].parity["passed"], true);
    ASSERT_EQ(l->stages.size(), 1u);
    EXPECT_EQ(l->stages[0].fromStage, "None");
    EXPECT_EQ(l->stages[0].toStage, "Production");
    EXPECT_EQ(l->stages[0].actor, "rita");
}

TEST_F(RegistryLineageTest, VersionWithoutDatasetOrExportsHasEmptyParts) {
    auto v = registerFrom("alice", "run-bare");
    auto l = tb::modelLineage(*reg, v.id);
    ASSERT_TRUE(l.ok()) << l.message();
    EXPECT_FALSE(l->dataset.has_value());
    ASSERT_TRUE(l->run.has_value());
    EXPECT_TRUE(l->exports.empty());
    EXPECT_TRUE(l->stages.empty());
}

TEST_F(RegistryLineageTest, UnknownVersionIsAnError) {
    auto l = tb::modelLineage(*reg, 4242);
    EXPECT_FALSE(l.ok());
}
