#include "core/train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace tb::train {

double LrSchedule::at(int64_t step) const {
    if (step < warmupSteps) return lr * double(step + 1) / double(warmupSteps + 1);
    if (kind == LrScheduleKind::Constant) return lr;
    const double span = double(std::max<int64_t>(1, totalSteps - warmupSteps));
    const double progress = std::clamp(double(step - warmupSteps) / span, 0.0, 1.0);
    const double factor = kind == LrScheduleKind::Linear ? 1.0 - progress : 0.5 * (1.0 + std::cos(M_PI * progress));
    return lr * (lrMinRatio + (1.0 - lrMinRatio) * factor);
}

Result<LrScheduleKind> parseLrScheduleKind(const std::string& name) {
    if (name == "constant") return LrScheduleKind::Constant;
    if (name == "linear") return LrScheduleKind::Linear;
    if (name == "cosine") return LrScheduleKind::Cosine;
    return inputError("lr_schedule: unknown schedule '" + name + "' (constant, linear or cosine)");
}

std::string lrScheduleKindName(LrScheduleKind kind) {
    switch (kind) {
        case LrScheduleKind::Constant: return "constant";
        case LrScheduleKind::Linear: return "linear";
        default: return "cosine";
    }
}

}  // namespace tb::train
