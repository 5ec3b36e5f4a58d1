#include "core/train/trainer.h"

#include "core/common/atomic_file.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

namespace tb::train {

namespace {
namespace fs = std::filesystem;

uint64_t fnv1a(const void* data, size_t n, uint64_t h) {
    const auto* p = static_cast<const uint8_t*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
    return h;
}

uint64_t hashExamples(const std::vector<TokenizedExample>& ex, uint64_t h) {
    for (const TokenizedExample& e : ex) {
        h = fnv1a(e.tokens.data(), e.tokens.size() * 4, h);
        h = fnv1a(e.trainMask.data(), e.trainMask.size(), h);
        h = fnv1a("|", 1, h);
    }
    return h;
}

int64_t rssField(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::atoll(line.c_str() + std::strlen(key)) * 1024;
    return 0;
}

uint64_t dropoutSeed(uint64_t seed, int64_t step, size_t micro) {
    return seed * 0x9E3779B97F4A7C15ull ^ (uint64_t(step) << 16) ^ uint64_t(micro);
}
}  // namespace

int64_t peakRssBytes() { return rssField("VmHWM:"); }
int64_t currentRssBytes() { return rssField("VmRSS:"); }

TrainCallback trainCallbackFrom(const ProgressCallback& cb) {
    if (!cb) return {};
    return [cb](const TrainProgress& p) {
        Progress pr;
        pr.stage = "Epoch " + std::to_string(p.epoch + 1) + "/" + std::to_string(p.epochs);
        pr.done = p.step;
        pr.total = p.totalSteps;
        char buf[160];
        std::snprintf(buf, sizeof buf, "loss %.4f lr %.3g tokens/s %.0f", p.trainLoss, p.lr, p.tokensPerSecond);
        pr.detail = buf;
        return cb(pr) ? TrainControl::Continue : TrainControl::Cancel;
    };
}

Result<std::unique_ptr<Trainer>> Trainer::create(ModelWeights& weights, std::vector<TokenizedExample> train,
                                                 std::vector<TokenizedExample> val, TrainConfig cfg) {
    TB_TRY(weights.config.validate());
    if (int(weights.layers.size()) != weights.config.numLayers)
        return inputError("model: weights have " + std::to_string(weights.layers.size()) + " layers, config says " +
                          std::to_string(weights.config.numLayers));
    if (!(cfg.lr > 0.0)) return inputError("lr: the learning rate must be > 0 (got " + std::to_string(cfg.lr) + ")");
    if (cfg.epochs < 1 && cfg.maxSteps <= 0) return inputError("epochs: must be at least 1");
    if (cfg.maxSteps < 0) return inputError("max_steps: must be >= 0");
    if (cfg.batch.batchSize < 1) return inputError("batch: must be at least 1");
    if (cfg.gradAccum < 1) return inputError("grad_accum: must be at least 1");
    if (cfg.batch.maxSeqLen < 2) return inputError("max_seq_len: must be at least 2");
    if (cfg.warmupSteps < 0) return inputError("warmup_steps: must be >= 0");
    if (!(cfg.adam.beta1 >= 0 && cfg.adam.beta1 < 1 && cfg.adam.beta2 >= 0 && cfg.adam.beta2 < 1))
        return inputError("adam betas: must be in [0, 1)");
    if (!(cfg.adam.eps > 0)) return inputError("adam eps: must be > 0");
    if (cfg.adam.weightDecay < 0) return inputError("weight_decay: must be >= 0");
    if (cfg.keepCheckpoints < 1) return inputError("keep_checkpoints: must be at least 1");
    if (cfg.compute == ComputePrecision::BF16 && cfg.method != TrainMethod::Lora)
        return inputError("compute_precision: bf16 applies to frozen base weights, so it needs method lora "
                          "(full fine-tuning trains every weight in f32)");
    if (train.empty())
        return inputError("data: the training set is empty (no example has a target token left after truncation "
                          "to max_seq_len " + std::to_string(cfg.batch.maxSeqLen) + ")");
    for (const auto* set : {&train, &val})
        for (const TokenizedExample& e : *set) {
            if (e.tokens.empty() || e.tokens.size() != e.trainMask.size())
                return inputError("data: example from record " + std::to_string(e.recordIndex + 1) + " is empty");
            if (int(e.tokens.size()) > cfg.batch.maxSeqLen)
                return inputError("data: example from record " + std::to_string(e.recordIndex + 1) +
                                  " is longer than max_seq_len");
            for (int32_t t : e.tokens)
                if (t < 0 || t >= weights.config.vocabSize)
                    return inputError("data: token id " + std::to_string(t) + " in record " +
                                      std::to_string(e.recordIndex + 1) + " is outside the vocabulary");
        }
    {
        std::set<std::vector<int32_t>> seen;
        for (const TokenizedExample& e : train) seen.insert(e.tokens);
        for (const TokenizedExample& e : val)
            if (seen.count(e.tokens))
                return inputError("validation: example from validation record " + std::to_string(e.recordIndex + 1) +
                                  " also occurs in the training set (validation must not overlap training)");
    }
    cfg.batch.seed = cfg.seed;
    cfg.batch.maxSeqLen = std::max(cfg.batch.maxSeqLen, 2);
    std::unique_ptr<Trainer> t(new Trainer(weights, cfg));
    if (cfg.method == TrainMethod::Lora) {
        auto a = initLoraAdapter(weights.config, cfg.lora, cfg.seed);
        if (!a) return a.error();
        t->m_adapter = std::move(*a);
    }
    t->m_train = std::move(train);
    t->m_val = std::move(val);
    t->m_model = std::make_unique<TrainModel>(weights, cfg.method == TrainMethod::Lora ? &t->m_adapter : nullptr,
                                              cfg.method, cfg.compute);
    t->m_opt = AdamW(t->m_model->trainableCount(), cfg.adam);
    for (int e = 0; e < std::max(cfg.epochs, 1); ++e) {
        int64_t micro = int64_t(planEpoch(t->m_train, cfg.batch, e).size());
        t->m_groupsPerEpoch.push_back((micro + cfg.gradAccum - 1) / cfg.gradAccum);
        t->m_totalSteps += t->m_groupsPerEpoch.back();
    }
    if (cfg.maxSteps > 0) t->m_totalSteps = std::min(t->m_totalSteps, cfg.maxSteps);
    if (cfg.maxSteps > 0 && cfg.epochs < 1) t->m_totalSteps = cfg.maxSteps;
    t->m_sched = {cfg.schedule, cfg.lr, cfg.warmupSteps, t->m_totalSteps, cfg.lrMinRatio};
    std::ostringstream fp;
    fp.precision(17);
    fp << int(cfg.method) << (cfg.compute == ComputePrecision::BF16 ? "bf16" : "") << '|' << cfg.lora.rank << '|' << cfg.lora.alpha << '|' << cfg.lora.dropout << '|'
       << cfg.lora.rsLora << '|';
    for (const auto& s : cfg.lora.targets) fp << s << ',';
    fp << '|' << cfg.seed << '|' << cfg.lr << '|' << int(cfg.schedule) << '|' << cfg.warmupSteps << '|' << cfg.lrMinRatio
       << '|' << cfg.adam.beta1 << '|' << cfg.adam.beta2 << '|' << cfg.adam.eps << '|' << cfg.adam.weightDecay << '|'
       << cfg.maxGradNorm << '|' << cfg.batch.batchSize << '|' << cfg.batch.maxSeqLen << '|' << cfg.batch.packing << '|'
       << cfg.batch.groupByLength << '|' << cfg.gradAccum << '|' << cfg.epochs << '|' << cfg.maxSteps << '|'
       << cfg.evalEvery << '|' << hashExamples(t->m_train, 1469598103934665603ull) << '|'
       << hashExamples(t->m_val, 7);
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx",
                  static_cast<unsigned long long>(fnv1a(fp.str().data(), fp.str().size(), 1469598103934665603ull)));
    t->m_state.seed = cfg.seed;
    t->m_state.fingerprint = hex;
    return t;
}

