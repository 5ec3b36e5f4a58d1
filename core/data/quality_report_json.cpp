#include "core/data/quality_report_json.h"

#include <cstdio>
#include <sstream>

namespace tb {

namespace {

nlohmann::json refJson(const RecordRef& r) {
    nlohmann::json j = {{"index", r.index}, {"line", r.line}, {"id", r.id}};
    if (!r.preview.empty()) j["preview"] = r.preview;
    return j;
}

nlohmann::json refsJson(const std::vector<RecordRef>& refs) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& r : refs) a.push_back(refJson(r));
    return a;
}

nlohmann::json groupsJson(const std::vector<std::vector<RecordRef>>& groups) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& g : groups) a.push_back(refsJson(g));
    return a;
}

nlohmann::json lengthJson(const LengthStats& s) {
    return {{"count", s.count}, {"mean", s.mean}, {"min", s.min}, {"max", s.max}, {"p50", s.p50},
            {"p90", s.p90}, {"p99", s.p99}, {"bin_width", s.binWidth}, {"histogram", s.histogram}};
}

std::string fmt(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

}  // namespace

nlohmann::json rejectedRecordToJson(const RejectedRecord& r) {
    nlohmann::json j = {{"file", r.file}, {"line", r.line}, {"reason", r.reason}};
    if (r.lastLine > r.line) j["last_line"] = r.lastLine;
    return j;
}

Result<std::unique_ptr<RejectedRecordsFile>> RejectedRecordsFile::create(const std::string& path) {
    std::unique_ptr<RejectedRecordsFile> f(new RejectedRecordsFile);
    f->m_path = path;
    f->m_file = std::fopen(path.c_str(), "wb");
    if (!f->m_file) return inputError(path + ": cannot write the rejected-records file");
    return f;
}

RejectedRecordsFile::~RejectedRecordsFile() {
    if (m_file) std::fclose(m_file);
}

