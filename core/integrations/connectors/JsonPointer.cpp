#include "core/integrations/connectors/JsonPointer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk::connectors {

namespace {

// "~01" is "~1" (RFC 6901, 4: "~1" first, then "~0"); false on a lone '~'.
bool unescapeToken(const QString &raw, QString *out)
{
    out->clear();
    out->reserve(raw.size());
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c != QLatin1Char('~')) {
            out->append(c);
            continue;
        }
        if (i + 1 >= raw.size())
            return false;
        const QChar next = raw.at(++i);
        if (next == QLatin1Char('0'))
            out->append(QLatin1Char('~'));
        else if (next == QLatin1Char('1'))
            out->append(QLatin1Char('/'));
        else
            return false;
    }
    return true;
}

std::optional<qsizetype> arrayIndex(const QString &token)
{
    if (token.isEmpty() || token.size() > 9 || (token.size() > 1 && token.startsWith(QLatin1Char('0'))))
        return std::nullopt;
    qsizetype n = 0;
    for (const QChar c : token) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        n = n * 10 + (c.unicode() - '0');
    }
    return n;
}

} // namespace

std::optional<JsonPointer> JsonPointer::parse(const QString &text)
{
    JsonPointer p;
    if (text.isEmpty())
        return p;
    if (text.size() > kMaxChars || !text.startsWith(QLatin1Char('/')))
        return std::nullopt;
    const QStringList raw = text.mid(1).split(QLatin1Char('/'));
    if (raw.size() > kMaxTokens)
        return std::nullopt;
    for (const QString &token : raw) {
        QString plain;
        if (!unescapeToken(token, &plain))
            return std::nullopt;
        p.m_tokens << plain;
    }
    return p;
}

std::optional<QJsonValue> JsonPointer::resolve(const QJsonValue &document) const
{
    QJsonValue at = document;
    for (const QString &token : m_tokens) {
        if (at.isObject()) {
            const QJsonObject o = at.toObject();
            const auto it = o.constFind(token);
            if (it == o.constEnd())
                return std::nullopt;
            at = it.value();
        } else if (at.isArray()) {
            const QJsonArray a = at.toArray();
            const std::optional<qsizetype> index = arrayIndex(token);
            if (!index || *index >= a.size())
                return std::nullopt;
            at = a.at(*index);
        } else {
            return std::nullopt;
        }
    }
    return at;
}

std::optional<QJsonValue> pointAt(const QJsonValue &document, const QString &pointer)
{
    const std::optional<JsonPointer> p = JsonPointer::parse(pointer);
    if (!p)
        return std::nullopt;
    return p->resolve(document);
}

} // namespace tierdesk::connectors
