// E-mail end to end: the real server on loopback polls a real Dovecot (tests/support/DovecotServer)
// and answers through a real SMTP server (aiosmtpd, tests/support/smtp_sink.py, which also keeps a
// Maildir). Mails are appended over IMAP as a mail server would deliver them; what the server made
// of them is read from its store and from what arrived at the sink.
#include "core/engine/channels/Channels.h"
#include "core/integrations/imap/ImapMailbox.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/integrations/SmtpSink.h"
#include "tests/support/DovecotServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

constexpr int kWaitMs = 30000;
const QString kSupport = QStringLiteral("support@shop.example");

QByteArray crlf(QByteArray raw)
{
    raw.replace("\r\n", "\n");
    return raw.replace("\n", "\r\n");
}

QByteArray rawMail(const QByteArray &from, const QByteArray &messageId, const QByteArray &subject,
    const QByteArray &body, const QByteArray &headers = {})
{
    return "From: " + from + "\r\nTo: support@shop.example\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\nMessage-ID: <"
        + messageId + ">\r\nSubject: " + subject
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" + headers + "\r\n" + body;
}

QByteArray fixture(const QString &name)
{
    QFile f(sourceDir() + QStringLiteral("/tests/integrations/mail/") + name);
    return f.open(QIODevice::ReadOnly) ? crlf(f.readAll()) : QByteArray();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A Message-ID header's id without its angle brackets.
QString bare(const QString &id)
{
    QString s = id.trimmed();
    if (s.startsWith(QLatin1Char('<')) && s.endsWith(QLatin1Char('>')))
        s = s.mid(1, s.size() - 2);
    return s;
}

} // namespace

class TestCsApiMail : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pollRefusals();
    void aMailBecomesASessionAnsweredInItsThread();
    void robotsAndBouncesGetNoAnswer();
    void charsetsAndHtmlReadRight();
    void dovecotStoppedAndStartedLosesNothingAndDoublesNothing();
    void aTwelveMegabyteMail();
    void theTimerPollsAndSettingsTakeEffect();
    void stopMidPollLosesNothing();
    void deliverBesideTheRunningServer();
    void aWebVisitorWhoLeftIsAnsweredByMail();
    void aResolvedMailConversationAsksForARating();

private:
    void putMailbox(int pollSeconds, qint64 maxBytes = 0);
    bool append(const QByteArray &raw);
    HttpResult poll();
    qint64 pollOk();
    QString sessionOf(const QString &messageId);
    int customerMessages(const QString &sessionId);
    int aiReplies(const QString &sessionId);
    QString customerText(const QString &sessionId);
    // The sink's mails answering `messageId` (In-Reply-To).
    QList<QJsonObject> answersTo(const QString &messageId) const;
    QJsonObject status();
    // `tierdesk mail deliver --company ID` with `input` on stdin, beside the server (which holds the
    // data directory and keeps serving while it waits).
    CliResult deliver(const QString &company, const QByteArray &input);
    QString sinkMaildir() const { return m_maildir.path() + QStringLiteral("/sink"); }

    std::unique_ptr<DovecotServer> m_dovecot;
    QTemporaryDir m_maildir;
    std::unique_ptr<SmtpSink> m_sink;
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<ImapMailbox> m_writer; // appends as a mail server delivers
};

void TestCsApiMail::initTestCase()
{
    m_dovecot = std::make_unique<DovecotServer>();
    QString error;
    QVERIFY2(m_dovecot->start(&error), qPrintable(error));
    m_sink = std::make_unique<SmtpSink>(QStringList{QStringLiteral("--maildir"), sinkMaildir()});
    QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
    // Each new subject its own conversation, however close together (channels/burstSeconds=0): these
    // tests are about polling, threading and robots; a sender's burst is tests/engine/tst_mailinbox's.
    QVERIFY2(m_server.start("[channels]\nburstSeconds=0\n", false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    putMailbox(MailboxSettings::kMaxPollSeconds); // polled when the tests ask (and once at the start)
    ImapAccount account;
    account.url = m_dovecot->url();
    account.username = m_dovecot->user();
    account.password = m_dovecot->password();
    account.timeoutMs = 10000;
    m_writer = std::make_unique<ImapMailbox>(account);
}

void TestCsApiMail::cleanupTestCase()
{
    m_writer.reset();
    m_admin.reset();
    m_server.stop();
}

void TestCsApiMail::putMailbox(int pollSeconds, qint64 maxBytes)
{
    QJsonObject body{{QStringLiteral("address"), kSupport}, {QStringLiteral("name"), QStringLiteral("Shop Support")},
        {QStringLiteral("imap"),
            QJsonObject{{QStringLiteral("url"), m_dovecot->url().toString()},
                {QStringLiteral("username"), m_dovecot->user()},
                {QStringLiteral("password"), QString::fromUtf8(m_dovecot->password())},
                {QStringLiteral("pollSeconds"), pollSeconds},
                {QStringLiteral("startTls"), false}}}, // the test's Dovecot offers no STARTTLS
        {QStringLiteral("smtp"),
            QJsonObject{{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink->port())},
                {QStringLiteral("startTls"), false}}}};
    if (maxBytes > 0)
        body.insert(QStringLiteral("maxBytes"), maxBytes);
    const HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        body);
    QVERIFY2(r.status == 200 || r.status == 201, describe(r).constData());
}

