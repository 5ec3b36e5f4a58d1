// The training loop: overfitting, determinism, refusals, early stopping, pause/cancel, checkpoints,
// exact resume (in-process and after SIGKILL of a child process) and a full disk while checkpointing.
#include "core/train/checkpoint.h"
#include "core/train/trainer.h"
#include "trainer_test_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <omp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace tb::train {
namespace {
namespace fs = std::filesystem;
using namespace testing;

std::string freshDir(const std::string& name) {
    std::string d = fs::temp_directory_path().string() + "/tb_trainer_test_" + std::to_string(::getpid()) + "_" + name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::vector<std::pair<int64_t, double>> metricLosses(const std::string& runDir) {
    std::vector<std::pair<int64_t, double>> out;
    std::ifstream in(runDir + "/metrics.jsonl");
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line);
        out.emplace_back(j["step"].get<int64_t>(), j["loss"].get<double>());
    }
    return out;
}

TEST(Trainer, TinyModelOverfitsTinyDataset) {
    for (TrainMethod method : {TrainMethod::Full, TrainMethod::Lora}) {
        ModelWeights w = smallModel();
        TrainConfig c = smallConfig();
        c.method = method;
        c.lora.rank = 8, c.lora.alpha = 16, c.lora.dropout = 0.0f;
        c.epochs = 60, c.lr = method == TrainMethod::Full ? 1e-2 : 2e-2, c.schedule = LrScheduleKind::Constant;
        c.gradAccum = 1, c.batch.batchSize = 4, c.adam.weightDecay = 0.0f, c.checkpointEvery = 0;
        auto t = Trainer::create(w, examplesFor(promptCompletionRecords(4)), {}, c);
        ASSERT_TRUE(t.ok()) << t.message();
        auto r = (*t)->run();
        ASSERT_TRUE(r.ok()) << r.message();
        EXPECT_GT(r->stepLosses.front(), 2.0);
        EXPECT_LT(r->lastTrainLoss, 0.05) << (method == TrainMethod::Full ? "full" : "lora");
        EXPECT_LT((*t)->evaluate(examplesFor(promptCompletionRecords(4))), 0.05);
    }
}

TEST(Trainer, SameSeedSameLosses) {
    std::vector<double> runs[2];
    for (int i = 0; i < 2; ++i) {
        ModelWeights w = smallModel();
        auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, smallConfig());
        ASSERT_TRUE(t.ok()) << t.message();
        runs[i] = (*t)->run()->stepLosses;
    }
    EXPECT_EQ(runs[0], runs[1]);
    ModelWeights w = smallModel();
    TrainConfig c = smallConfig();
    c.seed = 8;
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, c);
    EXPECT_NE((*t)->run()->stepLosses, runs[0]);
}

TEST(Trainer, RefusesBeforeComputing) {
    ModelWeights w = smallModel();
    auto train = examplesFor(promptCompletionRecords(6));
    auto expectRefusal = [&](TrainConfig c, std::vector<TokenizedExample> tr, std::vector<TokenizedExample> val,
                             const std::string& words) {
        auto t = Trainer::create(w, std::move(tr), std::move(val), c);
        ASSERT_FALSE(t.ok()) << words;
        EXPECT_NE(t.message().find(words), std::string::npos) << t.message();
        EXPECT_EQ(t.error().kind, ErrorKind::Input);
    };
    TrainConfig c = smallConfig();
    c.lr = 0;
    expectRefusal(c, train, {}, "learning rate must be > 0");
    c = smallConfig(), c.lora.rank = 0;
    expectRefusal(c, train, {}, "rank");
    c = smallConfig(), c.lora.rank = 17;  // k/v width 16
    expectRefusal(c, train, {}, "above the width");
    c = smallConfig(), c.lora.targets = {"q", "lm_head"};
    expectRefusal(c, train, {}, "unknown target module 'lm_head'");
    expectRefusal(smallConfig(), {}, {}, "training set is empty");
    ExampleBuildReport rep;
    auto truncated = buildExamples(promptCompletionRecords(3), charEncoder(), 5, LossOn::Completion, &rep).value();
    EXPECT_EQ(rep.dropped, 3);  // prompts are longer than 5 tokens: nothing to learn is left
    EXPECT_EQ(rep.truncated, 3);
    expectRefusal(smallConfig(), truncated, {}, "training set is empty");
    expectRefusal(smallConfig(), train, examplesFor(promptCompletionRecords(2, 3)), "also occurs in the training set");
}

