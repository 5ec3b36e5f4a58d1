// Python str/dict/list methods for templates (see jinja_methods.h).
#include "core/chat/jinja_methods.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_unicode.h"

#include <algorithm>

namespace tb::jinja {

namespace {

bool isAscii(const std::string& s) {
    for (char c : s) if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

const std::string& stringArg(const Value* v, const std::string& method) {
    if (!v || !v->isString()) {
        if (v) requireDefined(*v);
        typeError(method + "() argument must be str, not " + (v ? v->typeName() : std::string("nothing")));
    }
    return v->asString();
}

int64_t intArg(const Value* v, int64_t fallback) {
    if (!v || v->isNone()) return fallback;
    if (v->isInt() || v->isBool()) return v->asInt();
    requireDefined(*v);
    typeError("'" + v->typeName() + "' object cannot be interpreted as an integer");
}

bool prefixMatch(const std::string& s, const Value* arg, bool suffix, const std::string& method) {
    if (!arg) typeError(method + "() takes at least 1 argument (0 given)");
    auto test = [&](const std::string& p) {
        if (p.size() > s.size()) return false;
        return suffix ? s.compare(s.size() - p.size(), p.size(), p) == 0 : s.compare(0, p.size(), p) == 0;
    };
    if (arg->isTuple()) {
        for (auto& item : arg->asList())
            if (test(stringArg(&item, method))) return true;
        return false;
    }
    if (!arg->isString()) {
        requireDefined(*arg);
        typeError(method + " first arg must be str or a tuple of str, not " + arg->typeName());
    }
    return test(arg->asString());
}

std::string formatString(const std::string& fmt, const CallArgs& args) {
    std::string out;
    size_t autoIndex = 0;
    for (size_t i = 0; i < fmt.size(); ++i) {
        char c = fmt[i];
        if (c == '{') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '{') { out.push_back('{'); ++i; continue; }
            size_t close = fmt.find('}', i);
            if (close == std::string::npos) raise("ValueError", "Single '{' encountered in format string");
            std::string field = fmt.substr(i + 1, close - i - 1);
            if (field.find(':') != std::string::npos || field.find('!') != std::string::npos)
                raise("ValueError", "format specs are not supported by Tunebench's Jinja: {" + field + "}");
            const Value* v = nullptr;
            if (field.empty()) {
                if (autoIndex >= args.positional.size())
                    raise("IndexError", "Replacement index " + std::to_string(autoIndex) + " out of range for positional args tuple");
                v = &args.positional[autoIndex++];
            } else if (std::all_of(field.begin(), field.end(), [](char d) { return d >= '0' && d <= '9'; })) {
                size_t k = std::stoul(field);
                if (k >= args.positional.size())
                    raise("IndexError", "Replacement index " + field + " out of range for positional args tuple");
                v = &args.positional[k];
            } else {
                for (auto& [name, val] : args.keyword)
                    if (name == field) v = &val;
                if (!v) raise("KeyError", "'" + field + "'");
            }
            out += toStr(*v);
            i = close;
        } else if (c == '}') {
            if (i + 1 < fmt.size() && fmt[i + 1] == '}') { out.push_back('}'); ++i; continue; }
            raise("ValueError", "Single '}' encountered in format string");
        } else out.push_back(c);
    }
    return out;
}

Value stringMethod(const std::string& s, const std::string& name, CallArgs& a) {
    if (name == "strip" || name == "lstrip" || name == "rstrip") {
        const Value* chars = a.get(0, "chars");
        return Value(pyStrip(s, chars, name != "rstrip", name != "lstrip"));
    }
    if (name == "startswith") return Value(prefixMatch(s, a.get(0, "prefix"), false, name));
    if (name == "endswith") return Value(prefixMatch(s, a.get(0, "suffix"), true, name));
    if (name == "split") return Value::list(pySplit(s, a.get(0, "sep"), intArg(a.get(1, "maxsplit"), -1)));
    if (name == "upper") return Value(pyUpper(s));
    if (name == "lower") return Value(pyLower(s));
    if (name == "title") return Value(pyTitle(s));
    if (name == "capitalize") return Value(pyCapitalize(s));
    if (name == "replace")
        return Value(pyReplace(s, stringArg(a.get(0, "old"), name), stringArg(a.get(1, "new"), name),
                               intArg(a.get(2, "count"), -1)));
    if (name == "format") return Value(formatString(s, a));
    if (name == "join") {
        const Value* it = a.get(0, "iterable");
        if (!it) typeError("join() takes exactly one argument (0 given)");
        std::string out;
        bool first = true;
        for (auto& item : iterate(*it)) {
            if (!item.isString()) typeError("sequence item: expected str instance, " + item.typeName() + " found");
            if (!first) out += s;
            first = false;
            out += item.asString();
        }
        return Value(std::move(out));
    }
    if (name == "find" || name == "rfind" || name == "count" || name == "index") {
        const std::string& sub = stringArg(a.get(0, "sub"), name);
        if (name == "count") {
            if (sub.empty()) return Value(static_cast<int64_t>(utf8::length(s) + 1));
            int64_t n = 0;
            for (size_t p = s.find(sub); p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
            return Value(n);
        }
        size_t p = name == "rfind" ? s.rfind(sub) : s.find(sub);
        if (p == std::string::npos) {
            if (name == "index") raise("ValueError", "substring not found");
            return Value(int64_t{-1});
        }
        return Value(static_cast<int64_t>(utf8::length(s.substr(0, p))));
    }
    auto all = [&](auto pred) {
        auto cps = utf8::decode(s);
        return Value(!cps.empty() && std::all_of(cps.begin(), cps.end(), pred));
    };
    if (name == "isdigit") return all([](char32_t c) { return utf8::isDigit(c); });
    if (name == "isalpha") return all([](char32_t c) { return utf8::isAlpha(c); });
    if (name == "isspace") return all([](char32_t c) { return utf8::isSpace(c); });
    if (name == "isalnum") return all([](char32_t c) { return utf8::isAlpha(c) || utf8::isDigit(c); });
    if (name == "isupper" || name == "islower") {
        bool cased = false, ok = true;
        for (char32_t c : utf8::decode(s)) {
            if (utf8::toUpper(c) != c || utf8::toLower(c) != c) {
                cased = true;
                if (name == "isupper" ? utf8::toUpper(c) != c : utf8::toLower(c) != c) ok = false;
            }
        }
        return Value(cased && ok);
    }
    if (name == "splitlines") {
        ValueList out;
        std::string cur;
        for (size_t i = 0; i < s.size(); ++i) {
            if (s[i] == '\n' || s[i] == '\r') {
                out.emplace_back(cur);
                cur.clear();
                if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            } else cur.push_back(s[i]);
        }
        if (!cur.empty()) out.emplace_back(cur);
        return Value::list(std::move(out));
    }
    raise("TypeError", "unsupported str method " + name);
}

const char* const kStringMethods[] = {"strip", "lstrip", "rstrip", "startswith", "endswith", "split", "upper",
                                      "lower", "title", "capitalize", "replace", "format", "join", "find", "rfind",
                                      "count", "index", "isdigit", "isalpha", "isspace", "isalnum", "isupper",
                                      "islower", "splitlines"};

Value unsafeMethod(const Value& obj, const std::string& name) {
    return Value::function(name + " of " + obj.typeName() + " object", [obj, name](CallArgs&) -> Value {
        raise("SecurityError", "access to attribute '" + name + "' of '" + obj.typeName() + "' object is unsafe.");
    });
}

}  // namespace

std::string pyStrip(const std::string& s, const Value* chars, bool left, bool right) {
    bool whitespace = !chars || chars->isNone();
    if (!whitespace && !chars->isString()) {
        requireDefined(*chars);
        typeError("strip arg must be None or str");
    }
    if (whitespace && isAscii(s)) {
        size_t b = 0, e = s.size();
        auto sp = [](char c) { return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); };
        if (left) while (b < e && sp(s[b])) ++b;
        if (right) while (e > b && sp(s[e - 1])) --e;
        return s.substr(b, e - b);
    }
    auto cps = utf8::decode(s);
    std::vector<char32_t> set;
    if (!whitespace) set = utf8::decode(chars->asString());
    auto strip = [&](char32_t c) {
        return whitespace ? utf8::isSpace(c) : std::find(set.begin(), set.end(), c) != set.end();
    };
    size_t b = 0, e = cps.size();
    if (left) while (b < e && strip(cps[b])) ++b;
    if (right) while (e > b && strip(cps[e - 1])) --e;
    return utf8::encode(std::vector<char32_t>(cps.begin() + b, cps.begin() + e));
}

