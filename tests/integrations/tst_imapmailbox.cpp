// ImapMailbox against a real Dovecot on loopback (tests/support/DovecotServer.h). What the mailbox
// says is also read from Dovecot's own files: a message's flags from its Maildir file name, its UID
// from dovecot-uidlist, so reading without \Seen is proven by the server's store, not by the class
// under test. Failures (wrong password or token, no such mailbox or message, a stopped, silent or
// closed server, a message over the limit, an invalid account) come back as clear errors.
#include "core/integrations/imap/ImapMailbox.h"
#include "tests/integrations/LoopbackReceiver.h"
#include "tests/support/DovecotServer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

using namespace tierdesk;
using tierdesk::test::DovecotServer;
using tierdesk::test::LoopbackReceiver;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr qint64 kMiB = 1024 * 1024;
const QString kSeen = QStringLiteral("\\Seen");

QByteArray mail(const QByteArray &subject, const QByteArray &body = "Hello.\r\n")
{
    return "From: Customer <customer@example.com>\r\nTo: desk@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <"
        + subject.toHex() + "@example.com>\r\n\r\n" + body;
}

QByteArray headerOf(const QByteArray &message)
{
    return message.left(message.indexOf("\r\n\r\n") + 4);
}

// A failed result's kind and message, for a failing check (empty when it did not fail).
template <typename T> QString why(const Result<T> &r)
{
    return r ? QString() : QStringLiteral("%1: %2").arg(static_cast<int>(r.error().kind)).arg(r.error().message);
}

} // namespace

class TestImapMailbox : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void accountIsValidated_data();
    void accountIsValidated();
    void readsNewMailWithoutSettingSeen();
    void nothingPastTheLastUid();
    void skipsAGapInTheUids();
    void largeMessageKeepsTheLimit();
    void wrongPasswordIsUnauthenticated();
    void missingMailboxAndMessageAreNotFound();
    void callsBeforeOpenAreRefused();
    void stoppedServerIsUnavailableAndRestartKeepsTheMail();
    void newUidValidityIsNotFoundUntilOpenedAgain();
    void requiredTlsIsNeverSkipped();
    void tlsIsUsedAndVerified();
    void silentServerTimesOut();
    void closedPortIsUnavailable();
    void serverAtARefusedAddressIsNotContacted();
    void oauth2BearerSignsIn();

private:
    ImapAccount account(const QString &mailbox = {}) const;
    QString maildirFlags(qint64 uid) const; // the flag letters of the message's Maildir file name
    Result<qint64> appendOne(ImapMailbox &box, const QByteArray &message);

    LoopbackReceiver m_introspection; // Dovecot's oauth2 passdb asks it about tokens
    DovecotServer m_server;
};

