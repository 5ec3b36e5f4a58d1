// Export tests on stories260K (HF folder) with a random LoRA adapter on every target: merging equals LoRA
// at the matmul, merged HF / GGUF files load back with identical logits, the un-adapted GGUF export
// reproduces the shared F32 and Q8_0 GGUF tensors byte for byte, and GGUF LoRA files round-trip.
#include "core/export/export_job.h"
#include "core/export/export_parity.h"
#include "core/export/gguf_lora_export.h"
#include "core/export/gguf_model_export.h"
#include "core/export/gguf_tokenizer_metadata.h"
#include "core/export/hf_model_export.h"
#include "core/export/merge_adapter.h"
#include "core/infer/inference_model.h"
#include "core/infer/inference_session.h"
#include "core/infer/random_weights.h"
#include "core/model/gguf_reader.h"
#include "core/model/model_loader.h"
#include "core/tokenizer/pre_tokenizer.h"
#include "core/tokenizer/tokenizer_loader.h"
#include "core/train/peft_adapter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <filesystem>
#include <random>

using namespace tb;
using namespace tb::exporter;
namespace fs = std::filesystem;

namespace {

const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kHf = kShared + "/models/stories260K/hf";
const std::string kGgufF32 = kShared + "/models/stories260K/stories260K-f32.gguf";
const std::string kGgufQ8 = kShared + "/models/stories260K/stories260K-q8_0.gguf";

LoraAdapter randomAdapter(const ModelWeights& w, int rank, unsigned seed) {
    LoraAdapter a;
    a.rank = rank;
    a.alpha = 2.0f * float(rank);
    a.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    std::mt19937 rng(seed);
    std::normal_distribution<float> n(0.0f, 0.05f);
    for (int l = 0; l < w.config.numLayers; ++l)
        for (const auto& t : a.targets) {
            const Matrix* base = targetMatrix(w.layers[size_t(l)], t);
            LoraPair p;
            p.a = Matrix(rank, base->cols());
            p.b = Matrix(base->rows(), rank);
            for (int i = 0; i < p.a.size(); ++i) p.a.data()[i] = n(rng);
            for (int i = 0; i < p.b.size(); ++i) p.b.data()[i] = n(rng);  // non-zero B
            a.modules[LoraAdapter::key(l, t)] = std::move(p);
        }
    return a;
}

struct Fixture : ::testing::Test {
    static void SetUpTestSuite() {
        if (!fs::exists(kHf)) return;
        auto m = loadModel(kHf);
        ASSERT_TRUE(m.ok()) << m.message();
        s_model = new LoadedModel(std::move(m.value()));
        s_adapter = new LoraAdapter(randomAdapter(s_model->weights, 4, 7));
        auto tok = loadTokenizer(kHf);
        ASSERT_TRUE(tok.ok()) << tok.message();
        s_tokenizer = tok.value();
    }
    static void TearDownTestSuite() {
        delete s_model;
        delete s_adapter;
        s_tokenizer.reset();
    }
    void SetUp() override {
        if (!s_model) GTEST_SKIP() << "no " << kHf;
        dir = fs::temp_directory_path() / ("tb_export_" + std::to_string(::getpid()) + "_" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    static LoadedModel* s_model;
    static LoraAdapter* s_adapter;
    static std::shared_ptr<const Tokenizer> s_tokenizer;
    fs::path dir;
};
LoadedModel* Fixture::s_model = nullptr;
LoraAdapter* Fixture::s_adapter = nullptr;
std::shared_ptr<const Tokenizer> Fixture::s_tokenizer;

std::vector<float> lastLogits(const ModelWeights& w, const LoraAdapter* adapter, const std::vector<int>& ids) {
    auto model = InferenceModel::create(std::make_shared<const ModelWeights>(w));
    EXPECT_TRUE(model.ok());
    InferenceSession s(model.value());
    EXPECT_TRUE(s.setAdapter(adapter ? std::make_shared<const LoraAdapter>(*adapter) : nullptr).ok());
    EXPECT_TRUE(s.evaluate(ids).ok());
    return {s.logits().begin(), s.logits().end()};
}

float maxDiff(const std::vector<float>& a, const std::vector<float>& b) {
    float m = 0;
    for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::abs(a[i] - b[i]));
    return m;
}

}  // namespace

TEST_F(Fixture, MergeEqualsAdapterAtTheMatmulAndLeavesBaseAlone) {
    const ModelWeights before = s_model->weights;
    auto merged = mergeAdapter(s_model->weights, *s_adapter);
    ASSERT_TRUE(merged.ok()) << merged.message();
    EXPECT_EQ(s_model->weights.layers[0].wq, before.layers[0].wq);  // base untouched
    EXPECT_NE(merged->layers[0].wq, before.layers[0].wq);
    const std::vector<int> ids = s_tokenizer->encode("Once upon a time", true);
    const auto adapted = lastLogits(s_model->weights, s_adapter, ids);
    const auto fromMerged = lastLogits(merged.value(), nullptr, ids);
    const auto plain = lastLogits(s_model->weights, nullptr, ids);
    EXPECT_LE(maxDiff(adapted, fromMerged), 1e-4f);
    EXPECT_GT(maxDiff(adapted, plain), 1e-2f);  // the adapter really changes the model
}

TEST_F(Fixture, MergeRefusesBadModules) {
    LoraAdapter bad = *s_adapter;
    bad.modules["99.q"] = bad.modules.at("0.q");
    EXPECT_FALSE(mergeAdapter(s_model->weights, bad).ok());
    LoraAdapter wrongShape = *s_adapter;
    wrongShape.modules.at("0.k").b = Matrix::Zero(5, 4);
    auto r = mergeAdapter(s_model->weights, wrongShape);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("0.k"), std::string::npos);
}

