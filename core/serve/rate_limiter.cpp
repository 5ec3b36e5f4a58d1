#include "core/serve/rate_limiter.h"

#include <algorithm>

namespace tb::serve {

double RateLimiter::acquire(const std::string& key, std::chrono::steady_clock::time_point now) {
    if (m_rate <= 0) return 0.0;  // unlimited
    std::lock_guard lock(m_mutex);
    auto [it, inserted] = m_buckets.try_emplace(key);
    Bucket& b = it->second;
    if (inserted) {
        b.tokens = m_burst;
        b.last = now;
    }
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(m_burst, b.tokens + std::max(0.0, elapsed) * m_rate);
    b.last = now;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0.0;
    }
    return (1.0 - b.tokens) / m_rate;
}

}  // namespace tb::serve
