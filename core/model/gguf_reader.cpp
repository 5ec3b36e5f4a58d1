#include "core/model/gguf_reader.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace tb {

const char* ggufValueTypeName(GgufValueType type) {
    static const char* names[] = {"uint8", "int8",   "uint16", "int16",  "uint32", "int32",  "float32",
                                  "bool",  "string", "array",  "uint64", "int64",  "float64"};
    const uint32_t t = uint32_t(type);
    return t < 13 ? names[t] : "unknown";
}

bool GgufValue::isInteger() const {
    switch (type) {
    case GgufValueType::Uint8: case GgufValueType::Int8: case GgufValueType::Uint16: case GgufValueType::Int16:
    case GgufValueType::Uint32: case GgufValueType::Int32: case GgufValueType::Uint64: case GgufValueType::Int64:
        return true;
    default: return false;
    }
}

int64_t GgufTensorInfo::elementCount() const {
    int64_t n = 1;
    for (int64_t d : ne) n *= d;  // validated at open
    return n;
}

namespace {

// Smallest encoded size of one element of a value type (a string is at least its 8-byte length;
// an array at least its 4-byte type and 8-byte count).
uint64_t minEncodedSize(GgufValueType t) {
    switch (t) {
    case GgufValueType::Uint8: case GgufValueType::Int8: case GgufValueType::Bool: return 1;
    case GgufValueType::Uint16: case GgufValueType::Int16: return 2;
    case GgufValueType::Uint32: case GgufValueType::Int32: case GgufValueType::Float32: return 4;
    case GgufValueType::Uint64: case GgufValueType::Int64: case GgufValueType::Float64: case GgufValueType::String: return 8;
    case GgufValueType::Array: return 12;
    }
    return 1;
}

}  // namespace

// A cursor over the mapped bytes; every read checks the remaining length first.
class GgufFile::Parser {
public:
    Parser(const MappedFile& file) : m_file(file), m_data(file.bytes().data()), m_size(file.size()) {}

    uint64_t pos() const { return m_pos; }
    uint64_t remaining() const { return m_size - m_pos; }
    Error fail(const std::string& why) const {
        return inputError(m_file.path() + ": GGUF: " + why + " (at byte " + std::to_string(m_pos) + ")");
    }

