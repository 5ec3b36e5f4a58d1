// The Playground's item models and model cache on their own: the conversation table and the
// registered-version list pass QAbstractItemModelTester and signal their changes; the cache loads a
// model once, serves it again from memory, and reloads it after the file changed on disk; an adapter
// folder encrypted at rest is read with the workspace key the cache was given and refused without one.
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"
#include "core/workspace/workspace_crypto.h"
#include "core/workspace/workspace_file_io.h"
#include "models/playground/chat_message_model.h"
#include "models/playground/playground_model_cache.h"
#include "models/playground/registered_version_model.h"

using tb::models::ChatMessageModel;
using tb::models::PlaygroundModelCache;
using tb::models::RegisteredVersionModel;

class PlaygroundModelsTest : public QObject {
    Q_OBJECT
private slots:
    void chatMessageModel() {
        ChatMessageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addMessage(QStringLiteral("system"), QStringLiteral("Be brief."));
        model.addMessage(QStringLiteral("user"), QStringLiteral("Hi"));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.data(model.index(1, ChatMessageModel::ContentColumn)).toString(), QStringLiteral("Hi"));
        // Roles are limited to those templates know.
        QVERIFY(!model.setData(model.index(1, ChatMessageModel::RoleColumn), QStringLiteral("wizard")));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(model.index(1, ChatMessageModel::RoleColumn), QStringLiteral("assistant")));
        QVERIFY(model.setData(model.index(1, ChatMessageModel::ContentColumn), QStringLiteral("Hello.")));
        QCOMPARE(changed.count(), 2);
        const auto messages = model.messages();
        QCOMPARE(messages.size(), size_t(2));
        QCOMPARE(messages[1].role, std::string("assistant"));
        QCOMPARE(messages[1].content->get<std::string>(), std::string("Hello."));
        QVERIFY(model.removeRows(0, 1));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.removeRows(0, 2));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void registeredVersionModel() {
        RegisteredVersionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);  // the placeholder
        QVERIFY(model.versionAt(0) == nullptr);
        tb::ModelVersionRecord v;
        v.id = 9;
        v.group = "tickets";
        v.version = 3;
        v.stage = "Production";
        v.approval = "Approved";
        v.baseModel = "/models/base";
        v.adapterSha256 = "ab12";
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setVersions({v});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        const QString shown = model.data(model.index(1)).toString();
        QVERIFY2(shown.contains(QStringLiteral("tickets v3")) && shown.contains(QStringLiteral("Production")),
                 qPrintable(shown));
        QCOMPARE(model.data(model.index(1), RegisteredVersionModel::VersionIdRole).toLongLong(), 9);
        QCOMPARE(model.data(model.index(1), RegisteredVersionModel::BaseModelRole).toString(),
                 QStringLiteral("/models/base"));
        QCOMPARE(model.versionAt(1)->adapterSha256, std::string("ab12"));
    }

    void cacheLoadsOnceAndReloadsChangedFiles() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString source =
            QStringLiteral(TUNEBENCH_SHARED_DIR) + QStringLiteral("/models/stories260K/stories260K-f32.gguf");
        const QString copy = dir.filePath(QStringLiteral("model.gguf"));
        QVERIFY(QFile::copy(source, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

        PlaygroundModelCache cache(2);
        bool fromCache = true;
        auto first = cache.model(copy.toStdString(), {}, &fromCache);
        QVERIFY2(first.ok(), first.ok() ? "" : first.message().c_str());
        QVERIFY(!fromCache);
        auto second = cache.model(copy.toStdString(), {}, &fromCache);
        QVERIFY(second.ok());
        QVERIFY(fromCache);
        QCOMPARE(second->get(), first->get());
        QCOMPARE(cache.modelLoads(), 1);

        // The file changed on disk: it is read again rather than served stale.
        const QDateTime before = QFileInfo(copy).lastModified();
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
        f.close();
        QVERIFY2(QFileInfo(copy).lastModified() != before, qPrintable(before.toString()));
        auto third = cache.model(copy.toStdString(), {}, &fromCache);
        QVERIFY(third.ok());
        QVERIFY(!fromCache);
        QCOMPARE(cache.modelLoads(), 2);

        auto missing = cache.model(dir.filePath(QStringLiteral("nope.gguf")).toStdString(), {}, &fromCache);
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.message()).contains(QStringLiteral("nope.gguf")));
    }

    void cacheReadsEncryptedAdapterWithTheKey() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString keyFile = dir.filePath(QStringLiteral("ws.key"));
        {
            QFile f(keyFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(64, 'b'));
        }
        auto key = tb::WorkspaceKey::fromKeyFile(keyFile.toStdString());
        QVERIFY(key.ok());
        const std::string model =
            std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/stories260K-f32.gguf";
        PlaygroundModelCache locked(2);
        PlaygroundModelCache unlocked(2, std::make_shared<const tb::WorkspaceKey>(*key));
        auto base = unlocked.model(model, {});
        QVERIFY2(base.ok(), base.ok() ? "" : base.message().c_str());
        tb::train::LoraSettings lora;
        lora.rank = 4;
        lora.targets = {"q", "v"};
        auto adapter = tb::train::initLoraAdapter((*base)->bundle.model->config(), lora, 3);
        QVERIFY(adapter.ok());
        // As a run in an encrypted workspace writes it.
        const std::string adapterDir = dir.filePath(QStringLiteral("run/adapter")).toStdString();
        QVERIFY(tb::train::writePeftAdapter(adapterDir, *adapter, {"", &*key}).ok());
        QVERIFY(tb::fileLooksEncrypted(adapterDir + "/adapter_model.safetensors"));

        auto refused = locked.adapter(adapterDir, **base);
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.message()).contains(QStringLiteral("encrypted")),
                 refused.message().c_str());
        bool fromCache = true;
        auto read = unlocked.adapter(adapterDir, **base, &fromCache);
        QVERIFY2(read.ok(), read.ok() ? "" : read.message().c_str());
        QVERIFY(!fromCache);
        QCOMPARE((*read)->rank, 4);
        QCOMPARE((*read)->modules.size(), adapter->modules.size());
        QCOMPARE(unlocked.adapterLoads(), 1);
    }
};

QTEST_MAIN(PlaygroundModelsTest)
#include "playground_models_test.moc"
