// `tunebench data inspect FILE`: detect the format and mapping, import with every rejection reported, and
// print the quality report (duplicates, lengths, labels, template, PII, leakage when records carry splits).
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/dataset_import.h"
#include "core/data/import_settings.h"
#include "core/data/quality_analyzer.h"
#include "core/data/quality_report_json.h"
#include "core/data/record_json.h"
#include "core/data/record_text.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <utility>
#include <vector>

namespace {

struct InspectArgs {
    std::string file;
    tb::ImportSettingsText import;
    std::string model;
    int64_t maxTokens = 1024;
    double threshold = 0.7;
    bool noNear = false;
    bool noPii = false;
    int preview = 5;
    std::string rejectedOut;
};

tb::cli::VerbRegistrar registrar("data inspect", "Detect a dataset's format and print its quality report",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    auto args = std::make_shared<InspectArgs>();
    verb.add_option("FILE", args->file, "Dataset file (.jsonl, .csv, .tsv)")->required();
    verb.add_option("--kind", args->import.kind, "File kind: auto, jsonl, csv, tsv");
    verb.add_option("--format", args->import.format, "Record format: auto, prompt_completion, alpaca, chat, sharegpt, text");
    verb.add_option("--map", args->import.maps, "Map a source field to a record field, e.g. text=prompt (repeatable)");
    verb.add_option("--template", args->import.promptTemplate, "Prompt template with {field} placeholders, e.g. \"Classify: {text}\"");
    verb.add_option("--delimiter", args->import.delimiter, "CSV delimiter (one character or 'tab')");
    verb.add_option("--quoting", args->import.quoting, "CSV quoting: auto, rfc4180, none");
    verb.add_option("--max-line-bytes", args->import.maxLineBytes, "Reject lines longer than this");
    verb.add_option("--model", args->model, "Model (HF folder or .gguf) whose tokenizer counts tokens; else estimates");
    verb.add_option("--max-tokens", args->maxTokens, "Maximum sequence length in tokens (default 1024)");
    verb.add_option("--threshold", args->threshold, "Near-duplicate Jaccard threshold (default 0.7)");
    verb.add_flag("--no-near", args->noNear, "Skip near-duplicate detection");
    verb.add_flag("--no-pii", args->noPii, "Skip the PII scan");
    verb.add_option("--preview", args->preview, "Records to show in the preview (default 5)");
    verb.add_option("--rejected-out", args->rejectedOut, "Write every rejected record (file, line, reason) to this JSONL file");
    verb.callback([&ctx, args] {
        auto options = tb::importOptionsFromText(args->import);
        if (!options.ok()) return tb::cli::fail(ctx, options.error());
        tb::QualityOptions q;
        q.maxSequenceLength = args->maxTokens;
        q.nearDuplicates = !args->noNear;
        q.near.threshold = args->threshold;
        q.scanPii = !args->noPii;
        if (!args->model.empty()) {
            auto tok = tb::loadTokenizer(args->model);
            if (!tok.ok()) return tb::cli::fail(ctx, tok.error());
            std::shared_ptr<const tb::Tokenizer> t = *tok;
            q.tokenCounter = [t](std::string_view text) { return t->encode(text, false).size(); };
        }
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {args->file});
        if (!key.ok()) return tb::cli::fail(ctx, key.error());
        options->key = *key ? &**key : nullptr;
        auto detection = tb::detectDataset(args->file, *options, args->preview);
        if (!detection.ok()) return tb::cli::fail(ctx, detection.error());
        std::unique_ptr<tb::RejectedRecordsFile> rejectedFile;
        if (!args->rejectedOut.empty()) {
            auto f = tb::RejectedRecordsFile::create(args->rejectedOut);
            if (!f.ok()) return tb::cli::fail(ctx, f.error());
            rejectedFile = std::move(*f);
        }
        tb::QualityAnalyzer analyzer(q);
        std::vector<tb::Record> batch;
        auto summary = tb::importDataset(
            args->file, *options,
            [&](tb::Record&& r) {
                batch.push_back(std::move(r));
                if (batch.size() == 4096) analyzer.addBatch(std::exchange(batch, {}));
                return true;
            },
            [&](const tb::RejectedRecord& r) {
                analyzer.addRejected(r);
                if (rejectedFile) rejectedFile->add(r);
            });
        analyzer.addBatch(std::move(batch));
        if (rejectedFile) {
            auto closed = rejectedFile->close();
            if (!closed.ok()) return tb::cli::fail(ctx, closed.error());
        }
        if (!summary.ok()) return tb::cli::fail(ctx, summary.error());
        tb::QualityReport report = analyzer.finish();
        const auto& d = *detection;
        nlohmann::json preview = nlohmann::json::array();
        for (const auto& r : d.preview) preview.push_back(nlohmann::json::parse(tb::recordToJson(r).dump()));
        nlohmann::json det = {{"kind", tb::fileKindName(d.kind)},
                              {"format", tb::recordFormatName(d.plan.format)},
                              {"mapping", d.plan.describe()},
                              {"detected", d.plan.detected},
                              {"fields", d.fields},
                              {"bom", summary->reader.bom},
                              {"blank_lines", summary->reader.blankLines},
                              {"bytes", summary->reader.bytes}};
        if (d.kind != tb::FileKind::Jsonl) {
            det["delimiter"] = std::string(1, d.csv.delimiter);
            det["quoting"] = d.csv.quoting == tb::CsvQuoting::None ? "none" : "rfc4180";
        }
        nlohmann::json doc = {{"ok", true}, {"file", args->file}, {"detection", det}, {"preview", preview},
                              {"report", tb::qualityReportToJson(report)}};
        std::string text = args->file + "\nDetected: " + tb::fileKindName(d.kind) + ", " + d.plan.describe() + "\n" +
                           tb::qualityReportToText(report);
        tb::cli::succeed(ctx, doc, text);
    });
});

}  // namespace