TEST(Trainer, EarlyStoppingKeepsBestCheckpoint) {
    const std::string dir = freshDir("early");
    ModelWeights w = smallModel();
    TrainConfig c = smallConfig(dir);
    c.epochs = 20, c.evalEvery = 2, c.earlyStopPatience = 2, c.earlyStopMinDelta = 1e9;  // nothing counts as better
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(8)), examplesFor(promptCompletionRecords(2, 20)), c);
    ASSERT_TRUE(t.ok()) << t.message();
    auto r = (*t)->run();
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_TRUE(r->stoppedEarly);
    EXPECT_EQ(r->steps, 6);  // evals at 2 (best), 4 and 6 (two without improvement)
    EXPECT_EQ(r->bestStep, 2);
    EXPECT_TRUE(fs::exists(dir + "/checkpoints/best.ckpt"));
    EXPECT_EQ(listCheckpoints(dir + "/checkpoints").size(), size_t(3));  // last K kept
    auto lines = metricLosses(dir);
    ASSERT_EQ(lines.size(), size_t(6));
    fs::remove_all(dir);
}

TEST(Trainer, PauseThenCancelWritesResumableCheckpoint) {
    const std::string dir = freshDir("pause");
    ModelWeights w = smallModel();
    TrainConfig c = smallConfig(dir);
    c.checkpointEvery = 100;
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, c);
    int calls = 0;
    auto r = (*t)->run([&](const TrainProgress& p) {
        ++calls;
        EXPECT_GT(p.tokensPerSecond, 0.0);
        EXPECT_GT(p.memoryBytes, 0);
        if (p.step == 2 && calls < 4) return TrainControl::Pause;  // steps 1, 2 (+2 paused polls)
        return p.step == 3 ? TrainControl::Cancel : TrainControl::Continue;
    });
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(r->steps, 3);
    EXPECT_EQ(calls, 5);
    auto list = listCheckpoints(dir + "/checkpoints");
    ASSERT_EQ(list.size(), size_t(1));
    EXPECT_EQ(list.back().first, 3);
    fs::remove_all(dir);
}

TEST(Trainer, CancelAndResumeReproducesUninterruptedLosses) {
    const auto recs = promptCompletionRecords(10);
    ModelWeights w0 = smallModel();
    auto full = Trainer::create(w0, examplesFor(recs), {}, smallConfig());
    std::vector<double> reference = (*full)->run()->stepLosses;
    ASSERT_EQ(reference.size(), size_t(9));  // 3 epochs x ceil(5 micro / 2)

    const std::string dir = freshDir("resume");
    ModelWeights w1 = smallModel();
    auto first = Trainer::create(w1, examplesFor(recs), {}, smallConfig(dir));
    auto r1 = (*first)->run([](const TrainProgress& p) { return p.step == 4 ? TrainControl::Cancel : TrainControl::Continue; });
    ASSERT_TRUE(r1->cancelled);
    ModelWeights w2 = smallModel();
    TrainConfig c = smallConfig(dir);
    c.resume = true;
    auto second = Trainer::create(w2, examplesFor(recs), {}, c);
    auto r2 = (*second)->run();
    ASSERT_TRUE(r2.ok()) << r2.message();
    EXPECT_TRUE(r2->resumedFrom);
    EXPECT_EQ(r2->resumedStep, 4);
    std::vector<double> joined = r1->stepLosses;
    joined.insert(joined.end(), r2->stepLosses.begin(), r2->stepLosses.end());
    EXPECT_EQ(joined, reference);  // exact, not approximately
    // A different configuration is refused on resume.
    TrainConfig other = c;
    other.lr = 1e-3;
    ModelWeights w3 = smallModel();
    auto third = Trainer::create(w3, examplesFor(recs), {}, other);
    auto r3 = (*third)->run();
    ASSERT_FALSE(r3.ok());
    EXPECT_NE(r3.message().find("different settings"), std::string::npos);
    fs::remove_all(dir);
}

