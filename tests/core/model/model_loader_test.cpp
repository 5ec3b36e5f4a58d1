#include "core/model/gguf_writer.h"
#include "core/model/model_loader.h"
#include "core/model/safetensors_index.h"
#include "core/model/safetensors_writer.h"
#include "test_paths.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

using namespace tb;
namespace fs = std::filesystem;

namespace {

float maxAbsDiff(const Matrix& a, const Matrix& b) { return (a - b).cwiseAbs().maxCoeff(); }

// Largest |a - b| over every weight, after checking the shapes agree.
float maxWeightDiff(const ModelWeights& a, const ModelWeights& b) {
    float d = maxAbsDiff(a.tokenEmbedding, b.tokenEmbedding);
    d = std::max(d, (a.finalNorm - b.finalNorm).cwiseAbs().maxCoeff());
    for (size_t l = 0; l < a.layers.size(); ++l) {
        const auto& x = a.layers[l];
        const auto& y = b.layers[l];
        for (auto [m1, m2] : {std::pair{&x.wq, &y.wq}, {&x.wk, &y.wk}, {&x.wv, &y.wv}, {&x.wo, &y.wo},
                              {&x.wGate, &y.wGate}, {&x.wUp, &y.wUp}, {&x.wDown, &y.wDown}}) {
            EXPECT_EQ(m1->rows(), m2->rows());
            EXPECT_EQ(m1->cols(), m2->cols());
            d = std::max(d, maxAbsDiff(*m1, *m2));
        }
        d = std::max(d, (x.attnNorm - y.attnNorm).cwiseAbs().maxCoeff());
        d = std::max(d, (x.ffnNorm - y.ffnNorm).cwiseAbs().maxCoeff());
    }
    return d;
}

void expectStoriesConfig(const ModelConfig& c) {
    EXPECT_EQ(c.architecture, Architecture::Llama);
    EXPECT_EQ(c.hiddenSize, 64);
    EXPECT_EQ(c.numLayers, 5);
    EXPECT_EQ(c.numHeads, 8);
    EXPECT_EQ(c.numKvHeads, 4);
    EXPECT_EQ(c.headDim, 8);
    EXPECT_EQ(c.intermediateSize, 172);
    EXPECT_EQ(c.vocabSize, 512);
    EXPECT_EQ(c.maxPositions, 512);
    EXPECT_FLOAT_EQ(c.ropeTheta, 10000.0f);
    EXPECT_FLOAT_EQ(c.rmsNormEps, 1e-5f);
    EXPECT_TRUE(c.tiedEmbeddings);
    EXPECT_FALSE(c.attentionBias);
    EXPECT_EQ(c.bosTokenId, 1);
    EXPECT_EQ(c.eosTokenIds, std::vector<int>{2});
    EXPECT_EQ(c.parameterCount(), 260032);
}

void writeText(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST(ModelLoader, HfAndGgufF32AreIdenticalAfterThePermutation) {
    int progressCalls = 0;
    auto hf = loadModel(tbtest::stories("hf"), [&](const Progress& p) {
        ++progressCalls;
        EXPECT_LE(p.done, p.total);
        return true;
    });
    ASSERT_TRUE(hf.ok()) << hf.message();
    EXPECT_EQ(progressCalls, 2 + 9 * 5);
    auto gguf = loadModel(tbtest::stories("stories260K-f32.gguf"));
    ASSERT_TRUE(gguf.ok()) << gguf.message();
    EXPECT_EQ(hf->format, "hf-safetensors");
    EXPECT_EQ(gguf->format, "gguf");
    EXPECT_NE(gguf->gguf, nullptr);
    EXPECT_EQ(hf->hfFolder, tbtest::stories("hf"));
    EXPECT_EQ(hf->generationConfig.value("eos_token_id", -1), 2);
    expectStoriesConfig(hf->weights.config);
    expectStoriesConfig(gguf->weights.config);
    EXPECT_EQ(hf->weights.config.sourceDtype, "F32");
    EXPECT_EQ(gguf->weights.config.sourceDtype, "F32");
    EXPECT_EQ(hf->weights.ropeLayout, RopeLayout::RotateHalf);
    EXPECT_EQ(gguf->weights.ropeLayout, RopeLayout::RotateHalf);
    EXPECT_EQ(hf->weights.lmHead.size(), 0);
    EXPECT_EQ(&hf->weights.outputMatrix(), &hf->weights.tokenEmbedding);
    // Bit-identical: the GGUF q/k rows, permuted to rotate-half, equal the HF rows.
    EXPECT_EQ(maxWeightDiff(hf->weights, gguf->weights), 0.0f);
    // ...and without the permutation they would not be (so the check above proves it).
    auto raw = GgufFile::open(tbtest::stories("stories260K-f32.gguf"));
    ASSERT_TRUE(raw.ok());
    Matrix rawQ = raw.value()->readMatrix("blk.0.attn_q.weight").value();
    EXPECT_GT(maxAbsDiff(rawQ, hf->weights.layers[0].wq), 0.01f);
    EXPECT_EQ(maxAbsDiff(permuteRotateHalfToInterleaved(hf->weights.layers[0].wq, 8, 8), rawQ), 0.0f);
    Matrix rawK = raw.value()->readMatrix("blk.3.attn_k.weight").value();
    EXPECT_EQ(maxAbsDiff(permuteInterleavedToRotateHalf(rawK, 4, 8), hf->weights.layers[3].wk), 0.0f);
}

TEST(ModelLoader, Bf16AndQ8_0WithinTheirRounding) {
    auto f32 = loadModel(tbtest::stories("hf"));
    auto bf16 = loadModel(tbtest::stories("hf-bf16"));
    auto q8 = loadModel(tbtest::stories("stories260K-q8_0.gguf"));
    ASSERT_TRUE(f32.ok() && bf16.ok() && q8.ok()) << bf16.message() << q8.message();
    EXPECT_EQ(bf16->weights.config.sourceDtype, "BF16");
    EXPECT_EQ(q8->weights.config.sourceDtype, "Q8_0");
    const float maxWeight = f32->weights.tokenEmbedding.cwiseAbs().maxCoeff();
    const float bf16Diff = maxWeightDiff(f32->weights, bf16->weights);
    EXPECT_GT(bf16Diff, 0.0f);
    EXPECT_LE(bf16Diff, std::max(maxWeight, 2.0f) / 256.0f);
    const float q8Diff = maxWeightDiff(f32->weights, q8->weights);
    EXPECT_GT(q8Diff, 0.0f);
    EXPECT_LE(q8Diff, 0.0066f);
}

TEST(ModelLoader, InspectIsCheapAndComplete) {
    auto hf = inspectModel(tbtest::stories("hf"));
    ASSERT_TRUE(hf.ok()) << hf.message();
    expectStoriesConfig(hf->config);
    EXPECT_EQ(hf->parameterCount, 260032);
    EXPECT_EQ(hf->tensorCount, 47);
    EXPECT_FALSE(hf->hasChatTemplate);  // stories260K is a base model
    auto g = inspectModel(tbtest::stories("stories260K-q8_0.gguf"));
    ASSERT_TRUE(g.ok()) << g.message();
    expectStoriesConfig(g->config);
    EXPECT_EQ(g->parameterCount, 260032);
    EXPECT_EQ(g->config.sourceDtype, "Q8_0");
    const nlohmann::json j = g->toJson();
    EXPECT_EQ(j["architecture"], "llama");
    EXPECT_EQ(j["kv_heads"], 4);
    EXPECT_EQ(j["chat_template"], false);
    EXPECT_NE(g->toText().find("Q8_0"), std::string::npos);
}

TEST(ModelLoader, ChatTemplateAndQwen2BiasesFromHf) {
    // A tiny qwen2 HF folder: biases, untied lm_head, eos list, chat template, llama3-free config.
    const std::string dir = tbtest::scratchDir("qwen2_hf");
    const int C = 16, NH = 4, NKV = 2, D = 4, F = 24, V = 32;  // one layer
    writeText(dir + "/config.json", R"({"model_type":"qwen2","hidden_size":16,"num_hidden_layers":1,"num_attention_heads":4,
      "num_key_value_heads":2,"intermediate_size":24,"vocab_size":32,"max_position_embeddings":128,"rope_theta":1000000.0,
      "rms_norm_eps":1e-6,"tie_word_embeddings":false,"bos_token_id":null,"eos_token_id":[30,31]})");
    writeText(dir + "/tokenizer_config.json", R"({"chat_template":"{% for m in messages %}{{ m.content }}{% endfor %}"})");
    std::vector<NamedTensor> t;
    int seed = 0;
    auto add = [&](const std::string& name, std::vector<int64_t> shape) {
        int64_t n = 1;
        for (auto d : shape) n *= d;
        std::vector<float> v(static_cast<size_t>(n), 0.0f);
        for (auto& x : v) x = float((seed++ % 17) - 8) / 8.0f;
        t.push_back({name, shape, v, StorageType::BF16});
    };
    add("model.embed_tokens.weight", {V, C});
    add("model.norm.weight", {C});
    add("lm_head.weight", {V, C});
    const std::string p = "model.layers.0.";
    add(p + "input_layernorm.weight", {C});
    add(p + "post_attention_layernorm.weight", {C});
    add(p + "self_attn.q_proj.weight", {NH * D, C});
    add(p + "self_attn.k_proj.weight", {NKV * D, C});
    add(p + "self_attn.v_proj.weight", {NKV * D, C});
    add(p + "self_attn.o_proj.weight", {C, NH * D});
    add(p + "self_attn.q_proj.bias", {NH * D});
    add(p + "self_attn.k_proj.bias", {NKV * D});
    add(p + "self_attn.v_proj.bias", {NKV * D});
    add(p + "mlp.gate_proj.weight", {F, C});
    add(p + "mlp.up_proj.weight", {F, C});
    add(p + "mlp.down_proj.weight", {C, F});
    ASSERT_TRUE(writeSafetensors(dir + "/model.safetensors", t).ok());
    auto m = loadModel(dir);
    ASSERT_TRUE(m.ok()) << m.message();
    const ModelConfig& c = m->weights.config;
    EXPECT_EQ(c.architecture, Architecture::Qwen2);
    EXPECT_TRUE(c.attentionBias);
    EXPECT_FALSE(c.tiedEmbeddings);
    EXPECT_EQ(c.eosTokenIds, (std::vector<int>{30, 31}));
    EXPECT_EQ(c.bosTokenId, -1);
    EXPECT_EQ(m->weights.layers[0].bq.size(), NH * D);
    EXPECT_EQ(m->weights.lmHead.rows(), V);
    EXPECT_EQ(&m->weights.outputMatrix(), &m->weights.lmHead);
    EXPECT_FLOAT_EQ(m->weights.layers[0].bk(1), t[10].values[1]);
    auto info = inspectModel(dir);
    ASSERT_TRUE(info.ok());
    EXPECT_TRUE(info->hasChatTemplate);
    EXPECT_EQ(info->config.sourceDtype, "BF16");

    // Shape mismatch against the config: named tensor, both shapes.
    writeText(dir + "/config.json", R"({"model_type":"qwen2","hidden_size":16,"num_hidden_layers":1,"num_attention_heads":4,
      "num_key_value_heads":2,"intermediate_size":20,"vocab_size":32,"tie_word_embeddings":false})");
    auto bad = loadModel(dir);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("mlp.gate_proj.weight"), std::string::npos) << bad.message();
    EXPECT_NE(bad.message().find("[24, 16]"), std::string::npos) << bad.message();
}

