// GPU utilisation and memory through NVIDIA's NVML, loaded at run time with dlopen("libnvidia-ml.so.1")
// so Tunebench neither links nor needs it. open() says why there is no GPU figure (no driver library,
// init failed, no device) so the dashboard can tell the user. Not used for training (which is CPU only).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/common/result.h"

namespace tb::train {

struct GpuSample {
    double utilisationPercent = 0.0;  // of the first device
    int64_t memoryUsedBytes = 0;
    int64_t memoryTotalBytes = 0;
};

class GpuMonitor {
public:
    // Fails with a readable reason when NVML is absent or has no device.
    static Result<std::unique_ptr<GpuMonitor>> open();
    ~GpuMonitor();
    GpuMonitor(const GpuMonitor&) = delete;
    GpuMonitor& operator=(const GpuMonitor&) = delete;

    const std::string& deviceName() const { return m_name; }
    Result<GpuSample> sample();

private:
    GpuMonitor() = default;
    struct Api;
    std::unique_ptr<Api> m_api;
    void* m_device = nullptr;
    std::string m_name;
};

}  // namespace tb::train
