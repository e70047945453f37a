#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk::connectors {

// RFC 6901 JSON pointers over QJsonValue: "" is the whole document, "/a/0/b~1c"
// is member "a", element 0, member "b/c" ("~1" is '/', "~0" is '~').
class JsonPointer {
public:
    static constexpr int kMaxChars = 512;
    static constexpr int kMaxTokens = 32;

    // Nullopt when `text` is not a pointer (no leading '/', a '~' not followed by
    // 0 or 1, longer than kMaxChars or deeper than kMaxTokens).
    static std::optional<JsonPointer> parse(const QString &text);

    // The value pointed at; nullopt when the document has nothing there. An array
    // index is decimal without leading zeros ("-" points past the end: nothing).
    std::optional<QJsonValue> resolve(const QJsonValue &document) const;

    const QStringList &tokens() const { return m_tokens; }

private:
    QStringList m_tokens;
};

// resolve() of a pointer given as text; nullopt too when the text is no pointer.
std::optional<QJsonValue> pointAt(const QJsonValue &document, const QString &pointer);

} // namespace tierdesk::connectors
