// The Fine-tune wizard driven end to end offscreen on a demo workspace, then the run it queued trained for
// real on the Runs page; pause, resume, cancel, queueing and resume after an interruption on real runs of
// the demo base model; screenshots of the review page and of the dashboard mid-run.
// Under a real X server: xvfb-run -a env -u QT_QPA_PLATFORM <build>/tests/gui/finetune/test_gui_finetune_wizard
#include "widgets/finetune/finetune_wizard.h"
#include "core/common/utc_time.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <memory>

#include "core/registry/registry.h"
#include "core/train/run_index.h"
#include "models/finetune/dataset_version_list_model.h"
#include "models/job_manager.h"
#include "models/runs/run_list_model.h"
#include "models/runs/run_scheduler.h"
#include "tests/gui/runs/demo_workspace.h"
#include "widgets/finetune/finetune_page.h"
#include "widgets/finetune/wizard_advanced_page.h"
#include "widgets/finetune/wizard_model_page.h"
#include "widgets/finetune/wizard_review_page.h"
#include "widgets/finetune/wizard_task_page.h"
#include "widgets/runs/metric_chart.h"
#include "widgets/runs/runs_page.h"
#include "widgets/runs/training_dashboard.h"

using tb::models::RunListModel;
using tb::train::RunStatus;
using tb::widgets::FinetunePage;
using tb::widgets::FinetuneWizard;
using tb::widgets::RunsPage;

class FinetuneWizardTest : public QObject {
    Q_OBJECT
private:
    tb::testing::DemoWorkspace m_demo;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::unique_ptr<FinetunePage> m_finetune;
    std::unique_ptr<RunsPage> m_runs;

    tb::widgets::PageContext context() const { return {m_demo.workspace, m_jobs.get(), QStringLiteral("tester")}; }

    void makeRunsPage() {
        m_runs = std::make_unique<RunsPage>(context());
        m_runs->resize(1280, 860);
        m_runs->show();
        m_runs->scheduler()->setSampleIntervalMs(100);
        connect(m_finetune.get(), &tb::widgets::Page::navigateRequested, m_runs.get(),
                [this](const QString& id, const QVariantMap& args) {
                    if (id == QLatin1String("runs")) m_runs->activate(args);
                });
    }

    RunStatus statusOf(const QString& runId) const {
        const auto* run = m_runs->scheduler()->find(runId);
        return run ? run->state.status : RunStatus::Failed;
    }
    qint64 stepOf(const QString& runId) const {
        const auto* run = m_runs->scheduler()->find(runId);
        return run ? run->state.step : -1;
    }

    // A run folder written the way the wizard writes it, with settings for a long run we stop ourselves.
    QString writeRun(const QString& name, int maxSteps) {
        tb::train::RunRequest req;
        req.modelPath = m_demo.modelDir.toStdString();
        req.datasetName = "support-tickets";
        req.datasetDir = m_demo.versionDir.toStdString();
        req.trainPath = req.datasetDir + "/train.jsonl";
        req.valPath = req.datasetDir + "/validation.jsonl";
        req.testPath = req.datasetDir + "/test.jsonl";
        req.task = "classification";
        req.config.lora.rank = 4;
        req.config.lora.alpha = 8;
        req.config.lr = 3e-3;
        req.config.epochs = 3;
        req.config.maxSteps = maxSteps;
        req.config.batch.batchSize = 8;
        req.config.batch.maxSeqLen = 64;
        req.config.checkpointEvery = 2;
        req.config.evalEvery = 10;
        const std::string dir = m_demo.workspace->runsDir() + "/" + name.toStdString();
        if (!tb::train::writeRunRequest(dir, req)) return {};
        tb::train::RunState state;
        state.createdAt = tb::utcTimestampNow();
        if (!tb::train::writeRunState(dir, state)) return {};
        return name;
    }

    static void saveShot(QWidget* w, const QString& name) {
        QDir().mkpath(QStringLiteral(TEST_OUTPUT_DIR));
        const QString path = QStringLiteral(TEST_OUTPUT_DIR) + QLatin1Char('/') + name;
        QVERIFY2(w->grab().save(path), qPrintable(path));
    }

private slots:
    void initTestCase() {
        QVERIFY2(m_demo.create(), qPrintable(m_demo.error));
        m_jobs = std::make_unique<tb::models::JobManager>(1);
        m_finetune = std::make_unique<FinetunePage>(context());
        m_finetune->show();
        makeRunsPage();
    }

