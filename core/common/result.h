// Result<T> and Status: the one error policy of core. A failure carries a readable message that names
// the file, line or field and what is wrong, plus a kind so callers can map it to an exit code.
// Not an exception type: core never throws across its API and never calls exit().
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace tb {

enum class ErrorKind {
    Input,     // the user's file, field or option is wrong (CLI exit code 1)
    Internal,  // a bug or an environment failure such as a full disk (CLI exit code 2)
    Cancelled, // the user cancelled the operation
};

struct Error {
    ErrorKind kind = ErrorKind::Input;
    std::string message;
};

inline Error inputError(std::string message) { return {ErrorKind::Input, std::move(message)}; }
inline Error internalError(std::string message) { return {ErrorKind::Internal, std::move(message)}; }
inline Error cancelledError(std::string message = "cancelled") { return {ErrorKind::Cancelled, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(m_data); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const Error& error() const { return std::get<Error>(m_data); }
    const std::string& message() const { return error().message; }

private:
    std::variant<T, Error> m_data;
};

class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }
    const std::string& message() const { return m_error->message; }

private:
    std::optional<Error> m_error;
};

// Propagate a failure from an expression yielding Status or Result<T>.
#define TB_TRY(expr)                                        \
    do {                                                    \
        auto tb_try_result_ = (expr);                       \
        if (!tb_try_result_.ok()) return tb_try_result_.error(); \
    } while (0)

}  // namespace tb
