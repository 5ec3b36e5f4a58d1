// The Serve page's item models and traffic history: model-tester clean, rows equal the core data they
// mirror (API keys as the store lists them, servable registry versions), rates computed per interval.
#include "core/serve/api_keys.h"
#include "models/serve/api_key_table_model.h"
#include "models/serve/served_version_table_model.h"
#include "models/serve/traffic_history.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tb::models::ApiKeyTableModel;
using tb::models::ServedVersionTableModel;

namespace {

tb::ModelVersionRecord version(int64_t id, int64_t number, const std::string& approval, const std::string& stage,
                               const std::string& sha = std::string(64, 'a')) {
    tb::ModelVersionRecord v;
    v.id = id;
    v.group = "tickets";
    v.version = number;
    v.approval = approval;
    v.stage = stage;
    v.adapterSha256 = sha;
    v.baseModel = "/models/base";
    return v;
}

}  // namespace

class ServeModelsTest : public QObject {
    Q_OBJECT
private slots:
    void apiKeysMirrorTheStoreWithoutSecrets() {
        QTemporaryDir dir;
        tb::ApiKeyStore store(dir.filePath(QStringLiteral("keys.json")).toStdString());
        QVERIFY(store.load().ok());
        auto a = store.create("bot-a");
        auto b = store.create("bot-b");
        QVERIFY(a.ok() && b.ok());
        QVERIFY(store.revoke(a->info.id).ok());
        ApiKeyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setKeys(store.list());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.liveCount(), 1);
        const int rowA = model.rowOfId(QString::fromStdString(a->info.id));
        QVERIFY(rowA >= 0);
        QCOMPARE(model.index(rowA, ApiKeyTableModel::NameColumn).data().toString(), QStringLiteral("bot-a"));
        QCOMPARE(model.index(rowA, ApiKeyTableModel::StateColumn).data().toString(), QStringLiteral("revoked"));
        QVERIFY(model.index(rowA, 0).data(ApiKeyTableModel::RevokedRole).toBool());
        QCOMPARE(model.index(rowA, ApiKeyTableModel::HashColumn).data().toString(),
                 QString::fromStdString(a->info.sha256.substr(0, 12)) + QStringLiteral("…"));
        for (int row = 0; row < model.rowCount(); ++row)
            for (int c = 0; c < model.columnCount(); ++c)
                for (const auto* k : {&*a, &*b})
                    QVERIFY(!model.index(row, c).data().toString().contains(QString::fromStdString(k->secret)));
    }

    void servedVersionsAreTheServableOnes() {
        ServedVersionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setVersions({version(1, 1, "Approved", "Archived"), version(2, 2, "Approved", "Staging"),
                           version(3, 3, "Approved", "Production"), version(4, 4, "PendingManualApproval", "None"),
                           version(5, 5, "Approved", "Staging", "")});
        QCOMPARE(model.rowCount(), 2);  // Archived, pending and adapter-less versions are not servable
        QCOMPARE(model.index(0, ServedVersionTableModel::NameColumn).data().toString(), QStringLiteral("tickets-v2"));
        QCOMPARE(model.index(1, ServedVersionTableModel::NameColumn).data().toString(), QStringLiteral("tickets"));
        QVERIFY(!model.isChecked(0));  // Staging: offered, not served by default
        QVERIFY(model.isChecked(1));   // Production: served by default
        QSignalSpy toggled(&model, &ServedVersionTableModel::checkToggled);
        QVERIFY(model.setData(model.index(0, 0), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(toggled.count(), 1);
        QCOMPARE(toggled.first().at(0).toString(), QStringLiteral("tickets-v2"));
        QCOMPARE(model.checkedNames(), (QStringList{QStringLiteral("tickets-v2"), QStringLiteral("tickets")}));
        model.setState(QStringLiteral("tickets"), QStringLiteral("serving"));
        // A reload keeps the person's choices and the states.
        model.setVersions({version(2, 2, "Approved", "Staging"), version(3, 3, "Approved", "Production")});
        QVERIFY(model.isChecked(0));
        QCOMPARE(model.stateOf(QStringLiteral("tickets")), QStringLiteral("serving"));
        QCOMPARE(toggled.count(), 1);
    }

    void trafficHistoryRatesPerInterval() {
        tb::models::TrafficHistory history(3);
        tb::serve::ServeMetrics metrics;
        history.add(10.0, metrics.snapshot());  // baseline only
        QVERIFY(history.points().empty());
        for (int i = 0; i < 4; ++i) metrics.requestFinished("/v1/completions", "m", 200, 0.25, 10, 5);
        history.add(12.0, metrics.snapshot());
        QCOMPARE(history.points().size(), size_t(1));
        QCOMPARE(history.points().back().requestsPerSecond, 2.0);  // 4 requests in 2 s
        QCOMPARE(history.points().back().meanLatencyMs, 250.0);
        QCOMPARE(history.points().back().t, 2.0);
        history.add(13.0, metrics.snapshot());
        QCOMPARE(history.points().back().requestsPerSecond, 0.0);
        QCOMPARE(history.points().back().meanLatencyMs, 0.0);
        history.add(14.0, metrics.snapshot());
        history.add(15.0, metrics.snapshot());
        QCOMPARE(history.points().size(), size_t(3));  // capacity
        QCOMPARE(history.maxRequestsPerSecond(), 0.0);  // the busy interval scrolled out
        QCOMPARE(history.requestsTotal(), int64_t(4));
    }
};

QTEST_MAIN(ServeModelsTest)
#include "serve_models_test.moc"
