// The key/value cache of one sequence: for every layer and KV head a contiguous (capacity, D) block of
// keys and one of values, so attention reads each head's history as one dense matrix.
// Memory is reserved up front but pages are only touched as positions fill. Not thread-safe.
#pragma once

#include "core/common/aligned_buffer.h"

#include <cstddef>

namespace tb {

class KvCache {
public:
    KvCache() = default;
    KvCache(int layers, int kvHeads, int headDim, int capacity);

    int capacity() const { return m_capacity; }
    int length() const { return m_length; }
    void setLength(int length) { m_length = length; }

    // Key/value row of (layer, kvHead) at position pos: D floats. Rows of one head are contiguous.
    float* key(int layer, int kvHead, int pos) { return m_keys.get() + offset(layer, kvHead, pos); }
    float* value(int layer, int kvHead, int pos) { return m_values.get() + offset(layer, kvHead, pos); }
    const float* key(int layer, int kvHead, int pos) const { return m_keys.get() + offset(layer, kvHead, pos); }
    const float* value(int layer, int kvHead, int pos) const { return m_values.get() + offset(layer, kvHead, pos); }

    // Bytes reserved (keys + values).
    size_t reservedBytes() const { return 2 * m_total * sizeof(float); }

private:
    // Each head's block starts on an aligned address (its stride is padded), so attention's reductions see
    // the same alignment in every cache.
    size_t offset(int layer, int kvHead, int pos) const {
        return (size_t(layer) * m_kvHeads + kvHead) * m_headStride + size_t(pos) * m_headDim;
    }
    int m_layers = 0, m_kvHeads = 0, m_headDim = 0, m_capacity = 0, m_length = 0;
    size_t m_headStride = 0;  // capacity * D rounded up to the alignment
    size_t m_total = 0;
    AlignedFloats m_keys, m_values;  // (L, NKV, capacity, D) each
};

}  // namespace tb
