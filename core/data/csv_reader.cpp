#include "core/data/csv_reader.h"

#include "core/data/line_reader.h"
#include "core/data/utf8_check.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace tb {

void CsvRecordParser::reset() {
    m_mode = Mode::FieldStart;
    m_fields.clear();
    m_field.clear();
    m_error.clear();
    m_bytes = 0;
    m_started = false;
    m_quotingNeeded = false;
}

CsvRecordParser::State CsvRecordParser::feed(std::string_view line) {
    if (m_started) {  // only reached while a quoted field is open
        m_field += '\n';
        m_quotingNeeded = true;
    }
    m_started = true;
    m_bytes += line.size() + 1;
    for (size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        switch (m_mode) {
        case Mode::FieldStart:
            if (m_quoting && c == '"') m_mode = Mode::Quoted;
            else if (c == m_delim) m_fields.push_back(std::string());
            else { m_field += c; m_mode = Mode::Unquoted; }
            break;
        case Mode::Unquoted:
            if (c == m_delim) {
                m_fields.push_back(std::move(m_field));
                m_field.clear();
                m_mode = Mode::FieldStart;
            } else {
                // A quote inside an unquoted field is kept as an ordinary character (as most tools do).
                size_t stop = line.find(m_delim, i);
                if (stop == std::string_view::npos) stop = line.size();
                m_field.append(line.data() + i, stop - i);
                i = stop - 1;
            }
            break;
        case Mode::Quoted:
            if (c == '"') m_mode = Mode::QuoteInQuoted;
            else {
                m_quotingNeeded |= c == m_delim;
                m_field += c;
            }
            break;
        case Mode::QuoteInQuoted:
            if (c == '"') { m_field += '"'; m_mode = Mode::Quoted; m_quotingNeeded = true; }
            else if (c == m_delim) {
                m_fields.push_back(std::move(m_field));
                m_field.clear();
                m_mode = Mode::FieldStart;
            } else {
                m_error = "field " + std::to_string(m_fields.size() + 1) + ": unexpected '" + std::string(1, c) +
                          "' after a closing quote (a quote inside a quoted field must be doubled)";
                return State::Error;
            }
            break;
        }
    }
    if (m_mode == Mode::Quoted) return State::NeedMore;
    m_fields.push_back(std::move(m_field));
    m_field.clear();
    m_mode = Mode::FieldStart;
    return State::Complete;
}

namespace {

class CsvRowView final : public RowView {
public:
    CsvRowView(const std::vector<std::string>& header, const std::vector<std::string>& fields)
        : m_header(header), m_fields(fields) {}
    std::vector<std::string> keys() const override { return m_header; }
    FieldType type(std::string_view key) const override { return index(key) < 0 ? FieldType::Missing : FieldType::String; }
    std::optional<std::string> scalar(std::string_view key) const override {
        int i = index(key);
        if (i < 0) return std::nullopt;
        return m_fields[i];
    }
    Result<std::vector<ChatMessage>> messages(std::string_view key, bool) const override {
        return inputError("column '" + std::string(key) + "': a CSV column cannot hold a conversation; use JSONL");
    }

private:
    int index(std::string_view key) const {
        for (size_t i = 0; i < m_header.size() && i < m_fields.size(); ++i)
            if (m_header[i] == key) return static_cast<int>(i);
        return -1;
    }
    const std::vector<std::string>& m_header;
    const std::vector<std::string>& m_fields;
};

char delimiterFor(const std::string& path, std::string_view firstLine) {
    auto endsWith = [&](const char* ext) {
        size_t n = std::strlen(ext);
        if (path.size() < n) return false;
        return std::equal(path.end() - n, path.end(), ext, [](char a, char b) { return std::tolower(a) == b; });
    };
    if (endsWith(".tsv") || endsWith(".tab")) return '\t';
    if (endsWith(".csv")) return ',';
    auto count = [&](char c) { return std::count(firstLine.begin(), firstLine.end(), c); };
    if (count('\t') > count(',')) return '\t';
    if (count(';') > count(',')) return ';';
    return ',';
}

std::vector<std::string> normaliseHeader(std::vector<std::string> names) {
    for (size_t i = 0; i < names.size(); ++i) {
        std::string& n = names[i];
        while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.pop_back();
        while (!n.empty() && (n.front() == ' ' || n.front() == '\t')) n.erase(n.begin());
        if (n.empty()) n = "column" + std::to_string(i + 1);
        for (size_t j = 0; j < i; ++j)
            if (names[j] == n) n += "_" + std::to_string(i + 1);
    }
    return names;
}

}  // namespace

