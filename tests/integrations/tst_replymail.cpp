// ReplyMail: a reply's subject, threading and parts; the rendered bytes read back by MimeReader
// and by an independent parser (Python's email package) that must agree.
#include "core/integrations/mail/MimeReader.h"
#include "core/integrations/mail/ReplyMail.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTimeZone>

using namespace tierdesk;
using namespace tierdesk::mail;

namespace {

constexpr int kPythonTimeoutMs = 30000;

// Parses a mail from stdin with Python's email package (its modern policy) and prints JSON.
const char kPythonReader[] = R"(
import email, email.policy, json, sys
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
parts = {}
for part in msg.walk():
    if not part.is_multipart():
        parts[part.get_content_type()] = part.get_content()
print(json.dumps({
    "defects": [type(d).__name__ for p in msg.walk() for d in p.defects] + [type(d).__name__ for d in msg.defects],
    "contentType": msg.get_content_type(),
    "subject": str(msg["subject"]),
    "from": str(msg["from"]),
    "to": str(msg["to"]),
    "inReplyTo": str(msg["in-reply-to"]),
    "references": str(msg["references"]).split(),
    "autoSubmitted": str(msg["auto-submitted"]),
    "suppress": str(msg["x-auto-response-suppress"]),
    "plain": parts.get("text/plain"),
    "html": parts.get("text/html"),
}))
)";

ReplyInput sampleInput()
{
    ReplyInput in;
    in.from = MailAddress{QStringLiteral("Shop Support"), QStringLiteral("support@shop.example")};
    in.to = MailAddress{QStringLiteral("Jürgen Müller"), QStringLiteral("juergen@example.de")};
    in.subject = QStringLiteral("Re: AW: Wo ist meine Bestellung? [#A1B2C3]");
    in.shortId = QStringLiteral("A1B2C3");
    in.inReplyTo = "cust-3@example.de";
    in.references = {"reply-1@shop.example", "cust-2@example.de", "reply-2@shop.example"};
    in.text = QStringLiteral("Hello Jürgen,\n\nyour order **ORD-10005** is on its way:\n\n- tracking: "
                             "[DHL](https://track.example/?id=1&lang=de)\n- arrival: Monday\n\nKind regards\nShop");
    in.quotedName = QStringLiteral("Jürgen Müller");
    in.quotedDate = QDateTime(QDate(2025, 12, 19), QTime(10, 14, 58), QTimeZone(3600));
    in.quotedText = QStringLiteral("Where is my order?\n\nThanks\nJürgen");
    in.automatic = true;
    return in;
}

QByteArray rendered(const MailMessage &m)
{
    const auto bytes = m.render(QDateTime(QDate(2025, 12, 19), QTime(11, 0), QTimeZone::utc()), "out-1@shop.example");
    return bytes.ok() ? *bytes : QByteArray();
}

QJsonObject pythonRead(const QByteArray &mail, QString *error)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromLatin1(kPythonReader)});
    if (!python.waitForStarted(kPythonTimeoutMs)) {
        *error = python.errorString();
        return {};
    }
    python.write(mail);
    python.closeWriteChannel();
    if (!python.waitForFinished(kPythonTimeoutMs) || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

QStringList strings(const QList<QByteArray> &ids)
{
    QStringList out;
    for (const QByteArray &id : ids)
        out.append(QString::fromLatin1(id));
    return out;
}

} // namespace

class TestReplyMail : public QObject {
    Q_OBJECT

private slots:
    void subject_data();
    void subject();
    void tokenIn_data();
    void tokenIn();
    void threadReferences();
    void parts();
    void readBackByMimeReader();
    void pythonAgrees();
    void longSubjectReadsBack();
    void personalReplyIsNotAutomatic();
    void htmlIsEscapedAndInert();
    void longQuoteIsCut();
};

