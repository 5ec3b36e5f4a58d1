// nlohmann::json → Value and Python-compatible json.dumps (see jinja_json.h).
#include "core/chat/jinja_json.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_unicode.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tb::jinja {

namespace {
template <class J>
Value fromJson(const J& j) {
    switch (j.type()) {
    case nlohmann::json::value_t::null: return Value::none();
    case nlohmann::json::value_t::boolean: return Value(j.template get<bool>());
    case nlohmann::json::value_t::number_integer: return Value(j.template get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
        uint64_t u = j.template get<uint64_t>();
        if (u > static_cast<uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
        return Value(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float: return Value(j.template get<double>());
    case nlohmann::json::value_t::string: return Value(j.template get<std::string>());
    case nlohmann::json::value_t::array: {
        ValueList items;
        items.reserve(j.size());
        for (auto& e : j) items.push_back(fromJson(e));
        return Value::list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
        ValueDict d;
        d.items.reserve(j.size());
        for (auto it = j.begin(); it != j.end(); ++it) d.items.emplace_back(Value(it.key()), fromJson(it.value()));
        return Value::dict(std::move(d));
    }
    default: return Value::none();
    }
}
}  // namespace

Value valueFromJson(const nlohmann::json& j) { return fromJson(j); }
Value valueFromJson(const nlohmann::ordered_json& j) { return fromJson(j); }

namespace {

void escapeString(std::string& out, const std::string& s, const JsonDumpOptions& o) {
    out.push_back('"');
    auto hex4 = [&](unsigned v) {
        char b[16];
        std::snprintf(b, sizeof b, "\\u%04x", v & 0xFFFFu);
        out += b;
    };
    for (char32_t c : utf8::decode(s)) {
        switch (c) {
        case '"': out += "\\\""; continue;
        case '\\': out += "\\\\"; continue;
        case '\n': out += "\\n"; continue;
        case '\r': out += "\\r"; continue;
        case '\t': out += "\\t"; continue;
        case '\b': out += "\\b"; continue;
        case '\f': out += "\\f"; continue;
        default: break;
        }
        if (c < 0x20) { hex4(c); continue; }
        if (o.htmlSafe && (c == '<' || c == '>' || c == '&' || c == '\'')) { hex4(c); continue; }
        if (o.ensureAscii && c >= 0x7F) {
            if (c >= 0x10000) {
                char32_t v = c - 0x10000;
                hex4(0xD800 + (v >> 10));
                hex4(0xDC00 + (v & 0x3FF));
            } else hex4(c);
            continue;
        }
        utf8::append(out, c);
    }
    out.push_back('"');
}

std::string floatJson(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
    return floatRepr(d);
}

std::string keyString(const Value& k) {
    switch (k.kind()) {
    case ValueKind::String: return k.asString();
    case ValueKind::Int: return std::to_string(k.asInt());
    case ValueKind::Float: return floatJson(k.asDouble());
    case ValueKind::Bool: return k.asBool() ? "true" : "false";
    case ValueKind::None: return "null";
    default: typeError("keys must be str, int, float, bool or None, not " + k.typeName());
    }
}

void dump(std::string& out, const Value& v, const JsonDumpOptions& o, int level) {
    if (level > 512) raise("RecursionError", "maximum recursion depth exceeded while encoding a JSON object");
    if (out.size() > kMaxStringBytes) raise("MemoryError", "JSON output exceeds the size limit");
    const std::string itemSep = !o.itemSeparator.empty() ? o.itemSeparator : (o.indent ? "," : ", ");
    auto newline = [&](int lvl) {
        if (!o.indent) return;
        out.push_back('\n');
        out.append(static_cast<size_t>(std::max(0, *o.indent)) * lvl, ' ');
    };
    switch (v.kind()) {
    case ValueKind::None: out += "null"; return;
    case ValueKind::Bool: out += v.asBool() ? "true" : "false"; return;
    case ValueKind::Int: out += std::to_string(v.asInt()); return;
    case ValueKind::Float: out += floatJson(v.asDouble()); return;
    case ValueKind::String: escapeString(out, v.asString(), o); return;
    case ValueKind::List: {
        const auto& items = v.asList();
        if (items.empty()) { out += "[]"; return; }
        out.push_back('[');
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += itemSep;
            newline(level + 1);
            dump(out, items[i], o, level + 1);
        }
        newline(level);
        out.push_back(']');
        return;
    }
    case ValueKind::Dict: {
        std::vector<std::pair<std::string, const Value*>> entries;
        for (auto& [k, val] : v.asDict().items) entries.emplace_back(keyString(k), &val);
        if (entries.empty()) { out += "{}"; return; }
        if (o.sortKeys)
            std::stable_sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.first < b.first; });
        out.push_back('{');
        for (size_t i = 0; i < entries.size(); ++i) {
            if (i) out += itemSep;
            newline(level + 1);
            escapeString(out, entries[i].first, o);
            out += o.keySeparator;
            dump(out, *entries[i].second, o, level + 1);
        }
        newline(level);
        out.push_back('}');
        return;
    }
    default: typeError("Object of type " + v.typeName() + " is not JSON serializable");
    }
}

}  // namespace

std::string dumpJson(const Value& v, const JsonDumpOptions& options) {
    std::string out;
    dump(out, v, options, 0);
    return out;
}

}  // namespace tb::jinja
