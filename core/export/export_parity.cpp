#include "core/export/export_parity.h"

#include "core/common/atomic_file.h"
#include "core/export/gguf_lora_export.h"
#include "core/infer/inference_model.h"
#include "core/infer/inference_session.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/train/peft_adapter.h"

#include <algorithm>
#include <cmath>

namespace tb::exporter {

namespace {

int argmax(std::span<const float> v) {
    return int(std::max_element(v.begin(), v.end()) - v.begin());
}

float maxAbsDiff(std::span<const float> a, std::span<const float> b) {
    if (a.size() != b.size()) return INFINITY;
    float m = 0.0f;
    for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

Result<std::shared_ptr<const InferenceModel>> prepare(ModelWeights weights) {
    EngineOptions eo;
    eo.threads = 1;
    return InferenceModel::create(std::make_shared<const ModelWeights>(std::move(weights)), eo);
}

}  // namespace

const char* artifactKindName(ArtifactKind kind) {
    switch (kind) {
    case ArtifactKind::HfFolder: return "merged";
    case ArtifactKind::GgufModel: return "gguf";
    case ArtifactKind::GgufLora: return "gguf-lora";
    case ArtifactKind::PeftFolder: return "peft";
    }
    return "?";
}

float defaultParityTolerance(const std::string& t) {
    if (t == "F16") return 0.1f;
    if (t == "BF16" || t == "Q8_0") return 0.5f;
    return 1e-4f;
}

nlohmann::json ParityReport::toJson() const {
    nlohmann::json j = {{"artifact", artifact},          {"kind", kind},
                        {"storage_type", storageType},   {"tolerance", tolerance},
                        {"max_abs_logit_diff", maxAbsLogitDiff}, {"greedy_identical", greedyIdentical},
                        {"tokenizer_identical", tokenizerIdentical}, {"passed", passed},
                        {"comparison", "teacher-forced along the in-memory model's greedy path; logits at every step"}};
    if (!tokenizerNote.empty()) j["tokenizer_note"] = tokenizerNote;
    j["prompts"] = nlohmann::json::array();
    for (const PromptParity& p : prompts)
        j["prompts"].push_back({{"prompt", p.prompt},
                                {"prompt_ids", p.promptIds},
                                {"reference_ids", p.referenceIds},
                                {"artifact_ids", p.artifactIds},
                                {"first_mismatch", p.firstMismatch},
                                {"max_abs_logit_diff", p.maxAbsLogitDiff}});
    return j;
}

Result<ParityReport> checkExportParity(const ModelWeights& base, const LoraAdapter* adapter,
                                       std::shared_ptr<const Tokenizer> tokenizer, ArtifactKind kind,
                                       const std::string& artifactPath, const std::string& storageType,
                                       const ParityOptions& options, const ProgressCallback& progress) {
    if (!tokenizer) return inputError("export parity: no tokenizer to encode the prompts");
    ParityReport report;
    report.artifact = artifactPath;
    report.kind = artifactKindName(kind);
    report.storageType = storageType;
    report.tolerance = options.tolerance;

    auto refModel = prepare(base);
    if (!refModel) return refModel.error();
    std::shared_ptr<const LoraAdapter> refAdapter = adapter ? std::make_shared<const LoraAdapter>(*adapter) : nullptr;

    std::shared_ptr<const InferenceModel> artModel;
    std::shared_ptr<const LoraAdapter> artAdapter;
    std::shared_ptr<const Tokenizer> artTokenizer;
    if (kind == ArtifactKind::HfFolder || kind == ArtifactKind::GgufModel) {
        auto loaded = loadModel(artifactPath);
        if (!loaded) return loaded.error();
        auto m = prepare(std::move(loaded->weights));
        if (!m) return m.error();
        artModel = m.value();
        auto tok = loadTokenizer(artifactPath);
        if (tok) artTokenizer = tok.value();
        else report.tokenizerNote = "artifact tokenizer not loadable: " + tok.message();
    } else {
        artModel = refModel.value();
        Result<LoraAdapter> read = kind == ArtifactKind::GgufLora ? readGgufLora(artifactPath, base.config)
                                                                   : train::readPeftAdapter(artifactPath, &base.config);
        if (!read) return read.error();
        artAdapter = std::make_shared<const LoraAdapter>(std::move(read.value()));
        artTokenizer = tokenizer;
    }

    InferenceSession ref(refModel.value());
    InferenceSession art(artModel);
    TB_TRY(ref.setAdapter(refAdapter));
    TB_TRY(art.setAdapter(artAdapter));
    int done = 0;
    for (const std::string& prompt : options.prompts) {
        if (!reportProgress(progress, {"Export parity", done, int64_t(options.prompts.size()), prompt})) return cancelledError();
        PromptParity pp;
        pp.prompt = prompt;
        pp.promptIds = tokenizer->encode(prompt, true);
        if (pp.promptIds.empty()) continue;
        if (artTokenizer && artTokenizer.get() != tokenizer.get() && artTokenizer->encode(prompt, true) != pp.promptIds)
            report.tokenizerIdentical = false;
        ref.reset();
        art.reset();
        std::vector<int> feed = pp.promptIds;
        const int steps = std::min(options.greedyTokens, ref.contextLength() - int(pp.promptIds.size()));
        for (int step = 0; step < steps; ++step) {
            TB_TRY(ref.evaluate(feed));
            TB_TRY(art.evaluate(feed));
            pp.maxAbsLogitDiff = std::max(pp.maxAbsLogitDiff, maxAbsDiff(ref.logits(), art.logits()));
            const int r = argmax(ref.logits());
            const int a = argmax(art.logits());
            pp.referenceIds.push_back(r);
            pp.artifactIds.push_back(a);
            if (r != a && pp.firstMismatch < 0) pp.firstMismatch = step;
            feed = {r};
        }
        report.maxAbsLogitDiff = std::max(report.maxAbsLogitDiff, pp.maxAbsLogitDiff);
        if (pp.firstMismatch >= 0) report.greedyIdentical = false;
        report.prompts.push_back(std::move(pp));
        ++done;
    }
    report.passed = std::isfinite(report.maxAbsLogitDiff) && report.maxAbsLogitDiff <= report.tolerance &&
                    (storageType != "F32" || report.greedyIdentical) && report.tokenizerIdentical;
    return report;
}

Status writeParityReport(const std::string& path, const ParityReport& report) {
    return writeFileAtomically(path, report.toJson().dump(2) + "\n");
}

}  // namespace tb::exporter