ValueList pySplit(const std::string& s, const Value* sep, int64_t maxSplit) {
    ValueList out;
    if (!sep || sep->isNone()) {
        auto cps = utf8::decode(s);
        size_t i = 0, n = cps.size();
        int64_t splits = 0;
        while (i < n) {
            while (i < n && utf8::isSpace(cps[i])) ++i;
            if (i >= n) break;
            if (maxSplit >= 0 && splits >= maxSplit) {
                size_t e = n;
                while (e > i && utf8::isSpace(cps[e - 1])) --e;
                out.emplace_back(utf8::encode(std::vector<char32_t>(cps.begin() + i, cps.begin() + e)));
                break;
            }
            size_t j = i;
            while (j < n && !utf8::isSpace(cps[j])) ++j;
            out.emplace_back(utf8::encode(std::vector<char32_t>(cps.begin() + i, cps.begin() + j)));
            ++splits;
            i = j;
        }
        return out;
    }
    const std::string& d = stringArg(sep, "split");
    if (d.empty()) raise("ValueError", "empty separator");
    size_t start = 0;
    int64_t splits = 0;
    while (true) {
        size_t p = (maxSplit >= 0 && splits >= maxSplit) ? std::string::npos : s.find(d, start);
        if (p == std::string::npos) {
            out.emplace_back(s.substr(start));
            break;
        }
        out.emplace_back(s.substr(start, p - start));
        start = p + d.size();
        ++splits;
        if (out.size() > kMaxListItems) raise("MemoryError", "split result exceeds the size limit");
    }
    return out;
}

