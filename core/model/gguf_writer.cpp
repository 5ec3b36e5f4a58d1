#include "core/model/gguf_writer.h"

#include "core/common/atomic_file.h"
#include "core/model/float_convert.h"

#include <cstring>
#include <set>

namespace tb {

GgufValue ggufString(std::string s) {
    GgufValue v;
    v.type = GgufValueType::String;
    v.s = std::move(s);
    return v;
}
GgufValue ggufUint32(uint32_t x) {
    GgufValue v;
    v.type = GgufValueType::Uint32;
    v.u = x;
    v.i = x;
    return v;
}
GgufValue ggufInt32(int32_t x) {
    GgufValue v;
    v.type = GgufValueType::Int32;
    v.i = x;
    v.u = uint64_t(int64_t(x));
    return v;
}
GgufValue ggufUint64(uint64_t x) {
    GgufValue v;
    v.type = GgufValueType::Uint64;
    v.u = x;
    v.i = int64_t(x);
    return v;
}
GgufValue ggufFloat32(float x) {
    GgufValue v;
    v.type = GgufValueType::Float32;
    v.f = x;
    return v;
}
GgufValue ggufBool(bool x) {
    GgufValue v;
    v.type = GgufValueType::Bool;
    v.i = x;
    v.u = x;
    return v;
}
GgufValue ggufStringArray(std::vector<std::string> s) {
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::String;
    v.count = s.size();
    v.strings = std::move(s);
    return v;
}
GgufValue ggufFloat32Array(const std::vector<float>& f) {
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::Float32;
    v.count = f.size();
    v.floats.assign(f.begin(), f.end());
    return v;
}
GgufValue ggufInt32Array(const std::vector<int64_t>& x) {
    GgufValue v;
    v.type = GgufValueType::Array;
    v.elementType = GgufValueType::Int32;
    v.count = x.size();
    v.ints = x;
    return v;
}

namespace {

template <typename T>
void put(std::string& out, T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out.append(b, sizeof(T));
}

void putString(std::string& out, const std::string& s) {
    put<uint64_t>(out, s.size());
    out += s;
}

void putScalar(std::string& out, GgufValueType t, int64_t i, uint64_t u, double f) {
    switch (t) {
    case GgufValueType::Uint8: put<uint8_t>(out, uint8_t(u)); break;
    case GgufValueType::Int8: put<int8_t>(out, int8_t(i)); break;
    case GgufValueType::Uint16: put<uint16_t>(out, uint16_t(u)); break;
    case GgufValueType::Int16: put<int16_t>(out, int16_t(i)); break;
    case GgufValueType::Uint32: put<uint32_t>(out, uint32_t(u)); break;
    case GgufValueType::Int32: put<int32_t>(out, int32_t(i)); break;
    case GgufValueType::Uint64: put<uint64_t>(out, u); break;
    case GgufValueType::Int64: put<int64_t>(out, i); break;
    case GgufValueType::Float32: put<float>(out, float(f)); break;
    case GgufValueType::Float64: put<double>(out, f); break;
    case GgufValueType::Bool: put<uint8_t>(out, i ? 1 : 0); break;
    default: break;
    }
}

Status putValue(std::string& out, const GgufValue& v, const std::string& key) {
    if (v.type == GgufValueType::String) {
        putString(out, v.s);
        return Status::success();
    }
    if (v.type != GgufValueType::Array) {
        putScalar(out, v.type, v.i, v.u, v.f);
        return Status::success();
    }
    put<uint32_t>(out, uint32_t(v.elementType));
    switch (v.elementType) {
    case GgufValueType::String:
        put<uint64_t>(out, v.strings.size());
        for (const auto& s : v.strings) putString(out, s);
        break;
    case GgufValueType::Float32: case GgufValueType::Float64:
        put<uint64_t>(out, v.floats.size());
        for (double f : v.floats) putScalar(out, v.elementType, 0, 0, f);
        break;
    case GgufValueType::Array:
        put<uint64_t>(out, v.arrays.size());
        for (const auto& a : v.arrays) {
            if (a.type != GgufValueType::Array) return inputError("GGUF writer: key '" + key + "': nested element is not an array");
            TB_TRY(putValue(out, a, key));
        }
        break;
    default:
        put<uint64_t>(out, v.ints.size());
        for (int64_t x : v.ints) putScalar(out, v.elementType, x, uint64_t(x), 0);
        break;
    }
    return Status::success();
}

uint64_t alignUp(uint64_t x, uint64_t a) { return (x + a - 1) / a * a; }

}  // namespace

Result<std::string> encodeGguf(const GgufMetadata& metadata, const std::vector<NamedTensor>& tensors) {
    uint64_t alignment = 32;
    std::set<std::string> keys;
    for (const auto& [key, value] : metadata) {
        if (key.empty() || !keys.insert(key).second) return inputError("GGUF writer: empty or duplicate key '" + key + "'");
        if (key == "general.alignment") {
            if (value.type != GgufValueType::Uint32 || value.u == 0 || (value.u & (value.u - 1)) != 0)
                return inputError("GGUF writer: general.alignment must be a uint32 power of two");
            alignment = value.u;
        }
    }
    std::set<std::string> names;
    struct Encoded {
        std::vector<uint64_t> ne;
        GgmlType type;
        std::string bytes;
    };
    std::vector<Encoded> encoded;
    for (const auto& t : tensors) {
        const std::string where = "GGUF writer: tensor '" + t.name + "'";
        if (t.name.empty() || !names.insert(t.name).second) return inputError("GGUF writer: empty or duplicate tensor name '" + t.name + "'");
        if (t.shape.empty() || t.shape.size() > 4) return inputError(where + " must have 1 to 4 dimensions");
        uint64_t count = 1;
        for (int64_t d : t.shape) {
            if (d <= 0) return inputError(where + " has a non-positive dimension");
            count *= uint64_t(d);
        }
        if (count != t.values.size()) return inputError(where + ": shape and value count differ");
        Encoded e;
        for (auto it = t.shape.rbegin(); it != t.shape.rend(); ++it) e.ne.push_back(uint64_t(*it));
        switch (t.storage) {
        case StorageType::F32:
            e.type = GgmlType::F32;
            e.bytes.assign(reinterpret_cast<const char*>(t.values.data()), t.values.size() * 4);
            break;
        case StorageType::F16:
            e.type = GgmlType::F16;
            for (float v : t.values) put<uint16_t>(e.bytes, floatToF16(v));
            break;
        case StorageType::BF16:
            e.type = GgmlType::BF16;
            for (float v : t.values) put<uint16_t>(e.bytes, floatToBf16(v));
            break;
        case StorageType::Q8_0:
            if (e.ne[0] % 32 != 0) return inputError(where + ": rows of " + std::to_string(e.ne[0]) + " values cannot be Q8_0 (need a multiple of 32)");
            e.type = GgmlType::Q8_0;
            e.bytes.resize(t.values.size() / 32 * kQ8_0BlockBytes);
            quantizeQ8_0(t.values.data(), int64_t(t.values.size()), reinterpret_cast<uint8_t*>(e.bytes.data()));
            break;
        }
        encoded.push_back(std::move(e));
    }

    std::string out;
    put<uint32_t>(out, 0x46554747u);  // "GGUF"
    put<uint32_t>(out, 3);
    put<uint64_t>(out, tensors.size());
    put<uint64_t>(out, metadata.size());
    for (const auto& [key, value] : metadata) {
        putString(out, key);
        put<uint32_t>(out, uint32_t(value.type));
        TB_TRY(putValue(out, value, key));
    }
    uint64_t offset = 0;
    for (size_t i = 0; i < tensors.size(); ++i) {
        putString(out, tensors[i].name);
        put<uint32_t>(out, uint32_t(encoded[i].ne.size()));
        for (uint64_t d : encoded[i].ne) put<uint64_t>(out, d);
        put<uint32_t>(out, uint32_t(encoded[i].type));
        put<uint64_t>(out, offset);
        offset = alignUp(offset + encoded[i].bytes.size(), alignment);
    }
    out.resize(alignUp(out.size(), alignment), '\0');
    for (const auto& e : encoded) {
        out += e.bytes;
        out.resize(alignUp(out.size(), alignment), '\0');
    }
    return out;
}

Status writeGguf(const std::string& path, const GgufMetadata& metadata, const std::vector<NamedTensor>& tensors) {
    auto bytes = encodeGguf(metadata, tensors);
    if (!bytes) return inputError(path + ": " + bytes.message());
    return writeFileAtomically(path, bytes.value());
}

}  // namespace tb
