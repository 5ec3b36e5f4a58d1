// Turning encryption at rest on over a workspace that already holds work: a real run folder (trained on
// stories260K: adapter/, adapter-best/, checkpoints/), a plain adapter artifact in the store and the
// serving sample log are converted in place; readers open them with the key, refuse without it, fail with
// another; an interrupted conversion is finished by running it again; a half-converted artifact still
// reads; the sample log keeps every sample in order; no plaintext is left anywhere under the workspace.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstring>
#include <nlohmann/json.hpp>

#include "core/common/sha256.h"
#include "core/model/model_loader.h"
#include "core/registry/artifact_store.h"
#include "core/serve/sample_log.h"
#include "core/train/checkpoint.h"
#include "core/train/model_example_encoder.h"
#include "core/train/peft_adapter.h"
#include "core/train/run_folder_encryption.h"
#include "core/train/train_model.h"
#include "core/train/train_run.h"
#include "core/workspace/workspace_file_io.h"
#include "encryption_test_util.h"

namespace tb {
namespace {

using namespace tbenc;

const std::string kModel = std::string(TUNEBENCH_SHARED_DIR) + "/models/stories260K/hf";

// The JSON header of a safetensors file (after its u64 length): tensor names, shapes and offsets.
std::string safetensorsHeader(const std::string& bytes) {
    uint64_t len = 0;
    if (bytes.size() < 8) return {};
    std::memcpy(&len, bytes.data(), 8);
    return bytes.substr(8, size_t(std::min<uint64_t>(len, bytes.size() - 8)));
}

void expectSameAdapter(const LoraAdapter& a, const LoraAdapter& b) {
    ASSERT_EQ(a.modules.size(), b.modules.size());
    EXPECT_EQ(a.rank, b.rank);
    for (const auto& [name, pair] : a.modules) {
        auto it = b.modules.find(name);
        ASSERT_NE(it, b.modules.end()) << name;
        EXPECT_TRUE(pair.a == it->second.a) << name;
        EXPECT_TRUE(pair.b == it->second.b) << name;
    }
}

// A small training run in <ws>/runs/<name>, written plain (the workspace was not encrypted yet):
// checkpoints every step (two kept, best.ckpt from validation), adapter/ and an adapter-best/.
class ConversionTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto loaded = loadModel(kModel);
        ASSERT_TRUE(loaded.ok()) << loaded.message();
        s_model = new LoadedModel(std::move(*loaded));
    }
    static void TearDownTestSuite() {
        delete s_model;
        s_model = nullptr;
    }

    train::TrainJobOptions jobOptions(const std::string& runDir) {
        train::TrainJobOptions o;
        o.modelPath = kModel;
        o.dataPath = m_dir.file("data/train.jsonl");
        o.valPath = m_dir.file("data/val.jsonl");
        o.outDir = runDir;
        o.config.maxSteps = 3;
        o.config.lr = 5e-3;
        o.config.batch.batchSize = 2;
        o.config.evalEvery = 1;
        o.config.checkpointEvery = 1;
        o.config.keepCheckpoints = 2;
        o.config.lora.rank = 4;
        return o;
    }

    void trainPlainRun(const std::string& runDir) {
        std::string train, val;
        for (int i = 0; i < 6; ++i)
            train += nlohmann::json{{"prompt", "Once upon a time " + std::to_string(i)},
                                    {"completion", " there was a little dog named Max."}}
                         .dump() +
                     "\n";
        val = nlohmann::json{{"prompt", "Once upon a time"}, {"completion", " Lily went to the park."}}.dump() + "\n";
        writeText(m_dir.file("data/train.jsonl"), train);
        writeText(m_dir.file("data/val.jsonl"), val);
        auto encoder = train::makeModelExampleEncoder(kModel, s_model->weights.config.vocabSize, false);
        ASSERT_TRUE(encoder.ok()) << encoder.message();
        auto s = train::runTrainingJob(s_model->weights, *encoder, jobOptions(runDir));
        ASSERT_TRUE(s.ok()) << s.message();
        ASSERT_EQ(s->result.steps, 3);
        if (s->bestAdapterDir.empty()) {  // validation chose the last step: write the second folder ourselves
            auto a = train::readPeftAdapter(s->adapterDir);
            ASSERT_TRUE(a.ok()) << a.message();
            ASSERT_TRUE(train::writePeftAdapter(runDir + "/adapter-best", *a, {kModel}).ok());
        }
    }