void TestReplyMail::subject_data()
{
    QTest::addColumn<QString>("thread");
    QTest::addColumn<QString>("shortId");
    QTest::addColumn<QString>("subject");
    QTest::newRow("first reply") << QStringLiteral("Where is my order?") << QStringLiteral("A1B2C3")
                                 << QStringLiteral("Re: Where is my order? [#A1B2C3]");
    QTest::newRow("already a reply") << QStringLiteral("Re: Where is my order? [#A1B2C3]") << QStringLiteral("A1B2C3")
                                     << QStringLiteral("Re: Where is my order? [#A1B2C3]");
    QTest::newRow("prefixes and tokens anywhere") << QStringLiteral("RE: AW: [#A1B2C3] Re: Fwd: Refund [#a1b2c3]")
                                                  << QStringLiteral("A1B2C3") << QStringLiteral("Re: Refund [#A1B2C3]");
    QTest::newRow("another thread's token")
        << QStringLiteral("Refund [#ZZZZ99]") << QStringLiteral("A1B2C3") << QStringLiteral("Re: Refund [#A1B2C3]");
    QTest::newRow("no subject") << QString() << QStringLiteral("A1B2C3") << QStringLiteral("Re: [#A1B2C3]");
    QTest::newRow("no short id") << QStringLiteral("Re: Refund") << QString() << QStringLiteral("Re: Refund");
    QTest::newRow("invalid short id") << QStringLiteral("Refund") << QStringLiteral("A-1")
                                      << QStringLiteral("Re: Refund");
    QTest::newRow("line breaks") << QStringLiteral("Refund\r\nBcc: x@example.com") << QStringLiteral("A1B2")
                                 << QStringLiteral("Re: Refund Bcc: x@example.com [#A1B2]");
    QTest::newRow("other control characters")
        << QString(QStringLiteral("Re") + QChar(0x85) + QStringLiteral("fund") + QChar(0x2028) + QStringLiteral("now"))
        << QStringLiteral("A1B2") << QStringLiteral("Re: Re fund now [#A1B2]");
    QTest::newRow("too long") << QString(600, QLatin1Char('x')) << QStringLiteral("A1B2")
                              << QString(QStringLiteral("Re: ")
                                     + QString(MailMessage::kMaxSubjectChars - 12, QLatin1Char('x'))
                                     + QStringLiteral(" [#A1B2]"));
}

void TestReplyMail::subject()
{
    QFETCH(QString, thread);
    QFETCH(QString, shortId);
    QFETCH(QString, subject);
    const QString made = ReplyMail::replySubject(thread, shortId);
    QCOMPARE(made, subject);
    QVERIFY(made.size() <= MailMessage::kMaxSubjectChars);
}

void TestReplyMail::tokenIn_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("token");
    QTest::newRow("token") << QStringLiteral("Re: Refund [#A1B2C3]") << QStringLiteral("A1B2C3");
    QTest::newRow("lower case") << QStringLiteral("[#abcd] hi") << QStringLiteral("abcd");
    QTest::newRow("sixteen") << QStringLiteral("[#ABCDEFGHIJKLMNOP]") << QStringLiteral("ABCDEFGHIJKLMNOP");
    QTest::newRow("seventeen") << QStringLiteral("[#ABCDEFGHIJKLMNOPQ]") << QString();
    QTest::newRow("three") << QStringLiteral("[#ABC]") << QString();
    QTest::newRow("punctuation") << QStringLiteral("[#A1B2-C3]") << QString();
    QTest::newRow("no hash") << QStringLiteral("[A1B2C3]") << QString();
    QTest::newRow("none") << QStringLiteral("Refund") << QString();
}

void TestReplyMail::tokenIn()
{
    QFETCH(QString, subject);
    QFETCH(QString, token);
    QCOMPARE(ReplyMail::tokenIn(subject), token);
}

