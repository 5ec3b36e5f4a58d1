// The Serve page driven offscreen: a registered version whose adapter does not fit the base is refused
// with its name, then the stories260K base starts on a free loopback port; GET /health answers over a
// plain QTcpSocket, /v1/models needs the API key created in the page (and fails again once revoked),
// the traffic chart counts the requests, the drift report reads sampled requests, and Stop closes the port.
#include "core/data/dataset_version.h"
#include "core/infer/inference_loader.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/serve/sample_log.h"
#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "models/job_manager.h"
#include "models/serve/api_key_table_model.h"
#include "models/serve/serve_session.h"
#include "models/serve/served_version_table_model.h"
#include "widgets/serve/api_keys_widget.h"
#include "widgets/serve/serve_page.h"
#include "widgets/serve/traffic_chart_widget.h"

#include <QCheckBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <nlohmann/json.hpp>

using tb::models::ServeSession;
using tb::widgets::ServePage;

namespace {

constexpr int kTimeoutMs = 60000;

QString sharedBase() { return QStringLiteral(TUNEBENCH_SHARED_DIR "/models/stories260K/hf"); }

int freePort() {
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0)) return 0;
    const int port = probe.serverPort();
    probe.close();
    return port;
}

// One HTTP/1.1 request over a raw socket; returns the status code (0 when nothing answered) and the body.
std::pair<int, QByteArray> httpRequest(int port, const QByteArray& method, const QByteArray& path,
                                       const QByteArray& key = {}, const QByteArray& body = {}) {
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
    if (!socket.waitForConnected(5000)) return {0, socket.errorString().toUtf8()};
    QByteArray request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    if (!key.isEmpty()) request += "Authorization: Bearer " + key + "\r\n";
    if (!body.isEmpty())
        request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(10000)) response += socket.readAll();
    response += socket.readAll();
    const int headerEnd = response.indexOf("\r\n\r\n");
    const QList<QByteArray> status = response.left(response.indexOf("\r\n")).split(' ');
    return {status.size() > 1 ? status[1].toInt() : 0, headerEnd < 0 ? QByteArray() : response.mid(headerEnd + 4)};
}

std::pair<int, QByteArray> httpGet(int port, const QByteArray& path, const QByteArray& key = {}) {
    return httpRequest(port, "GET", path, key);
}

// Files below `root` whose bytes contain `needle` (a plaintext adapter's tensor names, say).
QStringList filesContaining(const QString& root, const QByteArray& needle) {
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle)) hits << f.fileName();
    }
    return hits;
}

}  // namespace