double Trainer::evaluate(const std::vector<TokenizedExample>& examples) {
    BatchSettings s = m_cfg.batch;
    s.shuffle = false, s.packing = false, s.groupByLength = true;
    double loss = 0.0;
    int64_t targets = 0;
    for (const MicroBatchPlan& p : planEpoch(examples, s, 0)) {
        LossSums ls = m_model->forward(assembleBatch(p, examples), false, 0);
        loss += ls.lossSum;
        targets += ls.targets;
    }
    return targets ? loss / double(targets) : 0.0;
}

Status Trainer::saveCheckpointTo(const std::string& path) {
    return saveCheckpoint(path, m_state, m_model->params(), m_opt.firstMoment(), m_opt.secondMoment(), m_opt.stepCount(),
                          m_cfg.key);
}

Status Trainer::writeMetrics(const nlohmann::json& line) {
    if (m_cfg.runDir.empty()) return Status::success();
    const std::string path = m_cfg.runDir + "/metrics.jsonl";
    std::FILE* f = std::fopen(path.c_str(), "a");
    if (!f) return internalError(path + ": cannot append metrics");
    std::string s = line.dump() + "\n";
    const bool ok = std::fwrite(s.data(), 1, s.size(), f) == s.size();
    const bool closed = std::fclose(f) == 0;
    if (!ok || !closed) return internalError(path + ": write failed (disk full?)");
    return Status::success();
}