bool TestCsApiMail::append(const QByteArray &raw)
{
    const Status s = m_writer->append(raw);
    if (!s)
        qWarning("append: %s", qPrintable(s.error().message));
    return bool(s);
}

HttpResult TestCsApiMail::poll()
{
    return m_admin->send("POST",
        withQuery(QStringLiteral("/api/cs/channels/email/poll"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        {}, {}, true, 120000);
}

qint64 TestCsApiMail::pollOk()
{
    const HttpResult r = poll();
    if (r.status != 200) {
        qWarning("poll: %s", describe(r).constData());
        return -1;
    }
    return r.json().value(QLatin1String("fetched")).toInteger(-1);
}

QString TestCsApiMail::sessionOf(const QString &messageId)
{
    return m_server
        .scalar(QStringLiteral("SELECT session_id FROM channel_messages WHERE company_id = ? AND external_id = ?"),
            {m_server.companyId(), messageId})
        .toString();
}

int TestCsApiMail::customerMessages(const QString &sessionId)
{
    return m_server
        .scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"), {sessionId})
        .toInt();
}

int TestCsApiMail::aiReplies(const QString &sessionId)
{
    return m_server
        .scalar(
            QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role IN ('ai_rep', 'ai_manager')"),
            {sessionId})
        .toInt();
}

QString TestCsApiMail::customerText(const QString &sessionId)
{
    return m_server
        .scalar(QStringLiteral("SELECT content FROM messages WHERE session_id = ? AND role = 'customer' ORDER BY seq"),
            {sessionId})
        .toString();
}

QList<QJsonObject> TestCsApiMail::answersTo(const QString &messageId) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &m : m_sink->messages()) {
        if (bare(str(m.value(QLatin1String("rawHeaders")).toObject(), "In-Reply-To")) == messageId)
            out << m;
    }
    return out;
}