void TestImapMailbox::initTestCase()
{
    QVERIFY(m_introspection.isListening());
    m_server.setOAuth2IntrospectionUrl(m_introspection.url(QStringLiteral("/introspect")));
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

ImapAccount TestImapMailbox::account(const QString &mailbox) const
{
    ImapAccount a;
    a.url = m_server.url(mailbox);
    a.username = m_server.user();
    a.password = m_server.password();
    a.timeoutMs = kTimeoutMs;
    return a;
}

QString TestImapMailbox::maildirFlags(qint64 uid) const
{
    // dovecot-uidlist: a header line, then "<uid> [extensions] :<file name's base>" per message.
    QFile uidlist(m_server.mailDir() + QStringLiteral("/dovecot-uidlist"));
    if (!uidlist.open(QIODevice::ReadOnly))
        return QStringLiteral("(no uidlist)");
    QString base;
    for (const QByteArray &line : uidlist.readAll().split('\n')) {
        if (line.startsWith(QByteArray(QByteArray::number(uid) + ' ')))
            base = QString::fromLatin1(line.mid(line.indexOf(" :") + 2));
    }
    if (base.isEmpty())
        return QStringLiteral("(not in the uidlist)");
    for (const QString &sub : {QStringLiteral("cur"), QStringLiteral("new")}) {
        const QDir dir(m_server.mailDir() + QLatin1Char('/') + sub);
        for (const QString &name : dir.entryList({base + QLatin1Char('*')}, QDir::Files)) {
            const qsizetype info = name.indexOf(QLatin1String(":2,"));
            return info < 0 ? QString() : name.mid(info + 3);
        }
    }
    return QStringLiteral("(no file)");
}

Result<qint64> TestImapMailbox::appendOne(ImapMailbox &box, const QByteArray &message)
{
    const auto before = box.open();
    if (!before)
        return before.error();
    if (const Status s = box.append(message); !s)
        return s.error();
    const auto uids = box.uidsFrom(before->uidNext);
    if (!uids)
        return uids.error();
    if (uids->size() != 1)
        return makeError(ErrorKind::Internal, QStringLiteral("%1 new UIDs, not one").arg(uids->size()));
    return uids->first();
}

void TestImapMailbox::accountIsValidated_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, const char *url, const QByteArray &password, const QByteArray &token,
                         int timeoutMs, const char *field) {
        QTest::newRow(name) << QString::fromLatin1(url) << password << token << timeoutMs << QString::fromLatin1(field);
    };
    const QByteArray pw("secret");
    const QByteArray longBox = "imap://127.0.0.1/" + QByteArray(ImapAccount::kMaxMailboxChars + 1, 'm');
    row("http", "http://127.0.0.1:143", pw, {}, kTimeoutMs, "url");
    row("no host", "imap:///INBOX", pw, {}, kTimeoutMs, "url");
    row("credentials in url", "imap://desk:pw@127.0.0.1", pw, {}, kTimeoutMs, "url");
    row("query", "imap://127.0.0.1/INBOX?UNSEEN", pw, {}, kTimeoutMs, "url");
    row("quote in mailbox", "imap://127.0.0.1/a%22b", pw, {}, kTimeoutMs, "url");
    row("uid in mailbox", "imap://127.0.0.1/INBOX;UID=1", pw, {}, kTimeoutMs, "url");
    row("non-ascii mailbox", "imap://127.0.0.1/Posteingang%C3%A4", pw, {}, kTimeoutMs, "url");
    row("long mailbox", longBox.constData(), pw, {}, kTimeoutMs, "url");
    row("no secret", "imap://127.0.0.1", {}, {}, kTimeoutMs, "password");
    row("line break in password", "imap://127.0.0.1", "a\r\nb", {}, kTimeoutMs, "password");
    row("space in token", "imap://127.0.0.1", {}, "a b", kTimeoutMs, "oauth2Token");
    row("timeout", "imap://127.0.0.1", pw, {}, 10, "timeoutMs");
    row("fine", "imaps://mail.example.com:9993/Support/Orders", pw, {}, kTimeoutMs, "");
}

void TestImapMailbox::accountIsValidated()
{
    QFETCH(QString, url);
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, token);
    QFETCH(int, timeoutMs);
    QFETCH(QString, field);
    ImapAccount a;
    a.url = QUrl(url);
    a.username = QStringLiteral("desk");
    a.password = password;
    a.oauth2Token = token;
    a.timeoutMs = timeoutMs;
    const Status s = a.validate();
    if (field.isEmpty()) {
        QVERIFY2(s, qPrintable(why(s)));
        QCOMPARE(a.mailbox(), QStringLiteral("Support/Orders"));
        QCOMPARE(a.mailboxUrl(), QByteArray("imaps://mail.example.com:9993/Support/Orders"));
        return;
    }
    QVERIFY(!s);
    QCOMPARE(s.error().kind, ErrorKind::InvalidArgument);
    QCOMPARE(s.error().field, field);
    // An invalid account is refused before anything is sent.
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::InvalidArgument);
}