    std::vector<std::string> checkpointsOf(const std::string& runDir) {
        std::vector<std::string> out;
        for (auto& e : fs::directory_iterator(runDir + "/checkpoints"))
            if (e.path().extension() == ".ckpt") out.push_back(e.path().string());
        std::sort(out.begin(), out.end());
        return out;
    }

    Result<train::LoadedCheckpoint> loadCkpt(const std::string& path, const WorkspaceKey* key) {
        LoraAdapter copy = *train::readPeftAdapter(m_ws + "/plain-reference/adapter");
        train::TrainModel view(s_model->weights, &copy, train::TrainMethod::Lora);
        std::vector<float> m, v;
        auto params = view.params();
        return train::loadCheckpoint(path, params, m, v, key);
    }

    static LoadedModel* s_model;
    TempDir m_dir{"conversion"};
    std::string m_ws = m_dir.file("ws");
    WorkspaceKey m_key = makeKey(m_dir.file("ws.key"));
    WorkspaceKey m_other = makeKey(m_dir.file("other.key"));
};

LoadedModel* ConversionTest::s_model = nullptr;

TEST_F(ConversionTest, RunFolderIsEncryptedInPlaceAndReadsBackOnlyWithTheKey) {
    const std::string run = m_ws + "/runs/r1";
    trainPlainRun(run);
    fs::copy(run, m_ws + "/plain-reference", fs::copy_options::recursive);
    auto before = train::readPeftAdapter(run + "/adapter", &s_model->weights.config);
    ASSERT_TRUE(before.ok()) << before.message();
    const std::string header = safetensorsHeader(readAll(run + "/adapter/adapter_model.safetensors"));
    ASSERT_GT(header.size(), 40u);
    ASSERT_NE(header.find("lora_A"), std::string::npos);
    const auto ckpts = checkpointsOf(run);
    ASSERT_GE(ckpts.size(), 2u);
    ASSERT_TRUE(fs::exists(run + "/checkpoints/best.ckpt"));
    auto stepBefore = loadCkpt(ckpts.back(), nullptr);
    ASSERT_TRUE(stepBefore.ok()) << stepBefore.message();
    const std::string metricsBefore = readAll(run + "/metrics.jsonl");
    ::chmod((run + "/adapter/adapter_model.safetensors").c_str(), 0600);

    auto done = train::encryptRunFolders(m_ws + "/runs", m_key);
    ASSERT_TRUE(done.ok()) << done.message();
    EXPECT_EQ(done->runs, 1);
    EXPECT_EQ(done->adapterFiles, 4);  // two files in adapter/ and adapter-best/
    EXPECT_EQ(done->checkpointFiles, int(ckpts.size()));
    EXPECT_EQ(done->filesAlready, 0);
    EXPECT_TRUE(done->plainModels.empty());
    for (const char* folder : {"/adapter", "/adapter-best"}) {
        EXPECT_TRUE(train::peftAdapterIsEncrypted(run + folder)) << folder;
        for (const auto& name : train::encryptedAdapterFileNames())
            EXPECT_TRUE(fileLooksEncrypted(run + folder + "/" + name)) << folder << "/" << name;
    }
    for (const auto& c : ckpts) EXPECT_TRUE(fileLooksEncrypted(c)) << c;
    struct stat st {};
    ASSERT_EQ(::stat((run + "/adapter/adapter_model.safetensors").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << "permission bits kept";
    // Settings and numbers stay plain.
    EXPECT_EQ(readAll(run + "/metrics.jsonl"), metricsBefore);
    EXPECT_FALSE(fileLooksEncrypted(run + "/run.json"));

    // With the key: the same adapter, the same checkpoint state.
    auto after = train::readPeftAdapter(run + "/adapter", &s_model->weights.config, &m_key);
    ASSERT_TRUE(after.ok()) << after.message();
    expectSameAdapter(*before, *after);
    auto stepAfter = loadCkpt(ckpts.back(), &m_key);
    ASSERT_TRUE(stepAfter.ok()) << stepAfter.message();
    EXPECT_EQ(stepAfter->state.step, stepBefore->state.step);
    EXPECT_EQ(stepAfter->adamStep, stepBefore->adamStep);
    // Without it: refused, saying why; with another key: fails authentication.
    auto locked = train::readPeftAdapter(run + "/adapter", &s_model->weights.config, nullptr);
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("is encrypted: unlock the workspace"), std::string::npos) << locked.message();
    EXPECT_FALSE(train::readPeftAdapter(run + "/adapter-best", nullptr, &m_other).ok());
    auto lockedCkpt = loadCkpt(ckpts.front(), nullptr);
    ASSERT_FALSE(lockedCkpt.ok());
    EXPECT_NE(lockedCkpt.message().find("is encrypted"), std::string::npos) << lockedCkpt.message();
    EXPECT_FALSE(loadCkpt(ckpts.front(), &m_other).ok());
    // Nothing of the adapter or the checkpoints is left in plaintext in the run folder.
    EXPECT_EQ(filesContaining(run, header.substr(0, 60)), std::vector<std::string>{});
    EXPECT_EQ(filesContaining(run, "TBCKPT01"), std::vector<std::string>{});
    EXPECT_EQ(filesContaining(run, "peft_type"), std::vector<std::string>{});

    // Again: nothing to do, every file checked; with another key the check fails, naming the file.
    auto again = train::encryptRunFolders(m_ws + "/runs", m_key);
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_EQ(again->adapterFiles + again->checkpointFiles, 0);
    EXPECT_EQ(again->filesAlready, 4 + int(ckpts.size()));
    auto wrong = train::encryptRunFolders(m_ws + "/runs", m_other);
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find(run), std::string::npos) << wrong.message();

    // The trainer resumes from a converted checkpoint with the key.
    auto encoder = train::makeModelExampleEncoder(kModel, s_model->weights.config.vocabSize, false);
    ASSERT_TRUE(encoder.ok());
    train::TrainJobOptions o = jobOptions(run);
    o.config.resume = true;
    o.key = &m_key;
    auto resumed = train::runTrainingJob(s_model->weights, *encoder, o);
    ASSERT_TRUE(resumed.ok()) << resumed.message();
    EXPECT_TRUE(resumed->result.resumedFrom);
    EXPECT_EQ(resumed->result.resumedStep, 3);
}

