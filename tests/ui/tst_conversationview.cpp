// ConversationView against a stand-in API: stale replies (409 CS_027) and
// "send anyway", the canned-response picker and its missing placeholders,
// claim conflicts, the transfer and resolve dialogs, and the AI help beside the reply box (a
// draft that fills the box and never sends, with the guard's notes; improve in one undo step; a
// summary panel; a translation beside the original; "needs a model" said plainly) and how an AI
// reply was made (model, tokens, latency, the built-in responder's fallback).
#include "tests/ui/DeskJson.h"
#include "tests/ui/StubApi.h"
#include "ui/client/ApiClient.h"
#include "ui/dialogs/ResolveDialog.h"
#include "ui/dialogs/TransferDialog.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/AssistPanel.h"
#include "ui/views/ContextPanel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/ReplyBox.h"
#include "ui/views/SentimentChart.h"
#include "ui/views/TranscriptView.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QByteArray kSession = "GET /api/cs/sessions/sess_1";
const QByteArray kReply = "POST /api/cs/sessions/sess_1/agent-messages";
const QByteArray kAssist = "POST /api/cs/sessions/sess_1/assist";

QJsonObject errorBody(const QString &code, const QJsonObject &details)
{
    return {{QStringLiteral("error"),
        QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), QStringLiteral("refused")},
            {QStringLiteral("details"), details}}}};
}

QJsonObject sessionJson()
{
    return {{QStringLiteral("id"), QStringLiteral("sess_1")}, {QStringLiteral("channel"), QStringLiteral("chat")},
        {QStringLiteral("currentTier"), QStringLiteral("HUMAN_AGENT")},
        {QStringLiteral("status"), QStringLiteral("ESCALATED")},
        {QStringLiteral("messages"),
            QJsonArray{
                message(QStringLiteral("msg_1"), QStringLiteral("customer"), QStringLiteral("Where is my parcel?")),
                message(QStringLiteral("msg_2"), QStringLiteral("ai_manager"), QStringLiteral("A person will answer"),
                    {{QStringLiteral("aiGenerated"), true}, {QStringLiteral("intent"), QStringLiteral("order_status")},
                        {QStringLiteral("model"), QStringLiteral("tierdesk-local-1")},
                        {QStringLiteral("tokens"),
                            QJsonObject{{QStringLiteral("input"), 120}, {QStringLiteral("output"), 35}}},
                        {QStringLiteral("latencyMs"), 840}, {QStringLiteral("fallback"), QStringLiteral("timeout")}})}},
        {QStringLiteral("sentimentHistory"),
            QJsonArray{QJsonObject{{QStringLiteral("sentiment"), QStringLiteral("FRUSTRATED")},
                           {QStringLiteral("score"), -0.4}},
                QJsonObject{{QStringLiteral("sentiment"), QStringLiteral("ANGRY")}, {QStringLiteral("score"), -0.7}}}},
        {QStringLiteral("escalationHistory"),
            QJsonArray{QJsonObject{{QStringLiteral("fromTier"), QStringLiteral("AI_MANAGER")},
                {QStringLiteral("toTier"), QStringLiteral("HUMAN_AGENT")},
                {QStringLiteral("reason"), QStringLiteral("IRATE_CUSTOMER")},
                {QStringLiteral("timestamp"), QStringLiteral("2025-03-01T10:00:00.000Z")},
                {QStringLiteral("automatic"), true}}}},
        {QStringLiteral("context"),
            QJsonObject{{QStringLiteral("customer"),
                            QJsonObject{{QStringLiteral("id"), QStringLiteral("cust_ben")},
                                {QStringLiteral("name"), QStringLiteral("Ben Ortiz")},
                                {QStringLiteral("tier"), QStringLiteral("GOLD")},
                                {QStringLiteral("lifetimeValue"), 1234.5}, {QStringLiteral("isVIP"), true}}},
                {QStringLiteral("orders"),
                    QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("ORD-1001")},
                        {QStringLiteral("status"), QStringLiteral("shipped")}, {QStringLiteral("total"), 59.9}}}}}}};
}

