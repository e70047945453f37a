// ConversationView at a team's desk, against a stand-in API: a reply while a colleague types
// one asks first (a note never does), the note box says it is a note and offers colleagues
// after "@", a web visitor is named by the name they gave (never the raw id, and the session id
// out of the title), the canned picker takes the highlighted entry on Enter and reads the list
// again each time it opens, and the resolve dialog shows and sends the closing message, then
// asks for the next conversation.
#include "tests/ui/DeskJson.h"
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/MentionCompleter.h"
#include "ui/views/ReplyBox.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCompleter>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QByteArray kSession = "GET /api/cs/sessions/sess_1";
const QByteArray kReply = "POST /api/cs/sessions/sess_1/agent-messages";
const QByteArray kCanned = "GET /api/cs/canned-responses";
const QByteArray kClosing = "GET /api/cs/sessions/sess_1/closing-message";
const QByteArray kResolve = "POST /api/cs/sessions/sess_1/resolve";

QJsonObject sessionJson(const QJsonObject &customer)
{
    return {{QStringLiteral("id"), QStringLiteral("sess_1")}, {QStringLiteral("channel"), QStringLiteral("chat")},
        {QStringLiteral("currentTier"), QStringLiteral("HUMAN_AGENT")},
        {QStringLiteral("status"), QStringLiteral("ESCALATED")},
        {QStringLiteral("messages"),
            QJsonArray{
                message(QStringLiteral("msg_1"), QStringLiteral("customer"), QStringLiteral("Where is my parcel?"))}},
        {QStringLiteral("context"), QJsonObject{{QStringLiteral("customer"), customer}}}};
}

QJsonObject ben()
{
    return {{QStringLiteral("id"), QStringLiteral("cust_ben")}, {QStringLiteral("name"), QStringLiteral("Ben Ortiz")}};
}

QJsonObject sent(const QString &id, const QString &role)
{
    return {{QStringLiteral("message"), message(id, role, QStringLiteral("x"))}};
}

QJsonObject viewers(const QString &name, bool typing, bool internal)
{
    return {{QStringLiteral("type"), QStringLiteral("viewers")},
        {QStringLiteral("sessionId"), QStringLiteral("sess_1")},
        {QStringLiteral("viewers"),
            QJsonArray{
                QJsonObject{{QStringLiteral("agentId"), QStringLiteral("agt_bob")}, {QStringLiteral("name"), name},
                    {QStringLiteral("typing"), typing}, {QStringLiteral("internal"), internal}}}}};
}

QJsonObject canned(const QString &id, const QString &shortcut, const QString &title)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("shortcut"), shortcut}, {QStringLiteral("title"), title}};
}

struct Fixture {
    StubApi api;
    ApiClient client;
    ConversationView view{client};

    bool openSession(const QJsonObject &customer = ben())
    {
        api.script(kSession, {{200, sessionJson(customer)}});
        client.setBaseUrl(QUrl(api.url()));
        client.setToken("t");
        view.resize(1000, 700);
        view.show();
        view.activateWindow();
        view.open(QStringLiteral("sess_1"));
        return QTest::qWaitFor([&] { return view.transcript().rowCount() == 1; }, 5000);
    }
    void write(const QString &text)
    {
        view.replyBox()->editor()->setFocus();
        QTest::keyClicks(view.replyBox()->editor(), text);
    }
    void submit() { QTest::keyClick(view.replyBox()->editor(), Qt::Key_Return, Qt::ControlModifier); }
    QString title() const { return view.findChild<QLabel *>(QStringLiteral("conversationTitle"))->text(); }
};

} // namespace

class TestConversationTeam : public QObject {
    Q_OBJECT

private slots:
    void replyWhileAColleagueTypesOneAsksFirst();
    void noteWhileAColleagueTypesIsNotAsked();
    void noteBoxSaysItIsANote();
    void atInANoteOffersColleagues();
    void visitorNamedByTheNameTheyGave();
    void sessionIdOutOfTheTitle();
    void cannedPickerEnterTakesTheHighlightedOne();
    void cannedListReadAgainWhenThePickerOpens();
    void cannedListReadAgainWhenSettingsChangeIt();
    void resolveShowsAndSendsTheClosingMessage();
    void resolveWithoutAClosingMessage();
    void resolveLeavesTheDefaultWhenItCannotBeRead();
};

