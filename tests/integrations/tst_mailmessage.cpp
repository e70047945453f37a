// MailMessage: address parsing, header injection refused, RFC 2047 subjects,
// quoted-printable bodies and the rendered header block; a reply's Cc, threading headers, extra
// headers and HTML alternative.
#include "core/integrations/MailMessage.h"

#include <QTest>
#include <QTimeZone>

using namespace tierdesk;

namespace {

MailMessage sample()
{
    MailMessage m;
    m.from = QStringLiteral("Tierdesk <desk@example.com>");
    m.to = {QStringLiteral("orders@example.com")};
    m.subject = QStringLiteral("Hello");
    m.body = QStringLiteral("Body\n");
    return m;
}

QString errorOf(const MailMessage &m)
{
    const Status s = m.validate();
    return s.ok() ? QString() : s.error().message;
}

// Every line of a rendered message, for line-length checks.
QList<QByteArray> linesOf(const QByteArray &rendered)
{
    return rendered.split('\n');
}

} // namespace

class TestMailMessage : public QObject {
    Q_OBJECT

private slots:
    void parsesAddresses_data();
    void parsesAddresses();
    void refusesBadAddresses_data();
    void refusesBadAddresses();
    void refusesHeaderInjection_data();
    void refusesHeaderInjection();
    void limits();
    void rendersHeaders();
    void encodesNonAsciiSubject();
    void quotedPrintableBody();
    void dateIsEnglishWithOffset();
    void addressToStringParsesBack_data();
    void addressToStringParsesBack();
    void rendersReplyHeaders();
    void rendersHtmlAlternative();
    void refusesExtraHeaders_data();
    void refusesExtraHeaders();
    void refusesBadThreadIds();
    void refusesBadCcAndHtml();
};

void TestMailMessage::parsesAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("address");
    QTest::newRow("bare") << "desk@example.com"
                          << ""
                          << "desk@example.com";
    QTest::newRow("angle") << " <desk@example.com> "
                           << ""
                           << "desk@example.com";
    QTest::newRow("named") << "Tierdesk Desk <desk@example.com>"
                           << "Tierdesk Desk"
                           << "desk@example.com";
    QTest::newRow("quoted") << "\"Desk, Orders\" <orders@example.com>"
                            << "Desk, Orders"
                            << "orders@example.com";
    QTest::newRow("utf8 name") << "Jürgen <j@example.com>"
                               << "Jürgen"
                               << "j@example.com";
}

void TestMailMessage::parsesAddresses()
{
    QFETCH(QString, text);
    const auto a = MailAddress::parse(text);
    QVERIFY2(a.ok(), qPrintable(a.ok() ? QString() : a.error().message));
    QTEST(a->name, "name");
    QTEST(a->address, "address");
}

void TestMailMessage::refusesBadAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("no at") << "desk.example.com";
    QTest::newRow("two at") << "a@b@example.com";
    QTest::newRow("no domain") << "desk@";
    QTest::newRow("no local") << "@example.com";
    QTest::newRow("space") << "de sk@example.com";
    QTest::newRow("two addresses") << "a@example.com, b@example.com";
    QTest::newRow("unclosed") << "Desk <desk@example.com";
    QTest::newRow("non-ascii address") << "jürgen@example.com";
    QTest::newRow("too long") << QString(QString(250, QLatin1Char('a')) + QStringLiteral("@example.com"));
}

void TestMailMessage::refusesBadAddresses()
{
    QFETCH(QString, text);
    const auto a = MailAddress::parse(text);
    QVERIFY(!a.ok());
    QCOMPARE(a.error().kind, ErrorKind::InvalidArgument);
}