TEST_F(Fixture, MergedHfFolderAndF32GgufPassParity) {
    auto merged = mergeAdapter(s_model->weights, *s_adapter);
    ASSERT_TRUE(merged.ok());
    const std::string hfOut = (dir / "merged").string();
    auto hf = writeHfModelFolder(hfOut, merged.value(), *s_model, StorageType::F32);
    ASSERT_TRUE(hf.ok()) << hf.message();
    for (const char* f : {"config.json", "model.safetensors", "generation_config.json", "tokenizer.json",
                          "tokenizer_config.json", "special_tokens_map.json"})
        EXPECT_TRUE(fs::exists(fs::path(hfOut) / f)) << f;
    auto hfReport = checkExportParity(s_model->weights, s_adapter, s_tokenizer, ArtifactKind::HfFolder, hfOut, "F32");
    ASSERT_TRUE(hfReport.ok()) << hfReport.message();
    EXPECT_TRUE(hfReport->passed) << hfReport->toJson().dump(1);
    EXPECT_LE(hfReport->maxAbsLogitDiff, 1e-4f);
    EXPECT_TRUE(hfReport->greedyIdentical);
    EXPECT_TRUE(hfReport->tokenizerIdentical);

    const std::string ggufOut = (dir / "merged.gguf").string();
    auto tokMeta = ggufTokenizerMetadata(*s_model);
    ASSERT_TRUE(tokMeta.ok()) << tokMeta.message();
    ASSERT_TRUE(writeGgufModel(ggufOut, merged.value(), tokMeta.value(), {}).ok());
    auto gReport = checkExportParity(s_model->weights, s_adapter, s_tokenizer, ArtifactKind::GgufModel, ggufOut, "F32");
    ASSERT_TRUE(gReport.ok()) << gReport.message();
    EXPECT_TRUE(gReport->passed) << gReport->toJson().dump(1);
    EXPECT_LE(gReport->maxAbsLogitDiff, 1e-4f);
    EXPECT_TRUE(gReport->greedyIdentical);
    EXPECT_TRUE(gReport->tokenizerIdentical) << "GGUF tokenizer built from tokenizer.json encodes differently";
    // A parity check that cannot fail is worthless: the un-merged base must fail it.
    auto base = checkExportParity(s_model->weights, s_adapter, s_tokenizer, ArtifactKind::HfFolder, kHf, "F32");
    ASSERT_TRUE(base.ok());
    EXPECT_FALSE(base->passed);
}

