// Construction, truthiness and type names of Jinja values.
#include "core/chat/jinja_value.h"
#include "core/chat/jinja_error.h"
#include "core/chat/jinja_ops.h"

#include <algorithm>

namespace tb::jinja {

const Value* ValueDict::find(const Value& key) const {
    for (auto& [k, v] : items)
        if (valuesEqual(k, key)) return &v;
    return nullptr;
}
Value* ValueDict::find(const Value& key) {
    for (auto& [k, v] : items)
        if (valuesEqual(k, key)) return &v;
    return nullptr;
}
void ValueDict::set(const Value& key, Value value) {
    if (Value* existing = find(key)) *existing = std::move(value);
    else items.emplace_back(key, std::move(value));
}

const std::string& Value::emptyString() {
    static const std::string empty;
    return empty;
}

Value Value::undefined(std::string hint) {
    Value v;
    if (!hint.empty()) v.m_string = std::make_shared<const std::string>(std::move(hint));
    return v;
}
Value Value::none() {
    Value v;
    v.m_kind = ValueKind::None;
    return v;
}
Value::Value(bool b) : m_kind(ValueKind::Bool), m_bool(b) {}
Value::Value(int64_t i) : m_kind(ValueKind::Int), m_int(i) {}
Value::Value(double d) : m_kind(ValueKind::Float), m_float(d) {}
Value::Value(std::string s) : m_kind(ValueKind::String), m_string(std::make_shared<const std::string>(std::move(s))) {}

Value Value::list(ValueList items, bool tuple) {
    Value v;
    v.m_kind = ValueKind::List;
    v.m_tuple = tuple;
    for (auto& item : items) v.m_nest = std::max(v.m_nest, item.m_nest + 1), v.m_nodes += item.m_nodes;
    if (v.m_nest > kMaxValueNesting) raise("RecursionError", "lists nested deeper than " + std::to_string(kMaxValueNesting) + " levels");
    if (v.m_nodes > kMaxValueNodes) raise("MemoryError", "a list holding more than " + std::to_string(kMaxValueNodes) + " values (shared parts counted each time)");
    v.m_list = std::make_shared<ValueList>(std::move(items));
    return v;
}
Value Value::dict(ValueDict d) {
    Value v;
    v.m_kind = ValueKind::Dict;
    for (auto& [k, item] : d.items)
        v.m_nest = std::max({v.m_nest, item.m_nest + 1, k.m_nest + 1}), v.m_nodes += k.m_nodes + item.m_nodes;
    if (v.m_nest > kMaxValueNesting) raise("RecursionError", "dicts nested deeper than " + std::to_string(kMaxValueNesting) + " levels");
    if (v.m_nodes > kMaxValueNodes) raise("MemoryError", "a dict holding more than " + std::to_string(kMaxValueNodes) + " values (shared parts counted each time)");
    v.m_dict = std::make_shared<ValueDict>(std::move(d));
    return v;
}
Value Value::object(std::string typeName, ValueDict attrs) {
    Value v;
    v.m_kind = ValueKind::Object;
    v.m_string = std::make_shared<const std::string>(std::move(typeName));
    v.m_dict = std::make_shared<ValueDict>(std::move(attrs));
    return v;
}
Value Value::function(std::string name, NativeFunction fn) {
    Value v;
    v.m_kind = ValueKind::Callable;
    v.m_callable = std::make_shared<Callable>(Callable{std::move(name), std::move(fn)});
    return v;
}

bool Value::truthy() const {
    switch (m_kind) {
    case ValueKind::Undefined:
    case ValueKind::None: return false;
    case ValueKind::Bool: return m_bool;
    case ValueKind::Int: return m_int != 0;
    case ValueKind::Float: return m_float != 0.0;
    case ValueKind::String: return !m_string->empty();
    case ValueKind::List: return !m_list->empty();
    case ValueKind::Dict: return !m_dict->items.empty();
    case ValueKind::Callable:
    case ValueKind::Object: return true;
    }
    return false;
}

std::string Value::typeName() const {
    switch (m_kind) {
    case ValueKind::Undefined: return "Undefined";
    case ValueKind::None: return "NoneType";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Float: return "float";
    case ValueKind::String: return "str";
    case ValueKind::List: return m_tuple ? "tuple" : "list";
    case ValueKind::Dict: return "dict";
    case ValueKind::Callable: return "builtin_function_or_method";
    case ValueKind::Object: return *m_string;
    }
    return "object";
}

const Value* CallArgs::get(size_t position, const std::string& name) const {
    for (auto& [k, v] : keyword)
        if (k == name) return &v;
    if (position < positional.size()) return &positional[position];
    return nullptr;
}

}  // namespace tb::jinja
