// Python semantics of Jinja values (see jinja_ops.h).
#include "core/chat/jinja_ops.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_methods.h"
#include "core/chat/jinja_unicode.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace tb::jinja {

std::string floatRepr(double d) {
    if (std::isnan(d)) return "nan";
    if (std::isinf(d)) return d < 0 ? "-inf" : "inf";
    if (d == 0.0) return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (sci[0] == '-') { sign = "-"; sci.erase(0, 1); }
    size_t e = sci.find('e');
    std::string mant = sci.substr(0, e);
    int exp = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (char c : mant) if (c != '.') digits.push_back(c);
    int decpt = exp + 1;
    int nd = static_cast<int>(digits.size());
    std::string out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) out = "0." + std::string(-decpt, '0') + digits;
        else if (decpt >= nd) out = digits + std::string(decpt - nd, '0') + ".0";
        else out = digits.substr(0, decpt) + "." + digits.substr(decpt);
    } else {
        out = digits.substr(0, 1);
        if (nd > 1) out += "." + digits.substr(1);
        char eb[16];
        std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
        out += eb;
    }
    return sign + out;
}

std::string stringRepr(const std::string& s) {
    bool hasSingle = s.find('\'') != std::string::npos;
    bool hasDouble = s.find('"') != std::string::npos;
    char quote = (hasSingle && !hasDouble) ? '"' : '\'';
    std::string out(1, quote);
    for (char32_t c : utf8::decode(s)) {
        if (c == static_cast<char32_t>(quote) || c == '\\') { out.push_back('\\'); out.push_back(static_cast<char>(c)); }
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c >= 0xDC80 && c <= 0xDCFF) { char b[8]; std::snprintf(b, sizeof b, "\\udc%02x", unsigned(c & 0xFF)); out += b; }
        else if (!utf8::isPrintable(c)) {
            char b[16];
            if (c < 0x100) std::snprintf(b, sizeof b, "\\x%02x", unsigned(c));
            else if (c < 0x10000) std::snprintf(b, sizeof b, "\\u%04x", unsigned(c));
            else std::snprintf(b, sizeof b, "\\U%08x", unsigned(c));
            out += b;
        } else utf8::append(out, c);
    }
    out.push_back(quote);
    return out;
}