TEST_F(Fixture, UnadaptedGgufExportReproducesSharedF32AndQ8Tensors) {
    auto tokMeta = ggufTokenizerMetadata(*s_model);
    ASSERT_TRUE(tokMeta.ok());
    for (auto [type, refPath] : {std::pair{StorageType::F32, kGgufF32}, std::pair{StorageType::Q8_0, kGgufQ8}}) {
        const std::string out = (dir / (std::string(storageTypeName(type)) + ".gguf")).string();
        GgufExportOptions o;
        o.type = type;
        ASSERT_TRUE(writeGgufModel(out, s_model->weights, tokMeta.value(), o).ok());
        auto ours = GgufFile::open(out);
        auto ref = GgufFile::open(refPath);
        ASSERT_TRUE(ours.ok() && ref.ok());
        ASSERT_EQ(ours.value()->tensors().size(), ref.value()->tensors().size());
        for (const GgufTensorInfo& t : ref.value()->tensors()) {
            const GgufTensorInfo* mine = ours.value()->findTensor(t.name);
            ASSERT_NE(mine, nullptr) << t.name;
            EXPECT_EQ(mine->ne, t.ne) << t.name;
            EXPECT_EQ(mine->type, t.type) << t.name;
            auto a = ours.value()->tensorBytes(t.name);
            auto b = ref.value()->tensorBytes(t.name);
            ASSERT_TRUE(a.ok() && b.ok());
            ASSERT_EQ(a->size(), b->size()) << t.name;
            EXPECT_EQ(std::memcmp(a->data(), b->data(), a->size()), 0) << storageTypeName(type) << " " << t.name;
        }
        EXPECT_EQ(ours.value()->getInt("general.file_type").value(), ref.value()->getInt("general.file_type").value());
        for (const char* key : {"llama.embedding_length", "llama.block_count", "llama.feed_forward_length",
                                "llama.attention.head_count", "llama.attention.head_count_kv", "llama.context_length",
                                "llama.rope.dimension_count", "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id",
                                "tokenizer.ggml.unknown_token_id"})
            EXPECT_EQ(ours.value()->getInt(key).value(), ref.value()->getInt(key).value()) << key;
        EXPECT_EQ(ours.value()->getStringArray("tokenizer.ggml.tokens").value(),
                  ref.value()->getStringArray("tokenizer.ggml.tokens").value());
        EXPECT_EQ(ours.value()->getIntArray("tokenizer.ggml.token_type").value(),
                  ref.value()->getIntArray("tokenizer.ggml.token_type").value());
        EXPECT_EQ(ours.value()->getString("tokenizer.ggml.model").value(), "llama");
    }
}