void TestConversationTeam::replyWhileAColleagueTypesOneAsksFirst()
{
    Fixture f;
    f.api.script(kReply, {{201, sent(QStringLiteral("msg_2"), QStringLiteral("human_agent"))}});
    QVERIFY(f.openSession());
    f.view.applyEvents({viewers(QStringLiteral("Bob Baker"), true, false)});
    f.write(QStringLiteral("On it"));
    f.submit();
    QVERIFY(f.view.bannerVisible());
    QCOMPARE(f.view.bannerText(), QStringLiteral("Bob Baker is typing a reply. Send yours anyway?"));
    QCOMPARE(f.api.to(kReply).size(), 0);

    // "Don't send": the draft stays, nothing goes.
    f.view.findChild<QPushButton *>(QStringLiteral("dontSend"))->click();
    QVERIFY(!f.view.bannerVisible());
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("On it"));
    QCOMPARE(f.api.to(kReply).size(), 0);

    // Asked again; "Send anyway" sends it as it is (no force: the customer wrote nothing new).
    f.submit();
    QVERIFY(f.view.bannerVisible());
    auto *send = f.view.findChild<QPushButton *>(QStringLiteral("sendAnyway"));
    QVERIFY(send->isVisible());
    send->click();
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 1, 5000);
    const QJsonObject body = f.api.to(kReply).first().json();
    QCOMPARE(body.value(QLatin1String("content")).toString(), QStringLiteral("On it"));
    QVERIFY(!body.value(QLatin1String("internal")).toBool());
    QVERIFY(!body.contains(QLatin1String("force")));
    QTRY_VERIFY_WITH_TIMEOUT(f.view.replyBox()->text().isEmpty(), 5000);
    QVERIFY(!f.view.bannerVisible());

    // Bob stopped typing: a reply goes at once.
    f.view.applyEvents({viewers(QStringLiteral("Bob Baker"), false, false)});
    f.write(QStringLiteral("Done"));
    f.submit();
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 2, 5000);
    QVERIFY(!f.view.bannerVisible());
}

void TestConversationTeam::noteWhileAColleagueTypesIsNotAsked()
{
    Fixture f;
    f.api.script(kReply,
        {{201, sent(QStringLiteral("n1"), QStringLiteral("internal_note"))},
            {201, sent(QStringLiteral("msg_3"), QStringLiteral("human_agent"))}});
    QVERIFY(f.openSession());
    f.view.applyEvents({viewers(QStringLiteral("Bob Baker"), true, false)});
    f.view.toggleNote();
    f.write(QStringLiteral("Bob, the order is ORD-1001"));
    f.submit();
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 1, 5000);
    QVERIFY(f.api.to(kReply).first().json().value(QLatin1String("internal")).toBool());
    QVERIFY(!f.view.bannerVisible());

    // Bob writes a note, not a reply: a reply is not asked either.
    f.view.applyEvents({viewers(QStringLiteral("Bob Baker"), true, true)});
    f.view.toggleNote();
    QTRY_VERIFY_WITH_TIMEOUT(f.view.replyBox()->text().isEmpty(), 5000);
    f.write(QStringLiteral("Hello Ben"));
    f.submit();
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 2, 5000);
    QVERIFY(!f.view.bannerVisible());
}

void TestConversationTeam::noteBoxSaysItIsANote()
{
    Fixture f;
    QVERIFY(f.openSession());
    ReplyBox *box = f.view.replyBox();
    auto *hint = box->findChild<QLabel *>(QStringLiteral("noteHint"));
    QVERIFY(hint && !hint->isVisible());
    QVERIFY(box->noteHint().isEmpty());
    QVERIFY(!box->editor()->placeholderText().contains(QLatin1String("note")));
    f.view.toggleNote();
    QVERIFY(hint->isVisible());
    QCOMPARE(box->noteHint(), QStringLiteral("Internal note — only your team sees this"));
    QVERIFY(box->editor()->placeholderText().startsWith(QStringLiteral("Internal note — only your team sees this")));
    QVERIFY(box->editor()->styleSheet().contains(QLatin1String("#fff8d6")));
    QCOMPARE(box->findChild<QPushButton *>(QStringLiteral("sendButton"))->text(), QStringLiteral("Add note"));
    f.view.toggleNote();
    QVERIFY(!hint->isVisible());
    QVERIFY(box->editor()->styleSheet().isEmpty());
}