QJsonObject assistAnswer(const QString &task, const QString &text, const QStringList &notes = {})
{
    return {{QStringLiteral("task"), task}, {QStringLiteral("text"), text},
        {QStringLiteral("model"), QStringLiteral("m")},
        {QStringLiteral("tokens"), QJsonObject{{QStringLiteral("input"), 300}, {QStringLiteral("output"), 40}}},
        {QStringLiteral("latencyMs"), 900}, {QStringLiteral("guardNotes"), QJsonArray::fromStringList(notes)}};
}

struct Fixture {
    StubApi api;
    ApiClient client;
    ConversationView view{client};

    bool openSession()
    {
        api.script(kSession, {{200, sessionJson()}});
        client.setBaseUrl(QUrl(api.url()));
        client.setToken("t");
        view.resize(1000, 700);
        view.show();
        view.open(QStringLiteral("sess_1"));
        return QTest::qWaitFor([&] { return view.transcript().rowCount() == 2; }, 5000);
    }
};

} // namespace

class TestConversationView : public QObject {
    Q_OBJECT

private slots:
    void showsTranscriptContextAndHistory();
    void staleReplyShowsTheNewMessagesAndCanBeSentAnyway();
    void customerWritingWhileTypingRaisesTheBanner();
    void ctrlEnterSendsANote();
    void cannedResponseWithAMissingValueIsNotSent();
    void claimHeldBySomeoneElseNamesThem();
    void transferAndResolveDialogsCallTheApi();
    void snoozeForTheHolderSendsTheTime();
    void aiReplyShowsHowItWasMade();
    void draftFillsTheReplyBoxWithTheGuardsNotesAndNeverSends();
    void improveReplacesTheTextInOneUndoStep();
    void summaryShownInAPanel();
    void translationShownBesideTheOriginal();
    void needsAModelSaysWhereToSetOneUp();
    void newMessagesAreAddedAsAFullRenderShowsThem();
};

void TestConversationView::showsTranscriptContextAndHistory()
{
    Fixture f;
    QVERIFY(f.openSession());
    auto *transcript = f.view.findChild<TranscriptView *>(QStringLiteral("transcript"));
    QVERIFY(transcript->toPlainText().contains(QLatin1String("Where is my parcel?")));
    QVERIFY(transcript->toPlainText().contains(QLatin1String("order_status")));
    QCOMPARE(f.view.findChild<QLabel *>(QStringLiteral("conversationTitle"))->text(), QStringLiteral("Ben Ortiz"));
    const QString customer = f.view.context()->customerText();
    QVERIFY2(customer.contains(QLatin1String("VIP")) && customer.contains(QLatin1String("Gold tier"))
            && customer.contains(QLatin1String("ORD-1001")) && customer.contains(QLatin1String("Shipped")),
        qPrintable(customer));
    const QString escalations = f.view.context()->escalationText();
    QVERIFY2(
        escalations.contains(QStringLiteral("AI Manager → Human agent · Irate customer")), qPrintable(escalations));
    QCOMPARE(f.view.context()->chart()->pointCount(), 2);
    // Notes are styled apart from replies.
    TranscriptModel model;
    model.setSession({{QStringLiteral("id"), QStringLiteral("s")},
        {QStringLiteral("messages"),
            QJsonArray{message(QStringLiteral("n1"), QStringLiteral("internal_note"), QStringLiteral("psst"))}}});
    QVERIFY(TranscriptView::messageHtml(model, 0).contains(QLatin1String("#fff4c2")));
}

