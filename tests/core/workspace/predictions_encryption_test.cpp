// Predictions, stored comparisons and review ratings encrypted at rest, converting those written before, and
// the whole path in an encrypted workspace — split, version, evaluate a real model (stories260K), store a
// comparison and ratings — after which no byte of a known record is found anywhere under the workspace.
#include "core/data/dataset_version.h"
#include "core/data/splitter.h"
#include "core/eval/comparison_store.h"
#include "core/eval/evaluator.h"
#include "core/eval/prediction_store.h"
#include "core/eval/review_ratings.h"
#include "core/workspace/workspace_file_io.h"

#include "encryption_test_util.h"

using namespace tb;
using namespace tb::eval;
using namespace tbenc;

namespace {

PredictionSet sampleSet(const std::string& prediction) {
    PredictionSet s;
    for (int i = 0; i < 3; ++i) {
        PredictionRecord r;
        r.id = "ex-" + std::to_string(i);
        r.prompt = "Ticket from Wilhelmina Quokka-Zebra #" + std::to_string(i);
        r.references = {"billing"};
        r.prediction = prediction;
        s.records.push_back(r);
    }
    return s;
}

}  // namespace

TEST(PredictionsEncryption, PredictionsFileRoundTripWrongKeyAndNoKey) {
    TempDir dir("pred_roundtrip");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    WorkspaceKey other = makeKey(dir.file("o.key"));
    const std::string path = dir.file("evaluations/base.predictions.jsonl");
    std::filesystem::create_directories(dir.file("evaluations"));
    ASSERT_TRUE(writePredictionsFile(path, sampleSet("billing").records, &key).ok());
    EXPECT_TRUE(fileLooksEncrypted(path));
    EXPECT_TRUE(filesContaining(dir.path(), "Quokka").empty());
    auto back = readPredictionsFile(path, &key);
    ASSERT_TRUE(back.ok()) << back.message();
    ASSERT_EQ(back->records.size(), 3u);
    EXPECT_EQ(back->records[1].prompt, "Ticket from Wilhelmina Quokka-Zebra #1");
    EXPECT_TRUE(back->errors.empty());
    EXPECT_FALSE(readPredictionsFile(path, &other).ok());
    auto locked = readPredictionsFile(path);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("is encrypted: unlock the workspace"), std::string::npos) << locked.message();
    // Without a key the format is unchanged.
    const std::string plain = dir.file("evaluations/plain.predictions.jsonl");
    ASSERT_TRUE(writePredictionsFile(plain, sampleSet("billing").records).ok());
    EXPECT_EQ(readAll(plain), predictionsToJsonl(sampleSet("billing").records));
}

TEST(PredictionsEncryption, ComparisonsAndRatingsAreEncryptedAndReloadOnlyWithTheKey) {
    TempDir dir("pred_comparison");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    const std::string evalDir = dir.file("ws/evaluations");
    PredictionSet a = sampleSet("billing"), b = sampleSet("shipping");
    ComparisonSource source;
    source.modelA = "base";
    source.modelB = "tuned";
    source.data = "tickets@abc/test.jsonl";
    source.score.task = EvalTask::Classification;
    auto cmp = comparePredictions(a, b, source.score);
    ASSERT_TRUE(cmp.ok()) << cmp.message();
    auto saved = saveComparison(evalDir, source, a, b, *cmp, &key);
    ASSERT_TRUE(saved.ok()) << saved.message();
    ReviewRatings ratings;
    ASSERT_TRUE(ratings.set("ex-0", ReviewSide::B, 2, "says shipping for Quokka-Zebra's refund").ok());
    ASSERT_TRUE(writeRatingsFile(ratingsPathFor(*saved), ratings, &key).ok());
    EXPECT_TRUE(filesContaining(dir.file("ws"), "Quokka").empty());
    EXPECT_EQ(listComparisons(evalDir).size(), 1u);  // the manifest stays readable for the list

    auto loaded = loadComparison(*saved, {}, &key);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    EXPECT_EQ(loaded->result.examples.size(), 3u);
    auto r = readRatingsFile(ratingsPathFor(*saved), &key);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->get("ex-0").b.rating, 2);
    EXPECT_FALSE(loadComparison(*saved).ok());
    EXPECT_FALSE(readRatingsFile(ratingsPathFor(*saved)).ok());
    // Swapping A and B is detected.
    std::filesystem::copy_file(*saved + "/predictions_a.jsonl", *saved + "/predictions_b.jsonl",
                               std::filesystem::copy_options::overwrite_existing);
    EXPECT_FALSE(loadComparison(*saved, {}, &key).ok());
}

