#include "core/demo/demo_base_model.h"

#include "core/common/atomic_file.h"
#include "core/export/hf_model_export.h"
#include "core/infer/random_weights.h"
#include "core/model/model_weights.h"
#include "core/model/safetensors_writer.h"
#include "core/train/example_builder.h"
#include "core/train/model_example_encoder.h"
#include "core/train/trainer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>

namespace tb::demo {

namespace fs = std::filesystem;

ModelConfig demoBaseModelConfig(int vocabSize) {
    ModelConfig c;
    c.architecture = Architecture::Llama;
    c.hiddenSize = 96;
    c.numLayers = 3;
    c.numHeads = 4;
    c.numKvHeads = 2;  // GQA, like the real models
    c.headDim = 24;
    c.intermediateSize = 256;
    c.vocabSize = vocabSize;
    c.maxPositions = 256;
    c.ropeTheta = 10000.0f;
    c.rmsNormEps = 1e-5f;
    c.tiedEmbeddings = true;
    return c;
}

Status writeHfWeightsFolder(const std::string& folder, const ModelWeights& w) {
    if (w.ropeLayout != RopeLayout::RotateHalf)
        return internalError("writeHfWeightsFolder: q/k rows must be in the Hugging Face rotate-half layout");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return inputError(folder + ": cannot create: " + ec.message());
    nlohmann::json config = exporter::hfConfigJson(w.config, StorageType::F32, nlohmann::json::object());
    TB_TRY(writeFileAtomically(folder + "/config.json", config.dump(2) + "\n"));
    return writeSafetensors(folder + "/model.safetensors", exporter::hfModelTensors(w, StorageType::F32),
                            {{"format", "pt"}});
}

Result<DemoBaseModelInfo> ensureDemoBaseModel(const std::string& resourcesDir, const std::string& folder,
                                              const ProgressCallback& progress) {
    DemoBaseModelInfo info;
    info.folder = folder;
    if (fs::exists(folder + "/model.safetensors") && fs::exists(folder + "/demo_base_model.json")) {
        auto text = readWholeFile(folder + "/demo_base_model.json", 1 << 20);
        if (text) {
            auto j = nlohmann::json::parse(*text, nullptr, false);
            if (!j.is_discarded()) {
                info.steps = j.value("steps", int64_t(0));
                info.firstLoss = j.value("first_loss", 0.0);
                info.lastLoss = j.value("last_loss", 0.0);
                info.parameters = j.value("parameters", 0LL);
                return info;
            }
        }
    }
    auto started = std::chrono::steady_clock::now();
    std::string building = folder + ".building";
    fs::remove_all(building);
    fs::create_directories(building);
    for (const char* f : {"tokenizer.json", "tokenizer_config.json"}) {
        std::error_code ec;
        fs::copy_file(resourcesDir + "/" + f, building + "/" + f, fs::copy_options::overwrite_existing, ec);
        if (ec) return inputError(resourcesDir + "/" + f + ": cannot copy: " + ec.message());
    }
    auto tokenizerJson = readWholeFile(resourcesDir + "/tokenizer.json");
    if (!tokenizerJson) return tokenizerJson.error();
    auto tj = nlohmann::json::parse(*tokenizerJson, nullptr, false);
    if (tj.is_discarded()) return inputError(resourcesDir + "/tokenizer.json: not valid JSON");
    int vocab = int(tj["model"]["vocab"].size());
    int eos = -1;
    for (auto& t : tj["added_tokens"])
        if (t.value("content", "") == "<|endoftext|>") eos = t.value("id", -1);
    ModelConfig config = demoBaseModelConfig(vocab);
    if (eos >= 0) config.eosTokenIds = {eos};
    // GPT-2 style initialisation: N(0, 0.02^2) everywhere (randomModelWeights draws embeddings 25x wider,
    // which with a tied head starts the loss near 47 instead of ln V), norms at 1.
    ModelWeights weights = randomModelWeights(config, 1234, 0.02f, RopeLayout::RotateHalf);
    weights.tokenEmbedding *= 1.0f / 25.0f;
    for (auto& l : weights.layers) {
        l.attnNorm.setOnes();
        l.ffnNorm.setOnes();
    }
    weights.finalNorm.setOnes();
    TB_TRY(writeHfWeightsFolder(building, weights));

    auto encoder = train::makeModelExampleEncoder(building, vocab, false);
    if (!encoder) return encoder.error();
    std::vector<Record> records;
    std::ifstream corpus(resourcesDir + "/pretrain_corpus.txt");
    if (!corpus) return inputError(resourcesDir + "/pretrain_corpus.txt: cannot open");
    for (std::string line; std::getline(corpus, line);) {
        if (line.empty()) continue;
        Record r;
        r.format = RecordFormat::PlainText;
        r.text = line;
        records.push_back(std::move(r));
    }
    train::TrainConfig cfg;
    cfg.method = train::TrainMethod::Full;
    cfg.epochs = 3;
    cfg.lr = 3e-3;
    cfg.schedule = train::LrScheduleKind::Cosine;
    cfg.warmupSteps = 20;
    cfg.lrMinRatio = 0.1;
    cfg.batch.batchSize = 16;
    cfg.batch.maxSeqLen = 96;
    cfg.batch.packing = true;
    cfg.seed = 7;
    cfg.logEvery = 10;
    auto examples = train::buildExamples(records, *encoder, cfg.batch.maxSeqLen, train::LossOn::All, nullptr);
    if (!examples) return examples.error();
    auto trainer = train::Trainer::create(weights, std::move(*examples), {}, cfg);
    if (!trainer) return trainer.error();
    auto result = (*trainer)->run([&](const train::TrainProgress& p) {
        Progress pr{"Pre-training the demo base model", p.step, p.totalSteps,
                    "loss " + std::to_string(p.trainLoss)};
        return reportProgress(progress, pr) ? train::TrainControl::Continue : train::TrainControl::Cancel;
    });
    if (!result) return result.error();
    if (result->cancelled) return cancelledError("pre-training the demo base model was cancelled");
    TB_TRY(writeHfWeightsFolder(building, weights));
    info.created = true;
    info.steps = result->steps;
    info.firstLoss = result->stepLosses.empty() ? 0.0 : result->stepLosses.front();
    info.lastLoss = result->lastTrainLoss;
    info.parameters = config.parameterCount();
    info.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    nlohmann::json meta = {{"what", "Tunebench demo base model, pre-trained from scratch on resources/demo/pretrain_corpus.txt"},
                           {"steps", info.steps},
                           {"first_loss", info.firstLoss},
                           {"last_loss", info.lastLoss},
                           {"parameters", info.parameters},
                           {"seconds", info.seconds}};
    TB_TRY(writeFileAtomically(building + "/demo_base_model.json", meta.dump(2) + "\n"));
    fs::remove_all(folder);
    std::error_code ec;
    fs::rename(building, folder, ec);
    if (ec) return internalError(folder + ": cannot move the finished model into place: " + ec.message());
    return info;
}

}  // namespace tb::demo