void TestConversationView::staleReplyShowsTheNewMessagesAndCanBeSentAnyway()
{
    Fixture f;
    // As the desk lists them: id, content and timestamp only.
    const QJsonObject fresh{{QStringLiteral("id"), QStringLiteral("msg_3")},
        {QStringLiteral("content"), QStringLiteral("Actually, cancel it")},
        {QStringLiteral("timestamp"), QStringLiteral("2025-03-01T10:03:00.000Z")}};
    f.api.script(kReply,
        {{409, errorBody(QStringLiteral("CS_027"), {{QStringLiteral("newMessages"), QJsonArray{fresh}}})},
            {201,
                {{QStringLiteral("message"),
                    message(QStringLiteral("msg_4"), QStringLiteral("human_agent"), QStringLiteral("On it"))}}}});
    QVERIFY(f.openSession());
    ReplyEdit *edit = f.view.replyBox()->editor();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("On it"));
    QCOMPARE(f.view.basedOn(), QStringLiteral("msg_2"));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(f.view.bannerVisible(), 5000);
    const auto first = f.api.to(kReply);
    QCOMPARE(first.size(), 1);
    QCOMPARE(first.first().json().value(QLatin1String("basedOn")).toString(), QStringLiteral("msg_2"));
    QVERIFY(!first.first().json().contains(QLatin1String("force")));
    QCOMPARE(first.first().json().value(QLatin1String("content")).toString(), QStringLiteral("On it"));
    QCOMPARE(f.view.transcript().lastMessageId(), QStringLiteral("msg_3")); // the new message is shown
    QVERIFY(f.view.transcript().index(2).data(TranscriptModel::IsCustomerRole).toBool());
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("On it")); // the draft is kept
    auto *force = f.view.findChild<QPushButton *>(QStringLiteral("sendAnyway"));
    QVERIFY(force->isVisible());

    force->click();
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 2, 5000);
    QCOMPARE(f.api.to(kReply).at(1).json().value(QLatin1String("force")).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(f.view.transcript().lastMessageId(), QStringLiteral("msg_4"), 5000);
    QVERIFY(!f.view.bannerVisible());
    QVERIFY(f.view.replyBox()->text().isEmpty());
}

void TestConversationView::customerWritingWhileTypingRaisesTheBanner()
{
    Fixture f;
    QVERIFY(f.openSession());
    QTest::keyClicks(f.view.replyBox()->editor(), QStringLiteral("Let me check"));
    // A message for another session changes nothing.
    f.view.applyEvents({wsEvent(QStringLiteral("message"), QStringLiteral("sess_2"),
        {{QStringLiteral("customerMessage"),
            message(QStringLiteral("x"), QStringLiteral("customer"), QStringLiteral("hi"))}})});
    QVERIFY(!f.view.bannerVisible());
    f.view.applyEvents({wsEvent(QStringLiteral("message"), QStringLiteral("sess_1"),
        {{QStringLiteral("customerMessage"),
            message(QStringLiteral("msg_9"), QStringLiteral("customer"), QStringLiteral("Hello??"))}})});
    QVERIFY(f.view.bannerVisible());
    QVERIFY(f.view.bannerText().contains(QLatin1String("while you were typing")));
    QVERIFY(f.view.findChild<QPushButton *>(QStringLiteral("sendAnyway"))->isHidden());
    QCOMPARE(f.view.context()->chart()->pointCount(), 3);
    f.view.findChild<QPushButton *>(QStringLiteral("markRead"))->click();
    QVERIFY(!f.view.bannerVisible());
    QCOMPARE(f.view.basedOn(), QStringLiteral("msg_9"));
}

