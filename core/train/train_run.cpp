#include "core/train/train_run.h"

#include "core/common/atomic_file.h"
#include "core/train/checkpoint.h"
#include "core/train/peft_adapter.h"
#include "core/train/train_config_json.h"
#include "core/train/training_data.h"

#include <filesystem>

namespace tb::train {

Result<TrainJobSummary> runTrainingJob(ModelWeights& weights, const ExampleEncoder& encoder,
                                       const TrainJobOptions& o, const TrainCallback& callback) {
    TrainJobSummary s;
    if (o.outDir.empty()) return inputError("out: a run folder is required");
    auto train = readTrainingJsonl(o.dataPath, o.key);
    if (!train) return train.error();
    if (train->empty()) return inputError(o.dataPath + ": the training file has no records");
    std::vector<Record> valRecords;
    if (!o.valPath.empty()) {
        auto val = readTrainingJsonl(o.valPath, o.key);
        if (!val) return val.error();
        valRecords = std::move(*val);
    }
    const int maxLen = o.config.batch.maxSeqLen;
    auto trainEx = buildExamples(*train, encoder, maxLen, o.lossOn, &s.trainReport);
    if (!trainEx) return trainEx.error();
    if (trainEx->empty())
        return inputError(o.dataPath + ": no usable example: all " + std::to_string(s.trainReport.records) +
                          " records lost every target token (" + std::to_string(s.trainReport.truncated) +
                          " truncated to max_seq_len " + std::to_string(maxLen) + ")");
    auto valEx = buildExamples(valRecords, encoder, maxLen, o.lossOn, &s.valReport);
    if (!valEx) return valEx.error();
    if (!o.valPath.empty() && valEx->empty())
        return inputError(o.valPath + ": no usable validation example after truncation to max_seq_len " +
                          std::to_string(maxLen));
    TrainConfig cfg = o.config;
    cfg.runDir = o.outDir;
    cfg.key = o.key;
    std::error_code ec;
    std::filesystem::create_directories(o.outDir, ec);
    if (ec) return internalError(o.outDir + ": cannot create: " + ec.message());
    auto trainer = Trainer::create(weights, std::move(*trainEx), std::move(*valEx), cfg);
    if (!trainer) return trainer.error();
    s.estimate = estimateTraining(weights.config, cfg, s.trainReport.tokens, (*trainer)->totalSteps());
    nlohmann::ordered_json run = {{"model", o.modelPath}, {"data", o.dataPath}, {"validation", o.valPath},
                                  {"loss_on", o.lossOn == LossOn::All ? "all" : "completion"},
                                  {"config", trainConfigToJson(cfg)},
                                  {"examples", {{"train", s.trainReport.examples}, {"validation", s.valReport.examples},
                                                {"truncated", s.trainReport.truncated + s.valReport.truncated},
                                                {"dropped", s.trainReport.dropped + s.valReport.dropped}}}};
    TB_TRY(writeFileAtomically(o.outDir + "/run.json", run.dump(2) + "\n"));
    auto result = (*trainer)->run(callback);
    if (!result) return result.error();
    s.result = *result;
    if (cfg.method == TrainMethod::Lora) {
        s.adapterDir = o.outDir + "/adapter";
        TB_TRY(writePeftAdapter(s.adapterDir, (*trainer)->adapter(), {o.modelPath, o.key}));
        const std::string best = o.outDir + "/checkpoints/best.ckpt";
        if (s.result.bestStep >= 0 && s.result.bestStep != s.result.steps && std::filesystem::exists(best)) {
            LoraAdapter copy = (*trainer)->adapter();
            TrainModel view(weights, &copy, TrainMethod::Lora);
            std::vector<float> m, v;
            auto loaded = loadCheckpoint(best, view.params(), m, v, o.key);
            if (!loaded) return loaded.error();
            s.bestAdapterDir = o.outDir + "/adapter-best";
            TB_TRY(writePeftAdapter(s.bestAdapterDir, copy, {o.modelPath, o.key}));
        }
    }
    return s;
}

}  // namespace tb::train
