// Two people at work on one real embedded server, through the console:
// claim -> reply (a WebSocket client of the session receives it) -> resolve,
// and a second console that sees the first one's claim live, and who else has a conversation
// open and writes in it; a reply while a colleague types one asks first; after a resolve the
// next conversation opens with the closing message the agent chose; a customer's low rating
// reaches a supervisor's notifications, an @mention in a note the colleague's; a web chat
// visitor is named by the name they gave.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ClientWait.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/models/NotificationsModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/MentionCompleter.h"
#include "ui/views/NotificationsButton.h"
#include "ui/views/QueueView.h"
#include "ui/views/ReplyBox.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");

// Starts both consoles' sessions and waits until each one's live events are subscribed.
bool startLive(MainWindow &first, ApiClient &firstClient, MainWindow &second, ApiClient &secondClient)
{
    QSignalSpy firstLive(&firstClient.events(), &EventStream::subscribed);
    QSignalSpy secondLive(&secondClient.events(), &EventStream::subscribed);
    first.startSession();
    second.startSession();
    return (firstLive.wait(5000) || !firstLive.isEmpty()) && (secondLive.wait(5000) || !secondLive.isEmpty());
}
} // namespace

class TestDeskFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void claimReplyReachesTheCustomerThenResolve();
    void secondConsoleSeesTheClaimLive();
    void replyClaimsOrIsRefusedInTheConversation();
    void colleagueInTheConversationShownLive();
    void replyWhileAColleagueTypesAsksFirst();
    void resolveGoesOnToTheNextConversation();
    void lowRatingNotifiesTheSupervisor();
    void resolveSendsTheClosingMessageChosen();
    void mentionInANoteNotifiesTheColleague();
    void webVisitorNamedByTheNameTheyGave();

private:
    QString escalatedSession(const QString &text);
    bool login(ApiClient &client, const QString &email);
    // A person of the test's company (created once), for a test that needs a desk of their own.
    bool addAgent(const QString &email, const QString &name, const QString &role = QStringLiteral("agent"));
    QStringList contents(ApiClient &client, const QString &sessionId);
    // A web chat visitor (seed 003's chat, `userId` their name, none: anonymous) who asks for a person.
    QString visitorAsksForAPerson(const QString &userId);

    ServerFixture m_server;
    QByteArray m_widgetKey;
};

void TestDeskFlow::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    auto http = m_server.client(api::Role::Agent);
    if (http->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId()).status == 404)
        QSKIP("GET /api/cs/queue is not on this tree yet (the desk routes)");
    for (const auto &[email, name] : {std::pair{QStringLiteral("ann@example.com"), QStringLiteral("Ann Archer")},
             std::pair{QStringLiteral("bob@example.com"), QStringLiteral("Bob Baker")}}) {
        NewAgent a;
        a.companyId = m_server.companyId();
        a.email = email;
        a.name = name;
        QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}).ok());
    }
}

QString TestDeskFlow::escalatedSession(const QString &text)
{
    HttpClient customer(m_server.port(), m_server.token(api::Role::Client));
    const QJsonObject created = customer
                                    .post(QStringLiteral("/api/cs/sessions"),
                                        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), text))
                                    .json();
    const QString id = created.value(QLatin1String("id")).toString();
    // Asking for a person in the first message already hands the session over.
    if (created.value(QLatin1String("currentTier")).toString() == QLatin1String("HUMAN_AGENT"))
        return id;
    const HttpResult r = customer.post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    if (r.status != 200)
        qWarning() << "escalate:" << r.status << r.body;
    return r.status == 200 ? id : QString();
}

bool TestDeskFlow::addAgent(const QString &email, const QString &name, const QString &role)
{
    NewAgent a;
    a.role = role;
    a.companyId = m_server.companyId();
    a.email = email;
    a.name = name;
    return m_server.runtime().agents().create(a, kPassword, Actor{}).ok();
}