void TestMailMessage::refusesHeaderInjection_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("subject CRLF") << "subject"
                                  << "Hi\r\nBcc: victim@example.com";
    QTest::newRow("subject LF") << "subject"
                                << "Hi\nBcc: victim@example.com";
    QTest::newRow("subject CR") << "subject"
                                << "Hi\rBcc: victim@example.com";
    QTest::newRow("subject NUL") << "subject" << QString(QStringLiteral("Hi") + QChar(0) + QStringLiteral("x"));
    QTest::newRow("subject U+2028") << "subject" << QString(QStringLiteral("Hi") + QChar(0x2028) + QStringLiteral("x"));
    QTest::newRow("to CRLF") << "to"
                             << "orders@example.com\r\nRCPT TO:<victim@example.com>";
    QTest::newRow("to LF in name") << "to"
                                   << "Orders\nBcc: v@example.com <orders@example.com>";
    QTest::newRow("from CRLF") << "from"
                               << "desk@example.com\r\nDATA";
    QTest::newRow("from CR in name") << "from"
                                     << "Desk\r <desk@example.com>";
}

void TestMailMessage::refusesHeaderInjection()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    MailMessage m = sample();
    if (field == QLatin1String("subject"))
        m.subject = value;
    else if (field == QLatin1String("to"))
        m.to = {value};
    else
        m.from = value;
    const QString error = errorOf(m);
    QVERIFY2(error.contains(QLatin1String("line breaks or control characters")), qPrintable(error));
    const auto rendered = m.render(QDateTime::currentDateTimeUtc(), "id@example.com");
    QVERIFY(!rendered.ok());
}

void TestMailMessage::limits()
{
    MailMessage m = sample();
    m.to.clear();
    QVERIFY(errorOf(m).contains(QLatin1String("recipients")));
    m.to = QStringList(MailMessage::kMaxRecipients + 1, QStringLiteral("a@example.com"));
    QVERIFY(errorOf(m).contains(QLatin1String("recipients")));
    m = sample();
    m.subject = QString(MailMessage::kMaxSubjectChars + 1, QLatin1Char('s'));
    QVERIFY(errorOf(m).contains(QLatin1String("subject")));
    m = sample();
    m.body = QString(MailMessage::kMaxBodyBytes + 1, QLatin1Char('b'));
    QVERIFY(errorOf(m).contains(QLatin1String("body")));
    QVERIFY(!sample().render(QDateTime::currentDateTimeUtc(), "no-at-sign").ok());
    QVERIFY(!sample().render(QDateTime::currentDateTimeUtc(), "a>b@example.com").ok());
}

