// A training run in an encrypted workspace: with the workspace key the run folder's adapters and
// checkpoints are encrypted blobs (no plaintext tensor name, config or checkpoint magic on disk), they
// read back bit-identical to a plain run of the same seed, an interrupted run resumes exactly from its
// encrypted checkpoint, and without the key, with another key or under another file name they are refused.
#include "core/train/checkpoint.h"
#include "core/train/lora_init.h"
#include "core/train/peft_adapter.h"
#include "core/train/train_run.h"
#include "core/train/trainer.h"
#include "core/workspace/workspace_file_io.h"
#include "tests/core/workspace/encryption_test_util.h"
#include "trainer_test_util.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace tb::train {
namespace {
namespace fs = std::filesystem;
using namespace testing;

using tbenc::filesContaining;
using tbenc::readAll;

// A fresh random workspace key, as `workspace encrypt --key-file` loads it (the key file is removed).
WorkspaceKey randomKey(const tbenc::TempDir& dir, const std::string& name) {
    WorkspaceKey key = tbenc::makeKey(dir.file(name));
    fs::remove(dir.file(name));
    return key;
}

void writeData(const std::string& dir) {
    std::ofstream tr(dir + "/train.jsonl"), va(dir + "/val.jsonl");
    for (const Record& r : promptCompletionRecords(8))
        tr << nlohmann::json{{"prompt", r.prompt}, {"completion", r.completion}}.dump() << "\n";
    for (const Record& r : promptCompletionRecords(2, 8))
        va << nlohmann::json{{"prompt", r.prompt}, {"completion", r.completion + "!"}}.dump() << "\n";
}

TrainJobOptions jobFor(const std::string& dir, const std::string& out, const WorkspaceKey* key) {
    TrainJobOptions o;
    o.modelPath = "tiny-test-model";
    o.dataPath = dir + "/train.jsonl", o.valPath = dir + "/val.jsonl", o.outDir = out;
    o.config = smallConfig();
    o.config.evalEvery = 2;
    o.config.checkpointEvery = 2;
    o.key = key;
    return o;
}

void expectSameAdapter(const LoraAdapter& a, const LoraAdapter& b) {
    ASSERT_EQ(a.modules.size(), b.modules.size());
    EXPECT_EQ(a.rank, b.rank);
    EXPECT_EQ(a.alpha, b.alpha);
    EXPECT_EQ(a.targets, b.targets);
    for (const auto& [name, pair] : a.modules) {
        ASSERT_TRUE(b.modules.count(name)) << name;
        EXPECT_TRUE(pair.a == b.modules.at(name).a) << name;  // bit for bit
        EXPECT_TRUE(pair.b == b.modules.at(name).b) << name;
    }
}

TEST(RunEncryption, AdaptersAndCheckpointsAreEncryptedAndReadBackIdentical) {
    tbenc::TempDir dir("run_job");
    writeData(dir.path());
    const WorkspaceKey key = randomKey(dir, "ws.key");

    ModelWeights plainWeights = smallModel();
    auto plain = runTrainingJob(plainWeights, charEncoder(), jobFor(dir.path(), dir.path() + "/plain", nullptr));
    ASSERT_TRUE(plain.ok()) << plain.message();
    ModelWeights encWeights = smallModel();
    auto enc = runTrainingJob(encWeights, charEncoder(), jobFor(dir.path(), dir.path() + "/enc", &key));
    ASSERT_TRUE(enc.ok()) << enc.message();
    EXPECT_EQ(enc->result.stepLosses, plain->result.stepLosses);  // encryption changes nothing but the bytes

    const std::string run = dir.path() + "/enc";
    std::vector<std::string> protectedFiles = {run + "/adapter/adapter_model.safetensors",
                                               run + "/adapter/adapter_config.json"};
    for (const auto& [step, path] : listCheckpoints(run + "/checkpoints")) protectedFiles.push_back(path);
    if (fs::exists(run + "/checkpoints/best.ckpt")) protectedFiles.push_back(run + "/checkpoints/best.ckpt");
    if (!enc->bestAdapterDir.empty()) protectedFiles.push_back(enc->bestAdapterDir + "/adapter_model.safetensors");
    ASSERT_GE(protectedFiles.size(), size_t(3));
    for (const auto& f : protectedFiles) EXPECT_TRUE(fileLooksEncrypted(f)) << f;
    EXPECT_TRUE(peftAdapterIsEncrypted(enc->adapterDir));
    EXPECT_FALSE(peftAdapterIsEncrypted(plain->adapterDir));
    // The plain run shows what a leak would look like; the encrypted one holds none of it.
    for (const char* needle : {"lora_A", "peft_type", "TBCKPT01"}) {
        EXPECT_FALSE(filesContaining(dir.path() + "/plain", needle).empty()) << needle;
        EXPECT_TRUE(filesContaining(run, needle).empty()) << needle;
    }
    // run.json and metrics.jsonl hold settings and numbers and stay readable.
    EXPECT_FALSE(fileLooksEncrypted(run + "/run.json"));
    EXPECT_FALSE(fileLooksEncrypted(run + "/metrics.jsonl"));

    auto backPlain = readPeftAdapter(plain->adapterDir, &plainWeights.config);
    auto backEnc = readPeftAdapter(enc->adapterDir, &encWeights.config, &key);
    ASSERT_TRUE(backPlain.ok()) << backPlain.message();
    ASSERT_TRUE(backEnc.ok()) << backEnc.message();
    expectSameAdapter(*backEnc, *backPlain);
    // From memory, as a registered artifact is read.
    auto fromMemory = parsePeftAdapter("artifact", readAll(plain->adapterDir + "/adapter_config.json"),
                                       readAll(plain->adapterDir + "/adapter_model.safetensors"), &plainWeights.config);
    ASSERT_TRUE(fromMemory.ok()) << fromMemory.message();
    expectSameAdapter(*fromMemory, *backPlain);

    // Refusals: no key (clear message naming the adapter), another key, a file copied under another name.
    auto locked = readPeftAdapter(enc->adapterDir, &encWeights.config);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("adapter " + enc->adapterDir + " is encrypted: unlock the workspace"),
              std::string::npos) << locked.message();
    const WorkspaceKey other = randomKey(dir, "other.key");
    EXPECT_FALSE(readPeftAdapter(enc->adapterDir, &encWeights.config, &other).ok());
    fs::create_directories(run + "/moved");
    fs::copy_file(run + "/adapter/adapter_config.json", run + "/moved/adapter_config.json");
    fs::copy_file(run + "/adapter/adapter_model.safetensors", run + "/moved/adapter_model.safetensors");
    auto moved = readPeftAdapter(run + "/moved", &encWeights.config, &key);
    EXPECT_FALSE(moved.ok()) << "a blob bound to adapter/ decrypted under moved/";
}

