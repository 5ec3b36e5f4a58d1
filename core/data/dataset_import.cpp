#include "core/data/dataset_import.h"

#include "core/data/jsonl_reader.h"
#include "core/data/record_id.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace tb {

const char* fileKindName(FileKind kind) {
    switch (kind) {
    case FileKind::Auto: return "auto";
    case FileKind::Jsonl: return "jsonl";
    case FileKind::Csv: return "csv";
    case FileKind::Tsv: return "tsv";
    }
    return "auto";
}

std::optional<FileKind> parseFileKind(std::string_view name) {
    if (name == "jsonl" || name == "ndjson" || name == "json") return FileKind::Jsonl;
    if (name == "csv") return FileKind::Csv;
    if (name == "tsv") return FileKind::Tsv;
    if (name == "auto") return FileKind::Auto;
    return std::nullopt;
}

namespace {

std::string lowerExtension(const std::string& path) {
    auto slash = path.find_last_of('/');
    auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

Result<FileKind> resolveKind(const std::string& path, FileKind kind) {
    if (kind != FileKind::Auto) return kind;
    std::string ext = lowerExtension(path);
    if (ext == "jsonl" || ext == "ndjson" || ext == "json") return FileKind::Jsonl;
    if (ext == "csv") return FileKind::Csv;
    if (ext == "tsv" || ext == "tab") return FileKind::Tsv;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return inputError(path + ": cannot open");
    char buf[512];
    size_t n = std::fread(buf, 1, sizeof buf, f);
    std::fclose(f);
    size_t i = 0;
    if (n >= 3 && static_cast<unsigned char>(buf[0]) == 0xEF) i = 3;
    while (i < n && std::isspace(static_cast<unsigned char>(buf[i]))) ++i;
    return (i < n && buf[i] == '{') ? FileKind::Jsonl : FileKind::Csv;
}

// Runs the right reader over the file.
Result<ReaderStats> readRows(const std::string& path, FileKind kind, const ImportOptions& o, const RowCallback& onRow,
                             const RejectCallback& onReject, const ProgressCallback& progress) {
    if (kind == FileKind::Jsonl) return readJsonl(path, o.limits, onRow, onReject, progress, o.key);
    CsvOptions csv = o.csv;
    if (!csv.delimiter && kind == FileKind::Tsv) csv.delimiter = '\t';
    if (!csv.delimiter && kind == FileKind::Csv) csv.delimiter = ',';
    return readCsv(path, csv, o.limits, onRow, onReject, progress);
}

}  // namespace

Result<DatasetDetection> detectDataset(const std::string& path, const ImportOptions& options, int previewCount) {
    auto kind = resolveKind(path, options.kind);
    if (!kind.ok()) return kind.error();
    DatasetDetection d;
    d.kind = *kind;
    if (d.kind != FileKind::Jsonl) {
        CsvOptions csv = options.csv;
        if (!csv.delimiter) csv.delimiter = d.kind == FileKind::Tsv ? '\t' : ',';
        auto dialect = sniffCsvDialect(path, csv, options.limits);
        if (!dialect.ok()) return dialect.error();
        d.csv = *dialect;
        d.fields = dialect->header;
    }
    // Collect field names from a sample, then plan the mapping and map a preview.
    int rows = 0;
    std::vector<std::string> rowKeys;
    auto collect = [&](const RowView& row, int64_t) {
        for (auto& k : row.keys())
            if (std::find(d.fields.begin(), d.fields.end(), k) == d.fields.end()) d.fields.push_back(k);
        return ++rows < options.sampleRows;
    };
    std::vector<RejectedRecord> sampleRejects;
    auto collectReject = [&](const RejectedRecord& r) {
        if (sampleRejects.size() < 20) sampleRejects.push_back(r);
    };
    if (d.kind == FileKind::Jsonl) {
        auto st = readRows(path, d.kind, options, collect, collectReject, {});
        if (!st.ok()) return st.error();
        if (rows == 0 && !sampleRejects.empty())
            return inputError(path + ":" + std::to_string(sampleRejects[0].line) + ": no readable record in the first rows (" +
                              sampleRejects[0].reason + ")");
        if (rows == 0) return inputError(path + ": the file holds no records");
    }
    auto plan = planMapping(d.fields, options.format, options.maps, options.promptTemplate);
    if (!plan.ok()) return inputError(path + ": " + plan.message());
    d.plan = *plan;
    int mapped = 0;
    auto preview = [&](const RowView& row, int64_t line) {
        auto rec = mapRow(row, d.plan);
        if (rec.ok()) {
            rec->sourceFile = path;
            rec->sourceLine = line;
            d.preview.push_back(std::move(*rec));
        } else if (d.previewRejected.size() < 20) {
            d.previewRejected.push_back({path, line, line, rec.message()});
        }
        return ++mapped < previewCount;
    };
    auto previewReject = [&](const RejectedRecord& r) {
        if (d.previewRejected.size() < 20) d.previewRejected.push_back(r);
    };
    auto st = readRows(path, d.kind, options, preview, previewReject, {});
    if (!st.ok()) return st.error();
    return d;
}

Result<ImportSummary> importDataset(const std::string& path, const ImportOptions& options, const RecordSink& sink,
                                    const RejectCallback& onReject, const ProgressCallback& progress) {
    auto detection = detectDataset(path, options, 0);
    if (!detection.ok()) return detection.error();
    ImportSummary summary;
    summary.file = path;
    summary.detection = std::move(*detection);
    summary.detection.preview.clear();
    summary.detection.previewRejected.clear();
    const MappingPlan& plan = summary.detection.plan;
    RecordIdAssigner ids;
    bool stopped = false;
    auto onRow = [&](const RowView& row, int64_t line) {
        auto rec = mapRow(row, plan);
        if (!rec.ok()) {
            ++summary.rejected;
            if (onReject) onReject({path, line, line, rec.message()});
            return true;
        }
        Record& r = *rec;
        r.sourceFile = path;
        r.sourceLine = line;
        if (options.assignIds) ids.assign(r);
        ++summary.records;
        if (!sink(std::move(r))) {
            stopped = true;
            return false;
        }
        return true;
    };
    auto countReject = [&](const RejectedRecord& r) {
        ++summary.rejected;
        if (onReject) onReject(r);
    };
    auto st = readRows(path, summary.detection.kind, options, onRow, countReject, progress);
    if (!st.ok()) return st.error();
    summary.reader = *st;
    summary.reader.stoppedEarly = stopped;
    return summary;
}

Result<LoadedDataset> loadDataset(const std::string& path, const ImportOptions& options, const ProgressCallback& progress) {
    LoadedDataset out;
    auto summary = importDataset(
        path, options, [&](Record&& r) { out.records.push_back(std::move(r)); return true; },
        [&](const RejectedRecord& r) { out.rejected.push_back(r); }, progress);
    if (!summary.ok()) return summary.error();
    out.summary = std::move(*summary);
    return out;
}

}  // namespace tb