TEST_F(Fixture, GgufLoraRoundTripsAndPassesParity) {
    const std::string out = (dir / "adapter.gguf").string();
    ASSERT_TRUE(writeGgufLora(out, *s_adapter, s_model->weights.config).ok());
    auto g = GgufFile::open(out);
    ASSERT_TRUE(g.ok()) << g.message();
    EXPECT_EQ(g.value()->getString("general.type").value(), "adapter");
    EXPECT_EQ(g.value()->getString("adapter.type").value(), "lora");
    EXPECT_EQ(g.value()->getString("general.architecture").value(), "llama");
    EXPECT_FLOAT_EQ(float(g.value()->getFloat("adapter.lora.alpha").value()), s_adapter->alpha);
    EXPECT_EQ(g.value()->tensors().size(), 2u * 7u * 5u);
    const GgufTensorInfo* a = g.value()->findTensor("blk.2.attn_q.weight.lora_a");
    const GgufTensorInfo* b = g.value()->findTensor("blk.2.attn_q.weight.lora_b");
    const GgufTensorInfo* down = g.value()->findTensor("blk.4.ffn_down.weight.lora_b");
    ASSERT_TRUE(a && b && down);
    EXPECT_EQ(a->ne, (std::vector<int64_t>{64, 4}));   // (in, r): llama.cpp checks a.ne0 == weight.ne0
    EXPECT_EQ(b->ne, (std::vector<int64_t>{4, 64}));   // (r, out): b.ne1 == weight.ne1, a.ne1 == b.ne0
    EXPECT_EQ(down->ne, (std::vector<int64_t>{4, 64}));
    // lora_b rows of q are stored interleaved (as the GGUF attn_q rows are).
    auto bq = g.value()->readMatrix("blk.2.attn_q.weight.lora_b");
    ASSERT_TRUE(bq.ok());
    const auto& c = s_model->weights.config;
    EXPECT_EQ(bq.value(), permuteRotateHalfToInterleaved(s_adapter->modules.at("2.q").b, c.numHeads, c.headDim));
    auto back = readGgufLora(out, c);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->rank, s_adapter->rank);
    ASSERT_EQ(back->modules.size(), s_adapter->modules.size());
    for (const auto& [key, pair] : s_adapter->modules) {
        EXPECT_EQ(back->modules.at(key).a, pair.a) << key;
        EXPECT_EQ(back->modules.at(key).b, pair.b) << key;
    }
    auto report = checkExportParity(s_model->weights, s_adapter, s_tokenizer, ArtifactKind::GgufLora, out, "F32");
    ASSERT_TRUE(report.ok()) << report.message();
    EXPECT_TRUE(report->passed);
    EXPECT_TRUE(report->greedyIdentical);
    EXPECT_LE(report->maxAbsLogitDiff, 1e-5f);  // same weights; only summation-order rounding
}

TEST_F(Fixture, ExportJobWritesParityJsonAndRefusesBadRequests) {
    const std::string peftDir = (dir / "peft").string();
    ASSERT_TRUE(train::writePeftAdapter(peftDir, *s_adapter).ok());
    ExportRequest r;
    r.modelPath = kHf;
    r.adapterDir = peftDir;
    r.format = "gguf";
    r.type = "q8_0";
    r.outPath = (dir / "tuned-q8_0.gguf").string();
    r.parity.greedyTokens = 8;
    auto result = runExport(r);
    ASSERT_TRUE(result.ok()) << result.message();
    EXPECT_TRUE(fs::exists(r.outPath + ".export_parity.json"));
    EXPECT_EQ(result->parity.storageType, "Q8_0");
    EXPECT_GT(result->parity.maxAbsLogitDiff, 0.0f);  // quantized: not bit-identical
    EXPECT_TRUE(result->parity.passed) << result->toJson().dump(1);
    std::printf("[measured] gguf Q8_0 (merged adapter): max |logit diff| %.3g, greedy identical %d\n",
                result->parity.maxAbsLogitDiff, int(result->parity.greedyIdentical));

    r.format = "bogus";
    EXPECT_FALSE(validateExportRequest(r).ok());
    r.format = "merged";
    EXPECT_FALSE(validateExportRequest(r).ok());  // q8_0 is GGUF only
    r.format = "gguf-lora";
    r.type = "f32";
    r.adapterDir.clear();
    EXPECT_FALSE(validateExportRequest(r).ok());  // adapter required
}

TEST_F(Fixture, GgufTokenizerBuiltFromTokenizerJsonMatchesAllConformanceCases) {
    // HF tokenizer.json (merges, no scores) -> GGUF llama tokenizer (scores from merge ranks) -> our loader.
    const std::string out = (dir / "tok.gguf").string();
    auto tokMeta = ggufTokenizerMetadata(*s_model);
    ASSERT_TRUE(tokMeta.ok());
    ASSERT_TRUE(writeGgufModel(out, s_model->weights, tokMeta.value(), {}).ok());
    auto tok = loadTokenizer(out);
    ASSERT_TRUE(tok.ok()) << tok.message();
    std::ifstream cases(kShared + "/models/stories260K/tokenizer_cases.jsonl");
    ASSERT_TRUE(cases.good());
    std::string line;
    int checked = 0;
    while (std::getline(cases, line)) {
        auto j = nlohmann::json::parse(line);
        const std::string text = j.at("text").get<std::string>();
        EXPECT_EQ(tok.value()->encode(text, true), j.at("ids").get<std::vector<int>>()) << text;
        ++checked;
    }
    EXPECT_EQ(checked, 760);
}

