// ReplyText: what a reply's writer wrote this time, as mail clients quote, sign and footer it.
#include "core/integrations/mail/ReplyText.h"

#include <QTest>

using namespace tierdesk::mail;

class TestReplyText : public QObject {
    Q_OBJECT

private slots:
    void latest_data();
    void latest();
};

void TestReplyText::latest_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("latest");
    const QString answer = QStringLiteral("Yes, please refund it.");
    QTest::newRow("nothing to cut") << answer << answer;
    QTest::newRow("English attribution") << QStringLiteral(
        "Yes, please refund it.\n\nOn Thu, 18 Dec 2025 at 14:02, Shop Support <s@shop.example> "
        "wrote:\n> Shall we refund it?\n")
                                         << answer;
    QTest::newRow("attribution wrapped over two lines")
        << QStringLiteral("Yes, please refund it.\n\nOn Thu, Dec 18, 2025 at 2:02 PM Shop Support <\n"
                          "support@shop.example> wrote:\n\n> Shall we refund it?")
        << answer;
    QTest::newRow("German attribution") << QStringLiteral("Yes, please refund it.\n\nAm 18.12.2025 um 14:02 schrieb "
                                                          "Shop Support <s@shop.example>:\n> Sollen wir?")
                                        << answer;
    QTest::newRow("French attribution") << QStringLiteral(
        "Yes, please refund it.\nLe jeu. 18 déc. 2025 à 14:02, Shop Support a écrit :\n> ?")
                                        << answer;
    QTest::newRow("Outlook original message") << QStringLiteral(
        "Yes, please refund it.\n\n-----Original Message-----\nFrom: Shop Support\nSent: Thursday\n"
        "Subject: RE: refund\n\nShall we?") << answer;
    QTest::newRow("Outlook German original message")
        << QStringLiteral("Yes, please refund it.\n-----Ursprüngliche Nachricht-----\nVon: Shop\n") << answer;
    QTest::newRow("Outlook header block")
        << QStringLiteral("Yes, please refund it.\n\nFrom: Shop Support <s@shop.example>\nSent: Thursday, December 18, "
                          "2025 2:02 PM\nTo: Mark <m@example.com>\nSubject: RE: refund\n\nShall we?")
        << answer;
    QTest::newRow("Outlook bold header block") << QStringLiteral(
        "Yes, please refund it.\n\n*From:* Shop Support\n*Sent:* Thursday\n*To:* Mark\n"
        "*Subject:* refund\n") << answer;
    QTest::newRow("German header block") << QStringLiteral("Yes, please refund it.\n\nVon: Shop Support\nGesendet: "
                                                           "Donnerstag\nAn: Mark\nBetreff: AW: refund\n")
                                         << answer;
    QTest::newRow("underscores before From") << QStringLiteral(
        "Yes, please refund it.\n\n________________________________\nFrom: Shop Support\n"
        "Sent: Thursday\nSubject: refund\n") << answer;
    QTest::newRow("a From line of one's own stays")
        << QStringLiteral("From: my account page the order is missing.\nPlease check.")
        << QStringLiteral("From: my account page the order is missing.\nPlease check.");
    QTest::newRow("signature") << QStringLiteral("Yes, please refund it.\n\n-- \nMark Jones\nACME Ltd") << answer;
    QTest::newRow("signature without its space") << QStringLiteral("Yes, please refund it.\n--\nMark") << answer;
    QTest::newRow("dashes in a line stay")
        << QStringLiteral("Yes -- please refund it.") << QStringLiteral("Yes -- please refund it.");
    QTest::newRow("iPhone") << QStringLiteral("Yes, please refund it.\n\nSent from my iPhone") << answer;
    QTest::newRow("Android") << QStringLiteral("Yes, please refund it.\n\nSent from my Galaxy") << answer;
    QTest::newRow("Outlook mobile") << QStringLiteral("Yes, please refund it.\n\nGet Outlook for iOS") << answer;
    QTest::newRow("German iPhone") << QStringLiteral("Yes, please refund it.\n\nVon meinem iPhone gesendet") << answer;
    QTest::newRow("trailing quote without attribution")
        << QStringLiteral("Yes, please refund it.\n\n> Shall we refund it?\n>\n> Shop\n") << answer;
    QTest::newRow("interleaved answers keep their quotes")
        << QStringLiteral("> Which order?\nORD-10005\n> Which item?\nThe mug\n")
        << QStringLiteral("> Which order?\nORD-10005\n> Which item?\nThe mug");
    QTest::newRow("bottom-posted") << QStringLiteral(
        "On Thu, 18 Dec 2025 at 14:02, Shop Support wrote:\n> Shall we refund it?\n\nYes, please "
        "refund it.\n\n-- \nMark") << answer;
    QTest::newRow("only a quote: the whole text")
        << QStringLiteral("On Thu, 18 Dec 2025, Shop wrote:\n> Shall we refund it?\n")
        << QStringLiteral("On Thu, 18 Dec 2025, Shop wrote:\n> Shall we refund it?");
    QTest::newRow("only a signature: the whole text")
        << QStringLiteral("-- \nMark Jones") << QStringLiteral("-- \nMark Jones");
    QTest::newRow("CRLF") << QStringLiteral("Yes, please refund it.\r\n\r\nOn Thu, Shop Support wrote:\r\n> x\r\n")
                          << answer;
    QTest::newRow("empty") << QString() << QString();
}

void TestReplyText::latest()
{
    QFETCH(QString, text);
    QFETCH(QString, latest);
    QCOMPARE(ReplyText::latest(text), latest);
}

QTEST_GUILESS_MAIN(TestReplyText)
#include "tst_replytext.moc"