TEST(ModelLoader, RefusesBadConfigsWithNamedFields) {
    const std::string dir = tbtest::scratchDir("bad_configs");
    fs::copy_file(tbtest::stories("hf/model.safetensors"), dir + "/model.safetensors");
    const std::string base = R"("hidden_size":64,"num_hidden_layers":5,"num_attention_heads":8,"num_key_value_heads":4,"intermediate_size":172,"vocab_size":512)";
    struct Case {
        std::string config, fragment;
    };
    std::vector<Case> cases = {
        {R"({"model_type":"gpt2",)" + base + "}", "supported: llama"},
        {R"({"model_type":"llama"})", "hidden_size"},
        {R"({"model_type":"llama",)" + base + R"(,"num_key_value_heads":3})", "not a multiple"},
        {R"({"model_type":"llama",)" + base + R"(,"hidden_size":"64"})", "must be an integer"},
        {R"({"model_type":"llama",)" + base + R"(,"rope_scaling":{"rope_type":"yarn","factor":4}})", "yarn"},
        {R"({"model_type":"llama",)" + base + R"(,"eos_token_id":[2,"x"]})", "eos_token_id"},
        {R"({"model_type":"llama",)" + base + R"(,"eos_token_id":9999})", "outside the vocabulary"},
        {R"({"model_type":"llama",)" + base + R"(,"vocab_size":1000000000})", "implausibly large"},
        {"not json", "not valid JSON"},
        {R"({"model_type":"llama",)" + base + R"(,"vocab_size":500})", "model.embed_tokens.weight"},
    };
    for (const auto& c : cases) {
        writeText(dir + "/config.json", c.config);
        auto r = loadModel(dir);
        ASSERT_FALSE(r.ok()) << c.config;
        EXPECT_NE(r.message().find(c.fragment), std::string::npos) << r.message();
        EXPECT_NE(r.message().find(dir), std::string::npos) << r.message();
    }
    writeText(dir + "/config.json", R"({"model_type":"llama",)" + base +
                                        R"(,"rope_scaling":{"rope_type":"llama3","factor":8.0,"low_freq_factor":1.0,"high_freq_factor":4.0,"original_max_position_embeddings":8192}})");
    auto ok = inspectModel(dir);
    ASSERT_TRUE(ok.ok()) << ok.message();
    EXPECT_TRUE(ok->config.ropeScaling.enabled);
    EXPECT_FLOAT_EQ(ok->config.ropeScaling.factor, 8.0f);
    EXPECT_FALSE(loadModel(dir + "/nothing-here").ok());
    EXPECT_FALSE(loadModel(dir + "/config.json").ok());
}