    void cleanupTestCase() {
        m_runs.reset();
        m_finetune.reset();
        m_jobs->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->activeCount(), 0, 60000);  // a cancelled job ends at its next check
        m_jobs.reset();
    }

    void datasetVersionListModelListsSavedVersions() {
        tb::models::DatasetVersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.reload(QString::fromStdString(m_demo.workspace->datasetsDir()));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex idx = model.index(0, 0);
        QCOMPARE(idx.data(tb::models::DatasetVersionListModel::DirRole).toString(), m_demo.versionDir);
        const qlonglong train = idx.data(tb::models::DatasetVersionListModel::TrainCountRole).toLongLong();
        const qlonglong val = idx.data(tb::models::DatasetVersionListModel::ValidationCountRole).toLongLong();
        const qlonglong test = idx.data(tb::models::DatasetVersionListModel::TestCountRole).toLongLong();
        QVERIFY(train > 500 && val > 50 && test > 100);
        QVERIFY(idx.data().toString().contains(QStringLiteral("train %1").arg(train)));
        QCOMPARE(model.rowOfDir(m_demo.versionDir + QStringLiteral("/")), 0);
        model.reload(QString::fromStdString(m_demo.workspace->datasetsDir()) + QStringLiteral("/missing"));
        QCOMPARE(model.rowCount(), 0);
    }

    void wizardEndToEndTrainsARun() {
        auto* button = m_finetune->findChild<QPushButton*>(QStringLiteral("newFinetuneButton"));
        QVERIFY(button && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        FinetuneWizard* wizard = m_finetune->wizard();
        QVERIFY(wizard && wizard->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(wizard));
        QAbstractButton* next = wizard->button(QWizard::NextButton);

        // Base model: an unusable file is refused with the reason, the demo model shows its facts.
        auto* path = wizard->findChild<QLineEdit*>(QStringLiteral("modelPath"));
        auto* facts = wizard->findChild<QLabel*>(QStringLiteral("modelFacts"));
        auto* modelError = wizard->findChild<QLabel*>(QStringLiteral("modelError"));
        QVERIFY(path && facts && modelError);
        path->setText(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl"));
        QTRY_VERIFY_WITH_TIMEOUT(modelError->text().contains(QStringLiteral("cannot be used")), 20000);
        QVERIFY(!next->isEnabled());
        path->clear();
        QTest::keyClicks(path, m_demo.modelDir);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        QVERIFY(facts->text().contains(QStringLiteral("parameters:")));
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);

        // Dataset version and splits.
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::DataPageId));
        auto* versions = wizard->findChild<QComboBox*>(QStringLiteral("datasetVersion"));
        QCOMPARE(versions->count(), 1);
        QVERIFY(versions->currentText().startsWith(QStringLiteral("support-tickets@")));
        QVERIFY(wizard->findChild<QCheckBox*>(QStringLiteral("useValidation"))->isChecked());
        QVERIFY(wizard->findChild<QCheckBox*>(QStringLiteral("useTest"))->isChecked());
        QTest::mouseClick(next, Qt::LeftButton);

        // Task: the data is read with the model's tokenizer; labels make it a classification task.
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::TaskPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 30000);
        QVERIFY(wizard->findChild<QRadioButton*>(QStringLiteral("presetClassification"))->isChecked());
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("dataFacts"))->text().contains(QStringLiteral("Labels:")));
        QVERIFY(wizard->findChild<QLabel*>(QStringLiteral("dataFacts"))->text().contains(QStringLiteral("BILLING")));
        const auto& presetCfg = wizard->state().request.config;
        QCOMPARE(presetCfg.lora.rank, 8);
        QVERIFY(presetCfg.lr > 1e-3);  // a 0.4M-parameter model gets a tiny-model learning rate
        QTest::mouseClick(next, Qt::LeftButton);

        // Every setting; bad input is refused where it is typed.
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::AdvancedPageId));
        auto* lr = wizard->findChild<QLineEdit*>(QStringLiteral("learningRate"));
        auto* advancedError = wizard->findChild<QLabel*>(QStringLiteral("advancedError"));
        lr->setText(QStringLiteral("fast"));
        QVERIFY(!next->isEnabled());
        QVERIFY(advancedError->text().contains(QStringLiteral("Learning rate")));
        lr->setText(QStringLiteral("4e-3"));
        QVERIFY(next->isEnabled());
        auto* targets = wizard->findChild<QLineEdit*>(QStringLiteral("loraTargets"));
        targets->setText(QStringLiteral("q,banana"));
        QVERIFY(!next->isEnabled());
        QVERIFY(!advancedError->text().isEmpty());
        targets->setText(QStringLiteral("q,k,v,o"));
        QVERIFY(next->isEnabled());
        // BF16 base arithmetic is a LoRA setting: disabled for full fine-tuning; this run uses it.
        auto* compute = wizard->findChild<QComboBox*>(QStringLiteral("computePrecision"));
        auto* method = wizard->findChild<QComboBox*>(QStringLiteral("method"));
        QVERIFY(compute && method && compute->isEnabled());
        method->setCurrentIndex(1);
        QVERIFY(!compute->isEnabled());
        method->setCurrentIndex(0);
        QVERIFY(compute->isEnabled());
        compute->setCurrentIndex(compute->findData(QStringLiteral("bf16")));
        wizard->findChild<QSpinBox*>(QStringLiteral("maxSteps"))->setValue(6);
        wizard->findChild<QSpinBox*>(QStringLiteral("evalEvery"))->setValue(3);
        wizard->findChild<QSpinBox*>(QStringLiteral("checkpointEvery"))->setValue(3);
        QTest::mouseClick(next, Qt::LeftButton);

        // Review: estimate, warnings, run name; screenshot.
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::ReviewPageId));
        auto* review = wizard->reviewPage();
        QCOMPARE(review->plannedSteps(), qint64(6));
        QVERIFY(
            wizard->findChild<QLabel*>(QStringLiteral("estimateLabel"))->text().contains(QStringLiteral("6 steps")));
        QVERIFY(!review->warnings().contains(QStringLiteral("no-validation")));
        QVERIFY(!review->warnings().contains(QStringLiteral("truncation")));
        auto* name = wizard->findChild<QLineEdit*>(QStringLiteral("runName"));
        name->setText(QStringLiteral("../escape"));
        QVERIFY(!wizard->button(QWizard::FinishButton)->isEnabled());
        name->setText(QStringLiteral("wizard-run"));
        QVERIFY(wizard->button(QWizard::FinishButton)->isEnabled());
        saveShot(wizard, QStringLiteral("finetune_wizard_review.png"));

        QSignalSpy modified(m_finetune.get(), &tb::widgets::Page::workspaceModified);
        QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(modified.count(), 1);
        QCOMPARE(modified.at(0).at(0).toString(), QStringLiteral("runs"));

        // The Runs page got the run and trains it to the end.
        const QString runId = QStringLiteral("wizard-run");
        QCOMPARE(m_runs->selectedRunId(), runId);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(runId) == RunStatus::Finished, 120000);
        RunListModel* model = m_runs->runModel();
        const int row = model->rowOf(runId);
        QCOMPARE(model->index(row, RunListModel::StatusColumn).data().toString(), QStringLiteral("finished"));
        QVERIFY(model->index(row, RunListModel::BestValColumn).data(RunListModel::SortRole).toDouble() > 0.0);
        QCOMPARE(model->index(row, RunListModel::ProgressColumn).data().toString(), QStringLiteral("6 / 6"));
        const QString runDir = QString::fromStdString(m_demo.workspace->runsDir()) + QStringLiteral("/wizard-run");
        QVERIFY(QFile::exists(runDir + QStringLiteral("/adapter/adapter_config.json")));
        QVERIFY(QFile::exists(runDir + QStringLiteral("/metrics.jsonl")));
        {
            QFile request(runDir + QStringLiteral("/request.json"));
            QVERIFY(request.open(QIODevice::ReadOnly));
            QVERIFY(request.readAll().contains("\"compute_precision\": \"bf16\""));
        }
        auto* log = m_runs->findChild<QPlainTextEdit*>(QStringLiteral("runLog"));
        QVERIFY(log->toPlainText().contains(QStringLiteral("Finished")));
        QCOMPARE(m_runs->dashboard()->lossChart()->pointCount(0), 6);

        // After the run: evaluate-and-compare and register hand the adapter to those pages.
        QSignalSpy navigate(m_runs.get(), &tb::widgets::Page::navigateRequested);
        auto* evaluate = m_runs->findChild<QPushButton*>(QStringLiteral("evaluateButton"));
        auto* registerButton = m_runs->findChild<QPushButton*>(QStringLiteral("registerButton"));
        QVERIFY(evaluate->isEnabled() && registerButton->isEnabled());
        QTest::mouseClick(evaluate, Qt::LeftButton);
        QCOMPARE(navigate.count(), 1);
        QCOMPARE(navigate.at(0).at(0).toString(), QStringLiteral("compare"));
        const QVariantMap compareArgs = navigate.at(0).at(1).toMap();
        QVERIFY(QFile::exists(compareArgs.value(QStringLiteral("adapter_b")).toString() +
                              QStringLiteral("/adapter_config.json")));
        QCOMPARE(compareArgs.value(QStringLiteral("a")).toString(), m_demo.modelDir);
        QCOMPARE(compareArgs.value(QStringLiteral("b")).toString(), m_demo.modelDir);
        QCOMPARE(compareArgs.value(QStringLiteral("task")).toString(), QStringLiteral("classification"));
        QVERIFY(compareArgs.value(QStringLiteral("data")).toString().endsWith(QStringLiteral("test.jsonl")));
        // Register asks for the model group first (registering is tested in tests/gui/runs).
        QTest::mouseClick(registerButton, Qt::LeftButton);
        auto* dialog = m_runs->findChild<QDialog*>(QStringLiteral("registerRunDialog"));
        QVERIFY(dialog && dialog->isVisible());
        dialog->reject();
        QCOMPARE(navigate.count(), 1);
        // The wizard's run is in the registry, started by the acting user, on its dataset version.
        auto reg = tb::Registry::open(m_demo.workspace->registryPath());
        QVERIFY(reg.ok());
        auto recorded = (*reg)->run(runId.toStdString());
        QVERIFY2(recorded.ok(), recorded.ok() ? "" : recorded.message().c_str());
        QCOMPARE(recorded->startedBy, std::string("tester"));
        QCOMPARE(recorded->status, std::string("finished"));
        QCOMPARE(recorded->datasetVersionId, QFileInfo(m_demo.versionDir).fileName().toStdString());
    }

    void reviewWarnsAboutMissingValidationAndTruncation() {
        FinetuneWizard* wizard = m_finetune->openWizard();
        QVERIFY(wizard);
        wizard->restart();
        wizard->modelPage()->setModelPath(m_demo.modelDir);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 20000);
        wizard->next();
        wizard->findChild<QCheckBox*>(QStringLiteral("useValidation"))->setChecked(false);
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->currentPage()->isComplete(), 30000);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::AdvancedPageId));
        // Early stopping without validation is refused until patience is 0.
        auto* patience = wizard->findChild<QSpinBox*>(QStringLiteral("earlyStopPatience"));
        patience->setValue(2);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        patience->setValue(0);
        wizard->findChild<QSpinBox*>(QStringLiteral("maxSeqLen"))->setValue(16);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(FinetuneWizard::ReviewPageId));
        const QStringList warnings = wizard->reviewPage()->warnings();
        QVERIFY2(warnings.contains(QStringLiteral("no-validation")), qPrintable(warnings.join(',')));
        QVERIFY2(warnings.contains(QStringLiteral("truncation")), qPrintable(warnings.join(',')));
        QVERIFY(
            wizard->findChild<QLabel*>(QStringLiteral("warningsLabel"))->text().contains(QStringLiteral("truncated")));
        wizard->reject();
    }

    void pauseResumeCancelAndQueue() {
        const QString first = writeRun(QStringLiteral("long-a"), 400);
        const QString second = writeRun(QStringLiteral("long-b"), 400);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        m_runs->activate({{QStringLiteral("run"), first}, {QStringLiteral("start"), true}});
        m_runs->activate({{QStringLiteral("run"), second}, {QStringLiteral("start"), true}});
        QCOMPARE(statusOf(second), RunStatus::Queued);  // one trains at a time
        m_runs->selectRun(first);
        QTRY_VERIFY_WITH_TIMEOUT(stepOf(first) >= 4, 60000);

        auto* pause = m_runs->findChild<QPushButton*>(QStringLiteral("pauseButton"));
        auto* resume = m_runs->findChild<QPushButton*>(QStringLiteral("resumeButton"));
        auto* cancel = m_runs->findChild<QPushButton*>(QStringLiteral("cancelButton"));
        QVERIFY(pause->isEnabled() && !resume->isEnabled() && cancel->isEnabled());
        m_runs->dashboard()->redrawNow();
        saveShot(m_runs->dashboard(), QStringLiteral("training_dashboard_midrun.png"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Paused, 20000);
        const qint64 pausedAt = stepOf(first);
        QTest::qWait(600);
        QCOMPARE(stepOf(first), pausedAt);
        QVERIFY(resume->isEnabled() && !pause->isEnabled());
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Running && stepOf(first) > pausedAt + 1, 30000);

        // Cancel the queued one (dropped), then the running one (checkpoint kept, Resume offered).
        QVERIFY(m_runs->scheduler()->cancel(second));
        QCOMPARE(statusOf(second), RunStatus::Cancelled);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Cancelled, 30000);
        const qint64 cancelledAt = stepOf(first);
        QVERIFY(m_runs->scheduler()->find(first)->lastCheckpointStep == cancelledAt);
        QVERIFY(m_runs->scheduler()->canResume(first));
        QVERIFY(resume->isEnabled());

        // Resume continues from the checkpoint, not from step 0.
        QSignalSpy steps(m_runs->scheduler(), &tb::models::RunScheduler::stepReported);
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 2, 60000);
        QCOMPARE(steps.at(0).at(0).value<tb::models::TrainStepReport>().step, cancelledAt + 1);
        QVERIFY(m_runs->scheduler()->cancel(first));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Cancelled, 30000);
    }

    void reopeningListsRunsAndOffersResumeForInterrupted() {
        // A run left "running" by a session that died, with a checkpoint on disk.
        const QString first = QStringLiteral("long-a");
        const std::string dir = m_demo.workspace->runsDir() + "/long-a";
        auto state = tb::train::readRunState(dir);
        QVERIFY(state.ok());
        state->status = RunStatus::Running;
        QVERIFY(tb::train::writeRunState(dir, *state).ok());

        m_runs.reset();  // close the page (the app)
        makeRunsPage();
        RunListModel* model = m_runs->runModel();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(statusOf(QStringLiteral("wizard-run")), RunStatus::Finished);
        QCOMPARE(statusOf(QStringLiteral("long-b")), RunStatus::Cancelled);
        QCOMPARE(statusOf(first), RunStatus::Interrupted);
        QCOMPARE(model->index(model->rowOf(first), RunListModel::StatusColumn).data().toString(),
                 QStringLiteral("interrupted"));
        QVERIFY(model->index(model->rowOf(first), 0).data(RunListModel::CanResumeRole).toBool());
        m_runs->selectRun(first);
        auto* resume = m_runs->findChild<QPushButton*>(QStringLiteral("resumeButton"));
        QVERIFY(resume->isEnabled());
        QVERIFY(m_runs->dashboard()->lossChart()->pointCount(0) > 0);  // history from metrics.jsonl
        // GPU figures come from NVML when a driver is present; otherwise the dashboard says why not.
        const QString noGpu = m_runs->scheduler()->gpuUnavailableReason();
        if (noGpu.isEmpty()) {
            QVERIFY(m_runs->findChild<tb::widgets::MetricChart*>(QStringLiteral("gpuChart")));
        } else {
            auto* absent = m_runs->findChild<QLabel*>(QStringLiteral("gpuAbsent"));
            QVERIFY(absent && absent->text().contains(noGpu));
        }
        QTest::mouseClick(resume, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Running, 30000);
        QVERIFY(m_runs->scheduler()->cancel(first));
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(first) == RunStatus::Cancelled, 30000);
    }
};

QTEST_MAIN(FinetuneWizardTest)
#include "finetune_wizard_test.moc"
