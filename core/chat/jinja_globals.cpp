// The global functions templates can call: range (with jinja2's sandbox limit), namespace, dict,
// raise_exception and strftime_now (Hugging Face's globals), with a C-locale strftime.
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_evaluator.h"
#include "core/chat/jinja_ops.h"

#include <chrono>
#include <cstdio>

namespace tb::jinja {

namespace {

constexpr int64_t kMaxRange = 100000;  // jinja2.sandbox.MAX_RANGE

ValueDict kwargsDict(CallArgs& a, const char* fn) {
    ValueDict d;
    if (a.positional.size() > 1) typeError(std::string(fn) + " expected at most 1 argument, got " + std::to_string(a.positional.size()));
    if (!a.positional.empty()) {
        const Value& init = a.positional[0];
        if (init.isDict()) d = init.asDict();
        else if (init.isObject()) d = init.asDict();
        else {
            for (auto& pair : iterate(init)) {
                ValueList kv = iterate(pair);
                if (kv.size() != 2) raise("ValueError", "dictionary update sequence element has wrong length");
                d.set(kv[0], kv[1]);
            }
        }
    }
    for (auto& [k, v] : a.keyword) d.set(Value(k), v);
    return d;
}

// strftime in the C locale (what Python's datetime.strftime gives in a default-locale process).
std::string cStrftime(const std::string& fmt, const std::tm& t) {
    static const char* const days[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static const char* const months[] = {"January", "February", "March", "April", "May", "June", "July",
                                         "August", "September", "October", "November", "December"};
    std::string out;
    char buf[64];
    for (size_t i = 0; i < fmt.size(); ++i) {
        if (fmt[i] != '%' || i + 1 >= fmt.size()) { out.push_back(fmt[i]); continue; }
        char c = fmt[++i];
        int wday = ((t.tm_wday % 7) + 7) % 7, mon = ((t.tm_mon % 12) + 12) % 12;
        switch (c) {
        case 'a': out.append(days[wday], 3); break;
        case 'A': out += days[wday]; break;
        case 'b': case 'h': out.append(months[mon], 3); break;
        case 'B': out += months[mon]; break;
        case 'd': std::snprintf(buf, sizeof buf, "%02d", t.tm_mday); out += buf; break;
        case 'e': std::snprintf(buf, sizeof buf, "%2d", t.tm_mday); out += buf; break;
        case 'H': std::snprintf(buf, sizeof buf, "%02d", t.tm_hour); out += buf; break;
        case 'I': std::snprintf(buf, sizeof buf, "%02d", t.tm_hour % 12 == 0 ? 12 : t.tm_hour % 12); out += buf; break;
        case 'j': std::snprintf(buf, sizeof buf, "%03d", t.tm_yday + 1); out += buf; break;
        case 'm': std::snprintf(buf, sizeof buf, "%02d", t.tm_mon + 1); out += buf; break;
        case 'M': std::snprintf(buf, sizeof buf, "%02d", t.tm_min); out += buf; break;
        case 'p': out += t.tm_hour < 12 ? "AM" : "PM"; break;
        case 'S': std::snprintf(buf, sizeof buf, "%02d", t.tm_sec); out += buf; break;
        case 'y': std::snprintf(buf, sizeof buf, "%02d", (t.tm_year + 1900) % 100); out += buf; break;
        case 'Y': std::snprintf(buf, sizeof buf, "%d", t.tm_year + 1900); out += buf; break;
        case 'F': std::snprintf(buf, sizeof buf, "%d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday); out += buf; break;
        case 'T': std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", t.tm_hour, t.tm_min, t.tm_sec); out += buf; break;
        case '%': out.push_back('%'); break;
        default: {
            char spec[3] = {'%', c, 0};
            size_t n = std::strftime(buf, sizeof buf, spec, &t);
            out.append(buf, n);
        }
        }
    }
    return out;
}

}  // namespace

std::string Renderer::strftimeNow(const std::string& format) const {
    std::tm t{};
    if (m_options.now) t = *m_options.now;
    else {
        std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        localtime_r(&now, &t);
    }
    return cStrftime(format, t);
}

void Renderer::installGlobals() {
    m_globals["range"] = Value::function("range", [](CallArgs& a) {
        int64_t start = 0, stop = 0, stepBy = 1;
        for (auto& v : a.positional) {
            requireDefined(v);
            if (!v.isInt() && !v.isBool()) {
                std::string msg = v.typeName();
                typeError(msg.insert(0, 1, '\'').append("' object cannot be interpreted as an integer"));
            }
        }
        if (a.positional.size() == 1) stop = a.positional[0].asInt();
        else if (a.positional.size() == 2 || a.positional.size() == 3) {
            start = a.positional[0].asInt();
            stop = a.positional[1].asInt();
            if (a.positional.size() == 3) stepBy = a.positional[2].asInt();
        } else typeError("range expected 1 to 3 arguments, got " + std::to_string(a.positional.size()));
        if (stepBy == 0) raise("ValueError", "range() arg 3 must not be zero");
        long double count = stepBy > 0 ? (static_cast<long double>(stop) - start + stepBy - 1) / stepBy
                                       : (static_cast<long double>(start) - stop - stepBy - 1) / -stepBy;
        if (count > kMaxRange)
            raise("OverflowError", "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).");
        ValueList out;
        if (stepBy > 0) for (int64_t i = start; i < stop; i += stepBy) out.emplace_back(i);
        else for (int64_t i = start; i > stop; i += stepBy) out.emplace_back(i);
        return Value::list(std::move(out));
    });
    m_globals["namespace"] = Value::function("namespace", [](CallArgs& a) {
        return Value::object("Namespace", kwargsDict(a, "namespace"));
    });
    m_globals["dict"] = Value::function("dict", [](CallArgs& a) { return Value::dict(kwargsDict(a, "dict")); });
    m_globals["raise_exception"] = Value::function("raise_exception", [](CallArgs& a) -> Value {
        const Value* msg = a.get(0, "message");
        raise("TemplateError", msg ? toStr(*msg) : std::string());
    });
    m_globals["strftime_now"] = Value::function("strftime_now", [this](CallArgs& a) {
        const Value* fmt = a.get(0, "format");
        if (!fmt || !fmt->isString()) typeError("strftime_now() argument must be str");
        return Value(strftimeNow(fmt->asString()));
    });
}

}  // namespace tb::jinja
