// EscalationMailer: the e-mail made from a desk QueueItem, customer data kept out
// of the headers' structure, and the whole path through SmtpMailer to a real
// SMTP server (aiosmtpd) on loopback.
#include "core/integrations/EscalationMailer.h"
#include "core/integrations/SmtpMailer.h"
#include "tests/integrations/SmtpSink.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using tierdesk::test::SmtpSink;

namespace {

// Records messages; answers with a fixed result at once.
class FakeMailer final : public Mailer {
public:
    QFuture<Status> send(const MailMessage &message) override
    {
        sent.append(message);
        return QtFuture::makeReadyFuture(result);
    }
    QList<MailMessage> sent;
    Status result = Ok{};
};

// A QueueItem as desk-contract.md describes it.
QJsonObject queueItem()
{
    return QJsonObject{
        {QStringLiteral("sessionId"), QStringLiteral("sess_7f3a")},
        {QStringLiteral("queue"), QStringLiteral("orders")},
        {QStringLiteral("priority"), QStringLiteral("high")},
        {QStringLiteral("reason"), QStringLiteral("REFUND_OVER_THRESHOLD")},
        {QStringLiteral("fromTier"), QStringLiteral("AI_MANAGER")},
        {QStringLiteral("status"), QStringLiteral("ESCALATED")},
        {QStringLiteral("sentiment"), QStringLiteral("negative")},
        {QStringLiteral("issueSummary"), QStringLiteral("Wants €450 back for a broken Kühlschrank")},
        {QStringLiteral("customer"),
            QJsonObject{{QStringLiteral("id"), QStringLiteral("cus_1")},
                {QStringLiteral("name"), QStringLiteral("Jürgen Groß")},
                {QStringLiteral("tier"), QStringLiteral("gold")}, {QStringLiteral("isVIP"), true}}},
        {QStringLiteral("assignee"), QJsonValue()},
    };
}

const QString kFrom = QStringLiteral("Tierdesk <desk@example.com>");
const QString kLink = QStringLiteral("http://127.0.0.1:8080/console/sessions/sess_7f3a");

} // namespace

class TestEscalationMailer : public QObject {
    Q_OBJECT

private slots:
    void composesFromQueueItem();
    void customerDataCannotInjectHeaders();
    void queueWithoutAddressSendsNothing();
    void reportsFailureAsSignal();
    void arrivesAtRealSmtpServer();
};

void TestEscalationMailer::composesFromQueueItem()
{
    const auto n = EscalationNotice::fromQueueItem(
        queueItem(), QStringLiteral("Acme GmbH"), QStringLiteral("orders@acme.example, lead@acme.example"), kLink);
    const MailMessage m = composeEscalationMail(n, kFrom);
    QCOMPARE(m.subject, QStringLiteral("New escalation in orders: Jürgen Groß (VIP) — Refund over threshold (high)"));
    QCOMPARE(m.to, (QStringList{QStringLiteral("orders@acme.example"), QStringLiteral("lead@acme.example")}));
    QCOMPARE(m.from, kFrom);
    QVERIFY(m.validate().ok());
    QVERIFY2(m.body.contains(QLatin1String("escalated to the orders queue of Acme GmbH")), qPrintable(m.body));
    QVERIFY(m.body.contains(QStringLiteral("Customer:  Jürgen Groß (VIP)\n")));
    QVERIFY(m.body.contains(QLatin1String("Priority:  high\n")));
    QVERIFY(m.body.contains(QLatin1String("From tier: AI_MANAGER\n")));
    QVERIFY(m.body.contains(QStringLiteral("Summary:   Wants €450 back for a broken Kühlschrank\n")));
    QVERIFY(m.body.contains(kLink + QLatin1Char('\n')));
    QVERIFY(m.body.contains(QLatin1String("Session: sess_7f3a\n")));
}

