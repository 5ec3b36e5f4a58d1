// Import + inspect throughput: generates a 1,000,000-record prompt/completion JSONL (~500 MB) in /tmp,
// checks that the import and the quality report find exactly what was planted (record count, duplicates,
// PII, rejected lines), then reports MB/s and peak RSS for streaming import + full inspect. Deletes the file.
// The import runs on the calling thread; per-record analysis of each 4096-record batch runs on a second
// thread (QualityAnalyzer::addBatch), so the two cores work at once.
// Usage: bench_data_import [records=1000000] [dir=/tmp] [--keep] [--import-only]
#include "core/data/dataset_import.h"
#include "core/data/quality_analyzer.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

const char* kWords[] = {
    "account", "invoice", "refund", "charged", "twice", "subscription", "password", "reset", "email", "login",
    "error", "crash", "app", "screen", "update", "delivery", "parcel", "tracking", "address", "order", "payment",
    "declined", "card", "bank", "transfer", "fee", "monthly", "annual", "plan", "upgrade", "cancel", "support",
    "please", "help", "thanks", "since", "yesterday", "today", "again", "still", "waiting", "received", "missing",
    "broken", "slow", "sync", "settings", "profile", "notification", "export", "report", "team", "user", "access",
    "the", "my", "is", "not", "and", "to", "a", "for", "of", "on", "with", "it", "was", "have", "been", "this"};
const char* kLabels[] = {"BILLING", "TECHNICAL", "ACCOUNT", "SHIPPING", "GENERAL"};

double cpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double peakRssMiB() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

struct Planted {
    int64_t records = 0, exactDups = 0, emails = 0, cards = 0, badLines = 0;
    int64_t bytes = 0;
};