void TestImapMailbox::readsNewMailWithoutSettingSeen()
{
    ImapMailbox box(account());
    const auto before = box.open();
    QVERIFY2(before, qPrintable(why(before)));
    QVERIFY(before->uidValidity > 0);
    // The second one's body looks like IMAP answers: it must come back as bytes, not be read as answers.
    const QList<QByteArray> mails{mail("one"),
        mail("two", "A005 OK [READ-WRITE] done\r\n* 9 EXISTS\r\n)\r\n* 1 FETCH (UID 1 BODY[] {3}\r\n.\r\n"),
        mail("three \xc3\xa4", QByteArray("binary \x01\x02\xff\r\n"))};
    for (const QByteArray &m : mails)
        QVERIFY(box.append(m));
    const auto status = box.open();
    QVERIFY2(status, qPrintable(why(status)));
    QCOMPARE(status->uidValidity, before->uidValidity);
    QCOMPARE(status->exists, before->exists + 3);
    const auto uids = box.uidsFrom(before->uidNext);
    QVERIFY2(uids, qPrintable(why(uids)));
    QCOMPARE(uids->size(), 3);
    QVERIFY(uids->at(0) < uids->at(1) && uids->at(1) < uids->at(2));
    QCOMPARE(status->uidNext, uids->last() + 1);

    for (int i = 0; i < 3; ++i) {
        const auto fetched = box.fetch(uids->at(i), kMiB);
        QVERIFY2(fetched, qPrintable(why(fetched)));
        QCOMPARE(*fetched, mails.at(i));
        QCOMPARE(*box.sizeOf(uids->at(i)), qint64(mails.at(i).size()));
        const auto flags = box.flags(uids->at(i));
        QVERIFY2(flags && !flags->contains(kSeen), qPrintable(flags ? flags->join(QLatin1Char(' ')) : why(flags)));
        QVERIFY2(!maildirFlags(uids->at(i)).contains(QLatin1Char('S')), qPrintable(maildirFlags(uids->at(i))));
    }
    const auto headers = box.fetchHeaders(uids->at(0));
    QVERIFY2(headers, qPrintable(why(headers)));
    QCOMPARE(*headers, headerOf(mails.at(0)));

    QVERIFY(box.markSeen(uids->at(0)));
    QVERIFY(box.flags(uids->at(0))->contains(kSeen));
    QVERIFY2(maildirFlags(uids->at(0)).contains(QLatin1Char('S')), qPrintable(maildirFlags(uids->at(0))));
    QVERIFY(box.markSeen(uids->at(0))); // again: nothing changes, still fine
    // Reading after a mark (the mailbox was SELECTed for it) still sets nothing.
    QCOMPARE(*box.fetch(uids->at(1), kMiB), mails.at(1));
    QCOMPARE(*box.fetchHeaders(uids->at(2)), headerOf(mails.at(2)));
    QVERIFY(!box.flags(uids->at(1))->contains(kSeen));
    QVERIFY(!box.flags(uids->at(2))->contains(kSeen));
    QVERIFY(!maildirFlags(uids->at(1)).contains(QLatin1Char('S')));

    const auto after = box.uidsFrom(uids->last() + 1);
    QVERIFY2(after, qPrintable(why(after)));
    QVERIFY(after->isEmpty());
}

void TestImapMailbox::nothingPastTheLastUid()
{
    ImapMailbox box(account());
    const auto uid = appendOne(box, mail("last"));
    QVERIFY2(uid, qPrintable(why(uid)));
    // A server answers UID n:* with its highest UID even when that is below n.
    for (const qint64 from : {*uid + 1, *uid + ImapMailbox::kMaxUidsPerSearch, *uid + 100000, ImapParser::kMaxUid}) {
        const auto uids = box.uidsFrom(from);
        QVERIFY2(uids, qPrintable(why(uids)));
        QVERIFY2(uids->isEmpty(), qPrintable(QString::number(from)));
    }
    QCOMPARE(*box.uidsFrom(*uid), QList<qint64>{*uid});
    for (const qint64 bad : {qint64(0), qint64(-3), ImapParser::kMaxUid + 1}) {
        const auto uids = box.uidsFrom(bad);
        QVERIFY(!uids);
        QCOMPARE(uids.error().kind, ErrorKind::InvalidArgument);
    }
}

void TestImapMailbox::skipsAGapInTheUids()
{
    ImapMailbox box(account());
    const auto first = appendOne(box, mail("before the gap"));
    QVERIFY2(first, qPrintable(why(first)));
    // Dovecot takes the next UID from its uidlist's header ("3 V<validity> N<next> ..."): move it on,
    // as messages delivered and deleted before the poll would have.
    const qint64 next = *first + 3 * ImapMailbox::kMaxUidsPerSearch + 17;
    QVERIFY(m_server.stop());
    QFile uidlist(m_server.mailDir() + QStringLiteral("/dovecot-uidlist"));
    QVERIFY(uidlist.open(QIODevice::ReadWrite));
    QByteArray text = uidlist.readAll();
    const qsizetype headerEnd = text.indexOf('\n');
    QString header = QString::fromLatin1(text.left(headerEnd));
    QVERIFY2(header.contains(QRegularExpression(QStringLiteral(" N\\d+"))), qPrintable(header));
    header.replace(QRegularExpression(QStringLiteral(" N\\d+")), QStringLiteral(" N%1").arg(next));
    text.replace(0, headerEnd, header.toLatin1());
    QVERIFY(uidlist.resize(0) && uidlist.write(text) == text.size());
    uidlist.close();
    QString error;
    QVERIFY2(m_server.restart(&error), qPrintable(error));

    const Status appended = box.append(mail("after the gap"));
    QVERIFY2(appended, qPrintable(why(appended)));
    QVERIFY(box.open());
    const auto uids = box.uidsFrom(*first + 1);
    QVERIFY2(uids, qPrintable(why(uids)));
    QCOMPARE(*uids, QList<qint64>{next});
    QCOMPARE(*box.fetch(next, kMiB), mail("after the gap"));
    QCOMPARE(*box.uidsFrom(*first), (QList<qint64>{*first, next}));
}

