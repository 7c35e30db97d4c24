#pragma once
// The one way core reports an error: a value, or a sentence the person in front of the screen can act on.
// ("Cannot write '/x/run.json': Permission denied. Choose another folder.") Nothing in core throws across its API,
// returns an empty string for "failed", or fills an out-parameter with the reason.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace versus {

/// Why something could not be done, written for the user (what happened, and what to do where there is a remedy).
struct Error {
    std::string message;
};

/// A T, or the Error that prevented it. Converts implicitly from both, so a function returns either `value` or
/// `Error{"..."}`.
template <class T> class [[nodiscard]] Expected {
public:
    Expected(T value) : state_(std::move(value)) { }
    Expected(Error error) : state_(std::move(error)) { }

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<T>(state_);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<T>(state_);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<T>(std::move(state_));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    /// The reason; empty when ok().
    const std::string& error() const
    {
        static const std::string none;
        return ok() ? none : std::get<Error>(state_).message;
    }

private:
    std::variant<T, Error> state_;
};

/// Success with nothing to return, or the Error. Default-constructed means success.
template <> class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(Error error) : error_(std::move(error.message)), failed_(true) { }

    bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    const std::string& error() const { return error_; }

private:
    std::string error_;
    bool failed_ = false;
};

}  // namespace versus