namespace {
// Namespaces can hold themselves; repr() of such a cycle must stop instead of overflowing the stack.
struct ReprDepthGuard {
    static int& depth() {
        thread_local int d = 0;
        return d;
    }
    ReprDepthGuard() {
        if (depth() >= 400) raise("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
        ++depth();
    }
    ~ReprDepthGuard() { --depth(); }
};
}  // namespace

std::string repr(const Value& v) {
    ReprDepthGuard guard;
    switch (v.kind()) {
    case ValueKind::String: return stringRepr(v.asString());
    case ValueKind::List: {
        std::string out = v.isTuple() ? "(" : "[";
        const auto& items = v.asList();
        for (size_t i = 0; i < items.size(); ++i) {
            if (i) out += ", ";
            out += repr(items[i]);
            if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        }
        if (v.isTuple() && items.size() == 1) out += ",";
        out += v.isTuple() ? ")" : "]";
        return out;
    }
    case ValueKind::Dict: {
        std::string out = "{";
        bool first = true;
        for (auto& [k, val] : v.asDict().items) {
            if (!first) out += ", ";
            first = false;
            out += repr(k) + ": " + repr(val);
            if (out.size() > kMaxStringBytes) raise("MemoryError", "string exceeds the size limit");
        }
        return out + "}";
    }
    case ValueKind::Undefined: return "Undefined";
    default: return toStr(v);
    }
}

std::string toStr(const Value& v) {
    switch (v.kind()) {
    case ValueKind::Undefined: return "";
    case ValueKind::None: return "None";
    case ValueKind::Bool: return v.asBool() ? "True" : "False";
    case ValueKind::Int: return std::to_string(v.asInt());
    case ValueKind::Float: return floatRepr(v.asDouble());
    case ValueKind::String: return v.asString();
    case ValueKind::List:
    case ValueKind::Dict: return repr(v);
    case ValueKind::Callable: return "<built-in method " + v.asCallable().name + ">";
    case ValueKind::Object:
        if (v.objectType() == "Namespace") {
            return "<Namespace " + repr(Value::dict(v.asDict())) + ">";
        }
        return "<" + v.objectType() + " object>";
    }
    return "";
}

[[noreturn]] void failUndefined(const Value& v) {
    raise("UndefinedError", v.undefinedHint().empty() ? "undefined value" : v.undefinedHint());
}

bool valuesEqual(const Value& a, const Value& b) {
    if (a.isUndefined() || b.isUndefined()) return a.isUndefined() && b.isUndefined();
    if (a.isNumber() && b.isNumber()) {
        if (a.isFloat() || b.isFloat()) return a.asDouble() == b.asDouble();
        return a.asInt() == b.asInt();
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
    case ValueKind::None: return true;
    case ValueKind::String: return a.asString() == b.asString();
    case ValueKind::List: {
        if (a.isTuple() != b.isTuple()) return false;
        const auto &x = a.asList(), &y = b.asList();
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!valuesEqual(x[i], y[i])) return false;
        return true;
    }
    case ValueKind::Dict: {
        const auto &x = a.asDict(), &y = b.asDict();
        if (x.items.size() != y.items.size()) return false;
        for (auto& [k, v] : x.items) {
            const Value* other = y.find(k);
            if (!other || !valuesEqual(v, *other)) return false;
        }
        return true;
    }
    case ValueKind::Callable: return &a.asCallable() == &b.asCallable();
    case ValueKind::Object: return &a.asDict() == &b.asDict();
    default: return false;
    }
}

