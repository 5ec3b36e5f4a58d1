// The SiLU-gated MLP's elementwise part: a = silu(gate) * up, over T rows of F values.
// The three projections around it are LinearWeight products done by the session.
#pragma once

namespace tb {

// gate (T*F) is overwritten with silu(gate) * up.
void swiGluForward(float* gate, const float* up, long long count);

}  // namespace tb
