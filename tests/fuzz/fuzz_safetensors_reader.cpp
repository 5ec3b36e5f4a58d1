// Fuzz target: the safetensors reader must turn any byte string into either a parsed file whose tensors
// all read back, or an error; never a crash, out-of-bounds read or huge allocation.
#include "core/model/safetensors_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = tb::SafetensorsFile::fromMapped(
        tb::MappedFile::fromBuffer("fuzz.safetensors", std::vector<uint8_t>(data, data + size)));
    if (!file.ok()) return 0;
    for (const auto& t : file.value()->tensors()) {
        if (t.end - t.begin > (1u << 20)) continue;
        auto values = file.value()->readFloats(t.name);
        if (!values.ok()) __builtin_trap();  // a validated tensor must be readable
    }
    return 0;
}