TEST_F(ConversionTest, InterruptedRunFolderConversionIsFinishedByTheNextCall) {
    const std::string run = m_ws + "/runs/r2";
    trainPlainRun(run);
    fs::copy(run, m_ws + "/plain-reference", fs::copy_options::recursive);
    const auto ckpts = checkpointsOf(run);
    // An interruption after two files: the adapter's tensors and the first checkpoint are encrypted.
    const std::string tensors = run + "/adapter/adapter_model.safetensors";
    ASSERT_TRUE(encryptFileInPlace(tensors, train::adapterFileContext(tensors), m_key, "t").ok());
    ASSERT_TRUE(encryptFileInPlace(ckpts.front(), train::checkpointFileContext(ckpts.front()), m_key, "c").ok());
    // A half-converted adapter folder still reads with the key.
    EXPECT_TRUE(train::readPeftAdapter(run + "/adapter", nullptr, &m_key).ok());

    auto done = train::encryptRunFolder(run, m_key);
    ASSERT_TRUE(done.ok()) << done.message();
    EXPECT_EQ(done->filesAlready, 2);
    EXPECT_EQ(done->adapterFiles, 3);
    EXPECT_EQ(done->checkpointFiles, int(ckpts.size()) - 1);
    for (const auto& c : ckpts) EXPECT_TRUE(loadCkpt(c, &m_key).ok()) << c;
    EXPECT_TRUE(train::readPeftAdapter(run + "/adapter-best", nullptr, &m_key).ok());

    // An encrypted file moved to another place no longer matches its context: the check names it.
    fs::copy_file(run + "/adapter/adapter_config.json", run + "/adapter-best/adapter_config.json",
                  fs::copy_options::overwrite_existing);
    auto moved = train::encryptRunFolder(run, m_key);
    ASSERT_FALSE(moved.ok());
    EXPECT_NE(moved.message().find("adapter-best"), std::string::npos) << moved.message();
}

