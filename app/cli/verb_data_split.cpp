// `tunebench data split FILE --out DIR`: train/validation/test by ratio and seed, optionally stratified,
// duplicates kept together; writes DIR/{train,validation,test}.jsonl and DIR/provenance.json. An encrypted
// input is decrypted with the workspace key; a DIR inside an encrypted workspace gets encrypted split files
// (elsewhere plain, as chosen).
#include "app/cli/cli.h"
#include "app/cli/workspace_unlock.h"
#include "core/data/import_settings.h"
#include "core/data/splitter.h"

namespace {

struct SplitArgs {
    std::string file, out;
    tb::ImportSettingsText import;
    tb::SplitOptions split;
    bool noGroup = false;
};

tb::cli::VerbRegistrar registrar("data split", "Split a dataset into train/validation/test",
                            [](CLI::App& verb, tb::cli::Context& ctx) {
    auto a = std::make_shared<SplitArgs>();
    verb.add_option("FILE", a->file, "Dataset file (.jsonl, .csv, .tsv)")->required();
    verb.add_option("--out", a->out, "Output folder")->required();
    verb.add_option("--kind", a->import.kind, "File kind: auto, jsonl, csv, tsv");
    verb.add_option("--format", a->import.format, "Record format: auto, prompt_completion, alpaca, chat, sharegpt, text");
    verb.add_option("--map", a->import.maps, "Map a source field to a record field, e.g. text=prompt (repeatable)");
    verb.add_option("--template", a->import.promptTemplate, "Prompt template with {field} placeholders");
    verb.add_option("--delimiter", a->import.delimiter, "CSV delimiter (one character or 'tab')");
    verb.add_option("--quoting", a->import.quoting, "CSV quoting: auto, rfc4180, none");
    verb.add_option("--val", a->split.validation, "Validation share (default 0.1)");
    verb.add_option("--test", a->split.test, "Test share (default 0.1)");
    verb.add_option("--seed", a->split.seed, "Random seed (default 42)");
    verb.add_flag("--stratify", a->split.stratify, "Keep label proportions in every split");
    verb.add_flag("--no-group", a->noGroup, "Do not keep duplicates together");
    verb.add_option("--threshold", a->split.near.threshold, "Near-duplicate Jaccard threshold (default 0.7)");
    verb.callback([&ctx, a] {
        auto options = tb::importOptionsFromText(a->import);
        if (!options.ok()) return tb::cli::fail(ctx, options.error());
        a->split.groupDuplicates = !a->noGroup;
        const std::string probe = a->out + "/train.jsonl";  // an output file, for the workspace lookup
        auto key = tb::cli::unlockForFiles(ctx.workspaceDir, ctx.keyFile, {a->file}, {probe});
        if (!key.ok()) return tb::cli::fail(ctx, key.error());
        const tb::WorkspaceKey* k = *key ? &**key : nullptr;
        options->key = k;
        const tb::WorkspaceKey* outputKey = k && !tb::cli::encryptedWorkspaceOf(probe).empty() ? k : nullptr;
        auto result = tb::splitFile(a->file, a->out, *options, a->split, {}, outputKey);
        if (!result.ok()) return tb::cli::fail(ctx, result.error());
        const auto& r = *result;
        std::string text = "train " + std::to_string(r.counts[0]) + ", validation " + std::to_string(r.counts[1]) +
                           ", test " + std::to_string(r.counts[2]) + "\nduplicate groups kept together: " +
                           std::to_string(r.groups) + " (" + std::to_string(r.groupedRecords) + " records)\n" +
                           "leakage: " + std::to_string(r.leakage.exactLeaks) + " exact, " +
                           std::to_string(r.leakage.nearLeaks) + " near\nWrote " + a->out + "\n";
        tb::cli::succeed(ctx, {{"ok", true}, {"file", a->file}, {"out", a->out},
                               {"settings", tb::splitOptionsToJson(a->split)}, {"result", tb::splitResultToJson(r)}},
                         text);
    });
});

}  // namespace
