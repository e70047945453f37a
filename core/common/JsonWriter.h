#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <vector>

namespace tierdesk {

// JSON text written straight into bytes, for the answers routes send on every
// message. QJsonObject builds a CBOR container and QJsonDocument::toJson walks it
// again: for the message route's ~800-byte answer that was ~180,000 instructions,
// several times what writing the text costs. What it writes parses to the same
// value as the QJsonObject it stands for (tst_jsonwriter compares them); numbers
// are formatted as Qt's JSON writer formats them.
//
//   JsonWriter w;
//   w.beginObject().field("id", id).key("tags").beginArray().value(tag).endArray().endObject();
//   QByteArray text = w.take();
class JsonWriter {
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    // An object key: a plain ASCII name (not escaped).
    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *asciiText); // an ASCII literal (not escaped)
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(double number); // non-finite → null, as QJsonDocument writes it
    JsonWriter &value(bool flag);
    JsonWriter &value(const QJsonValue &v); // objects and arrays written whole
    JsonWriter &null();
    JsonWriter &raw(const QByteArray &json); // a value already written as JSON text

    template <typename T> JsonWriter &field(const char *name, const T &v) { return key(name).value(v); }

    QByteArray take() { return std::move(m_out); }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void beforeValue();
    void appendEscaped(const QByteArray &utf8); // the inside of a string: no quotes

    QByteArray m_out;
    std::vector<bool> m_hasItem; // per open container: whether a comma goes before the next
    bool m_afterKey = false;
};

// QJsonDocument(o).toJson(QJsonDocument::Compact), for objects stored on every message.
QByteArray compactJson(const QJsonObject &o);

} // namespace tierdesk