void TestConversationView::ctrlEnterSendsANote()
{
    Fixture f;
    f.api.script(kReply,
        {{201,
            {{QStringLiteral("message"),
                message(QStringLiteral("n1"), QStringLiteral("internal_note"), QStringLiteral("VIP, be kind"))}}}});
    QVERIFY(f.openSession());
    f.view.toggleNote();
    QVERIFY(f.view.replyBox()->isNote());
    QTest::keyClicks(f.view.replyBox()->editor(), QStringLiteral("VIP, be kind"));
    QTest::keyClick(f.view.replyBox()->editor(), Qt::Key_Enter, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 1, 5000);
    QCOMPARE(f.api.to(kReply).first().json().value(QLatin1String("internal")).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(f.view.transcript().rowCount(), 3, 5000);
    QVERIFY(f.view.transcript().index(2).data(TranscriptModel::IsNoteRole).toBool());
}

void TestConversationView::cannedResponseWithAMissingValueIsNotSent()
{
    Fixture f;
    f.api.script("POST /api/cs/canned-responses/cr_1/render",
        {{200,
            {{QStringLiteral("content"), QStringLiteral("Hi Ben, your order {{order.id}} is on its way.")},
                {QStringLiteral("missing"), QJsonArray{QStringLiteral("order.id")}}}}});
    f.api.script(kReply,
        {{201,
            {{QStringLiteral("message"),
                message(QStringLiteral("msg_5"), QStringLiteral("human_agent"), QStringLiteral("x"))}}}});
    QVERIFY(f.openSession());
    f.view.setCannedResponses(QJsonArray{
        QJsonObject{{QStringLiteral("id"), QStringLiteral("cr_0")}, {QStringLiteral("shortcut"), QStringLiteral("bye")},
            {QStringLiteral("title"), QStringLiteral("Goodbye")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("cr_1")},
            {QStringLiteral("shortcut"), QStringLiteral("ship")},
            {QStringLiteral("title"), QStringLiteral("Shipping update")}}});
    ReplyEdit *edit = f.view.replyBox()->editor();
    f.view.activateWindow();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("/shi"));
    auto *popup = f.view.replyBox()->findChild<QCompleter *>()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 5000);
    QCOMPARE(popup->model()->rowCount(), 1); // narrowed to "ship"
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.view.replyBox()->text().startsWith(QLatin1String("Hi Ben")), 5000);
    QCOMPARE(f.api.to("POST /api/cs/canned-responses/cr_1/render")
                 .first()
                 .json()
                 .value(QLatin1String("sessionId"))
                 .toString(),
        QStringLiteral("sess_1"));
    QCOMPARE(f.view.replyBox()->unresolved(), QStringList{QStringLiteral("{{order.id}}")});

    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    auto *warning = f.view.findChild<QLabel *>(QStringLiteral("replyWarning"));
    QVERIFY(warning->isVisible());
    QVERIFY(warning->text().contains(QLatin1String("{{order.id}}")));
    QCOMPARE(f.api.to(kReply).size(), 0); // refused here, never sent

    f.view.replyBox()->setText(QStringLiteral("Hi Ben, your order ORD-1001 is on its way."));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(f.api.to(kReply).size(), 1, 5000);
    QVERIFY(!f.api.to(kReply).first().json().value(QLatin1String("content")).toString().contains(QLatin1String("{{")));
}

void TestConversationView::claimHeldBySomeoneElseNamesThem()
{
    Fixture f;
    f.api.script("POST /api/cs/sessions/sess_1/claim",
        {{409,
            errorBody(QStringLiteral("CS_025"),
                {{QStringLiteral("holder"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("agt_2")},
                        {QStringLiteral("name"), QStringLiteral("Kim Lee")}}}})}});
    QVERIFY(f.openSession());
    QSignalSpy status(&f.view, &ConversationView::status);
    f.view.claim();
    QVERIFY(status.wait(5000));
    QCOMPARE(status.first().first().toString(), QStringLiteral("Kim Lee has already claimed this conversation."));
}