void Trainer::truncateMetrics(int64_t upToStep) {
    const std::string path = m_cfg.runDir + "/metrics.jsonl";
    auto text = readWholeFile(path);
    if (!text) return;
    std::string kept;
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.value("step", int64_t(-1)) <= upToStep) kept += line + "\n";
    }
    (void)writeFileAtomically(path, kept);
}

Status Trainer::tryResume(TrainResult& result) {
    if (!m_cfg.resume || m_cfg.runDir.empty()) return Status::success();
    auto list = listCheckpoints(m_cfg.runDir + "/checkpoints");
    std::string lastError;
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        auto loaded = loadCheckpoint(it->second, m_model->params(), m_opt.firstMoment(), m_opt.secondMoment(), m_cfg.key);
        if (!loaded) {
            lastError = loaded.message();
            continue;  // a damaged newest checkpoint: fall back to the previous one
        }
        if (loaded->state.fingerprint != m_state.fingerprint)
            return inputError(it->second + ": the checkpoint was made with different settings or data "
                                           "(fingerprint " + loaded->state.fingerprint + ", this run " +
                              m_state.fingerprint + "); resume needs the same configuration");
        m_state = loaded->state;
        m_opt.setStepCount(loaded->adamStep);
        result.resumedFrom = true;
        result.resumedStep = m_state.step;
        truncateMetrics(m_state.step);
        return Status::success();
    }
    if (!lastError.empty()) return inputError("resume: no readable checkpoint: " + lastError);
    return Status::success();
}

