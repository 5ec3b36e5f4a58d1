// The Playground page driven offscreen over the real stories260K model: greedy generation through the
// page reproduces REFERENCE.json (HF folder and GGUF), text streams in several pieces, Stop ends early,
// a second prompt reuses the loaded model, the split view streams two models (base and base + LoRA),
// unusable models and adapters show their reason and keep Generate disabled, and chat mode shows the
// rendered template (the model's own, or a named built-in fallback).
#include "widgets/playground/playground_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

#include "core/infer/generate.h"
#include "core/infer/inference_loader.h"
#include "core/registry/artifact_store.h"
#include "core/registry/registry.h"
#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"
#include "core/workspace/workspace.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "models/job_manager.h"
#include "models/playground/chat_message_model.h"
#include "models/playground/playground_model_cache.h"
#include "widgets/empty_state_widget.h"
#include "widgets/playground/generation_pane.h"

using tb::widgets::GenerationPane;
using tb::widgets::PlaygroundPage;

namespace {

const QString kShared = QStringLiteral(TUNEBENCH_SHARED_DIR) + QStringLiteral("/models/stories260K");

QString hfFolder() {
    return kShared + QStringLiteral("/hf");
}
QString ggufFile() {
    return kShared + QStringLiteral("/stories260K-f32.gguf");
}

QJsonObject referencePrompt(int index) {
    QFile f(kShared + QStringLiteral("/REFERENCE.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll())
        .object()
        .value(QStringLiteral("prompts"))
        .toArray()
        .at(index)
        .toObject();
}

}  // namespace

class PlaygroundPageTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<tb::Workspace> m_workspace;
    std::unique_ptr<tb::models::JobManager> m_jobs;
    std::unique_ptr<PlaygroundPage> m_page;

    template <typename T>
    T* child(const char* name, QObject* parent = nullptr) {
        T* w = (parent ? parent : m_page.get())->findChild<T*>(QString::fromLatin1(name));
        if (!w) qWarning("no child %s", name);
        return w;
    }
    QPushButton* generateButton() { return child<QPushButton>("generate"); }

    // Greedy, exactly n tokens, no stop at EOS: the REFERENCE.json conventions.
    void setGreedy(int maxTokens) {
        child<QDoubleSpinBox>("temperature")->setValue(0.0);
        child<QSpinBox>("maxTokens")->setValue(maxTokens);
        child<QCheckBox>("stopAtEos")->setChecked(false);
    }
    // Types a model path into a pane as a person would, ending with Return.
    void typeModel(GenerationPane* pane, const QString& path) {
        auto* edit = child<QLineEdit>("modelPath", pane);
        edit->clear();
        QTest::keyClicks(edit, path);
        QTest::keyClick(edit, Qt::Key_Return);
    }
    // A real PEFT adapter for stories260K whose B is not zero, so it changes the answer.
    QString makeAdapter(const QString& name) {
        auto bundle = tb::loadForInference(hfFolder().toStdString(), {});
        if (!bundle.ok()) return {};
        tb::train::LoraSettings settings;
        settings.rank = 4;
        settings.targets = {"q", "v", "down"};
        auto adapter = tb::train::initLoraAdapter(bundle->model->config(), settings, 7);
        if (!adapter.ok()) return {};
        for (auto& [key, pair] : adapter->modules) pair.b.setConstant(0.25f);
        const QString dir = m_dir.filePath(name);
        return tb::train::writePeftAdapter(dir.toStdString(), *adapter).ok() ? dir : QString();
    }

    // With TUNEBENCH_SCREENSHOT_DIR set, saves what the page shows now (for reviews; tests never need it).
    void screenshot(const QString& name) {
        const QString dir = qEnvironmentVariable("TUNEBENCH_SCREENSHOT_DIR");
        if (!dir.isEmpty()) QVERIFY(m_page->grab().save(dir + QLatin1Char('/') + name));
    }
    bool waitReady(GenerationPane* pane) {
        if (!QTest::qWaitFor([&] { return !pane->isLoading(); }, 30000)) return false;
        if (!pane->isReady()) qWarning("pane not ready: %s", qPrintable(pane->problem()));
        return pane->isReady();
    }
    // Clicks Generate and waits until every active pane is done.
    bool generateAndWait() {
        QSignalSpy done(m_page.get(), &PlaygroundPage::generationDone);
        if (!generateButton()->isEnabled()) {
            qWarning("Generate disabled: %s", qPrintable(m_page->generateProblem()));
            return false;
        }
        generateButton()->click();
        return done.wait(30000) || done.count() > 0;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        m_workspace = *ws;
        m_jobs = std::make_unique<tb::models::JobManager>(1);
        tb::widgets::PageContext ctx;
        ctx.workspace = m_workspace;
        ctx.jobs = m_jobs.get();
        ctx.userName = QStringLiteral("tester");
        m_page = std::make_unique<PlaygroundPage>(ctx);
        m_page->resize(1200, 800);
        m_page->show();
    }

    void cleanup() {
        m_page.reset();
        m_jobs.reset();
        m_workspace.reset();
    }

    void greedyReproducesReference_data() {
        QTest::addColumn<QString>("model");
        QTest::newRow("hf-folder") << hfFolder();
        QTest::newRow("gguf") << ggufFile();
    }

    void greedyReproducesReference() {
        QFETCH(QString, model);
        const QJsonObject ref = referencePrompt(1);  // "Once upon a time"
        const QString expected =
            ref.value(QStringLiteral("greedy")).toObject().value(QStringLiteral("text")).toString();
        QVERIFY(!expected.isEmpty());
        GenerationPane* pane = m_page->pane(0);
        QVERIFY(!generateButton()->isEnabled());  // no model yet
        auto* intro = child<tb::widgets::EmptyStateWidget>("emptyState");
        QVERIFY(intro && intro->isVisible());  // the page explains itself until the first answer
        QCOMPARE(intro->title(), m_page->title());
        screenshot(QStringLiteral("playground_empty.png"));
        typeModel(pane, model);
        QVERIFY(waitReady(pane));
        QVERIFY(child<QLabel>("modelStatus", pane)->text().contains(QStringLiteral("llama")));
        setGreedy(48);
        QTest::keyClicks(child<QPlainTextEdit>("prompt"), ref.value(QStringLiteral("prompt")).toString());

        // Streaming: record each piece and what was shown when it arrived.
        QStringList pieces;
        QStringList shown;
        connect(m_page.get(), &PlaygroundPage::outputUpdated, this, [&](int paneIndex, const QString& piece) {
            QCOMPARE(paneIndex, 0);
            pieces << piece;
            shown << pane->outputText();
        });
        QVERIFY(generateAndWait());
        QVERIFY(!intro->isVisible());
        QVERIFY(child<QPlainTextEdit>("output", pane)->isVisible());
        QCOMPARE(pane->outputText(), expected);
        QCOMPARE(pane->lastStats().generatedTokens, 48);
        QCOMPARE(pane->lastStats().stopReason, QStringLiteral("max_tokens"));
        QVERIFY(pane->lastStats().tokensPerSecond > 0.0);
        QVERIFY(child<QLabel>("stats", pane)->text().contains(QStringLiteral("tokens/s")));
        // Several partial updates, each a growing prefix of the final text, arrived before the end.
        QVERIFY2(pieces.size() >= 10, qPrintable(QString::number(pieces.size())));
        QCOMPARE(pieces.join(QString()), expected);
        for (int i = 0; i + 1 < shown.size(); ++i) {
            QVERIFY(expected.startsWith(shown[i]));
            QVERIFY(shown[i].size() < shown[i + 1].size());
        }
        // The sent pane shows the plain prompt and says BOS is added.
        auto* toggle = child<QToolButton>("sentToggle", pane);
        toggle->click();
        QVERIFY(pane->sentVisible());
        QCOMPARE(pane->sentText(), ref.value(QStringLiteral("prompt")).toString());
        QVERIFY(child<QLabel>("sentNote", pane)->text().contains(QStringLiteral("<s>")));
        QVERIFY(generateButton()->isEnabled());
        QVERIFY(!child<QPushButton>("stop")->isEnabled());
    }

    void secondPromptReusesLoadedModel() {
        GenerationPane* pane = m_page->pane(0);
        m_page->activate(
            {{QStringLiteral("model"), hfFolder()}, {QStringLiteral("prompt"), QStringLiteral("The little dog")}});
        QCOMPARE(child<QLineEdit>("modelPath", pane)->text(), hfFolder());
        QVERIFY(waitReady(pane));
        setGreedy(48);
        QVERIFY(generateAndWait());
        const QJsonObject ref = referencePrompt(2);
        QCOMPARE(pane->outputText(),
                 ref.value(QStringLiteral("greedy")).toObject().value(QStringLiteral("text")).toString());
        QCOMPARE(m_page->cache().modelLoads(), 1);

        // (Prompts 1 and 2 are the reference prompts whose continuation does not start with a space: core's
        // StreamingDecoder drops a leading dummy-prefix space from every continuation.)
        child<QPlainTextEdit>("prompt")->setPlainText(referencePrompt(1).value(QStringLiteral("prompt")).toString());
        QVERIFY(generateAndWait());
        QCOMPARE(m_page->cache().modelLoads(), 1);  // not read again
        QVERIFY(pane->lastStats().modelFromCache);
        QCOMPARE(
            pane->outputText(),
            referencePrompt(1).value(QStringLiteral("greedy")).toObject().value(QStringLiteral("text")).toString());
    }

    void stopEndsGenerationEarly() {
        GenerationPane* pane = m_page->pane(0);
        pane->setModel(hfFolder(), {});
        QVERIFY(waitReady(pane));
        setGreedy(5000);  // more than the 512-token context: an unstopped run ends only when it is full
        child<QPlainTextEdit>("prompt")->setPlainText(QStringLiteral("Once upon a time"));
        QVERIFY(generateAndWait());
        const QString full = pane->outputText();
        QCOMPARE(pane->lastStats().stopReason, QStringLiteral("context_full"));
        const int fullTokens = pane->lastStats().generatedTokens;
        QVERIFY(fullTokens > 400);

        QSignalSpy done(m_page.get(), &PlaygroundPage::generationDone);
        generateButton()->click();
        QVERIFY(child<QPushButton>("stop")->isEnabled());
        QVERIFY(!generateButton()->isEnabled());
        child<QPushButton>("stop")->click();
        QVERIFY(done.wait(30000) || done.count() > 0);
        QCOMPARE(pane->lastStats().stopReason, QStringLiteral("cancelled"));
        QVERIFY2(pane->lastStats().generatedTokens < fullTokens,
                 qPrintable(QString::number(pane->lastStats().generatedTokens)));
        QVERIFY(full.startsWith(pane->outputText()));
        QVERIFY(child<QLabel>("stats", pane)->text().contains(QStringLiteral("cancelled")));
        QVERIFY(generateButton()->isEnabled());
        QVERIFY(!child<QPushButton>("stop")->isEnabled());
    }

    void splitViewStreamsBaseAndAdapter() {
        const QString adapterDir = makeAdapter(QStringLiteral("adapter"));
        QVERIFY(!adapterDir.isEmpty());

        child<QCheckBox>("splitView")->setChecked(true);
        GenerationPane* a = m_page->pane(0);
        GenerationPane* b = m_page->pane(1);
        QVERIFY(b->isVisible());
        a->setModel(hfFolder(), {});
        b->setModel(ggufFile(), adapterDir);
        QVERIFY(waitReady(a));
        QVERIFY(waitReady(b));
        QVERIFY(child<QLabel>("modelStatus", b)->text().contains(QStringLiteral("LoRA r=4")));
        setGreedy(48);
        child<QPlainTextEdit>("prompt")->setPlainText(QStringLiteral("Once upon a time"));
        int updates[2] = {0, 0};
        connect(m_page.get(), &PlaygroundPage::outputUpdated, this, [&](int i, const QString&) { ++updates[i]; });
        QVERIFY(generateAndWait());
        QVERIFY(!a->isRunning() && !b->isRunning());
        const QString expected =
            referencePrompt(1).value(QStringLiteral("greedy")).toObject().value(QStringLiteral("text")).toString();
        QCOMPARE(a->outputText(), expected);
        QVERIFY(!b->outputText().isEmpty());
        QVERIFY(b->outputText() != expected);  // the adapter changes the answer
        QCOMPARE(b->lastStats().generatedTokens, 48);
        QVERIFY(updates[0] >= 10);
        QVERIFY(updates[1] >= 10);
        screenshot(QStringLiteral("playground_split.png"));
    }

    void registeredVersionRunsBaseWithItsAdapter() {
        const QString adapterDir = makeAdapter(QStringLiteral("registered-adapter"));
        QVERIFY(!adapterDir.isEmpty());
        {
            auto reg = tb::Registry::open(m_workspace->registryPath());
            QVERIFY2(reg.ok(), reg.ok() ? "" : reg.message().c_str());
            QVERIFY((*reg)->ensureUser("tester").ok());
            tb::RunRecord run;
            run.id = "run-playground";
            run.baseModel = hfFolder().toStdString();
            run.status = "finished";
            QVERIFY((*reg)->recordRun("tester", run).ok());
            auto ref = tb::ArtifactStore(m_workspace->artifactsDir()).put(adapterDir.toStdString(), "adapter");
            QVERIFY2(ref.ok(), ref.ok() ? "" : ref.message().c_str());
            tb::RegisterRequest req;
            req.group = "stories";
            req.runId = run.id;
            req.adapterPath = ref->storedAt;
            req.adapterSha256 = ref->sha256;
            auto version = (*reg)->registerModel("tester", req);
            QVERIFY2(version.ok(), version.ok() ? "" : version.message().c_str());
        }
        m_page->workspaceChanged(QStringLiteral("registry"));
        GenerationPane* pane = m_page->pane(0);
        auto* versions = child<QComboBox>("registeredVersion", pane);
        QTRY_COMPARE_WITH_TIMEOUT(versions->count(), 2, 20000);
        QVERIFY(versions->isVisible());
        QVERIFY(versions->itemText(1).contains(QStringLiteral("stories v1")));
        versions->setCurrentIndex(1);
        emit versions->activated(1);  // as when the user picks it
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("modelPath", pane)->text(), hfFolder(), 20000);
        QVERIFY(!pane->adapterDir().isEmpty());
        QVERIFY(waitReady(pane));
        QVERIFY(child<QLabel>("modelStatus", pane)->text().contains(QStringLiteral("LoRA r=4")));

        setGreedy(24);
        child<QPlainTextEdit>("prompt")->setPlainText(QStringLiteral("Once upon a time"));
        QVERIFY(generateAndWait());
        // The oracle: core's own generate() with the same base and adapter.
        auto bundle = tb::loadForInference(hfFolder().toStdString(), {});
        QVERIFY(bundle.ok());
        auto adapter = tb::train::readPeftAdapter(adapterDir.toStdString(), &bundle->model->config());
        QVERIFY(adapter.ok());
        tb::InferenceSession session(bundle->model);
        QVERIFY(session.setAdapter(std::make_shared<tb::LoraAdapter>(std::move(adapter.value()))).ok());
        tb::GenerateOptions o;
        o.maxTokens = 24;
        o.stopAtEos = false;
        auto expected =
            tb::generate(session, bundle->tokenizer, bundle->tokenizer->encode("Once upon a time", true), o);
        QVERIFY(expected.ok());
        QCOMPARE(pane->outputText(), QString::fromStdString(expected->text));
    }

