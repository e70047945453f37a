// JsonWriter against Qt's own JSON: what it writes parses to the value QJsonObject
// would hold, for every kind of string and number; CsJson's written shapes
// equal their QJsonObject twins; timefmt::iso equals QDateTime's ISO form.
#include "core/api/cs/CsJson.h"
#include "core/common/JsonWriter.h"
#include "core/common/Time.h"
#include "core/store/MessageMetaCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <limits>

using namespace tierdesk;

namespace {

QJsonObject parsed(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(error.errorString()), text.constData());
    return doc.object();
}

QByteArray written(const QJsonObject &o)
{
    JsonWriter w;
    w.value(QJsonValue(o));
    return w.take();
}

} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT

private slots:
    void stringsRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::newRow("empty") << QString();
        QTest::newRow("plain") << QStringLiteral("Where is my order?");
        QTest::newRow("quotes and backslashes") << QStringLiteral(R"(say "hi" \ C:\path\ "")");
        QTest::newRow("every control character") << controls;
        QTest::newRow("DEL and slash") << QStringLiteral("a\u007f/b</script>");
        QTest::newRow("accents") << QStringLiteral("Grüße, café, naïve");
        QTest::newRow("emoji (surrogate pair)") << QStringLiteral("wow amazing service 🙄👍");
        QTest::newRow("line and paragraph separators") << QStringLiteral("a\u2028b\u2029c");
        QTest::newRow("right to left") << QStringLiteral("שלום عربى");
    }
    void stringsRoundTrip()
    {
        QFETCH(QString, text);
        JsonWriter w;
        w.beginObject().field("text", text).key("list").beginArray().value(text).value(text).endArray().endObject();
        const QJsonObject back = parsed(w.take());
        QCOMPARE(back.value(QLatin1String("text")).toString(), text);
        QCOMPARE(back.value(QLatin1String("list")).toArray(), (QJsonArray{text, text}));
    }

    void loneSurrogateIsWrittenAsQtWritesIt()
    {
        // Not valid UTF-16: written as the escape Qt writes, and the text stays JSON.
        const QString broken = QStringLiteral("a") + QChar(0xd800) + QStringLiteral("b");
        const QJsonObject expected{{QStringLiteral("t"), broken}};
        const QJsonObject mine = parsed(written(expected));
        const QJsonObject qts = parsed(QJsonDocument(expected).toJson(QJsonDocument::Compact));
        QVERIFY(!mine.isEmpty());
        QCOMPARE(mine, qts);
    }

    void numbers_data()
    {
        QTest::addColumn<double>("number");
        QTest::newRow("zero") << 0.0;
        QTest::newRow("whole") << 3.0;
        QTest::newRow("negative whole") << -42.0;
        QTest::newRow("fraction") << 0.956;
        QTest::newRow("tenth") << 0.1;
        QTest::newRow("money") << 91.35;
        QTest::newRow("huge") << 1e300;
        QTest::newRow("tiny") << 5e-324;
        QTest::newRow("2^53") << 9007199254740992.0;
        QTest::newRow("beyond qint64") << 1e19;
    }
    void numbers()
    {
        QFETCH(double, number);
        JsonWriter w;
        w.beginObject().field("n", number).endObject();
        const QByteArray text = w.take();
        QCOMPARE(parsed(text).value(QLatin1String("n")).toDouble(), number);
        // In a stored object too, through QJsonValue.
        const QJsonObject o{{QStringLiteral("n"), number}};
        QCOMPARE(parsed(written(o)), o);
    }

    void integersAndLiterals()
    {
        JsonWriter w;
        w.beginObject()
            .field("min", std::numeric_limits<qint64>::min())
            .field("max", std::numeric_limits<qint64>::max())
            .field("int", -7)
            .field("yes", true)
            .field("no", false)
            .field("word", "AI_REP")
            .key("nothing")
            .null()
            .field("infinite", std::numeric_limits<double>::infinity())
            .field("nan", std::numeric_limits<double>::quiet_NaN())
            .key("empty")
            .beginObject()
            .endObject()
            .key("none")
            .beginArray()
            .endArray()
            .endObject();
        const QByteArray text = w.take();
        QCOMPARE(text,
            QByteArray(R"({"min":-9223372036854775808,"max":9223372036854775807,"int":-7,"yes":true,"no":false,)"
                       R"("word":"AI_REP","nothing":null,"infinite":null,"nan":null,"empty":{},"none":[]})"));
        QCOMPARE(parsed(text).value(QLatin1String("max")).toInteger(), std::numeric_limits<qint64>::max());
    }

    void storedObjectsAreWrittenAsQtWritesThem()
    {
        // Metadata as the engine stores it: keys in Qt's order, nested values, keys to escape.
        const QJsonObject metadata{{QStringLiteral("intent"), QStringLiteral("return_item")},
            {QStringLiteral("confidence"), 0.956}, {QStringLiteral("latencyMs"), 3},
            {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input"), 238}, {QStringLiteral("output"), 23}}},
            {QStringLiteral("suggestedActions"),
                QJsonArray{QStringLiteral("read_article:return-policy"), 1, true, QJsonValue::Null, QJsonArray{},
                    QJsonObject{}}},
            {QStringLiteral("odd \"key\"\n"), QStringLiteral("v")}};
        const QByteArray mine = written(metadata);
        QCOMPARE(parsed(mine), metadata);
        QCOMPARE(mine, QJsonDocument(metadata).toJson(QJsonDocument::Compact));
        QCOMPARE(compactJson(metadata), mine);
        QCOMPARE(compactJson({}), QByteArray("{}"));
    }

    // A message's metadata as each writer in the engine makes it.
    static QList<MessageMeta> metaOfEveryKind()
    {
        AiReplyMeta ai{{QStringLiteral("order_lookup")}, 0.956, QStringLiteral("order_status"), 3,
            QStringLiteral("tierdesk-local-1"), {QStringLiteral("track_package")}, 238, 23, {}, {}, {}};
        AiReplyMeta guarded = ai;
        guarded.fallback = QStringLiteral("timeout");
        guarded.guardNotes = {QStringLiteral("claims a \"refund\"")};
        guarded.actionsTaken.clear();
        const PersonAction refund{QStringLiteral("refund"), QStringLiteral("ORD-10005"), 25.5, Tier::HumanAgent,
            QStringLiteral("agt_1"), QStringLiteral("Ann Lee"), 1764036000123};
        PersonAction credit = refund;
        credit.type = QStringLiteral("credit");
        credit.orderId.clear();
        ChannelMeta mailed{QStringLiteral("email"), QStringLiteral("Order 10001"),
            QStringLiteral("Jane <jane@example.org>"), {QStringLiteral("support@shop.example")},
            {QStringLiteral("team@shop.example")},
            {ChannelFileRef{
                 QStringLiteral("file_1"), QStringLiteral("a.pdf"), QStringLiteral("application/pdf"), 1200, true},
                ChannelFileRef{
                    QString(), QStringLiteral("big.zip"), QStringLiteral("application/zip"), 99000000, false}},
            QStringLiteral("file_0"), QStringLiteral("Auto-Submitted: auto-replied"), true};
        QList<MessageMeta> out{MessageMeta{ai, {}, {}, {}, {}}, MessageMeta{guarded, {}, {}, {}, {}}, MessageMeta{},
            MessageMeta{{}, {}, AsrMeta{0.87, 120, 1460, false, false}, {}, {}},
            MessageMeta{{}, {}, AsrMeta{1.0, 3000, 3000, true, true}, {}, {}}, MessageMeta{{}, {}, {}, mailed, {}},
            MessageMeta{{}, {}, {},
                ChannelMeta{QStringLiteral("sms"), {}, QStringLiteral("+15557654321"), {}, {}, {}, {}, {}, false}, {}}};
        for (const PersonMeta &p : {PersonMeta{QStringLiteral("agt_1"), QStringLiteral("Ann"), false, {}, {}},
                 PersonMeta{QStringLiteral("agt_1"), QStringLiteral("Ann"), true, {}, {}},
                 PersonMeta{QStringLiteral("agt_1"), QStringLiteral("Ann"), false, refund, {QStringLiteral("r")}},
                 PersonMeta{QStringLiteral("agt_1"), QStringLiteral("Ann"), false, credit, {}}})
            out << MessageMeta{{}, p, {}, {}, {}};
        return out;
    }

    void domainShapesEqualTheirQJsonObjectTwins()
    {
        Message m;
        m.id = QStringLiteral("msg_1");
        m.role = QStringLiteral("customer");
        m.content = QStringLiteral("i want my \"money\" back\nfor ORD-10004 😡");
        m.timestamp = 1764036000123;
        for (const bool full : {false, true}) {
            if (full) {
                m.sentiment = Sentiment::Angry;
                m.meta.ai = AiReplyMeta{{}, 0.5, {}, 0, {}, {}, 0, 0, {}, {}, {}};
            }
            JsonWriter w;
            json::write(w, m);
            QCOMPARE(parsed(w.take()), json::message(m));
        }
        for (const MessageMeta &meta : metaOfEveryKind()) {
            // The same text as Qt writes the object, byte for byte: the keys in Qt's order.
            JsonWriter w;
            json::write(w, meta);
            QCOMPARE(w.take(), compactJson(json::messageMeta(meta)));
            // The store keeps the text the transcript shows (its own codec, the same shape).
            if (!meta.isEmpty())
                QCOMPARE(storage::encodeMessageMeta(meta), compactJson(json::messageMeta(meta)));
        }
        EscalationRecord e{Tier::AiRep, Tier::HumanAgent, EscalationReason::CustomerRequest, 1764036000999,
            QStringLiteral("asked for \"a person\""), true};
        for (const bool transfer : {false, true}) {
            e.transfer = transfer;
            JsonWriter w;
            json::write(w, e);
            QCOMPARE(parsed(w.take()), json::escalation(e));
        }
    }

    void isoTimesEqualQDateTimes()
    {
        const QList<qint64> times{0, 1, 999, 1000, 86399999, 951782400000 /* 2000-02-29 */, 1764036000123,
            4102444799999 /* 2099-12-31 */, 253402300799999 /* 9999-12-31 */, -1, -86400000, -62135596800000};
        for (const qint64 t : times) {
            const QDateTime d = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc());
            QString expected = d.toString(t % 1000 ? Qt::ISODateWithMs : Qt::ISODate);
            expected.replace(QLatin1String("+00:00"), QLatin1String("Z"));
            QCOMPARE(timefmt::iso(t), expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