Planted generate(const std::string& path, int64_t n) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) {
        std::perror(path.c_str());
        std::exit(2);
    }
    std::mt19937_64 rng(12345);
    Planted p;
    std::string line, text, previous;
    bool previousEmail = false, previousCard = false;
    const size_t nWords = sizeof(kWords) / sizeof(kWords[0]);
    for (int64_t i = 0; i < n; ++i) {
        if (i > 0 && i % 1000 == 0) {  // an exact duplicate of the previous record
            line = previous;
            ++p.exactDups;
            p.emails += previousEmail;  // the copy carries the same personal data
            p.cards += previousCard;
        } else {
            text = "Ticket " + std::to_string(i) + ": ";
            size_t words = 60 + rng() % 30;
            for (size_t w = 0; w < words; ++w) {
                text += kWords[rng() % nWords];
                text += (w % 13 == 12) ? ". " : " ";
            }
            previousEmail = i % 500 == 7;
            previousCard = i % 997 == 3;
            if (i % 500 == 7) {
                text += "contact me at user" + std::to_string(i) + "@example.com";
                ++p.emails;
            }
            if (i % 997 == 3) {
                text += " card 4111 1111 1111 1111";
                ++p.cards;
            }
            line = "{\"prompt\":\"" + text + "\",\"completion\":\"" + kLabels[rng() % 5] + "\"}\n";
            previous = line;
        }
        std::fwrite(line.data(), 1, line.size(), f);
        p.bytes += static_cast<int64_t>(line.size());
        ++p.records;
        if (i % 250000 == 1) {  // a broken line, which must be rejected, not dropped
            const char* bad = "{\"prompt\": \"unterminated\n";
            std::fwrite(bad, 1, std::strlen(bad), f);
            p.bytes += static_cast<int64_t>(std::strlen(bad));
            ++p.badLines;
        }
    }
    std::fclose(f);
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    int64_t n = 1000000;
    std::string dir = "/tmp";
    bool keep = false, importOnly = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--keep") == 0) keep = true;
        else if (std::strcmp(argv[i], "--import-only") == 0) importOnly = true;
        else if (argv[i][0] >= '0' && argv[i][0] <= '9') n = std::atoll(argv[i]);
        else dir = argv[i];
    }
    std::string path = dir + "/tb_bench_data_" + std::to_string(::getpid()) + ".jsonl";
    auto t0 = std::chrono::steady_clock::now();
    Planted planted = generate(path, n);
    double genSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double rssAfterGenerate = peakRssMiB();
    std::printf("generated %lld records, %.1f MB in %.1f s (%s)\n", (long long)planted.records, planted.bytes / 1e6, genSeconds,
                path.c_str());

    if (importOnly) {
        double c0 = cpuSeconds();
        auto w0 = std::chrono::steady_clock::now();
        int64_t count = 0;
        auto s = tb::importDataset(path, {}, [&](tb::Record&&) { ++count; return true; }, {});
        double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        double cpu = cpuSeconds() - c0;
        if (!keep) std::remove(path.c_str());
        if (!s.ok() || count != planted.records) return 1;
        std::printf("import only: %lld records, wall %.2f s (%.1f MB/s), CPU %.2f s (%.1f MB/s)\n", (long long)count, wall,
                    planted.bytes / 1e6 / wall, cpu, planted.bytes / 1e6 / cpu);
        return 0;
    }
    double cpu0 = cpuSeconds();
    auto t1 = std::chrono::steady_clock::now();
    tb::QualityAnalyzer analyzer;
    std::vector<tb::Record> batch;
    auto summary = tb::importDataset(
        path, {},
        [&](tb::Record&& r) {
            batch.push_back(std::move(r));
            if (batch.size() == 4096) analyzer.addBatch(std::exchange(batch, {}));
            return true;
        },
        [&](const tb::RejectedRecord& r) { analyzer.addRejected(r); });
    analyzer.addBatch(std::move(batch));
    if (!summary.ok()) {
        std::fprintf(stderr, "import failed: %s\n", summary.message().c_str());
        return 2;
    }
    auto t2 = std::chrono::steady_clock::now();
    tb::QualityReport rep = analyzer.finish();
    auto t3 = std::chrono::steady_clock::now();
    double cpuUsed = cpuSeconds() - cpu0;
    if (!keep) std::remove(path.c_str());

    // Check the result before reporting speed.
    bool ok = true;
    auto check = [&](const char* what, int64_t got, int64_t want) {
        if (got != want) {
            std::printf("CHECK FAILED: %s = %lld, expected %lld\n", what, (long long)got, (long long)want);
            ok = false;
        }
    };
    check("records", rep.records, planted.records);
    check("rejected", rep.rejected, planted.badLines);
    check("exact duplicate records", rep.exactDuplicateRecords, planted.exactDups);
    check("EMAIL hits", rep.piiByType["EMAIL"], planted.emails);
    check("CREDIT_CARD hits", rep.piiByType["CREDIT_CARD"], planted.cards);
    if (!ok) return 1;

    double importSec = std::chrono::duration<double>(t2 - t1).count();
    double finishSec = std::chrono::duration<double>(t3 - t2).count();
    double total = importSec + finishSec;
    std::printf("import + inspect (streaming, report incl. near-duplicates, PII, lengths, labels, template):\n");
    std::printf("  records        %lld (rejected %lld, exact dups %lld, near-dup groups %lld)\n", (long long)rep.records,
                (long long)rep.rejected, (long long)rep.exactDuplicateRecords, (long long)rep.nearDuplicateGroupCount);
    std::printf("  time           %.2f s (import+per-record analysis %.2f s, finish %.2f s)\n", total, importSec, finishSec);
    std::printf("  throughput     %.1f MB/s wall-clock; CPU time %.2f s (%.1f MB/s per CPU-second; the machine is shared,\n"
                "                 so wall-clock includes waiting for a core)\n",
                planted.bytes / 1e6 / total, cpuUsed, planted.bytes / 1e6 / cpuUsed);
    std::printf("  peak RSS       %.0f MiB (after generating: %.0f MiB)\n", peakRssMiB(), rssAfterGenerate);
    return 0;
}