void TestConversationTeam::atInANoteOffersColleagues()
{
    Fixture f;
    const auto agent = [](const char *id, const char *name) {
        return QJsonObject{{QStringLiteral("id"), QLatin1String(id)}, {QStringLiteral("name"), QLatin1String(name)}};
    };
    f.api.script("GET /api/cs/agents",
        {{200,
            {{QStringLiteral("agents"),
                QJsonArray{
                    agent("agt_bob", "Bob Baker"), agent("agt_kim", "Kim Lee"), agent("agt_sue", "Sue Baker")}}}}});
    QVERIFY(f.openSession());
    QAbstractItemView *popup = f.view.replyBox()->mentions()->completer()->popup();

    // In a reply "@" is only a character.
    f.write(QStringLiteral("Mail @"));
    QVERIFY(!popup->isVisible());
    QCOMPARE(f.api.to("GET /api/cs/agents").size(), 0);
    f.view.replyBox()->clear();

    f.view.toggleNote();
    f.write(QStringLiteral("Ask @"));
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to("GET /api/cs/agents").size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    QCOMPARE(popup->model()->rowCount(), 3);
    QTest::keyClicks(f.view.replyBox()->editor(), QStringLiteral("bak"));
    QCOMPARE(popup->model()->rowCount(), 2); // Bob Baker, Sue Baker
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("Ask @Sue Baker "));
    QVERIFY(!popup->isVisible());
    QTest::keyClicks(f.view.replyBox()->editor(), QStringLiteral("about it"));
    QVERIFY(!popup->isVisible());
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("Ask @Sue Baker about it"));

    // An e-mail address is no mention.
    QCOMPARE(MentionCompleter::mentionStart(QStringLiteral("mail ben@example"), 16), -1);
    QCOMPARE(MentionCompleter::mentionStart(QStringLiteral("@Kim"), 4), 0);
    QCOMPARE(MentionCompleter::mentionStart(QStringLiteral("hi\n@Kim"), 7), 3);
}

void TestConversationTeam::visitorNamedByTheNameTheyGave()
{
    const QJsonObject anonymous{{QStringLiteral("id"), QStringLiteral("visitor_029e7c6ba0f1d2e3a4b5")},
        {QStringLiteral("name"), QStringLiteral("visitor_029e7c6ba0f1d2e3a4b5")}};
    {
        Fixture f;
        QVERIFY(f.openSession(anonymous));
        QCOMPARE(f.title(), QStringLiteral("Web visitor 029e7c"));
        QVERIFY(
            !f.view.findChild<QLabel *>(QStringLiteral("customerContext"))->text().contains(QLatin1String("visitor_")));
        // The queue's line has the name the visitor gave.
        QJsonObject item = queueItem(spec(QStringLiteral("sess_1")));
        item.insert(QStringLiteral("customer"),
            QJsonObject{{QStringLiteral("id"), anonymous.value(QLatin1String("id"))},
                {QStringLiteral("name"), QStringLiteral("Lena Vogel")}});
        f.view.setQueueItem(item);
        QCOMPARE(f.title(), QStringLiteral("Lena Vogel"));
    }
    Fixture f;
    QJsonObject named = anonymous;
    named.insert(QStringLiteral("name"), QStringLiteral("Lena Vogel"));
    QVERIFY(f.openSession(named));
    QCOMPARE(f.title(), QStringLiteral("Lena Vogel"));
    QVERIFY(
        f.view.findChild<QLabel *>(QStringLiteral("customerContext"))->text().contains(QLatin1String("Lena Vogel")));
}

