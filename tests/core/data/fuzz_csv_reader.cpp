// libFuzzer target: the CSV/TSV import path (dialect sniffing, RFC 4180 quotes across lines, field counts,
// UTF-8/NUL checks, mapping) must never crash or hang; every row is accepted or rejected with a reason.
// The first input byte picks the delimiter and quoting mode so all reader configurations are covered.
#include "core/data/csv_reader.h"
#include "core/data/dataset_import.h"
#include "fuzz_input_file.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    uint8_t mode = data[0];
    tbfuzz::MemoryFile file(data + 1, size - 1, ".csv");
    if (!file.ok()) return 0;
    tb::ImportOptions options;
    options.kind = (mode & 1) ? tb::FileKind::Tsv : tb::FileKind::Csv;
    options.csv.quoting = (mode & 6) == 0 ? tb::CsvQuoting::Auto : (mode & 6) == 2 ? tb::CsvQuoting::Rfc4180 : tb::CsvQuoting::None;
    options.csv.hasHeader = (mode & 8) == 0;
    options.format = (mode & 16) ? std::optional<tb::RecordFormat>(tb::RecordFormat::PlainText) : std::nullopt;
    options.limits.maxLineBytes = 1 << 16;
    auto summary = tb::importDataset(
        file.path(), options, [](tb::Record&&) { return true; },
        [](const tb::RejectedRecord& r) {
            if (r.reason.empty() || r.line <= 0 || r.lastLine < r.line) std::abort();
        });
    (void)summary;
    // The record parser on its own, fed line by line.
    tb::CsvRecordParser parser((mode & 1) ? '\t' : ',', (mode & 2) != 0);
    size_t start = 1;
    for (size_t i = 1; i <= size; ++i) {
        if (i == size || data[i] == '\n') {
            auto st = parser.feed(std::string_view(reinterpret_cast<const char*>(data) + start, i - start));
            if (st != tb::CsvRecordParser::State::NeedMore) parser.reset();
            start = i + 1;
        }
    }
    return 0;
}
