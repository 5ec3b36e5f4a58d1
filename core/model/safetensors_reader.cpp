#include "core/model/safetensors_reader.h"

#include "core/model/float_convert.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <limits>

namespace tb {

namespace {

// Refuse JSON nested deeper than this before handing it to the parser (a header is two levels deep).
constexpr int kMaxJsonDepth = 32;

bool jsonDepthWithin(const char* data, size_t size, int limit) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit) return false;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return true;
}

std::string shapeText(const std::vector<int64_t>& shape) {
    std::string s = "[";
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

}  // namespace

int64_t SafetensorsTensorInfo::elementCount() const {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;  // validated at open: cannot overflow
    return n;
}

int safetensorsDtypeSize(const std::string& dtype) {
    if (dtype == "F32") return 4;
    if (dtype == "F16" || dtype == "BF16") return 2;
    return 0;
}

void convertToFloat(const std::string& dtype, const uint8_t* src, size_t count, float* dst) {
    if (dtype == "F32") {
        std::memcpy(dst, src, count * 4);
    } else if (dtype == "F16") {
        const float* table = f16Table();
        for (size_t i = 0; i < count; ++i) dst[i] = table[uint16_t(src[2 * i] | (src[2 * i + 1] << 8))];
    } else if (dtype == "BF16") {
        for (size_t i = 0; i < count; ++i) dst[i] = bf16ToFloat(uint16_t(src[2 * i] | (src[2 * i + 1] << 8)));
    }
}

Result<std::shared_ptr<SafetensorsFile>> SafetensorsFile::open(const std::string& path) {
    auto mapped = MappedFile::open(path);
    if (!mapped) return mapped.error();
    return fromMapped(std::move(mapped.value()));
}

