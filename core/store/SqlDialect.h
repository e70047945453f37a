#pragma once

#include <QString>

namespace tierdesk {

// The few SQL words SQLite and PostgreSQL spell differently, for the repositories' statements.
// Everything else they write is taken by both as it is (ON CONFLICT, RETURNING, CASE...).
struct SqlDialect {
    bool postgres = false;

    // The larger of two values (SQLite's two-argument max()).
    QString greatest(const QString &a, const QString &b) const
    {
        return (postgres ? QStringLiteral("GREATEST(") : QStringLiteral("max(")) + a + QStringLiteral(", ") + b
            + QStringLiteral(")");
    }
    // Where `needle` starts in `haystack`, from 1; 0 when it is not there.
    QString position(const QString &haystack, const QString &needle) const
    {
        return (postgres ? QStringLiteral("strpos(") : QStringLiteral("instr(")) + haystack + QStringLiteral(", ")
            + needle + QStringLiteral(")");
    }
    // A JSON object as text from "'key', value, ..." pairs.
    QString jsonObject(const QString &pairs) const
    {
        return postgres ? QStringLiteral("json_build_object(") + pairs + QStringLiteral(")::text")
                        : QStringLiteral("json_object(") + pairs + QStringLiteral(")");
    }
    // The elements of the JSON array `arrayText` as a table with one column, value (text).
    QString jsonArrayElements(const QString &arrayText) const
    {
        return postgres ? QStringLiteral("json_array_elements_text(CAST(") + arrayText + QStringLiteral(" AS json))")
                        : QStringLiteral("json_each(") + arrayText + QStringLiteral(")");
    }
};

} // namespace tierdesk
