#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace tierdesk {

// An enum's wire names as a table of {value, "name"} rows: the name of a value, the value of a
// name (exact, case-sensitive), every name in the table's order.
template <typename E, std::size_t N> QString nameIn(const std::pair<E, const char *> (&table)[N], E value)
{
    for (const auto &row : table)
        if (row.first == value)
            return QLatin1String(row.second);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> parseIn(const std::pair<E, const char *> (&table)[N], const QString &name)
{
    for (const auto &row : table)
        if (name == QLatin1String(row.second))
            return row.first;
    return std::nullopt;
}

template <typename E, std::size_t N> QStringList namesIn(const std::pair<E, const char *> (&table)[N])
{
    QStringList out;
    for (const auto &row : table)
        out << QLatin1String(row.second);
    return out;
}

} // namespace tierdesk