    // An encrypted workspace: the registered version's adapter is copied out encrypted (the cache decrypts
    // it in memory) and generates what core does with the plaintext adapter; a run's encrypted adapter
    // folder typed into the second pane loads too. No plaintext adapter reaches the disk.
    void registeredVersionInEncryptedWorkspace() {
        const QString plainDir = makeAdapter(QStringLiteral("outside-adapter"));
        QVERIFY(!plainDir.isEmpty());
        auto ws = tb::Workspace::open(m_dir.filePath(QStringLiteral("enc-ws")).toStdString(), false);
        QVERIFY2(ws.ok(), ws.ok() ? "" : ws.message().c_str());
        const QString keyFile = m_dir.filePath(QStringLiteral("enc.key"));
        {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'd'));
        }
        QVERIFY(tb::enableWorkspaceEncryptionWithKeyFile((*ws)->root(), keyFile.toStdString()).ok());
        auto unlocked = tb::unlockWorkspace((*ws)->root(), "", keyFile.toStdString());
        QVERIFY(unlocked.ok());
        auto key = std::make_shared<const tb::WorkspaceKey>(*unlocked);
        {
            auto reg = tb::Registry::open((*ws)->registryPath());
            QVERIFY(reg.ok());
            QVERIFY((*reg)->ensureUser("tester").ok());
            tb::RunRecord run;
            run.id = "run-encrypted";
            run.baseModel = hfFolder().toStdString();
            run.status = "finished";
            QVERIFY((*reg)->recordRun("tester", run).ok());
            auto ref = tb::ArtifactStore((*ws)->artifactsDir(), *key).put(plainDir.toStdString(), "adapter");
            QVERIFY2(ref.ok(), ref.ok() ? "" : ref.message().c_str());
            QVERIFY(ref->encrypted);
            tb::RegisterRequest req;
            req.group = "secret-stories";
            req.runId = run.id;
            req.adapterPath = ref->storedAt;
            req.adapterSha256 = ref->sha256;
            QVERIFY((*reg)->registerModel("tester", req).ok());
        }
        // A run folder's adapter as an unlocked GUI run writes it: encrypted at rest.
        auto bundle = tb::loadForInference(hfFolder().toStdString(), {});
        QVERIFY(bundle.ok());
        auto plain = tb::train::readPeftAdapter(plainDir.toStdString(), &bundle->model->config());
        QVERIFY(plain.ok());
        const std::string runAdapter = (*ws)->runsDir() + "/run-encrypted/adapter";
        QVERIFY(tb::train::writePeftAdapter(runAdapter, *plain, {hfFolder().toStdString(), key.get()}).ok());

        m_page.reset();
        tb::widgets::PageContext ctx;
        ctx.workspace = *ws;
        ctx.jobs = m_jobs.get();
        ctx.userName = QStringLiteral("tester");
        ctx.key = key;
        m_page = std::make_unique<PlaygroundPage>(ctx);
        m_page->resize(1200, 800);
        m_page->show();

        GenerationPane* pane = m_page->pane(0);
        auto* versions = child<QComboBox>("registeredVersion", pane);
        QTRY_COMPARE_WITH_TIMEOUT(versions->count(), 2, 20000);
        versions->setCurrentIndex(1);
        emit versions->activated(1);
        QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("modelPath", pane)->text(), hfFolder(), 20000);
        const QString copy = pane->adapterDir();
        QVERIFY(!copy.isEmpty());
        QVERIFY(waitReady(pane));
        QVERIFY(child<QLabel>("modelStatus", pane)->text().contains(QStringLiteral("LoRA r=4")));
        // The copy the pane reads is encrypted, file by file.
        for (const char* f : {"adapter_config.json", "adapter_model.safetensors"})
            QVERIFY2(tb::fileLooksEncrypted(QDir(copy).filePath(QLatin1String(f)).toStdString()), f);

        child<QCheckBox>("splitView")->setChecked(true);
        GenerationPane* b = m_page->pane(1);
        b->setModel(hfFolder(), QString::fromStdString(runAdapter));
        QVERIFY(waitReady(b));
        QVERIFY(child<QLabel>("modelStatus", b)->text().contains(QStringLiteral("LoRA r=4")));

        setGreedy(24);
        child<QPlainTextEdit>("prompt")->setPlainText(QStringLiteral("Once upon a time"));
        QVERIFY(generateAndWait());
        tb::InferenceSession session(bundle->model);
        QVERIFY(session.setAdapter(std::make_shared<tb::LoraAdapter>(std::move(plain.value()))).ok());
        tb::GenerateOptions o;
        o.maxTokens = 24;
        o.stopAtEos = false;
        auto expected =
            tb::generate(session, bundle->tokenizer, bundle->tokenizer->encode("Once upon a time", true), o);
        QVERIFY(expected.ok());
        QCOMPARE(pane->outputText(), QString::fromStdString(expected->text));
        QCOMPARE(b->outputText(), QString::fromStdString(expected->text));

        // No plaintext adapter (its tensor names) in the workspace or in the copy folder.
        for (const QString& root : {QString::fromStdString((*ws)->root()), QFileInfo(copy).absolutePath()}) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains("lora_A"), qPrintable(f.fileName()));
            }
        }
    }

    void unusableModelShowsReasonAndKeepsGenerateDisabled() {
        GenerationPane* pane = m_page->pane(0);
        child<QPlainTextEdit>("prompt")->setPlainText(QStringLiteral("Hello"));
        typeModel(pane, m_dir.filePath(QStringLiteral("missing/model.gguf")));
        QVERIFY(!pane->isReady());
        QVERIFY(child<QLabel>("modelStatus", pane)->text().contains(QStringLiteral("no such file")));
        QVERIFY(!generateButton()->isEnabled());
        QVERIFY(generateButton()->toolTip().contains(QStringLiteral("no such file")));

        // A file that exists and is named .gguf but is not one: the loader's reason is shown.
        const QString fake = m_dir.filePath(QStringLiteral("fake.gguf"));
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a gguf file at all, just text\n");
        f.close();
        typeModel(pane, fake);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading(), 30000);
        QVERIFY(!pane->isReady());
        const QString status = child<QLabel>("modelStatus", pane)->text();
        QVERIFY2(status.startsWith(QStringLiteral("Cannot use this model")) && status.contains(fake),
                 qPrintable(status));
        QVERIFY(!generateButton()->isEnabled());
        QVERIFY(!m_page->generateProblem().isEmpty());

        // A real model with an adapter made for another model: refused with the adapter named.
        const QString wrongAdapter =
            QStringLiteral(TUNEBENCH_SOURCE_DIR) + QStringLiteral("/tests/data/train/peft_tiny");
        pane->setModel(hfFolder(), wrongAdapter);
        QTRY_VERIFY_WITH_TIMEOUT(!pane->isLoading(), 30000);
        QVERIFY(!pane->isReady());
        QVERIFY2(child<QLabel>("modelStatus", pane)->text().contains(QStringLiteral("peft_tiny")),
                 qPrintable(child<QLabel>("modelStatus", pane)->text()));
        QVERIFY(!generateButton()->isEnabled());

        // Fixing the path makes it usable again.
        pane->setModel(hfFolder(), {});
        QVERIFY(waitReady(pane));
        QVERIFY(generateButton()->isEnabled());
    }

    void samplingSettingsAreValidatedWhereTyped() {
        GenerationPane* pane = m_page->pane(0);
        pane->setModel(hfFolder(), {});
        QVERIFY(waitReady(pane));
        QVERIFY(generateButton()->isEnabled());
        child<QDoubleSpinBox>("topP")->setValue(0.0);
        QVERIFY(!generateButton()->isEnabled());
        QVERIFY(child<QLabel>("samplingError")->text().contains(QStringLiteral("top_p")));
        child<QDoubleSpinBox>("topP")->setValue(0.9);
        QVERIFY(generateButton()->isEnabled());
        auto* seed = child<QLineEdit>("seed");
        seed->clear();
        QTest::keyClicks(seed, QStringLiteral("12x"));
        QVERIFY(!generateButton()->isEnabled());
        QVERIFY(generateButton()->toolTip().contains(QStringLiteral("Seed")));
        seed->setText(QStringLiteral("42"));
        QVERIFY(generateButton()->isEnabled());
    }

    void chatModeShowsRenderedBuiltinTemplate() {
        GenerationPane* pane = m_page->pane(0);
        pane->setModel(hfFolder(), {});
        QVERIFY(waitReady(pane));
        child<QRadioButton>("chatMode")->click();
        QVERIFY(m_page->isChatMode());
        QVERIFY(!generateButton()->isEnabled());  // nothing to say yet
        QTest::keyClicks(child<QPlainTextEdit>("messageText"), QStringLiteral("Tell me a story"));
        child<QToolButton>("sentToggle", pane)->click();
        // stories260K ships no chat template: the Llama fallback is used and named.
        QCOMPARE(pane->sentText(), QStringLiteral("<s>[INST] Tell me a story [/INST]"));
        QVERIFY(child<QLabel>("sentNote", pane)->text().contains(QStringLiteral("llama2")));
        // Another built-in, chosen by name.
        auto* choice = child<QComboBox>("chatTemplate");
        choice->setCurrentIndex(choice->findData(QStringLiteral("chatml")));
        QCOMPARE(pane->sentText(),
                 QStringLiteral("<|im_start|>user\nTell me a story<|im_end|>\n<|im_start|>assistant\n"));
        choice->setCurrentIndex(0);

        setGreedy(16);
        QVERIFY(generateAndWait());
        auto* conversation = child<QTableView>("messages");
        auto* model = qobject_cast<tb::models::ChatMessageModel*>(conversation->model());
        QVERIFY(model);
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->roleAt(0), QStringLiteral("user"));
        QCOMPARE(model->roleAt(1), QStringLiteral("assistant"));
        QCOMPARE(model->contentAt(1), pane->outputText());
        QVERIFY(!pane->outputText().isEmpty());
        QVERIFY(child<QPlainTextEdit>("messageText")->toPlainText().isEmpty());
        screenshot(QStringLiteral("playground_chat.png"));

        // Two user turns in a row break llama2's alternation rule: its own message shows, Generate is off.
        auto* role = child<QComboBox>("messageRole");
        role->setCurrentIndex(role->findData(QStringLiteral("assistant")));
        QTest::keyClicks(child<QPlainTextEdit>("messageText"), QStringLiteral("again"));
        QVERIFY(!generateButton()->isEnabled());
        QVERIFY2(m_page->generateProblem().contains(QStringLiteral("alternate")),
                 qPrintable(m_page->generateProblem()));
    }

    void chatModeShowsModelsOwnTemplate() {
        // A copy of the HF folder whose tokenizer_config.json carries a ChatML template.
        const QString dir = m_dir.filePath(QStringLiteral("with-template"));
        QVERIFY(QDir().mkpath(dir));
        for (const QString& name : QDir(hfFolder()).entryList(QDir::Files)) {
            QVERIFY(QFile::copy(hfFolder() + QLatin1Char('/') + name, dir + QLatin1Char('/') + name));
            QFile::setPermissions(dir + QLatin1Char('/') + name, QFile::ReadOwner | QFile::WriteOwner);
        }
        QFile cfg(dir + QStringLiteral("/tokenizer_config.json"));
        QVERIFY(cfg.open(QIODevice::ReadOnly));
        QJsonObject obj = QJsonDocument::fromJson(cfg.readAll()).object();
        cfg.close();
        obj.insert(
            QStringLiteral("chat_template"),
            QStringLiteral("{% for m in messages %}<|{{ m['role'] }}|>{{ m['content'] }}{{ eos_token }}{% endfor %}"
                           "{% if add_generation_prompt %}<|assistant|>{% endif %}"));
        QVERIFY(cfg.open(QIODevice::WriteOnly | QIODevice::Truncate));
        cfg.write(QJsonDocument(obj).toJson());
        cfg.close();

        GenerationPane* pane = m_page->pane(0);
        m_page->activate({{QStringLiteral("model"), dir}});
        QVERIFY(waitReady(pane));
        child<QRadioButton>("chatMode")->click();
        auto* role = child<QComboBox>("messageRole");
        role->setCurrentIndex(role->findData(QStringLiteral("system")));
        QTest::keyClicks(child<QPlainTextEdit>("messageText"), QStringLiteral("Be brief."));
        child<QPushButton>("addMessage")->click();
        QTest::keyClicks(child<QPlainTextEdit>("messageText"), QStringLiteral("Hi"));
        QCOMPARE(pane->sentText(), QStringLiteral("<|system|>Be brief.</s><|user|>Hi</s><|assistant|>"));
        QVERIFY(child<QLabel>("sentNote", pane)->text().contains(QStringLiteral("tokenizer_config.json")));
        QVERIFY(generateButton()->isEnabled());
    }
};

QTEST_MAIN(PlaygroundPageTest)
#include "playground_page_test.moc"
