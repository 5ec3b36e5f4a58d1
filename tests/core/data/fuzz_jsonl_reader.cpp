// libFuzzer target: the JSONL import path (line reader, UTF-8/NUL checks, simdjson with the depth limit,
// format detection and field mapping) must never crash or hang on any bytes; every row is accepted or
// rejected with a reason.
#include "core/data/dataset_import.h"
#include "fuzz_input_file.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    tbfuzz::MemoryFile file(data, size, ".jsonl");
    if (!file.ok()) return 0;
    tb::ImportOptions options;
    options.kind = tb::FileKind::Jsonl;
    options.limits.maxLineBytes = 1 << 16;
    int64_t records = 0, rejected = 0;
    auto summary = tb::importDataset(
        file.path(), options, [&](tb::Record&& r) { ++records; return !r.id.empty(); },
        [&](const tb::RejectedRecord& r) {
            ++rejected;
            if (r.reason.empty() || r.line <= 0) std::abort();  // every rejection must say where and why
        });
    if (summary.ok() && summary->records != records) std::abort();
    return 0;
}
