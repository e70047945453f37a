#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace tierdesk {

// The answer of `read` for `text`, kept for the last text asked about, per thread and per
// call site (each lambda is a type of its own). For the readings of a customer message
// that several planners make on their own, one after another: the message is read once.
// `read` must depend on the text alone.
template <typename Read> auto lastAnswer(const QString &text, Read read) -> decltype(read(text))
{
    using Answer = decltype(read(text));
    thread_local std::optional<std::pair<QString, Answer>> last;
    if (!last || last->first != text)
        last.emplace(text, read(text));
    return last->second;
}

} // namespace tierdesk