void TestImapMailbox::largeMessageKeepsTheLimit()
{
    // 12 MiB of base64-like lines.
    QByteArray body;
    const QByteArray line = QByteArray(76, 'Q') + "\r\n";
    while (body.size() < 12 * kMiB)
        body += line;
    const QByteArray big = mail("large", body);
    ImapMailbox box(account());
    const auto uid = appendOne(box, big);
    QVERIFY2(uid, qPrintable(why(uid)));
    const auto refused = box.fetch(*uid, 10 * kMiB);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::LimitExceeded);
    const auto whole = box.fetch(*uid, 20 * kMiB);
    QVERIFY2(whole, qPrintable(why(whole)));
    QCOMPARE(whole->size(), big.size());
    QVERIFY(*whole == big);
    QCOMPARE(*box.fetchHeaders(*uid), headerOf(big));
    QVERIFY(!box.flags(*uid)->contains(kSeen));
    const auto badLimit = box.fetch(*uid, 0);
    QVERIFY(!badLimit);
    QCOMPARE(badLimit.error().kind, ErrorKind::InvalidArgument);
}

void TestImapMailbox::wrongPasswordIsUnauthenticated()
{
    ImapAccount a = account();
    a.password = "not-" + m_server.password();
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Unauthenticated);
    QVERIFY(!opened.error().message.contains(QString::fromLatin1(a.password)));
    QVERIFY(!box.append(mail("refused")));
}

void TestImapMailbox::missingMailboxAndMessageAreNotFound()
{
    ImapMailbox missing(account(QStringLiteral("NoSuchBox")));
    const auto opened = missing.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::NotFound);
    QVERIFY2(opened.error().message.contains(QLatin1String("NoSuchBox")), qPrintable(opened.error().message));

    ImapMailbox box(account(QStringLiteral("INBOX")));
    const auto status = box.open();
    QVERIFY2(status, qPrintable(why(status)));
    const qint64 absent = status->uidNext + 1000;
    QCOMPARE(box.fetch(absent, kMiB).error().kind, ErrorKind::NotFound);
    QCOMPARE(box.fetchHeaders(absent).error().kind, ErrorKind::NotFound);
    QCOMPARE(box.sizeOf(absent).error().kind, ErrorKind::NotFound);
    QCOMPARE(box.flags(absent).error().kind, ErrorKind::NotFound);
    QCOMPARE(box.markSeen(absent).error().kind, ErrorKind::NotFound);
    QVERIFY(box.open()); // the connection goes on after each
}

void TestImapMailbox::callsBeforeOpenAreRefused()
{
    ImapMailbox box(account());
    QCOMPARE(box.uidsFrom(1).error().kind, ErrorKind::Conflict);
    QCOMPARE(box.fetch(1, kMiB).error().kind, ErrorKind::Conflict);
    QCOMPARE(box.markSeen(1).error().kind, ErrorKind::Conflict);
}