void TestEscalationMailer::customerDataCannotInjectHeaders()
{
    EscalationNotice n = EscalationNotice::fromQueueItem(
        queueItem(), QStringLiteral("Acme"), QStringLiteral("orders@acme.example"), kLink);
    n.customerName = QStringLiteral("Eve\r\nBcc: victim@example.com\r\n\r\nfake body");
    n.priority = QStringLiteral("high\n");
    const MailMessage m = composeEscalationMail(n, kFrom);
    const Status valid = m.validate();
    QVERIFY2(valid.ok(), qPrintable(valid.ok() ? QString() : valid.error().message));
    QCOMPARE(m.subject,
        QStringLiteral("New escalation in orders: Eve Bcc: victim@example.com fake body (VIP) — "
                       "Refund over threshold (high)"));
    n.customerName = QString(500, QLatin1Char('x'));
    QVERIFY(composeEscalationMail(n, kFrom).subject.size() < 200);
    // A queue address with a line break is refused, never sent.
    n.queueAddress = QStringLiteral("orders@acme.example\r\nRCPT TO:<v@example.com>");
    QVERIFY(!composeEscalationMail(n, kFrom).validate().ok());
}

void TestEscalationMailer::queueWithoutAddressSendsNothing()
{
    FakeMailer fake;
    EscalationMailer mailer(fake, kFrom);
    QVERIFY(!mailer.notify(EscalationNotice::fromQueueItem(queueItem(), QStringLiteral("Acme"), QString(), kLink)));
    QVERIFY(fake.sent.isEmpty());
    QSignalSpy sent(&mailer, &EscalationMailer::sent);
    QVERIFY(mailer.notify(EscalationNotice::fromQueueItem(
        queueItem(), QStringLiteral("Acme"), QStringLiteral("orders@acme.example"), kLink)));
    QVERIFY(sent.wait(5000));
    QCOMPARE(sent.constFirst().at(0).toString(), QStringLiteral("sess_7f3a"));
    QCOMPARE(fake.sent.size(), 1);
}

void TestEscalationMailer::reportsFailureAsSignal()
{
    FakeMailer fake;
    fake.result
        = makeError(ErrorKind::Unavailable, QStringLiteral("the SMTP server refused a recipient (SMTP reply 550)"));
    EscalationMailer mailer(fake, kFrom);
    QSignalSpy failed(&mailer, &EscalationMailer::failed);
    QVERIFY(mailer.notify(EscalationNotice::fromQueueItem(
        queueItem(), QStringLiteral("Acme"), QStringLiteral("orders@acme.example"), kLink)));
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.constFirst().at(0).toString(), QStringLiteral("sess_7f3a"));
    QVERIFY(failed.constFirst().at(1).toString().contains(QLatin1String("550")));
}

void TestEscalationMailer::arrivesAtRealSmtpServer()
{
    SmtpSink sink;
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = sink.port();
    c.tls = SmtpConfig::Tls::None;
    c.from = kFrom;
    SmtpMailer smtp(c);
    EscalationMailer mailer(smtp, c.from);
    QSignalSpy sent(&mailer, &EscalationMailer::sent);
    QSignalSpy failed(&mailer, &EscalationMailer::failed);
    QVERIFY(mailer.notify(EscalationNotice::fromQueueItem(
        queueItem(), QStringLiteral("Acme GmbH"), QStringLiteral("orders@acme.example"), kLink)));
    QTRY_VERIFY_WITH_TIMEOUT(sent.size() + failed.size() == 1, 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.constFirst().at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);
    const QJsonObject got = sink.messages().constFirst();
    QCOMPARE(got.value(QLatin1String("rcptTos")).toArray().at(0).toString(), QStringLiteral("orders@acme.example"));
    QCOMPARE(got.value(QLatin1String("headers")).toObject().value(QLatin1String("Subject")).toString(),
        QStringLiteral("New escalation in orders: Jürgen Groß (VIP) — Refund over threshold (high)"));
    const QString body = got.value(QLatin1String("body")).toString();
    QVERIFY2(body.contains(QStringLiteral("Wants €450 back for a broken Kühlschrank")), qPrintable(body));
    QVERIFY(body.contains(kLink));
}

QTEST_GUILESS_MAIN(TestEscalationMailer)
#include "tst_escalationmailer.moc"
