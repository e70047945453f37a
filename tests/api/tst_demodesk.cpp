// `make run` opens the console on the demo: `tierdesk demo seed --desk` (what
// scripts/run.sh runs) leaves a handful of realistic escalations waiting on the demo
// company's desk (SLA on time, at risk and breached; sentiment that fits each reason;
// summaries; the conversations that led there) and prints a login that works.
#include "tests/api/ApiTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A reason a calm customer does not give: the sentiment must show it.
bool fitsTheReason(const QString &reason, const QString &sentiment)
{
    static const QSet<QString> upset{QStringLiteral("FRUSTRATED"), QStringLiteral("ANGRY"), QStringLiteral("IRATE")};
    if (reason == QLatin1String("IRATE_CUSTOMER") || reason == QLatin1String("ESCALATED_COMPLAINT"))
        return upset.contains(sentiment);
    return !sentiment.isEmpty() && sentiment != QLatin1String("IRATE");
}

} // namespace

class TestDemoDesk : public QObject {
    Q_OBJECT

private slots:
    void seedDeskFillsTheQueueOnceAndSaysHowToLogIn();

private:
    QTemporaryDir m_dir;
};

void TestDemoDesk::seedDeskFillsTheQueueOnceAndSaysHowToLogIn()
{
    const QStringList seed{QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("demo"), QStringLiteral("seed"),
        QStringLiteral("--desk")};
    const CliResult first = runTierdesk(seed, 120000);
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonObject seeded = QJsonDocument::fromJson(first.out).object();
    const QString company = str(seeded, "companyId");
    QVERIFY2(!company.isEmpty(), first.out.constData());
    const int added = seeded.value(QLatin1String("desk")).toObject().value(QLatin1String("added")).toInt();
    QVERIFY2(added >= 5 && added <= 8, first.out.constData());
    // How to log in, on the terminal.
    const QRegularExpressionMatch login
        = QRegularExpression(QStringLiteral("Console login: (\\S+@\\S+) / (\\S+)")).match(QString::fromUtf8(first.err));
    QVERIFY2(login.hasMatch(), first.err.constData());
    QVERIFY2(first.err.contains(QByteArray(QByteArray::number(added) + " escalations waiting")), first.err.constData());

    // Again (the next `make run`): nothing added while the desk holds them, no second admin.
    const CliResult second = runTierdesk(seed, 120000);
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject again = QJsonDocument::fromJson(second.out).object().value(QLatin1String("desk")).toObject();
    QCOMPARE(again.value(QLatin1String("added")).toInt(), 0);
    QCOMPARE(again.value(QLatin1String("waiting")).toInt(), added);
    QVERIFY2(!second.err.contains(" / "), second.err.constData());

    // The printed login works against the server, and its queue is the desk described.
    ServeProcess serve;
    QString error;
    QVERIFY2(serve.start(m_dir.path(), {}, &error), qPrintable(error));
    HttpClient anonymous(serve.port(), {});
    const HttpResult signedIn = anonymous.post(QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), login.captured(1)}, {QStringLiteral("password"), login.captured(2)}});
    QVERIFY2(signedIn.status == 200, describe(signedIn).constData());
    HttpClient admin(serve.port(), signedIn.json().value(QLatin1String("token")).toString().toUtf8());
    const QJsonArray items = admin.get(QStringLiteral("/api/cs/queue?companyId=") + company)
                                 .json()
                                 .value(QLatin1String("items"))
                                 .toArray();
    QCOMPARE(items.size(), added);
    QSet<QString> states, reasons, customers;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString what = QString::fromUtf8(QJsonDocument(item).toJson(QJsonDocument::Compact));
        states << str(item.value(QLatin1String("sla")).toObject(), "state");
        reasons << str(item, "reason");
        customers << str(item.value(QLatin1String("customer")).toObject(), "id");
        QVERIFY2(item.value(QLatin1String("assignee")).isNull(), qPrintable(what));
        QVERIFY2(str(item, "issueSummary").size() > 10, qPrintable(what));
        QVERIFY2(fitsTheReason(str(item, "reason"), str(item, "sentiment")), qPrintable(what));
        // The conversation that led there: the customer wrote, the AI answered, then a person was asked for.
        const QJsonObject session = admin.get(QStringLiteral("/api/cs/sessions/") + str(item, "sessionId")).json();
        QCOMPARE(str(session, "currentTier"), QStringLiteral("HUMAN_AGENT"));
        QStringList roles;
        for (const QJsonValue &m : session.value(QLatin1String("messages")).toArray())
            roles << str(m.toObject(), "role");
        QVERIFY2(roles.count(QStringLiteral("customer")) >= 2, qPrintable(roles.join(QLatin1Char(','))));
        QVERIFY2(roles.contains(QStringLiteral("ai_rep")) || roles.contains(QStringLiteral("ai_manager")),
            qPrintable(roles.join(QLatin1Char(','))));
    }
    QCOMPARE(states, (QSet<QString>{QStringLiteral("ok"), QStringLiteral("warning"), QStringLiteral("breached")}));
    QVERIFY2(reasons.size() >= 2, qPrintable(QStringList(reasons.values()).join(QLatin1Char(','))));
    QCOMPARE(customers.size(), added); // a different customer each

    // Seed 004's agent profiles are the desk's people, each once though seeded twice.
    QStringList people;
    for (const QJsonValue &v : admin.get(QStringLiteral("/api/cs/agents?companyId=") + company)
                                   .json()
                                   .value(QLatin1String("agents"))
                                   .toArray()) {
        const QJsonObject a = v.toObject();
        QStringList queues;
        for (const QJsonValue &q : a.value(QLatin1String("queues")).toArray())
            queues << q.toString();
        people << str(a, "name") + QLatin1Char(':') + queues.join(QLatin1Char(','));
    }
    QVERIFY2(people.count(QStringLiteral("John Perry:inquiries")) == 1, qPrintable(people.join(QLatin1Char(' '))));
    QVERIFY2(people.count(QStringLiteral("Douglas Smith:complaints")) == 1, qPrintable(people.join(QLatin1Char(' '))));
    QVERIFY(serve.terminate());
}

QTEST_MAIN(TestDemoDesk)
#include "tst_demodesk.moc"