QJsonObject TestCsApiMail::status()
{
    const HttpResult r = m_admin->get(
        withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    return r.json().value(QLatin1String("status")).toObject();
}

void TestCsApiMail::pollRefusals()
{
    const QString other = m_server.createCompany(QStringLiteral("Other Shop"));
    const QString path
        = withQuery(QStringLiteral("/api/cs/channels/email/poll"), {{QStringLiteral("companyId"), other}});
    const std::unique_ptr<HttpClient> admin = m_server.client(api::Role::Admin, other);
    HttpResult r = admin->post(path, {});
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    // A mailbox a mail server hands mail to (no IMAP) has nothing to poll.
    r = admin->put(withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), other}}),
        {{QStringLiteral("address"), QStringLiteral("help@other.example")},
            {QStringLiteral("smtp"), QJsonObject{{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:25")}}}});
    QVERIFY2(r.status == 201, describe(r).constData());
    r = admin->post(path, {});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r).constData());
    // imap:// requires STARTTLS unless told otherwise: this Dovecot does not offer it, so nothing,
    // not even the user name, is sent, and the poll says why.
    const QJsonObject imap{{QStringLiteral("url"), m_dovecot->url().toString()},
        {QStringLiteral("username"), m_dovecot->user()},
        {QStringLiteral("password"), QString::fromUtf8(m_dovecot->password())}};
    const QJsonObject smtp{{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:25")}};
    const QString mailbox = withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), other}});
    QJsonObject unclear = imap;
    unclear.insert(QStringLiteral("startTls"), QStringLiteral("yes"));
    r = admin->put(mailbox,
        {{QStringLiteral("address"), QStringLiteral("help@other.example")}, {QStringLiteral("imap"), unclear},
            {QStringLiteral("smtp"), smtp}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
        QStringLiteral("imap.startTls"));
    r = admin->put(mailbox,
        {{QStringLiteral("address"), QStringLiteral("help@other.example")}, {QStringLiteral("imap"), imap},
            {QStringLiteral("smtp"), smtp}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(r.json().value(QLatin1String("imap")).toObject().value(QLatin1String("startTls")), QJsonValue(true));
    r = admin->post(path, {});
    QVERIFY2(checkErrorBody(r, 503, QStringLiteral("CS_021")).isEmpty(), describe(r).constData());
    QVERIFY2(r.body.contains("does not offer STARTTLS"), describe(r).constData());
    // Agents may not.
    HttpClient agent(m_server.port(), m_server.token(api::Role::Agent));
    r = agent.post(
        withQuery(QStringLiteral("/api/cs/channels/email/poll"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        {});
    QCOMPARE(r.status, 403);
}

void TestCsApiMail::aMailBecomesASessionAnsweredInItsThread()
{
    QVERIFY(append(rawMail("Jane Doe <jane@example.org>", "t1@example.org", "Where is my order ORD-10001?",
        "Hello,\r\nwhere is my order ORD-10001?\r\n\r\n-- \r\nJane\r\n")));
    QCOMPARE(pollOk(), 1);
    const QString sessionId = sessionOf(QStringLiteral("t1@example.org"));
    QVERIFY(!sessionId.isEmpty());
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT channel FROM sessions WHERE id = ?"), {sessionId}).toString(),
        QStringLiteral("email"));
    QCOMPARE(customerText(sessionId), QStringLiteral("Hello,\nwhere is my order ORD-10001?"));
    const QJsonObject st = status();
    QCOMPARE(st.value(QLatin1String("fetched")).toInt(), 1);
    QVERIFY(!str(st, "lastPollAt").isEmpty());
    QVERIFY(st.value(QLatin1String("lastError")).isNull() || str(st, "lastError").isEmpty());
    // Marked \Seen in the mailbox once stored.
    {
        ImapAccount account = m_writer->account();
        ImapMailbox reader(account);
        QVERIFY(reader.open().ok());
        const auto uids = reader.uidsFrom(1);
        QVERIFY(uids.ok() && !uids->isEmpty());
        QVERIFY(reader.flags(uids->last())->contains(QStringLiteral("\\Seen")));
    }

    // The AI's answer at the sink: threaded, marked automatic, from the mailbox's address.
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("t1@example.org")).size(), 1, kWaitMs);
    const QJsonObject answer = answersTo(QStringLiteral("t1@example.org")).first();
    const QJsonObject h = answer.value(QLatin1String("rawHeaders")).toObject();
    const QString token
        = m_server.scalar(QStringLiteral("SELECT short_id FROM channel_threads WHERE session_id = ?"), {sessionId})
              .toString();
    QCOMPARE(answer.value(QLatin1String("headers")).toObject().value(QLatin1String("Subject")).toString(),
        QStringLiteral("Re: Where is my order ORD-10001? [#%1]").arg(token));
    QVERIFY(str(h, "References").contains(QLatin1String("<t1@example.org>")));
    QCOMPARE(str(h, "Auto-Submitted"), QStringLiteral("auto-replied"));
    QCOMPARE(str(h, "X-Auto-Response-Suppress"), QStringLiteral("All"));
    QVERIFY(str(h, "From").contains(kSupport));
    QCOMPARE(answer.value(QLatin1String("rcptTos")).toArray().first().toString(), QStringLiteral("jane@example.org"));
    QVERIFY(!QDir(sinkMaildir() + QStringLiteral("/new")).entryList(QDir::Files).isEmpty());
    const QString ours = bare(str(h, "Message-ID"));

    // The customer answers (In-Reply-To), then Outlook-style (References only), then a reply-all
    // copy of that answer arrives too: one session, each message once, nothing fetched twice.
    QVERIFY(append(rawMail("Jane Doe <jane@example.org>", "t2@example.org", "Re: Where is my order ORD-10001?",
        "Thanks, and when will it ship?\r\n", "In-Reply-To: <" + ours.toUtf8() + ">\r\n")));
    QVERIFY(append(rawMail("Jane Doe <jane@example.org>", "t3@example.org", "AW: order",
        "One more thing: gift wrap please.\r\n", "References: <t1@example.org> <" + ours.toUtf8() + ">\r\n")));
    QVERIFY(append(
        rawMail("Jane Doe <jane@example.org>", "t3@example.org", "AW: order", "One more thing: gift wrap please.\r\n",
            "References: <t1@example.org> <" + ours.toUtf8() + ">\r\nCc: team@shop.example\r\n")));
    QCOMPARE(pollOk(), 2);
    QCOMPARE(sessionOf(QStringLiteral("t2@example.org")), sessionId);
    QCOMPARE(sessionOf(QStringLiteral("t3@example.org")), sessionId);
    QCOMPARE(customerMessages(sessionId), 3);
    QCOMPARE(pollOk(), 0);

    // An agent's answer goes out threaded under the customer's last mail, not marked automatic.
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(sessionId),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY(m_server.addAgent(
        QStringLiteral("agt_mia"), QStringLiteral("Mia Mailer"), QStringLiteral("agent"), {QStringLiteral("orders")}));
    HttpClient mia(m_server.port(), m_server.token(api::Role::Agent, {}, 3600, QStringLiteral("agt_mia")));
    r = mia.post(QStringLiteral("/api/cs/sessions/%1/claim").arg(sessionId), {});
    QVERIFY2(r.status == 200, describe(r).constData());
    r = mia.post(QStringLiteral("/api/cs/sessions/%1/agent-messages").arg(sessionId),
        {{QStringLiteral("content"), QStringLiteral("Hello Jane, it ships tomorrow with gift wrap.")}});
    QVERIFY2(r.status == 201, describe(r).constData());
    const auto agentMail = [this] {
        for (const QJsonObject &m : m_sink->messages()) {
            if (str(m, "text").contains(QLatin1String("it ships tomorrow with gift wrap")))
                return m;
        }
        return QJsonObject();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!agentMail().isEmpty(), kWaitMs);
    const QJsonObject ah = agentMail().value(QLatin1String("rawHeaders")).toObject();
    QCOMPARE(bare(str(ah, "In-Reply-To")), QStringLiteral("t3@example.org"));
    QVERIFY(str(ah, "References").contains(QLatin1String("<t1@example.org>")));
    QVERIFY(str(ah, "Subject").contains(QStringLiteral("[#%1]").arg(token)));
    QVERIFY(!ah.contains(QLatin1String("Auto-Submitted")));
}

void TestCsApiMail::robotsAndBouncesGetNoAnswer()
{
    // A customer's mail and its answer, whose bounce comes back below.
    QVERIFY(append(rawMail(
        "Sam Lee <sam@example.org>", "r0@example.org", "Refund please", "Can I get a refund for ORD-10002?\r\n")));
    QCOMPARE(pollOk(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("r0@example.org")).size(), 1, kWaitMs);
    const QByteArray ours
        = bare(str(answersTo(QStringLiteral("r0@example.org")).first().value(QLatin1String("rawHeaders")).toObject(),
                   "Message-ID"))
              .toUtf8();

    QVERIFY(append(rawMail("Sam Lee <sam@example.org>", "r1@example.org", "Out of office", "Away until Monday.\r\n",
        "Auto-Submitted: auto-replied\r\n")));
    QVERIFY(append(rawMail("Shop News <news@lists.example.org>", "r2@example.org", "Our newsletter",
        "The news of the week.\r\n", "List-Id: <news.lists.example.org>\r\nPrecedence: list\r\n")));
    QVERIFY(append("From: MAILER-DAEMON@mx.example.org\r\nTo: support@shop.example\r\nMessage-ID: "
                   "<r3@mx.example.org>\r\nSubject: Undelivered Mail Returned to Sender\r\nMIME-Version: 1.0\r\n"
                   "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                   "--B\r\nContent-Type: text/plain\r\n\r\nThe mail could not be delivered.\r\n"
                   "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.org\r\n\r\n"
                   "Final-Recipient: rfc822; sam@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                   "Diagnostic-Code: smtp; 550 5.1.1 no such user\r\n"
                   "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <"
        + ours + ">\r\nSubject: Re: Refund please\r\n--B--\r\n"));
    QCOMPARE(pollOk(), 3);
    const QString autoSession = sessionOf(QStringLiteral("r1@example.org"));
    const QString listSession = sessionOf(QStringLiteral("r2@example.org"));
    QVERIFY(!autoSession.isEmpty() && !listSession.isEmpty());
    QCOMPARE(aiReplies(autoSession) + aiReplies(listSession), 0);
    QCOMPARE(m_server
                 .scalar(QStringLiteral("SELECT status FROM channel_messages WHERE external_id = ?"),
                     {QString::fromUtf8(ours)})
                 .toString(),
        QStringLiteral("undelivered"));
    QCOMPARE(aiReplies(sessionOf(QStringLiteral("r0@example.org"))), 1); // the bounce was not answered

    // A later customer mail is answered; by then nothing went to the robots.
    QVERIFY(append(
        rawMail("Sam Lee <sam@example.org>", "r4@example.org", "Another question", "Do you ship to Canada?\r\n")));
    QCOMPARE(pollOk(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("r4@example.org")).size(), 1, kWaitMs);
    for (const char *id : {"r1@example.org", "r2@example.org", "r3@mx.example.org"})
        QVERIFY(answersTo(QString::fromLatin1(id)).isEmpty());
}

void TestCsApiMail::charsetsAndHtmlReadRight()
{
    const QStringList files{QStringLiteral("encoded_headers.eml"), QStringLiteral("windows1252_undeclared.eml"),
        QStringLiteral("japanese_iso2022jp.eml"), QStringLiteral("gmail_html_only.eml")};
    for (const QString &f : files)
        QVERIFY2(append(fixture(f)), qPrintable(f));
    QCOMPARE(pollOk(), 4);
    struct Expected {
        const char *messageId;
        QString subject;
        QString text;
    };
    const Expected expected[] = {
        {"encoded-headers-1@example.fr", QStringLiteral("Rückerstattung für Grüße € café"),
            QStringLiteral("Bereits bezahlt. Merci!")},
        {"1734593400.8812@example.fr", QStringLiteral("Café machine € refund"),
            QStringLiteral("Bonjour,\n\nMa machine à café est arrivée cassée. Elle a coûté 89 €.\n\nRené")},
        {"20251219200511.4F2A@example.jp", QStringLiteral("商品が届きません"),
            QStringLiteral("サポートご担当者様\n\n注文番号ORD-10012の商品がまだ届いていません。\n"
                           "配送状況を確認していただけますか。\n\nよろしくお願いいたします。\n山田太郎")},
    };
    for (const Expected &e : expected) {
        const QString id = QString::fromLatin1(e.messageId);
        const QString session = sessionOf(id);
        QVERIFY2(!session.isEmpty(), e.messageId);
        QCOMPARE(customerText(session), e.text);
        QCOMPARE(m_server.scalar(QStringLiteral("SELECT subject FROM channel_threads WHERE session_id = ?"), {session})
                     .toString(),
            e.subject);
    }
    // HTML only: its text, without head, title or style.
    const QString html = m_server
                             .scalar(QStringLiteral("SELECT detail FROM channel_messages WHERE company_id = ? AND "
                                                    "direction = 'in' AND detail LIKE '%Teapot%'"),
                                 {m_server.companyId()})
                             .toString();
    QVERIFY2(html.contains(QStringLiteral("I'd like a refund for ORD-10007 & ORD-10008")), qPrintable(html));
    QVERIFY(!html.contains(QLatin1String("ignored title")));
}

void TestCsApiMail::aTwelveMegabyteMail()
{
    QByteArray body;
    const QByteArray line = QByteArray(76, 'A') + "\r\n";
    while (body.size() < 12 * 1024 * 1024)
        body += line;
    QVERIFY(append(rawMail("Pat Doe <pat@example.org>", "big1@example.org", "Photos of the damage", body)));
    QCOMPARE(pollOk(), 1);
    const QString session = sessionOf(QStringLiteral("big1@example.org"));
    QVERIFY(!session.isEmpty());
    const QString text = customerText(session);
    QVERIFY2(text.startsWith(QLatin1String("Photos of the damage")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("over the mailbox's limit")), qPrintable(text));
    // Only its headers were kept.
    QVERIFY(m_server
                .scalar(QStringLiteral("SELECT MAX(f.bytes) FROM channel_files f JOIN channel_messages m ON "
                                       "m.id = f.channel_message_id WHERE m.external_id = ?"),
                    {QStringLiteral("big1@example.org")})
                .toLongLong()
        < 64 * 1024);
    // Under a larger limit the next one is imported whole.
    putMailbox(MailboxSettings::kMaxPollSeconds, 20 * 1024 * 1024);
    QVERIFY(append(rawMail("Pat Doe <pat@example.org>", "big2@example.org", "More photos", "See below.\r\n" + body)));
    QCOMPARE(pollOk(), 1);
    const QString whole = customerText(sessionOf(QStringLiteral("big2@example.org")));
    QVERIFY2(!whole.contains(QLatin1String("over the mailbox's limit")), qPrintable(whole.left(200)));
    putMailbox(MailboxSettings::kMaxPollSeconds);
}

void TestCsApiMail::dovecotStoppedAndStartedLosesNothingAndDoublesNothing()
{
    QVERIFY(append(rawMail("Kim Roe <kim@example.org>", "d1@example.org", "First", "One.\r\n")));
    QVERIFY(m_dovecot->stop());
    HttpResult r = poll();
    QVERIFY2(checkErrorBody(r, 503, QStringLiteral("CS_021")).isEmpty(), describe(r).constData());
    QVERIFY(!str(status(), "lastError").isEmpty());
    QString error;
    QVERIFY2(m_dovecot->restart(&error), qPrintable(error));
    QVERIFY(append(rawMail("Kim Roe <kim@example.org>", "d2@example.org", "Second", "Two.\r\n")));
    QCOMPARE(pollOk(), 2);
    QVERIFY(str(status(), "lastError").isEmpty());

    // Dovecot forgets its UIDs (a new UIDVALIDITY): every mail is fetched again and none stored twice.
    const qint64 stored
        = m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE direction = 'in'")).toLongLong();
    QVERIFY(m_dovecot->stop());
    QVERIFY(QFile::remove(m_dovecot->mailDir() + QStringLiteral("/dovecot-uidlist")));
    QVERIFY2(m_dovecot->restart(&error), qPrintable(error));
    QCOMPARE(pollOk(), 0);
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE direction = 'in'")).toLongLong(),
        stored);
    QCOMPARE(customerMessages(sessionOf(QStringLiteral("d1@example.org"))), 1);
}

