#include "core/data/cleaner.h"

#include "core/data/provenance.h"
#include "core/data/record_json.h"
#include "core/data/record_text.h"
#include "core/data/text_hash.h"
#include "core/data/text_normalize.h"
#include "core/data/text_snippet.h"
#include "core/data/version_file_io.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

namespace tb {

std::optional<PiiMode> parsePiiMode(std::string_view s) {
    if (s == "scrub") return PiiMode::Scrub;
    if (s == "flag") return PiiMode::Flag;
    if (s == "off") return PiiMode::Off;
    return std::nullopt;
}
std::optional<DedupMode> parseDedupMode(std::string_view s) {
    if (s == "exact") return DedupMode::Exact;
    if (s == "near") return DedupMode::Near;
    if (s == "off") return DedupMode::Off;
    return std::nullopt;
}
const char* piiModeName(PiiMode m) { return m == PiiMode::Scrub ? "scrub" : m == PiiMode::Flag ? "flag" : "off"; }
const char* dedupModeName(DedupMode m) { return m == DedupMode::Exact ? "exact" : m == DedupMode::Near ? "near" : "off"; }

nlohmann::json cleanOptionsToJson(const CleanOptions& o) {
    nlohmann::json types = nlohmann::json::array();
    for (auto t : o.piiTypes) types.push_back(piiTypeName(t));
    return {{"normalize_whitespace", o.normalizeWhitespace}, {"pii", piiModeName(o.pii)}, {"pii_types", types},
            {"drop_empty", o.dropEmpty}, {"require_labels", o.requireLabels}, {"min_input_chars", o.minInputChars},
            {"max_input_chars", o.maxInputChars}, {"max_tokens", o.maxTokens},
            {"token_count", o.tokenCounter ? "tokenizer" : "estimate bytes/4"}, {"dedup", dedupModeName(o.dedup)},
            {"near_threshold", o.near.threshold}, {"shingle_words", o.near.shingleWords}};
}

// Appends one line of record text to an in-memory output and wipes the temporary copy.
static void appendWiping(std::string& out, std::string line) {
    out += line;
    OPENSSL_cleanse(line.data(), line.size());
}

static CleanStepReport step(const char* name, const char* description) {
    CleanStepReport s;
    s.step = name;
    s.description = description;
    return s;
}

struct Cleaner::State {
    CleanOptions o;
    std::shared_ptr<const PiiDetector> pii;
    CleanReport rep;
    CleanStepReport whitespace = step("whitespace", "Normalised whitespace (CRLF, runs of spaces, blank lines, zero-width characters) and Unicode NFC");
    CleanStepReport piiStep = step("pii", "");
    CleanStepReport filters = step("filters", "Dropped records failing the field and length filters");
    CleanStepReport dedup = step("dedup", "");
    std::unordered_map<uint64_t, int64_t> exactSeen;  // key -> line of the kept record
    std::unique_ptr<NearDuplicateIndex> near;
    std::vector<int64_t> keptLines;  // for near dedup messages: kept index -> line
    int64_t index = 0;

    explicit State(CleanOptions opts) : o(std::move(opts)) {
        if (o.pii != PiiMode::Off) pii = PiiDetector::shared();
        piiStep.description = o.pii == PiiMode::Scrub ? "Replaced personal data and secrets with typed placeholders"
                                                      : o.pii == PiiMode::Flag ? "Flagged records with personal data or secrets (text unchanged)"
                                                                               : "PII scan off";
        dedup.description = o.dedup == DedupMode::Exact ? "Removed exact duplicates (whitespace-insensitive), keeping the first"
                          : o.dedup == DedupMode::Near ? "Removed exact and near-duplicates (MinHash Jaccard >= threshold), keeping the first"
                                                       : "Deduplication off";
        if (o.dedup == DedupMode::Near) near = std::make_unique<NearDuplicateIndex>(o.near);
    }

