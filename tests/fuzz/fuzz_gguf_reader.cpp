// Fuzz target: the GGUF reader must turn any byte string into either a parsed file (whose metadata
// getters and tensor reads behave) or an error; never a crash, out-of-bounds read or huge allocation.
#include "core/model/gguf_reader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto file = tb::GgufFile::fromMapped(tb::MappedFile::fromBuffer("fuzz.gguf", std::vector<uint8_t>(data, data + size)));
    if (!file.ok()) return 0;
    const auto& gguf = *file.value();
    for (const auto& key : gguf.keys()) {
        (void)gguf.getString(key);
        (void)gguf.getInt(key);
        (void)gguf.getFloat(key);
        (void)gguf.getBool(key);
        (void)gguf.getStringArray(key);
        (void)gguf.getFloatArray(key);
        (void)gguf.getIntArray(key);
    }
    for (const auto& t : gguf.tensors()) {
        if (t.byteSize > (1u << 18)) continue;
        auto values = gguf.readTensor(t.name);
        if (!values.ok() && tb::ggmlTypeTraits(t.type).canDequantize) __builtin_trap();
    }
    return 0;
}