    template <typename T>
    Result<T> read(const char* what) {
        if (remaining() < sizeof(T)) return fail(std::string("file ends inside ") + what);
        T v;
        std::memcpy(&v, m_data + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }

    Result<std::string> readString(const char* what) {
        auto len = read<uint64_t>(what);
        if (!len) return len.error();
        if (len.value() > kMaxStringBytes)
            return fail(std::string(what) + " has length " + std::to_string(len.value()) + ", over the limit of " +
                        std::to_string(kMaxStringBytes));
        if (len.value() > remaining())
            return fail(std::string(what) + " has length " + std::to_string(len.value()) + ", past the end of the file");
        std::string s(reinterpret_cast<const char*>(m_data + m_pos), size_t(len.value()));
        m_pos += len.value();
        return s;
    }

    Status readValue(GgufValueType type, GgufValue& out, const std::string& key, int depth) {
        out.type = type;
        switch (type) {
        case GgufValueType::Uint8: return scalar<uint8_t>(out, key);
        case GgufValueType::Int8: return scalar<int8_t>(out, key);
        case GgufValueType::Uint16: return scalar<uint16_t>(out, key);
        case GgufValueType::Int16: return scalar<int16_t>(out, key);
        case GgufValueType::Uint32: return scalar<uint32_t>(out, key);
        case GgufValueType::Int32: return scalar<int32_t>(out, key);
        case GgufValueType::Uint64: return scalar<uint64_t>(out, key);
        case GgufValueType::Int64: return scalar<int64_t>(out, key);
        case GgufValueType::Float32: {
            auto v = read<float>(("value of '" + key + "'").c_str());
            if (!v) return v.error();
            out.f = v.value();
            return Status::success();
        }
        case GgufValueType::Float64: {
            auto v = read<double>(("value of '" + key + "'").c_str());
            if (!v) return v.error();
            out.f = v.value();
            return Status::success();
        }
        case GgufValueType::Bool: {
            auto v = read<uint8_t>(("value of '" + key + "'").c_str());
            if (!v) return v.error();
            if (v.value() > 1) return fail("bool '" + key + "' has value " + std::to_string(v.value()));
            out.i = v.value();
            out.u = v.value();
            return Status::success();
        }
        case GgufValueType::String: {
            auto s = readString(("string '" + key + "'").c_str());
            if (!s) return s.error();
            out.s = std::move(s.value());
            return Status::success();
        }
        case GgufValueType::Array: return readArray(out, key, depth);
        }
        return fail("key '" + key + "' has unknown value type " + std::to_string(uint32_t(type)));
    }

private:
    template <typename T>
    Status scalar(GgufValue& out, const std::string& key) {
        auto v = read<T>(("value of '" + key + "'").c_str());
        if (!v) return v.error();
        if constexpr (std::is_signed_v<T>) {
            out.i = int64_t(v.value());
            out.u = uint64_t(out.i);
        } else {
            out.u = uint64_t(v.value());
            out.i = int64_t(out.u);
        }
        return Status::success();
    }

    Status readArray(GgufValue& out, const std::string& key, int depth) {
        if (depth >= kMaxArrayDepth) return fail("array '" + key + "' is nested deeper than " + std::to_string(kMaxArrayDepth));
        auto elemType = read<uint32_t>(("array type of '" + key + "'").c_str());
        if (!elemType) return elemType.error();
        if (elemType.value() > 12) return fail("array '" + key + "' has unknown element type " + std::to_string(elemType.value()));
        auto count = read<uint64_t>(("array count of '" + key + "'").c_str());
        if (!count) return count.error();
        const GgufValueType et = GgufValueType(elemType.value());
        const uint64_t n = count.value();
        if (n > kMaxArrayCount)
            return fail("array '" + key + "' has " + std::to_string(n) + " elements, over the limit of " + std::to_string(kMaxArrayCount));
        if (n > remaining() / minEncodedSize(et))
            return fail("array '" + key + "' claims " + std::to_string(n) + " " + ggufValueTypeName(et) +
                        " elements, more than the rest of the file can hold");
        // Each nested array becomes an in-memory GgufValue (~200 bytes from 12 file bytes): keep them few.
        if (et == GgufValueType::Array && n > kMaxNestedArrays)
            return fail("array '" + key + "' holds " + std::to_string(n) + " nested arrays, over the limit of " +
                        std::to_string(kMaxNestedArrays));
        out.elementType = et;
        out.count = n;
        GgufValue element;
        switch (et) {
        case GgufValueType::String: out.strings.reserve(size_t(n)); break;
        case GgufValueType::Float32: case GgufValueType::Float64: out.floats.reserve(size_t(n)); break;
        case GgufValueType::Array: break;
        default: out.ints.reserve(size_t(n)); break;
        }
        for (uint64_t k = 0; k < n; ++k) {
            element = GgufValue();
            TB_TRY(readValue(et, element, key, depth + 1));
            switch (et) {
            case GgufValueType::String: out.strings.push_back(std::move(element.s)); break;
            case GgufValueType::Float32: case GgufValueType::Float64: out.floats.push_back(element.f); break;
            case GgufValueType::Array: out.arrays.push_back(std::move(element)); break;
            case GgufValueType::Uint64:
                if (element.u > uint64_t(std::numeric_limits<int64_t>::max())) out.hasUint64AboveInt64 = true;
                out.ints.push_back(element.i);
                break;
            default: out.ints.push_back(element.i); break;
            }
        }
        return Status::success();
    }

    const MappedFile& m_file;
    const uint8_t* m_data;
    uint64_t m_size;
    uint64_t m_pos = 0;
};

Result<std::shared_ptr<GgufFile>> GgufFile::open(const std::string& path) {
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    return fromMapped(std::move(mapped.value()));
}

Result<std::shared_ptr<GgufFile>> GgufFile::fromMapped(std::shared_ptr<MappedFile> file) {
    std::shared_ptr<GgufFile> gguf(new GgufFile());
    gguf->m_file = file;
    Parser p(*file);
    auto magic = p.read<uint32_t>("the magic number");
    if (!magic) return magic.error();
    if (magic.value() != 0x46554747u) return p.fail("not a GGUF file (the first 4 bytes are not 'GGUF')");
    auto version = p.read<uint32_t>("the version");
    if (!version) return version.error();
    if (version.value() != 2 && version.value() != 3)
        return p.fail("version " + std::to_string(version.value()) + " is not supported (supported: 2, 3)");
    gguf->m_version = version.value();
    auto tensorCount = p.read<uint64_t>("the tensor count");
    if (!tensorCount) return tensorCount.error();
    auto kvCount = p.read<uint64_t>("the metadata count");
    if (!kvCount) return kvCount.error();
    // A tensor info takes at least 8 (name) + 4 (dims) + 4 (type) + 8 (offset) bytes; a key/value at least 8 + 4 + 1.
    if (tensorCount.value() > kMaxTensorCount || tensorCount.value() > p.remaining() / 24)
        return p.fail("tensor count " + std::to_string(tensorCount.value()) + " is implausible for a file of " +
                      std::to_string(file->size()) + " bytes");
    if (kvCount.value() > kMaxKvCount || kvCount.value() > p.remaining() / 13)
        return p.fail("metadata count " + std::to_string(kvCount.value()) + " is implausible for a file of " +
                      std::to_string(file->size()) + " bytes");

    for (uint64_t k = 0; k < kvCount.value(); ++k) {
        auto key = p.readString("a metadata key");
        if (!key) return key.error();
        if (key->empty()) return p.fail("metadata key " + std::to_string(k) + " is empty");
        if (gguf->m_kv.count(key.value())) return p.fail("metadata key '" + key.value() + "' appears twice");
        auto type = p.read<uint32_t>(("the type of '" + key.value() + "'").c_str());
        if (!type) return type.error();
        if (type.value() > 12) return p.fail("key '" + key.value() + "' has unknown value type " + std::to_string(type.value()));
        GgufValue value;
        TB_TRY(p.readValue(GgufValueType(type.value()), value, key.value(), 0));
        gguf->m_keyOrder.push_back(key.value());
        gguf->m_kv.emplace(key.value(), std::move(value));
    }

    if (const GgufValue* align = gguf->find("general.alignment")) {
        if (align->type != GgufValueType::Uint32)
            return p.fail(std::string("general.alignment must be uint32 (is ") + ggufValueTypeName(align->type) + ")");
        const uint64_t a = align->u;
        if (a == 0 || (a & (a - 1)) != 0 || a > (1u << 20))
            return p.fail("general.alignment " + std::to_string(a) + " is not a power of two up to 1 MiB");
        gguf->m_alignment = uint32_t(a);
    }

    for (uint64_t t = 0; t < tensorCount.value(); ++t) {
        GgufTensorInfo info;
        auto name = p.readString("a tensor name");
        if (!name) return name.error();
        info.name = std::move(name.value());
        if (info.name.empty() || info.name.size() > 1024) return p.fail("tensor " + std::to_string(t) + " has an empty or overlong name");
        if (gguf->m_tensorIndex.count(info.name)) return p.fail("tensor '" + info.name + "' appears twice");
        const std::string where = "tensor '" + info.name + "'";
        auto dims = p.read<uint32_t>(("the dimension count of " + where).c_str());
        if (!dims) return dims.error();
        if (dims.value() == 0 || dims.value() > kMaxDims)
            return p.fail(where + " has " + std::to_string(dims.value()) + " dimensions (1 to 4 allowed)");
        uint64_t elements = 1;
        for (uint32_t d = 0; d < dims.value(); ++d) {
            auto ne = p.read<uint64_t>(("a dimension of " + where).c_str());
            if (!ne) return ne.error();
            if (ne.value() > uint64_t(std::numeric_limits<int64_t>::max()) || !checkedMul(elements, ne.value(), elements) ||
                elements > uint64_t(std::numeric_limits<int64_t>::max()))
                return p.fail(where + " has dimensions whose product overflows");
            info.ne.push_back(int64_t(ne.value()));
        }
        auto type = p.read<uint32_t>(("the type of " + where).c_str());
        if (!type) return type.error();
        const GgmlTypeTraits traits = ggmlTypeTraits(type.value());
        if (!traits.name) return p.fail(where + " has unknown ggml type " + std::to_string(type.value()));
        info.type = type.value();
        if (info.ne[0] % traits.blockSize != 0)
            return p.fail(where + " has rows of " + std::to_string(info.ne[0]) + " values, not a multiple of the " +
                          traits.name + " block size " + std::to_string(traits.blockSize));
        if (!checkedMul(elements / uint64_t(traits.blockSize), uint64_t(traits.typeSize), info.byteSize))
            return p.fail(where + " byte size overflows");
        auto offset = p.read<uint64_t>(("the offset of " + where).c_str());
        if (!offset) return offset.error();
        info.offset = offset.value();
        if (info.offset % gguf->m_alignment != 0)
            return p.fail(where + " offset " + std::to_string(info.offset) + " is not a multiple of the alignment " +
                          std::to_string(gguf->m_alignment));
        gguf->m_tensorIndex[info.name] = gguf->m_tensors.size();
        gguf->m_tensors.push_back(std::move(info));
    }

    // The data section starts at the next multiple of the alignment.
    const uint64_t a = gguf->m_alignment;
    if (!checkedAdd(p.pos(), a - 1, gguf->m_dataOffset)) return p.fail("data offset overflows");
    gguf->m_dataOffset -= gguf->m_dataOffset % a;
    const uint64_t dataSize = gguf->m_dataOffset <= file->size() ? file->size() - gguf->m_dataOffset : 0;
    std::vector<const GgufTensorInfo*> byOffset;
    for (const auto& t : gguf->m_tensors) {
        if (!file->contains(gguf->m_dataOffset, 0) || t.offset > dataSize || t.byteSize > dataSize - t.offset)
            return inputError(file->path() + ": GGUF: tensor '" + t.name + "' (" + std::to_string(t.byteSize) +
                              " bytes at data offset " + std::to_string(t.offset) + ") lies past the end of the file (" +
                              std::to_string(file->size()) + " bytes, data from byte " + std::to_string(gguf->m_dataOffset) + ")");
        byOffset.push_back(&t);
    }
    std::sort(byOffset.begin(), byOffset.end(), [](auto* x, auto* y) { return x->offset < y->offset; });
    for (size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->offset < byOffset[i - 1]->offset + byOffset[i - 1]->byteSize)
            return inputError(file->path() + ": GGUF: tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name + "' overlap");
    return gguf;
}

const GgufValue* GgufFile::find(const std::string& key) const {
    auto it = m_kv.find(key);
    return it == m_kv.end() ? nullptr : &it->second;
}

Error GgufFile::keyError(const std::string& key, const std::string& why) const {
    return inputError(path() + ": GGUF key '" + key + "' " + why);
}

Result<std::string> GgufFile::getString(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type != GgufValueType::String) return keyError(key, std::string("is ") + ggufValueTypeName(v->type) + ", not a string");
    return v->s;
}

Result<int64_t> GgufFile::getInt(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (!v->isInteger()) return keyError(key, std::string("is ") + ggufValueTypeName(v->type) + ", not an integer");
    if (v->type == GgufValueType::Uint64 && v->u > uint64_t(std::numeric_limits<int64_t>::max()))
        return keyError(key, "value " + std::to_string(v->u) + " does not fit in int64");
    return v->i;
}

Result<double> GgufFile::getFloat(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type == GgufValueType::Float32 || v->type == GgufValueType::Float64) return v->f;
    if (v->isInteger()) return v->type == GgufValueType::Uint64 ? double(v->u) : double(v->i);
    return keyError(key, std::string("is ") + ggufValueTypeName(v->type) + ", not a number");
}