void TestConversationTeam::sessionIdOutOfTheTitle()
{
    Fixture f;
    QVERIFY(f.openSession());
    auto *title = f.view.findChild<QLabel *>(QStringLiteral("conversationTitle"));
    QCOMPARE(title->text(), QStringLiteral("Ben Ortiz"));
    QVERIFY(
        !f.view.findChild<QLabel *>(QStringLiteral("conversationSubtitle"))->text().contains(QLatin1String("sess_1")));
    QVERIFY(title->toolTip().contains(QLatin1String("sess_1")));
    QApplication::clipboard()->clear();
    f.view.findChild<QAction *>(QStringLiteral("copySessionId"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("sess_1"));
}

void TestConversationTeam::cannedPickerEnterTakesTheHighlightedOne()
{
    Fixture f;
    f.api.script(
        "POST /api/cs/canned-responses/cr_0/render", {{200, {{QStringLiteral("content"), QStringLiteral("Bye!")}}}});
    f.api.script("POST /api/cs/canned-responses/cr_1/render",
        {{200, {{QStringLiteral("content"), QStringLiteral("It ships today.")}}}});
    QVERIFY(f.openSession());
    f.view.setCannedResponses(
        QJsonArray{canned(QStringLiteral("cr_0"), QStringLiteral("bye"), QStringLiteral("Goodbye")),
            canned(QStringLiteral("cr_1"), QStringLiteral("ship"), QStringLiteral("Shipping update"))});
    QAbstractItemView *popup = f.view.replyBox()->findChild<QCompleter *>()->popup();
    f.write(QStringLiteral("/"));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    // The first one is highlighted as the picker opens: Enter takes it.
    QCOMPARE(popup->currentIndex().row(), 0);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(f.view.replyBox()->text(), QStringLiteral("Bye!"), 5000);

    // Down moves the highlight; Enter takes that one.
    f.view.replyBox()->clear();
    f.write(QStringLiteral("/"));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    QTest::keyClick(popup, Qt::Key_Down);
    QCOMPARE(popup->currentIndex().row(), 1);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(f.view.replyBox()->text(), QStringLiteral("It ships today."), 5000);
    QCOMPARE(f.api.to("POST /api/cs/canned-responses/cr_1/render").size(), 1);
}

void TestConversationTeam::cannedListReadAgainWhenThePickerOpens()
{
    Fixture f;
    QVERIFY(f.openSession());
    f.view.setCannedResponses(
        QJsonArray{canned(QStringLiteral("cr_0"), QStringLiteral("bye"), QStringLiteral("Goodbye"))});
    // A supervisor added one in Settings meanwhile.
    f.api.script(kCanned,
        {{200,
            {{QStringLiteral("cannedResponses"),
                QJsonArray{canned(QStringLiteral("cr_0"), QStringLiteral("bye"), QStringLiteral("Goodbye")),
                    canned(QStringLiteral("cr_2"), QStringLiteral("refund"), QStringLiteral("Refund on its way"))}}}}});
    QAbstractItemView *popup = f.view.replyBox()->findChild<QCompleter *>()->popup();
    f.write(QStringLiteral("/"));
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kCanned).size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(popup->model()->rowCount(), 2, 5000);
    QVERIFY(popup->isVisible());
    QCOMPARE(f.view.replyBox()->cannedIdFor(QStringLiteral("/refund — Refund on its way")), QStringLiteral("cr_2"));
    // Narrowing asks nothing more; a new "/" reads again.
    QTest::keyClicks(f.view.replyBox()->editor(), QStringLiteral("ref"));
    QTRY_COMPARE_WITH_TIMEOUT(popup->model()->rowCount(), 1, 5000);
    QCOMPARE(f.api.to(kCanned).size(), 1);
}

void TestConversationTeam::cannedListReadAgainWhenSettingsChangeIt()
{
    Fixture f;
    QVERIFY(f.openSession());
    f.api.script(kCanned,
        {{200,
            {{QStringLiteral("cannedResponses"),
                QJsonArray{canned(QStringLiteral("cr_3"), QStringLiteral("thanks"), QStringLiteral("Thank you"))}}}}});
    emit f.client.cannedResponsesChanged(); // Settings › Canned responses saved one
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kCanned).size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(
        f.view.replyBox()->cannedIdFor(QStringLiteral("/thanks — Thank you")), QStringLiteral("cr_3"), 5000);
}

