// The ggml tensor types as stored in GGUF files: block sizes and byte sizes of every type ggml defines
// (so a reader can validate any file), dequantisation to float for F32, F16, BF16, Q8_0, Q4_0, Q4_K,
// Q6_K, and ggml's reference Q8_0 quantiser. Not a matmul kernel library.
#pragma once

#include "core/common/result.h"

#include <cstdint>
#include <string>

namespace tb {

// Values of ggml's `enum ggml_type` that GGUF files store.
enum class GgmlType : uint32_t {
    F32 = 0, F16 = 1, Q4_0 = 2, Q4_1 = 3, Q5_0 = 6, Q5_1 = 7, Q8_0 = 8, Q8_1 = 9,
    Q2_K = 10, Q3_K = 11, Q4_K = 12, Q5_K = 13, Q6_K = 14, Q8_K = 15,
    IQ2_XXS = 16, IQ2_XS = 17, IQ3_XXS = 18, IQ1_S = 19, IQ4_NL = 20, IQ3_S = 21, IQ2_S = 22, IQ4_XS = 23,
    I8 = 24, I16 = 25, I32 = 26, I64 = 27, F64 = 28, IQ1_M = 29, BF16 = 30, TQ1_0 = 34, TQ2_0 = 35, MXFP4 = 39,
};

struct GgmlTypeTraits {
    const char* name = nullptr;  // nullptr: not a known type
    int64_t blockSize = 0;       // values per block
    int64_t typeSize = 0;        // bytes per block
    bool canDequantize = false;
};

GgmlTypeTraits ggmlTypeTraits(uint32_t type);
std::string ggmlTypeName(uint32_t type);  // "Q8_0", or "type 42" when unknown

// Dequantises `count` values (a multiple of the type's block size) from `src` to `dst`.
// `src` must hold count / blockSize * typeSize bytes (callers check this against the file).
Status dequantize(GgmlType type, const uint8_t* src, int64_t count, float* dst);

// ggml's reference Q8_0 quantiser (quantize_row_q8_0_ref): per block of 32, d = max|x| / 127 stored
// as F16, q = round-half-away-from-zero(x / d) computed with 1/d in float32. `count` % 32 == 0;
// `dst` receives count / 32 * 34 bytes.
void quantizeQ8_0(const float* src, int64_t count, uint8_t* dst);

constexpr int64_t kQ8_0BlockBytes = 34;

}  // namespace tb
