// A registry in a fresh temporary folder, with users of each role and a finished run.
#pragma once

#include "core/registry/registry.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

class RegistryFixture : public ::testing::Test {
protected:
    void SetUp() override {
        static int counter = 0;
        dir = std::filesystem::temp_directory_path() /
              ("tb_registry_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        dbPath = (dir / "registry.sqlite").string();
        auto r = tb::Registry::open(dbPath);
        ASSERT_TRUE(r.ok()) << r.message();
        reg = std::move(*r);
        ASSERT_TRUE(reg->claimAdmin("admin").ok());  // the explicit first admin
        ASSERT_TRUE(reg->ensureUser("alice").ok());  // analyst
        ASSERT_TRUE(reg->ensureUser("rita").ok());
        ASSERT_TRUE(reg->setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
        ASSERT_TRUE(reg->ensureUser("ralph").ok());
        ASSERT_TRUE(reg->setUserRole("admin", "ralph", tb::UserRole::Reviewer).ok());
    }
    void TearDown() override {
        reg.reset();
        std::filesystem::remove_all(dir);
    }
    // A finished run started by `who`, registered into `group`.
    tb::ModelVersionRecord registerFrom(const std::string& who, const std::string& runId,
                                        const std::string& group = "tickets", std::optional<bool> gate = true) {
        tb::RunRecord run;
        run.id = runId;
        run.baseModel = "demo-base";
        run.status = "finished";
        EXPECT_TRUE(reg->recordRun(who, run).ok());
        tb::RegisterRequest req;
        req.group = group;
        req.runId = runId;
        req.adapterSha256 = std::string(64, 'a');
        req.gatePassed = gate;
        auto v = reg->registerModel(who, req);
        EXPECT_TRUE(v.ok()) << v.message();
        return v.ok() ? *v : tb::ModelVersionRecord{};
    }
    std::filesystem::path dir;
    std::string dbPath;
    std::unique_ptr<tb::Registry> reg;
};