void TestCsApiMail::theTimerPollsAndSettingsTakeEffect()
{
    putMailbox(MailboxSettings::kMinPollSeconds);
    QVERIFY(append(rawMail("Lee Poe <lee@example.org>", "p1@example.org", "By the timer", "Polled on its own.\r\n")));
    QTRY_VERIFY_WITH_TIMEOUT(!sessionOf(QStringLiteral("p1@example.org")).isEmpty(), kWaitMs);
    // (A poll running is joined by POST .../poll, removed or not: wait for its end.)
    QTRY_VERIFY_WITH_TIMEOUT(!m_server.runtime().channels().poller().polling(m_server.companyId()), kWaitMs);
    // Removed: no poll any more, nothing to poll now.
    HttpResult r = m_admin->del(
        withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QCOMPARE(r.status, 204);
    r = poll();
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
    putMailbox(MailboxSettings::kMaxPollSeconds);
}

void TestCsApiMail::stopMidPollLosesNothing()
{
    constexpr int kMails = 12;
    for (int i = 0; i < kMails; ++i)
        QVERIFY(append(rawMail("Ada Poe <ada@example.org>", "s" + QByteArray::number(i) + "@example.org",
            "Question " + QByteArray::number(i), "Hello.\r\n")));
    MailPoller &poller = m_server.runtime().channels().poller();
    std::optional<Result<qint64>> first;
    poller.pollNow(m_server.companyId(), this, [&](Result<qint64> r) { first = r; });
    QTRY_VERIFY_WITH_TIMEOUT(!sessionOf(QStringLiteral("s0@example.org")).isEmpty(), kWaitMs);
    m_server.runtime().channels().stop(); // as the server stops: the step in flight ends, nothing more
    QVERIFY(first.has_value()); // the waiting request is answered
    QVERIFY(!poller.polling(m_server.companyId()));
    poller.start();
    // The rest, once each: a mail stored but not yet marked \Seen is found stored.
    QVERIFY(pollOk() >= 0);
    QCOMPARE(pollOk(), 0);
    for (int i = 0; i < kMails; ++i)
        QCOMPARE(m_server
                     .scalar(QStringLiteral("SELECT COUNT(*) FROM messages m JOIN channel_messages c ON "
                                            "c.message_id = m.id WHERE c.external_id = ?"),
                         {QStringLiteral("s%1@example.org").arg(i)})
                     .toInt(),
            1);
}

CliResult TestCsApiMail::deliver(const QString &company, const QByteArray &input)
{
    QProcess p;
    p.start(tierdeskExecutable(),
        {QStringLiteral("--data-dir"), m_server.dataDir(), QStringLiteral("mail"), QStringLiteral("deliver"),
            QStringLiteral("--company"), company});
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    p.write(input);
    p.closeWriteChannel();
    const bool ended = QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
    r.exitCode = ended ? p.exitCode() : -1;
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (!ended) {
        p.kill();
        p.waitForFinished();
    }
    return r;
}

void TestCsApiMail::deliverBesideTheRunningServer()
{
    const QByteArray m
        = rawMail("Eve Roe <eve@example.org>", "pipe1@example.org", "Handed in by Postfix", "Hello from the pipe.\r\n");
    CliResult r = deliver(m_server.companyId(), m);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("taken")).toBool(), true);
    const QString session = sessionOf(QStringLiteral("pipe1@example.org"));
    QVERIFY(!session.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("pipe1@example.org")).size(), 1, kWaitMs);
    // Handed in twice (a retry): stored once.
    r = deliver(m_server.companyId(), m);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(customerMessages(session), 1);
    QVERIFY(QDir(m_server.dataDir() + QStringLiteral("/mail-spool/new")).isEmpty());

    // Not a mail, or for a company without a mailbox: 65, the mail server bounces it.
    r = deliver(m_server.companyId(), QByteArray());
    QVERIFY2(r.exitCode == 65, r.err.constData());
    const QString bare = m_server.createCompany(QStringLiteral("No Mailbox Shop"));
    r = deliver(bare, m);
    QVERIFY2(r.exitCode == 65, r.err.constData());
    QVERIFY2(r.err.contains("did not take"), r.err.constData());
    // A company id that cannot be one: a usage error.
    r = deliver(QStringLiteral("../etc"), m);
    QCOMPARE(r.exitCode, 2);
}

