#include "core/common/JsonWriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <limits>

namespace tierdesk {

JsonWriter &JsonWriter::open(char bracket)
{
    beforeValue();
    m_out.append(bracket);
    m_hasItem.push_back(false);
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_hasItem.pop_back();
    return *this;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_hasItem.empty()) {
        if (m_hasItem.back())
            m_out.append(',');
        m_hasItem.back() = true;
    }
}

JsonWriter &JsonWriter::key(const char *name)
{
    beforeValue();
    m_out.append('"').append(name).append("\":");
    m_afterKey = true;
    return *this;
}

void JsonWriter::appendEscaped(const QByteArray &utf8)
{
    static const char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(utf8.constData() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default:
            m_out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0xf]);
        }
    }
    m_out.append(utf8.constData() + plainFrom, utf8.size() - plainFrom);
}

JsonWriter &JsonWriter::value(const QString &text)
{
    beforeValue();
    m_out.append('"');
    if (text.isValidUtf16()) {
        appendEscaped(text.toUtf8());
    } else {
        // A lone surrogate (JSON input may carry one as an escape) has no UTF-8: it is
        // written as its escape, as QJsonDocument writes it, and the runs around it as usual.
        qsizetype runFrom = 0;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (!c.isSurrogate())
                continue;
            if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            appendEscaped(QStringView(text).mid(runFrom, i - runFrom).toUtf8());
            m_out.append("\\u").append(QByteArray::number(c.unicode(), 16));
            runFrom = i + 1;
        }
        appendEscaped(QStringView(text).mid(runFrom).toUtf8());
    }
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::value(const char *asciiText)
{
    beforeValue();
    m_out.append('"').append(asciiText).append('"');
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    beforeValue();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    beforeValue();
    if (std::isfinite(number))
        m_out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    else
        m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    beforeValue();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    beforeValue();
    m_out.append(json);
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return null();
    case QJsonValue::Bool:
        return value(v.toBool());
    case QJsonValue::String:
        return value(v.toString());
    case QJsonValue::Double: {
        // A whole number (Qt keeps 64-bit integers exactly) prints as one.
        constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
        const qint64 whole = v.toInteger(notWhole);
        return whole != notWhole ? value(whole) : value(v.toDouble());
    }
    case QJsonValue::Array: {
        beginArray();
        for (const QJsonValue &item : v.toArray())
            value(item);
        return endArray();
    }
    case QJsonValue::Object: {
        beginObject();
        const QJsonObject o = v.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            value(it.key()); // keys of stored objects may need escaping: written as strings
            m_out.append(':');
            m_afterKey = true;
            value(it.value());
        }
        return endObject();
    }
    }
    return null();
}

QByteArray compactJson(const QJsonObject &o)
{
    JsonWriter w;
    w.value(QJsonValue(o));
    return w.take();
}

} // namespace tierdesk