QString TestDeskFlow::visitorAsksForAPerson(const QString &userId)
{
    if (m_widgetKey.isEmpty()) {
        const HttpResult key = m_server.client(api::Role::Admin)
                                   ->post(QStringLiteral("/api/cs/tokens"),
                                       {{QStringLiteral("kind"), QStringLiteral("widget")},
                                           {QStringLiteral("name"), QStringLiteral("web")}});
        m_widgetKey = key.json().value(QLatin1String("key")).toString().toUtf8();
    }
    HttpClient web(m_server.port());
    QJsonObject start;
    if (!userId.isEmpty())
        start.insert(QStringLiteral("userId"), userId);
    const QJsonObject chat = web.send("POST", QStringLiteral("/api/v1/chat/session"), QJsonDocument(start).toJson(),
                                    {{"X-Widget-Key", m_widgetKey}}, false)
                                 .json()
                                 .value(QLatin1String("data"))
                                 .toObject();
    const QString id = chat.value(QLatin1String("sessionId")).toString();
    const QJsonObject say{{QStringLiteral("sessionId"), id},
        {QStringLiteral("message"), QStringLiteral("I want to speak to a human agent")}};
    const HttpResult r = web.send("POST", QStringLiteral("/api/v1/chat/message"), QJsonDocument(say).toJson(),
        {{"X-Visitor-Secret", chat.value(QLatin1String("visitorSecret")).toString().toUtf8()}}, false);
    return r.status == 200 ? id : QString();
}

QStringList TestDeskFlow::contents(ApiClient &client, const QString &sessionId)
{
    QStringList out;
    for (const QJsonValue &m : waitFor(client.session(sessionId)).body.value(QLatin1String("messages")).toArray())
        out << m.toObject().value(QLatin1String("content")).toString();
    return out;
}