class ServePageTest : public QObject {
    Q_OBJECT
private slots:
    void startServeAuthenticateChartAndStop() {
        if (!QFile::exists(sharedBase() + QStringLiteral("/config.json")))
            QSKIP("stories260K is not in TUNEBENCH_SHARED_DIR");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto ws = tb::Workspace::open(dir.path().toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        // A Production version whose adapter was trained for another base (the tiny PEFT fixture).
        {
            auto reg = tb::Registry::open((*ws)->registryPath());
            QVERIFY(reg.ok());
            tb::Registry& r = **reg;
            QVERIFY(r.claimAdmin("admin").ok());
            QVERIFY(r.setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
            tb::ArtifactStore store((*ws)->artifactsDir());
            auto adapter = store.put(TUNEBENCH_SOURCE_DIR "/tests/data/train/peft_tiny", "adapter");
            QVERIFY2(adapter.ok(), adapter.ok() ? "" : adapter.message().c_str());
            tb::RunRecord run;
            run.id = "run-1";
            run.baseModel = sharedBase().toStdString();
            run.status = "finished";
            QVERIFY(r.recordRun("admin", run).ok());
            tb::RegisterRequest req;
            req.group = "tickets";
            req.runId = run.id;
            req.adapterPath = adapter->storedAt;
            req.adapterSha256 = adapter->sha256;
            auto v = r.registerModel("admin", req);
            QVERIFY(v.ok());
            QVERIFY(r.approve("rita", v->id, "ok").ok());
            QVERIFY(r.promote("rita", v->id, "Production").ok());

            // A Staging version with a fresh LoRA adapter made for stories260K itself.
            auto bundle = tb::loadForInference(sharedBase().toStdString(), {});
            QVERIFY(bundle.ok());
            tb::train::LoraSettings lora;
            lora.rank = 4;
            lora.targets = {"q", "v"};
            auto fresh = tb::train::initLoraAdapter(bundle->model->config(), lora, 7);
            QVERIFY(fresh.ok());
            const std::string freshDir = dir.filePath(QStringLiteral("fresh-adapter")).toStdString();
            QVERIFY(tb::train::writePeftAdapter(freshDir, *fresh).ok());
            auto freshRef = store.put(freshDir, "adapter");
            QVERIFY(freshRef.ok());
            run.id = "run-2";
            QVERIFY(r.recordRun("admin", run).ok());
            req.runId = run.id;
            req.adapterPath = freshRef->storedAt;
            req.adapterSha256 = freshRef->sha256;
            auto v2 = r.registerModel("admin", req);
            QVERIFY(v2.ok());
            QVERIFY(r.approve("rita", v2->id, "ok").ok());
            QVERIFY(r.promote("rita", v2->id, "Staging").ok());
        }

        tb::models::JobManager jobs(1);
        tb::widgets::PageContext context;
        context.workspace = *ws;
        context.jobs = &jobs;
        context.userName = QStringLiteral("rita");
        ServePage page(context);
        page.resize(1200, 800);
        page.show();
        ServeSession* session = page.session();

        // The registry's servable version is listed, checked, and its base offered.
        auto* served = page.servedModel();
        QCOMPARE(served->rowCount(), 2);
        QCOMPARE(served->index(0, tb::models::ServedVersionTableModel::NameColumn).data().toString(), QStringLiteral("tickets"));
        QVERIFY(served->isChecked(0));  // Production: served by default
        QCOMPARE(served->index(1, tb::models::ServedVersionTableModel::NameColumn).data().toString(),
                 QStringLiteral("tickets-v2"));
        QVERIFY(!served->isChecked(1));  // Staging: offered
        auto* base = page.findChild<QLineEdit*>(QStringLiteral("baseModelEdit"));
        QCOMPARE(base->text(), sharedBase());
        QCOMPARE(page.findChild<QLineEdit*>(QStringLiteral("baseNameEdit"))->text(), QStringLiteral("stories260K-hf"));
        auto* start = page.findChild<QPushButton*>(QStringLiteral("startButton"));
        auto* stop = page.findChild<QPushButton*>(QStringLiteral("stopButton"));
        QVERIFY(!stop->isEnabled());

        // Invalid input is named where it is typed.
        base->setText(sharedBase() + QStringLiteral("-missing"));
        QVERIFY(!start->isEnabled());
        QVERIFY(start->toolTip().contains(QStringLiteral("does not exist")));
        base->setText(sharedBase());

        // With the key requirement on (the default), a key must exist first.
        QVERIFY(!start->isEnabled());
        QVERIFY2(start->toolTip().contains(QStringLiteral("API key")), qPrintable(start->toolTip()));
        // A key created in the page enables Start; its secret is shown once, only its hash is listed.
        auto* keys = page.keys();
        QTest::keyClicks(keys->findChild<QLineEdit*>(QStringLiteral("keyNameEdit")), QStringLiteral("helpdesk-bot"));
        keys->findChild<QPushButton*>(QStringLiteral("createKeyButton"))->click();
        const QByteArray secret = keys->lastSecret().toUtf8();
        QVERIFY(secret.startsWith("tb-"));
        QCOMPARE(keys->model()->rowCount(), 1);
        for (int c = 0; c < keys->model()->columnCount(); ++c)
            QVERIFY(!keys->model()->index(0, c).data().toString().contains(QString::fromUtf8(secret)));
        QFile keyFile(session->keysPath());
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QVERIFY(!keyFile.readAll().contains(secret));
        QVERIFY2(start->isEnabled(), qPrintable(start->toolTip()));

        const int port = freePort();
        QVERIFY(port > 0);
        page.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(port);

        // The mismatched adapter is refused with its served name.
        QSignalSpy failed(session, &ServeSession::startFailed);
        start->click();
        QVERIFY(failed.wait(kTimeoutMs));
        QVERIFY2(failed.first().first().toString().startsWith(QStringLiteral("tickets: ")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(page.statusText().contains(QStringLiteral("Could not start")));
        QCOMPARE(session->state(), ServeSession::State::Stopped);

        // Without it, the base serves.
        served->setChecked(0, false);
        QSignalSpy started(session, &ServeSession::started);
        start->click();
        QVERIFY2(started.wait(kTimeoutMs), qPrintable(page.statusText()));
        QCOMPARE(started.first().first().toInt(), port);
        QVERIFY(page.statusText().contains(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
        QVERIFY(stop->isEnabled());
        QVERIFY(!start->isEnabled());

        // Ticking the mismatched version while serving tries to add it live and reports why it cannot.
        QSignalSpy adapterChanged(session, &ServeSession::adapterChanged);
        served->setChecked(0, true);
        QVERIFY(adapterChanged.wait(kTimeoutMs));
        QCOMPARE(adapterChanged.first().at(0).toString(), QStringLiteral("tickets"));
        QCOMPARE(adapterChanged.first().at(1).toBool(), false);
        QVERIFY(served->stateOf(QStringLiteral("tickets")).startsWith(QStringLiteral("error: ")));
        QCOMPARE(session->servedNames(), QStringList{QStringLiteral("stories260K-hf")});
        served->setChecked(0, false);

        auto [healthStatus, healthBody] = httpGet(port, "/health");
        QCOMPARE(healthStatus, 200);
        QVERIFY2(healthBody.contains("\"status\":\"ok\""), healthBody.constData());
        QCOMPARE(httpGet(port, "/v1/models").first, 401);

        auto [modelsStatus, modelsBody] = httpGet(port, "/v1/models", secret);
        QCOMPARE(modelsStatus, 200);
        QVERIFY2(modelsBody.contains("\"stories260K-hf\""), modelsBody.constData());
        QVERIFY(!modelsBody.contains("\"tickets-v2\""));

        // Ticking the Staging version serves it live (no restart); unticking removes it.
        const QByteArray completion = R"({"model":"tickets-v2","prompt":"Once upon a time","max_tokens":4})";
        QCOMPARE(httpRequest(port, "POST", "/v1/completions", secret, completion).first, 404);
        adapterChanged.clear();
        served->setChecked(1, true);
        QVERIFY(adapterChanged.wait(kTimeoutMs));
        QCOMPARE(adapterChanged.first().at(1).toBool(), true);
        QCOMPARE(served->stateOf(QStringLiteral("tickets-v2")), QStringLiteral("serving"));
        QVERIFY(httpGet(port, "/v1/models", secret).second.contains("\"tickets-v2\""));
        auto [genStatus, genBody] = httpRequest(port, "POST", "/v1/completions", secret, completion);
        QCOMPARE(genStatus, 200);
        QVERIFY2(genBody.contains("\"choices\""), genBody.constData());
        served->setChecked(1, false);
        QCOMPARE(httpRequest(port, "POST", "/v1/completions", secret, completion).first, 404);

        // The chart's next sample counts the requests that finished.
        page.sampleMetrics();
        QVERIFY(page.traffic()->history().requestsTotal() >= 2);
        QVERIFY(!page.traffic()->history().points().empty());
        QVERIFY(page.traffic()->history().points().back().requestsPerSecond > 0.0);
        QTRY_VERIFY(page.traffic()->requestSeries()->count() > 0);
        QVERIFY(page.traffic()->summaryText().contains(QStringLiteral("requests in total")));

        // Revoke (confirmed): the key stops working.
        keys->view()->selectRow(0);
        keys->findChild<QPushButton*>(QStringLiteral("revokeKeyButton"))->click();
        auto* box = keys->findChild<QMessageBox*>(QStringLiteral("confirmRevoke"));
        QVERIFY(box);
        box->findChild<QPushButton*>(QStringLiteral("confirmYes"))->click();
        QTRY_COMPARE(keys->model()->index(0, tb::models::ApiKeyTableModel::StateColumn).data().toString(),
                     QStringLiteral("revoked"));
        QCOMPARE(httpGet(port, "/v1/models", secret).first, 401);

        QSignalSpy stopped(session, &ServeSession::stopped);
        stop->click();
        QVERIFY(stopped.wait(kTimeoutMs));
        QCOMPARE(httpGet(port, "/health").first, 0);
        // The only key is revoked: Start asks for one again, unless the requirement is switched off.
        QVERIFY(!start->isEnabled());
        QVERIFY(start->toolTip().contains(QStringLiteral("API key")));
        page.findChild<QCheckBox*>(QStringLiteral("requireKeyCheck"))->setChecked(false);
        QVERIFY(start->isEnabled());
    }

    void driftReportOfSampledRequests() {
        if (!QFile::exists(sharedBase() + QStringLiteral("/config.json")))
            QSKIP("stories260K is not in TUNEBENCH_SHARED_DIR");
        QTemporaryDir dir;
        auto ws = tb::Workspace::open(dir.path().toStdString(), false);
        QVERIFY(ws.ok());
        const QString tickets = QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl");
        QFile file(tickets);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.size() > 700);

        // A dataset version whose training split is 600 tickets, and a Production model trained on it.
        const QString split = dir.filePath(QStringLiteral("split"));
        QVERIFY(QDir().mkpath(split));
        QFile train(split + QStringLiteral("/train.jsonl"));
        QVERIFY(train.open(QIODevice::WriteOnly));
        for (int i = 0; i < 600; ++i) train.write(lines[i] + '\n');
        train.close();
        auto version = tb::createDatasetVersion((*ws)->datasetsDir(), split.toStdString(), {"support-tickets", "", ""});
        QVERIFY2(version.ok(), version.ok() ? "" : version.message().c_str());
        {
            auto reg = tb::Registry::open((*ws)->registryPath());
            QVERIFY(reg.ok());
            tb::Registry& r = **reg;
            QVERIFY(r.claimAdmin("admin").ok());
            QVERIFY(r.setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
            QVERIFY(r.recordDatasetVersion("admin", version->version, "support-tickets", tb::datasetVersionToJson(*version)).ok());
            tb::RunRecord run;
            run.id = "run-1";
            run.datasetVersionId = version->version;
            run.baseModel = sharedBase().toStdString();
            run.status = "finished";
            QVERIFY(r.recordRun("admin", run).ok());
            tb::ArtifactStore store((*ws)->artifactsDir());
            auto adapter = store.put(TUNEBENCH_SOURCE_DIR "/tests/data/train/peft_tiny", "adapter");
            QVERIFY(adapter.ok());
            tb::RegisterRequest req;
            req.group = "tickets";
            req.runId = run.id;
            req.adapterSha256 = adapter->sha256;
            auto v = r.registerModel("admin", req);
            QVERIFY(v.ok());
            QVERIFY(r.approve("rita", v->id, "ok").ok());
            QVERIFY(r.promote("rita", v->id, "Production").ok());
        }
        tb::models::JobManager jobs(1);
        tb::widgets::PageContext context;
        context.workspace = *ws;
        context.jobs = &jobs;
        ServePage page(context);
        // The baseline is found through the lineage: the served model's dataset version's training split.
        auto* training = page.findChild<QLineEdit*>(QStringLiteral("driftTrainingEdit"));
        QCOMPARE(training->text(), QDir(QString::fromStdString(version->dir)).filePath(QStringLiteral("train.jsonl")));

        // Sampled requests as the server writes them: the held-out tickets, rendered in ChatML.
        tb::serve::SampleLog log(page.session()->samplesPath().toStdString(), 1.0);
        int n = 0;
        for (int i = 600; i < lines.size() && n < 300; ++i) {
            if (lines[i].trimmed().isEmpty()) continue;
            auto j = nlohmann::json::parse(lines[i].toStdString());
            ++n;
            QVERIFY(log.append({int64_t(std::time(nullptr)), "tickets", "/v1/chat/completions",
                                "<|im_start|>user\n" + j["prompt"].get<std::string>() + "<|im_end|>\n<|im_start|>assistant\n",
                                j["completion"].get<std::string>(), 20, 2, 0.05})
                        .ok());
        }
        auto* button = page.findChild<QPushButton*>(QStringLiteral("driftButton"));
        QVERIFY2(button->isEnabled(), qPrintable(button->toolTip()));
        training->clear();
        QVERIFY(!button->isEnabled());
        QVERIFY(button->toolTip().contains(QStringLiteral("training data")));
        training->setText(QDir(QString::fromStdString(version->dir)).filePath(QStringLiteral("train.jsonl")));
        button->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.driftBusy(), kTimeoutMs);
        const QString text = page.driftText();
        QVERIFY2(text.contains(QStringLiteral("Verdict: stable")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("300 sampled requests against 600 training examples")));
    }

    // An encrypted workspace: the registered adapter is stored encrypted and served from memory (no
    // copy under <ws>/serve/adapters, no plaintext adapter anywhere in the workspace), the sample log is
    // encrypted per line and the drift report reads it with the key. Not unlocked: Start says why.
    void encryptedWorkspaceServesRegisteredVersionFromMemory() {
        if (!QFile::exists(sharedBase() + QStringLiteral("/config.json")))
            QSKIP("stories260K is not in TUNEBENCH_SHARED_DIR");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto ws = tb::Workspace::open(dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        const std::string keyFile = dir.filePath(QStringLiteral("ws.key")).toStdString();
        {
            QFile f(QString::fromStdString(keyFile));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'c'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile((*ws)->root(), keyFile).ok());
        auto unlocked = tb::unlockWorkspace((*ws)->root(), "", keyFile);
        QVERIFY2(unlocked.ok(), unlocked.ok() ? "" : unlocked.message().c_str());
        auto key = std::make_shared<const tb::WorkspaceKey>(*unlocked);

        // A LoRA adapter for stories260K (B not zero, so it changes the answer), stored encrypted.
        auto bundle = tb::loadForInference(sharedBase().toStdString(), {});
        QVERIFY(bundle.ok());
        tb::train::LoraSettings lora;
        lora.rank = 4;
        lora.targets = {"q", "v", "down"};
        auto fresh = tb::train::initLoraAdapter(bundle->model->config(), lora, 7);
        QVERIFY(fresh.ok());
        for (auto& [name, pair] : fresh->modules) pair.b.setConstant(0.25f);
        const std::string plainDir = dir.filePath(QStringLiteral("outside/adapter")).toStdString();
        QVERIFY(tb::train::writePeftAdapter(plainDir, *fresh).ok());
        {
            auto reg = tb::Registry::open((*ws)->registryPath());
            QVERIFY(reg.ok());
            tb::Registry& r = **reg;
            QVERIFY(r.claimAdmin("admin").ok());
            QVERIFY(r.setUserRole("admin", "rita", tb::UserRole::Reviewer).ok());
            tb::ArtifactStore store((*ws)->artifactsDir(), *key);
            auto ref = store.put(plainDir, "adapter");
            QVERIFY2(ref.ok(), ref.ok() ? "" : ref.message().c_str());
            QVERIFY(ref->encrypted);
            tb::RunRecord run;
            run.id = "run-enc";
            run.baseModel = sharedBase().toStdString();
            run.status = "finished";
            QVERIFY(r.recordRun("admin", run).ok());
            tb::RegisterRequest req;
            req.group = "tickets";
            req.runId = run.id;
            req.adapterPath = ref->storedAt;
            req.adapterSha256 = ref->sha256;
            auto v = r.registerModel("admin", req);
            QVERIFY(v.ok());
            QVERIFY(r.approve("rita", v->id, "ok").ok());
            QVERIFY(r.promote("rita", v->id, "Production").ok());
        }
        const QString wsRoot = QString::fromStdString((*ws)->root());
        QVERIFY(filesContaining(wsRoot, "lora_A").isEmpty());  // stored encrypted: the check below can see a leak

        tb::models::JobManager jobs(1);
        tb::widgets::PageContext context;
        context.workspace = *ws;
        context.jobs = &jobs;
        context.userName = QStringLiteral("rita");
        {
            // Not unlocked: Start is disabled with the reason, and the session refuses too.
            ServePage locked(context);
            locked.show();
            locked.findChild<QCheckBox*>(QStringLiteral("requireKeyCheck"))->setChecked(false);
            auto* start = locked.findChild<QPushButton*>(QStringLiteral("startButton"));
            QVERIFY(!start->isEnabled());
            QVERIFY2(start->toolTip().contains(QStringLiteral("encrypted")), qPrintable(start->toolTip()));
            QSignalSpy failed(locked.session(), &ServeSession::startFailed);
            tb::models::ServeStartOptions o;
            o.baseModelPath = sharedBase();
            o.baseName = QStringLiteral("base");
            o.port = 0;
            locked.session()->start(o);
            QCOMPARE(failed.count(), 1);
            QVERIFY(failed.first().first().toString().contains(QStringLiteral("not unlocked")));
        }

        context.key = key;
        ServePage page(context);
        page.resize(1200, 800);
        page.show();
        ServeSession* session = page.session();
        QCOMPARE(page.servedModel()->rowCount(), 1);
        QVERIFY(page.servedModel()->isChecked(0));
        page.findChild<QCheckBox*>(QStringLiteral("requireKeyCheck"))->setChecked(false);
        const int port = freePort();
        QVERIFY(port > 0);
        page.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(port);
        auto* start = page.findChild<QPushButton*>(QStringLiteral("startButton"));
        QVERIFY2(start->isEnabled(), qPrintable(start->toolTip()));
        QSignalSpy started(session, &ServeSession::started);
        QSignalSpy failed(session, &ServeSession::startFailed);
        start->click();
        QVERIFY2(started.wait(kTimeoutMs), failed.isEmpty() ? qPrintable(page.statusText())
                                                            : qPrintable(failed.first().first().toString()));
        QVERIFY(session->servedNames().contains(QStringLiteral("tickets")));

        // The served adapter answers differently from the base: it was really loaded.
        const QByteArray greedy = R"(,"prompt":"Once upon a time","max_tokens":16,"temperature":0})";
        auto [adapterStatus, adapterBody] =
            httpRequest(port, "POST", "/v1/completions", {}, "{\"model\":\"tickets\"" + greedy);
        QCOMPARE(adapterStatus, 200);
        auto [baseStatus, baseBody] =
            httpRequest(port, "POST", "/v1/completions", {}, "{\"model\":\"stories260K-hf\"" + greedy);
        QCOMPARE(baseStatus, 200);
        const auto textOf = [](const QByteArray& body) {
            auto j = nlohmann::json::parse(body.toStdString(), nullptr, false);
            return j.is_discarded() ? std::string() : j["choices"][0].value("text", std::string());
        };
        QVERIFY(!textOf(adapterBody).empty());
        QVERIFY(textOf(adapterBody) != textOf(baseBody));

        // Nothing of the adapter was written out: no copy folder, no plaintext tensor names anywhere.
        QVERIFY(!QFileInfo::exists(wsRoot + QStringLiteral("/serve/adapters")));
        QCOMPARE(filesContaining(wsRoot, "lora_A"), QStringList());

        QSignalSpy stopped(session, &ServeSession::stopped);
        page.findChild<QPushButton*>(QStringLiteral("stopButton"))->click();
        QVERIFY(stopped.wait(kTimeoutMs));

        // Every request sampled: the log is encrypted per line and reads back only with the key.
        tb::models::ServeStartOptions o;
        o.baseModelPath = sharedBase();
        o.baseName = QStringLiteral("base");
        o.port = freePort();
        o.requireApiKey = false;
        o.sampleRate = 1.0;
        o.adapters.push_back({QStringLiteral("tickets"), page.servedModel()
                                                             ->index(0, 0)
                                                             .data(tb::models::ServedVersionTableModel::AdapterShaRole)
                                                             .toString()});
        started.clear();
        session->start(o);
        QVERIFY2(started.wait(kTimeoutMs), failed.isEmpty() ? "" : qPrintable(failed.last().first().toString()));
        const QByteArray ticket = R"({"model":"tickets","prompt":"My invoice is wrong","max_tokens":4})";
        QCOMPARE(httpRequest(o.port, "POST", "/v1/completions", {}, ticket).first, 200);
        QCOMPARE(httpRequest(o.port, "POST", "/v1/completions", {}, ticket).first, 200);
        stopped.clear();
        session->stop();
        QVERIFY(stopped.wait(kTimeoutMs));
        QFile samples(session->samplesPath());
        QVERIFY(samples.open(QIODevice::ReadOnly));
        const QByteArray sampled = samples.readAll();
        QVERIFY(!sampled.isEmpty());
        QVERIFY(!sampled.contains("invoice"));
        QVERIFY(!tb::serve::SampleLog(session->samplesPath().toStdString()).readAll().ok());
        auto read = tb::serve::SampleLog(session->samplesPath().toStdString(), 0.0, *key).readAll();
        QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
        QCOMPARE(read->size(), size_t(2));

        // The drift report decrypts the samples with the page's key.
        auto* training = page.findChild<QLineEdit*>(QStringLiteral("driftTrainingEdit"));
        training->setText(QStringLiteral(TUNEBENCH_SOURCE_DIR "/resources/demo/support_tickets.jsonl"));
        auto* drift = page.findChild<QPushButton*>(QStringLiteral("driftButton"));
        QVERIFY2(drift->isEnabled(), qPrintable(drift->toolTip()));
        drift->click();
        QTRY_VERIFY_WITH_TIMEOUT(!page.driftBusy(), kTimeoutMs);
        QVERIFY2(page.driftText().contains(QStringLiteral("2 sampled requests")), qPrintable(page.driftText()));
    }
};

QTEST_MAIN(ServePageTest)
#include "serve_page_test.moc"
