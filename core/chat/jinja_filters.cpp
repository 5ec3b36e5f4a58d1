// Built-in filters and tests (see jinja_filters.h). Each follows jinja2/filters.py or tests.py.
#include "core/chat/jinja_filters.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_json.h"
#include "core/chat/jinja_methods.h"
#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_parser.h"
#include "core/chat/jinja_unicode.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace tb::jinja {

namespace {

const std::set<std::string>& implementedFilters() {
    static const std::set<std::string> names = {
        "abs", "capitalize", "center", "count", "d", "default", "dictsort", "e", "escape", "first", "float",
        "indent", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
        "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "sort", "string", "sum",
        "title", "tojson", "trim", "unique", "upper", "wordcount", "attr"};
    return names;
}

const std::set<std::string>& otherJinjaFilters() {
    static const std::set<std::string> names = {"batch", "filesizeformat", "forceescape", "format", "groupby",
                                                "pprint", "random", "slice", "striptags", "truncate", "urlencode",
                                                "urlize", "wordwrap", "xmlattr"};
    return names;
}

const std::set<std::string>& testNames() {
    static const std::set<std::string> names = {
        "odd", "even", "divisibleby", "defined", "undefined", "filter", "test", "none", "boolean", "false",
        "true", "integer", "float", "lower", "upper", "string", "mapping", "number", "sequence", "iterable",
        "callable", "sameas", "escaped", "in", "==", "eq", "equalto", "!=", "ne", ">", "gt", "greaterthan",
        ">=", "ge", "<", "lt", "lessthan", "<=", "le"};
    return names;
}

// By value: the fallback is often a temporary, so a reference could dangle.
Value arg(CallArgs& a, size_t pos, const std::string& name, const Value& fallback) {
    const Value* v = a.get(pos, name);
    return v ? *v : fallback;
}

int64_t intOr(CallArgs& a, size_t pos, const std::string& name, int64_t fallback) {
    const Value* v = a.get(pos, name);
    if (!v || v->isNone()) return fallback;
    if (v->isInt() || v->isBool()) return v->asInt();
    typeError("'" + name + "' must be an integer, not " + v->typeName());
}

// Python int(str): optional sign, digits with single underscores, surrounding whitespace.
bool parsePyInt(const std::string& raw, int64_t& out) {
    std::string s = pyStrip(raw, nullptr, true, true);
    std::string digits;
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) digits.push_back(s[i++]);
    if (i >= s.size()) return false;
    bool prevDigit = false;
    for (; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9') { digits.push_back(s[i]); prevDigit = true; }
        else if (s[i] == '_' && prevDigit && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') prevDigit = false;
        else return false;
    }
    errno = 0;
    out = std::strtoll(digits.c_str(), nullptr, 10);
    return errno != ERANGE;
}

bool parsePyFloat(const std::string& raw, double& out) {
    std::string s = pyStrip(raw, nullptr, true, true);
    if (s.empty()) return false;
    std::string t;
    for (char c : s) if (c != '_') t.push_back(c);
    std::string lower = pyLower(t);
    if (lower == "nan" || lower == "+nan" || lower == "-nan") { out = NAN; return true; }
    if (lower == "inf" || lower == "+inf" || lower == "infinity" || lower == "+infinity") { out = INFINITY; return true; }
    if (lower == "-inf" || lower == "-infinity") { out = -INFINITY; return true; }
    for (char c : t)
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) return false;
    char* end = nullptr;
    out = std::strtod(t.c_str(), &end);
    return end && *end == '\0';
}