void TestConversationView::transferAndResolveDialogsCallTheApi()
{
    Fixture f;
    f.api.script("POST /api/cs/sessions/sess_1/transfer", {{200, sessionJson()}});
    f.api.script("POST /api/cs/sessions/sess_1/resolve", {{200, {{QStringLiteral("success"), true}}}});
    QVERIFY(f.openSession());
    QSignalSpy transferred(&f.view, &ConversationView::transferred);
    f.view.showTransfer(); // open(), not exec(): the test goes on
    auto *transfer = f.view.findChild<TransferDialog *>(QStringLiteral("transferDialog"));
    QVERIFY(transfer && transfer->isVisible());
    transfer->setTargetTier(QStringLiteral("HUMAN_AGENT"));
    transfer->setQueue(QStringLiteral("complaints"));
    transfer->setNotes(QStringLiteral("Legal threat"));
    transfer->accept();
    QVERIFY(transferred.wait(5000));
    const QJsonObject body = f.api.to("POST /api/cs/sessions/sess_1/transfer").first().json();
    QCOMPARE(body.value(QLatin1String("targetTier")).toString(), QStringLiteral("HUMAN_AGENT"));
    QCOMPARE(body.value(QLatin1String("queue")).toString(), QStringLiteral("complaints"));
    QCOMPARE(body.value(QLatin1String("notes")).toString(), QStringLiteral("Legal threat"));

    QSignalSpy resolved(&f.view, &ConversationView::resolved);
    f.view.showResolve();
    auto *resolve = f.view.findChild<ResolveDialog *>(QStringLiteral("resolveDialog"));
    QVERIFY(resolve && resolve->isVisible());
    QVERIFY(!ResolveDialog::resolutionTypes().contains(QStringLiteral("ESCALATED_TO_HUMAN")));
    resolve->setResolutionType(QStringLiteral("REFUND_PROCESSED"));
    resolve->setSummary(QStringLiteral("Refunded the kettle"));
    resolve->accept();
    QVERIFY(resolved.wait(5000));
    const QJsonObject r = f.api.to("POST /api/cs/sessions/sess_1/resolve").first().json();
    QCOMPARE(r.value(QLatin1String("resolutionType")).toString(), QStringLiteral("REFUND_PROCESSED"));
    QCOMPARE(r.value(QLatin1String("summary")).toString(), QStringLiteral("Refunded the kettle"));
}

void TestConversationView::snoozeForTheHolderSendsTheTime()
{
    Fixture f;
    f.api.script("GET /api/cs/auth/me",
        {{200,
            {{QStringLiteral("agent"),
                QJsonObject{{QStringLiteral("id"), QStringLiteral("agt_me")},
                    {QStringLiteral("name"), QStringLiteral("Me")},
                    {QStringLiteral("role"), QStringLiteral("agent")}}}}}});
    QJsonObject snoozed = sessionJson();
    snoozed.insert(QStringLiteral("desk"),
        QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("sess_1")},
            {QStringLiteral("assignee"), QJsonObject{{QStringLiteral("id"), QStringLiteral("agt_me")}}},
            {QStringLiteral("snoozedUntil"), QStringLiteral("2030-01-01T09:00:00.000Z")}});
    f.api.script("POST /api/cs/sessions/sess_1/snooze", {{200, snoozed}, {200, snoozed}});
    QVERIFY(f.openSession());
    f.client.me();
    QTRY_COMPARE(f.client.agentId(), QStringLiteral("agt_me"));
    auto *snooze = f.view.findChild<QToolButton *>(QStringLiteral("conversationSnooze"));
    const auto heldBy = [&](const QString &id) {
        f.view.setQueueItem({{QStringLiteral("sessionId"), QStringLiteral("sess_1")},
            {QStringLiteral("assignee"), QJsonObject{{QStringLiteral("id"), id}}}});
    };
    heldBy(QStringLiteral("agt_2"));
    QVERIFY(!snooze->isEnabled()); // another agent's conversation
    heldBy(QStringLiteral("agt_me"));
    QVERIFY(snooze->isEnabled());

    QSignalSpy done(&f.view, &ConversationView::snoozed);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    f.view.findChild<QAction *>(QStringLiteral("snoozeHour"))->trigger();
    QVERIFY(done.wait(5000));
    const QDateTime until = QDateTime::fromString(
        f.api.to("POST /api/cs/sessions/sess_1/snooze").first().json().value(QLatin1String("until")).toString(),
        Qt::ISODateWithMs);
    QVERIFY(until.isValid());
    QVERIFY(before.secsTo(until) >= 3600 - 5 && before.secsTo(until) <= 3600 + 60);
    QTRY_VERIFY(
        f.view.findChild<QLabel *>(QStringLiteral("conversationSubtitle"))->text().contains(QLatin1String("snoozed")));

    // A time of one's own: the picker's time is what is sent.
    f.view.showSnoozePicker();
    auto *dialog = f.view.findChild<QDialog *>(QStringLiteral("snoozeDialog"));
    QVERIFY(dialog && dialog->isVisible());
    const QDateTime chosen = ConversationView::tomorrowMorning(QDateTime::currentDateTime()).addDays(2);
    dialog->findChild<QDateTimeEdit *>(QStringLiteral("snoozeUntil"))->setDateTime(chosen);
    dialog->accept();
    QVERIFY(done.wait(5000));
    QCOMPARE(QDateTime::fromString(
                 f.api.to("POST /api/cs/sessions/sess_1/snooze").at(1).json().value(QLatin1String("until")).toString(),
                 Qt::ISODateWithMs),
        chosen);
}

