#include "core/engine/reply/providers/PiiMask.h"

#include "core/nlu/text/PiiDetector.h"

#include <QRegularExpression>

namespace tierdesk {

namespace {

QString tag(nlu::PiiDetector::Kind kind)
{
    switch (kind) {
    case nlu::PiiDetector::Kind::Email:
        return QStringLiteral("EMAIL");
    case nlu::PiiDetector::Kind::Phone:
        return QStringLiteral("PHONE");
    case nlu::PiiDetector::Kind::CardNumber:
        return QStringLiteral("CARD");
    case nlu::PiiDetector::Kind::Address:
        break;
    }
    return QStringLiteral("ADDRESS");
}

// What a card number becomes in a reply: "the card ending in 4242".
QString lastFour(const QString &card)
{
    QString digits;
    for (const QChar c : card)
        if (c.isDigit())
            digits += c;
    return QStringLiteral("the card ending in ") + digits.right(4);
}

} // namespace

QString PiiMask::placeholderFor(const QString &kind, const QString &value)
{
    if (const auto it = m_placeholders.constFind(value); it != m_placeholders.cend())
        return *it;
    const QString placeholder = QStringLiteral("[%1_%2]").arg(kind).arg(++m_counts[kind]);
    m_placeholders.insert(value, placeholder);
    m_values.insert(placeholder, kind == QLatin1String("CARD") ? lastFour(value) : value);
    return placeholder;
}

QString PiiMask::mask(const QString &text)
{
    const QList<nlu::PiiDetector::Match> found = nlu::PiiDetector::find(text);
    if (found.isEmpty())
        return text;
    QString out;
    int from = 0;
    for (const nlu::PiiDetector::Match &m : found) {
        if (m.start < from) // overlapping matches: the first one stands
            continue;
        out += QStringView(text).mid(from, m.start - from);
        out += placeholderFor(tag(m.kind), text.mid(m.start, m.length));
        from = m.start + m.length;
    }
    out += QStringView(text).mid(from);
    return out;
}

void PiiMask::maskRequest(ChatRequest &request)
{
    request.system = mask(request.system);
    for (ChatMessage &m : request.messages)
        m.content = mask(m.content);
}

QString PiiMask::unmask(const QString &reply) const
{
    static const QRegularExpression placeholder(QStringLiteral("\\[(?:EMAIL|PHONE|CARD|ADDRESS)_\\d+\\]"));
    QString out;
    qsizetype from = 0;
    for (auto it = placeholder.globalMatch(reply); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(reply).mid(from, m.capturedStart() - from);
        out += m_values.value(m.captured(0)); // one the model made up: nothing
        from = m.capturedEnd();
    }
    out += QStringView(reply).mid(from);
    return out;
}

} // namespace tierdesk
