// What the fine-tune wizard checks before a run starts: facts about the chosen splits as the model will
// see them (records, token lengths with the model's tokenizer and chat template, labels), the steps the
// trainer will plan, and warnings a person should read (too few examples for the task, imbalanced labels,
// records that would be truncated, no validation split). Advice only: the trainer still refuses what it must.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/train/example_builder.h"
#include "core/train/trainer.h"
#include "core/workspace/workspace_crypto.h"

namespace tb::train {

enum class TaskPreset { Classification, Json, Style, Generation };
const char* taskPresetName(TaskPreset preset);  // "classification", "json", "style", "generation"

struct TrainDataFacts {
    int64_t trainRecords = 0, valRecords = 0, testRecords = 0;
    std::vector<int> trainLengths;  // tokens of each usable training example, untruncated
    std::vector<int> valLengths;
    int64_t droppedRecords = 0;             // no target token even untruncated (e.g. empty completion)
    std::map<std::string, int64_t> labels;  // training split: label (or a short one-line completion) -> count
    int p95Length = 0, maxLength = 0;       // over trainLengths
};

// Reads the splits (valPath/testPath may be empty) and tokenizes them with `encoder` without truncation.
// key decrypts dataset-version files encrypted at rest (null: such files are refused with the reason).
Result<TrainDataFacts> analyzeTrainingData(const ExampleEncoder& encoder, const std::string& trainPath,
                                           const std::string& valPath, const std::string& testPath, LossOn lossOn,
                                           const WorkspaceKey* key = nullptr);

// Optimizer steps the trainer will plan for examples of these lengths (exactly as Trainer::create counts).
int64_t plannedSteps(const std::vector<int>& lengths, const TrainConfig& config);
// Tokens in one epoch after truncation to config.batch.maxSeqLen.
int64_t epochTokens(const std::vector<int>& lengths, const TrainConfig& config);
int64_t truncatedCount(const std::vector<int>& lengths, int maxSeqLen);

// The fewest training examples a preset is likely to learn from (per label for classification).
int64_t minimumExamples(TaskPreset preset);

struct PreflightWarning {
    std::string kind;     // "few-examples", "imbalanced", "truncation", "no-validation", "dropped"
    std::string message;  // one readable sentence with the figures and what to do
};
std::vector<PreflightWarning> preflightWarnings(const TrainDataFacts& facts, TaskPreset preset,
                                                const TrainConfig& config);

}  // namespace tb::train