TEST(ModelLoader, RefusesBadGgufModels) {
    auto src = GgufFile::open(tbtest::stories("stories260K-f32.gguf"));
    ASSERT_TRUE(src.ok());
    auto rewrite = [&](const std::string& dropKey, const std::string& setKey, const GgufValue& value, const std::string& dropTensor) {
        GgufMetadata meta;
        for (const auto& key : src.value()->keys()) {
            if (key == dropKey) continue;
            meta.emplace_back(key, key == setKey ? value : *src.value()->find(key));
        }
        std::vector<NamedTensor> tensors;
        for (const auto& t : src.value()->tensors()) {
            if (t.name == dropTensor) continue;
            NamedTensor nt{t.name, std::vector<int64_t>(t.ne.rbegin(), t.ne.rend()), src.value()->readTensor(t.name).value()};
            tensors.push_back(std::move(nt));
        }
        const std::string path = tbtest::scratchDir("bad_gguf") + "/m.gguf";
        EXPECT_TRUE(writeGguf(path, meta, tensors).ok());
        return path;
    };
    auto expectFail = [](const std::string& path, const std::string& fragment) {
        auto r = loadModel(path);
        ASSERT_FALSE(r.ok()) << fragment;
        EXPECT_NE(r.message().find(fragment), std::string::npos) << r.message();
        EXPECT_NE(r.message().find("m.gguf"), std::string::npos) << r.message();
    };
    expectFail(rewrite("", "general.architecture", ggufString("gpt2"), ""), "supported: llama");
    expectFail(rewrite("llama.block_count", "", {}, ""), "llama.block_count");
    expectFail(rewrite("", "llama.embedding_length", ggufString("64"), ""), "not an integer");
    expectFail(rewrite("", "llama.attention.head_count_kv", ggufUint32(3), ""), "not a multiple");
    expectFail(rewrite("", "llama.rope.dimension_count", ggufUint32(4), ""), "partial rotary");
    expectFail(rewrite("", "", {}, "blk.2.ffn_up.weight"), "blk.2.ffn_up.weight");
    expectFail(rewrite("", "llama.feed_forward_length", ggufUint32(160), ""), "blk.0.ffn_gate.weight");
    // Untouched rewrite loads fine (so the failures above are the edits).
    auto fine = loadModel(rewrite("", "", {}, ""));
    ASSERT_TRUE(fine.ok()) << fine.message();
    // Cancelling stops the load.
    auto cancelled = loadModel(tbtest::stories("stories260K-f32.gguf"), [](const Progress& p) { return p.done < 5; });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().kind, ErrorKind::Cancelled);
}
