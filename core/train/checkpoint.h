// Training checkpoints: one file per checkpoint holding the trainable values, both AdamW moments and the
// loop state (step, epoch, position in the epoch's batch plan, early-stopping state, seeds), written
// atomically (temporary file, fsync, rename) so a crash or a full disk leaves the previous one intact.
// Layout: "TBCKPT01", u64 JSON length, JSON header, then float32 arrays (values, m, v) in ParamRef order.
// In an encrypted workspace the whole file is one encryptBytes() blob (checkpointFileContext), because
// the values are the trained weights and so as sensitive as the data they were trained on.
#pragma once

#include "core/common/result.h"
#include "core/train/train_model.h"
#include "core/workspace/workspace_crypto.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace tb::train {

struct LoopState {
    int64_t step = 0;            // optimizer updates done
    int epoch = 0;               // epoch in progress
    int64_t groupInEpoch = 0;    // next accumulation group of the epoch's plan
    double bestValLoss = 0.0;    // valid when bestStep >= 0
    int64_t bestStep = -1;
    int badEvals = 0;            // evaluations without improvement (early stopping)
    int64_t tokensSeen = 0;
    uint64_t seed = 0;           // data order and dropout derive from (seed, epoch, step): no hidden RNG
    std::string fingerprint;     // of the settings and data that must not change across a resume
};

nlohmann::json loopStateToJson(const LoopState& s);
Result<LoopState> loopStateFromJson(const nlohmann::json& j, const std::string& source);

// The encryption context binding a checkpoint file to its name and folder ("tunebench-checkpoint:...").
std::string checkpointFileContext(const std::string& path);

// Writes values of `params` and moments m, v (arena layout) with the state; encrypted with key when set.
Status saveCheckpoint(const std::string& path, const LoopState& state, const std::vector<ParamRef>& params,
                      const std::vector<float>& m, const std::vector<float>& v, int64_t adamStep,
                      const WorkspaceKey* key = nullptr);
// Reads a checkpoint into params (names and sizes must match), m, v; returns the state and AdamW step.
// An encrypted checkpoint needs key (else a "... is encrypted: unlock the workspace" error); a plain one
// is read as it is.
struct LoadedCheckpoint {
    LoopState state;
    int64_t adamStep = 0;
};
Result<LoadedCheckpoint> loadCheckpoint(const std::string& path, std::vector<ParamRef>& params, std::vector<float>& m,
                                        std::vector<float>& v, const WorkspaceKey* key = nullptr);
// The same from a checkpoint's plaintext bytes already in memory (loadCheckpoint reads or decrypts the file,
// then calls this); `label` stands for the file in messages. Any byte string gives a checkpoint or an error.
Result<LoadedCheckpoint> parseCheckpoint(const std::string& bytes, const std::string& label, std::vector<ParamRef>& params,
                                         std::vector<float>& m, std::vector<float>& v);

// "step-00000012.ckpt" files in dir, ascending by step.
std::vector<std::pair<int64_t, std::string>> listCheckpoints(const std::string& dir);
std::string checkpointFileName(int64_t step);
// Deletes all but the newest `keep` step checkpoints.
void pruneCheckpoints(const std::string& dir, int keep);

}  // namespace tb::train
