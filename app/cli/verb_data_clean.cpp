// `tunebench data clean FILE --out FILE`: whitespace normalisation, PII scrub/flag, field and length
// filters and deduplication, written as canonical JSONL with a provenance sidecar and a per-step report.
// An encrypted input (a dataset-version file) is decrypted with the workspace key; an output (--out,
// --rejected-out) inside an encrypted workspace is written encrypted, one elsewhere plain as chosen.
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/cleaner.h"
#include "core/data/import_settings.h"
#include "core/data/quality_report_json.h"
#include "core/data/rejected_sidecar.h"
#include "core/tokenizer/tokenizer_loader.h"

#include <sstream>

namespace {

struct CleanArgs {
    std::string file, out;
    tb::ImportSettingsText import;
    std::string pii = "scrub", dedup = "exact", piiTypes, model;
    double threshold = 0.7;
    bool noWhitespace = false, keepEmpty = false;
    int64_t minChars = 0, maxChars = 0, maxTokens = 0;
    std::vector<std::string> labels;
    std::string rejectedOut;
};

tb::cli::VerbRegistrar registrar("data clean", "Clean a dataset: PII, whitespace, filters, deduplication",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<CleanArgs>();
    verb.add_option("FILE", a->file, "Dataset file (.jsonl, .csv, .tsv)")->required();
    verb.add_option("--out", a->out, "Output JSONL file")->required();
    verb.add_option("--kind", a->import.kind, "File kind: auto, jsonl, csv, tsv");
    verb.add_option("--format", a->import.format, "Record format: auto, prompt_completion, alpaca, chat, sharegpt, text");
    verb.add_option("--map", a->import.maps, "Map a source field to a record field, e.g. text=prompt (repeatable)");
    verb.add_option("--template", a->import.promptTemplate, "Prompt template with {field} placeholders");
    verb.add_option("--delimiter", a->import.delimiter, "CSV delimiter (one character or 'tab')");
    verb.add_option("--quoting", a->import.quoting, "CSV quoting: auto, rfc4180, none");
    verb.add_option("--pii", a->pii, "PII handling: scrub (default), flag, off");
    verb.add_option("--pii-types", a->piiTypes, "Only these types, comma-separated (EMAIL,PHONE,SSN,CREDIT_CARD,IBAN,IP,SECRET)");
    verb.add_option("--dedup", a->dedup, "Deduplication: exact (default), near, off");
    verb.add_option("--threshold", a->threshold, "Near-duplicate Jaccard threshold (default 0.7)");
    verb.add_flag("--no-whitespace", a->noWhitespace, "Keep whitespace as it is");
    verb.add_flag("--keep-empty", a->keepEmpty, "Keep records with empty fields");
    verb.add_option("--min-chars", a->minChars, "Drop records whose input is shorter (bytes)");
    verb.add_option("--max-chars", a->maxChars, "Drop records whose input is longer (bytes)");
    verb.add_option("--max-tokens", a->maxTokens, "Drop records longer than this many tokens");
    verb.add_option("--model", a->model, "Model whose tokenizer counts tokens for --max-tokens (else bytes/4)");
    verb.add_option("--label", a->labels, "Keep only records with this label (repeatable)");
    verb.add_option("--rejected-out", a->rejectedOut, "Write every record rejected on import (file, line, reason) to this JSONL file");
    verb.callback([&ctx, a] {
        auto options = tb::importOptionsFromText(a->import);
        if (!options.ok()) return tb::cli::fail(ctx, options.error());
        tb::CleanOptions c;
        auto pii = tb::parsePiiMode(a->pii);
        if (!pii) return tb::cli::fail(ctx, tb::inputError("--pii '" + a->pii + "': expected scrub, flag or off"));
        c.pii = *pii;
        auto dedup = tb::parseDedupMode(a->dedup);
        if (!dedup) return tb::cli::fail(ctx, tb::inputError("--dedup '" + a->dedup + "': expected exact, near or off"));
        c.dedup = *dedup;
        std::stringstream types(a->piiTypes);
        for (std::string t; std::getline(types, t, ',');) {
            auto pt = tb::parsePiiType(t);
            if (!pt) return tb::cli::fail(ctx, tb::inputError("--pii-types: unknown type '" + t + "'"));
            c.piiTypes.push_back(*pt);
        }
        if (!(a->threshold > 0 && a->threshold <= 1)) return tb::cli::fail(ctx, tb::inputError("--threshold must be in (0, 1]"));
        c.near.threshold = a->threshold;
        c.normalizeWhitespace = !a->noWhitespace;
        c.dropEmpty = !a->keepEmpty;
        c.minInputChars = a->minChars;
        c.maxInputChars = a->maxChars;
        c.maxTokens = a->maxTokens;
        c.requireLabels = a->labels;
        if (!a->model.empty()) {
            auto tok = tb::loadTokenizer(a->model);
            if (!tok.ok()) return tb::cli::fail(ctx, tok.error());
            std::shared_ptr<const tb::Tokenizer> t = *tok;
            c.tokenCounter = [t](std::string_view text) { return t->encode(text, false).size(); };
        }
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {a->file}, {a->out, a->rejectedOut});
        if (!key.ok()) return tb::cli::fail(ctx, key.error());
        const tb::WorkspaceKey* k = *key ? &**key : nullptr;
        options->key = k;
        // Only outputs inside an encrypted workspace are encrypted; elsewhere the user's path gets plain JSONL.
        auto outputKey = [&](const std::string& path) {
            return k && !tb::cli::encryptedWorkspaceOf(path).empty() ? k : nullptr;
        };
        std::unique_ptr<tb::RejectedRecordsWriter> rejectedFile;
        if (!a->rejectedOut.empty()) {
            auto f = tb::RejectedRecordsWriter::create(a->rejectedOut, outputKey(a->rejectedOut));
            if (!f.ok()) return tb::cli::fail(ctx, f.error());
            rejectedFile = std::move(*f);
        }
        auto report = tb::cleanFile(
            a->file, a->out, *options, c, {},
            [&](const tb::RejectedRecord& r) {
                if (rejectedFile) rejectedFile->add(r);
            },
            outputKey(a->out));
        if (!report.ok()) return tb::cli::fail(ctx, report.error());
        if (rejectedFile) {
            auto closed = rejectedFile->close();
            if (!closed.ok()) return tb::cli::fail(ctx, closed.error());
        }
        nlohmann::json doc = {{"ok", true}, {"file", a->file}, {"out", a->out}, {"settings", tb::cleanOptionsToJson(c)},
                              {"report", tb::cleanReportToJson(*report)}};
        tb::cli::succeed(ctx, doc, tb::cleanReportToText(*report) + "Wrote " + a->out + "\n");
    });
});

}  // namespace