// environment.getitem with jinja's make_attrgetter: "a.b" walks items, digits become indexes.
Value attrPath(const Value& item, const Value& attribute) {
    if (!attribute.isString()) return getItem(item, attribute);
    Value cur = item;
    std::string path = attribute.asString();
    size_t start = 0;
    while (true) {
        size_t dot = path.find('.', start);
        std::string part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        int64_t idx;
        bool numeric = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (numeric && parsePyInt(part, idx)) cur = getItem(cur, Value(idx));
        else cur = getItem(cur, Value(part));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return cur;
}

// Key for sort/unique/min/max with case_sensitive=False (jinja's ignore_case: lower() strings).
Value caseKey(const Value& v, bool caseSensitive) {
    if (!caseSensitive && v.isString()) return Value(pyLower(v.asString()));
    return v;
}

// select/reject/selectattr/rejectattr (jinja's select_or_reject).
Value selectOrReject(const Value& seq, CallArgs& a, bool lookupAttr, bool modfunc) {
    size_t off = 0;
    Value attribute;
    if (lookupAttr) {
        if (a.positional.empty()) typeError("selectattr/rejectattr need an attribute name");
        attribute = a.positional[0];
        off = 1;
    }
    std::string test;
    CallArgs testArgs;
    if (a.positional.size() > off) {
        if (!a.positional[off].isString()) typeError("test name must be a string");
        test = a.positional[off].asString();
        if (!isKnownTest(test)) raise("TemplateRuntimeError", "No test named '" + test + "'.");
        testArgs.positional.assign(a.positional.begin() + static_cast<long>(off) + 1, a.positional.end());
        testArgs.keyword = a.keyword;
    }
    ValueList out;
    for (auto& item : iterate(seq)) {
        Value subject = lookupAttr ? attrPath(item, attribute) : item;
        bool ok = test.empty() ? subject.truthy() : applyTest(test, subject, testArgs);
        if (ok == modfunc) out.push_back(item);
    }
    return Value::list(std::move(out));
}

std::string htmlEscape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&#34;"; break;
        case '\'': out += "&#39;"; break;
        default: out.push_back(c);
        }
    }
    return out;
}

// jinja's do_title: split on runs of [-\s({\[<], capitalise each piece.
std::string jinjaTitle(const std::string& s) {
    auto cps = utf8::decode(s);
    std::string out;
    bool wordStart = true;
    for (char32_t c : cps) {
        bool sep = c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || utf8::isSpace(c);
        if (sep) { utf8::append(out, c); wordStart = true; continue; }
        utf8::append(out, wordStart ? utf8::toUpper(c) : utf8::toLower(c));
        wordStart = false;
    }
    return out;
}

Value sortedList(ValueList items, bool reverse, bool caseSensitive, const Value* attribute) {
    auto key = [&](const Value& v) { return caseKey(attribute && !attribute->isNone() ? attrPath(v, *attribute) : v, caseSensitive); };
    std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
        return reverse ? compareValues(key(y), key(x), "<") < 0 : compareValues(key(x), key(y), "<") < 0;
    });
    return Value::list(std::move(items));
}

}  // namespace

bool isKnownFilter(const std::string& name) {
    return implementedFilters().count(name) || otherJinjaFilters().count(name);
}
bool isKnownTest(const std::string& name) { return testNames().count(name) > 0; }