std::string pyReplace(const std::string& s, const std::string& from, const std::string& to, int64_t count) {
    std::string out;
    if (from.empty()) {
        auto cps = utf8::decode(s);
        int64_t done = 0;
        for (size_t i = 0; i <= cps.size(); ++i) {
            if (count < 0 || done < count) { out += to; ++done; }
            if (i < cps.size()) utf8::append(out, cps[i]);
            if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        }
        return out;
    }
    size_t start = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t p = s.find(from, start);
        if (p == std::string::npos) break;
        out.append(s, start, p - start);
        out += to;
        if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        start = p + from.size();
        ++done;
    }
    out.append(s, start, std::string::npos);
    return out;
}

std::string pyUpper(const std::string& s) {
    auto cps = utf8::decode(s);
    for (auto& c : cps) c = utf8::toUpper(c);
    return utf8::encode(cps);
}

std::string pyLower(const std::string& s) {
    auto cps = utf8::decode(s);
    auto cased = [](char32_t c) { return utf8::toUpper(c) != c || utf8::toLower(c) != c; };
    std::vector<char32_t> out(cps.size());
    for (size_t i = 0; i < cps.size(); ++i) {
        out[i] = utf8::toLower(cps[i]);
        if (cps[i] == 0x3A3) {  // Unicode Final_Sigma: Σ after a cased letter and not before one → ς
            bool before = i > 0 && cased(cps[i - 1]);
            bool after = i + 1 < cps.size() && cased(cps[i + 1]);
            if (before && !after) out[i] = 0x3C2;
        }
    }
    return utf8::encode(out);
}

std::string pyCapitalize(const std::string& s) {
    auto cps = utf8::decode(s);
    for (size_t i = 0; i < cps.size(); ++i) cps[i] = i == 0 ? utf8::toUpper(cps[i]) : utf8::toLower(cps[i]);
    return utf8::encode(cps);
}

std::string pyTitle(const std::string& s) {
    auto cps = utf8::decode(s);
    bool prevCased = false;
    for (auto& c : cps) {
        bool cased = utf8::toUpper(c) != c || utf8::toLower(c) != c;
        if (cased) c = prevCased ? utf8::toLower(c) : utf8::toUpper(c);
        prevCased = cased;
    }
    return utf8::encode(cps);
}