void TestConversationTeam::resolveShowsAndSendsTheClosingMessage()
{
    Fixture f;
    f.api.script(kClosing,
        {{200, {{QStringLiteral("closingMessage"), QStringLiteral("Thank you for contacting us, Ben. Goodbye!")}}}});
    f.api.script(kResolve, {{200, sessionJson(ben())}});
    QVERIFY(f.openSession());
    QSignalSpy next(&f.view, &ConversationView::nextWanted);
    f.view.showResolve();
    auto *dialog = f.view.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog && dialog->isVisible());
    auto *closing = dialog->findChild<QPlainTextEdit *>(QStringLiteral("closingMessage"));
    QTRY_COMPARE_WITH_TIMEOUT(
        closing->toPlainText(), QStringLiteral("Thank you for contacting us, Ben. Goodbye!"), 5000);
    QVERIFY(dialog->openNext());
    closing->setPlainText(QStringLiteral("Glad the kettle works again, Ben!"));
    dialog->setResolutionType(QStringLiteral("ISSUE_RESOLVED"));
    dialog->accept();
    QVERIFY(next.wait(5000));
    QCOMPARE(next.first().first().toString(), QStringLiteral("sess_1"));
    const QJsonObject body = f.api.to(kResolve).first().json();
    QCOMPARE(
        body.value(QLatin1String("closingMessage")).toString(), QStringLiteral("Glad the kettle works again, Ben!"));
    QCOMPARE(body.value(QLatin1String("resolutionType")).toString(), QStringLiteral("ISSUE_RESOLVED"));

    // Too long a message cannot be sent.
    QTRY_VERIFY(f.view.findChildren<ResolveDialog *>().isEmpty());
    f.view.showResolve();
    dialog = f.view.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(dialog && dialog->isVisible());
    dialog->setClosingMessage(QString(ResolveDialog::kMaxClosingChars + 1, QLatin1Char('x')));
    QPushButton *ok = nullptr;
    for (QPushButton *b : dialog->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Resolve"))
            ok = b;
    QVERIFY(ok && !ok->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("closingMessageNote"))->text().contains(QLatin1String("2001")));
    dialog->reject();
}

void TestConversationTeam::resolveWithoutAClosingMessage()
{
    Fixture f;
    f.api.script(kClosing, {{200, {{QStringLiteral("closingMessage"), QStringLiteral("Goodbye!")}}}});
    f.api.script(kResolve, {{200, sessionJson(ben())}});
    QVERIFY(f.openSession());
    QSignalSpy next(&f.view, &ConversationView::nextWanted);
    QSignalSpy resolved(&f.view, &ConversationView::resolved);
    f.view.showResolve();
    auto *dialog = f.view.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->closingMessage().value_or(QString()), QStringLiteral("Goodbye!"), 5000);
    dialog->findChild<QCheckBox *>(QStringLiteral("sendClosingMessage"))->setChecked(false);
    QVERIFY(!dialog->findChild<QPlainTextEdit *>(QStringLiteral("closingMessage"))->isEnabled());
    dialog->setOpenNext(false);
    dialog->accept();
    QVERIFY(resolved.wait(5000));
    const QJsonObject body = f.api.to(kResolve).first().json();
    QVERIFY(body.contains(QLatin1String("closingMessage")));
    QCOMPARE(body.value(QLatin1String("closingMessage")).toString(), QString());
    QCOMPARE(next.size(), 0); // stays on the resolved conversation
}

void TestConversationTeam::resolveLeavesTheDefaultWhenItCannotBeRead()
{
    Fixture f; // GET closing-message is not scripted: 404
    f.api.script(kResolve, {{200, sessionJson(ben())}});
    QVERIFY(f.openSession());
    QSignalSpy resolved(&f.view, &ConversationView::resolved);
    f.view.showResolve();
    auto *dialog = f.view.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kClosing).size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPlainTextEdit *>(QStringLiteral("closingMessage"))
                                 ->placeholderText()
                                 .contains(QLatin1String("usual closing message")),
        5000);
    QVERIFY(!dialog->closingMessage().has_value());
    dialog->accept();
    QVERIFY(resolved.wait(5000));
    QVERIFY(!f.api.to(kResolve).first().json().contains(QLatin1String("closingMessage")));
}

QTEST_MAIN(TestConversationTeam)
#include "tst_conversationteam.moc"
