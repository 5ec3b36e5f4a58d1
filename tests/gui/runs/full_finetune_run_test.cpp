// Full fine-tuning started from the Runs page's scheduler ends like `tunebench train --method full`: the
// finished run folder holds the tuned model (an HF folder beside the checkpoints) that loads back with
// the tuned weights; in an encrypted workspace such a run is refused before training, because that model
// folder would be plaintext.
#include <QFile>
#include <QTest>
#include <memory>

#include "core/data/dataset_version.h"
#include "core/model/model_loader.h"
#include "core/train/run_index.h"
#include "core/workspace/workspace_crypto.h"
#include "models/runs/run_scheduler.h"
#include "tests/gui/runs/demo_workspace.h"

using tb::models::RunScheduler;
using tb::train::RunStatus;

class FullFinetuneRunTest : public QObject {
    Q_OBJECT
private:
    tb::testing::DemoWorkspace m_demo;

    std::string runDir(const QString& id) const { return m_demo.workspace->runsDir() + "/" + id.toStdString(); }

    bool writeFullRun(const QString& id) {
        tb::train::RunRequest req;
        req.modelPath = m_demo.modelDir.toStdString();
        req.datasetDir = m_demo.versionDir.toStdString();
        req.trainPath = req.datasetDir + "/train.jsonl";
        req.task = "classification";
        req.config.method = tb::train::TrainMethod::Full;
        req.config.lr = 1e-3;
        req.config.maxSteps = 2;
        req.config.seed = 3;
        req.config.batch.batchSize = 4;
        req.config.batch.maxSeqLen = 48;
        if (!tb::train::writeRunRequest(runDir(id), req)) return false;
        return tb::train::writeRunState(runDir(id), tb::train::RunState{}).ok();
    }

    static RunStatus statusOf(const RunScheduler& s, const QString& id) {
        return s.find(id) ? s.find(id)->state.status : RunStatus::Failed;
    }

private slots:
    void initTestCase() { QVERIFY2(m_demo.create(), qPrintable(m_demo.error)); }

    void finishedFullRunSavesAModelThatLoadsWithTheTunedWeights() {
        const QString id = QStringLiteral("full-run");
        QVERIFY(writeFullRun(id));
        RunScheduler scheduler(QString::fromStdString(m_demo.workspace->runsDir()), false);
        QVERIFY(scheduler.enqueue(id));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(scheduler, id) == RunStatus::Finished || statusOf(scheduler, id) == RunStatus::Failed,
                                 120000);
        QVERIFY2(statusOf(scheduler, id) == RunStatus::Finished, scheduler.find(id)->state.message.c_str());
        const std::string model = runDir(id) + "/model";
        QVERIFY2(QFile::exists(QString::fromStdString(model + "/config.json")), "no model folder written");
        QVERIFY(QString::fromStdString(scheduler.find(id)->state.message).contains(QStringLiteral("/model")));
        auto tuned = tb::loadModel(model);
        QVERIFY2(tuned.ok(), tuned.ok() ? "" : tuned.message().c_str());
        auto base = tb::loadModel(m_demo.modelDir.toStdString());
        QVERIFY(base.ok());
        QCOMPARE(tuned->weights.config.numLayers, base->weights.config.numLayers);
        // Two full steps at lr 1e-3 moved the weights: the saved model is the tuned one, not a copy.
        const auto& a = tuned->weights.layers.at(0).wq;
        const auto& b = base->weights.layers.at(0).wq;
        QCOMPARE(a.rows(), b.rows());
        QVERIFY((a - b).cwiseAbs().maxCoeff() > 0.0f);
    }

    void encryptedWorkspaceRefusesFullFineTuning() {
        const QString id = QStringLiteral("full-encrypted");
        QVERIFY(writeFullRun(id));
        const std::string keyFile = m_demo.dir.filePath(QStringLiteral("ws.key")).toStdString();
        {
            QFile f(QString::fromStdString(keyFile));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'c'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile(m_demo.workspace->root(), keyFile).ok());
        auto key = tb::unlockWorkspace(m_demo.workspace->root(), "", keyFile);
        QVERIFY(key.ok());
        RunScheduler scheduler(QString::fromStdString(m_demo.workspace->runsDir()), false);
        scheduler.setRegistry(QString(), QStringLiteral("ana"), std::make_shared<const tb::WorkspaceKey>(*key));
        QVERIFY(scheduler.enqueue(id));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(scheduler, id) == RunStatus::Failed, 30000);
        QVERIFY(QString::fromStdString(scheduler.find(id)->state.message).contains(QStringLiteral("encrypted workspace")));
        QVERIFY(!QFile::exists(QString::fromStdString(runDir(id) + "/model")));
        QVERIFY(!QFile::exists(QString::fromStdString(runDir(id) + "/checkpoints")));
    }
};

QTEST_MAIN(FullFinetuneRunTest)
#include "full_finetune_run_test.moc"