void TestImapMailbox::stoppedServerIsUnavailableAndRestartKeepsTheMail()
{
    ImapMailbox box(account());
    const auto uid = appendOne(box, mail("kept"));
    QVERIFY2(uid, qPrintable(why(uid)));
    const auto before = box.open();
    const auto all = box.uidsFrom(1);
    QVERIFY(before && all);

    QVERIFY(m_server.stop());
    const auto lost = box.fetch(*uid, kMiB);
    QVERIFY(!lost);
    QCOMPARE(lost.error().kind, ErrorKind::Unavailable);
    const auto refused = box.open();
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, ErrorKind::Unavailable);
    QVERIFY2(refused.error().message.contains(QLatin1String("cannot connect")), qPrintable(refused.error().message));

    QString error;
    QVERIFY2(m_server.restart(&error), qPrintable(error));
    const auto after = box.open();
    QVERIFY2(after, qPrintable(why(after)));
    QCOMPARE(after->uidValidity, before->uidValidity);
    QCOMPARE(*box.uidsFrom(1), *all);
    QCOMPARE(*box.fetch(*uid, kMiB), mail("kept"));
    QVERIFY(!box.flags(*uid)->contains(kSeen));

    // A connection that the restart closed is replaced without the caller seeing it. The headers
    // are read first: on the new connection libcurl selects the mailbox read-write itself, and its
    // FETCH would set \Seen had the download not stopped it and examined the mailbox first.
    QVERIFY(m_server.stop());
    QVERIFY2(m_server.restart(&error), qPrintable(error));
    const auto headers = box.fetchHeaders(*uid);
    QVERIFY2(headers, qPrintable(why(headers)));
    QCOMPARE(*headers, headerOf(mail("kept")));
    QCOMPARE(*box.fetch(*uid, kMiB), mail("kept"));
    QVERIFY(!box.flags(*uid)->contains(kSeen));
    QVERIFY2(!maildirFlags(*uid).contains(QLatin1Char('S')), qPrintable(maildirFlags(*uid)));
}

void TestImapMailbox::newUidValidityIsNotFoundUntilOpenedAgain()
{
    ImapMailbox box(account());
    const auto uid = appendOne(box, mail("numbered anew"));
    QVERIFY2(uid, qPrintable(why(uid)));
    const auto before = box.open();
    QVERIFY(before);
    // The mailbox numbered anew, as a server restored from a backup would: a new UIDVALIDITY in the
    // uidlist ("3 V<validity> N<next> ...") and no index to contradict it.
    QVERIFY(m_server.stop());
    QFile uidlist(m_server.mailDir() + QStringLiteral("/dovecot-uidlist"));
    QVERIFY(uidlist.open(QIODevice::ReadWrite));
    QString text = QString::fromLatin1(uidlist.readAll());
    const qint64 renumbered = before->uidValidity + 1;
    text.replace(QRegularExpression(QStringLiteral("^(\\d+) V\\d+")), QStringLiteral("\\1 V%1").arg(renumbered));
    QVERIFY(uidlist.resize(0) && uidlist.write(text.toLatin1()) == text.size());
    uidlist.close();
    const QDir maildir(m_server.mailDir());
    for (const QString &index : maildir.entryList({QStringLiteral("dovecot.index*")}, QDir::Files))
        QVERIFY(QFile::remove(maildir.filePath(index)));
    QString error;
    QVERIFY2(m_server.restart(&error), qPrintable(error));

    // The UIDs the caller holds name other messages now: every call says so until open().
    const auto uids = box.uidsFrom(1);
    QVERIFY(!uids);
    QCOMPARE(uids.error().kind, ErrorKind::NotFound);
    QVERIFY2(uids.error().message.contains(QLatin1String("UIDVALIDITY")), qPrintable(uids.error().message));
    QCOMPARE(box.fetch(*uid, kMiB).error().kind, ErrorKind::NotFound);
    const auto after = box.open();
    QVERIFY2(after, qPrintable(why(after)));
    QCOMPARE(after->uidValidity, renumbered);
    QVERIFY2(box.uidsFrom(1), qPrintable(why(box.uidsFrom(1))));
}

void TestImapMailbox::requiredTlsIsNeverSkipped()
{
    // This Dovecot offers no STARTTLS: with requireTls nothing is sent, the user name included.
    ImapAccount a = account();
    a.requireTls = true;
    const qsizetype logBefore = m_server.log().size();
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
    QVERIFY2(opened.error().message.contains(QLatin1String("STARTTLS")), qPrintable(opened.error().message));
    QVERIFY(!m_server.log().mid(logBefore).contains(QLatin1String("user=<desk>")));
    // Without the requirement the same server is used in plain text (STARTTLS when offered).
    a.requireTls = false;
    ImapMailbox plain(a);
    QVERIFY(plain.open());
}