void TestMailMessage::rendersHeaders()
{
    MailMessage m = sample();
    m.to = {QStringLiteral("orders@example.com"), QStringLiteral("\"Team \\\"A\\\"\" <a@example.com>")};
    const QDateTime date(QDate(2025, 12, 19), QTime(12, 15, 0), QTimeZone::utc());
    const auto r = m.render(date, "abc@example.com");
    QVERIFY(r.ok());
    const QByteArray head = r->left(r->indexOf("\r\n\r\n") + 2);
    QCOMPARE(head,
        QByteArray("From: \"Tierdesk\" <desk@example.com>\r\n"
                   "To: orders@example.com,\r\n \"Team \\\"A\\\"\" <a@example.com>\r\n"
                   "Subject: Hello\r\n"
                   "Date: Fri, 19 Dec 2025 12:15:00 +0000\r\n"
                   "Message-ID: <abc@example.com>\r\n"
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n"));
    QVERIFY(r->endsWith("\r\n\r\nBody\r\n"));
}

void TestMailMessage::encodesNonAsciiSubject()
{
    // Long enough for several encoded words, with 4-byte characters at the word edges.
    const QString subject = QStringLiteral("New escalation in orders: Jürgen Groß — Rückerstattung (high) ")
        + QString::fromUtf8("\xF0\x9F\x9A\x80").repeated(20);
    const QByteArray encoded = mail::encodeHeaderValue(subject);
    QVERIFY(encoded.startsWith("=?utf-8?B?"));
    QByteArray utf8;
    for (const QByteArray &line : encoded.split('\n')) {
        const QByteArray word = line.trimmed();
        QVERIFY2(word.size() <= 75, word.constData());
        QVERIFY(word.startsWith("=?utf-8?B?") && word.endsWith("?="));
        const QByteArray chunk = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        // Each word decodes on its own to whole characters.
        QCOMPARE(QString::fromUtf8(chunk).toUtf8(), chunk);
        utf8 += chunk;
    }
    QCOMPARE(QString::fromUtf8(utf8), subject);
    // ASCII text that looks like an encoded word is encoded too, so no reader decodes it.
    MailMessage m = sample();
    m.subject = QStringLiteral("=?utf-8?B?SGk=?=");
    QVERIFY(
        m.render(QDateTime::currentDateTimeUtc(), "a@b")->contains("Subject: =?utf-8?B?PT91dGYtOD9CP1NHaz0/PQ==?="));
}

void TestMailMessage::quotedPrintableBody()
{
    QCOMPARE(mail::quotedPrintable(QStringLiteral("a=b\n")), QByteArray("a=3Db\r\n"));
    QCOMPARE(mail::quotedPrintable(QStringLiteral("trailing \r\nnext")), QByteArray("trailing=20\r\nnext\r\n"));
    QCOMPARE(mail::quotedPrintable(QStringLiteral(".\nFrom here")), QByteArray("=2E\r\n=46rom here\r\n"));
    QCOMPARE(mail::quotedPrintable(QStringLiteral("Grüße")), QByteArray("Gr=C3=BC=C3=9Fe\r\n"));
    const QByteArray longLine = mail::quotedPrintable(QString(200, QLatin1Char('x')) + QStringLiteral("é"));
    for (const QByteArray &line : linesOf(longLine))
        QVERIFY2(line.size() <= 77, line.constData()); // 76 plus the CR
    QVERIFY(longLine.endsWith("=C3=A9\r\n"));
    // No escape sequence is cut by a soft line break.
    QVERIFY(!longLine.contains("=\r\n3") && !longLine.contains("=C\r\n"));
}

void TestMailMessage::dateIsEnglishWithOffset()
{
    const QDateTime d(QDate(2026, 3, 2), QTime(8, 5, 9), QTimeZone(-(3 * 3600 + 30 * 60)));
    QCOMPARE(mail::rfc5322Date(d), QByteArray("Mon, 02 Mar 2026 08:05:09 -0330"));
}

void TestMailMessage::addressToStringParsesBack_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shownName");
    QTest::newRow("none") << QString() << QString();
    QTest::newRow("plain") << QStringLiteral("Shop Support") << QStringLiteral("Shop Support");
    QTest::newRow("quotes and backslash")
        << QStringLiteral("Jane \"JJ\" Doe \\ Co") << QStringLiteral("Jane \"JJ\" Doe \\ Co");
    QTest::newRow("comma") << QStringLiteral("Doe, Jane") << QStringLiteral("Doe, Jane");
    QTest::newRow("non-ASCII") << QStringLiteral("Jürgen Müller") << QStringLiteral("Jürgen Müller");
    QTest::newRow("angle brackets") << QStringLiteral("Eve <evil>") << QStringLiteral("Eve evil");
    QTest::newRow("line break") << QStringLiteral("Eve\r\nBcc: x@example.com")
                                << QStringLiteral("Eve Bcc: x@example.com");
}

void TestMailMessage::addressToStringParsesBack()
{
    QFETCH(QString, name);
    QFETCH(QString, shownName);
    const MailAddress a{name, QStringLiteral("jane@example.com")};
    const auto back = MailAddress::parse(a.toString());
    QVERIFY2(back.ok(), qPrintable(a.toString()));
    QCOMPARE(back->name, shownName);
    QCOMPARE(back->address, a.address);
}

void TestMailMessage::rendersReplyHeaders()
{
    MailMessage m = sample();
    m.cc = {QStringLiteral("Anna <anna@example.com>"), QStringLiteral("b@example.com")};
    m.inReplyTo = "cust-3@example.de";
    for (int i = 0; i < 4; ++i)
        m.references.append("a-rather-long-message-id-number-" + QByteArray::number(i) + "@mail.example.com");
    m.extraHeaders = {qMakePair(QByteArray("Auto-Submitted"), QByteArray("auto-replied")),
        qMakePair(QByteArray("X-Auto-Response-Suppress"), QByteArray("All"))};
    const QDateTime date(QDate(2025, 12, 19), QTime(12, 15, 0), QTimeZone::utc());
    const auto r = m.render(date, "abc@example.com");
    QVERIFY(r.ok());
    const QByteArray head = r->left(r->indexOf("\r\n\r\n") + 2);
    QCOMPARE(head,
        QByteArray("From: \"Tierdesk\" <desk@example.com>\r\n"
                   "To: orders@example.com\r\n"
                   "Cc: \"Anna\" <anna@example.com>,\r\n b@example.com\r\n"
                   "Subject: Hello\r\n"
                   "Date: Fri, 19 Dec 2025 12:15:00 +0000\r\n"
                   "Message-ID: <abc@example.com>\r\n"
                   "In-Reply-To: <cust-3@example.de>\r\n"
                   "References: <a-rather-long-message-id-number-0@mail.example.com>\r\n"
                   " <a-rather-long-message-id-number-1@mail.example.com>\r\n"
                   " <a-rather-long-message-id-number-2@mail.example.com>\r\n"
                   " <a-rather-long-message-id-number-3@mail.example.com>\r\n"
                   "Auto-Submitted: auto-replied\r\n"
                   "X-Auto-Response-Suppress: All\r\n"
                   "MIME-Version: 1.0\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n"));
    QVERIFY(r->endsWith("\r\n\r\nBody\r\n"));
}

void TestMailMessage::rendersHtmlAlternative()
{
    MailMessage m = sample();
    m.body = QStringLiteral("Grüße\n");
    m.htmlBody = QStringLiteral("<p>Grüße</p>\n");
    const auto r = m.render(QDateTime(QDate(2025, 12, 19), QTime(12, 15, 0), QTimeZone::utc()), "abc@example.com");
    QVERIFY(r.ok());
    const qsizetype bodyAt = r->indexOf("\r\n\r\n") + 4;
    QVERIFY(r->left(bodyAt).endsWith("MIME-Version: 1.0\r\nContent-Type: multipart/alternative;\r\n boundary=\""
                                     "=_tierdesk_760eab446d785ea63ad85b5e\"\r\n\r\n"));
    QCOMPARE(r->mid(bodyAt),
        QByteArray("--=_tierdesk_760eab446d785ea63ad85b5e\r\n"
                   "Content-Type: text/plain; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                   "Gr=C3=BC=C3=9Fe\r\n"
                   "--=_tierdesk_760eab446d785ea63ad85b5e\r\n"
                   "Content-Type: text/html; charset=utf-8\r\n"
                   "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                   "<p>Gr=C3=BC=C3=9Fe</p>\r\n"
                   "--=_tierdesk_760eab446d785ea63ad85b5e--\r\n"));
    // The boundary cannot occur in quoted-printable text: "=" is always encoded there.
    m.body = QStringLiteral("--=_tierdesk_760eab446d785ea63ad85b5e\n");
    const auto tricky = m.render(QDateTime::currentDateTimeUtc(), "abc@example.com");
    QCOMPARE(tricky->count("--=_tierdesk_760eab446d785ea63ad85b5e"), 3);
}

void TestMailMessage::refusesExtraHeaders_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("why");
    for (const char *rendered : {"From", "to", "CC", "Bcc", "Subject", "Date", "Message-ID", "In-Reply-To",
             "References", "MIME-Version", "Content-Type", "content-transfer-encoding"})
        QTest::newRow(rendered) << QByteArray(rendered) << QByteArray("x") << QStringLiteral("its own field");
    QTest::newRow("space in name") << QByteArray("X Bad") << QByteArray("x") << QStringLiteral("not a header name");
    QTest::newRow("colon in name") << QByteArray("X:Bad") << QByteArray("x") << QStringLiteral("not a header name");
    QTest::newRow("empty name") << QByteArray() << QByteArray("x") << QStringLiteral("not a header name");
    QTest::newRow("non-ASCII name") << QByteArray("X-\xC3\xBC") << QByteArray("x")
                                    << QStringLiteral("not a header name");
    QTest::newRow("long name") << QByteArray(MailMessage::kMaxHeaderNameChars + 1, 'X') << QByteArray("x")
                               << QStringLiteral("not a header name");
    QTest::newRow("CRLF in value") << QByteArray("X-Note") << QByteArray("a\r\nBcc: v@example.com")
                                   << QStringLiteral("without line breaks");
    QTest::newRow("LF in value") << QByteArray("X-Note") << QByteArray("a\nb") << QStringLiteral("without line breaks");
    QTest::newRow("CR in value") << QByteArray("X-Note") << QByteArray("a\rb") << QStringLiteral("without line breaks");
    QTest::newRow("NUL in value") << QByteArray("X-Note") << QByteArray("a\0b", 3)
                                  << QStringLiteral("without line breaks");
    QTest::newRow("non-ASCII value") << QByteArray("X-Note") << QByteArray("caf\xC3\xA9")
                                     << QStringLiteral("printable ASCII");
    QTest::newRow("long value") << QByteArray("X-Note") << QByteArray(MailMessage::kMaxHeaderValueChars + 1, 'v')
                                << QStringLiteral("at most");
}

