// ImapParser on the answer lines RFC 3501 shows and Dovecot sends, on lines cut short or bent,
// and on random bytes (a clear nullopt or error, never a crash).
#include "core/integrations/imap/ImapParser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace tierdesk;

class TestImapParser : public QObject {
    Q_OBJECT

private slots:
    void tagged();
    void responseCodes();
    void untaggedCounts();
    void search();
    void fetch();
    void fetchRefusesWhatItCannotRead_data();
    void fetchRefusesWhatItCannotRead();
    void literalSizeAndNumbers();
    void quoteKeepsMessagesPrintable();
    void randomBytesNeverCrash();
};

void TestImapParser::tagged()
{
    const auto no = ImapParser::tagged("A004 NO [NONEXISTENT] Mailbox doesn't exist: Foo");
    QVERIFY(no);
    QCOMPARE(no->tag, QByteArray("A004"));
    QCOMPARE(no->status, QByteArray("NO"));
    QCOMPARE(no->text, QByteArray("[NONEXISTENT] Mailbox doesn't exist: Foo"));
    const auto ok = ImapParser::tagged("B12 ok");
    QVERIFY(ok);
    QCOMPARE(ok->status, QByteArray("OK"));
    QVERIFY(ok->text.isEmpty());
    QVERIFY(!ImapParser::tagged("* OK [UIDNEXT 4] Predicted next UID"));
    QVERIFY(!ImapParser::tagged("+ Ready for literal data"));
    QVERIFY(!ImapParser::tagged("A005"));
    QVERIFY(!ImapParser::tagged("A005 MAYBE later"));
    QVERIFY(!ImapParser::tagged(" OK x"));
    QVERIFY(!ImapParser::tagged(""));
}

void TestImapParser::responseCodes()
{
    QCOMPARE(ImapParser::responseCode("* OK [UIDVALIDITY 3857529045] UIDs valid", "UIDVALIDITY"),
        std::optional<QByteArray>("3857529045"));
    QCOMPARE(
        ImapParser::responseCode("* OK [uidnext 4] Predicted next UID", "UIDNEXT"), std::optional<QByteArray>("4"));
    QCOMPARE(ImapParser::responseCode("A003 OK [READ-ONLY] Examine completed", "READ-ONLY"),
        std::optional<QByteArray>(QByteArray()));
    QCOMPARE(ImapParser::responseCode("A003 OK [APPENDUID 38505 3955] APPEND completed", "APPENDUID"),
        std::optional<QByteArray>("38505 3955"));
    QVERIFY(!ImapParser::responseCode("* OK [UIDVALIDITY 3] UIDs valid", "UIDNEXT"));
    QVERIFY(!ImapParser::responseCode("* OK [UIDVALIDITYX 3] x", "UIDVALIDITY"));
    QVERIFY(!ImapParser::responseCode("* OK [UIDVALIDITY 3 no end", "UIDVALIDITY"));
    QVERIFY(!ImapParser::responseCode("* OK no code [UIDVALIDITY 3]", "UIDVALIDITY"));
    QVERIFY(!ImapParser::responseCode("*", "UIDVALIDITY"));
}

void TestImapParser::untaggedCounts()
{
    QCOMPARE(ImapParser::untaggedCount("* 172 EXISTS", "EXISTS"), std::optional<qint64>(172));
    QCOMPARE(ImapParser::untaggedCount("* 0 exists", "EXISTS"), std::optional<qint64>(0));
    QCOMPARE(ImapParser::untaggedCount("* 44 EXPUNGE", "EXPUNGE"), std::optional<qint64>(44));
    QVERIFY(!ImapParser::untaggedCount("* 3 RECENT", "EXISTS"));
    QVERIFY(!ImapParser::untaggedCount("* x EXISTS", "EXISTS"));
    QVERIFY(!ImapParser::untaggedCount("* 3 EXISTS more", "EXISTS"));
    QVERIFY(!ImapParser::untaggedCount("A1 3 EXISTS", "EXISTS"));
}

void TestImapParser::search()
{
    const auto found = ImapParser::search("* SEARCH 2 84 882");
    QVERIFY(found && *found);
    QCOMPARE(found->value(), (QList<qint64>{2, 84, 882}));
    const auto none = ImapParser::search("* SEARCH");
    QVERIFY(none && *none && none->value().isEmpty());
    const auto trailing = ImapParser::search("* SEARCH 4294967295 ");
    QVERIFY(trailing && *trailing);
    QCOMPARE(trailing->value(), QList<qint64>{4294967295});
    QVERIFY(!ImapParser::search("* 3 EXISTS"));
    QVERIFY(!ImapParser::search("A1 SEARCH 1"));
    for (const QByteArray &bad : {QByteArray("* SEARCH 1 x"), QByteArray("* SEARCH 0"),
             QByteArray("* SEARCH 4294967296"), QByteArray("* SEARCH -1"), QByteArray("* SEARCH 1 (MODSEQ 3)")}) {
        const auto r = ImapParser::search(bad);
        QVERIFY2(r && !*r, bad.constData());
        QCOMPARE(r->error().kind, ErrorKind::Unavailable);
    }
}