void RejectedRecordsFile::add(const RejectedRecord& r) {
    if (!m_file) return;
    std::string line = rejectedRecordToJson(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (std::fwrite(line.data(), 1, line.size(), m_file) != line.size()) m_failed = true;
}

Status RejectedRecordsFile::close() {
    if (!m_file) return {};
    bool ok = std::fclose(m_file) == 0 && !m_failed;
    m_file = nullptr;
    if (!ok) return internalError(m_path + ": writing the rejected records failed");
    return {};
}

nlohmann::json qualityReportToJson(const QualityReport& r) {
    nlohmann::json j;
    j["records"] = r.records;
    j["rejected"] = r.rejected;
    nlohmann::json rej = nlohmann::json::array();
    for (const auto& x : r.rejectedExamples) rej.push_back(rejectedRecordToJson(x));
    j["rejected_examples"] = rej;
    j["formats"] = r.formats;
    j["empty_fields"] = r.emptyFields;
    j["exact_duplicates"] = {{"records", r.exactDuplicateRecords}, {"groups", r.exactDuplicateGroupCount},
                             {"listed_groups", groupsJson(r.exactDuplicateGroups)}};
    j["near_duplicates"] = {{"records", r.nearDuplicateRecords}, {"groups", r.nearDuplicateGroupCount},
                            {"threshold", r.nearDuplicateThreshold}, {"method", "MinHash (64 slots) over 3-word shingles, LSH 16x4"},
                            {"listed_groups", groupsJson(r.nearDuplicateGroups)}};
    j["tokens"] = {{"estimated", r.tokensEstimated}, {"method", r.tokenCountMethod},
                   {"input", lengthJson(r.inputTokens)}, {"output", lengthJson(r.outputTokens)},
                   {"total", lengthJson(r.totalTokens)}, {"max_sequence_length", r.maxSequenceLength},
                   {"over_length", r.overLength}, {"over_length_examples", refsJson(r.overLengthExamples)}};
    j["labels"] = {{"classification", r.classification}, {"counts", r.labels}, {"imbalanced", r.imbalanced}};
    j["template"] = {{"dominant", r.dominantTemplate}, {"share", r.dominantTemplateShare},
                     {"off_template", r.offTemplate}, {"off_template_examples", refsJson(r.offTemplateExamples)}};
    nlohmann::json pii = nlohmann::json::array();
    for (const auto& h : r.piiExamples)
        pii.push_back({{"record", refJson(h.record)}, {"type", h.type}, {"field", h.field}, {"snippet", h.snippet}});
    j["pii"] = {{"by_type", r.piiByType}, {"records", r.recordsWithPii}, {"examples", pii}};
    nlohmann::json leaks = nlohmann::json::array();
    for (const auto& e : r.leakage.examples)
        leaks.push_back({{"a", {{"index", e.indexA}, {"id", e.idA}, {"split", e.splitA}}},
                         {"b", {{"index", e.indexB}, {"id", e.idB}, {"split", e.splitB}}},
                         {"exact", e.exact}});
    j["leakage"] = {{"checked", r.leakage.checked}, {"exact", r.leakage.exactLeaks}, {"near", r.leakage.nearLeaks},
                    {"examples", leaks}};
    j["warnings"] = r.warnings;
    return j;
}

std::string qualityReportToText(const QualityReport& r) {
    std::ostringstream o;
    o << "Records: " << r.records << " (rejected: " << r.rejected << ")\n";
    for (const auto& x : r.rejectedExamples) o << "  rejected " << x.file << ":" << x.line << ": " << x.reason << "\n";
    o << "Formats:";
    for (const auto& [k, v] : r.formats) o << " " << k << "=" << v;
    o << "\n";
    o << "Exact duplicates: " << r.exactDuplicateRecords << " records in " << r.exactDuplicateGroupCount << " groups\n";
    o << "Near duplicates (Jaccard >= " << fmt(r.nearDuplicateThreshold) << "): " << r.nearDuplicateRecords << " records in "
      << r.nearDuplicateGroupCount << " groups\n";
    for (size_t g = 0; g < r.nearDuplicateGroups.size() && g < 5; ++g) {
        o << "  group:";
        for (const auto& m : r.nearDuplicateGroups[g]) o << " line " << m.line;
        o << "\n";
    }
    o << "Tokens (" << r.tokenCountMethod << "): total mean " << fmt(r.totalTokens.mean) << ", p50 " << r.totalTokens.p50
      << ", p90 " << r.totalTokens.p90 << ", p99 " << r.totalTokens.p99 << ", max " << r.totalTokens.max << "\n";
    o << "Over " << r.maxSequenceLength << " tokens: " << r.overLength << "\n";
    if (r.classification) {
        o << "Labels:";
        for (const auto& [k, v] : r.labels) o << " " << k << "=" << v;
        o << (r.imbalanced ? "  (IMBALANCED)" : "") << "\n";
    }
    if (!r.dominantTemplate.empty())
        o << "Dominant template: \"" << r.dominantTemplate << "\" (" << fmt(100 * r.dominantTemplateShare)
          << "%), off-template: " << r.offTemplate << "\n";
    o << "PII: " << r.recordsWithPii << " records;";
    for (const auto& [k, v] : r.piiByType) o << " " << k << "=" << v;
    o << "\n";
    for (size_t i = 0; i < r.piiExamples.size() && i < 5; ++i)
        o << "  line " << r.piiExamples[i].record.line << " " << r.piiExamples[i].type << ": " << r.piiExamples[i].snippet << "\n";
    if (r.leakage.checked)
        o << "Leakage between splits: " << r.leakage.exactLeaks << " exact, " << r.leakage.nearLeaks << " near\n";
    if (!r.warnings.empty()) {
        o << "Findings:\n";
        for (const auto& w : r.warnings) o << "  - " << w << "\n";
    }
    return o.str();
}

}  // namespace tb
