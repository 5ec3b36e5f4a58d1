// A real workspace in a QTemporaryDir with a registry holding users of each role, a dataset version,
// two finished runs and two model versions whose evaluation reports and gate results are scored from
// the shared prediction fixtures (tests/data/eval) and whose adapter is the tiny PEFT fixture, stored
// content-addressed. Shared by the Registry page's tests.
#pragma once

#include "core/eval/eval_gate.h"
#include "core/eval/eval_score_file.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/workspace/workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct RegistryTestWorkspace {
    QTemporaryDir dir;
    std::shared_ptr<tb::Workspace> workspace;
    std::unique_ptr<tb::Registry> registry;
    int64_t passedId = 0;  // tickets v1: tuned predictions, gate passed
    int64_t failedId = 0;  // tickets v2: base predictions, gate failed
    std::string datasetId;

    static std::string data(const char* rel) { return std::string(TUNEBENCH_SOURCE_DIR) + "/tests/data/" + rel; }

    // Fails the calling test (returns false) when any step does not work.
    bool create(const std::string& author = "ralph") {
        if (!dir.isValid()) return false;
        auto ws = tb::Workspace::open(dir.path().toStdString(), false);
        if (!ws) return fail(ws.message());
        workspace = *ws;
        auto reg = tb::Registry::open(workspace->registryPath());
        if (!reg) return fail(reg.message());
        registry = std::move(*reg);
        tb::Registry& r = *registry;
        // admin set up explicitly (nobody becomes admin implicitly); alice analyst; rita and ralph reviewers.
        if (!r.claimAdmin("admin") || !r.ensureUser("alice")) return fail("users");
        for (const char* reviewer : {"rita", "ralph"})
            if (auto s = r.setUserRole("admin", reviewer, tb::UserRole::Reviewer); !s) return fail(s.message());

        tb::eval::ScoreOptions score;
        score.task = tb::eval::EvalTask::Classification;
        auto tuned = tb::eval::scorePredictionsFile(data("eval/predictions_cls_tuned.jsonl"), score);
        auto base = tb::eval::scorePredictionsFile(data("eval/predictions_cls_base.jsonl"), score);
        if (!tuned || !base) return fail(!tuned ? tuned.message() : base.message());
        auto gate = tb::eval::readGateConfigFile(data("eval/gate_example.json"));
        if (!gate) return fail(gate.message());
        auto tunedGate = tb::eval::evaluateGates(*gate, *tuned, &*base);
        auto baseGate = tb::eval::evaluateGates(*gate, *base, &*tuned);
        if (!tunedGate.passed || baseGate.passed) return fail("the fixtures no longer give one passing, one failing gate");

        tb::ArtifactStore store(workspace->artifactsDir());
        auto adapter = store.put(data("train/peft_tiny"), "adapter");
        if (!adapter) return fail(adapter.message());

        datasetId = std::string(64, '7');
        if (auto s = r.recordDatasetVersion(author, datasetId, "support-tickets", {{"records", 12}}); !s)
            return fail(s.message());
        int n = 0;
        for (auto* pair : {&tunedGate, &baseGate}) {
            ++n;
            tb::RunRecord run;
            run.id = "run-" + std::to_string(n);
            run.datasetVersionId = datasetId;
            run.baseModel = "demo-base";
            run.status = "finished";
            run.seed = 11;
            if (auto s = r.recordRun(author, run); !s) return fail(s.message());
            tb::RegisterRequest req;
            req.group = "tickets";
            req.runId = run.id;
            req.adapterPath = adapter->storedAt;
            req.adapterSha256 = adapter->sha256;
            req.evalReport = (n == 1 ? *tuned : *base).toJson();
            req.gate = pair->toJson();
            req.gatePassed = pair->passed;
            auto v = r.registerModel(author, req);
            if (!v) return fail(v.message());
            (n == 1 ? passedId : failedId) = v->id;
        }
        if (auto s = r.recordExport(author, passedId, "gguf", workspace->root() + "/exports/tickets-v1.gguf",
                                    std::string(64, 'e'), {{"passed", true}});
            !s)
            return fail(s.message());
        return true;
    }

    bool fail(const std::string& why) {
        qWarning("registry test workspace: %s", why.c_str());
        return false;
    }
};