bool TestDeskFlow::login(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

void TestDeskFlow::claimReplyReachesTheCustomerThenResolve()
{
    ApiClient client;
    QVERIFY(login(client, QStringLiteral("ann@example.com")));
    MainWindow w(client);
    w.show();
    QSignalSpy subscribed(&client.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));

    const QString id = escalatedSession(QStringLiteral("I want to talk to a person about my order"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel().rowOf(id) >= 0, 5000); // queue.added, live

    // The customer's own client listens on the session.
    QWebSocket customer;
    QList<QJsonObject> frames;
    connect(&customer, &QWebSocket::textMessageReceived, this,
        [&](const QString &t) { frames << QJsonDocument::fromJson(t.toUtf8()).object(); });
    customer.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/cs/ws?token=%2")
                           .arg(m_server.port())
                           .arg(QString::fromLatin1(m_server.token(api::Role::Client)))));
    QTRY_VERIFY_WITH_TIMEOUT(customer.state() == QAbstractSocket::ConnectedState, 5000);
    customer.sendTextMessage(QStringLiteral(R"({"type":"subscribe","sessionId":"%1"})").arg(id));
    QTRY_VERIFY_WITH_TIMEOUT(
        !frames.isEmpty() && frames.last().value(QLatin1String("type")).toString() == QLatin1String("subscribed"),
        5000);

    QVERIFY(w.queueView()->selectSession(id));
    w.claimCurrent();
    QTRY_COMPARE_WITH_TIMEOUT(w.conversation()->sessionId(), id, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        w.queueModel().index(w.queueModel().rowOf(id), 0).data(QueueModel::AssigneeIdRole).toString(), client.agentId(),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(w.conversation()->transcript().rowCount() >= 1, 5000);

    ReplyBox *reply = w.conversation()->replyBox();
    reply->setText(QStringLiteral("Hi Ben, Ann here. Let me look at your order."));
    QTest::keyClick(reply->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonObject &f : frames) {
                const QJsonObject m
                    = f.value(QLatin1String("data")).toObject().value(QLatin1String("message")).toObject();
                if (f.value(QLatin1String("type")).toString() == QLatin1String("message")
                    && m.value(QLatin1String("role")).toString() == QLatin1String("human_agent")
                    && m.value(QLatin1String("content")).toString().startsWith(QLatin1String("Hi Ben, Ann here")))
                    return true;
            }
            return false;
        }(),
        5000);
    QTRY_VERIFY_WITH_TIMEOUT(reply->text().isEmpty(), 5000);

    w.conversation()->showResolve();
    auto *dialog = w.conversation()->findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog);
    dialog->setResolutionType(QStringLiteral("INFORMATION_PROVIDED"));
    dialog->setSummary(QStringLiteral("Told Ben where the parcel is"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel().rowOf(id) < 0, 5000); // queue.removed
    const Outcome s = waitFor(client.session(id));
    QCOMPARE(s.body.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"));
    w.stopSession();
}

void TestDeskFlow::secondConsoleSeesTheClaimLive()
{
    ApiClient ann;
    ApiClient bob;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    QVERIFY(login(bob, QStringLiteral("bob@example.com")));
    MainWindow first(ann);
    MainWindow second(bob);
    QVERIFY(startLive(first, ann, second, bob));
    const QString id = escalatedSession(QStringLiteral("Please get me a human"));
    QTRY_VERIFY_WITH_TIMEOUT(second.queueModel().rowOf(id) >= 0, 5000);
    QCOMPARE(second.queueModel().index(second.queueModel().rowOf(id), 0).data(QueueModel::AssigneeIdRole).toString(),
        QString());

    QTRY_VERIFY_WITH_TIMEOUT(first.queueView()->selectSession(id), 5000);
    first.claimCurrent();
    const auto holder = [&] {
        const int row = second.queueModel().rowOf(id);
        return row < 0 ? QString() : second.queueModel().index(row, QueueModel::Assignee).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(holder(), QStringLiteral("Ann Archer"), 5000);
    // Bob's claim now loses, and says who holds it.
    const Outcome lost = waitFor(bob.claim(id));
    QCOMPARE(lost.status, 409);
    QCOMPARE(lost.error.code, QStringLiteral("CS_025"));
    QCOMPARE(lost.error.details.value(QLatin1String("holder")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("Ann Archer"));
    first.stopSession();
    second.stopSession();
}

void TestDeskFlow::colleagueInTheConversationShownLive()
{
    ApiClient ann;
    ApiClient bob;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    QVERIFY(login(bob, QStringLiteral("bob@example.com")));
    MainWindow first(ann);
    MainWindow second(bob);
    first.show();
    second.show();
    QVERIFY(startLive(first, ann, second, bob));
    const QString id = escalatedSession(QStringLiteral("Please get me a human, the kettle leaks"));
    QVERIFY(!id.isEmpty());
    ConversationView &annSees = *first.conversation();
    ConversationView &bobSees = *second.conversation();

    first.openConversation(id);
    second.openConversation(id);
    // Each sees the other, never themselves.
    QTRY_COMPARE_WITH_TIMEOUT(bobSees.viewersText(), QStringLiteral("Ann Archer is also here"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(annSees.viewersText(), QStringLiteral("Bob Baker is also here"), 5000);

    annSees.replyBox()->editor()->insertPlainText(QStringLiteral("Let me look at your order"));
    QTRY_COMPARE_WITH_TIMEOUT(bobSees.viewersText(), QStringLiteral("Ann Archer is typing a reply…"), 5000);

    // Ann opens another conversation: she left this one.
    const QString other = escalatedSession(QStringLiteral("I need a human about my refund"));
    QVERIFY(!other.isEmpty());
    first.openConversation(other);
    QTRY_COMPARE_WITH_TIMEOUT(bobSees.viewersText(), QString(), 5000);
    first.stopSession();
    second.stopSession();
}

// Once, a reply to an unclaimed escalation left it unclaimed (two people could answer
// one customer). Ann's reply claims it; Bob's reply is refused, and his conversation
// says so above his kept draft (not only the status bar).
void TestDeskFlow::replyClaimsOrIsRefusedInTheConversation()
{
    ApiClient ann;
    ApiClient bob;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    QVERIFY(login(bob, QStringLiteral("bob@example.com")));
    MainWindow first(ann);
    MainWindow second(bob);
    first.show();
    second.show();
    QVERIFY(startLive(first, ann, second, bob));
    const QString id = escalatedSession(QStringLiteral("Could a person look at my order ORD-10004?"));
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(first.queueModel().rowOf(id) >= 0 && second.queueModel().rowOf(id) >= 0, 5000);

    // Both open it without claiming; Ann answers first.
    first.openConversation(id);
    second.openConversation(id);
    QTRY_VERIFY_WITH_TIMEOUT(first.conversation()->transcript().rowCount() >= 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(second.conversation()->transcript().rowCount() >= 1, 5000);
    ReplyBox *annReply = first.conversation()->replyBox();
    annReply->setText(QStringLiteral("Hi Ben, Ann here. I'm on it."));
    QTest::keyClick(annReply->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(annReply->text().isEmpty(), 5000);
    const auto holderIn = [&](MainWindow &w) {
        const int row = w.queueModel().rowOf(id);
        return row < 0 ? QString() : w.queueModel().index(row, 0).data(QueueModel::AssigneeIdRole).toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(holderIn(first), ann.agentId(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(holderIn(second), ann.agentId(), 5000);

    // Bob's reply is refused: the conversation itself says who answers; his draft stays.
    ReplyBox *bobReply = second.conversation()->replyBox();
    const QString draft = QStringLiteral("Hello Ben, Bob here.");
    bobReply->setText(draft);
    QTest::keyClick(bobReply->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(second.conversation()->bannerVisible(), 5000);
    QVERIFY2(second.conversation()->bannerText().contains(QLatin1String("Ann Archer")),
        qPrintable(second.conversation()->bannerText()));
    QCOMPARE(bobReply->text(), draft);
    const Outcome session = waitFor(bob.session(id));
    for (const QJsonValue &m : session.body.value(QLatin1String("messages")).toArray())
        QVERIFY(m.toObject().value(QLatin1String("content")).toString() != draft);
    first.stopSession();
    second.stopSession();
}

// Ann is typing a reply; Bob's reply asks first and goes only when he says so.
void TestDeskFlow::replyWhileAColleagueTypesAsksFirst()
{
    ApiClient ann;
    ApiClient bob;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    QVERIFY(login(bob, QStringLiteral("bob@example.com")));
    MainWindow first(ann);
    MainWindow second(bob);
    first.show();
    second.show();
    QVERIFY(startLive(first, ann, second, bob));
    const QString id = escalatedSession(QStringLiteral("Please get me a human, my parcel is lost"));
    QVERIFY(!id.isEmpty());
    first.openConversation(id);
    second.openConversation(id);
    ConversationView &bobSees = *second.conversation();
    QTRY_VERIFY_WITH_TIMEOUT(bobSees.transcript().rowCount() >= 1, 5000);
    first.conversation()->replyBox()->editor()->insertPlainText(QStringLiteral("Hi, Ann here, let me"));
    QTRY_COMPARE_WITH_TIMEOUT(bobSees.viewersText(), QStringLiteral("Ann Archer is typing a reply…"), 5000);

    const QString mine = QStringLiteral("Hello, Bob here: the parcel is with the carrier.");
    bobSees.replyBox()->setText(mine);
    QTest::keyClick(bobSees.replyBox()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(bobSees.bannerVisible());
    QCOMPARE(bobSees.bannerText(), QStringLiteral("Ann Archer is typing a reply. Send yours anyway?"));
    QVERIFY(!contents(bob, id).contains(mine));

    bobSees.findChild<QPushButton *>(QStringLiteral("sendAnyway"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(bobSees.replyBox()->text().isEmpty(), 5000);
    QVERIFY(contents(bob, id).contains(mine));
    QVERIFY(!bobSees.bannerVisible());
    first.stopSession();
    second.stopSession();
}

// Cat holds two conversations; resolving one opens the other.
void TestDeskFlow::resolveGoesOnToTheNextConversation()
{
    QVERIFY(addAgent(QStringLiteral("cat@example.com"), QStringLiteral("Cat Cole")));
    ApiClient cat;
    QVERIFY(login(cat, QStringLiteral("cat@example.com")));
    MainWindow w(cat);
    w.show();
    QSignalSpy subscribed(&cat.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    const QString done = escalatedSession(QStringLiteral("A human please, the kettle leaks"));
    const QString next = escalatedSession(QStringLiteral("A human please, my invoice is wrong"));
    QVERIFY(!done.isEmpty() && !next.isEmpty());
    QVERIFY(waitFor(cat.claim(done)).ok);
    QVERIFY(waitFor(cat.claim(next)).ok);
    QTRY_COMPARE_WITH_TIMEOUT(
        w.queueModel().index(w.queueModel().rowOf(next), 0).data(QueueModel::AssigneeIdRole).toString(), cat.agentId(),
        5000);

    w.openConversation(done);
    QTRY_VERIFY_WITH_TIMEOUT(w.conversation()->transcript().rowCount() >= 1, 5000);
    w.conversation()->showResolve();
    auto *dialog = w.conversation()->findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog && dialog->openNext());
    dialog->setSummary(QStringLiteral("Sent a new kettle"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(w.conversation()->sessionId(), next, 5000);
    QCOMPARE(waitFor(cat.session(done)).body.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"));
    w.stopSession();
}

// The customer gives 1 of 5 after Ann resolved: Sue (a supervisor) is told at once and opens it.
void TestDeskFlow::lowRatingNotifiesTheSupervisor()
{
    QVERIFY(addAgent(QStringLiteral("sue@example.com"), QStringLiteral("Sue Stone"), QStringLiteral("supervisor")));
    ApiClient sue;
    ApiClient ann;
    QVERIFY(login(sue, QStringLiteral("sue@example.com")));
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    MainWindow w(sue);
    w.show();
    QSignalSpy subscribed(&sue.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    const QString id = escalatedSession(QStringLiteral("A human please, the blender is broken"));
    QVERIFY(!id.isEmpty());
    QVERIFY(waitFor(ann.claim(id)).ok);
    QVERIFY(waitFor(ann.resolve(id, QStringLiteral("UNRESOLVED"), QStringLiteral("Could not help"))).ok);
    HttpClient customer(m_server.port(), m_server.token(api::Role::Client));
    const HttpResult rated = customer.post(QStringLiteral("/api/cs/sessions/%1/satisfaction").arg(id),
        {{QStringLiteral("rating"), 1}, {QStringLiteral("comment"), QStringLiteral("Nobody helped")}});
    QCOMPARE(rated.status, 201);

    NotificationsButton *button = w.notificationsButton();
    QTRY_COMPARE_WITH_TIMEOUT(button->model().rowCount(), 1, 5000);
    const QString text = button->model().index(0).data().toString();
    QVERIFY2(text.contains(QStringLiteral("rated the conversation 1 of 5: “Nobody helped” (answered by Ann Archer)")),
        qPrintable(text));
    QVERIFY(!w.notifications().isEmpty() && w.notifications().last().startsWith(QLatin1String("Low rating: ")));
    button->choose(0);
    QTRY_COMPARE_WITH_TIMEOUT(w.conversation()->sessionId(), id, 5000);
    QCOMPARE(button->model().rowCount(), 0);
    w.stopSession();
}

// Ann resolves with her own closing message: the customer gets hers, not the default; without one, none.
void TestDeskFlow::resolveSendsTheClosingMessageChosen()
{
    ApiClient ann;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    MainWindow w(ann);
    w.show();
    QSignalSpy subscribed(&ann.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    const QString id = escalatedSession(QStringLiteral("A human please, the toaster sparks"));
    QVERIFY(!id.isEmpty());
    QVERIFY(waitFor(ann.claim(id)).ok);
    const QString byDefault = waitFor(ann.closingMessage(id)).body.value(QLatin1String("closingMessage")).toString();
    QVERIFY(!byDefault.isEmpty());

    w.openConversation(id);
    QTRY_VERIFY_WITH_TIMEOUT(w.conversation()->transcript().rowCount() >= 1, 5000);
    w.conversation()->showResolve();
    auto *dialog = w.conversation()->findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog);
    auto *closing = dialog->findChild<QPlainTextEdit *>(QStringLiteral("closingMessage"));
    QTRY_COMPARE_WITH_TIMEOUT(closing->toPlainText(), byDefault, 5000); // shown as the customer will get it
    const QString mine = QStringLiteral("A new toaster leaves our warehouse today. Sorry for the scare!");
    closing->setPlainText(mine);
    dialog->setOpenNext(false);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        waitFor(ann.session(id)).body.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"), 5000);
    const QStringList said = contents(ann, id);
    QVERIFY2(said.contains(mine), qPrintable(said.join(QLatin1Char('|'))));
    QVERIFY(!said.contains(byDefault));

    // None at all: the customer gets no closing message.
    const QString quiet = escalatedSession(QStringLiteral("A human please, my parcel is late"));
    QVERIFY(waitFor(ann.claim(quiet)).ok);
    const int before = static_cast<int>(contents(ann, quiet).size());
    w.openConversation(quiet);
    QTRY_COMPARE_WITH_TIMEOUT(w.conversation()->sessionId(), quiet, 5000);
    QTRY_VERIFY(w.conversation()->findChildren<ResolveDialog *>().isEmpty());
    w.conversation()->showResolve();
    dialog = w.conversation()->findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog);
    dialog->setSendClosingMessage(false);
    dialog->setOpenNext(false);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        waitFor(ann.session(quiet)).body.value(QLatin1String("status")).toString(), QStringLiteral("RESOLVED"), 5000);
    QCOMPARE(contents(ann, quiet).size(), before);
    w.stopSession();
}

// Ann writes "@Bob Baker" in a note (picked from the list): Bob is told live, and choosing it
// opens the conversation and marks it read.
void TestDeskFlow::mentionInANoteNotifiesTheColleague()
{
    ApiClient ann;
    ApiClient bob;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    QVERIFY(login(bob, QStringLiteral("bob@example.com")));
    MainWindow first(ann);
    MainWindow second(bob);
    first.show();
    second.show();
    QVERIFY(startLive(first, ann, second, bob));
    const QString id = escalatedSession(QStringLiteral("A human please, my invoice is wrong"));
    QVERIFY(!id.isEmpty());
    first.openConversation(id);
    ConversationView &annSees = *first.conversation();
    QTRY_VERIFY_WITH_TIMEOUT(annSees.transcript().rowCount() >= 1, 5000);
    annSees.toggleNote();
    ReplyEdit *edit = annSees.replyBox()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("@"));
    QAbstractItemView *popup = annSees.replyBox()->mentions()->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000); // the company's people, read from the server
    QTest::keyClicks(edit, QStringLiteral("Bob B"));
    QTRY_COMPARE_WITH_TIMEOUT(popup->model()->rowCount(), 1, 5000);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(annSees.replyBox()->text(), QStringLiteral("@Bob Baker "));
    QTest::keyClicks(edit, QStringLiteral("could you check the invoice?"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(annSees.replyBox()->text().isEmpty(), 5000);

    NotificationsButton *bell = second.notificationsButton();
    QTRY_COMPARE_WITH_TIMEOUT(bell->model().rowCount(), 1, 5000);
    QCOMPARE(bell->model().index(0).data(NotificationsModel::SessionIdRole).toString(), id);
    QVERIFY2(bell->model().index(0).data().toString().startsWith(QStringLiteral("Ann Archer mentioned you")),
        qPrintable(bell->model().index(0).data().toString()));
    QCOMPARE(waitFor(bob.mentions(true)).body.value(QLatin1String("mentions")).toArray().size(), 1);
    bell->choose(0);
    QTRY_COMPARE_WITH_TIMEOUT(second.conversation()->sessionId(), id, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        waitFor(bob.mentions(true)).body.value(QLatin1String("mentions")).toArray().size(), 0, 5000);
    first.stopSession();
    second.stopSession();
}

// On the desk a web visitor is the name they gave, or "Web visitor" and a short id; never the raw id.
void TestDeskFlow::webVisitorNamedByTheNameTheyGave()
{
    ApiClient ann;
    QVERIFY(login(ann, QStringLiteral("ann@example.com")));
    MainWindow w(ann);
    w.show();
    QSignalSpy subscribed(&ann.events(), &EventStream::subscribed);
    w.startSession();
    QVERIFY(subscribed.wait(5000));
    const QString lena = visitorAsksForAPerson(QStringLiteral("Lena Vogel"));
    const QString anonymous = visitorAsksForAPerson({});
    QVERIFY(!lena.isEmpty() && !anonymous.isEmpty());
    auto *title = w.conversation()->findChild<QLabel *>(QStringLiteral("conversationTitle"));

    w.openConversation(lena);
    QTRY_COMPARE_WITH_TIMEOUT(title->text(), QStringLiteral("Lena Vogel"), 5000);
    QVERIFY(title->toolTip().contains(lena)); // the session id: in the tooltip, not the heading

    w.openConversation(anonymous);
    QTRY_VERIFY_WITH_TIMEOUT(title->text().startsWith(QLatin1String("Web visitor ")), 5000);
    QVERIFY2(!title->text().contains(QLatin1String("visitor_")) && !title->text().contains(anonymous),
        qPrintable(title->text()));
    w.stopSession();
}

QTEST_MAIN(TestDeskFlow)
#include "tst_deskflow.moc"
