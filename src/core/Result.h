#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace tideline {

// A failure that can be shown to an operator: `code` is stable and machine-readable
// ("mqtt.auth", "kube.forbidden"), `message` is already translated and says what to do.
struct Error
{
    QString code;
    QString message;
    QString detail; // for the log only: raw library text, never shown as the headline
};

// Value-or-error for fallible calls (see STYLE.md, habit 7).
template<typename T>
class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}           // NOLINT(google-explicit-constructor)
    Result(Error error) : m_data(std::move(error)) {}       // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {} // NOLINT

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace tideline
