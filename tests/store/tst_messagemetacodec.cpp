// The messages table's metadata text (storage::encodeMessageMeta/decodeMessageMeta): rows
// as the version before the typed metadata wrote them read back and are written again
// byte for byte.
#include "core/store/MessageMetaCodec.h"

#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::storage;

class TestMessageMetaCodec : public QObject {
    Q_OBJECT

private slots:
    void storedRowsReadBackAndAreWrittenAsBefore_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::newRow("ai reply") << QByteArray(
            R"({"actionsTaken":["order_lookup"],"aiGenerated":true,"confidence":0.956,"intent":"order_status",)"
            R"("latencyMs":3,"model":"tierdesk-local-1","suggestedActions":["track_package"],)"
            R"("tokens":{"input":238,"output":23}})");
        QTest::newRow("ai fallback, guarded") << QByteArray(
            R"({"actionsTaken":[],"aiGenerated":true,"confidence":1,"fallback":"timeout","intent":"refund_request",)"
            R"("latencyMs":2001,"model":"tierdesk-local-1","replyGuard":["claims a refund that was not made"],)"
            R"("suggestedActions":[],"tokens":{"input":0,"output":0}})");
        QTest::newRow("person reply") << QByteArray(R"({"agentId":"agt_1","agentName":"Zoë Neil"})");
        QTest::newRow("closing") << QByteArray(R"({"agentId":"agt_1","agentName":"Ann Lee","closing":true})");
        QTest::newRow("refund") << QByteArray(
            R"({"action":{"agentId":"agt_1","agentName":"Ann Lee","amount":25.5,"at":"2026-11-25T10:00:00.123Z",)"
            R"("orderId":"ORD-10005","tier":"HUMAN_AGENT","type":"refund"},"actionsTaken":["refund_issued"],)"
            R"("agentId":"agt_1","agentName":"Ann Lee"})");
        QTest::newRow("credit") << QByteArray(
            R"({"action":{"agentId":"agt_1","agentName":"Ann Lee","amount":10,"at":"2026-11-25T10:00:00Z",)"
            R"("orderId":null,"tier":"HUMAN_AGENT","type":"credit"},"actionsTaken":["credit_applied"],)"
            R"("agentId":"agt_1","agentName":"Ann Lee"})");
    }

    void storedRowsReadBackAndAreWrittenAsBefore()
    {
        QFETCH(QByteArray, row);
        const MessageMeta meta = decodeMessageMeta(row);
        QVERIFY(!meta.isEmpty());
        // Guard notes are written under their newer name too ("guardNotes", before "intent").
        QByteArray now = row;
        const qsizetype notes = row.indexOf(R"("replyGuard":)");
        if (notes >= 0) {
            const QByteArray list = row.mid(notes + 13, row.indexOf(']', notes) - notes - 12);
            now.insert(row.indexOf(R"("intent":)"), R"("guardNotes":)" + list + ',');
        }
        QCOMPARE(encodeMessageMeta(meta), now);
    }

    void typedFieldsOfAStoredRow()
    {
        const MessageMeta ai = decodeMessageMeta(R"({"actionsTaken":["order_lookup"],"aiGenerated":true,)"
                                                 R"("confidence":0.5,"fallback":"timeout","intent":"x","latencyMs":7,)"
                                                 R"("model":"m","replyGuard":["n"],"suggestedActions":["s"],)"
                                                 R"("tokens":{"input":2,"output":3}})");
        QVERIFY(ai.ai && !ai.person);
        QCOMPARE(ai.ai->actionsTaken, QStringList{QStringLiteral("order_lookup")});
        QCOMPARE(ai.ai->confidence, 0.5);
        QCOMPARE(ai.ai->latencyMs, 7);
        QCOMPARE(ai.ai->outputTokens, 3);
        QCOMPARE(ai.ai->fallback, QStringLiteral("timeout"));
        QCOMPARE(ai.ai->guardNotes, QStringList{QStringLiteral("n")});
        const MessageMeta credit = decodeMessageMeta(R"({"action":{"agentId":"a","agentName":"A","amount":10,)"
                                                     R"("at":"2026-11-25T10:00:00.000Z","orderId":null,)"
                                                     R"("tier":"HUMAN_AGENT","type":"credit"},"actionsTaken":[],)"
                                                     R"("agentId":"a","agentName":"A"})");
        QVERIFY(credit.person && credit.person->action && !credit.ai);
        QVERIFY(credit.person->action->orderId.isEmpty());
        QCOMPARE(credit.person->action->amount, 10.0);
        QVERIFY(!credit.person->closing);
        QVERIFY(decodeMessageMeta("{}").isEmpty());
        QVERIFY(encodeMessageMeta(MessageMeta{}).isEmpty());
        // A caller's recognised words: kept and read back whole.
        MessageMeta heard;
        heard.asr = AsrMeta{0.82, 340, 2180, true, false};
        const MessageMeta back = decodeMessageMeta(encodeMessageMeta(heard));
        QVERIFY(back.asr && !back.ai && !back.person);
        QCOMPARE(back.asr->confidence, 0.82);
        QCOMPARE(back.asr->startMs, 340);
        QCOMPARE(back.asr->endMs, 2180);
        QVERIFY(back.asr->digits && !back.asr->keypad);
    }
};

QTEST_GUILESS_MAIN(TestMessageMetaCodec)
#include "tst_messagemetacodec.moc"