TEST(RunEncryption, ResumeFromEncryptedCheckpointIsExact) {
    tbenc::TempDir dir("run_resume");
    const WorkspaceKey key = randomKey(dir, "ws.key");
    const auto recs = promptCompletionRecords(10);
    ModelWeights w0 = smallModel();
    auto full = Trainer::create(w0, examplesFor(recs), {}, smallConfig());
    const std::vector<double> reference = (*full)->run()->stepLosses;

    TrainConfig c = smallConfig(dir.path() + "/run");
    c.key = &key;
    ModelWeights w1 = smallModel();
    auto first = Trainer::create(w1, examplesFor(recs), {}, c);
    auto r1 = (*first)->run([](const TrainProgress& p) { return p.step == 4 ? TrainControl::Cancel : TrainControl::Continue; });
    ASSERT_TRUE(r1.ok() && r1->cancelled);
    auto list = listCheckpoints(dir.path() + "/run/checkpoints");
    ASSERT_FALSE(list.empty());
    for (const auto& [step, path] : list) EXPECT_TRUE(fileLooksEncrypted(path)) << path;

    // Without the key the run cannot resume, and says why.
    c.resume = true;
    TrainConfig locked = c;
    locked.key = nullptr;
    ModelWeights w2 = smallModel();
    auto noKey = Trainer::create(w2, examplesFor(recs), {}, locked);
    auto r2 = (*noKey)->run();
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.message().find("is encrypted: unlock the workspace"), std::string::npos) << r2.message();

    ModelWeights w3 = smallModel();
    auto second = Trainer::create(w3, examplesFor(recs), {}, c);
    auto r3 = (*second)->run();
    ASSERT_TRUE(r3.ok()) << r3.message();
    EXPECT_TRUE(r3->resumedFrom);
    EXPECT_EQ(r3->resumedStep, 4);
    std::vector<double> joined = r1->stepLosses;
    joined.insert(joined.end(), r3->stepLosses.begin(), r3->stepLosses.end());
    EXPECT_EQ(joined, reference);
}