void TestConversationView::aiReplyShowsHowItWasMade()
{
    Fixture f;
    QVERIFY(f.openSession());
    QCOMPARE(f.view.transcript().index(1).data(TranscriptModel::AiDetailRole).toString(),
        QStringLiteral("tierdesk-local-1 · 120 + 35 tokens · 840 ms · built-in responder answered: the model was too "
                       "slow"));
    QVERIFY(f.view.transcript().index(0).data(TranscriptModel::AiDetailRole).toString().isEmpty()); // the customer
    auto *transcript = f.view.findChild<TranscriptView *>(QStringLiteral("transcript"));
    QVERIFY(transcript->toPlainText().contains(QLatin1String("120 + 35 tokens")));
}

void TestConversationView::draftFillsTheReplyBoxWithTheGuardsNotesAndNeverSends()
{
    Fixture f;
    QVERIFY(f.openSession());
    const QString draft = QStringLiteral("Hi Ben, your parcel ORD-1001 is on its way. I have refunded the shipping.");
    const QString note = QStringLiteral("The draft mentions a refund that was not made");
    f.api.script(kAssist, {{200, assistAnswer(QStringLiteral("draft"), draft, {note})}});
    AssistPanel *assist = f.view.assist();
    auto *button = f.view.findChild<QPushButton *>(QStringLiteral("assistDraft"));
    QVERIFY(button->isEnabled());
    QSignalSpy answered(assist, &AssistPanel::answered);
    button->click();
    QVERIFY(!button->isEnabled()); // busy while the AI works
    QVERIFY(f.view.replyBox()->isEnabled()); // the agent may go on writing
    QVERIFY(answered.wait());
    QCOMPARE(answered.first().at(0).toString(), QStringLiteral("draft"));
    QVERIFY(answered.first().at(1).toBool());
    QVERIFY(button->isEnabled());
    QCOMPARE(f.view.replyBox()->text(), draft);
    QVERIFY2(f.view.replyBox()->draftNotes().contains(note), qPrintable(f.view.replyBox()->draftNotes()));
    QVERIFY(f.view.findChild<QLabel *>(QStringLiteral("draftNotes"))->isVisible());
    QCOMPARE(f.api.to(kAssist).size(), 1);
    QCOMPARE(f.api.to(kAssist).first().json().value(QLatin1String("task")).toString(), QStringLiteral("draft"));
    QCOMPARE(f.api.to(kReply).size(), 0); // a draft is never sent by itself

    // The agent edits and sends: the notes go with the sent draft.
    f.api.script(kReply,
        {{201,
            QJsonObject{{QStringLiteral("message"),
                message(QStringLiteral("msg_9"), QStringLiteral("human_agent"), QStringLiteral("Hi Ben"))}}}});
    f.view.replyBox()->setText(QStringLiteral("Hi Ben"));
    f.view.findChild<QPushButton *>(QStringLiteral("sendButton"))->click();
    QTRY_COMPARE(f.view.transcript().rowCount(), 3);
    QVERIFY(f.view.replyBox()->draftNotes().isEmpty());
}