int compareValues(const Value& a, const Value& b, const char* op) {
    requireDefined(a);
    requireDefined(b);
    if (a.isNumber() && b.isNumber()) {
        if (a.isFloat() || b.isFloat()) {
            double x = a.asDouble(), y = b.asDouble();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        return a.asInt() < b.asInt() ? -1 : (a.asInt() > b.asInt() ? 1 : 0);
    }
    if (a.isString() && b.isString()) {
        int c = a.asString().compare(b.asString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (a.isList() && b.isList() && a.isTuple() == b.isTuple()) {
        const auto &x = a.asList(), &y = b.asList();
        for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (valuesEqual(x[i], y[i])) continue;
            return compareValues(x[i], y[i], op);
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    typeError(std::string("'") + op + "' not supported between instances of '" + a.typeName() + "' and '" +
              b.typeName() + "'");
}

namespace {

[[noreturn]] void unsupported(const char* op, const Value& a, const Value& b) {
    typeError(std::string("unsupported operand type(s) for ") + op + ": '" + a.typeName() + "' and '" +
              b.typeName() + "'");
}

void checkOverflow(bool overflow) {
    if (overflow) raise("OverflowError", "integer result does not fit in 64 bits");
}

Value repeat(const Value& seq, int64_t times) {
    if (times < 0) times = 0;
    if (seq.isString()) {
        const std::string& s = seq.asString();
        if (s.empty()) return Value(std::string());  // '' * 10**10 would loop 10**10 times
        if (!s.empty() && static_cast<uint64_t>(times) > kMaxStringBytes / s.size())
            raise("MemoryError", "string repetition exceeds the size limit");
        std::string out;
        out.reserve(s.size() * times);
        for (int64_t i = 0; i < times; ++i) out += s;
        return Value(std::move(out));
    }
    const auto& items = seq.asList();
    if (items.empty()) return Value::list({}, seq.isTuple());
    if (static_cast<uint64_t>(times) > kMaxListItems / items.size())
        raise("MemoryError", "list repetition exceeds the size limit");
    ValueList out;
    for (int64_t i = 0; i < times; ++i) out.insert(out.end(), items.begin(), items.end());
    return Value::list(std::move(out), seq.isTuple());
}

double floorMod(double a, double b) {
    double m = std::fmod(a, b);
    if (m != 0.0 && ((m < 0) != (b < 0))) m += b;
    return m;
}

}  // namespace

Value binaryOp(BinaryOp op, const Value& a, const Value& b) {
    requireDefined(a);
    requireDefined(b);
    const char* sym = "+";
    switch (op) {
    case BinaryOp::Add: sym = "+"; break;
    case BinaryOp::Sub: sym = "-"; break;
    case BinaryOp::Mul: sym = "*"; break;
    case BinaryOp::Div: sym = "/"; break;
    case BinaryOp::FloorDiv: sym = "//"; break;
    case BinaryOp::Mod: sym = "%"; break;
    case BinaryOp::Pow: sym = "**"; break;
    }
    if (a.isNumber() && b.isNumber()) {
        bool useFloat = a.isFloat() || b.isFloat();
        int64_t x = a.asInt(), y = b.asInt();
        double fx = a.asDouble(), fy = b.asDouble();
        int64_t r = 0;
        switch (op) {
        case BinaryOp::Add:
            if (useFloat) return Value(fx + fy);
            checkOverflow(__builtin_add_overflow(x, y, &r));
            return Value(r);
        case BinaryOp::Sub:
            if (useFloat) return Value(fx - fy);
            checkOverflow(__builtin_sub_overflow(x, y, &r));
            return Value(r);
        case BinaryOp::Mul:
            if (useFloat) return Value(fx * fy);
            checkOverflow(__builtin_mul_overflow(x, y, &r));
            return Value(r);
        case BinaryOp::Div:
            if (fy == 0.0) raise("ZeroDivisionError", "division by zero");
            return Value(fx / fy);
        case BinaryOp::FloorDiv:
            if (fy == 0.0) raise("ZeroDivisionError", useFloat ? "float floor division by zero" : "integer division or modulo by zero");
            if (useFloat) {
                double mod = floorMod(fx, fy);
                double div = (fx - mod) / fy;
                if (div == 0.0) return Value(std::copysign(0.0, fx / fy));
                double fl = std::floor(div);
                if (div - fl > 0.5) fl += 1.0;
                return Value(fl);
            }
            if (x == INT64_MIN && y == -1) raise("OverflowError", "integer result does not fit in 64 bits");
            {
                int64_t q = x / y;
                if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
                return Value(q);
            }
        case BinaryOp::Mod:
            if (fy == 0.0) raise("ZeroDivisionError", useFloat ? "float modulo" : "integer division or modulo by zero");
            if (useFloat) return Value(floorMod(fx, fy));
            if (y == -1) return Value(int64_t{0});
            {
                int64_t m = x % y;
                if (m != 0 && ((m < 0) != (y < 0))) m += y;
                return Value(m);
            }
        case BinaryOp::Pow:
            if (useFloat || y < 0) {
                if (fx == 0.0 && fy < 0) raise("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                return Value(std::pow(fx, fy));
            }
            {
                int64_t result = 1, base = x, e = y;
                while (e > 0) {
                    if (e & 1) checkOverflow(__builtin_mul_overflow(result, base, &result));
                    e >>= 1;
                    if (e > 0) checkOverflow(__builtin_mul_overflow(base, base, &base));
                }
                return Value(result);
            }
        }
    }
    if (op == BinaryOp::Add) {
        if (a.isString() && b.isString()) {
            if (a.asString().size() + b.asString().size() > kMaxStringBytes)
                raise("MemoryError", "string exceeds the size limit");
            return Value(a.asString() + b.asString());
        }
        if (a.isList() && b.isList() && a.isTuple() == b.isTuple()) {
            ValueList out = a.asList();
            out.insert(out.end(), b.asList().begin(), b.asList().end());
            if (out.size() > kMaxListItems) raise("MemoryError", "list exceeds the size limit");
            return Value::list(std::move(out), a.isTuple());
        }
        if (a.isString()) typeError("can only concatenate str (not \"" + b.typeName() + "\") to str");
        if (a.isList() && !a.isTuple())
            typeError("can only concatenate list (not \"" + b.typeName() + "\") to list");
    }
    if (op == BinaryOp::Mul) {
        if ((a.isString() || a.isList()) && (b.isInt() || b.isBool())) return repeat(a, b.asInt());
        if ((b.isString() || b.isList()) && (a.isInt() || a.isBool())) return repeat(b, a.asInt());
    }
    if (op == BinaryOp::Mod && a.isString()) return Value(pyPercentFormat(a.asString(), b));
    unsupported(sym, a, b);
}

Value negate(const Value& a) {
    requireDefined(a);
    if (a.isFloat()) return Value(-a.asDouble());
    if (a.isNumber()) {
        if (a.asInt() == INT64_MIN) raise("OverflowError", "integer result does not fit in 64 bits");
        return Value(-a.asInt());
    }
    typeError("bad operand type for unary -: '" + a.typeName() + "'");
}

Value unaryPlus(const Value& a) {
    requireDefined(a);
    if (a.isFloat()) return a;
    if (a.isNumber()) return Value(a.asInt());
    typeError("bad operand type for unary +: '" + a.typeName() + "'");
}

bool contains(const Value& container, const Value& item) {
    switch (container.kind()) {
    case ValueKind::Undefined: return false;
    case ValueKind::String:
        if (!item.isString()) {
            requireDefined(item);
            typeError("'in <string>' requires string as left operand, not " + item.typeName());
        }
        return container.asString().find(item.asString()) != std::string::npos;
    case ValueKind::List:
        for (auto& v : container.asList())
            if (valuesEqual(v, item)) return true;
        return false;
    case ValueKind::Dict: return container.asDict().find(item) != nullptr;
    default: typeError("argument of type '" + container.typeName() + "' is not iterable");
    }
}

ValueList iterate(const Value& v) {
    switch (v.kind()) {
    case ValueKind::Undefined: return {};
    case ValueKind::List: return v.asList();
    case ValueKind::Dict: {
        ValueList keys;
        for (auto& [k, val] : v.asDict().items) keys.push_back(k);
        return keys;
    }
    case ValueKind::String: {
        ValueList chars;
        for (char32_t c : utf8::decode(v.asString())) {
            std::string s;
            utf8::append(s, c);
            chars.emplace_back(std::move(s));
        }
        return chars;
    }
    default: typeError("'" + v.typeName() + "' object is not iterable");
    }
}

int64_t length(const Value& v) {
    switch (v.kind()) {
    case ValueKind::Undefined: return 0;
    case ValueKind::String: return static_cast<int64_t>(utf8::length(v.asString()));
    case ValueKind::List: return static_cast<int64_t>(v.asList().size());
    case ValueKind::Dict: return static_cast<int64_t>(v.asDict().items.size());
    default: typeError("object of type '" + v.typeName() + "' has no len()");
    }
}

namespace {
std::string objectTypeRepr(const Value& v) {
    if (v.isNone()) return "'None'";
    std::string out = v.typeName();
    out.insert(0, 1, '\'');
    return out.append(" object'");
}
Value missingAttr(const Value& obj, const std::string& name) {
    return Value::undefined(objectTypeRepr(obj) + " has no attribute '" + name + "'");
}
}  // namespace

Value getAttr(const Value& obj, const std::string& name) {
    if (!name.empty() && name[0] == '_')  // the sandbox hides private attributes, even of Undefined
        return Value::undefined("access to attribute '" + name + "' of '" + obj.typeName() + "' object is unsafe.");
    requireDefined(obj);
    if (obj.isObject()) {
        if (const Value* v = obj.asDict().find(Value(name))) return *v;
        return missingAttr(obj, name);
    }
    if (auto m = boundMethod(obj, name)) return *m;
    if (obj.isDict()) {
        if (const Value* v = obj.asDict().find(Value(name))) return *v;
    }
    return missingAttr(obj, name);
}

Value getItem(const Value& obj, const Value& key) {
    requireDefined(obj);
    if (obj.isDict()) {
        if (const Value* v = obj.asDict().find(key)) return *v;
    } else if ((obj.isList() || obj.isString()) && (key.isInt() || key.isBool())) {
        int64_t i = key.asInt();
        if (obj.isList()) {
            int64_t n = static_cast<int64_t>(obj.asList().size());
            if (i < 0) i += n;
            if (i >= 0 && i < n) return obj.asList()[static_cast<size_t>(i)];
        } else {
            bool ascii = true;
            for (char c : obj.asString()) if (static_cast<unsigned char>(c) >= 0x80) { ascii = false; break; }
            if (ascii) {
                int64_t n = static_cast<int64_t>(obj.asString().size());
                if (i < 0) i += n;
                if (i >= 0 && i < n) return Value(std::string(1, obj.asString()[static_cast<size_t>(i)]));
            } else {
                auto cps = utf8::decode(obj.asString());
                int64_t n = static_cast<int64_t>(cps.size());
                if (i < 0) i += n;
                if (i >= 0 && i < n) {
                    std::string s;
                    utf8::append(s, cps[static_cast<size_t>(i)]);
                    return Value(std::move(s));
                }
            }
        }
    }
    if (key.isString()) {
        if (obj.isObject()) return getAttr(obj, key.asString());
        if (!key.asString().empty() && key.asString()[0] == '_') return getAttr(obj, key.asString());
        if (auto m = boundMethod(obj, key.asString())) return *m;
        return missingAttr(obj, key.asString());
    }
    return Value::undefined(objectTypeRepr(obj) + " has no element " + repr(key));
}

Value sliceValue(const Value& obj, const Value& startV, const Value& stopV, const Value& stepV) {
    requireDefined(obj);
    auto intOrNone = [](const Value& v, bool& isNone, int64_t& out) {
        if (v.isNone() || v.isUndefined()) { isNone = true; return true; }
        if (v.isInt() || v.isBool()) { isNone = false; out = v.asInt(); return true; }
        return false;
    };
    bool startNone, stopNone, stepNone;
    int64_t start = 0, stop = 0, step = 1;
    if (!intOrNone(startV, startNone, start) || !intOrNone(stopV, stopNone, stop) || !intOrNone(stepV, stepNone, step))
        return Value::undefined("slice indices must be integers or None");
    if (stepNone) step = 1;
    if (step == 0) raise("ValueError", "slice step cannot be zero");
    if (!obj.isList() && !obj.isString()) return Value::undefined(objectTypeRepr(obj) + " is not subscriptable");
    std::vector<char32_t> cps;
    int64_t n;
    if (obj.isString()) { cps = utf8::decode(obj.asString()); n = static_cast<int64_t>(cps.size()); }
    else n = static_cast<int64_t>(obj.asList().size());
    auto adjust = [&](bool none, int64_t v, bool isStart) {
        if (none) return step > 0 ? (isStart ? int64_t{0} : n) : (isStart ? n - 1 : int64_t{-1});
        if (v < 0) { v += n; if (v < 0) v = step > 0 ? 0 : -1; }
        else if (v >= n) v = step > 0 ? n : n - 1;
        return v;
    };
    start = adjust(startNone, start, true);
    stop = adjust(stopNone, stop, false);
    std::vector<int64_t> idx;
    if (step > 0) for (int64_t i = start; i < stop; i += step) idx.push_back(i);
    else for (int64_t i = start; i > stop; i += step) idx.push_back(i);
    if (obj.isString()) {
        std::string out;
        for (int64_t i : idx) utf8::append(out, cps[static_cast<size_t>(i)]);
        return Value(std::move(out));
    }
    ValueList out;
    for (int64_t i : idx) out.push_back(obj.asList()[static_cast<size_t>(i)]);
    return Value::list(std::move(out), obj.isTuple());
}

}  // namespace tb::jinja