Result<CsvDialect> sniffCsvDialect(const std::string& path, const CsvOptions& options, const ReaderLimits& limits) {
    auto opened = LineReader::open(path, limits.maxLineBytes);
    if (!opened.ok()) return opened.error();
    LineReader& reader = **opened;
    std::vector<std::string> lines;
    TextLine line;
    while (lines.size() < 2000) {
        auto more = reader.next(line);
        if (!more.ok()) return more.error();
        if (!*more) break;
        if (line.tooLong) {
            if (lines.empty()) return inputError(path + ":1: the header line is over " + std::to_string(limits.maxLineBytes) + " bytes");
            break;
        }
        lines.emplace_back(line.text);
    }
    if (lines.empty()) return inputError(path + ": the file is empty (a header row is expected)");
    CsvDialect d;
    d.delimiter = options.delimiter ? options.delimiter : delimiterFor(path, lines[0]);
    CsvRecordParser header(d.delimiter, true);
    if (header.feed(lines[0]) != CsvRecordParser::State::Complete)
        return inputError(path + ":1: cannot read the header row: " +
                          (header.error().empty() ? std::string("a quoted name is not closed") : header.error()));
    if (options.hasHeader) {
        d.header = normaliseHeader(header.fields());
    } else {
        for (size_t i = 0; i < header.fields().size(); ++i) d.header.push_back("column" + std::to_string(i + 1));
    }
    if (options.quoting != CsvQuoting::Auto) {
        d.quoting = options.quoting;
    } else if (d.delimiter == ',') {
        d.quoting = CsvQuoting::Rfc4180;
    } else {
        // Tab- or semicolon-separated: many such files do not quote at all (a quote is an ordinary character).
        // Use RFC 4180 only when the sample shows quoting doing its job (a quoted delimiter, line break or "")
        // and never misreading a row that plain splitting reads consistently.
        int badQuoted = 0, badPlain = 0;
        bool evidence = false;
        CsvRecordParser quoted(d.delimiter, true), plain(d.delimiter, false);
        for (size_t i = options.hasHeader ? 1 : 0; i < lines.size(); ++i) {
            if (lines[i].empty()) continue;
            if (quoted.feed(lines[i]) == CsvRecordParser::State::NeedMore) continue;  // a quoted line break
            bool quotedOk = quoted.error().empty() && quoted.fields().size() == d.header.size();
            evidence |= quotedOk && quoted.quotingNeeded();
            badQuoted += !quotedOk;
            quoted.reset();
            plain.reset();
            if (plain.feed(lines[i]) != CsvRecordParser::State::Complete || plain.fields().size() != d.header.size()) ++badPlain;
        }
        d.quoting = (evidence && badQuoted <= badPlain) ? CsvQuoting::Rfc4180 : CsvQuoting::None;
    }
    return d;
}

Result<ReaderStats> readCsv(const std::string& path, const CsvOptions& options, const ReaderLimits& limits,
                            const RowCallback& onRow, const RejectCallback& onReject, const ProgressCallback& progress) {
    auto dialect = sniffCsvDialect(path, options, limits);
    if (!dialect.ok()) return dialect.error();
    auto opened = LineReader::open(path, limits.maxLineBytes);
    if (!opened.ok()) return opened.error();
    LineReader& reader = **opened;
    ReaderStats stats;
    stats.bom = reader.hadBom();
    const std::vector<std::string>& header = dialect->header;
    CsvRecordParser parser(dialect->delimiter, dialect->quoting == CsvQuoting::Rfc4180);
    int64_t recordStart = 0;
    bool inRecord = false;
    bool headerPending = options.hasHeader;
    auto reject = [&](int64_t first, int64_t last, std::string reason) {
        ++stats.rejected;
        if (onReject) onReject({path, first, last, std::move(reason)});
    };
    TextLine line;
    int64_t lastReport = 0;
    for (;;) {
        auto more = reader.next(line);
        if (!more.ok()) return more.error();
        if (!*more) break;
        if (reader.bytesRead() - lastReport >= (int64_t(8) << 20)) {
            lastReport = reader.bytesRead();
            if (!reportProgress(progress, {"Reading " + path, reader.bytesRead(), reader.fileSize(), {}}))
                return cancelledError("reading " + path + " cancelled");
        }
        if (!inRecord) recordStart = line.number;
        auto abandon = [&](std::string reason) {
            reject(recordStart, line.number, std::move(reason));
            parser.reset();
            inRecord = false;
        };
        if (line.tooLong) {
            abandon("line is " + std::to_string(line.length) + " bytes, over the limit of " +
                    std::to_string(limits.maxLineBytes) + " bytes");
            continue;
        }
        std::string_view text = line.text;
        if (const void* nul = std::memchr(text.data(), 0, text.size())) {
            size_t at = static_cast<const char*>(nul) - text.data();
            abandon("NUL byte at byte offset " + std::to_string(line.offset + static_cast<int64_t>(at)));
            continue;
        }
        size_t bad = findInvalidUtf8(text);
        if (bad != kUtf8Valid) {
            abandon(describeInvalidUtf8(text, bad, line.offset));
            continue;
        }
        if (headerPending) {  // the header was read by the sniffer; skip its physical lines
            auto st = parser.feed(text);
            if (st == CsvRecordParser::State::NeedMore) { inRecord = true; continue; }
            headerPending = false;
            parser.reset();
            inRecord = false;
            continue;
        }
        if (!inRecord && text.empty()) {
            ++stats.blankLines;
            continue;
        }
        auto st = parser.feed(text);
        if (st == CsvRecordParser::State::NeedMore) {
            inRecord = true;
            if (parser.bytes() > limits.maxLineBytes)
                abandon("record is over " + std::to_string(limits.maxLineBytes) +
                        " bytes; a quoted field opened on line " + std::to_string(recordStart) + " is probably not closed");
            continue;
        }
        if (st == CsvRecordParser::State::Error) {
            abandon(parser.error());
            continue;
        }
        inRecord = false;
        if (parser.fields().size() != header.size()) {
            reject(recordStart, line.number, std::to_string(parser.fields().size()) + " fields, the header has " +
                                                 std::to_string(header.size()));
            parser.reset();
            continue;
        }
        ++stats.rows;
        bool keepGoing = onRow(CsvRowView(header, parser.fields()), recordStart);
        parser.reset();
        if (!keepGoing) {
            stats.stoppedEarly = true;
            break;
        }
    }
    if (inRecord && !stats.stoppedEarly)
        reject(recordStart, line.number, "a quoted field opened on line " + std::to_string(recordStart) +
                                             " is never closed (reached the end of the file)");
    stats.bytes = reader.bytesRead();
    return stats;
}

}  // namespace tb