TEST_F(ConversionTest, HalfConvertedArtifactStillReadsAndTheConversionFinishes) {
    const std::string run = m_ws + "/runs/r3";
    trainPlainRun(run);
    ArtifactStore plainStore(m_ws + "/artifacts");
    auto ref = plainStore.put(run + "/adapter", "adapter");
    ASSERT_TRUE(ref.ok()) << ref.message();
    EXPECT_FALSE(ref->encrypted);
    const std::string sha = ref->sha256;
    const std::string stored = ref->storedAt + "/files/";
    const std::string header = safetensorsHeader(readAll(stored + "adapter_model.safetensors"));
    ASSERT_NE(header.find("lora_B"), std::string::npos);

    // Interrupted after the first file: the tensors are encrypted, the config and the manifest not yet.
    const std::string plainTensors = readAll(stored + "adapter_model.safetensors");
    writeText(stored + "adapter_model.safetensors",
              *encryptBytes(m_key, plainTensors, sha + "/adapter_model.safetensors"));
    ArtifactStore keyed(m_ws + "/artifacts", m_key);
    EXPECT_TRUE(keyed.verify(sha).ok()) << keyed.verify(sha).message();
    auto files = keyed.readFiles(sha);
    ASSERT_TRUE(files.ok()) << files.message();
    EXPECT_EQ(files->at("adapter_model.safetensors"), plainTensors);
    auto adapter = train::parsePeftAdapter("artifact", files->at("adapter_config.json"),
                                           files->at("adapter_model.safetensors"), &s_model->weights.config);
    ASSERT_TRUE(adapter.ok()) << adapter.message();
    auto lockedHalf = plainStore.verify(sha);
    ASSERT_FALSE(lockedHalf.ok());
    EXPECT_NE(lockedHalf.message().find("unlock"), std::string::npos) << lockedHalf.message();
    EXPECT_FALSE(ArtifactStore(m_ws + "/artifacts", m_other).verify(sha).ok());
    // A temporary file the interruption left beside it is cleared by the conversion.
    writeText(stored + ".adapter_config.json.tmpAbC123", readAll(stored + "adapter_config.json"));
    // An interrupted put (files, no manifest) is named, not touched.
    writeText(m_ws + "/artifacts/ab/" + std::string(64, 'a').replace(0, 2, "ab") + "/files/x.bin", "partial");

    auto done = keyed.encryptAllStored();
    ASSERT_TRUE(done.ok()) << done.message();
    EXPECT_EQ(done->artifacts, 1);
    EXPECT_EQ(done->artifactsConverted, 1);
    EXPECT_EQ(done->filesEncrypted, 1);
    EXPECT_EQ(done->filesAlready, 1);
    ASSERT_EQ(done->incomplete.size(), 1u);
    EXPECT_FALSE(fs::exists(stored + ".adapter_config.json.tmpAbC123"));
    auto found = keyed.find(sha);
    ASSERT_TRUE(found.ok());
    EXPECT_TRUE(found->encrypted);
    EXPECT_TRUE(fileLooksEncrypted(stored + "adapter_config.json"));
    EXPECT_TRUE(keyed.verify(sha).ok());
    EXPECT_FALSE(plainStore.verify(sha).ok());
    // Materialized with the key, the copy reads as a run folder's adapter does.
    ASSERT_TRUE(keyed.materialize(sha, m_dir.file("out/adapter")).ok());
    EXPECT_TRUE(train::readPeftAdapter(m_dir.file("out/adapter"), nullptr, &m_key).ok());
    EXPECT_EQ(filesContaining(m_ws + "/artifacts", header.substr(0, 60)), std::vector<std::string>{});
    // Again: checked, nothing changed.
    auto again = keyed.encryptAllStored();
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_EQ(again->artifactsConverted + again->filesEncrypted, 0);
    EXPECT_EQ(again->filesAlready, 2);
}

