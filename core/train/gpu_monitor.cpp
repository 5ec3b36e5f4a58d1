#include "core/train/gpu_monitor.h"

#include <dlfcn.h>

#include <type_traits>

namespace tb::train {

namespace {
// The few NVML types and entry points used, as declared in nvml.h (stable C ABI since NVML 5).
using nvmlReturn_t = int;
using nvmlDevice_t = void*;
struct NvmlUtilization {
    unsigned int gpu;
    unsigned int memory;
};
struct NvmlMemory {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
}  // namespace

struct GpuMonitor::Api {
    void* lib = nullptr;
    nvmlReturn_t (*init)() = nullptr;
    nvmlReturn_t (*shutdown)() = nullptr;
    nvmlReturn_t (*count)(unsigned int*) = nullptr;
    nvmlReturn_t (*handle)(unsigned int, nvmlDevice_t*) = nullptr;
    nvmlReturn_t (*name)(nvmlDevice_t, char*, unsigned int) = nullptr;
    nvmlReturn_t (*utilization)(nvmlDevice_t, NvmlUtilization*) = nullptr;
    nvmlReturn_t (*memory)(nvmlDevice_t, NvmlMemory*) = nullptr;
    bool initialised = false;
    ~Api() {
        if (initialised && shutdown) shutdown();
        if (lib) dlclose(lib);
    }
};

Result<std::unique_ptr<GpuMonitor>> GpuMonitor::open() {
    auto api = std::make_unique<Api>();
    api->lib = dlopen("libnvidia-ml.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!api->lib)
        return inputError("no NVIDIA driver: libnvidia-ml.so.1 could not be loaded (training runs on the CPU)");
    auto sym = [&](auto& fn, const char* name) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(api->lib, name));
        return fn != nullptr;
    };
    if (!sym(api->init, "nvmlInit_v2") || !sym(api->shutdown, "nvmlShutdown") ||
        !sym(api->count, "nvmlDeviceGetCount_v2") || !sym(api->handle, "nvmlDeviceGetHandleByIndex_v2") ||
        !sym(api->name, "nvmlDeviceGetName") || !sym(api->utilization, "nvmlDeviceGetUtilizationRates") ||
        !sym(api->memory, "nvmlDeviceGetMemoryInfo"))
        return inputError("libnvidia-ml.so.1 lacks the NVML functions Tunebench reads (driver too old)");
    if (api->init() != 0) return inputError("NVML could not initialise (is the NVIDIA driver loaded?)");
    api->initialised = true;
    unsigned int n = 0;
    if (api->count(&n) != 0 || n == 0) return inputError("NVML reports no NVIDIA GPU");
    std::unique_ptr<GpuMonitor> m(new GpuMonitor);
    if (api->handle(0, &m->m_device) != 0) return inputError("NVML could not open GPU 0");
    char name[96] = {};
    if (api->name(m->m_device, name, sizeof name) == 0) m->m_name = name;
    m->m_api = std::move(api);
    return m;
}

GpuMonitor::~GpuMonitor() = default;

Result<GpuSample> GpuMonitor::sample() {
    NvmlUtilization u{};
    NvmlMemory mem{};
    if (m_api->utilization(m_device, &u) != 0 || m_api->memory(m_device, &mem) != 0)
        return internalError("NVML: reading GPU 0 failed");
    return GpuSample{double(u.gpu), int64_t(mem.used), int64_t(mem.total)};
}

}  // namespace tb::train