void TestConversationView::improveReplacesTheTextInOneUndoStep()
{
    Fixture f;
    QVERIFY(f.openSession());
    AssistPanel *assist = f.view.assist();
    QSignalSpy answered(assist, &AssistPanel::answered);
    // Nothing written yet: said, and nothing asked.
    f.view.findChild<QPushButton *>(QStringLiteral("assistImprove"))->click();
    QVERIFY(assist->message().contains(QLatin1String("Write something first")));
    QCOMPARE(f.api.to(kAssist).size(), 0);

    const QString mine = QStringLiteral("parcel is late sorry we check");
    const QString better = QStringLiteral("I'm sorry your parcel is late. I'm checking with the carrier now.");
    f.api.script(kAssist, {{200, assistAnswer(QStringLiteral("improve"), better)}});
    f.view.replyBox()->setText(mine);
    f.view.findChild<QPushButton *>(QStringLiteral("assistImprove"))->click();
    QVERIFY(answered.wait());
    QCOMPARE(f.api.to(kAssist).first().json().value(QLatin1String("text")).toString(), mine);
    QCOMPARE(f.view.replyBox()->text(), better);
    f.view.replyBox()->editor()->undo();
    QCOMPARE(f.view.replyBox()->text(), mine);
}

void TestConversationView::summaryShownInAPanel()
{
    Fixture f;
    QVERIFY(f.openSession());
    const QString summary = QStringLiteral("Ben asks where ORD-1001 is; the AI Manager handed over.");
    f.api.script(kAssist, {{200, assistAnswer(QStringLiteral("summary"), summary)}});
    AssistPanel *assist = f.view.assist();
    QVERIFY(!assist->panelVisible());
    QSignalSpy answered(assist, &AssistPanel::answered);
    f.view.findChild<QPushButton *>(QStringLiteral("assistSummary"))->click();
    QVERIFY(answered.wait());
    QVERIFY(assist->panelVisible());
    QCOMPARE(assist->panelText(), summary);
    QVERIFY(f.view.replyBox()->text().isEmpty()); // the reply box is left alone
    f.view.findChild<QPushButton *>(QStringLiteral("assistClose"))->click();
    QVERIFY(!assist->panelVisible());
}

void TestConversationView::translationShownBesideTheOriginal()
{
    Fixture f;
    QVERIFY(f.openSession());
    const QString german = QStringLiteral("Wo ist mein Paket?");
    const QString reply = QStringLiteral("Your parcel arrives tomorrow.");
    const QString translated = QStringLiteral("Ihr Paket kommt morgen an.");
    f.api.script(kAssist,
        {{200, assistAnswer(QStringLiteral("translate"), german)},
            {200, assistAnswer(QStringLiteral("translate"), translated)}});
    AssistPanel *assist = f.view.assist();
    QSignalSpy answered(assist, &AssistPanel::answered);
    auto *translate = f.view.findChild<QAction *>(QStringLiteral("assistTranslateCustomer"));
    QVERIFY(translate && translate->isEnabled());
    translate->trigger();
    QVERIFY(answered.wait());
    const QJsonObject sent = f.api.to(kAssist).first().json();
    QCOMPARE(sent.value(QLatin1String("task")).toString(), QStringLiteral("translate"));
    QCOMPARE(sent.value(QLatin1String("text")).toString(), QStringLiteral("Where is my parcel?"));
    QCOMPARE(sent.value(QLatin1String("language")).toString(), AssistPanel::agentLanguage());
    QCOMPARE(f.view.transcript().index(0).data(TranscriptModel::TranslationRole).toString(), german);
    const QString shown = f.view.findChild<TranscriptView *>(QStringLiteral("transcript"))->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("Where is my parcel?")) && shown.contains(german), qPrintable(shown));

    // The agent's reply into the customer's language: the box holds the translation, the panel the original.
    f.view.replyBox()->setText(reply);
    f.view.findChild<QAction *>(QStringLiteral("assistTranslateReply"))->trigger();
    QVERIFY(answered.wait());
    QCOMPARE(f.api.to(kAssist).last().json().value(QLatin1String("text")).toString(), reply);
    QCOMPARE(f.view.replyBox()->text(), translated);
    QVERIFY(assist->panelVisible());
    QCOMPARE(assist->panelText(), reply);
}

