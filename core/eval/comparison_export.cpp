#include "core/eval/comparison_export.h"

#include "core/common/atomic_file.h"

#include <cstdio>

namespace tb::eval {

std::string csvField(std::string_view text) {
    bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                 (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvSpreadsheetCell(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return csvField("'" + std::string(text));
    return csvField(text);
}

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string diffToHtml(const std::vector<DiffSegment>& segments) {
    std::string out;
    for (size_t i = 0; i < segments.size(); ++i) {
        if (i) out += ' ';
        const DiffSegment& s = segments[i];
        std::string text = htmlEscape(s.text());
        if (s.op == DiffOp::Removed) out += "<del>" + text + "</del>";
        else if (s.op == DiffOp::Added) out += "<ins>" + text + "</ins>";
        else out += text;
    }
    return out;
}

namespace {

std::string joinReferences(const std::vector<std::string>& refs) {
    std::string out;
    for (size_t i = 0; i < refs.size(); ++i) out += (i ? " | " : "") + refs[i];
    return out;
}

std::string fmt(double v, const char* format) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

const char* boolText(bool b) { return b ? "true" : "false"; }

// Metrics shown in the HTML header, in this order, when both reports have them.
const char* const kHeadlineMetrics[] = {"accuracy", "macro_f1", "weighted_f1", "invalid_rate", "exact_match",
                                        "rouge1", "rouge2", "rougeL", "bleu", "token_f1", "valid_json_rate",
                                        "field_accuracy", "latency_p50_ms", "latency_p95_ms", "tokens_per_second"};

std::string ratingCell(const OutputRating& r) {
    if (r.empty()) return "";
    std::string out = r.rating ? std::to_string(r.rating) + "/5" : "";
    if (!r.note.empty()) out += (out.empty() ? "" : " — ") + htmlEscape(r.note);
    return out;
}

}  // namespace

std::string comparisonToCsv(const ComparisonResult& result, const ReviewRatings& ratings) {
    std::string out = "id,prompt,reference,output_a,output_b,correct_a,correct_b,valid_a,valid_b,kind,disagreement,"
                      "gold_label,label_a,label_b,rating_a,note_a,rating_b,note_b\r\n";
    for (const ComparedExample& e : result.examples) {
        ExampleRatings r = ratings.get(e.id);
        const std::string fields[] = {e.id,
                                      e.prompt,
                                      joinReferences(e.references),
                                      e.predictionA,
                                      e.predictionB,
                                      boolText(e.scoreA.correct),
                                      boolText(e.scoreB.correct),
                                      boolText(e.scoreA.valid),
                                      boolText(e.scoreB.valid),
                                      comparisonKindName(e.kind),
                                      boolText(e.disagreement),
                                      e.scoreA.goldLabel,
                                      e.scoreA.predictedLabel,
                                      e.scoreB.predictedLabel,
                                      r.a.rating ? std::to_string(r.a.rating) : "",
                                      r.a.note,
                                      r.b.rating ? std::to_string(r.b.rating) : "",
                                      r.b.note};
        bool first = true;
        for (const std::string& f : fields) {
            if (!first) out += ',';
            out += csvSpreadsheetCell(f);
            first = false;
        }
        out += "\r\n";
    }
    return out;
}

std::string comparisonToHtml(const ComparisonResult& result, const ReviewRatings& ratings,
                             const ComparisonExportInfo& info) {
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + htmlEscape(info.title) +
         "</title>\n<style>\n"
         "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
         "th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
         "th{background:#f0f0f0}td.num{text-align:right}.right{color:#1a7f37}.wrong{color:#cf222e}"
         "del{background:#ffd7d5;text-decoration:line-through}ins{background:#ccffd8;text-decoration:none}"
         ".pos{color:#1a7f37}.neg{color:#cf222e}pre{white-space:pre-wrap;margin:0;font-family:inherit}\n"
         "</style>\n</head>\n<body>\n";
    h += "<h1>" + htmlEscape(info.title) + "</h1>\n<p>A: " + htmlEscape(info.modelA) + "<br>B: " +
         htmlEscape(info.modelB);
    if (!info.data.empty()) h += "<br>Data: " + htmlEscape(info.data);
    if (!info.createdAt.empty()) h += "<br>Created: " + htmlEscape(info.createdAt);
    h += "</p>\n";

    h += "<h2>Metrics</h2>\n<table id=\"metrics\"><tr><th>Metric</th><th>A</th><th>B</th><th>B − A</th></tr>\n";
    for (const char* metric : kHeadlineMetrics) {
        auto it = result.deltas.find(metric);
        if (it == result.deltas.end()) continue;
        auto a = reportMetric(result.reportA, metric), b = reportMetric(result.reportB, metric);
        bool better = higherIsBetter(metric) ? it->second > 0 : it->second < 0;
        std::string cls = it->second == 0 ? "" : (better ? " pos" : " neg");
        h += std::string("<tr><td>") + metric + "</td><td class=\"num\">" + fmt(a.value_or(0), "%.4f") +
             "</td><td class=\"num\">" + fmt(b.value_or(0), "%.4f") + "</td><td class=\"num" + cls + "\">" +
             fmt(it->second, "%+.4f") + "</td></tr>\n";
    }
    h += "</table>\n";

    h += "<h2>Summary</h2>\n<table id=\"summary\">";
    const std::pair<const char*, long long> counts[] = {
        {"Examples", static_cast<long long>(result.examples.size())}, {"Both right", result.bothRight},
        {"Both wrong", result.bothWrong}, {"Regressions (A right, B wrong)", result.regressions},
        {"Fixes (A wrong, B right)", result.fixes}, {"Disagreements", result.disagreements}};
    for (const auto& [name, n] : counts)
        h += std::string("<tr><th>") + htmlEscape(name) + "</th><td class=\"num\">" + std::to_string(n) + "</td></tr>";
    RatingSummary rs = ratings.summary();
    h += "<tr><th>Examples reviewed</th><td class=\"num\">" + std::to_string(rs.examplesRated) + "</td></tr>";
    for (auto [side, s] : {std::pair{"A", &rs.a}, std::pair{"B", &rs.b}})
        h += std::string("<tr><th>Ratings ") + side + "</th><td>" + std::to_string(s->rated) + " rated, mean " +
             fmt(s->mean, "%.2f") + ", " + std::to_string(s->notes) + " notes</td></tr>";
    h += "</table>\n";

    h += "<h2>Examples</h2>\n<table id=\"examples\"><tr><th>Id</th><th>Prompt</th><th>Reference</th><th>Output "
         "A</th><th>Output B (diff against A)</th><th>Kind</th><th>Rating A</th><th>Rating B</th></tr>\n";
    for (const ComparedExample& e : result.examples) {
        ExampleRatings r = ratings.get(e.id);
        auto mark = [](const ExampleScore& s) {
            return s.correct ? std::string("<span class=\"right\">✓</span> ") : std::string("<span class=\"wrong\">✗</span> ");
        };
        h += "<tr><td>" + htmlEscape(e.id) + "</td><td><pre>" + htmlEscape(e.prompt) + "</pre></td><td><pre>" +
             htmlEscape(joinReferences(e.references)) + "</pre></td><td>" + mark(e.scoreA) + htmlEscape(e.predictionA) +
             "</td><td>" + mark(e.scoreB) + diffToHtml(wordDiff(e.predictionA, e.predictionB)) + "</td><td>" +
             comparisonKindName(e.kind) + (e.disagreement ? ", differ" : "") + "</td><td>" + ratingCell(r.a) +
             "</td><td>" + ratingCell(r.b) + "</td></tr>\n";
    }
    h += "</table>\n</body>\n</html>\n";
    return h;
}

Status writeComparisonCsv(const std::string& path, const ComparisonResult& result, const ReviewRatings& ratings) {
    return writeFileAtomically(path, comparisonToCsv(result, ratings));
}

Status writeComparisonHtml(const std::string& path, const ComparisonResult& result, const ReviewRatings& ratings,
                           const ComparisonExportInfo& info) {
    return writeFileAtomically(path, comparisonToHtml(result, ratings, info));
}

}  // namespace tb::eval