void TestReplyMail::threadReferences()
{
    ReplyInput in = sampleInput();
    in.references.clear();
    for (int i = 0; i < 25; ++i)
        in.references.append("r" + QByteArray::number(i) + "@example.com");
    in.references.append("r3@example.com"); // a duplicate
    in.references.append(in.inReplyTo); // the answered mail already named
    in.references.append("has space@example.com"); // not an id a header can carry
    const MailMessage m = ReplyMail::composeReply(in);
    QCOMPARE(m.inReplyTo, QByteArray("cust-3@example.de"));
    QCOMPARE(m.references.size(), ReplyMail::kMaxReferences);
    QCOMPARE(m.references.last(), in.inReplyTo);
    QCOMPARE(m.references.first(), QByteArray("r6@example.com"));
    QCOMPARE(m.references.at(18), QByteArray("r24@example.com"));
    QCOMPARE(m.references.count(in.inReplyTo), 1);

    in.references.clear();
    in.inReplyTo.clear();
    const MailMessage first = ReplyMail::composeReply(in);
    QVERIFY(first.inReplyTo.isEmpty());
    QVERIFY(first.references.isEmpty());
    QVERIFY2(!first.subject.startsWith(QLatin1String("Re:")), qPrintable(first.subject)); // it answers no mail
}

void TestReplyMail::parts()
{
    const MailMessage m = ReplyMail::composeReply(sampleInput());
    QCOMPARE(m.from, QStringLiteral("\"Shop Support\" <support@shop.example>"));
    QCOMPARE(m.to, QStringList{QStringLiteral("\"Jürgen Müller\" <juergen@example.de>")});
    QCOMPARE(m.subject, QStringLiteral("Re: Wo ist meine Bestellung? [#A1B2C3]"));
    QCOMPARE(m.body,
        QStringLiteral("Hello Jürgen,\n\nyour order ORD-10005 is on its way:\n\n- tracking: DHL "
                       "(https://track.example/?id=1&lang=de)\n- arrival: Monday\n\nKind regards\nShop\n\n"
                       "On Fri, 19 Dec 2025 at 10:14, Jürgen Müller wrote:\n> Where is my order?\n>\n> Thanks\n"
                       "> Jürgen\n"));
    QCOMPARE(m.htmlBody,
        QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n"
                       "<p>Hello Jürgen,</p>\n<p>your order <strong>ORD-10005</strong> is on its way:</p>\n"
                       "<ul>\n<li>tracking: <a href=\"https://track.example/?id=1&amp;lang=de\">DHL</a></li>\n"
                       "<li>arrival: Monday</li>\n</ul>\n<p>Kind regards<br>\nShop</p>\n"
                       "<p>On Fri, 19 Dec 2025 at 10:14, Jürgen Müller wrote:</p>\n<blockquote type=\"cite\">\n"
                       "<p>Where is my order?</p>\n<p>Thanks<br>\nJürgen</p>\n</blockquote>\n</body>\n</html>\n"));
    QCOMPARE(m.extraHeaders.size(), 2);
    QCOMPARE(m.extraHeaders.at(0), qMakePair(QByteArray("Auto-Submitted"), QByteArray("auto-replied")));
    QCOMPARE(m.extraHeaders.at(1), qMakePair(QByteArray("X-Auto-Response-Suppress"), QByteArray("All")));
    QVERIFY(m.validate().ok());
}

