// Per-key token-bucket rate limiting for the endpoint: each key may make `ratePerSecond` requests on
// average with bursts of `burst`. Thread-safe. Returns how long to wait when a request is refused.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace tb::serve {

class RateLimiter {
public:
    RateLimiter(double ratePerSecond, double burst) : m_rate(ratePerSecond), m_burst(burst) {}
    // 0 when allowed (and a token is taken); otherwise the seconds until one is available.
    double acquire(const std::string& key, std::chrono::steady_clock::time_point now = std::chrono::steady_clock::now());

private:
    struct Bucket {
        double tokens = 0;
        std::chrono::steady_clock::time_point last;
    };
    double m_rate, m_burst;
    std::mutex m_mutex;
    std::map<std::string, Bucket> m_buckets;
};

}  // namespace tb::serve
