#include "core/data/import_settings.h"

#include "core/data/record_text.h"

namespace tb {

Result<ImportOptions> importOptionsFromText(const ImportSettingsText& t) {
    ImportOptions o;
    if (!t.kind.empty()) {
        auto k = parseFileKind(t.kind);
        if (!k) return inputError("--kind '" + t.kind + "': expected auto, jsonl, csv or tsv");
        o.kind = *k;
    }
    if (!t.format.empty() && t.format != "auto") {
        auto f = parseRecordFormat(t.format);
        if (!f) return inputError("--format '" + t.format + "': expected auto, prompt_completion, alpaca, chat, sharegpt or text");
        o.format = *f;
    }
    for (const auto& m : t.maps) {
        auto fm = parseFieldMap(m);
        if (!fm.ok()) return fm.error();
        o.maps.push_back(*fm);
    }
    o.promptTemplate = t.promptTemplate;
    if (!t.delimiter.empty()) {
        if (t.delimiter == "tab" || t.delimiter == "\\t" || t.delimiter == "\t") o.csv.delimiter = '\t';
        else if (t.delimiter.size() == 1 && t.delimiter[0] != '"' && t.delimiter[0] != '\n') o.csv.delimiter = t.delimiter[0];
        else return inputError("--delimiter '" + t.delimiter + "': expected one character or 'tab'");
    }
    if (!t.quoting.empty()) {
        if (t.quoting == "auto") o.csv.quoting = CsvQuoting::Auto;
        else if (t.quoting == "rfc4180" || t.quoting == "quoted") o.csv.quoting = CsvQuoting::Rfc4180;
        else if (t.quoting == "none") o.csv.quoting = CsvQuoting::None;
        else return inputError("--quoting '" + t.quoting + "': expected auto, rfc4180 or none");
    }
    o.csv.hasHeader = !t.noHeader;
    if (t.maxLineBytes < 1024 || t.maxLineBytes > (int64_t(1) << 30))
        return inputError("--max-line-bytes must be between 1024 and 1073741824");
    o.limits.maxLineBytes = static_cast<size_t>(t.maxLineBytes);
    return o;
}

}  // namespace tb