void TestReplyMail::readBackByMimeReader()
{
    const ReplyInput in = sampleInput();
    const QByteArray bytes = rendered(ReplyMail::composeReply(in));
    QVERIFY(!bytes.isEmpty());
    // Every line ends in CRLF and stays within 78 characters (folded headers, quoted-printable).
    QVERIFY(bytes.endsWith("\r\n"));
    for (const QByteArray &line : bytes.split('\n')) {
        QVERIFY2(line.isEmpty() || line.endsWith('\r'), line.constData());
        QVERIFY2(line.size() <= 79, line.constData());
    }
    const auto back = MimeReader::read(bytes);
    QVERIFY(back.ok());
    QCOMPARE(back->messageId, QByteArray("out-1@shop.example"));
    QCOMPARE(back->subject, QStringLiteral("Re: Wo ist meine Bestellung? [#A1B2C3]"));
    QCOMPARE(ReplyMail::tokenIn(back->subject), in.shortId);
    QCOMPARE(back->inReplyTo, in.inReplyTo);
    QCOMPARE(back->references,
        (QList<QByteArray>{"reply-1@shop.example", "cust-2@example.de", "reply-2@shop.example", "cust-3@example.de"}));
    QCOMPARE(back->from.name, QStringLiteral("Shop Support"));
    QCOMPARE(back->to.first().name, QStringLiteral("Jürgen Müller"));
    // The reply is the new text; the quote is history.
    QCOMPARE(back->text,
        QStringLiteral("Hello Jürgen,\n\nyour order ORD-10005 is on its way:\n\n- tracking: DHL "
                       "(https://track.example/?id=1&lang=de)\n- arrival: Monday\n\nKind regards\nShop"));
    QVERIFY(back->fullText.endsWith(QStringLiteral("> Where is my order?\n>\n> Thanks\n> Jürgen")));
    QVERIFY(back->html.contains(QStringLiteral("<blockquote type=\"cite\">")));
    QCOMPARE(back->automatic, Automatic::AutoReply);
    QCOMPARE(back->automaticBecause, QStringLiteral("Auto-Submitted: auto-replied"));
    QVERIFY(back->attachments.isEmpty());
}

void TestReplyMail::pythonAgrees()
{
    const MailMessage m = ReplyMail::composeReply(sampleInput());
    QString error;
    const QJsonObject py = pythonRead(rendered(m), &error);
    QVERIFY2(!py.isEmpty(), qPrintable(error));
    QCOMPARE(py.value(QStringLiteral("defects")).toArray(), QJsonArray());
    QCOMPARE(py.value(QStringLiteral("contentType")).toString(), QStringLiteral("multipart/alternative"));
    QCOMPARE(py.value(QStringLiteral("subject")).toString(), m.subject);
    QCOMPARE(py.value(QStringLiteral("from")).toString(), QStringLiteral("Shop Support <support@shop.example>"));
    QCOMPARE(py.value(QStringLiteral("to")).toString(), QStringLiteral("Jürgen Müller <juergen@example.de>"));
    QCOMPARE(py.value(QStringLiteral("inReplyTo")).toString(), QStringLiteral("<cust-3@example.de>"));
    QStringList references;
    for (const QString &id : strings(m.references))
        references.append(QLatin1Char('<') + id + QLatin1Char('>'));
    QCOMPARE(py.value(QStringLiteral("references")).toVariant().toStringList(), references);
    QCOMPARE(py.value(QStringLiteral("autoSubmitted")).toString(), QStringLiteral("auto-replied"));
    QCOMPARE(py.value(QStringLiteral("suppress")).toString(), QStringLiteral("All"));
    // Each part's content, decoded by Python, is what was composed (with the wire's CRLF line
    // ends; the MIME boundary takes the last one).
    const auto composed = [](QString text) { return text.replace(QLatin1Char('\n'), QLatin1String("\r\n")); };
    QCOMPARE(py.value(QStringLiteral("plain")).toString() + QStringLiteral("\r\n"), composed(m.body));
    QCOMPARE(py.value(QStringLiteral("html")).toString() + QStringLiteral("\r\n"), composed(m.htmlBody));
}