TEST(RunEncryption, CheckpointBoundToItsName) {
    tbenc::TempDir dir("run_bound");
    const WorkspaceKey key = randomKey(dir, "ws.key");
    ModelWeights w = smallModel();
    auto adapter = initLoraAdapter(w.config, smallConfig().lora, 7);
    ASSERT_TRUE(adapter.ok()) << adapter.message();
    TrainModel view(w, &*adapter, TrainMethod::Lora);
    std::vector<ParamRef> params = view.params();
    int64_t total = 0;
    for (const ParamRef& p : params) total += p.size;
    std::vector<float> m(size_t(total), 0.25f), v(size_t(total), 0.5f);
    LoopState state;
    state.step = 12, state.fingerprint = "abc";
    fs::create_directories(dir.path() + "/checkpoints");
    const std::string path = dir.path() + "/checkpoints/" + checkpointFileName(12);
    ASSERT_TRUE(saveCheckpoint(path, state, params, m, v, 12, &key).ok());
    EXPECT_TRUE(fileLooksEncrypted(path));
    std::vector<float> m2, v2;
    auto back = loadCheckpoint(path, params, m2, v2, &key);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->state.step, 12);
    EXPECT_EQ(m2, m);
    EXPECT_EQ(v2, v);
    // Renamed (e.g. a stale step passed off as best.ckpt): authentication fails.
    fs::copy_file(path, dir.path() + "/checkpoints/best.ckpt");
    EXPECT_FALSE(loadCheckpoint(dir.path() + "/checkpoints/best.ckpt", params, m2, v2, &key).ok());
    // One flipped byte: refused.
    std::string bytes = readAll(path);
    bytes[bytes.size() / 2] ^= 1;
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    EXPECT_FALSE(loadCheckpoint(path, params, m2, v2, &key).ok());
}

}  // namespace
}  // namespace tb::train

namespace tb::train {
namespace {

// A hostile checkpoint's loop state: counters that are not JSON integers (1e300 would convert with
// undefined behaviour) and a negative seed are refused, naming the field.
TEST(CheckpointState, RefusesNonIntegerCountersNamingTheField) {
    LoopState s;
    s.step = 3, s.seed = 42, s.fingerprint = "f";
    nlohmann::json good = loopStateToJson(s);
    ASSERT_TRUE(loopStateFromJson(good, "c.ckpt").ok());
    for (const char* field : {"step", "epoch", "tokens_seen", "best_step"}) {
        nlohmann::json bad = good;
        bad[field] = 1e300;
        auto r = loopStateFromJson(bad, "c.ckpt");
        ASSERT_FALSE(r.ok()) << field;
        EXPECT_NE(r.message().find(std::string("'") + field + "' must be an integer"), std::string::npos) << r.message();
    }
    nlohmann::json negative = good;
    negative["seed"] = -1;
    EXPECT_FALSE(loopStateFromJson(negative, "c.ckpt").ok());
    nlohmann::json text = good;
    text["best_val_loss"] = "low";
    EXPECT_FALSE(loopStateFromJson(text, "c.ckpt").ok());
    EXPECT_FALSE(loopStateFromJson(nlohmann::json::array(), "c.ckpt").ok());
}

}  // namespace
}  // namespace tb::train