// Child side of the SIGKILL test: runs only when the parent starts this binary with TB_TRAIN_CHILD_RUNDIR.
TEST(TrainerResumeChild, Run) {
    const char* dir = std::getenv("TB_TRAIN_CHILD_RUNDIR");
    if (!dir) GTEST_SKIP() << "helper for Trainer.SigkillAndResume";
    omp_set_num_threads(2);
    ModelWeights w = smallModel();
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, smallConfig(dir));
    (void)(*t)->run([](const TrainProgress&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
        return TrainControl::Continue;
    });
}

TEST(Trainer, SigkillAndResumeReproducesUninterruptedLosses) {
    omp_set_num_threads(2);
    const std::string ref = freshDir("kill_ref"), dir = freshDir("kill");
    {
        ModelWeights w = smallModel();
        auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, smallConfig(ref));
        ASSERT_TRUE((*t)->run().ok());
    }
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ::setenv("TB_TRAIN_CHILD_RUNDIR", dir.c_str(), 1);
        ::setenv("OMP_NUM_THREADS", "2", 1);
        ::execl("/proc/self/exe", "test_core_train", "--gtest_filter=TrainerResumeChild.Run", (char*)nullptr);
        ::_exit(127);
    }
    bool killed = false;
    for (int i = 0; i < 600 && !killed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        auto list = listCheckpoints(dir + "/checkpoints");
        if (!list.empty() && list.back().first >= 4) {
            ::kill(pid, SIGKILL);
            killed = true;
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(killed) << "the child never reached step 4";
    ASSERT_TRUE(WIFSIGNALED(status));
    auto left = listCheckpoints(dir + "/checkpoints");
    ASSERT_FALSE(left.empty());
    EXPECT_LT(left.back().first, 9) << "killed mid-run";
    ModelWeights w = smallModel();
    TrainConfig c = smallConfig(dir);
    c.resume = true;
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, c);
    auto r = (*t)->run();
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_TRUE(r->resumedFrom);
    EXPECT_EQ(metricLosses(dir), metricLosses(ref));  // every step's loss, bit for bit
    fs::remove_all(ref);
    fs::remove_all(dir);
}

TEST(Trainer, FullDiskKeepsPreviousCheckpoint) {
    const std::string dir = freshDir("disk");
    ModelWeights w = smallModel();
    TrainConfig c = smallConfig(dir);
    c.maxSteps = 2;
    auto t = Trainer::create(w, examplesFor(promptCompletionRecords(10)), {}, c);
    ASSERT_TRUE((*t)->run().ok());
    auto list = listCheckpoints(dir + "/checkpoints");
    ASSERT_EQ(list.back().first, 2);
    std::ifstream in(list.back().second, std::ios::binary);
    std::string before((std::istreambuf_iterator<char>(in)), {});
    // Simulate a full disk: files may not grow past 4 KiB (the checkpoint is larger).
    struct rlimit old;
    ::getrlimit(RLIMIT_FSIZE, &old);
    auto oldHandler = ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 4096;
    ::setrlimit(RLIMIT_FSIZE, &small);
    Status s = (*t)->saveCheckpointTo(list.back().second);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, oldHandler);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find("previous file is left intact"), std::string::npos) << s.message();
    std::ifstream again(list.back().second, std::ios::binary);
    std::string after((std::istreambuf_iterator<char>(again)), {});
    EXPECT_EQ(before, after);
    EXPECT_EQ(listCheckpoints(dir + "/checkpoints").size(), list.size());  // no stray temporary file counted
    fs::remove_all(dir);
}

}  // namespace
}  // namespace tb::train
