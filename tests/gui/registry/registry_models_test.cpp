// ModelVersionTableModel and AuditLogTableModel over a real registry: model-tester clean, rows and
// cells equal what core returns, problem marks land on the rows verification names.
#include "models/registry/audit_log_table_model.h"
#include "models/registry/model_version_table_model.h"
#include "registry_test_workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using tb::models::AuditLogTableModel;
using tb::models::ModelVersionTableModel;

class RegistryModelsTest : public QObject {
    Q_OBJECT
private slots:
    void versionRowsEqualTheRegistry() {
        RegistryTestWorkspace ws;
        QVERIFY(ws.create());
        ModelVersionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        auto versions = ws.registry->versions();
        QVERIFY(versions.ok());
        model.setVersions(*versions);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), int(versions->size()));
        QCOMPARE(model.columnCount(), int(ModelVersionTableModel::ColumnCount));
        for (int row = 0; row < model.rowCount(); ++row) {
            const tb::ModelVersionRecord& v = (*versions)[size_t(row)];
            auto cell = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
            QCOMPARE(cell(0, ModelVersionTableModel::VersionIdRole).toLongLong(), v.id);
            QCOMPARE(cell(ModelVersionTableModel::GroupColumn).toString(), QString::fromStdString(v.group));
            QCOMPARE(cell(ModelVersionTableModel::VersionColumn, ModelVersionTableModel::SortRole).toLongLong(), v.version);
            const double accuracy = v.evalReport["accuracy"].get<double>();
            QCOMPARE(cell(ModelVersionTableModel::AccuracyColumn).toString(),
                     QStringLiteral("%1 %").arg(accuracy * 100.0, 0, 'f', 1));
            QCOMPARE(cell(ModelVersionTableModel::AccuracyColumn, ModelVersionTableModel::SortRole).toDouble(), accuracy);
            const double macroF1 = v.evalReport["macro_f1"].get<double>();
            QCOMPARE(cell(ModelVersionTableModel::PrimaryMetricColumn).toString(),
                     QStringLiteral("macro_f1 %1").arg(macroF1, 0, 'f', 3));
            QCOMPARE(cell(ModelVersionTableModel::GateColumn).toString(),
                     *v.gatePassed ? QStringLiteral("passed") : QStringLiteral("failed"));
            QCOMPARE(cell(ModelVersionTableModel::ApprovalColumn).toString(), QStringLiteral("Pending approval"));
            QCOMPARE(cell(ModelVersionTableModel::StageColumn).toString(), QStringLiteral("None"));
            QCOMPARE(cell(ModelVersionTableModel::RunByColumn).toString(), QStringLiteral("ralph"));
        }
        // The two fixtures really differ (tuned beats base), so the columns are not constant.
        QVERIFY(model.index(0, ModelVersionTableModel::AccuracyColumn).data().toString() !=
                model.index(1, ModelVersionTableModel::AccuracyColumn).data().toString());
        QCOMPARE(model.rowOfId(ws.failedId), 1);
        QCOMPARE(model.rowOfId(4242), -1);
    }

    void auditRowsAndProblemMarks() {
        RegistryTestWorkspace ws;
        QVERIFY(ws.create());
        auto entries = ws.registry->audit().entries();
        QVERIFY(entries.ok());
        QVERIFY(entries->size() >= 8);
        AuditLogTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(*entries);
        QCOMPARE(model.rowCount(), int(entries->size()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const tb::AuditEntry& e = (*entries)[size_t(row)];
            QCOMPARE(model.index(row, AuditLogTableModel::SeqColumn).data().toLongLong(), e.seq);
            QCOMPARE(model.index(row, AuditLogTableModel::ActorColumn).data().toString(), QString::fromStdString(e.actor));
            QCOMPARE(model.index(row, AuditLogTableModel::ActionColumn).data().toString(),
                     QString::fromStdString(e.action));
            QVERIFY(!model.index(row, 0).data(Qt::BackgroundRole).isValid());
        }
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setProblems({{3, "edited", "row 3 was edited"}, {99, "truncated", "rows 99.. were deleted"}});
        QCOMPARE(changed.count(), 1);
        const int row3 = model.rowOfSeq(3);
        QVERIFY(row3 >= 0);
        QCOMPARE(model.problemAt(row3), QStringLiteral("edited"));
        QVERIFY(model.index(row3, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(row3, 1).data(Qt::ToolTipRole).toString(), QStringLiteral("row 3 was edited"));
        QCOMPARE(model.problemAt(model.rowOfSeq(2)), QString());
        model.clearProblems();
        QCOMPARE(model.problemAt(row3), QString());
    }
};

QTEST_MAIN(RegistryModelsTest)
#include "registry_models_test.moc"