Result<TrainResult> Trainer::run(const TrainCallback& callback) {
    TrainResult result;
    const std::string ckptDir = m_cfg.runDir.empty() ? "" : m_cfg.runDir + "/checkpoints";
    if (!ckptDir.empty()) {
        std::error_code ec;
        fs::create_directories(ckptDir, ec);
        if (ec) return internalError(ckptDir + ": cannot create: " + ec.message());
        if (!m_cfg.resume) fs::remove(m_cfg.runDir + "/metrics.jsonl", ec);
    }
    TB_TRY(tryResume(result));
    using Clock = std::chrono::steady_clock;
    const auto runStart = Clock::now();
    int64_t stepsThisRun = 0;
    double lastVal = m_state.bestStep >= 0 ? m_state.bestValLoss : -1.0;
    TrainProgress prog;
    prog.totalSteps = m_totalSteps;
    prog.epochs = m_cfg.epochs;
    auto control = [&](const TrainProgress& p) {
        if (!callback) return TrainControl::Continue;
        TrainControl c = callback(p);
        while (c == TrainControl::Pause) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            c = callback(p);
        }
        return c;
    };
    bool stop = false;
    int64_t lastCkptStep = result.resumedFrom ? m_state.step : -1;
    auto checkpoint = [&]() -> Status {
        if (ckptDir.empty() || lastCkptStep == m_state.step) return Status::success();
        TB_TRY(saveCheckpointTo(ckptDir + "/" + checkpointFileName(m_state.step)));
        lastCkptStep = m_state.step;
        pruneCheckpoints(ckptDir, m_cfg.keepCheckpoints);
        return Status::success();
    };
    while (!stop && m_state.epoch < int(m_groupsPerEpoch.size()) && m_state.step < m_totalSteps) {
        const int epoch = m_state.epoch;
        std::vector<MicroBatchPlan> plans = planEpoch(m_train, m_cfg.batch, epoch);
        const int64_t groups = m_groupsPerEpoch[size_t(epoch)];
        while (!stop && m_state.epoch == epoch && m_state.groupInEpoch < groups && m_state.step < m_totalSteps) {
            const auto t0 = Clock::now();
            const size_t first = size_t(m_state.groupInEpoch) * size_t(m_cfg.gradAccum);
            const size_t last = std::min(plans.size(), first + size_t(m_cfg.gradAccum));
            std::vector<MicroBatch> batches;
            int64_t targets = 0, tokens = 0;
            for (size_t k = first; k < last; ++k) {
                batches.push_back(assembleBatch(plans[k], m_train));
                targets += batches.back().targetCount();
                tokens += batches.back().realTokens();
            }
            m_model->zeroGradients();
            double lossSum = 0.0;
            for (size_t k = 0; k < batches.size(); ++k)
                lossSum += m_model->forwardBackward(batches[k], float(1.0 / double(std::max<int64_t>(targets, 1))),
                                                    dropoutSeed(m_cfg.seed, m_state.step, k))
                               .lossSum;
            const double gradNorm = clipGradNorm(m_model->gradients(), m_cfg.maxGradNorm);
            const double lr = m_sched.at(m_state.step);
            m_opt.step(m_model->params(), m_model->gradients().data(), float(lr));
            const double trainLoss = lossSum / double(std::max<int64_t>(targets, 1));
            if (!std::isfinite(trainLoss))
                return internalError("training diverged at step " + std::to_string(m_state.step + 1) +
                                     ": the loss is not finite (lower the learning rate)");
            ++m_state.step;
            ++stepsThisRun;
            m_state.tokensSeen += tokens;
            result.stepLosses.push_back(trainLoss);
            result.lastTrainLoss = trainLoss;
            const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
            const double elapsed = std::chrono::duration<double>(Clock::now() - runStart).count();
            // Validation, then advance the data position, so a checkpoint always holds a finished step.
            bool improved = false, evaluated = false;
            const bool epochEnd = m_state.groupInEpoch + 1 == groups;
            if (!m_val.empty() && ((m_cfg.evalEvery > 0 && m_state.step % m_cfg.evalEvery == 0) ||
                                   (m_cfg.evalEvery <= 0 && epochEnd))) {
                lastVal = evaluate(m_val);
                evaluated = true;
                if (m_state.bestStep < 0 || lastVal < m_state.bestValLoss - m_cfg.earlyStopMinDelta) {
                    m_state.bestValLoss = lastVal, m_state.bestStep = m_state.step, m_state.badEvals = 0;
                    improved = true;
                } else {
                    ++m_state.badEvals;
                }
            }
            ++m_state.groupInEpoch;
            if (m_state.groupInEpoch >= groups) ++m_state.epoch, m_state.groupInEpoch = 0;
            if (evaluated && m_cfg.earlyStopPatience > 0 && m_state.badEvals >= m_cfg.earlyStopPatience)
                stop = result.stoppedEarly = true;

            prog.step = m_state.step, prog.epoch = epoch, prog.trainLoss = trainLoss, prog.valLoss = lastVal;
            prog.lr = lr, prog.gradNorm = gradNorm, prog.tokensPerSecond = secs > 0 ? double(tokens) / secs : 0.0;
            prog.etaSeconds = elapsed / double(stepsThisRun) * double(m_totalSteps - m_state.step);
            prog.memoryBytes = currentRssBytes();
            if (m_cfg.logEvery > 0 && (m_state.step % m_cfg.logEvery == 0 || evaluated)) {
                nlohmann::json line = {{"step", m_state.step}, {"epoch", epoch}, {"loss", trainLoss}, {"lr", lr},
                                       {"grad_norm", gradNorm}, {"tokens", tokens},
                                       {"tokens_per_s", prog.tokensPerSecond}, {"elapsed_s", elapsed},
                                       {"rss_bytes", prog.memoryBytes}};
                if (evaluated) line["val_loss"] = lastVal;
                TB_TRY(writeMetrics(line));
            }
            if (improved && !ckptDir.empty()) TB_TRY(saveCheckpointTo(ckptDir + "/best.ckpt"));
            if (m_cfg.checkpointEvery > 0 ? m_state.step % m_cfg.checkpointEvery == 0 : m_state.groupInEpoch == 0)
                TB_TRY(checkpoint());
            if (control(prog) == TrainControl::Cancel) {
                TB_TRY(checkpoint());
                result.cancelled = true;
                stop = true;
            }
        }
    }
    TB_TRY(checkpoint());
    result.steps = m_state.step;
    result.bestValLoss = m_state.bestStep >= 0 ? m_state.bestValLoss : -1.0;
    result.bestStep = m_state.bestStep;
    result.peakRssBytes = peakRssBytes();
    return result;
}

}  // namespace tb::train
