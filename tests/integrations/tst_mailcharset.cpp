// MailCharset: a text part's bytes to Unicode, declared charsets through iconv and the guesses
// real mail needs when nothing (or us-ascii) is declared.
#include "core/integrations/mail/MailCharset.h"

#include <QTest>

using namespace tierdesk::mail;

class TestMailCharset : public QObject {
    Q_OBJECT

private slots:
    void decodes_data();
    void decodes();
};

void TestMailCharset::decodes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("charset");
    QTest::addColumn<QString>("text");
    const QChar bad(0xFFFD);
    QTest::newRow("utf-8") << QByteArray("Gr\xC3\xBC\xC3\x9F"
                                         "e")
                           << QByteArray("UTF-8") << QStringLiteral("Grüße");
    QTest::newRow("utf-8 broken") << QByteArray("ok \xFF ok") << QByteArray("utf-8")
                                  << QString(QStringLiteral("ok ") + bad + QStringLiteral(" ok"));
    QTest::newRow("windows-1252") << QByteArray("\x93quoted\x94 \x80 \x85") << QByteArray("windows-1252")
                                  << QStringLiteral("“quoted” € …");
    QTest::newRow("iso-8859-1 read as windows-1252")
        << QByteArray("don\x92t caf\xE9") << QByteArray("ISO-8859-1") << QStringLiteral("don’t café");
    QTest::newRow("latin1 alias, quoted")
        << QByteArray("caf\xE9") << QByteArray("\"latin1\"") << QStringLiteral("café");
    QTest::newRow("iso-8859-15") << QByteArray("5 \xA4") << QByteArray("iso-8859-15") << QStringLiteral("5 €");
    QTest::newRow("iso-8859-2") << QByteArray("\xA3\xF3\x64\xBC") << QByteArray("ISO-8859-2") << QStringLiteral("Łódź");
    QTest::newRow("koi8-r") << QByteArray("\xF0\xD2\xC9\xD7\xC5\xD4") << QByteArray("KOI8-R")
                            << QStringLiteral("Привет");
    QTest::newRow("shift_jis") << QByteArray("\x82\xB1\x82\xF1\x82\xC9\x82\xBF\x82\xCD") << QByteArray("Shift_JIS")
                               << QStringLiteral("こんにちは");
    QTest::newRow("shift_jis cut in a character")
        << QByteArray("\x82\xB1\x82") << QByteArray("shift_jis") << QString(QStringLiteral("こ") + bad);
    QTest::newRow("iso-2022-jp") << QByteArray("\x1B$B$3$s$K$A$O\x1B(B!") << QByteArray("ISO-2022-JP")
                                 << QStringLiteral("こんにちは!");
    QTest::newRow("euc-kr") << QByteArray("\xBE\xC8\xB3\xE7") << QByteArray("EUC-KR") << QStringLiteral("안녕");
    QTest::newRow("gb2312") << QByteArray("\xC4\xE3\xBA\xC3") << QByteArray("gb2312") << QStringLiteral("你好");
    QTest::newRow("big5") << QByteArray("\xA7\x41\xA6\x6E") << QByteArray("big5") << QStringLiteral("你好");
    QTest::newRow("nothing declared, utf-8") << QByteArray("\xE2\x82\xAC 5") << QByteArray() << QStringLiteral("€ 5");
    QTest::newRow("nothing declared, 8-bit") << QByteArray("caf\xE9 \x80") << QByteArray() << QStringLiteral("café €");
    QTest::newRow("us-ascii, 8-bit") << QByteArray("caf\xE9") << QByteArray("us-ascii") << QStringLiteral("café");
    QTest::newRow("us-ascii, utf-8") << QByteArray("caf\xC3\xA9") << QByteArray("US-ASCII") << QStringLiteral("café");
    QTest::newRow("unknown charset, 8-bit")
        << QByteArray("caf\xE9") << QByteArray("x-unknown-8bit") << QStringLiteral("café");
    QTest::newRow("unknown charset, utf-8")
        << QByteArray("caf\xC3\xA9") << QByteArray("unknown") << QStringLiteral("café");
    QTest::newRow("undefined windows-1252 byte") << QByteArray("a\x81z") << QByteArray("windows-1252")
                                                 << QString(QStringLiteral("a") + bad + QStringLiteral("z"));
    QTest::newRow("empty") << QByteArray() << QByteArray("koi8-r") << QString();
}

void TestMailCharset::decodes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, charset);
    QFETCH(QString, text);
    QCOMPARE(MailCharset::decode(bytes, charset), text);
}

QTEST_GUILESS_MAIN(TestMailCharset)
#include "tst_mailcharset.moc"