// The web chat when nobody can answer at once: the visitor leaves an address and closes the page;
// a person's reply goes to it through the company's mailbox (a thread of kind "web"), only while
// the visitor is not connected; the visitor's answer by mail joins the same conversation.
void TestCsApiMail::aWebVisitorWhoLeftIsAnsweredByMail()
{
    const ChatVisit chat = startChat(m_server.port(), newWidgetKey(*m_admin));
    const QString sessionId = chat.sessionId;
    const QByteArray secret = chat.secret;
    QVERIFY(!sessionId.isEmpty());
    HttpClient visitor(m_server.port());
    const auto say = [&](const char *path, const QJsonObject &body) {
        return visitor.send(
            "POST", QString::fromLatin1(path), QJsonDocument(body).toJson(), {{"X-Visitor-Secret", secret}}, false);
    };
    QCOMPARE(say("/api/v1/chat/message",
                 {{QStringLiteral("sessionId"), sessionId},
                     {QStringLiteral("message"), QStringLiteral("I want to talk to a human agent please")}})
                 .status,
        200);
    QCOMPARE(say("/api/v1/chat/contact",
                 {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("email"), QStringLiteral("walt")}})
                 .status,
        400);
    QCOMPARE(
        say("/api/v1/chat/contact",
            {{QStringLiteral("sessionId"), sessionId}, {QStringLiteral("email"), QStringLiteral("walt@example.org")}})
            .status,
        200);

    const auto outbound = [&] {
        return m_server
            .scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE session_id = ? AND direction = 'out'"),
                {sessionId})
            .toInt();
    };
    const auto reply = [&](const QString &text) {
        return m_admin->post(
            QStringLiteral("/api/cs/sessions/%1/agent-messages").arg(sessionId), {{QStringLiteral("content"), text}});
    };
    // While the visitor is connected the reply reaches them in the chat only.
    WebVisitorPresence &presence = m_server.runtime().channels().webMail().presence();
    presence.joined(sessionId);
    QCOMPARE(reply(QStringLiteral("Hello, one moment please.")).status, 201);
    QCOMPARE(outbound(), 0);
    presence.left(sessionId);
    QCOMPARE(reply(QStringLiteral("Hello Walt, your parcel left our warehouse today.")).status, 201);
    QCOMPARE(outbound(), 1);
    const auto mailed = [this] {
        for (const QJsonObject &m : m_sink->messages())
            if (str(m, "text").contains(QLatin1String("your parcel left our warehouse today")))
                return m;
        return QJsonObject();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!mailed().isEmpty(), kWaitMs);
    const QJsonObject mail = mailed();
    QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray().first().toString(), QStringLiteral("walt@example.org"));
    const QJsonObject h = mail.value(QLatin1String("rawHeaders")).toObject();
    QVERIFY(str(h, "From").contains(kSupport));
    const QString token
        = m_server.scalar(QStringLiteral("SELECT short_id FROM channel_threads WHERE session_id = ?"), {sessionId})
              .toString();
    QCOMPARE(str(h, "Subject"), QStringLiteral("Your chat with Northwind Outfitters [#%1]").arg(token));
    QVERIFY(!h.contains(QLatin1String("In-Reply-To")));
    QVERIFY(!h.contains(QLatin1String("Auto-Submitted"))); // a person wrote it
    QVERIFY(!str(mail, "text").contains(QLatin1String("one moment please"))); // said in the chat only

    // Walt answers the mail: his words join the chat's conversation.
    QVERIFY(append(rawMail("Walt <walt@example.org>", "w2@example.org", "Re: " + str(h, "Subject").toUtf8(),
        "Great, thank you!\r\n", "In-Reply-To: <" + bare(str(h, "Message-ID")).toUtf8() + ">\r\n")));
    QCOMPARE(pollOk(), 1);
    QCOMPARE(sessionOf(QStringLiteral("w2@example.org")), sessionId);
    QVERIFY(m_server
                .scalar(QStringLiteral("SELECT COUNT(*) FROM messages WHERE session_id = ? AND role = 'customer'"
                                       " AND content LIKE ?"),
                    {sessionId, QStringLiteral("Great, thank you!%")})
                .toInt()
        == 1);
}

