// Streaming CSV/TSV reader: a header row, then one row per record. RFC 4180 quoting (quoted fields may hold
// delimiters, doubled quotes and line breaks) or no quoting at all (tab-separated files such as SMS Spam,
// where a quote is an ordinary character); detected automatically. Bad rows are rejected with line and reason.
#pragma once

#include "core/common/result.h"
#include "core/data/reader_types.h"

#include <string>
#include <string_view>
#include <vector>

namespace tb {

enum class CsvQuoting { Auto, Rfc4180, None };

struct CsvOptions {
    char delimiter = 0;              // 0: ',' for .csv, '\t' for .tsv/.tab, else sniffed from the first line
    CsvQuoting quoting = CsvQuoting::Auto;
    bool hasHeader = true;           // false: columns are named column1, column2, ...
};

struct CsvDialect {
    char delimiter = ',';
    CsvQuoting quoting = CsvQuoting::Rfc4180;
    std::vector<std::string> header;
};

// Looks at the first lines to settle the delimiter and quoting mode (for Auto) and reads the header.
Result<CsvDialect> sniffCsvDialect(const std::string& path, const CsvOptions& options, const ReaderLimits& limits);

Result<ReaderStats> readCsv(const std::string& path, const CsvOptions& options, const ReaderLimits& limits,
                            const RowCallback& onRow, const RejectCallback& onReject,
                            const ProgressCallback& progress = {});

// Incremental parser of one record that may span several physical lines (exposed for tests and fuzzing).
class CsvRecordParser {
public:
    enum class State { Complete, NeedMore, Error };
    CsvRecordParser(char delimiter, bool quoting) : m_delim(delimiter), m_quoting(quoting) {}
    void reset();
    // Feeds one physical line (without its line break). Continuation lines add a '\n' inside the open field.
    State feed(std::string_view line);
    const std::vector<std::string>& fields() const { return m_fields; }
    const std::string& error() const { return m_error; }
    size_t bytes() const { return m_bytes; }
    // True once a quoted field held something only quoting can carry: the delimiter, a line break or "".
    bool quotingNeeded() const { return m_quotingNeeded; }

private:
    enum class Mode { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    char m_delim;
    bool m_quoting;
    Mode m_mode = Mode::FieldStart;
    std::vector<std::string> m_fields;
    std::string m_field;
    std::string m_error;
    size_t m_bytes = 0;
    bool m_started = false;
    bool m_quotingNeeded = false;
};

}  // namespace tb
