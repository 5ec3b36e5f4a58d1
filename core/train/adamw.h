// AdamW exactly as torch.optim.AdamW computes it (decoupled weight decay, bias-corrected moments), with
// its first and second moments in two arenas laid out like the gradient arena (ParamRef::offset), plus
// clipping by global norm. Not the schedule (lr_schedule.h) and not the loop.
#pragma once

#include "core/train/train_model.h"

#include <cstdint>
#include <vector>

namespace tb::train {

struct AdamWSettings {
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float eps = 1e-8f;
    float weightDecay = 0.0f;  // applied to ParamRef::decay tensors only
};

class AdamW {
public:
    AdamW() = default;
    AdamW(int64_t count, AdamWSettings settings) : m_settings(settings), m_m(size_t(count), 0.f), m_v(size_t(count), 0.f) {}

    // One update of every parameter with its gradient from `grads` at learning rate lr.
    void step(std::vector<ParamRef>& params, const float* grads, float lr);

    int64_t stepCount() const { return m_step; }
    void setStepCount(int64_t s) { m_step = s; }
    std::vector<float>& firstMoment() { return m_m; }   // (P)
    std::vector<float>& secondMoment() { return m_v; }  // (P)
    const AdamWSettings& settings() const { return m_settings; }

private:
    AdamWSettings m_settings;
    int64_t m_step = 0;
    std::vector<float> m_m, m_v;
};

// L2 norm of the whole gradient arena, summed in a fixed order (deterministic for any thread count).
double globalGradNorm(const std::vector<float>& grads);
// torch.nn.utils.clip_grad_norm_: if norm > maxNorm scale by maxNorm / (norm + 1e-6). Returns the norm
// before clipping. maxNorm <= 0 disables clipping.
double clipGradNorm(std::vector<float>& grads, double maxNorm);

}  // namespace tb::train
