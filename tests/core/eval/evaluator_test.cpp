// The Evaluator on the real tiny model stories260K: stored predictions, re-scoring, cancellation,
// a zero-B adapter, agreement with generate(), a hand-checked accuracy, and prompts built as in training.
#include "core/eval/evaluator.h"

#include "core/infer/generate.h"
#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace tb;
using namespace tb::eval;
namespace fs = std::filesystem;

namespace {

std::string modelDir() { return std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/hf"; }

fs::path tempDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("tb_evaluator_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

Record pc(const std::string& id, const std::string& prompt, const std::string& completion, std::string label = {}) {
    Record r;
    r.id = id;
    r.prompt = prompt;
    r.completion = completion;
    r.label = std::move(label);
    return r;
}

std::vector<Record> stories() {
    return {pc("a", "Once upon a time", " there was a little girl."), pc("b", "Lily wanted to", " play outside."),
            pc("c", "The dog", " ran to the park."), pc("d", "One day, Tom", " saw a big red ball."),
            pc("e", "The sun was", " shining.")};
}

EvalModelSpec baseSpec() {
    EvalModelSpec s;
    s.modelPath = modelDir();
    s.engine.threads = 1;
    return s;
}

std::vector<std::string> predictionsOf(const std::vector<PredictionRecord>& recs) {
    std::vector<std::string> out;
    for (const auto& r : recs) out.push_back(r.prediction);
    return out;
}

// The continuation generate() gives for the trainer-style prompt (BOS + prompt: this model has no template).
// The evaluator stores an output as text of its own (what a reviewer reads and a metric scores), so it is
// compared with generate()'s reply-only decoding.
std::string directGenerate(const EvalModel& m, const std::string& prompt, int maxTokens) {
    InferenceSession session(m.bundle.model);
    GenerateOptions o;
    o.maxTokens = maxTokens;
    o.replyOnly = true;
    auto r = generate(session, m.bundle.tokenizer, m.bundle.tokenizer->encode(prompt, true), o);
    EXPECT_TRUE(r.ok()) << r.message();
    return r.ok() ? r->text : std::string();
}

}  // namespace

TEST(Evaluator, StoresPredictionsWithLatencyTokensAndIdentityAndRescoresTheSame) {
    fs::path dir = tempDir("store");
    EvaluatorOptions o;
    o.predictionsPath = (dir / "preds.jsonl").string();
    o.batchSize = 2;
    auto run = runEvaluation(baseSpec(), stories(), o);
    ASSERT_TRUE(run.ok()) << run.message();
    ASSERT_EQ(run->predictions.records.size(), 5u);
    EXPECT_EQ(run->report.count, 5);
    EXPECT_GT(run->maxNewTokens, 16);  // longest reference in tokens + margin 16
    EXPECT_LE(run->maxNewTokens, 256);
    auto tok = run->predictions.records;
    auto stored = readPredictionsFile(o.predictionsPath);
    ASSERT_TRUE(stored.ok()) << stored.message();
    EXPECT_TRUE(stored->errors.empty());
    ASSERT_EQ(stored->records.size(), 5u);
    for (size_t i = 0; i < 5; ++i) {
        const PredictionRecord& r = stored->records[i];
        EXPECT_EQ(r.id, stories()[i].id);
        EXPECT_EQ(r.prompt, stories()[i].prompt);
        ASSERT_EQ(r.references.size(), 1u);
        EXPECT_EQ(r.references[0], stories()[i].completion);
        EXPECT_EQ(r.prediction, tok[i].prediction);
        EXPECT_GT(r.latencyMs, 0.0);
        EXPECT_GT(r.promptTokens, 1);  // BOS + prompt
        EXPECT_GE(r.completionTokens, 1);
        EXPECT_LE(r.completionTokens, run->maxNewTokens);
        EXPECT_EQ(r.model["path"], modelDir());
        EXPECT_TRUE(r.model["adapter"].is_null());
    }
    EXPECT_EQ(run->report.cost.latencyCount, 5);
    EXPECT_GT(run->report.cost.tokensPerSecond, 0.0);
    // Re-scoring the stored file gives the same report.
    auto again = scorePredictions(*stored, o.score);
    ASSERT_TRUE(again.ok()) << again.message();
    nlohmann::json a = run->report.toJson(), b = again->toJson();
    a.erase("predictions_file");
    b.erase("predictions_file");
    EXPECT_EQ(a.dump(), b.dump());
    EXPECT_EQ(run->toJson()["predictions_file"], o.predictionsPath);
    fs::remove_all(dir);
}

TEST(Evaluator, MatchesGenerateDirectlyWhetherBatchedOrNot) {
    auto model = loadEvalModel(baseSpec());
    ASSERT_TRUE(model.ok()) << model.message();
    std::vector<LineError> skipped;
    auto examples = buildEvalExamples(*model, stories(), 0, &skipped);
    ASSERT_EQ(examples.size(), 5u);
    EXPECT_TRUE(skipped.empty());
    EvaluatorOptions o;
    o.maxNewTokens = 12;
    o.batchSize = 1;
    auto one = generatePredictions(*model, examples, o);
    ASSERT_TRUE(one.ok()) << one.message();
    o.batchSize = 3;  // batches of 3 and 2, sessions finishing at different steps
    auto three = generatePredictions(*model, examples, o);
    ASSERT_TRUE(three.ok()) << three.message();
    for (size_t i = 0; i < examples.size(); ++i) {
        const std::string direct = directGenerate(*model, stories()[i].prompt, 12);
        EXPECT_FALSE(direct.empty());
        EXPECT_EQ((*one)[i].prediction, direct) << i;
        EXPECT_EQ((*three)[i].prediction, direct) << i;
        EXPECT_EQ((*one)[i].promptTokens, (long long)model->bundle.tokenizer->encode(stories()[i].prompt, true).size());
    }
}

TEST(Evaluator, CancelStopsTheRun) {
    auto model = loadEvalModel(baseSpec());
    ASSERT_TRUE(model.ok()) << model.message();
    auto examples = buildEvalExamples(*model, stories(), 0, nullptr);
    int calls = 0;
    long long lastDone = -1;
    EvaluatorOptions o;
    o.maxNewTokens = 50;
    auto r = generatePredictions(*model, examples, o, [&](const Progress& p) {
        lastDone = p.done;
        return ++calls < 8;
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_EQ(calls, 8);
    EXPECT_LT(lastDone, 5);
    // Without cancelling, progress reaches the total.
    lastDone = -1;
    auto full = generatePredictions(*model, examples, o, [&](const Progress& p) {
        EXPECT_EQ(p.total, 5);
        lastDone = p.done;
        return true;
    });
    ASSERT_TRUE(full.ok()) << full.message();
    EXPECT_EQ(lastDone, 5);
}

TEST(Evaluator, ZeroBAdapterGivesTheBasePredictionsAndATrainedOneDoesNot) {
    fs::path dir = tempDir("adapter");
    auto model = loadEvalModel(baseSpec());
    ASSERT_TRUE(model.ok()) << model.message();
    const ModelConfig& config = model->bundle.model->config();
    train::LoraSettings settings;
    settings.targets = {"q", "k", "v", "o", "gate", "up", "down"};
    auto adapter = train::initLoraAdapter(config, settings, 7);  // A random, B = 0
    ASSERT_TRUE(adapter.ok()) << adapter.message();
    ASSERT_TRUE(train::writePeftAdapter((dir / "zero").string(), *adapter).ok());
    std::mt19937 rng(3);
    std::normal_distribution<float> nd(0.0f, 0.5f);
    for (auto& [key, pair] : adapter->modules)
        for (Eigen::Index i = 0; i < pair.b.size(); ++i) pair.b.data()[i] = nd(rng);
    ASSERT_TRUE(train::writePeftAdapter((dir / "moved").string(), *adapter).ok());

    EvaluatorOptions o;
    o.maxNewTokens = 10;
    auto base = runEvaluation(baseSpec(), stories(), o);
    ASSERT_TRUE(base.ok()) << base.message();
    EvalModelSpec zero = baseSpec();
    zero.adapterDir = (dir / "zero").string();
    auto withZero = runEvaluation(zero, stories(), o);
    ASSERT_TRUE(withZero.ok()) << withZero.message();
    EXPECT_EQ(predictionsOf(withZero->predictions.records), predictionsOf(base->predictions.records));
    EXPECT_EQ(withZero->predictions.records[0].model["adapter"], zero.adapterDir);
    EvalModelSpec moved = baseSpec();
    moved.adapterDir = (dir / "moved").string();
    auto withMoved = runEvaluation(moved, stories(), o);
    ASSERT_TRUE(withMoved.ok()) << withMoved.message();
    EXPECT_NE(predictionsOf(withMoved->predictions.records), predictionsOf(base->predictions.records));
    // An adapter for another model is refused with the folder named.
    EvalModelSpec missing = baseSpec();
    missing.adapterDir = (dir / "nope").string();
    auto bad = runEvaluation(missing, stories(), o);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.message().find("nope"), std::string::npos) << bad.message();
    fs::remove_all(dir);
}

TEST(Evaluator, ClassificationAccuracyMatchesAHandCheck) {
    auto model = loadEvalModel(baseSpec());
    ASSERT_TRUE(model.ok()) << model.message();
    // Labels: what the model says for the first two prompts (right), a label it never says for the rest.
    const std::vector<std::string> prompts = {"Once upon a time", "The dog", "Lily wanted to", "The sun was"};
    std::vector<std::string> said;
    for (const auto& p : prompts) said.push_back(directGenerate(*model, p, 2));
    ASSERT_NE(said[0], said[1]);
    std::vector<Record> recs;
    for (size_t i = 0; i < prompts.size(); ++i)
        recs.push_back(pc("r" + std::to_string(i), prompts[i], "", i < 2 ? said[i] : "zebra"));
    EvaluatorOptions o;
    o.maxNewTokens = 2;
    o.score.task = EvalTask::Classification;
    o.score.labels = {said[0], said[1], "zebra"};
    auto run = runEvaluation(baseSpec(), recs, o);
    ASSERT_TRUE(run.ok()) << run.message();
    for (size_t i = 0; i < prompts.size(); ++i) EXPECT_EQ(run->predictions.records[i].prediction, said[i]);
    ASSERT_TRUE(run->report.classification.has_value());
    // Hand check: r0 and r1 right; r2 and r3 said something that is not "zebra".
    long long right = 0;
    for (size_t i = 0; i < prompts.size(); ++i) right += said[i] == recs[i].label;
    EXPECT_EQ(right, 2);
    EXPECT_DOUBLE_EQ(run->report.accuracy(), 0.5);
    EXPECT_DOUBLE_EQ(*reportMetric(run->report, "accuracy"), double(right) / 4.0);
}

TEST(Evaluator, EmptyOutputsAreScoredNotFatal) {
    // Stop strings that cut almost every output at its first character: the model "says nothing".
    EvaluatorOptions o;
    o.maxNewTokens = 8;
    for (char c = 'a'; c <= 'z'; ++c) o.stopStrings.push_back(std::string(1, c));
    o.stopStrings.push_back(" ");
    auto run = runEvaluation(baseSpec(), stories(), o);
    ASSERT_TRUE(run.ok()) << run.message();
    long long empty = 0;
    for (const auto& r : run->predictions.records) empty += r.prediction.empty();
    EXPECT_GE(empty, 3);
    EXPECT_EQ(run->report.count, 5);
    EXPECT_LT(run->report.rouge.rougeL.fmeasure, 0.2);
}

TEST(Evaluator, DatasetFileRejectsAndUnusableRecordsAreReportedWithLines) {
    fs::path dir = tempDir("file");
    const std::string path = (dir / "data.jsonl").string();
    {
        std::ofstream f(path);
        f << R"({"prompt": "Once upon a time", "completion": " there was a girl."})" << "\n";
        f << "{not json\n";
        f << R"({"text": "Just a story with no prompt."})" << "\n";
        f << R"({"prompt": "The dog", "completion": " ran."})" << "\n";
    }
    EvaluatorOptions o;
    o.maxNewTokens = 4;
    auto run = runEvaluationOnFile(baseSpec(), path, o);
    ASSERT_TRUE(run.ok()) << run.message();
    EXPECT_EQ(run->predictions.records.size(), 2u);
    ASSERT_FALSE(run->report.errors.empty());
    bool sawLine2 = false;
    for (const auto& e : run->report.errors) sawLine2 = sawLine2 || (e.line == 2 && e.file == path);
    EXPECT_TRUE(sawLine2) << run->toJson()["errors"].dump();
    // --limit
    o.limit = 1;
    auto limited = runEvaluationOnFile(baseSpec(), path, o);
    ASSERT_TRUE(limited.ok()) << limited.message();
    EXPECT_EQ(limited->predictions.records.size(), 1u);
    fs::remove_all(dir);
}

TEST(EvalPrompt, ChatPromptIsWhatTheTrainerPutsBeforeTheAssistantTokens) {
    // A toy tokenizer (one id per byte) and template, so the check needs no model.
    train::ExampleEncoder enc;
    enc.vocabSize = 300;
    enc.eosIds = {299};
    enc.encode = [](const std::string& text, bool addSpecial) {
        std::vector<int> ids;
        if (addSpecial) ids.push_back(256);
        for (unsigned char c : text) ids.push_back(c);
        return ids;
    };
    enc.renderChat = [](const std::vector<ChatMessage>& msgs, bool addGen) -> Result<std::string> {
        std::string s = "[BOS]";
        for (const auto& m : msgs) s += "<" + m.role + ">" + m.content + "</>";
        if (addGen) s += "<assistant>";
        return s;
    };
    Record r;
    r.format = RecordFormat::ChatMessages;
    r.messages = {{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello"}, {"user", "Sky?"},
                  {"assistant", "Blue"}, {"user", "trailing"}};
    auto ex = buildEvalExample(r, enc, 0);
    ASSERT_TRUE(ex.ok()) << ex.message();
    ASSERT_EQ(ex->references, std::vector<std::string>{"Blue"});
    std::vector<ChatMessage> head(r.messages.begin(), r.messages.begin() + 4);
    auto expected = enc.encode(*enc.renderChat(head, true), true);
    EXPECT_EQ(ex->promptIds, expected);
    EXPECT_NE(ex->promptText.find("user: Sky?"), std::string::npos);
    // Prompt/completion without a template: BOS + prompt, as training encodes it.
    enc.renderChat = nullptr;
    Record p = pc("", "Q: 2+2?", " 4");
    auto plain = buildEvalExample(p, enc, 4);
    ASSERT_TRUE(plain.ok()) << plain.message();
    EXPECT_EQ(plain->promptIds, enc.encode("Q: 2+2?", true));
    EXPECT_EQ(plain->id, "record-5");
    // Plain text and conversations without an assistant turn are refused with the place named.
    Record t;
    t.format = RecordFormat::PlainText;
    t.text = "story";
    t.sourceFile = "d.jsonl";
    t.sourceLine = 9;
    auto refused = buildEvalExample(t, enc, 0);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("d.jsonl:9"), std::string::npos);
    Record noAsst;
    noAsst.format = RecordFormat::ChatMessages;
    noAsst.messages = {{"user", "hello"}};
    EXPECT_FALSE(buildEvalExample(noAsst, enc, 0).ok());
}

TEST(EvalModelSpec, ParsesPathAndAdapter) {
    EXPECT_EQ(parseModelSpec("/m/base").modelPath, "/m/base");
    EXPECT_TRUE(parseModelSpec("/m/base").adapterDir.empty());
    auto s = parseModelSpec("/m/base:/runs/3/adapter");
    EXPECT_EQ(s.modelPath, "/m/base");
    EXPECT_EQ(s.adapterDir, "/runs/3/adapter");
    auto w = parseModelSpec("C:\\m\\base:D:\\a");
    EXPECT_EQ(w.modelPath, "C:\\m\\base");
    EXPECT_EQ(w.adapterDir, "D:\\a");
}