std::string pyPercentFormat(const std::string& fmt, const Value& args) {
    ValueList positional;
    const bool mapping = args.isDict();
    if (args.isTuple()) positional = args.asList();
    else if (!mapping) positional.push_back(args);
    size_t next = 0;
    std::string out;
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%') { out.push_back(fmt[i]); continue; }
        if (++i >= fmt.size()) raise("ValueError", "incomplete format");
        const Value* v = nullptr;
        Value keyed;
        if (fmt[i] == '(') {
            size_t close = fmt.find(')', i);
            if (close == std::string::npos) raise("ValueError", "incomplete format key");
            if (!mapping) typeError("format requires a mapping");
            const Value* found = args.asDict().find(Value(fmt.substr(i + 1, close - i - 1)));
            if (!found) raise("KeyError", "'" + fmt.substr(i + 1, close - i - 1) + "'");
            keyed = *found;
            v = &keyed;
            i = close + 1;
        }
        std::string flags;
        while (i < fmt.size() && std::string("-+ 0#").find(fmt[i]) != std::string::npos) flags.push_back(fmt[i++]);
        std::string width, precision;
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') width.push_back(fmt[i++]);
        if (i < fmt.size() && fmt[i] == '.') {
            ++i;
            while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') precision.push_back(fmt[i++]);
            if (precision.empty()) precision = "0";
        }
        if (i >= fmt.size()) raise("ValueError", "incomplete format");
        char conv = fmt[i];
        if (conv == '%') { out.push_back('%'); continue; }
        if (!v) {
            if (mapping && positional.empty()) typeError("format requires a mapping");
            if (next >= positional.size()) typeError("not enough arguments for format string");
            v = &positional[next++];
        }
        std::string piece;
        char buf[512];
        if (width.size() > 3 || precision.size() > 3) raise("ValueError", "format width or precision too large");
        std::string spec = "%" + flags + width + (precision.empty() ? "" : "." + precision);
        switch (conv) {
        case 's': piece = toStr(*v); if (!precision.empty()) piece = utf8::encode([&] { auto c = utf8::decode(piece); c.resize(std::min<size_t>(c.size(), std::stoul(precision))); return c; }()); break;
        case 'r': piece = repr(*v); break;
        case 'd': case 'i': case 'x': case 'X': case 'o': {
            if (!v->isNumber()) typeError(std::string("%") + conv + " format: a real number is required, not " + v->typeName());
            int64_t n = v->isFloat() ? static_cast<int64_t>(v->asDouble()) : v->asInt();
            std::string c = spec + "ll" + (conv == 'i' ? 'd' : conv);
            std::snprintf(buf, sizeof buf, c.c_str(), static_cast<long long>(n));
            piece = buf;
            break;
        }
        case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
            if (!v->isNumber()) typeError("must be real number, not " + v->typeName());
            std::string c = spec + conv;
            std::snprintf(buf, sizeof buf, c.c_str(), v->asDouble());
            piece = buf;
            break;
        }
        default: raise("ValueError", std::string("unsupported format character '") + conv + "'");
        }
        if (conv == 's' || conv == 'r') {
            size_t w = width.empty() ? 0 : std::stoul(width);
            size_t len = utf8::length(piece);
            if (len < w) {
                if (flags.find('-') != std::string::npos) piece.append(w - len, ' ');
                else piece.insert(0, w - len, ' ');
            }
        }
        out += piece;
        if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
    }
    if (!mapping && next < positional.size()) typeError("not all arguments converted during string formatting");
    return out;
}

std::optional<Value> boundMethod(const Value& obj, const std::string& name) {
    if (obj.isString()) {
        for (const char* m : kStringMethods) {
            if (name == m) {
                std::string s = obj.asString();
                return Value::function(name + " of str object",
                                       [s, name](CallArgs& a) { return stringMethod(s, name, a); });
            }
        }
        return std::nullopt;
    }
    if (obj.isDict()) {
        if (name == "items" || name == "keys" || name == "values") {
            return Value::function(name + " of dict object", [obj, name](CallArgs&) {
                ValueList out;
                for (auto& [k, v] : obj.asDict().items) {
                    if (name == "items") out.push_back(Value::list({k, v}, true));
                    else out.push_back(name == "keys" ? k : v);
                }
                return Value::list(std::move(out));
            });
        }
        if (name == "get") {
            return Value::function("get of dict object", [obj](CallArgs& a) {
                const Value* key = a.get(0, "key");
                if (!key) typeError("get expected at least 1 argument, got 0");
                if (const Value* v = obj.asDict().find(*key)) return *v;
                const Value* fallback = a.get(1, "default");
                return fallback ? *fallback : Value::none();
            });
        }
        if (name == "copy") return Value::function("copy of dict object", [obj](CallArgs&) { return Value::dict(obj.asDict()); });
        if (name == "pop" || name == "popitem" || name == "update" || name == "clear" || name == "setdefault")
            return unsafeMethod(obj, name);
        return std::nullopt;
    }
    if (obj.isList()) {
        if (name == "index" || name == "count") {
            return Value::function(name + " of list object", [obj, name](CallArgs& a) {
                const Value* x = a.get(0, "value");
                if (!x) typeError(name + "() takes exactly one argument (0 given)");
                int64_t n = 0, i = 0;
                for (auto& item : obj.asList()) {
                    if (valuesEqual(item, *x)) {
                        if (name == "index") return Value(i);
                        ++n;
                    }
                    ++i;
                }
                if (name == "index") raise("ValueError", repr(*x) + " is not in list");
                return Value(n);
            });
        }
        if (!obj.isTuple() && (name == "append" || name == "extend" || name == "insert" || name == "pop" ||
                               name == "remove" || name == "clear" || name == "sort" || name == "reverse"))
            return unsafeMethod(obj, name);
    }
    return std::nullopt;
}

}  // namespace tb::jinja