Value applyFilter(const std::string& f, const Value& v, CallArgs& a, TojsonStyle style) {
    if (f == "safe") return v;
    if (f == "string") return Value(toStr(v));
    if (f == "trim") return Value(pyStrip(toStr(v), a.get(0, "chars"), true, true));
    if (f == "upper") return Value(pyUpper(toStr(v)));
    if (f == "lower") return Value(pyLower(toStr(v)));
    if (f == "capitalize") return Value(pyCapitalize(toStr(v)));
    if (f == "title") return Value(jinjaTitle(toStr(v)));
    if (f == "e" || f == "escape") return Value(htmlEscape(toStr(v)));
    if (f == "length" || f == "count") return Value(length(v));
    if (f == "list") return Value::list(iterate(v));
    if (f == "default" || f == "d") {
        const Value& fallback = arg(a, 0, "default_value", Value(std::string()));
        bool boolean = arg(a, 1, "boolean", Value(false)).truthy();
        if (v.isUndefined() || (boolean && !v.truthy())) return fallback;
        return v;
    }
    if (f == "join") {
        std::string sep = toStr(arg(a, 0, "d", Value(std::string())));
        const Value* attribute = a.get(1, "attribute");
        std::string out;
        bool first = true;
        for (auto& item : iterate(v)) {
            if (!first) out += sep;
            first = false;
            out += toStr(attribute && !attribute->isNone() ? attrPath(item, *attribute) : item);
            if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        }
        return Value(std::move(out));
    }
    if (f == "first") {
        ValueList items = iterate(v);
        return items.empty() ? Value::undefined("No first item, sequence was empty.") : items.front();
    }
    if (f == "last") {
        requireDefined(v);
        ValueList items = iterate(v);
        return items.empty() ? Value::undefined("No last item, sequence was empty.") : items.back();
    }
    if (f == "int") {
        const Value& fallback = arg(a, 0, "default", Value(int64_t{0}));
        requireDefined(v);
        if (v.isInt() || v.isBool()) return Value(v.asInt());
        if (v.isFloat()) {
            double d = v.asDouble();
            if (std::isnan(d) || std::isinf(d) || std::fabs(d) >= 9.2e18) return fallback;
            return Value(static_cast<int64_t>(d));
        }
        if (v.isString()) {
            int64_t i;
            if (parsePyInt(v.asString(), i)) return Value(i);
            double d;
            if (parsePyFloat(v.asString(), d) && !std::isnan(d) && !std::isinf(d) && std::fabs(d) < 9.2e18)
                return Value(static_cast<int64_t>(d));
        }
        return fallback;
    }
    if (f == "float") {
        const Value& fallback = arg(a, 0, "default", Value(0.0));
        requireDefined(v);
        if (v.isNumber()) return Value(v.asDouble());
        double d;
        if (v.isString() && parsePyFloat(v.asString(), d)) return Value(d);
        return fallback;
    }
    if (f == "abs") {
        requireDefined(v);
        if (v.isFloat()) return Value(std::fabs(v.asDouble()));
        if (v.isNumber()) return v.asInt() < 0 ? negate(v) : Value(v.asInt());
        typeError("bad operand type for abs(): '" + v.typeName() + "'");
    }
    if (f == "round") {
        requireDefined(v);
        if (!v.isNumber()) typeError("type " + v.typeName() + " doesn't define __round__ method");
        int64_t precision = intOr(a, 0, "precision", 0);
        std::string method = toStr(arg(a, 1, "method", Value("common")));
        double x = v.asDouble();
        double scale = std::pow(10.0, static_cast<double>(precision));
        if (method == "ceil") return Value(std::ceil(x * scale) / scale);
        if (method == "floor") return Value(std::floor(x * scale) / scale);
        if (method != "common") raise("FilterArgumentError", "method must be common, ceil or floor");
        if (std::isnan(x) || std::isinf(x) || precision < 0 || precision > 300) return Value(std::round(x * scale) / scale);
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(precision), x);
        return Value(std::strtod(buf, nullptr));
    }
    if (f == "items") {
        if (v.isUndefined()) return Value::list();
        if (!v.isDict()) typeError("Can only get item pairs from a mapping.");
        ValueList out;
        for (auto& [k, val] : v.asDict().items) out.push_back(Value::list({k, val}, true));
        return Value::list(std::move(out));
    }
    if (f == "replace") {
        requireDefined(v);
        const Value* from = a.get(0, "old");
        const Value* to = a.get(1, "new");
        if (!from || !to) typeError("replace() needs old and new");
        return Value(pyReplace(toStr(v), toStr(*from), toStr(*to), intOr(a, 2, "count", -1)));
    }
    if (f == "reverse") {
        if (v.isString()) {
            auto cps = utf8::decode(v.asString());
            std::reverse(cps.begin(), cps.end());
            return Value(utf8::encode(cps));
        }
        ValueList items = iterate(v);
        std::reverse(items.begin(), items.end());
        return Value::list(std::move(items));
    }
    if (f == "select" || f == "reject") return selectOrReject(v, a, false, f == "select");
    if (f == "selectattr" || f == "rejectattr") return selectOrReject(v, a, true, f == "selectattr");
    if (f == "map") {
        ValueList out;
        const Value* attribute = a.get(99, "attribute");
        if (attribute) {
            const Value* fallback = a.get(99, "default");
            for (auto& item : iterate(v)) {
                Value x = attrPath(item, *attribute);
                out.push_back(x.isUndefined() && fallback ? *fallback : x);
            }
            return Value::list(std::move(out));
        }
        if (a.positional.empty() || !a.positional[0].isString()) typeError("map() needs a filter name or attribute=");
        std::string filter = a.positional[0].asString();
        if (!isKnownFilter(filter)) raise("TemplateRuntimeError", "No filter named '" + filter + "'.");
        CallArgs rest;
        rest.positional.assign(a.positional.begin() + 1, a.positional.end());
        rest.keyword = a.keyword;
        for (auto& item : iterate(v)) out.push_back(applyFilter(filter, item, rest, style));
        return Value::list(std::move(out));
    }
    if (f == "sort") {
        return sortedList(iterate(v), arg(a, 0, "reverse", Value(false)).truthy(),
                          arg(a, 1, "case_sensitive", Value(false)).truthy(), a.get(2, "attribute"));
    }
    if (f == "dictsort") {
        if (!v.isDict()) raise("FilterArgumentError", "You can only sort by either a dict");
        bool cs = arg(a, 0, "case_sensitive", Value(false)).truthy();
        std::string by = toStr(arg(a, 1, "by", Value("key")));
        bool rev = arg(a, 2, "reverse", Value(false)).truthy();
        int pos = by == "key" ? 0 : by == "value" ? 1 : -1;
        if (pos < 0) raise("FilterArgumentError", "You can only sort by either \"key\" or \"value\"");
        ValueList pairs;
        for (auto& [k, val] : v.asDict().items) pairs.push_back(Value::list({k, val}, true));
        std::stable_sort(pairs.begin(), pairs.end(), [&](const Value& x, const Value& y) {
            const Value& kx = x.asList()[pos];
            const Value& ky = y.asList()[pos];
            return rev ? compareValues(caseKey(ky, cs), caseKey(kx, cs), "<") < 0
                       : compareValues(caseKey(kx, cs), caseKey(ky, cs), "<") < 0;
        });
        return Value::list(std::move(pairs));
    }
    if (f == "unique") {
        bool cs = arg(a, 0, "case_sensitive", Value(false)).truthy();
        const Value* attribute = a.get(1, "attribute");
        ValueList out, seen;
        for (auto& item : iterate(v)) {
            Value key = caseKey(attribute && !attribute->isNone() ? attrPath(item, *attribute) : item, cs);
            bool dup = false;
            for (auto& s : seen) if (valuesEqual(s, key)) { dup = true; break; }
            if (!dup) { seen.push_back(key); out.push_back(item); }
        }
        return Value::list(std::move(out));
    }
    if (f == "min" || f == "max") {
        bool cs = arg(a, 0, "case_sensitive", Value(false)).truthy();
        const Value* attribute = a.get(1, "attribute");
        ValueList items = iterate(v);
        if (items.empty()) return Value::undefined("No aggregated item, sequence was empty.");
        auto key = [&](const Value& x) { return caseKey(attribute && !attribute->isNone() ? attrPath(x, *attribute) : x, cs); };
        Value best = items[0];
        for (size_t i = 1; i < items.size(); ++i) {
            int c = compareValues(key(items[i]), key(best), f == "min" ? "<" : ">");
            if (f == "min" ? c < 0 : c > 0) best = items[i];
        }
        return best;
    }
    if (f == "sum") {
        const Value* attribute = a.get(0, "attribute");
        Value total = arg(a, 1, "start", Value(int64_t{0}));
        for (auto& item : iterate(v))
            total = binaryOp(BinaryOp::Add, total, attribute && !attribute->isNone() ? attrPath(item, *attribute) : item);
        return total;
    }
    if (f == "center") {
        int64_t width = intOr(a, 0, "width", 80);
        std::string s = toStr(v);
        int64_t len = static_cast<int64_t>(utf8::length(s));
        if (width <= len) return Value(s);
        if (width > static_cast<int64_t>(kMaxStringBytes)) raise("MemoryError", "string exceeds the size limit");
        int64_t pad = width - len;
        int64_t left = pad / 2 + (pad & width & 1);
        return Value(std::string(static_cast<size_t>(left), ' ') + s + std::string(static_cast<size_t>(pad - left), ' '));
    }
    if (f == "indent") {
        const Value& w = arg(a, 0, "width", Value(int64_t{4}));
        if (!w.isString() && w.asInt() > static_cast<int64_t>(kMaxStringBytes))
            raise("MemoryError", "string exceeds the size limit");
        std::string ind = w.isString() ? w.asString() : std::string(static_cast<size_t>(std::max<int64_t>(0, w.asInt())), ' ');
        bool first = arg(a, 1, "first", Value(false)).truthy();
        bool blank = arg(a, 2, "blank", Value(false)).truthy();
        std::string s = toStr(v) + "\n";
        std::vector<std::string> ls;
        {
            std::string cur;
            for (size_t i = 0; i < s.size(); ++i) {
                if (s[i] == '\n' || s[i] == '\r') {
                    ls.push_back(cur);
                    cur.clear();
                    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
                } else cur.push_back(s[i]);
            }
            if (!cur.empty()) ls.push_back(cur);
        }
        std::string rv;
        if (blank) {
            for (size_t i = 0; i < ls.size(); ++i) {
                rv += (i ? "\n" + ind : "") + ls[i];
                if (rv.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
            }
        } else {
            rv = ls.empty() ? "" : ls[0];
            for (size_t i = 1; i < ls.size(); ++i) {
                rv += "\n" + (ls[i].empty() ? ls[i] : ind + ls[i]);
                if (rv.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
            }
        }
        if (first) rv = ind + rv;
        return Value(rv);
    }
    if (f == "wordcount") return Value(static_cast<int64_t>(pySplit(toStr(v), nullptr, -1).size()));
    if (f == "attr") {
        const Value* name = a.get(0, "name");
        if (!name || !name->isString()) typeError("attr() needs an attribute name");
        return getAttr(v, name->asString());
    }
    if (f == "tojson") {
        JsonDumpOptions o;
        const Value* indent = a.get(style == TojsonStyle::HuggingFace ? 1 : 0, "indent");
        if (indent && !indent->isNone()) {
            if (!indent->isInt() && !indent->isBool()) typeError("tojson indent must be an integer");
            o.indent = static_cast<int>(std::clamp<int64_t>(indent->asInt(), -1, 64));
        }
        if (style == TojsonStyle::Jinja2) {
            o.sortKeys = true;
            o.ensureAscii = true;
            o.htmlSafe = true;
        } else {
            o.ensureAscii = arg(a, 0, "ensure_ascii", Value(false)).truthy();
            o.sortKeys = arg(a, 3, "sort_keys", Value(false)).truthy();
            const Value* seps = a.get(2, "separators");
            if (seps && seps->isList() && seps->asList().size() == 2) {
                o.itemSeparator = toStr(seps->asList()[0]);
                o.keySeparator = toStr(seps->asList()[1]);
            }
        }
        return Value(dumpJson(v, o));
    }
    if (otherJinjaFilters().count(f)) raise("TemplateRuntimeError", "the '" + f + "' filter is not supported by Tunebench's Jinja engine");
    raise("TemplateAssertionError", "No filter named '" + f + "'.");
}

bool applyTest(const std::string& t, const Value& v, CallArgs& a) {
    auto other = [&]() -> const Value& {
        const Value* o = a.get(0, "other");
        if (!o) typeError("test '" + t + "' needs an argument");
        return *o;
    };
    if (t == "defined") return !v.isUndefined();
    if (t == "undefined") return v.isUndefined();
    if (t == "none") return v.isNone();
    if (t == "boolean") return v.isBool();
    if (t == "true") return v.isBool() && v.asBool();
    if (t == "false") return v.isBool() && !v.asBool();
    if (t == "integer") return v.isInt();
    if (t == "float") return v.isFloat();
    if (t == "number") return v.isNumber();
    if (t == "string") return v.isString();
    if (t == "mapping") return v.isDict();
    if (t == "iterable") return v.isString() || v.isList() || v.isDict() || v.isUndefined();
    if (t == "sequence") return v.isString() || v.isList() || v.isDict() || v.isUndefined();
    if (t == "callable") return v.isCallable();
    if (t == "escaped") return false;
    if (t == "lower" || t == "upper") {
        CallArgs none;
        auto m = boundMethod(Value(toStr(v)), t == "lower" ? "islower" : "isupper");
        return m->asCallable().fn(none).truthy();
    }
    if (t == "odd" || t == "even") {
        Value r = binaryOp(BinaryOp::Mod, v, Value(int64_t{2}));
        return t == "odd" ? valuesEqual(r, Value(int64_t{1})) : valuesEqual(r, Value(int64_t{0}));
    }
    if (t == "divisibleby") return valuesEqual(binaryOp(BinaryOp::Mod, v, other()), Value(int64_t{0}));
    if (t == "filter") return v.isString() && isKnownFilter(v.asString());
    if (t == "test") return v.isString() && isKnownTest(v.asString());
    if (t == "in") return contains(other(), v);
    if (t == "==" || t == "eq" || t == "equalto") return valuesEqual(v, other());
    if (t == "!=" || t == "ne") return !valuesEqual(v, other());
    if (t == ">" || t == "gt" || t == "greaterthan") return compareValues(v, other(), ">") > 0;
    if (t == ">=" || t == "ge") return compareValues(v, other(), ">=") >= 0;
    if (t == "<" || t == "lt" || t == "lessthan") return compareValues(v, other(), "<") < 0;
    if (t == "<=" || t == "le") return compareValues(v, other(), "<=") <= 0;
    if (t == "sameas") {
        const Value& o = other();
        if (v.kind() != o.kind()) return false;
        switch (v.kind()) {
        case ValueKind::None:
        case ValueKind::Undefined: return true;
        case ValueKind::Bool: return v.asBool() == o.asBool();
        case ValueKind::Int: return v.asInt() == o.asInt() && v.asInt() >= -5 && v.asInt() <= 256;
        case ValueKind::List: return &v.asList() == &o.asList();
        case ValueKind::Dict:
        case ValueKind::Object: return &v.asDict() == &o.asDict();
        case ValueKind::String: return &v.asString() == &o.asString();
        default: return false;
        }
    }
    raise("TemplateAssertionError", "No test named '" + t + "'.");
}

}  // namespace tb::jinja