TEST(PredictionsEncryption, PredictionsWrittenBeforeEncryptionAreConverted) {
    TempDir dir("pred_convert");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    const std::string evalDir = dir.file("ws/evaluations");
    std::filesystem::create_directories(evalDir);
    ASSERT_TRUE(writePredictionsFile(evalDir + "/demo-base-predictions.jsonl", sampleSet("x").records).ok());
    ComparisonSource source;
    source.modelA = "a";
    source.modelB = "b";
    auto cmp = comparePredictions(sampleSet("x"), sampleSet("y"), source.score);
    ASSERT_TRUE(cmp.ok());
    auto saved = saveComparison(evalDir, source, sampleSet("x"), sampleSet("y"), *cmp);
    ASSERT_TRUE(saved.ok());
    ReviewRatings ratings;
    ASSERT_TRUE(ratings.set("ex-1", ReviewSide::A, 5, "Quokka").ok());
    ASSERT_TRUE(writeRatingsFile(ratingsPathFor(*saved), ratings).ok());
    ASSERT_FALSE(filesContaining(dir.file("ws"), "Quokka").empty());
    auto top = encryptPredictionFilesIn(evalDir, key);
    ASSERT_TRUE(top.ok()) << top.message();
    EXPECT_EQ(*top, 1);
    auto stored = encryptStoredComparisons(evalDir, key);
    ASSERT_TRUE(stored.ok()) << stored.message();
    EXPECT_EQ(*stored, 3);
    EXPECT_TRUE(filesContaining(dir.file("ws"), "Quokka").empty());
    EXPECT_TRUE(loadComparison(*saved, {}, &key).ok());
    EXPECT_TRUE(readPredictionsFile(evalDir + "/demo-base-predictions.jsonl", &key).ok());
}

TEST(PredictionsEncryption, NoPlaintextRecordByteUnderAnEncryptedWorkspaceAfterImportSplitVersionAndEval) {
    TempDir dir("pred_end_to_end");
    const std::string ws = dir.file("ws");
    std::filesystem::create_directories(ws + "/evaluations");
    makeKey(dir.file("ws.key"));
    ASSERT_TRUE(enableWorkspaceEncryptionWithKeyFile(ws, dir.file("ws.key")).ok());
    auto key = unlockWorkspace(ws, "", dir.file("ws.key"));
    ASSERT_TRUE(key.ok()) << key.message();

    // Import + split happen in the user's own folder; the version is what enters the workspace.
    std::string source;
    for (int i = 0; i < 12; ++i)
        source += "{\"prompt\":\"Once upon a time Quokka-Zebra " + std::to_string(i) + "\",\"completion\":\" there was a cat.\"}\n";
    writeText(dir.file("src/stories.jsonl"), source);
    SplitOptions split;
    split.validation = 0.0;
    split.test = 0.25;
    ASSERT_TRUE(splitFile(dir.file("src/stories.jsonl"), dir.file("src/split"), ImportOptions{}, split).ok());
    CreateVersionOptions vo;
    vo.name = "stories";
    vo.key = &*key;
    auto version = createDatasetVersion(ws + "/datasets", dir.file("src/split"), vo);
    ASSERT_TRUE(version.ok()) << version.message();

    EvalModelSpec spec;
    spec.modelPath = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/hf";
    spec.engine.threads = 1;
    EvaluatorOptions o;
    o.key = &*key;
    o.maxNewTokens = 4;
    o.limit = 3;
    o.predictionsPath = ws + "/evaluations/stories.base.predictions.jsonl";
    auto run = runEvaluationOnFile(spec, version->dir + "/test.jsonl", o);
    ASSERT_TRUE(run.ok()) << run.message();
    ASSERT_FALSE(run->predictions.records.empty());
    EXPECT_NE(run->predictions.records[0].prompt.find("Quokka-Zebra"), std::string::npos);
    auto cmp = comparePredictions(run->predictions, run->predictions, ScoreOptions{});
    ASSERT_TRUE(cmp.ok()) << cmp.message();
    ComparisonSource cs;
    cs.modelA = spec.modelPath;
    cs.modelB = spec.modelPath;
    cs.data = version->dir + "/test.jsonl";
    ASSERT_TRUE(saveComparison(ws + "/evaluations", cs, run->predictions, run->predictions, *cmp, &*key).ok());

    const auto hits = filesContaining(ws, "Quokka");
    EXPECT_TRUE(hits.empty()) << hits.front();
    EXPECT_TRUE(filesContaining(ws, "there was a cat").empty());
    // The same evaluation without the key is refused with the version named.
    EvaluatorOptions noKey = o;
    noKey.key = nullptr;
    auto locked = runEvaluationOnFile(spec, version->dir + "/test.jsonl", noKey);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("dataset version stories@"), std::string::npos) << locked.message();
    EXPECT_NE(locked.message().find("is encrypted: unlock the workspace"), std::string::npos);
}