void TestConversationView::needsAModelSaysWhereToSetOneUp()
{
    Fixture f;
    QVERIFY(f.openSession());
    f.api.script(kAssist,
        {{422,
             QJsonObject{{QStringLiteral("error"),
                 QJsonObject{{QStringLiteral("code"), QStringLiteral("CS_011")},
                     {QStringLiteral("message"), QStringLiteral("translate needs a language model")}}}}},
            {503,
                QJsonObject{{QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("CS_006")},
                        {QStringLiteral("message"), QStringLiteral("the provider timed out")}}}}}});
    AssistPanel *assist = f.view.assist();
    QSignalSpy answered(assist, &AssistPanel::answered);
    QSignalSpy status(&f.view, &ConversationView::status);
    f.view.replyBox()->setText(QStringLiteral("my own words"));
    f.view.findChild<QAction *>(QStringLiteral("assistTranslateReply"))->trigger();
    QVERIFY(answered.wait());
    QVERIFY(!answered.first().at(1).toBool());
    QVERIFY2(assist->message().contains(QStringLiteral("Settings › AI providers")), qPrintable(assist->message()));
    QVERIFY(status.count() >= 1);
    // Nothing lost, nothing blocked: the text stays and the box takes more.
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("my own words"));
    QVERIFY(f.view.replyBox()->isEnabled() && !f.view.replyBox()->editor()->isReadOnly());
    QVERIFY(f.view.findChild<QPushButton *>(QStringLiteral("assistDraft"))->isEnabled());

    // A provider that fails (503 CS_006) is said as such.
    f.view.findChild<QPushButton *>(QStringLiteral("assistDraft"))->click();
    QVERIFY(answered.wait());
    QVERIFY2(assist->message().contains(QLatin1String("did not answer")), qPrintable(assist->message()));
    QCOMPARE(f.view.replyBox()->text(), QStringLiteral("my own words"));
}

// A message added at the end goes into the document as it is (no rebuild); the document then
// reads exactly as one built from the whole conversation.
void TestConversationView::newMessagesAreAddedAsAFullRenderShowsThem()
{
    TranscriptModel model;
    model.setSession({{QStringLiteral("id"), QStringLiteral("s")},
        {QStringLiteral("messages"),
            QJsonArray{message(QStringLiteral("m1"), QStringLiteral("customer"), QStringLiteral("Where is my parcel?")),
                message(QStringLiteral("m2"), QStringLiteral("ai_rep"), QStringLiteral("Let me check."))}}});
    TranscriptView growing(model);
    const int blocksBefore = growing.document()->blockCount();
    QVERIFY(
        model.appendMessage(message(QStringLiteral("n1"), QStringLiteral("internal_note"), QStringLiteral("psst"))));
    QVERIFY(model.appendMessage(
        message(QStringLiteral("m3"), QStringLiteral("human_agent"), QStringLiteral("On its way"))));
    QVERIFY(growing.document()->blockCount() > blocksBefore);
    TranscriptView whole(model); // built from all four at once
    QCOMPARE(growing.toPlainText(), whole.toPlainText());
    QVERIFY(growing.toPlainText().contains(QLatin1String("On its way")));
    QCOMPARE(growing.toHtml().count(QLatin1String("#fff4c2")), whole.toHtml().count(QLatin1String("#fff4c2")));
}

QTEST_MAIN(TestConversationView)
#include "tst_conversationview.moc"
