// A heap array of floats aligned to 64 bytes (one cache line, the widest SIMD register we build for).
// Why: Eigen's reductions (sum, squaredNorm, dot) start with a scalar prologue up to the first aligned
// element, so the same numbers at two different addresses are summed in a different order and differ in
// the last bit. Buffers that hold activations, caches and scratch use this type so that a forward pass gives
// bit-identical results whatever addresses malloc hands out (two sessions, two runs, CI vs desktop).
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>

namespace tb {

inline constexpr size_t kBufferAlignmentBytes = 64;
inline constexpr size_t kFloatsPerAlignment = kBufferAlignmentBytes / sizeof(float);

// Rounds a float count up so that consecutive slots of that many floats all stay aligned.
constexpr size_t alignedFloatCount(size_t n) { return (n + kFloatsPerAlignment - 1) / kFloatsPerAlignment * kFloatsPerAlignment; }

class AlignedFloats {
public:
    AlignedFloats() = default;
    // Uninitialised (pages untouched until written), like new float[n].
    explicit AlignedFloats(size_t n) { allocate(n); }

    void allocate(size_t n) {
        m_data.reset();
        m_size = 0;
        if (n == 0) return;
        void* p = std::aligned_alloc(kBufferAlignmentBytes, alignedFloatCount(n) * sizeof(float));
        if (!p) throw std::bad_alloc();
        m_data.reset(static_cast<float*>(p));
        m_size = n;
    }
    float* get() const { return m_data.get(); }
    size_t size() const { return m_size; }
    float& operator[](size_t i) const { return m_data.get()[i]; }

private:
    struct Free {
        void operator()(float* p) const { std::free(p); }
    };
    std::unique_ptr<float, Free> m_data;
    size_t m_size = 0;
};

}  // namespace tb
