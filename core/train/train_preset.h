// Task presets of the fine-tune wizard: sensible starting settings for classification, structured output
// (JSON), style/tone and free generation, scaled by the data (how many examples, how long) and the model
// (size, context length). Starting points a person can change on the advanced page, not tuned results.
#pragma once

#include "core/train/example_builder.h"
#include "core/train/train_preflight.h"
#include "core/train/trainer.h"

namespace tb::train {

struct PresetDefaults {
    TrainConfig config;
    LossOn lossOn = LossOn::Completion;
    std::string rationale;  // one line saying why these values (shown under the preset choice)
};

PresetDefaults presetDefaults(TaskPreset preset, const TrainDataFacts& facts, long long modelParameters,
                              int modelContextLength);

}  // namespace tb::train
