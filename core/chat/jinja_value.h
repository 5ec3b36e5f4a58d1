// The value type of the Jinja engine: Python-like none/bool/int/float/str/list/tuple/dict plus Jinja's
// Undefined, callables and attribute objects (namespace(), loop). Lists and dicts are shared (Python
// reference semantics). Not the evaluator: operators and conversions live in jinja_ops.h.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tb::jinja {

class Value;
struct CallArgs;
constexpr int kMaxValueNesting = 200;  // deeper lists/dicts are refused (JinjaError)
// Lists/dicts of more values than this, counting a shared part each time it appears, are refused: a few
// `{% set v = [v, v] %}` build 2^60 values in 60 steps, and printing, comparing or sorting them never ends.
constexpr int64_t kMaxValueNodes = int64_t(1) << 23;
using ValueList = std::vector<Value>;
// Insertion-ordered mapping (as Python's dict). Keys are Values (usually strings); lookup is linear,
// which is fine for the small mappings chat templates handle.
struct ValueDict {
    std::vector<std::pair<Value, Value>> items;
    const Value* find(const Value& key) const;
    Value* find(const Value& key);
    void set(const Value& key, Value value);
};
// A Python callable: built-in function, bound method, macro. Errors are thrown as JinjaError.
using NativeFunction = std::function<Value(CallArgs&)>;
struct Callable {
    std::string name;  // for messages and printing
    NativeFunction fn;
};

enum class ValueKind { Undefined, None, Bool, Int, Float, String, List, Dict, Callable, Object };

class Value {
public:
    Value() = default;  // Undefined
    static Value undefined(std::string hint = {});
    static Value none();
    Value(bool b);
    Value(int64_t i);
    Value(int i) : Value(static_cast<int64_t>(i)) {}
    Value(double d);
    Value(std::string s);
    Value(const char* s) : Value(std::string(s)) {}
    static Value list(ValueList items = {}, bool tuple = false);
    static Value dict(ValueDict d = {});
    // An attribute object (namespace(), loop): attributes in `attrs`, printed as <typeName ...>.
    static Value object(std::string typeName, ValueDict attrs = {});
    static Value function(std::string name, NativeFunction fn);

    ValueKind kind() const { return m_kind; }
    bool isUndefined() const { return m_kind == ValueKind::Undefined; }
    bool isNone() const { return m_kind == ValueKind::None; }
    bool isBool() const { return m_kind == ValueKind::Bool; }
    bool isInt() const { return m_kind == ValueKind::Int; }
    bool isFloat() const { return m_kind == ValueKind::Float; }
    bool isNumber() const { return isInt() || isFloat() || isBool(); }
    bool isString() const { return m_kind == ValueKind::String; }
    bool isList() const { return m_kind == ValueKind::List; }
    bool isTuple() const { return m_kind == ValueKind::List && m_tuple; }
    bool isDict() const { return m_kind == ValueKind::Dict; }
    bool isCallable() const { return m_kind == ValueKind::Callable; }
    bool isObject() const { return m_kind == ValueKind::Object; }

    bool asBool() const { return m_bool; }
    int64_t asInt() const { return m_kind == ValueKind::Bool ? (m_bool ? 1 : 0) : m_int; }
    double asDouble() const { return m_kind == ValueKind::Float ? m_float : static_cast<double>(asInt()); }
    const std::string& asString() const { return *m_string; }
    const ValueList& asList() const { return *m_list; }
    ValueList& mutableList() { return *m_list; }
    const ValueDict& asDict() const { return *m_dict; }
    ValueDict& mutableDict() { return *m_dict; }
    const Callable& asCallable() const { return *m_callable; }
    const std::string& objectType() const { return *m_string; }
    // For Undefined: what was missing ("'x' is undefined"), used in UndefinedError messages.
    const std::string& undefinedHint() const { return m_string ? *m_string : emptyString(); }

    // Python truthiness.
    bool truthy() const;
    // Nesting depth of lists/dicts inside this value (0 for scalars); bounded by kMaxValueNesting.
    int nesting() const { return m_nest; }
    // Values in this value, itself included, a shared part counted each time; bounded by kMaxValueNodes.
    int64_t nodes() const { return m_nodes; }
    // Python type name used in error messages ("str", "int", "NoneType", "dict", ...).
    std::string typeName() const;

private:
    static const std::string& emptyString();
    ValueKind m_kind = ValueKind::Undefined;
    bool m_bool = false;
    bool m_tuple = false;
    int m_nest = 0;
    int64_t m_nodes = 1;
    int64_t m_int = 0;
    double m_float = 0.0;
    std::shared_ptr<const std::string> m_string;  // string, object type name, undefined hint
    std::shared_ptr<ValueList> m_list;
    std::shared_ptr<ValueDict> m_dict;             // dict items or object attributes
    std::shared_ptr<Callable> m_callable;
};

// Arguments of a call: positional then keyword, as written.
struct CallArgs {
    ValueList positional;
    std::vector<std::pair<std::string, Value>> keyword;
    // Argument `name` at `position` (keyword wins), or nullptr when absent.
    const Value* get(size_t position, const std::string& name) const;
};

}  // namespace tb::jinja
