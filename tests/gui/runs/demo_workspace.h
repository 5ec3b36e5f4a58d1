// Test fixture shared by the Fine-tune and Runs page suites: a workspace in a QTemporaryDir holding a demo
// base model and a saved dataset version of the demo support tickets (train/validation/test, stratified).
// The model has the demo base model's architecture, tokenizer and initialisation (core/demo) but skips its
// pre-training (20 s idle, minutes on a loaded 2-core CI box); TB_TEST_PRETRAINED_DEMO=1 pre-trains it.
// Writes only below the temp dir.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/splitter.h"
#include "core/demo/demo_base_model.h"
#include "core/infer/random_weights.h"
#include "core/workspace/workspace.h"

namespace tb::testing {

struct DemoWorkspace {
    QTemporaryDir dir;
    std::shared_ptr<tb::Workspace> workspace;
    QString modelDir;
    QString versionDir;
    QString error;

    bool create() {
        if (!dir.isValid()) return fail(QStringLiteral("no temporary directory"));
        auto ws = tb::Workspace::open(dir.filePath(QStringLiteral("ws")).toStdString(), false);
        if (!ws) return fail(QString::fromStdString(ws.message()));
        workspace = *ws;
        const std::string resources = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo";
        const std::string folder = workspace->modelsDir() + "/demo-base";
        if (qEnvironmentVariableIntValue("TB_TEST_PRETRAINED_DEMO") == 1) {
            auto base = tb::demo::ensureDemoBaseModel(resources, folder);
            if (!base) return fail(QString::fromStdString(base.message()));
        } else if (!writeUntrainedDemoBase(resources, folder)) {
            return false;
        }
        modelDir = QString::fromStdString(folder);
        tb::SplitOptions split;
        split.validation = 0.1;
        split.test = 0.2;
        split.seed = 7;
        split.stratify = true;
        const std::string splitDir = dir.filePath(QStringLiteral("split")).toStdString();
        auto splitResult = tb::splitFile(resources + "/support_tickets.jsonl", splitDir, tb::ImportOptions{}, split);
        if (!splitResult) return fail(QString::fromStdString(splitResult.message()));
        auto version = tb::createDatasetVersion(workspace->datasetsDir(), splitDir,
                                                {"support-tickets", "demo tickets for the GUI tests", ""});
        if (!version) return fail(QString::fromStdString(version.message()));
        versionDir = QString::fromStdString(version->dir);
        return true;
    }

private:
    // ensureDemoBaseModel() before its pre-training: same config, GPT-2 style init, the demo tokenizer.
    bool writeUntrainedDemoBase(const std::string& resources, const std::string& folder) {
        QDir().mkpath(QString::fromStdString(folder));
        for (const char* f : {"tokenizer.json", "tokenizer_config.json"})
            if (!QFile::copy(QString::fromStdString(resources + "/" + f), QString::fromStdString(folder + "/" + f)))
                return fail(QStringLiteral("cannot copy %1").arg(QString::fromLatin1(f)));
        QFile tokenizer(QString::fromStdString(resources + "/tokenizer.json"));
        if (!tokenizer.open(QIODevice::ReadOnly)) return fail(QStringLiteral("cannot read tokenizer.json"));
        auto tj = nlohmann::json::parse(tokenizer.readAll().toStdString(), nullptr, false);
        if (tj.is_discarded()) return fail(QStringLiteral("tokenizer.json is not JSON"));
        tb::ModelConfig config = tb::demo::demoBaseModelConfig(int(tj["model"]["vocab"].size()));
        for (auto& t : tj["added_tokens"])
            if (t.value("content", "") == "<|endoftext|>") config.eosTokenIds = {t.value("id", -1)};
        tb::ModelWeights weights = tb::randomModelWeights(config, 1234, 0.02f, tb::RopeLayout::RotateHalf);
        weights.tokenEmbedding *= 1.0f / 25.0f;
        for (auto& l : weights.layers) {
            l.attnNorm.setOnes();
            l.ffnNorm.setOnes();
        }
        weights.finalNorm.setOnes();
        auto written = tb::demo::writeHfWeightsFolder(folder, weights);
        return written ? true : fail(QString::fromStdString(written.message()));
    }

    bool fail(const QString& message) {
        error = message;
        return false;
    }
};

}  // namespace tb::testing
