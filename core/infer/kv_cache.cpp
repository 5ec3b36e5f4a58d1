#include "core/infer/kv_cache.h"

namespace tb {

KvCache::KvCache(int layers, int kvHeads, int headDim, int capacity)
    : m_layers(layers), m_kvHeads(kvHeads), m_headDim(headDim), m_capacity(capacity),
      m_total(size_t(layers) * kvHeads * capacity * headDim),
      // Default-initialised (not zeroed): untouched pages stay out of the resident set.
      m_keys(new float[m_total]), m_values(new float[m_total]) {}

}  // namespace tb