TEST_F(Fixture, ReducedPrecisionExportsStayWithinTheirTolerance) {
    auto merged = mergeAdapter(s_model->weights, *s_adapter);
    ASSERT_TRUE(merged.ok());
    auto tokMeta = ggufTokenizerMetadata(*s_model);
    ASSERT_TRUE(tokMeta.ok());
    for (StorageType type : {StorageType::F16, StorageType::BF16}) {
        const std::string name = storageTypeName(type);
        const std::string hfOut = (dir / ("hf-" + name)).string();
        ASSERT_TRUE(writeHfModelFolder(hfOut, merged.value(), *s_model, type).ok());
        const std::string ggufOut = (dir / (name + ".gguf")).string();
        GgufExportOptions o;
        o.type = type;
        ASSERT_TRUE(writeGgufModel(ggufOut, merged.value(), tokMeta.value(), o).ok());
        ParityOptions po;
        po.tolerance = defaultParityTolerance(name);
        for (auto [kind, path] : {std::pair{ArtifactKind::HfFolder, hfOut}, std::pair{ArtifactKind::GgufModel, ggufOut}}) {
            auto r = checkExportParity(s_model->weights, s_adapter, s_tokenizer, kind, path, name, po);
            ASSERT_TRUE(r.ok()) << r.message();
            EXPECT_TRUE(r->passed) << r->toJson().dump(1);
            EXPECT_GT(r->maxAbsLogitDiff, 0.0f) << name;  // rounding really happened
            std::printf("[measured] %s %s: max |logit diff| %.3g, greedy identical %d\n", artifactKindName(kind),
                        name.c_str(), r->maxAbsLogitDiff, int(r->greedyIdentical));
        }
    }
}

TEST_F(Fixture, GgufSourceExportsCopyTokenizerAndSayWhenTokenizerJsonIsMissing) {
    auto g = loadModel(kGgufF32);
    ASSERT_TRUE(g.ok()) << g.message();
    auto tokMeta = ggufTokenizerMetadata(g.value());
    ASSERT_TRUE(tokMeta.ok()) << tokMeta.message();
    const std::string out = (dir / "copy.gguf").string();
    ASSERT_TRUE(writeGgufModel(out, g->weights, tokMeta.value(), {}).ok());
    auto ours = GgufFile::open(out);
    auto ref = GgufFile::open(kGgufF32);
    ASSERT_TRUE(ours.ok() && ref.ok());
    EXPECT_EQ(ours.value()->getFloatArray("tokenizer.ggml.scores").value(), ref.value()->getFloatArray("tokenizer.ggml.scores").value());
    for (const GgufTensorInfo& t : ref.value()->tensors()) {
        auto a = ours.value()->tensorBytes(t.name);
        auto b = ref.value()->tensorBytes(t.name);
        ASSERT_TRUE(a.ok() && b.ok()) << t.name;
        ASSERT_EQ(a->size(), b->size());
        EXPECT_EQ(std::memcmp(a->data(), b->data(), a->size()), 0) << t.name;  // GGUF -> memory -> GGUF is lossless
    }
    auto hf = writeHfModelFolder((dir / "hf").string(), g->weights, g.value(), StorageType::F32);
    ASSERT_TRUE(hf.ok()) << hf.message();
    EXPECT_FALSE(hf->tokenizerNote.empty());
    auto back = loadModel((dir / "hf").string());
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->weights.layers[3].wk, s_model->weights.layers[3].wk);  // equals the shared HF folder's weights
}