void TestImapMailbox::tlsIsUsedAndVerified()
{
    DovecotServer tls;
    tls.setTls(true);
    QString error;
    QVERIFY2(tls.start(&error), qPrintable(error));
    ImapAccount a;
    a.username = tls.user();
    a.password = tls.password();
    a.timeoutMs = kTimeoutMs;
    a.caCertificates = tls.certificate();
    const auto signedInWithTls = [&tls](qsizetype logFrom) {
        const QString log = tls.log().mid(logFrom);
        return log.contains(QLatin1String("Login: user=<desk>")) && log.contains(QLatin1String(", TLS,"));
    };
    // TLS from the first byte; STARTTLS required; STARTTLS taken because it is offered.
    const QList<QPair<QUrl, bool>> ways{{QUrl(QStringLiteral("imaps://127.0.0.1:%1").arg(tls.tlsPort())), false},
        {tls.url(), true}, {tls.url(), false}};
    for (const auto &[url, requireTls] : ways) {
        a.url = url;
        a.requireTls = requireTls;
        const qsizetype logFrom = tls.log().size();
        ImapMailbox box(a);
        const Status appended = box.append(mail("over TLS"));
        QVERIFY2(appended, qPrintable(why(appended)));
        const auto uids = box.open() ? box.uidsFrom(1) : Result<QList<qint64>>(makeError(ErrorKind::Internal, {}));
        QVERIFY2(uids && !uids->isEmpty(), qPrintable(why(uids)));
        QCOMPARE(*box.fetch(uids->last(), kMiB), mail("over TLS"));
        QVERIFY2(signedInWithTls(logFrom), qPrintable(tls.log().mid(logFrom)));
    }
    // The certificate is verified: one no authority vouches for is refused before anything is sent.
    a.caCertificates.clear();
    for (const auto &[url, requireTls] : ways) {
        a.url = url;
        a.requireTls = requireTls;
        const qsizetype logFrom = tls.log().size();
        ImapMailbox box(a);
        const auto opened = box.open();
        QVERIFY(!opened);
        QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
        QVERIFY2(opened.error().message.contains(QLatin1String("TLS")), qPrintable(opened.error().message));
        QVERIFY(!tls.log().mid(logFrom).contains(QLatin1String("user=<desk>")));
    }
}

void TestImapMailbox::silentServerTimesOut()
{
    // Connections are accepted (by the kernel) and never greeted.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ImapAccount a = account();
    a.url.setPort(silent.serverPort());
    a.timeoutMs = ImapAccount::kMinTimeoutMs;
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
    QVERIFY2(opened.error().message.contains(QLatin1String("did not answer")), qPrintable(opened.error().message));
}

void TestImapMailbox::closedPortIsUnavailable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ImapAccount a = account();
    a.url.setPort(port);
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
    QVERIFY2(opened.error().message.contains(QLatin1String("cannot connect")), qPrintable(opened.error().message));
}

// A company's mailbox is reached as its other systems are: the connectors' policy lets this
// machine's Dovecot be read, a policy refusing loopback never connects to it.
void TestImapMailbox::serverAtARefusedAddressIsNotContacted()
{
    ImapAccount allowed = account();
    allowed.policy = AddressPolicy::forConnectors(false);
    ImapMailbox reachable(allowed);
    QVERIFY(reachable.open());
    QTcpServer listener; // what a refused connection would have reached
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    ImapAccount refused = account();
    refused.url.setPort(listener.serverPort());
    refused.policy = AddressPolicy(false);
    ImapMailbox box(refused);
    const auto opened = box.open();
    QVERIFY(!opened);
    QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
    QVERIFY2(opened.error().message.contains(QLatin1String("is at an address not allowed: 127.0.0.1 is a loopback")),
        qPrintable(opened.error().message));
    QVERIFY(!listener.waitForNewConnection(0));
}

void TestImapMailbox::oauth2BearerSignsIn()
{
    ImapAccount a = account();
    a.password.clear();
    a.oauth2Token = "ya29.good-token_" + m_server.password();
    m_introspection.setStatus(200);
    m_introspection.setBody(R"({"active": true, "username": "desk"})");
    ImapMailbox box(a);
    const auto opened = box.open();
    QVERIFY2(opened, qPrintable(why(opened)));
    QVERIFY(m_introspection.count() >= 1);
    QVERIFY2(m_introspection.requests().last().body.contains(QByteArray("token=" + a.oauth2Token)),
        m_introspection.requests().last().body.constData());
    QVERIFY(m_server.log().contains(QLatin1String("method=XOAUTH2")));

    a.oauth2Token = "ya29.revoked-token";
    m_introspection.setBody(R"({"active": false})");
    ImapMailbox refused(a);
    const auto denied = refused.open();
    QVERIFY(!denied);
    QCOMPARE(denied.error().kind, ErrorKind::Unauthenticated);
    QVERIFY(!denied.error().message.contains(QString::fromLatin1(a.oauth2Token)));
}

QTEST_GUILESS_MAIN(TestImapMailbox)
#include "tst_imapmailbox.moc"
