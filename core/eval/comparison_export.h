// Exports a comparison for people who do not run Tunebench: a CSV table (RFC 4180 quoting, one row per
// example with both outputs, marks and reviewer ratings) and a self-contained HTML report (inline CSS, no
// scripts or external files, every text HTML-escaped, word-level diff of the outputs). Not the storage.
#pragma once

#include "core/eval/comparison.h"
#include "core/eval/review_ratings.h"
#include "core/eval/word_diff.h"

#include <string>
#include <string_view>

namespace tb::eval {

struct ComparisonExportInfo {
    std::string title = "Model comparison";
    std::string modelA, modelB;   // as shown to people, e.g. "stories260K" and "stories260K + adapter"
    std::string data;
    std::string createdAt;
};

// One CSV field: quoted (with inner quotes doubled) when it holds a comma, a quote, CR or LF, or starts
// or ends with a space; otherwise as is.
std::string csvField(std::string_view text);
// A cell for a table people open in a spreadsheet: text starting with =, +, -, @, tab or CR gets a
// leading apostrophe so Excel, LibreOffice and Sheets show it as text instead of running it as a formula
// (prompts and model outputs are untrusted), then csvField().
std::string csvSpreadsheetCell(std::string_view text);
// &, <, >, " and ' as entities.
std::string htmlEscape(std::string_view text);
// The diff as escaped HTML: <del> for Removed words, <ins> for Added, plain text for Equal.
std::string diffToHtml(const std::vector<DiffSegment>& segments);

// Header: id,prompt,reference,output_a,output_b,correct_a,correct_b,valid_a,valid_b,kind,disagreement,
// gold_label,label_a,label_b,rating_a,note_a,rating_b,note_b. Lines end with CRLF. References are joined
// with " | "; booleans are true/false; a missing rating is an empty field.
std::string comparisonToCsv(const ComparisonResult& result, const ReviewRatings& ratings);
std::string comparisonToHtml(const ComparisonResult& result, const ReviewRatings& ratings,
                             const ComparisonExportInfo& info);

Status writeComparisonCsv(const std::string& path, const ComparisonResult& result, const ReviewRatings& ratings);
Status writeComparisonHtml(const std::string& path, const ComparisonResult& result, const ReviewRatings& ratings,
                           const ComparisonExportInfo& info);

}  // namespace tb::eval