void TestReplyMail::longSubjectReadsBack()
{
    // Several encoded words, padded where a word ends inside a base64 quantum (GMime 3.2.13 alone
    // read only the first word; fuzz_mail found it).
    ReplyInput in = sampleInput();
    in.subject = QStringLiteral("Rückerstattung für Bestellung ORD-10005 – ") + QStringLiteral("ÿé€ ").repeated(30);
    const MailMessage m = ReplyMail::composeReply(in);
    const QByteArray bytes = rendered(m);
    QVERIFY(bytes.contains("=?=\r\n =?utf-8?B?")); // a padded word, then the next
    const auto back = MimeReader::read(bytes);
    QVERIFY(back.ok());
    QCOMPARE(back->subject, m.subject);
    QCOMPARE(ReplyMail::tokenIn(back->subject), in.shortId);
    QString error;
    QCOMPARE(pythonRead(bytes, &error).value(QStringLiteral("subject")).toString(), m.subject);
}

void TestReplyMail::personalReplyIsNotAutomatic()
{
    ReplyInput in = sampleInput();
    in.automatic = false;
    in.quotedText.clear();
    const MailMessage m = ReplyMail::composeReply(in);
    QVERIFY(m.extraHeaders.isEmpty());
    QVERIFY(!m.body.contains(QStringLiteral("wrote:")));
    QVERIFY(!m.htmlBody.contains(QStringLiteral("blockquote")));
    const QByteArray bytes = rendered(m);
    QVERIFY(!bytes.contains("Auto-Submitted"));
    const auto back = MimeReader::read(bytes);
    QVERIFY(back.ok());
    QCOMPARE(back->automatic, Automatic::No);
    QString error;
    const QJsonObject py = pythonRead(bytes, &error);
    QVERIFY2(!py.isEmpty(), qPrintable(error));
    QCOMPARE(py.value(QStringLiteral("autoSubmitted")).toString(), QStringLiteral("None"));
}

void TestReplyMail::htmlIsEscapedAndInert()
{
    ReplyInput in = sampleInput();
    in.text = QStringLiteral("<script>alert(1)</script> & <img src=\"https://t.example/p.gif\"> "
                             "[x](javascript:alert(1)) \"quoted\"");
    in.quotedText = QStringLiteral("<b>customer</b> <img src=x>");
    in.quotedName = QStringLiteral("Eve <evil>");
    const MailMessage m = ReplyMail::composeReply(in);
    QVERIFY(m.htmlBody.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img")));
    QVERIFY(m.htmlBody.contains(QStringLiteral("[x](javascript:alert(1))"))); // not a link
    QVERIFY(m.htmlBody.contains(QStringLiteral("&lt;b&gt;customer&lt;/b&gt;")));
    QVERIFY(m.htmlBody.contains(QStringLiteral("Eve &lt;evil&gt; wrote:")));
    QVERIFY(!m.htmlBody.contains(QStringLiteral("<img")));
    QVERIFY(!m.htmlBody.contains(QStringLiteral("<script")));
    QVERIFY(!m.htmlBody.contains(QStringLiteral("href=\"javascript")));
    QVERIFY(m.validate().ok());
}

void TestReplyMail::longQuoteIsCut()
{
    ReplyInput in = sampleInput();
    in.quotedText = QStringLiteral("😀").repeated(200000); // 800 kB of UTF-8, the reader's longest text
    const MailMessage m = ReplyMail::composeReply(in);
    QVERIFY(m.validate().ok());
    QCOMPARE(m.body.count(QStringLiteral("😀")), ReplyMail::kMaxQuotedChars / 2);
    QVERIFY(m.body.endsWith(QStringLiteral("😀\n> [...]\n")));
    QVERIFY(m.htmlBody.contains(QStringLiteral("😀<br>\n[...]</p>")));
    in.quotedText.prepend(QLatin1Char('x')); // the limit now falls inside a character
    const MailMessage odd = ReplyMail::composeReply(in);
    QVERIFY(odd.body.endsWith(QStringLiteral("😀\n> [...]\n")));
    QCOMPARE(QString::fromUtf8(odd.body.toUtf8()), odd.body); // no half character
}

QTEST_GUILESS_MAIN(TestReplyMail)
#include "tst_replymail.moc"