TEST_F(Fixture, ExportJobRunsEveryFormatWithPassingParity) {
    const std::string peftDir = (dir / "adapter-in").string();
    ASSERT_TRUE(train::writePeftAdapter(peftDir, *s_adapter).ok());
    struct Case {
        std::string format, out, parityFile;
    };
    const std::vector<Case> cases = {
        {"peft", (dir / "peft").string(), (dir / "peft" / "export_parity.json").string()},
        {"merged", (dir / "merged").string(), (dir / "merged" / "export_parity.json").string()},
        {"gguf", (dir / "m.gguf").string(), (dir / "m.gguf.export_parity.json").string()},
        {"gguf-lora", (dir / "a.gguf").string(), (dir / "a.gguf.export_parity.json").string()}};
    for (const Case& c : cases) {
        ExportRequest r;
        r.modelPath = kHf;
        r.adapterDir = peftDir;
        r.format = c.format;
        r.outPath = c.out;
        r.parity.greedyTokens = 8;
        auto result = runExport(r);
        ASSERT_TRUE(result.ok()) << c.format << ": " << result.message();
        EXPECT_TRUE(result->parity.passed) << c.format << result->toJson().dump(1);
        EXPECT_TRUE(result->parity.greedyIdentical) << c.format;
        EXPECT_LE(result->parity.maxAbsLogitDiff, 1e-4f) << c.format;
        EXPECT_EQ(result->parityPath, c.parityFile);
        auto text = std::ifstream(c.parityFile);
        ASSERT_TRUE(text.good()) << c.parityFile;
        auto j = nlohmann::json::parse(text);
        EXPECT_EQ(j.at("passed").get<bool>(), true);
        EXPECT_EQ(j.at("prompts").size(), 3u);
    }
}

namespace {
void expectSameWeights(const ModelWeights& a, const ModelWeights& b, const std::string& what) {
    EXPECT_EQ(a.tokenEmbedding, b.tokenEmbedding) << what;
    EXPECT_EQ(a.finalNorm, b.finalNorm) << what;
    EXPECT_EQ(a.lmHead, b.lmHead) << what;
    ASSERT_EQ(a.layers.size(), b.layers.size()) << what;
    for (size_t l = 0; l < a.layers.size(); ++l) {
        const LayerWeights &x = a.layers[l], &y = b.layers[l];
        EXPECT_TRUE(x.wq == y.wq && x.wk == y.wk && x.wv == y.wv && x.wo == y.wo) << what << " layer " << l;
        EXPECT_TRUE(x.wGate == y.wGate && x.wUp == y.wUp && x.wDown == y.wDown) << what << " layer " << l;
        EXPECT_TRUE(x.bq == y.bq && x.bk == y.bk && x.bv == y.bv) << what << " layer " << l;
        EXPECT_TRUE(x.attnNorm == y.attnNorm && x.ffnNorm == y.ffnNorm) << what << " layer " << l;
    }
}
}  // namespace

