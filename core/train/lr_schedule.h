// Learning-rate schedules: constant, linear decay, cosine decay, each after a linear warmup.
// Step s counts optimizer updates from 0; warmup uses lr * (s+1)/(warmup+1) so no update has lr 0.
// Not the optimizer (adamw.h).
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace tb::train {

enum class LrScheduleKind { Constant, Linear, Cosine };

struct LrSchedule {
    LrScheduleKind kind = LrScheduleKind::Linear;
    double lr = 2e-4;
    int64_t warmupSteps = 0;
    int64_t totalSteps = 1;  // updates in the run (for linear/cosine decay)
    double lrMinRatio = 0.0; // floor of the decay as a fraction of lr

    double at(int64_t step) const;
};

Result<LrScheduleKind> parseLrScheduleKind(const std::string& name);
std::string lrScheduleKindName(LrScheduleKind kind);

}  // namespace tb::train