// Resolved, the conversation's customer gets one mail with five signed links (docs/api.md, "Satisfaction
// surveys"): the link of a 4 records 4 and offers a comment; the 5 afterwards, or the 4 again, records
// nothing; a link whose signature was changed is not ours. A company that switched mail surveys off
// sends none.
void TestCsApiMail::aResolvedMailConversationAsksForARating()
{
    QVERIFY(append(rawMail(
        "Sam Stone <sam@example.org>", "rate1@example.org", "Gift cards", "Hello,\r\ndo you sell gift cards?\r\n")));
    QCOMPARE(pollOk(), 1);
    const QString sessionId = sessionOf(QStringLiteral("rate1@example.org"));
    QVERIFY(!sessionId.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("rate1@example.org")).size(), 1, kWaitMs);
    HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(sessionId),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
    QVERIFY2(r.status == 200, describe(r).constData());

    // The survey: in the thread, to the customer, automatic, with a link per rating.
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("rate1@example.org")).size(), 2, kWaitMs);
    const QJsonObject mail = answersTo(QStringLiteral("rate1@example.org")).last();
    const QString text = str(mail, "text");
    QVERIFY2(text.contains(QStringLiteral("How did we do?")), qPrintable(text));
    QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray().first().toString(), QStringLiteral("sam@example.org"));
    QCOMPARE(str(mail.value(QLatin1String("rawHeaders")).toObject(), "Auto-Submitted"), QStringLiteral("auto-replied"));
    QHash<int, QString> links;
    static const QRegularExpression link(
        QStringLiteral("^([1-5]): http://[^/\\s]+(/r/[A-Za-z0-9_.-]+)"), QRegularExpression::MultilineOption);
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        links.insert(m.captured(1).toInt(), m.captured(2));
    }
    QCOMPARE(links.size(), 5);

    HttpClient browser(m_server.port());
    r = browser.get(links.value(4));
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.contains("You rated us 4 out of 5"));
    QVERIFY(r.body.contains("<form method=\"post\""));
    QCOMPARE(r.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT rating FROM session_ratings WHERE session_id = ?"), {sessionId}).toInt(),
        4);
    // The comment of the page, once.
    r = browser.send("POST", links.value(4), "comment=Quick+and+kind%2C+thanks%21",
        {{"Content-Type", "application/x-www-form-urlencoded"}}, false);
    QCOMPARE(r.status, 200);
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT comment FROM session_ratings WHERE session_id = ?"), {sessionId})
                 .toString(),
        QStringLiteral("Quick and kind, thanks!"));
    // Used: another link, or the same again, records nothing.
    QCOMPARE(browser.get(links.value(5)).status, 409);
    QCOMPARE(browser.get(links.value(4)).status, 409);
    QCOMPARE(
        m_server.scalar(QStringLiteral("SELECT rating FROM session_ratings WHERE session_id = ?"), {sessionId}).toInt(),
        4);
    QString forged = links.value(2);
    forged.replace(forged.size() - 3, 3, QStringLiteral("AAA"));
    QCOMPARE(browser.get(forged).status, 404);
    QCOMPARE(browser.get(QStringLiteral("/r/srv_nothing.3.AAAAAAAAAAAAAAAAAAAAAA")).status, 404);
    const QJsonObject analytics
        = m_admin
              ->get(withQuery(QStringLiteral("/api/cs/analytics"),
                  {{QStringLiteral("companyId"), m_server.companyId()},
                      {QStringLiteral("startDate"), QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate)},
                      {QStringLiteral("endDate"), QDateTime::currentDateTimeUtc().addDays(1).toString(Qt::ISODate)}}))
              .json();
    int emailRated = 0;
    for (const QJsonValue &row : analytics.value(QLatin1String("byChannel")).toArray())
        if (row.toObject().value(QLatin1String("channel")).toString() == QLatin1String("email"))
            emailRated = row.toObject().value(QLatin1String("ratings")).toInt();
    QVERIFY(emailRated >= 1);

    // Mail surveys switched off: the next resolved conversation gets no survey.
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("ratings"), QJsonObject{{QStringLiteral("email"), false}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY(append(rawMail(
        "Sam Stone <sam@example.org>", "rate2@example.org", "Opening hours", "When are you open on Saturdays?\r\n")));
    QCOMPARE(pollOk(), 1);
    const QString second = sessionOf(QStringLiteral("rate2@example.org"));
    QTRY_COMPARE_WITH_TIMEOUT(answersTo(QStringLiteral("rate2@example.org")).size(), 1, kWaitMs);
    r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(second),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT COUNT(*) FROM surveys WHERE session_id = ?"), {second}).toInt(), 0);
    r = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("ratings"), QJsonObject{{QStringLiteral("email"), true}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
}

QTEST_GUILESS_MAIN(TestCsApiMail)
#include "tst_csapi_mail.moc"
