// BF16 <-> F32 conversion for the inference engine's weight copies (round to nearest even).
// Not a general tensor type: weights are stored as raw uint16_t arrays next to their F32 originals.
#pragma once

#include <cstdint>
#include <cstring>

namespace tb {

inline uint16_t floatToBf16(float f) {
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return uint16_t((bits >> 16) | 0x40);  // quiet NaN
    bits += 0x7fffu + ((bits >> 16) & 1u);
    return uint16_t(bits >> 16);
}

inline float bf16ToFloat(uint16_t h) {
    uint32_t bits = uint32_t(h) << 16;
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
}

}  // namespace tb