Result<bool> GgufFile::getBool(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type != GgufValueType::Bool) return keyError(key, std::string("is ") + ggufValueTypeName(v->type) + ", not a bool");
    return v->i != 0;
}

Result<std::vector<std::string>> GgufFile::getStringArray(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type != GgufValueType::Array || v->elementType != GgufValueType::String)
        return keyError(key, "is not an array of strings");
    return v->strings;
}

Result<std::vector<float>> GgufFile::getFloatArray(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type != GgufValueType::Array) return keyError(key, "is not an array");
    if (v->elementType == GgufValueType::Float32 || v->elementType == GgufValueType::Float64)
        return std::vector<float>(v->floats.begin(), v->floats.end());
    if (v->elementType != GgufValueType::Bool && v->elementType != GgufValueType::String &&
        v->elementType != GgufValueType::Array) {
        std::vector<float> out;
        out.reserve(v->ints.size());
        for (int64_t x : v->ints) out.push_back(float(x));
        return out;
    }
    return keyError(key, std::string("is an array of ") + ggufValueTypeName(v->elementType) + ", not of numbers");
}

Result<std::vector<int64_t>> GgufFile::getIntArray(const std::string& key) const {
    const GgufValue* v = find(key);
    if (!v) return keyError(key, "is missing");
    if (v->type != GgufValueType::Array) return keyError(key, "is not an array");
    switch (v->elementType) {
    case GgufValueType::String: case GgufValueType::Array: case GgufValueType::Float32: case GgufValueType::Float64:
        return keyError(key, std::string("is an array of ") + ggufValueTypeName(v->elementType) + ", not of integers");
    default: break;
    }
    if (v->hasUint64AboveInt64) return keyError(key, "holds a uint64 that does not fit in int64");
    return v->ints;
}

