#include "core/infer/kv_cache.h"

namespace tb {

KvCache::KvCache(int layers, int kvHeads, int headDim, int capacity)
    : m_layers(layers), m_kvHeads(kvHeads), m_headDim(headDim), m_capacity(capacity),
      m_headStride(alignedFloatCount(size_t(capacity) * headDim)),
      m_total(size_t(layers) * kvHeads * m_headStride),
      // Not zeroed: untouched pages stay out of the resident set.
      m_keys(m_total), m_values(m_total) {}

}  // namespace tb