void TestMailMessage::refusesExtraHeaders()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, value);
    QFETCH(QString, why);
    MailMessage m = sample();
    m.extraHeaders = {qMakePair(QByteArray("X-Fine"), QByteArray("yes\tand fine")), qMakePair(name, value)};
    QVERIFY2(errorOf(m).contains(why), qPrintable(errorOf(m)));
    QVERIFY(!m.render(QDateTime::currentDateTimeUtc(), "id@example.com").ok());
    m.extraHeaders.removeLast();
    QVERIFY(m.validate().ok());
    m.extraHeaders = QList<QPair<QByteArray, QByteArray>>(
        MailMessage::kMaxExtraHeaders + 1, qMakePair(QByteArray("X-A"), QByteArray("b")));
    QVERIFY(errorOf(m).contains(QLatin1String("extra headers")));
}

void TestMailMessage::refusesBadThreadIds()
{
    for (const QByteArray &bad : {QByteArray("a b@example.com"), QByteArray("<a@example.com>"), QByteArray("a\r\nb@x"),
             QByteArray("caf\xC3\xA9@example.com"), QByteArray(501, 'a')}) {
        MailMessage m = sample();
        m.inReplyTo = bad;
        QVERIFY2(errorOf(m).contains(QLatin1String("In-Reply-To")), bad.constData());
        m.inReplyTo.clear();
        m.references = {"ok@example.com", bad};
        QVERIFY2(errorOf(m).contains(QLatin1String("References")), bad.constData());
        QVERIFY(!m.render(QDateTime::currentDateTimeUtc(), "id@example.com").ok());
    }
    MailMessage m = sample();
    m.references = QList<QByteArray>(MailMessage::kMaxReferences + 1, "r@example.com");
    QVERIFY(errorOf(m).contains(QLatin1String("at most")));
    m.references.removeLast();
    m.inReplyTo = "no-at-sign-is-fine";
    QVERIFY(m.validate().ok());
    QVERIFY(!mail::isMessageId(QByteArray()));
}

void TestMailMessage::refusesBadCcAndHtml()
{
    MailMessage m = sample();
    m.cc = {QStringLiteral("a@example.com\r\nBcc: v@example.com")};
    QVERIFY(errorOf(m).startsWith(QLatin1String("Cc: ")));
    m.cc = QStringList(MailMessage::kMaxRecipients, QStringLiteral("c@example.com")); // with To, one too many
    QVERIFY(errorOf(m).contains(QLatin1String("recipients")));
    m.cc.removeLast();
    QVERIFY(m.validate().ok());
    m = sample();
    m.html = true;
    m.htmlBody = QStringLiteral("<p>x</p>");
    QVERIFY(errorOf(m).contains(QLatin1String("HTML alternative")));
    m.html = false;
    m.htmlBody = QString(MailMessage::kMaxBodyBytes + 1, QLatin1Char('h'));
    QVERIFY(errorOf(m).contains(QLatin1String("HTML body")));
}

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mailmessage.moc"