TEST(ArtifactConversion, RefusesAChangedFileAndKeepsAPlainFileThatLooksEncrypted) {
    TempDir dir("artifact_conversion");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    // Plain content that happens to start with the encrypted magic is still plain content. (put() now
    // takes such a source for an encrypted file, so the artifact is laid out as an older store wrote it.)
    const std::string tricky = std::string("TBENC1\0\0", 8) + "not really encrypted";
    std::vector<ArtifactFile> entries = {{"a.bin", tricky.size(), sha256Hex(tricky)},
                                         {"b.txt", 11, sha256Hex("second file")}};
    const std::string sha = ArtifactStore::manifestHash(entries);
    const std::string folder = dir.file("artifacts/" + sha.substr(0, 2) + "/" + sha);
    writeText(folder + "/files/a.bin", tricky);
    writeText(folder + "/files/b.txt", "second file");
    nlohmann::json manifest = {
        {"sha256", sha}, {"kind", "export"}, {"encrypted", false}, {"files", nlohmann::json::array()}};
    for (auto& f : entries) manifest["files"].push_back({{"name", f.name}, {"size", f.size}, {"sha256", f.sha256}});
    writeText(folder + "/artifact.json", manifest.dump(2));
    ArtifactStore plain(dir.file("artifacts"));
    auto ref = plain.find(sha);
    ASSERT_TRUE(ref.ok()) << ref.message();
    auto files = plain.readFiles(ref->sha256);
    ASSERT_TRUE(files.ok()) << files.message();
    EXPECT_EQ(files->at("a.bin"), tricky);
    ArtifactStore keyed(dir.file("artifacts"), key);
    // A file changed after registration is refused by name, and nothing is encrypted.
    writeText(ref->storedAt + "/files/b.txt", "second filE");
    auto refused = keyed.encryptStored(ref->sha256);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.message().find("'b.txt' was changed"), std::string::npos) << refused.message();
    EXPECT_FALSE(keyed.find(ref->sha256)->encrypted);
    writeText(ref->storedAt + "/files/b.txt", "second file");
    auto n = keyed.encryptStored(ref->sha256);
    ASSERT_TRUE(n.ok()) << n.message();
    EXPECT_EQ(*n, 2);
    auto back = keyed.readFiles(ref->sha256);
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(back->at("a.bin"), tricky);
    EXPECT_EQ(filesContaining(dir.file("artifacts"), "not really encrypted"), std::vector<std::string>{});
    // Without a key there is nothing to encrypt with.
    EXPECT_FALSE(plain.encryptStored(ref->sha256).ok());
}

