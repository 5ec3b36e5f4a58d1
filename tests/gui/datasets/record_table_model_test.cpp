// RecordTableModel over RecordIndex: a version built by core from the demo tickets (row count, splits,
// filter counts agree with the quality report), and a generated million-record file read lazily: row
// count, random rows, a bounded cache and bounded process memory (the figures are printed).
#include "core/data/dataset_import.h"
#include "core/data/dataset_version.h"
#include "core/data/quality_analyzer.h"
#include "core/data/record_flags.h"
#include "core/data/record_index.h"
#include "core/data/splitter.h"
#include "models/datasets/dataset_version_table_model.h"
#include "models/datasets/record_table_model.h"
#include "models/datasets/text_table_model.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using tb::models::RecordTableModel;

namespace {

// Resident set size of this process in MiB (Linux /proc), and the peak.
double rssMiB(const char* key = "VmRSS:") {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key)) return line.mid(int(strlen(key))).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

const char* const kLabels[] = {"BILLING", "TECHNICAL", "ACCOUNT", "GENERAL"};

}  // namespace

class RecordTableModelTest : public QObject {
    Q_OBJECT
private slots:
    void demoVersionCountsAndFilters() {
        QTemporaryDir tmp;
        const std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
        const std::string splitDir = tmp.filePath(QStringLiteral("split")).toStdString();
        auto split = tb::splitFile(demo, splitDir, {}, {});
        QVERIFY2(split.ok(), split.ok() ? "" : split.message().c_str());
        auto version = tb::createDatasetVersion(tmp.filePath(QStringLiteral("datasets")).toStdString(), splitDir, {"tickets", "", ""});
        QVERIFY2(version.ok(), version.ok() ? "" : version.message().c_str());
        auto index = tb::RecordIndex::buildForVersion(version->dir);
        QVERIFY2(index.ok(), index.ok() ? "" : index.message().c_str());
        auto flags = tb::computeRecordFlags(**index, {});
        QVERIFY(flags.ok());

        RecordTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<tb::RejectedRecord> rejected = {{"in.jsonl", 7, 7, "not JSON"}};
        model.setData(*index, std::make_shared<tb::RecordFlags>(std::move(*flags)), rejected);
        const int64_t total = version->counts["train"] + version->counts["validation"] + version->counts["test"];
        QCOMPARE(model.rowCount(), int(total + 1));
        QCOMPARE(model.countFor(RecordTableModel::AllRecords, -1, QStringLiteral("validation")), qint64(version->counts["validation"]));
        QCOMPARE(model.countFor(RecordTableModel::Rejected), qint64(1));

        // The same records through the quality report: the filters count what it counts.
        std::vector<tb::Record> all;
        for (int64_t i = 0; i < (*index)->size(); ++i) all.push_back(*(*index)->record(i));
        tb::QualityReport report = tb::analyzeRecords(all, {});
        QVERIFY(report.recordsWithPii > 0);
        QCOMPARE(model.countFor(RecordTableModel::Pii), qint64(report.recordsWithPii));
        QCOMPARE(model.countFor(RecordTableModel::OverLength), qint64(report.overLength));
        qint64 repeats = 0;
        for (int64_t i = 0; i < (*index)->size(); ++i)
            repeats += (model.flags()->flags[size_t(i)] & (tb::kFlagExactDuplicate | tb::kFlagNearDuplicate)) != 0;
        QCOMPARE(repeats, qint64(report.exactDuplicateRecords + report.nearDuplicateRecords));
        QVERIFY(model.countFor(RecordTableModel::Duplicates) > repeats);  // groups include their first member

        model.setFilter(RecordTableModel::Pii);
        QCOMPARE(model.rowCount(), int(report.recordsWithPii));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, RecordTableModel::FlagsColumn).data().toString().contains(QStringLiteral("PII")));
        // Label filter: BILLING rows all carry that label.
        const auto& labels = model.flags()->labels;
        const int billing = int(std::find(labels.begin(), labels.end(), "BILLING") - labels.begin());
        QVERIFY(billing < int(labels.size()));
        model.setFilter(RecordTableModel::AllRecords, billing, QStringLiteral("train"));
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, RecordTableModel::LabelColumn).data().toString(), QStringLiteral("BILLING"));
            QCOMPARE(model.index(row, RecordTableModel::SplitColumn).data().toString(), QStringLiteral("train"));
        }
        model.setFilter(RecordTableModel::Rejected);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, RecordTableModel::InputColumn).data().toString(), QStringLiteral("not JSON"));
        QVERIFY(model.rejectedAt(0));
    }

    void versionTableListsManifests() {
        QTemporaryDir tmp;
        const std::string demo = std::string(TUNEBENCH_SOURCE_DIR) + "/resources/demo/support_tickets.jsonl";
        const std::string datasets = tmp.filePath(QStringLiteral("datasets")).toStdString();
        tb::DatasetVersion versions[2];
        for (int k = 0; k < 2; ++k) {
            tb::SplitOptions o;
            o.seed = 1 + uint64_t(k);  // a different split: a new version with the first as parent
            const std::string dir = tmp.filePath(QStringLiteral("s%1").arg(k)).toStdString();
            QVERIFY(tb::splitFile(demo, dir, {}, o).ok());
            auto v = tb::createDatasetVersion(datasets, dir, {"tickets", k ? "seed 2" : "seed 1", ""});
            QVERIFY2(v.ok(), v.ok() ? "" : v.message().c_str());
            versions[k] = *v;
        }
        tb::models::DatasetVersionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh(QString::fromStdString(datasets));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        using M = tb::models::DatasetVersionTableModel;
        // Newest first; the newer one names the older as its parent.
        const int newer = model.rowOfVersion(QString::fromStdString(versions[1].version));
        QCOMPARE(newer, 0);
        QCOMPARE(model.index(0, M::DescriptionColumn).data().toString(), QStringLiteral("seed 2"));
        QCOMPARE(model.index(0, M::ParentColumn).data().toString(), QString::fromStdString(versions[0].version.substr(0, 12)));
        QCOMPARE(model.index(0, M::TrainColumn).data().toLongLong(), qlonglong(versions[1].counts["train"]));
        QCOMPARE(model.index(1, M::TestColumn).data().toLongLong(), qlonglong(versions[0].counts["test"]));
        QCOMPARE(model.index(1, M::NameColumn).data(M::DirRole).toString(), QString::fromStdString(versions[0].dir));
        model.refresh(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void textTableHoldsRows() {
        tb::models::TextTableModel model({QStringLiteral("A"), QStringLiteral("B")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setRows({{QStringLiteral("one"), QStringLiteral("two\nlines")}, {QStringLiteral("three")}});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.text(0, 1), QStringLiteral("two\nlines"));
        QVERIFY(!model.index(0, 1).data().toString().contains(QLatin1Char('\n')));  // one display line
        QCOMPARE(model.index(1, 1).data().toString(), QString());
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("B"));
    }

    void millionRecordsStayLazy() {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("train.jsonl"));
        constexpr int64_t kRecords = 1000000;
        QElapsedTimer timer;
        timer.start();
        {
            std::FILE* f = std::fopen(path.toLocal8Bit().constData(), "wb");
            QVERIFY(f);
            std::vector<char> buf(1 << 20);
            std::setvbuf(f, buf.data(), _IOFBF, buf.size());
            for (int64_t i = 0; i < kRecords; ++i)
                std::fprintf(f, "{\"id\":\"r%07lld\",\"prompt\":\"Ticket %lld: my order %lld was charged twice, please refund it\",\"completion\":\"%s\"}\n",
                             static_cast<long long>(i), static_cast<long long>(i), static_cast<long long>(i * 7919 % 100000),
                             kLabels[i % 4]);
            QCOMPARE(std::fclose(f), 0);
        }
        const qint64 writeMs = timer.restart();
        const double rssBefore = rssMiB();
        auto index = tb::RecordIndex::build({{path.toStdString(), "train"}});
        const qint64 indexMs = timer.restart();
        QVERIFY2(index.ok(), index.ok() ? "" : index.message().c_str());
        QCOMPARE((*index)->size(), kRecords);

        RecordTableModel model;
        model.setData(*index, nullptr, {});
        QCOMPARE(model.rowCount(), int(kRecords));
        QCOMPARE(model.index(0, RecordTableModel::IdColumn).data().toString(), QStringLiteral("r0000000"));
        QCOMPARE(model.index(int(kRecords - 1), RecordTableModel::LabelColumn).data().toString(), QString::fromLatin1(kLabels[(kRecords - 1) % 4]));
        // Random rows anywhere in the file.
        QRandomGenerator rng(7);
        timer.restart();
        for (int k = 0; k < 2000; ++k) {
            const int row = int(rng.bounded(int(kRecords)));
            const QString input = model.index(row, RecordTableModel::InputColumn).data().toString();
            QVERIFY2(input.startsWith(QStringLiteral("Ticket %1:").arg(row)), qPrintable(input));
            QCOMPARE(model.index(row, RecordTableModel::LineColumn).data().toLongLong(), qlonglong(row + 1));
        }
        const qint64 randomMs = timer.restart();
        // Scrolling: a screenful at a time through 20,000 consecutive rows.
        for (int row = 500000; row < 520000; ++row) QVERIFY(!model.index(row, RecordTableModel::InputColumn).data().toString().isEmpty());
        const qint64 scrollMs = timer.elapsed();
        QVERIFY(model.cachedRows() <= RecordTableModel::kMaxBlocks * RecordTableModel::kBlockRows);
        const double rssAfter = rssMiB();
        const double peak = rssMiB("VmHWM:");
        qInfo("1,000,000 records (%.0f MB): write %lld ms, index %lld ms (%.1f MB index), 2,000 random rows %lld ms, "
              "20,000 scrolled rows %lld ms; RSS %.1f MiB before index, %.1f MiB after, peak %.1f MiB",
              double((*index)->totalBytes()) / 1e6, static_cast<long long>(writeMs), static_cast<long long>(indexMs),
              double((*index)->memoryBytes()) / 1e6, static_cast<long long>(randomMs), static_cast<long long>(scrollMs),
              rssBefore, rssAfter, peak);
        QVERIFY2(rssAfter < 400, qPrintable(QStringLiteral("RSS %1 MiB").arg(rssAfter)));
        QVERIFY(rssAfter - rssBefore < 64);  // the index (12 MB) and a window of rows, not the file (~100 MB)
    }
};

QTEST_GUILESS_MAIN(RecordTableModelTest)
#include "record_table_model_test.moc"