Result<std::shared_ptr<SafetensorsFile>> SafetensorsFile::fromMapped(std::shared_ptr<MappedFile> file) {
    const std::string& path = file->path();
    auto fail = [&](const std::string& why) -> Error { return inputError(path + ": safetensors: " + why); };
    if (file->size() < 8) return fail("file is " + std::to_string(file->size()) + " bytes, shorter than the 8-byte header length");
    const uint8_t* base = file->bytes().data();
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i) headerLen = (headerLen << 8) | base[i];
    if (headerLen > kMaxHeaderBytes)
        return fail("header length " + std::to_string(headerLen) + " exceeds the limit of " + std::to_string(kMaxHeaderBytes));
    if (headerLen > file->size() - 8)
        return fail("header length " + std::to_string(headerLen) + " runs past the end of the file (" +
                    std::to_string(file->size()) + " bytes)");
    if (headerLen < 2) return fail("header length " + std::to_string(headerLen) + " is too short for a JSON object");
    const char* headerText = reinterpret_cast<const char*>(base + 8);
    if (!jsonDepthWithin(headerText, size_t(headerLen), kMaxJsonDepth))
        return fail("JSON header is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    nlohmann::json header = nlohmann::json::parse(headerText, headerText + headerLen, nullptr, false);
    if (header.is_discarded()) return fail("header is not valid JSON");
    if (!header.is_object()) return fail("header is not a JSON object");

    std::shared_ptr<SafetensorsFile> st(new SafetensorsFile());
    st->m_file = file;
    st->m_dataStart = 8 + headerLen;
    const uint64_t dataSize = file->size() - st->m_dataStart;

    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string& name = it.key();
        const nlohmann::json& entry = it.value();
        if (name == "__metadata__") {
            if (!entry.is_object()) return fail("__metadata__ is not an object");
            for (auto m = entry.begin(); m != entry.end(); ++m) {
                if (!m.value().is_string()) return fail("__metadata__ value '" + m.key() + "' is not a string");
                st->m_metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        const std::string where = "tensor '" + name + "': ";
        if (name.empty()) return fail("a tensor has an empty name");
        if (!entry.is_object()) return fail(where + "entry is not an object");
        auto dtypeIt = entry.find("dtype");
        auto shapeIt = entry.find("shape");
        auto offsetsIt = entry.find("data_offsets");
        if (dtypeIt == entry.end() || !dtypeIt->is_string()) return fail(where + "missing or non-string 'dtype'");
        if (shapeIt == entry.end() || !shapeIt->is_array()) return fail(where + "missing or non-array 'shape'");
        if (offsetsIt == entry.end() || !offsetsIt->is_array() || offsetsIt->size() != 2)
            return fail(where + "'data_offsets' must be an array of two integers");
        SafetensorsTensorInfo info;
        info.name = name;
        info.dtype = dtypeIt->get<std::string>();
        const int elementSize = safetensorsDtypeSize(info.dtype);
        if (elementSize == 0)
            return fail(where + "dtype '" + info.dtype + "' is not supported (supported: F32, F16, BF16)");
        if (shapeIt->size() > 8) return fail(where + "shape has " + std::to_string(shapeIt->size()) + " dimensions (at most 8)");
        uint64_t elements = 1;
        for (const auto& d : *shapeIt) {
            if (!d.is_number_integer() || d.get<int64_t>() < 0)
                return fail(where + "shape entries must be non-negative integers");
            const uint64_t dim = d.get<uint64_t>();
            if (!checkedMul(elements, dim, elements) || elements > uint64_t(std::numeric_limits<int64_t>::max()))
                return fail(where + "shape " + shapeIt->dump() + " overflows");
            info.shape.push_back(int64_t(dim));
        }
        for (const auto& o : *offsetsIt)
            if (!o.is_number_unsigned() && !(o.is_number_integer() && o.get<int64_t>() >= 0))
                return fail(where + "data_offsets must be non-negative integers");
        info.begin = (*offsetsIt)[0].get<uint64_t>();
        info.end = (*offsetsIt)[1].get<uint64_t>();
        if (info.end < info.begin)
            return fail(where + "data_offsets [" + std::to_string(info.begin) + ", " + std::to_string(info.end) + "] end before they begin");
        if (info.end > dataSize)
            return fail(where + "data_offsets end " + std::to_string(info.end) + " lies past the data area (" +
                        std::to_string(dataSize) + " bytes)");
        uint64_t expectedBytes = 0;
        if (!checkedMul(elements, uint64_t(elementSize), expectedBytes))
            return fail(where + "byte size overflows");
        if (info.end - info.begin != expectedBytes)
            return fail(where + "holds " + std::to_string(info.end - info.begin) + " bytes but dtype " + info.dtype +
                        " and shape " + shapeText(info.shape) + " need " + std::to_string(expectedBytes));
        st->m_tensors.push_back(std::move(info));
    }

    // No two tensors may share bytes.
    std::vector<const SafetensorsTensorInfo*> byOffset;
    for (const auto& t : st->m_tensors) byOffset.push_back(&t);
    std::sort(byOffset.begin(), byOffset.end(), [](auto* a, auto* b) { return a->begin < b->begin || (a->begin == b->begin && a->end < b->end); });
    for (size_t i = 1; i < byOffset.size(); ++i)
        if (byOffset[i]->begin < byOffset[i - 1]->end)
            return fail("tensors '" + byOffset[i - 1]->name + "' and '" + byOffset[i]->name + "' overlap");
    for (size_t i = 0; i < st->m_tensors.size(); ++i) st->m_index[st->m_tensors[i].name] = i;
    return st;
}

const SafetensorsTensorInfo* SafetensorsFile::find(const std::string& name) const {
    auto it = m_index.find(name);
    return it == m_index.end() ? nullptr : &m_tensors[it->second];
}

Result<std::span<const uint8_t>> SafetensorsFile::rawBytes(const std::string& name) const {
    const SafetensorsTensorInfo* info = find(name);
    if (!info) return inputError(path() + ": no tensor named '" + name + "'");
    return m_file->span(m_dataStart + info->begin, info->end - info->begin, "tensor '" + name + "'");
}

Result<std::vector<float>> SafetensorsFile::readFloats(const std::string& name) const {
    auto bytes = rawBytes(name);
    if (!bytes) return bytes.error();
    const SafetensorsTensorInfo* info = find(name);
    std::vector<float> out(size_t(info->elementCount()));
    convertToFloat(info->dtype, bytes->data(), out.size(), out.data());
    return out;
}

Result<Matrix> SafetensorsFile::readMatrix(const std::string& name) const {
    const SafetensorsTensorInfo* info = find(name);
    if (!info) return inputError(path() + ": no tensor named '" + name + "'");
    if (info->shape.size() != 1 && info->shape.size() != 2)
        return inputError(path() + ": tensor '" + name + "' has shape " + shapeText(info->shape) + ", expected a matrix");
    const int64_t rows = info->shape.size() == 2 ? info->shape[0] : 1;
    const int64_t cols = info->shape.back();
    if (rows > std::numeric_limits<int>::max() || cols > std::numeric_limits<int>::max())
        return inputError(path() + ": tensor '" + name + "' is too large for a matrix");
    auto bytes = rawBytes(name);
    if (!bytes) return bytes.error();
    Matrix m(rows, cols);
    convertToFloat(info->dtype, bytes->data(), size_t(rows * cols), m.data());
    return m;
}

Result<Vector> SafetensorsFile::readVector(const std::string& name) const {
    const SafetensorsTensorInfo* info = find(name);
    if (!info) return inputError(path() + ": no tensor named '" + name + "'");
    if (info->shape.size() != 1)
        return inputError(path() + ": tensor '" + name + "' has shape " + shapeText(info->shape) + ", expected a vector");
    if (info->shape[0] > std::numeric_limits<int>::max()) return inputError(path() + ": tensor '" + name + "' is too large");
    auto bytes = rawBytes(name);
    if (!bytes) return bytes.error();
    Vector v(info->shape[0]);
    convertToFloat(info->dtype, bytes->data(), size_t(info->shape[0]), v.data());
    return v;
}

}  // namespace tb
