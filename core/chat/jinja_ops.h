// Python semantics of Jinja values: str()/repr(), equality and ordering, arithmetic, `in`, iteration,
// attribute and item access. Every failure is a JinjaError with Python's exception name (TypeError,
// UndefinedError, ZeroDivisionError, ...). Not filters or tests (jinja_filters.h).
#pragma once

#include "core/chat/jinja_value.h"

#include <optional>
#include <string>

namespace tb::jinja {

// Python's str(x) as Jinja prints {{ x }}: Undefined prints as "".
std::string toStr(const Value& v);
// Python's repr(x).
std::string repr(const Value& v);
// Python's float.__repr__ (shortest round trip, "1e+16", "1.0", "inf", "nan").
std::string floatRepr(double d);
// Python's repr of a str (quote choice and escapes).
std::string stringRepr(const std::string& s);

[[noreturn]] void failUndefined(const Value& v);
// Throws UndefinedError when v is Undefined (operations that Jinja's Undefined refuses).
inline void requireDefined(const Value& v) { if (v.isUndefined()) failUndefined(v); }

bool valuesEqual(const Value& a, const Value& b);
// <0, 0, >0; TypeError when Python cannot order the two (e.g. int < str).
int compareValues(const Value& a, const Value& b, const char* op);

enum class BinaryOp { Add, Sub, Mul, Div, FloorDiv, Mod, Pow };
Value binaryOp(BinaryOp op, const Value& a, const Value& b);
Value negate(const Value& a);
Value unaryPlus(const Value& a);
// Python's `item in container`.
bool contains(const Value& container, const Value& item);

// The items a for loop sees: list/tuple items, dict keys, string characters; Undefined → empty.
ValueList iterate(const Value& v);
// Python's len(); Undefined → 0.
int64_t length(const Value& v);

// obj.name with Jinja's getattr-then-getitem rule; Undefined (with a hint) when missing.
Value getAttr(const Value& obj, const std::string& name);
// obj[key] with Jinja's getitem-then-getattr rule; Undefined when missing or out of range.
Value getItem(const Value& obj, const Value& key);
// obj[start:stop:step] on lists, tuples and strings.
Value sliceValue(const Value& obj, const Value& start, const Value& stop, const Value& step);

// Limits that keep a hostile template from exhausting memory through single operations.
constexpr size_t kMaxStringBytes = 32u << 20;   // 32 MiB per string value
constexpr size_t kMaxListItems = 4u << 20;      // 4 Mi items per list

}  // namespace tb::jinja
