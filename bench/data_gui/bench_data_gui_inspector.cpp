// bench_data_gui_inspector [RECORDS] [DIR]: writes RECORDS (default 1,000,000) support-ticket-like records to
// DIR/train.jsonl (default: a temporary folder, removed afterwards), then times what the dataset inspector
// does: the offset index, 10,000 random rows and 100,000 scrolled rows through RecordTableModel, and the
// per-record checks; prints time, throughput and resident memory (current and peak).
#include "core/data/record_flags.h"
#include "core/data/record_index.h"
#include "models/datasets/record_table_model.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

namespace {
double rssMiB(const char* key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(key)) return line.mid(int(strlen(key))).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}
const char* const kLabels[] = {"BILLING", "TECHNICAL", "ACCOUNT", "GENERAL"};
}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const long long records = argc > 1 ? std::atoll(argv[1]) : 1000000;
    QTemporaryDir tmp;
    const QString dir = argc > 2 ? QString::fromLocal8Bit(argv[2]) : tmp.path();
    const QString path = dir + QStringLiteral("/train.jsonl");
    QElapsedTimer t;
    t.start();
    {
        std::FILE* f = std::fopen(path.toLocal8Bit().constData(), "wb");
        if (!f) return std::fprintf(stderr, "cannot write %s\n", qPrintable(path)), 1;
        for (long long i = 0; i < records; ++i)
            std::fprintf(f,
                         "{\"id\":\"r%07lld\",\"prompt\":\"Ticket %lld: my order %lld was charged twice, contact me at "
                         "user%lld@mail.example.org\",\"completion\":\"%s\"}\n",
                         i, i, i * 7919 % 100000, i % 5000, kLabels[i % 4]);
        std::fclose(f);
    }
    std::printf("generated %lld records in %lld ms\n", records, static_cast<long long>(t.restart()));
    const double before = rssMiB("VmRSS:");
    auto index = tb::RecordIndex::build({{path.toStdString(), "train"}});
    if (!index.ok()) return std::fprintf(stderr, "%s\n", index.message().c_str()), 1;
    const qint64 indexMs = t.restart();
    const double mb = double((*index)->totalBytes()) / 1e6;
    std::printf("index: %lld records, %.0f MB in %lld ms (%.0f MB/s), index memory %.1f MB, RSS +%.1f MiB\n",
                static_cast<long long>((*index)->size()), mb, static_cast<long long>(indexMs), mb / (double(indexMs) / 1000.0),
                double((*index)->memoryBytes()) / 1e6, rssMiB("VmRSS:") - before);
    // Check before timing: row i holds "Ticket i:".
    tb::models::RecordTableModel model;
    model.setData(*index, nullptr, {});
    if (!model.index(int(records / 2), tb::models::RecordTableModel::InputColumn).data().toString().startsWith(
            QStringLiteral("Ticket %1:").arg(records / 2)))
        return std::fprintf(stderr, "row %lld does not hold its record\n", records / 2), 1;
    QRandomGenerator rng(1);
    t.restart();
    for (int k = 0; k < 10000; ++k)
        model.index(int(rng.bounded(int(records))), tb::models::RecordTableModel::InputColumn).data();
    std::printf("10,000 random rows: %.1f us/row\n", double(t.restart()) * 1000.0 / 10000.0);
    for (int row = 0; row < 100000 && row < records; ++row) model.index(row, tb::models::RecordTableModel::InputColumn).data();
    std::printf("100,000 scrolled rows: %.2f us/row\n", double(t.restart()) * 1000.0 / 100000.0);
    auto flags = tb::computeRecordFlags(**index, {});
    if (!flags.ok()) return std::fprintf(stderr, "%s\n", flags.message().c_str()), 1;
    const qint64 flagsMs = t.restart();
    std::printf("checks: %lld ms (%.0f records/s): %lld exact duplicates, %lld near (%s), %lld with PII\n",
                static_cast<long long>(flagsMs), double(records) / (double(flagsMs) / 1000.0),
                static_cast<long long>(flags->exactDuplicates), static_cast<long long>(flags->nearDuplicates),
                flags->nearChecked ? "checked" : "skipped above the limit", static_cast<long long>(flags->withPii));
    std::printf("RSS %.1f MiB, peak %.1f MiB\n", rssMiB("VmRSS:"), rssMiB("VmHWM:"));
    return 0;
}