    void preview(CleanStepReport& step, const Record& r, int64_t i, std::string field, std::string_view before,
                 std::string_view after, std::string note) {
        if (step.previews.size() >= o.maxPreviews) return;
        step.previews.push_back({i, r.sourceLine, r.id, std::move(field), utf8Prefix(before, 240), utf8Prefix(after, 240),
                                 std::move(note)});
    }
    bool drop(CleanStepReport& step, const Record& r, int64_t i, const std::string& reason, const std::string& note) {
        ++step.removed;
        ++step.counts[reason];
        preview(step, r, i, "record", recordInput(r), {}, note.empty() ? reason : note);
        return false;
    }
    size_t tokens(std::string_view s) const { return o.tokenCounter ? o.tokenCounter(s) : (s.size() + 3) / 4; }
};

Cleaner::Cleaner(CleanOptions options) : m_state(std::make_unique<State>(std::move(options))) {}
Cleaner::~Cleaner() = default;

bool Cleaner::apply(Record& r) {
    State& s = *m_state;
    const int64_t i = s.index++;
    ++s.rep.input;

    if (s.o.normalizeWhitespace) {
        bool changed = false;
        forEachTextField(r, [&](const std::string& field, std::string& text) {
            std::string after = normalizeWhitespace(text, true);
            if (after != text) {
                if (!changed) s.preview(s.whitespace, r, i, field, text, after, {});
                changed = true;
                text = std::move(after);
            }
        });
        if (changed) ++s.whitespace.changed;
    }

    if (s.pii) {
        bool hit = false;
        std::map<std::string, int> hitsHere;
        forEachTextField(r, [&](const std::string& field, std::string& text) {
            auto matches = s.pii->find(text);
            if (!s.o.piiTypes.empty())
                matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const PiiMatch& m) {
                                  return std::find(s.o.piiTypes.begin(), s.o.piiTypes.end(), m.type) == s.o.piiTypes.end();
                              }), matches.end());
            if (matches.empty()) return;
            for (const auto& m : matches) {
                ++s.piiStep.counts[piiTypeName(m.type)];
                ++hitsHere[piiTypeName(m.type)];
            }
            std::string after = PiiDetector::replace(text, matches);
            if (!hit) {
                std::string note;
                for (const auto& m : matches) note += (note.empty() ? "" : ", ") + std::string(piiTypeName(m.type));
                // Previews never show the personal data itself: "before" marks the hits, "after" is the result.
                std::string marked;
                size_t pos = 0;
                for (const auto& m : matches) {
                    marked.append(text, pos, m.begin - pos);
                    marked += "<" + std::string(piiTypeName(m.type)) + ">";
                    pos = m.end;
                }
                marked.append(text, pos);
                s.preview(s.piiStep, r, i, field, marked, s.o.pii == PiiMode::Scrub ? after : text, note);
            }
            hit = true;
            if (s.o.pii == PiiMode::Scrub) text = std::move(after);
        });
        if (hit) ++s.piiStep.changed;
    }

    // Field and length filters.
    if (s.o.dropEmpty) {
        auto blank = [](const std::string& t) { return t.find_first_not_of(" \t\r\n") == std::string::npos; };
        bool empty = false;
        if (r.format == RecordFormat::PlainText) empty = blank(r.text);
        else if (r.format == RecordFormat::ChatMessages || r.format == RecordFormat::ShareGpt)
            empty = std::any_of(r.messages.begin(), r.messages.end(), [&](const ChatMessage& m) { return blank(m.content); });
        else empty = blank(r.prompt) || blank(r.completion);
        if (empty) return s.drop(s.filters, r, i, "empty field", {});
    }
    if (!s.o.requireLabels.empty()) {
        std::string label(recordLabel(r));
        if (std::find(s.o.requireLabels.begin(), s.o.requireLabels.end(), label) == s.o.requireLabels.end())
            return s.drop(s.filters, r, i, "label not kept", "label '" + label + "'");
    }
    if (s.o.minInputChars > 0 || s.o.maxInputChars > 0 || s.o.maxTokens > 0) {
        std::string input = recordInput(r);
        if (s.o.minInputChars > 0 && static_cast<int64_t>(input.size()) < s.o.minInputChars)
            return s.drop(s.filters, r, i, "input too short", std::to_string(input.size()) + " bytes");
        if (s.o.maxInputChars > 0 && static_cast<int64_t>(input.size()) > s.o.maxInputChars)
            return s.drop(s.filters, r, i, "input too long", std::to_string(input.size()) + " bytes");
        if (s.o.maxTokens > 0) {
            int64_t t = static_cast<int64_t>(s.tokens(input) + s.tokens(recordOutput(r)));
            if (t > s.o.maxTokens) return s.drop(s.filters, r, i, "over max tokens", std::to_string(t) + " tokens");
        }
    }

    if (s.o.dedup != DedupMode::Off) {
        std::string all = recordAllText(r);
        auto [it, added] = s.exactSeen.emplace(exactDuplicateKey(all), r.sourceLine);
        if (!added) return s.drop(s.dedup, r, i, "exact duplicate", "duplicate of line " + std::to_string(it->second));
        if (s.near) {
            int64_t similar = s.near->findOrAdd(static_cast<uint32_t>(s.keptLines.size()), all);
            if (similar >= 0)
                return s.drop(s.dedup, r, i, "near duplicate", "near-duplicate of line " + std::to_string(s.keptLines[similar]));
            s.keptLines.push_back(r.sourceLine);
        }
    }
    ++s.rep.output;
    return true;
}

