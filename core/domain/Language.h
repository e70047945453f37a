#pragma once

#include <QString>

#include <optional>

namespace tierdesk {

// The language a company's customers are answered in (CS config `language`).
enum class Language { En, De };

inline std::optional<Language> languageFromCode(const QString &code)
{
    if (code == QLatin1String("en"))
        return Language::En;
    if (code == QLatin1String("de"))
        return Language::De;
    return std::nullopt;
}

inline QString languageCode(Language l)
{
    return l == Language::De ? QStringLiteral("de") : QStringLiteral("en");
}

} // namespace tierdesk