TEST(ExportRoundTrip, Qwen2WithBiasesAndUntiedLlama3ScaledLlamaReloadExactly) {
    const fs::path dir = fs::temp_directory_path() / ("tb_export_rt_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    ModelConfig qwen;
    qwen.architecture = Architecture::Qwen2;
    qwen.hiddenSize = 64, qwen.numLayers = 2, qwen.numHeads = 4, qwen.numKvHeads = 2, qwen.headDim = 16;
    qwen.intermediateSize = 96, qwen.vocabSize = 100, qwen.maxPositions = 256, qwen.ropeTheta = 1e6f;
    qwen.rmsNormEps = 1e-6f, qwen.tiedEmbeddings = false, qwen.attentionBias = true, qwen.bosTokenId = 5;
    qwen.eosTokenIds = {7};
    ModelConfig llama = qwen;
    llama.architecture = Architecture::Llama;
    llama.attentionBias = false;
    llama.ropeTheta = 500000.0f;
    llama.ropeScaling.enabled = true;
    llama.ropeScaling.factor = 8.0f;
    for (const ModelConfig& c : {qwen, llama}) {
        const ModelWeights w = randomModelWeights(c, 11);
        const std::string name = architectureName(c.architecture);
        const std::string gguf = (dir / (name + ".gguf")).string();
        ASSERT_TRUE(writeGgufModel(gguf, w, {}, {}).ok()) << name;
        auto g = loadModel(gguf);
        ASSERT_TRUE(g.ok()) << name << ": " << g.message();
        EXPECT_EQ(g->weights.config.ropeScaling.enabled, c.ropeScaling.enabled) << name;
        EXPECT_FLOAT_EQ(g->weights.config.ropeTheta, c.ropeTheta) << name;
        expectSameWeights(w, g->weights, name + " gguf");
        LoadedModel noSource;
        const std::string hf = (dir / (name + "-hf")).string();
        auto written = writeHfModelFolder(hf, w, noSource, StorageType::F32);
        ASSERT_TRUE(written.ok()) << written.message();
        auto h = loadModel(hf);
        ASSERT_TRUE(h.ok()) << name << ": " << h.message();
        EXPECT_EQ(h->weights.config.architecture, c.architecture);
        EXPECT_EQ(h->weights.config.eosTokenIds, c.eosTokenIds);
        EXPECT_FLOAT_EQ(h->weights.config.rmsNormEps, c.rmsNormEps);
        expectSameWeights(w, h->weights, name + " hf");
    }
    fs::remove_all(dir);
}

TEST_F(Fixture, RsLoraGgufAdapterKeepsItsScaleAndBadFilesAreRefused) {
    LoraAdapter rs = *s_adapter;
    rs.rsLora = true;
    const std::string out = (dir / "rs.gguf").string();
    ASSERT_TRUE(writeGgufLora(out, rs, s_model->weights.config).ok());
    auto back = readGgufLora(out, s_model->weights.config);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_NEAR(back->scale(), rs.scale(), 1e-6f);  // llama.cpp scales by alpha / r
    // A model file is not an adapter; an adapter for another architecture is refused.
    EXPECT_FALSE(readGgufLora(kGgufF32, s_model->weights.config).ok());
    ModelConfig qwen = s_model->weights.config;
    qwen.architecture = Architecture::Qwen2;
    auto wrongArch = readGgufLora(out, qwen);
    ASSERT_FALSE(wrongArch.ok());
    EXPECT_NE(wrongArch.message().find("architecture"), std::string::npos);
}

TEST(ExportTokenizer, ByteLevelPreTokenizerIsNamedForLlamaCpp) {
    for (const char* pre : {"llama-bpe", "qwen2", "gpt-2"}) {
        auto patterns = splitPatternsForGgufPre(pre);
        ASSERT_TRUE(patterns.ok()) << pre;
        TokenizerSpec spec;
        spec.kind = TokenizerModelKind::ByteLevelBpe;
        for (const std::string& p : patterns.value()) {
            auto step = makeSplitStep(p, SplitBehavior::Isolated);
            ASSERT_TRUE(step.ok()) << step.message();
            spec.preTokenizers.push_back(step.value());
        }
        auto byteLevel = makeByteLevelStep(false, false);
        ASSERT_TRUE(byteLevel.ok());
        spec.preTokenizers.push_back(byteLevel.value());
        auto name = ggufPreTokenizerName(spec);
        ASSERT_TRUE(name.ok()) << name.message();
        // Names that share their patterns (e.g. llama3 / llama-bpe) resolve to the same split either way.
        EXPECT_EQ(splitPatternsForGgufPre(name.value()).value(), patterns.value()) << pre;
    }
    TokenizerSpec odd;
    odd.kind = TokenizerModelKind::ByteLevelBpe;
    odd.source = "odd/tokenizer.json";
    odd.preTokenizers.push_back(makeSplitStep("[0-9]+", SplitBehavior::Isolated).value());
    auto refused = ggufPreTokenizerName(odd);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("odd/tokenizer.json"), std::string::npos);
}