void TestImapParser::fetch()
{
    const auto a = ImapParser::fetch("* 12 FETCH (UID 7 RFC822.SIZE 1234 FLAGS (\\Seen \\Recent))");
    QVERIFY(a && *a);
    QCOMPARE((*a)->sequence, qint64(12));
    QCOMPARE((*a)->uid, qint64(7));
    QCOMPARE((*a)->size, qint64(1234));
    QVERIFY((*a)->hasFlags);
    QCOMPARE((*a)->flags, (QStringList{QStringLiteral("\\Seen"), QStringLiteral("\\Recent")}));
    const auto b = ImapParser::fetch("* 1 FETCH (FLAGS () UID 9)");
    QVERIFY(b && *b);
    QCOMPARE((*b)->uid, qint64(9));
    QVERIFY((*b)->hasFlags && (*b)->flags.isEmpty());
    QCOMPARE((*b)->size, qint64(-1));
    // Items it does not ask for are stepped over, lists and strings included.
    const auto c = ImapParser::fetch(
        "* 2 FETCH (MODSEQ (12345) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\" UID 4 FLAGS (\\Flagged $Label1))");
    QVERIFY(c && *c);
    QCOMPARE((*c)->uid, qint64(4));
    QCOMPARE((*c)->flags, (QStringList{QStringLiteral("\\Flagged"), QStringLiteral("$Label1")}));
    const auto d = ImapParser::fetch("* 3 FETCH (FLAGS (\\Seen))");
    QVERIFY(d && *d);
    QCOMPARE((*d)->uid, qint64(0)); // an unsolicited change: no UID
    QVERIFY(!ImapParser::fetch("* 3 EXISTS"));
    QVERIFY(!ImapParser::fetch("A2 FETCH (UID 1)"));
    QVERIFY(!ImapParser::fetch("* 1 FETCH UID 1"));
}

void TestImapParser::fetchRefusesWhatItCannotRead_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("uid not a number") << QByteArray("* 1 FETCH (UID x)");
    QTest::newRow("uid zero") << QByteArray("* 1 FETCH (UID 0)");
    QTest::newRow("uid too big") << QByteArray("* 1 FETCH (UID 4294967296)");
    QTest::newRow("size not a number") << QByteArray("* 1 FETCH (RFC822.SIZE 12k)");
    QTest::newRow("cut short") << QByteArray("* 1 FETCH (UID 7");
    QTest::newRow("list cut short") << QByteArray("* 1 FETCH (FLAGS (\\Seen");
    QTest::newRow("string cut short") << QByteArray("* 1 FETCH (X \"abc");
    QTest::newRow("literal") << QByteArray("* 1 FETCH (UID 7 BODY[] {1234}");
    QTest::newRow("sequence not a number") << QByteArray("* x FETCH (UID 1)");
    QTest::newRow("value missing") << QByteArray("* 1 FETCH (UID)");
    QTest::newRow("too deep") << QByteArray("* 1 FETCH (X ") + QByteArray(40, '(') + QByteArray(40, ')') + ')';
}

void TestImapParser::fetchRefusesWhatItCannotRead()
{
    QFETCH(QByteArray, line);
    const auto r = ImapParser::fetch(line);
    QVERIFY(r);
    QVERIFY(!*r);
    QCOMPARE(r->error().kind, ErrorKind::Unavailable);
}

void TestImapParser::literalSizeAndNumbers()
{
    QCOMPARE(ImapParser::literalSize("* 1 FETCH (UID 7 BODY[] {1234}"), std::optional<qint64>(1234));
    QCOMPARE(ImapParser::literalSize("{0}"), std::optional<qint64>(0));
    QVERIFY(!ImapParser::literalSize("* 1 FETCH (UID 7 BODY[] {12a}"));
    QVERIFY(!ImapParser::literalSize("* 1 FETCH (UID 7 BODY[] {}"));
    QVERIFY(!ImapParser::literalSize("* 1 FETCH (UID 7 BODY[] {12} x"));
    QCOMPARE(ImapParser::number("007"), std::optional<qint64>(7));
    QCOMPARE(ImapParser::number("999999999999999999"), std::optional<qint64>(999999999999999999));
    QVERIFY(!ImapParser::number("9999999999999999999")); // 19 digits
    QVERIFY(!ImapParser::number(""));
    QVERIFY(!ImapParser::number("-1"));
    QVERIFY(!ImapParser::number("1 "));
}

void TestImapParser::quoteKeepsMessagesPrintable()
{
    QCOMPARE(ImapParser::quote("Mailbox\x01 doesn't\r\nexist \xc3\xa4"), QStringLiteral("Mailbox? doesn't??exist ??"));
    const QString long_ = ImapParser::quote(QByteArray(1000, 'x'));
    QCOMPARE(long_.size(), ImapParser::kMaxServerTextChars + 3);
    QVERIFY(long_.endsWith(QLatin1String("...")));
}

void TestImapParser::randomBytesNeverCrash()
{
    QRandomGenerator random(20240611);
    static const char kAlphabet[] = "* ()[]{}\"\\0123456789 FETCH UID FLAGS SEARCH OK NO EXISTS RFC822.SIZE\r\x00\xff";
    const QByteArray alphabet(kAlphabet, sizeof(kAlphabet) - 1);
    int readable = 0;
    for (int i = 0; i < 20000; ++i) {
        QByteArray line = i % 2 ? QByteArray("* 1 FETCH (") : QByteArray("* ");
        const int length = static_cast<int>(random.bounded(60));
        for (int j = 0; j < length; ++j)
            line.append(alphabet.at(static_cast<int>(random.bounded(alphabet.size()))));
        const auto f = ImapParser::fetch(line);
        const auto s = ImapParser::search(line);
        readable += (f && *f) + (s && *s);
        ImapParser::tagged(line);
        ImapParser::responseCode(line, "UIDVALIDITY");
        ImapParser::untaggedCount(line, "EXISTS");
        ImapParser::literalSize(line);
        QVERIFY(ImapParser::quote(line).size() <= ImapParser::kMaxServerTextChars + 3);
    }
    QVERIFY(readable > 0); // the alphabet does make readable lines now and then
}

QTEST_GUILESS_MAIN(TestImapParser)
#include "tst_imapparser.moc"
