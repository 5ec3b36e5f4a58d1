#include "core/registry/name_validation.h"

#include <filesystem>

namespace tb {

namespace {
bool validUtf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + size_t(len) > s.size()) return false;
        for (int k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + size_t(k)]) & 0xC0) != 0x80) return false;
        i += size_t(len);
    }
    return true;
}
}  // namespace

Status validateName(const std::string& field, const std::string& name) {
    if (name.empty()) return inputError(field + ": must not be empty");
    if (name.size() > 128) return inputError(field + ": longer than 128 characters");
    if (name[0] == '.' || name[0] == '-' || name[0] == ' ' || name.back() == ' ')
        return inputError(field + ": must not start with '.', '-' or a space, nor end with a space");
    for (unsigned char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '_' || c == '-' || c == ' ';
        if (!ok) {
            if (c < 0x20 || c == 0x7f) return inputError(field + ": contains a control character");
            if (c == '/' || c == '\\') return inputError(field + ": must not contain a path separator");
            return inputError(field + ": may contain only letters, digits, '.', '_', '-' and spaces (found '" +
                              std::string(1, char(c)) + "')");
        }
    }
    if (name.find("..") != std::string::npos) return inputError(field + ": must not contain '..'");
    return Status::success();
}

Status validateFreeText(const std::string& field, const std::string& text, size_t maxBytes) {
    if (text.size() > maxBytes)
        return inputError(field + ": longer than " + std::to_string(maxBytes) + " bytes");
    if (!validUtf8(text)) return inputError(field + ": is not valid UTF-8");
    for (unsigned char c : text)
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return inputError(field + ": contains a control character");
    return Status::success();
}

Status validatePathInside(const std::string& field, const std::string& root, const std::string& path) {
    namespace fs = std::filesystem;
    for (unsigned char c : path)
        if (c < 0x20 || c == 0x7f) return inputError(field + ": path contains a control character");
    std::error_code ec;
    fs::path r = fs::weakly_canonical(fs::absolute(root), ec);
    fs::path p = fs::weakly_canonical(fs::absolute(fs::path(root) / path), ec);
    if (ec) return inputError(field + ": cannot resolve path '" + path + "'");
    auto rel = p.lexically_relative(r);
    if (rel.empty() || *rel.begin() == "..") return inputError(field + ": path '" + path + "' leaves " + root);
    return Status::success();
}

}  // namespace tb