const GgufTensorInfo* GgufFile::findTensor(const std::string& name) const {
    auto it = m_tensorIndex.find(name);
    return it == m_tensorIndex.end() ? nullptr : &m_tensors[it->second];
}

Result<std::span<const uint8_t>> GgufFile::tensorBytes(const std::string& name) const {
    const GgufTensorInfo* t = findTensor(name);
    if (!t) return inputError(path() + ": no tensor named '" + name + "'");
    return m_file->span(m_dataOffset + t->offset, t->byteSize, "tensor '" + name + "'");
}

Result<std::vector<float>> GgufFile::readTensor(const std::string& name) const {
    auto bytes = tensorBytes(name);
    if (!bytes) return bytes.error();
    const GgufTensorInfo* t = findTensor(name);
    std::vector<float> out(size_t(t->elementCount()));
    Status s = dequantize(GgmlType(t->type), bytes->data(), t->elementCount(), out.data());
    if (!s) return inputError(path() + ": tensor '" + name + "': " + s.message());
    return out;
}

Result<Matrix> GgufFile::readMatrix(const std::string& name) const {
    const GgufTensorInfo* t = findTensor(name);
    if (!t) return inputError(path() + ": no tensor named '" + name + "'");
    if (t->ne.size() > 2 && std::any_of(t->ne.begin() + 2, t->ne.end(), [](int64_t d) { return d != 1; }))
        return inputError(path() + ": tensor '" + name + "' has more than two dimensions");
    const int64_t cols = t->ne[0];
    const int64_t rows = t->ne.size() >= 2 ? t->ne[1] : 1;
    if (rows > std::numeric_limits<int>::max() || cols > std::numeric_limits<int>::max())
        return inputError(path() + ": tensor '" + name + "' is too large for a matrix");
    auto bytes = tensorBytes(name);
    if (!bytes) return bytes.error();
    Matrix m(rows, cols);
    Status s = dequantize(GgmlType(t->type), bytes->data(), rows * cols, m.data());
    if (!s) return inputError(path() + ": tensor '" + name + "': " + s.message());
    return m;
}

Result<Vector> GgufFile::readVector(const std::string& name) const {
    const GgufTensorInfo* t = findTensor(name);
    if (!t) return inputError(path() + ": no tensor named '" + name + "'");
    if (t->ne.size() != 1) return inputError(path() + ": tensor '" + name + "' is not one-dimensional");
    if (t->ne[0] > std::numeric_limits<int>::max()) return inputError(path() + ": tensor '" + name + "' is too large");
    auto bytes = tensorBytes(name);
    if (!bytes) return bytes.error();
    Vector v(t->ne[0]);
    Status s = dequantize(GgmlType(t->type), bytes->data(), t->ne[0], v.data());
    if (!s) return inputError(path() + ": tensor '" + name + "': " + s.message());
    return v;
}

}  // namespace tb