CleanReport Cleaner::finish() {
    State& s = *m_state;
    CleanReport rep = std::move(s.rep);
    rep.steps = {std::move(s.whitespace), std::move(s.piiStep), std::move(s.filters), std::move(s.dedup)};
    m_state = std::make_unique<State>(s.o);
    return rep;
}

std::vector<Record> cleanRecords(std::vector<Record> records, const CleanOptions& options, CleanReport* report) {
    Cleaner c(options);
    std::vector<Record> out;
    out.reserve(records.size());
    for (auto& r : records)
        if (c.apply(r)) out.push_back(std::move(r));
    CleanReport rep = c.finish();
    if (report) *report = std::move(rep);
    return out;
}

nlohmann::json cleanReportToJson(const CleanReport& r) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& st : r.steps) {
        nlohmann::json previews = nlohmann::json::array();
        for (const auto& p : st.previews)
            previews.push_back({{"index", p.index}, {"line", p.line}, {"id", p.id}, {"field", p.field},
                                {"before", p.before}, {"after", p.after}, {"note", p.note}});
        steps.push_back({{"step", st.step}, {"description", st.description}, {"changed", st.changed},
                         {"removed", st.removed}, {"counts", st.counts}, {"previews", previews}});
    }
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& x : r.rejectedExamples) {
        nlohmann::json j = {{"file", x.file}, {"line", x.line}, {"reason", x.reason}};
        if (x.lastLine > x.line) j["last_line"] = x.lastLine;
        rejected.push_back(j);
    }
    return {{"input", r.input}, {"output", r.output}, {"rejected_on_import", r.rejectedOnImport},
            {"rejected_examples", rejected}, {"steps", steps}};
}

std::string cleanReportToText(const CleanReport& r) {
    std::ostringstream o;
    o << "Records in: " << r.input << ", out: " << r.output << " (rejected on import: " << r.rejectedOnImport << ")\n";
    for (const auto& x : r.rejectedExamples) o << "  rejected " << x.file << ":" << x.line << ": " << x.reason << "\n";
    for (const auto& st : r.steps) {
        o << "[" << st.step << "] " << st.description << ": changed " << st.changed << ", removed " << st.removed;
        for (const auto& [k, v] : st.counts) o << "; " << k << "=" << v;
        o << "\n";
        for (size_t i = 0; i < st.previews.size() && i < 3; ++i) {
            const auto& p = st.previews[i];
            o << "  line " << p.line << " " << p.field << (p.note.empty() ? "" : " (" + p.note + ")") << "\n    before: " << p.before << "\n";
            if (!p.after.empty()) o << "    after:  " << p.after << "\n";
        }
    }
    return o.str();
}

Result<CleanReport> cleanFile(const std::string& inputPath, const std::string& outputPath, const ImportOptions& import,
                              const CleanOptions& options, const ProgressCallback& progress,
                              const RejectCallback& onReject, const WorkspaceKey* outputKey) {
    std::unique_ptr<JsonlWriter> writer;  // plain: streamed
    std::string encryptedOut;             // outputKey: the whole output, encrypted once at the end
    struct Wipe {
        std::string& s;
        ~Wipe() { OPENSSL_cleanse(s.data(), s.size()); }
    } wipe{encryptedOut};
    if (!outputKey) {
        auto created = JsonlWriter::create(outputPath);
        if (!created.ok()) return created.error();
        writer = std::move(*created);
    }
    Cleaner cleaner(options);
    Status writeStatus;
    int64_t rejected = 0;
    std::vector<RejectedRecord> rejectedExamples;
    auto summary = importDataset(
        inputPath, import,
        [&](Record&& r) {
            if (!cleaner.apply(r)) return true;
            if (!writer) {
                appendWiping(encryptedOut, recordToJsonLine(r));
                return true;
            }
            writeStatus = writer->write(r);
            return writeStatus.ok();
        },
        [&](const RejectedRecord& r) {
            ++rejected;
            if (rejectedExamples.size() < options.maxPreviews) rejectedExamples.push_back(r);
            if (onReject) onReject(r);
        },
        progress);
    if (!summary.ok()) return summary.error();
    if (!writeStatus.ok()) return writeStatus.error();
    if (writer) TB_TRY(writer->commit());
    else TB_TRY(writeVersionFile(outputPath, encryptedOut, outputKey));
    CleanReport rep = cleaner.finish();
    rep.rejectedOnImport = rejected;
    rep.rejectedExamples = std::move(rejectedExamples);
    auto prov = sourceProvenance(inputPath, *summary, import.key);
    if (!prov.ok()) return prov.error();
    (*prov)["cleaning"] = cleanOptionsToJson(options);
    (*prov)["cleaning_result"] = {{"input", rep.input}, {"output", rep.output}, {"rejected_on_import", rejected}};
    TB_TRY(writeProvenance(outputPath + ".provenance.json", *prov));
    return rep;
}

}  // namespace tb
