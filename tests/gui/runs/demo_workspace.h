// Test fixture shared by the Fine-tune and Runs page suites: a workspace in a QTemporaryDir holding the demo
// base model (pre-trained by core/demo from resources/demo, ~20 s once per suite) and a saved dataset
// version of the demo support tickets (train/validation/test, stratified). Writes only below the temp dir.
#pragma once

#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/splitter.h"
#include "core/demo/demo_base_model.h"
#include "core/workspace/workspace.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

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
        auto base = tb::demo::ensureDemoBaseModel(resources, workspace->modelsDir() + "/demo-base");
        if (!base) return fail(QString::fromStdString(base.message()));
        modelDir = QString::fromStdString(base->folder);
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
    bool fail(const QString& message) {
        error = message;
        return false;
    }
};

}  // namespace tb::testing
