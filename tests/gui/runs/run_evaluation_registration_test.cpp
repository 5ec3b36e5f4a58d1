// A run registered with its evaluation (issue 7): stored comparisons made by hand (prediction sets with known
// macro F1) in a workspace beside a finished run folder; only those that used this run's adapter are offered,
// newest first; the Register dialog reads the chosen one on a worker and shows the gate's verdict before
// confirming; the registered version carries the tuned report, the base report and the comparison id, the
// gate result and gatePassed as computed by hand; a failed gate makes approval need an override reason (on
// the Registry page and in core); "None" registers without an evaluation; an encrypted comparison needs the key.
// No model is run: fast.
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "core/eval/comparison.h"
#include "core/eval/comparison_store.h"
#include "core/registry/registry.h"
#include "core/train/run_index.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"
#include "models/job_manager.h"
#include "models/runs/run_registration.h"
#include "models/runs/run_scheduler.h"
#include "widgets/registry/approval_dialog.h"
#include "widgets/registry/registry_page.h"
#include "widgets/registry/version_detail_widget.h"
#include "widgets/runs/register_run_dialog.h"
#include "widgets/runs/runs_page.h"

using tb::widgets::RegisterRunDialog;
using tb::widgets::RunsPage;

namespace {

// Gold labels billing, billing, tech, tech. All "billing": billing F1 2/3, tech F1 0 -> macro F1 1/3.
// All right: macro F1 1.
tb::eval::PredictionSet predictions(const std::string& file, bool allRight) {
    tb::eval::PredictionSet set;
    set.file = file;
    const char* gold[] = {"billing", "billing", "tech", "tech"};
    for (int i = 0; i < 4; ++i) {
        tb::eval::PredictionRecord r;
        r.id = "ex-" + std::to_string(i);
        r.prompt = "ticket " + std::to_string(i);
        r.label = gold[i];
        r.references = {gold[i]};
        r.prediction = allRight ? gold[i] : "billing";
        set.records.push_back(r);
    }
    return set;
}

}  // namespace

class RunEvaluationRegistrationTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<tb::Workspace> m_ws;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::string m_runDir, m_modelFile;
    std::string m_good, m_bad;  // comparison folders: tuned beats base / base beats tuned
    const QString m_runId = QStringLiteral("run-eval");

    tb::widgets::PageContext context(const QString& user) const { return {m_ws, m_jobs.get(), user}; }
    std::unique_ptr<tb::Registry> openRegistry() const {
        auto reg = tb::Registry::open(m_ws->registryPath());
        return reg ? std::move(*reg) : nullptr;
    }

    // A finished run folder whose adapter/ is the tiny PEFT fixture.
    bool writeRun(const QString& id) {
        const std::string dir = m_ws->runsDir() + "/" + id.toStdString();
        if (!QDir().mkpath(QString::fromStdString(dir + "/adapter"))) return false;
        for (const char* f : {"adapter_config.json", "adapter_model.safetensors"})
            if (!QFile::copy(QStringLiteral(TUNEBENCH_SOURCE_DIR "/tests/data/train/peft_tiny/") + QLatin1String(f),
                             QString::fromStdString(dir + "/adapter/" + f)))
                return false;
        tb::train::RunRequest req;
        req.modelPath = m_modelFile;
        req.trainPath = m_dir.filePath(QStringLiteral("train.jsonl")).toStdString();
        req.task = "classification";
        if (!tb::train::writeRunRequest(dir, req)) return false;
        tb::train::RunState state;
        state.status = tb::train::RunStatus::Finished;
        state.endedAt = "2025-01-01T00:00:00Z";
        return tb::train::writeRunState(dir, state).ok();
    }

    std::string saveComparison(const std::string& adapterB, bool tunedRight, bool baseRight,
                               const tb::WorkspaceKey* key = nullptr, const std::string& evalDir = "") {
        tb::eval::ScoreOptions score;
        score.task = tb::eval::EvalTask::Classification;
        score.labels = {"billing", "tech"};
        auto a = predictions("base.jsonl", baseRight), b = predictions("tuned.jsonl", tunedRight);
        auto result = tb::eval::comparePredictions(a, b, score);
        if (!result) return {};
        tb::eval::ComparisonSource source;
        source.modelA = m_modelFile;
        source.modelB = m_modelFile;
        source.adapterB = adapterB;
        source.data = "test.jsonl";
        source.score = score;
        auto dir = tb::eval::saveComparison(evalDir.empty() ? m_ws->evalDir() : evalDir, source, a, b, *result, key);
        if (!dir) qWarning("%s", dir.message().c_str());
        return dir ? *dir : std::string();
    }

    tb::models::RunRegistration registration(const std::string& group, const std::string& comparison) const {
        tb::models::RunRegistration r;
        r.group = group;
        r.adapterDir = m_runDir + "/adapter";
        r.artifactsDir = m_ws->artifactsDir();
        r.comparisonDir = comparison;
        r.runDir = m_runDir;
        return r;
    }
    tb::models::RunLineage lineage() const {
        tb::train::RunRequest req;
        req.modelPath = m_modelFile;
        return tb::models::runLineageOf("model-run", req);  // run-eval itself stays for the dialog tests
    }

    static const nlohmann::json* check(const nlohmann::json& gate, const std::string& rule) {
        for (const auto& c : gate["checks"])
            if (c["rule"] == rule) return &c;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_ws = *ws;
        m_modelFile = m_dir.filePath(QStringLiteral("base.gguf")).toStdString();
        QFile model(QString::fromStdString(m_modelFile));
        QVERIFY(model.open(QIODevice::WriteOnly));
        model.write("not a real model; only its hash is recorded");
        model.close();
        QVERIFY(writeRun(m_runId));
        QVERIFY(writeRun(QStringLiteral("run-plain")));
        m_runDir = m_ws->runsDir() + "/" + m_runId.toStdString();
        // Another run's comparison is not offered; written first, then good, then bad (newest).
        QVERIFY(!saveComparison(m_ws->runsDir() + "/other-run/adapter", true, false).empty());
        m_good = saveComparison(m_runDir + "/adapter", true, false);
        QTest::qWait(1100);  // ids start with the UTC second: make "bad" the newest without doubt
        m_bad = saveComparison(m_runDir + "/./adapter/", false, true);  // same folder, spelled differently
        QVERIFY(!m_good.empty() && !m_bad.empty());
        m_jobs = std::make_unique<tb::models::JobManager>(1);
        auto reg = openRegistry();
        QVERIFY(reg);
        QVERIFY(reg->claimAdmin("admin").ok());
        QVERIFY(reg->ensureUser("rita").ok());
        QVERIFY(reg->setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
    }

    void cleanupTestCase() {
        m_jobs->cancelAll();
        QTRY_COMPARE_WITH_TIMEOUT(m_jobs->activeCount(), 0, 30000);
    }

    void onlyThisRunsComparisonsAreListedNewestFirst() {
        const auto listed = tb::models::comparisonsOfRun(m_ws->evalDir(), m_runDir);
        QCOMPARE(int(listed.size()), 2);
        QCOMPARE(listed[0].dir, m_bad);
        QCOMPARE(listed[1].dir, m_good);
        QVERIFY(tb::models::comparisonsOfRun(m_ws->evalDir(), m_ws->runsDir() + "/run-plain").empty());
        QVERIFY(tb::models::isRunAdapter(m_runDir + "/adapter-best", m_runDir));
        QVERIFY(!tb::models::isRunAdapter(m_runDir + "/checkpoints", m_runDir));
    }

    void registeredVersionCarriesBothReportsAndThePassedGate() {
        auto reg = openRegistry();
        QVERIFY(reg);
        auto v = tb::models::registerRun(*reg, "ana", lineage(), registration("triage", m_good));
        QVERIFY2(v.ok(), v.ok() ? "" : v.message().c_str());
        QCOMPARE(v->evalReport["task"].get<std::string>(), std::string("classification"));
        QCOMPARE(v->evalReport["count"].get<int>(), 4);
        QCOMPARE(v->evalReport["macro_f1"].get<double>(), 1.0);
        const auto& cmp = v->evalReport["comparison"];
        QCOMPARE(cmp["id"].get<std::string>(), QFileInfo(QString::fromStdString(m_good)).fileName().toStdString());
        QCOMPARE(cmp["tuned_side"].get<std::string>(), std::string("B"));
        QVERIFY(qAbs(cmp["base_report"]["macro_f1"].get<double>() - 1.0 / 3.0) < 1e-9);
        QVERIFY(v->gatePassed.has_value() && *v->gatePassed);
        QCOMPARE(v->gate["primary_metric"].get<std::string>(), std::string("macro_f1"));
        const auto* beat = check(v->gate, "beat_base");
        QVERIFY(beat && (*beat)["passed"].get<bool>());
        QVERIFY(qAbs((*beat)["threshold"].get<double>() - 1.0 / 3.0) < 1e-9);  // base + margin 0
        const auto* prod = check(v->gate, "production_drop");
        QVERIFY(prod && (*prod)["passed"].get<bool>());  // nothing in Production yet
        // rita approves (no override needed) and promotes it: it is now what later versions are held to.
        QVERIFY(reg->approve("rita", v->id, "good").ok());
        QVERIFY(reg->promote("rita", v->id, "Production").ok());
    }

    void failedGateNeedsAnOverrideReasonToApprove() {
        auto reg = openRegistry();
        QVERIFY(reg);
        auto v = tb::models::registerRun(*reg, "ana", lineage(), registration("triage", m_bad));
        QVERIFY2(v.ok(), v.ok() ? "" : v.message().c_str());
        // Tuned macro F1 1/3 vs base 1: beat_base fails; vs Production's 1: a 66.7% drop, beyond 5%.
        QVERIFY(qAbs(v->evalReport["macro_f1"].get<double>() - 1.0 / 3.0) < 1e-9);
        QVERIFY(v->gatePassed.has_value() && !*v->gatePassed);
        QVERIFY(!(*check(v->gate, "beat_base"))["passed"].get<bool>());
        const auto* prod = check(v->gate, "production_drop");
        QVERIFY(prod && !(*prod)["passed"].get<bool>());
        QVERIFY(qAbs((*prod)["threshold"].get<double>() - 0.95) < 1e-9);

        // The Registry page shows base vs tuned and the failed gate; its approve dialog asks for the override.
        tb::widgets::RegistryPage page(context(QStringLiteral("rita")));
        page.show();
        page.activate({{QStringLiteral("versionId"), qlonglong(v->id)}});
        QCOMPARE(page.selectedVersionId(), qlonglong(v->id));
        const QString evaluation = page.detail()->evaluationText();
        QVERIFY2(evaluation.contains(QStringLiteral("Base")) && evaluation.contains(QStringLiteral("0.333")) &&
                     evaluation.contains(QStringLiteral("1.000")),
                 qPrintable(evaluation));
        QVERIFY2(page.detail()->gateText().contains(QStringLiteral("Failed")), qPrintable(page.detail()->gateText()));
        auto* approve = page.findChild<QPushButton*>(QStringLiteral("approveButton"));
        QVERIFY2(approve->isEnabled(), qPrintable(approve->toolTip()));
        approve->click();
        auto* dialog = page.findChild<tb::widgets::ApprovalDialog*>(QStringLiteral("approveDialog"));
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("commentEdit")), QStringLiteral("looked"));
        auto* confirm = dialog->findChild<QPushButton*>(QStringLiteral("confirmButton"));
        QVERIFY(!confirm->isEnabled());  // no override reason yet
        dialog->reject();

        // Core refuses without the reason and accepts with it.
        auto refused = reg->approve("rita", v->id, "looked");
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("override reason")),
                 refused.message().c_str());
        QCOMPARE(reg->version(v->id)->approval, std::string("PendingManualApproval"));
        QVERIFY(reg->approve("rita", v->id, "looked", "known regression, accepted for the pilot").ok());
        QCOMPARE(reg->version(v->id)->approvalOverride, std::string("known regression, accepted for the pilot"));
    }

    void registerDialogShowsTheVerdictBeforeConfirmingAndRegistersIt() {
        RunsPage runs(context(QStringLiteral("ana")));
        runs.show();
        runs.selectRun(m_runId);
        auto* registerButton = runs.findChild<QPushButton*>(QStringLiteral("registerButton"));
        QVERIFY2(registerButton->isEnabled(), qPrintable(registerButton->toolTip()));
        QTest::mouseClick(registerButton, Qt::LeftButton);
        auto* dialog = runs.findChild<RegisterRunDialog*>(QStringLiteral("registerRunDialog"));
        QVERIFY(dialog);
        auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("evaluationCombo"));
        QCOMPARE(combo->count(), 3);                                       // None + this run's two comparisons
        QCOMPARE(dialog->comparisonDir(), QString::fromStdString(m_bad));  // the newest by default
        auto* group = dialog->findChild<QComboBox*>(QStringLiteral("groupCombo"));
        group->setEditText(QStringLiteral("triage"));
        // Read on a worker: nothing is known (and Register waits) until the job reports back.
        QVERIFY(!dialog->gatePassed().has_value());
        QVERIFY(!dialog->problem().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->gatePassed().has_value(), 20000);
        QVERIFY(!*dialog->gatePassed());
        QVERIFY2(dialog->gateText().contains(QStringLiteral("override")), qPrintable(dialog->gateText()));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        // A group without a Production version: only beat_base decides.
        group->setEditText(QStringLiteral("fresh"));
        QVERIFY2(dialog->gateText().contains(QStringLiteral("no model in Production")), qPrintable(dialog->gateText()));
        combo->setCurrentIndex(2);  // the good one
        QTRY_VERIFY_WITH_TIMEOUT(dialog->gatePassed().has_value(), 20000);
        QVERIFY(*dialog->gatePassed());
        // Against triage's Production (macro F1 1), the good comparison (1) passes too.
        group->setEditText(QStringLiteral("triage"));
        QVERIFY(dialog->gatePassed().has_value() && *dialog->gatePassed());
        dialog->findChild<QPushButton*>(QStringLiteral("registerConfirm"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(runs.registerStatusText().startsWith(QStringLiteral("Registered as")), 20000);
        auto reg = openRegistry();
        auto versions = reg->versionsOfRun(m_runId.toStdString());
        QVERIFY(versions.ok() && !versions->empty());
        const auto& v = versions->back();
        QCOMPARE(v.group, std::string("triage"));
        QCOMPARE(v.evalReport["comparison"]["id"].get<std::string>(),
                 QFileInfo(QString::fromStdString(m_good)).fileName().toStdString());
        QVERIFY(v.gatePassed.has_value() && *v.gatePassed);
    }

    void noneIsTheDefaultWithoutComparisonsAndRegistersWithoutEvaluation() {
        RunsPage runs(context(QStringLiteral("ana")));
        runs.show();
        runs.selectRun(QStringLiteral("run-plain"));
        QTest::mouseClick(runs.findChild<QPushButton*>(QStringLiteral("registerButton")), Qt::LeftButton);
        auto* dialog = runs.findChild<RegisterRunDialog*>(QStringLiteral("registerRunDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QComboBox*>(QStringLiteral("evaluationCombo"))->count(), 1);
        QVERIFY(dialog->comparisonDir().isEmpty());
        QVERIFY(!dialog->gatePassed().has_value());
        dialog->findChild<QComboBox*>(QStringLiteral("groupCombo"))->setEditText(QStringLiteral("plain"));
        QVERIFY2(dialog->problem().isEmpty(), qPrintable(dialog->problem()));
        dialog->findChild<QPushButton*>(QStringLiteral("registerConfirm"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(runs.registerStatusText().startsWith(QStringLiteral("Registered as")), 20000);
        auto versions = openRegistry()->versionsOfRun("run-plain");
        QVERIFY(versions.ok() && versions->size() == 1);
        QVERIFY(versions->front().evalReport.empty() || versions->front().evalReport.is_null());
        QVERIFY(!versions->front().gatePassed.has_value());
        // Approving it needs no override.
        auto reg = openRegistry();
        QVERIFY(reg->approve("rita", versions->front().id, "fine").ok());
    }

    void aComparisonNotOfThisRunOrDamagedIsRefusedBeforeAnythingIsWritten() {
        auto reg = openRegistry();
        const auto before = reg->versions()->size();
        const auto other = tb::eval::listComparisons(m_ws->evalDir()).back().dir;  // the other run's (oldest)
        auto v = tb::models::registerRun(*reg, "ana", lineage(), registration("triage", other));
        QVERIFY(!v.ok());
        QVERIFY2(QString::fromStdString(v.message()).contains(QStringLiteral("neither side")), v.message().c_str());
        QVERIFY(
            !tb::models::registerRun(*reg, "ana", lineage(), registration("triage", m_ws->evalDir() + "/nope")).ok());
        QCOMPARE(reg->versions()->size(), before);
    }

    void encryptedComparisonNeedsTheKey() {
        const QString keyPath = m_dir.filePath(QStringLiteral("k.key"));
        QFile keyFile(keyPath);
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write(QByteArray(64, 'b'));
        keyFile.close();
        auto key = tb::WorkspaceKey::fromKeyFile(keyPath.toStdString());
        QVERIFY2(key.ok(), key.ok() ? "" : key.message().c_str());
        const std::string evalDir = m_dir.filePath(QStringLiteral("enc-eval")).toStdString();
        const std::string dir = saveComparison(m_runDir + "/adapter", true, false, &*key, evalDir);
        QVERIFY(!dir.empty());
        QVERIFY(!tb::models::loadRunComparison(dir, m_runDir, nullptr).ok());
        auto loaded = tb::models::loadRunComparison(dir, m_runDir, &*key);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.message().c_str());
        QCOMPARE(loaded->tunedReport["macro_f1"].get<double>(), 1.0);
        QVERIFY(tb::models::gateRunComparison(*loaded, tb::models::defaultRunGate(), nullptr).passed);
    }
};

QTEST_MAIN(RunEvaluationRegistrationTest)
#include "run_evaluation_registration_test.moc"