TEST(SampleLogConversion, EncryptsPlainLinesKeepingEverySampleInOrder) {
    TempDir dir("sample_log_conversion");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    WorkspaceKey other = makeKey(dir.file("o.key"));
    const std::string path = dir.file("ws/serve/samples.jsonl");
    auto sample = [](int i) {
        serve::ServedSample s;
        s.at = 1700000000 + i;
        s.model = "support-bot";
        s.route = "/v1/chat/completions";
        s.prompt = "secret prompt number " + std::to_string(i);
        s.output = "secret answer number " + std::to_string(i);
        s.promptTokens = i;
        return s;
    };
    serve::SampleLog plainLog(path, 1.0);
    serve::SampleLog keyedLog(path, 1.0, key);
    ASSERT_TRUE(plainLog.append(sample(0)).ok());
    ASSERT_TRUE(plainLog.append(sample(1)).ok());
    ASSERT_TRUE(keyedLog.append(sample(2)).ok());  // written after encryption was turned on
    ASSERT_TRUE(plainLog.append(sample(3)).ok());
    ::chmod(path.c_str(), 0600);
    EXPECT_FALSE(filesContaining(dir.path(), "secret prompt number 3").empty());

    auto converted = keyedLog.encryptPlainLines();
    ASSERT_TRUE(converted.ok()) << converted.message();
    EXPECT_EQ(*converted, 3);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(filesContaining(dir.path(), "secret prompt number " + std::to_string(i)), std::vector<std::string>{});
        EXPECT_EQ(filesContaining(dir.path(), "secret answer number " + std::to_string(i)), std::vector<std::string>{});
    }
    auto all = keyedLog.readAll();
    ASSERT_TRUE(all.ok()) << all.message();
    ASSERT_EQ(all->size(), 4u);
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ((*all)[size_t(i)].prompt, sample(i).prompt);
        EXPECT_EQ((*all)[size_t(i)].output, sample(i).output);
        EXPECT_EQ((*all)[size_t(i)].at, sample(i).at);
    }
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    auto locked = plainLog.readAll();
    ASSERT_FALSE(locked.ok());
    EXPECT_NE(locked.message().find("line 1 is encrypted"), std::string::npos) << locked.message();

    // Again: every line checked, the file untouched; another key fails naming the line.
    const std::string bytes = readAll(path);
    auto again = keyedLog.encryptPlainLines();
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_EQ(*again, 0);
    EXPECT_EQ(readAll(path), bytes);
    auto wrong = serve::SampleLog(path, 1.0, other).encryptPlainLines();
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.message().find("line 1"), std::string::npos) << wrong.message();
    // Appending keeps working after the rewrite, and a missing log is nothing to do.
    ASSERT_TRUE(keyedLog.append(sample(4)).ok());
    EXPECT_EQ(keyedLog.readAll()->size(), 5u);
    auto none = serve::SampleLog(dir.file("ws/serve/none.jsonl"), 1.0, key).encryptPlainLines();
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, 0);
    EXPECT_FALSE(serve::SampleLog(path, 1.0).encryptPlainLines().ok());  // no key
}

TEST(SampleLogConversion, KeepsALineACrashCutShort) {
    TempDir dir("sample_log_cut");
    WorkspaceKey key = makeKey(dir.file("k.key"));
    const std::string path = dir.file("samples.jsonl");
    writeText(path, "{\"at\":1,\"prompt\":\"first\"}\n\n{\"at\":2,\"prompt\":\"cut sho");
    serve::SampleLog log(path, 1.0, key);
    auto converted = log.encryptPlainLines();
    ASSERT_TRUE(converted.ok()) << converted.message();
    EXPECT_EQ(*converted, 2);
    EXPECT_EQ(readAll(path).find("cut sho"), std::string::npos);
    // The cut line is still the one that does not parse (line 3: the blank line is kept too).
    auto all = log.readAll();
    ASSERT_FALSE(all.ok());
    EXPECT_NE(all.message().find("line 3 is not a JSON object"), std::string::npos) << all.message();
}

}  // namespace
}  // namespace tb
