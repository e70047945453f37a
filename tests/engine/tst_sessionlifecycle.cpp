#include "core/store/MessageMetaCodec.h"
#include "tests/engine/EngineFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>

using namespace tierdesk;

namespace {

bool isError(const Error &e, ErrorKind kind, ErrorDetail detail)
{
    return e.kind == kind && e.detail == detail;
}

} // namespace

// Sessions over their life: the state machine, company isolation, abandonment,
// webhook outbox rows, events after commit, message validation and the reply.
class TestSessionLifecycle : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void newSessionShape();
    void resolvedSessionRejectsEverything();
    void resolutionIsKept();
    void escalationMustGoUp();
    void humanTierStoresMessagesWithoutAiReply();
    void companyIsolation();
    void disabledCompany();
    void abandonment();
    void webhookOutboxRows();
    void eventsOnlyAfterCommit();
    void messageValidation_data();
    void messageValidation();
    void invalidInitialMessage();
    void replyLengthFollowsConfig();
    void replyMetadata();

private:
    QList<QJsonObject> outbox(const QString &event);
    std::unique_ptr<test::EngineFixture> f;
};

void TestSessionLifecycle::init()
{
    f = std::make_unique<test::EngineFixture>();
    QVERIFY(f->setUp());
}

void TestSessionLifecycle::cleanup()
{
    f.reset();
}

QList<QJsonObject> TestSessionLifecycle::outbox(const QString &event)
{
    QList<QJsonObject> out;
    QSqlQuery q(f->store->db().handle());
    q.prepare(QStringLiteral("SELECT payload FROM webhook_outbox WHERE event = ? ORDER BY id"));
    q.bindValue(0, event);
    if (!q.exec())
        return out;
    while (q.next())
        out << QJsonDocument::fromJson(q.value(0).toByteArray()).object();
    return out;
}

void TestSessionLifecycle::newSessionShape()
{
    auto s = f->open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    QVERIFY(s->id.startsWith(QLatin1String("sess_")));
    QVERIFY(s->currentTier == Tier::AiRep);
    QVERIFY(s->status == SessionStatus::Active);
    QVERIFY(s->customerSentiment == Sentiment::Neutral);
    QCOMPARE(s->createdAt, f->clock.nowMs());
    auto loaded = f->engine->session(f->companyId, s->id);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->messages.isEmpty());
    // A customer the store has never seen is created on the way.
    QVERIFY(f->open(QStringLiteral("walk-in.customer@example.com")).ok());
    QVERIFY(f->store->customers().find(f->companyId, QStringLiteral("walk-in.customer@example.com")).has_value());
    // Malformed customer ids are refused.
    auto bad = f->open(QStringLiteral("bad id with spaces"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().kind == ErrorKind::InvalidArgument);
}

void TestSessionLifecycle::resolvedSessionRejectsEverything()
{
    auto s = f->open(QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10004?"));
    QVERIFY(s.ok());
    QVERIFY(
        f->engine->resolve(f->companyId, s->id, {ResolutionType::InformationProvided, {}, {}, false}, Actor{}).ok());
    auto msg = f->say(s->id, QStringLiteral("One more thing"));
    QVERIFY(!msg.ok());
    QVERIFY(isError(msg.error(), ErrorKind::Conflict, ErrorDetail::SessionResolved));
    auto esc
        = f->engine->escalate(f->companyId, s->id, EscalationReason::CustomerRequest, Tier::HumanAgent, {}, Actor{});
    QVERIFY(!esc.ok());
    QVERIFY(isError(esc.error(), ErrorKind::Conflict, ErrorDetail::SessionResolved));
    auto again = f->engine->resolve(f->companyId, s->id, {ResolutionType::IssueResolved, {}, {}, false}, Actor{});
    QVERIFY(!again.ok());
    QVERIFY(isError(again.error(), ErrorKind::Conflict, ErrorDetail::SessionResolved));
    QVERIFY(f->store->batch().flush());
    auto loaded = f->engine->session(f->companyId, s->id);
    QCOMPARE(loaded->messages.size(), 2); // the opening message and its reply only
    QVERIFY(loaded->status == SessionStatus::Resolved);
}

void TestSessionLifecycle::resolutionIsKept()
{
    auto s = f->open(QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10004?"));
    QVERIFY(s.ok());
    f->clock.advanceSecs(90);
    const Resolution r{ResolutionType::IssueResolved, QStringLiteral("Provided tracking update"),
        {QStringLiteral("Provided tracking information"), QStringLiteral("Confirmed delivery date")}, true};
    auto done = f->engine->resolve(f->companyId, s->id, r, Actor{});
    QVERIFY(done.ok());
    QVERIFY(f->store->batch().flush());
    auto loaded = f->engine->session(f->companyId, s->id);
    QVERIFY(loaded.ok());
    QVERIFY(loaded->status == SessionStatus::Resolved);
    QCOMPARE(loaded->resolvedAt, f->clock.nowMs());
    QVERIFY(loaded->resolution.has_value());
    QVERIFY(loaded->resolution->type == ResolutionType::IssueResolved);
    QCOMPARE(loaded->resolution->summary, r.summary);
    QCOMPARE(loaded->resolution->actionsTaken, r.actionsTaken);
    QVERIFY(loaded->resolution->followUpRequired);
    // The resolution survives later writes (a sweep, for one).
    f->clock.advanceSecs(3 * 3600);
    f->engine->sweepAbandoned(30 * 60 * 1000);
    QVERIFY(f->store->batch().flush());
    loaded = f->engine->session(f->companyId, s->id);
    QVERIFY(loaded->status == SessionStatus::Resolved);
    QCOMPARE(loaded->resolution->summary, r.summary);
}

void TestSessionLifecycle::escalationMustGoUp()
{
    auto s = f->open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    const auto escalate = [&](Tier t) {
        return f->engine->escalate(
            f->companyId, s->id, EscalationReason::CustomerRequest, t, QStringLiteral("n"), Actor{});
    };
    auto toRep = escalate(Tier::AiRep);
    QVERIFY(!toRep.ok());
    QVERIFY(isError(toRep.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation));
    auto up = escalate(Tier::AiManager);
    QVERIFY(up.ok());
    QVERIFY(up->currentTier == Tier::AiManager);
    QVERIFY(up->status == SessionStatus::Escalated);
    QCOMPARE(up->escalationHistory.size(), 1);
    QCOMPARE(up->escalationHistory.first().notes, QStringLiteral("n"));
    QVERIFY(!up->escalationHistory.first().automatic);
    auto same = escalate(Tier::AiManager);
    QVERIFY(!same.ok());
    QVERIFY(isError(same.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation));
    QVERIFY(escalate(Tier::HumanAgent).ok());
    for (Tier t : {Tier::AiRep, Tier::AiManager, Tier::HumanAgent}) {
        auto down = escalate(t);
        QVERIFY(!down.ok());
        QVERIFY(isError(down.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation));
    }
    // Notes over 2000 characters are refused.
    auto other = f->open(QStringLiteral("cust_ben"));
    auto longNotes = f->engine->escalate(f->companyId, other->id, EscalationReason::CustomerRequest, Tier::AiManager,
        QString(2001, QLatin1Char('n')), Actor{});
    QVERIFY(!longNotes.ok());
    QVERIFY(longNotes.error().kind == ErrorKind::InvalidArgument);
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->engine->session(f->companyId, s->id)->escalationHistory.size(), 2);
}

void TestSessionLifecycle::humanTierStoresMessagesWithoutAiReply()
{
    auto s = f->open(QStringLiteral("cust_ben"));
    QVERIFY(f->engine->escalate(f->companyId, s->id, EscalationReason::CustomerRequest, Tier::HumanAgent, {}, Actor{})
                .ok());
    for (const QString &text : {QStringLiteral("Hello? Anyone there?"),
             QStringLiteral("I want a refund of $20 for order ORD-10005"), QStringLiteral("I will sue you")}) {
        auto r = f->say(s->id, text);
        QVERIFY(r.ok());
        QVERIFY(!r->aiResponse.has_value());
        QVERIFY(!r->escalation.has_value());
        QVERIFY(r->session.currentTier == Tier::HumanAgent);
        QVERIFY(r->session.status == SessionStatus::Escalated);
        QCOMPARE(r->customerMessage.role, QStringLiteral("customer"));
        QCOMPARE(r->customerMessage.content, text);
    }
    QVERIFY(f->store->batch().flush());
    auto loaded = f->engine->session(f->companyId, s->id);
    QCOMPARE(loaded->messages.size(), 3);
    for (const Message &m : loaded->messages)
        QCOMPARE(m.role, QStringLiteral("customer"));
    QCOMPARE(loaded->sentimentHistory.size(), 3);
    // No AI action at the human tier.
    QCOMPARE(f->refunded(QStringLiteral("ORD-10005")), 0.0);
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM ledger")).toInt(), 0);
}

void TestSessionLifecycle::companyIsolation()
{
    auto other = f->engine->createCompany(QStringLiteral("Other Co"), Actor{});
    QVERIFY(other.ok());
    auto s = f->open(QStringLiteral("cust_ben"), QStringLiteral("Hi"));
    QVERIFY(s.ok());
    const QString b = other->id;
    auto get = f->engine->session(b, s->id);
    QVERIFY(!get.ok());
    QVERIFY(get.error().kind == ErrorKind::NotFound);
    auto post = f->engine->postMessage(b, s->id, QStringLiteral("hello"), Actor{});
    QVERIFY(!post.ok());
    QVERIFY(post.error().kind == ErrorKind::NotFound);
    auto esc = f->engine->escalate(b, s->id, EscalationReason::CustomerRequest, Tier::HumanAgent, {}, Actor{});
    QVERIFY(!esc.ok());
    QVERIFY(esc.error().kind == ErrorKind::NotFound);
    auto res = f->engine->resolve(b, s->id, {}, Actor{});
    QVERIFY(!res.ok());
    QVERIFY(res.error().kind == ErrorKind::NotFound);
    // The same answer as a session that does not exist at all.
    auto missing = f->engine->session(f->companyId, QStringLiteral("sess_doesnotexist"));
    QVERIFY(missing.error().kind == ErrorKind::NotFound);
    QCOMPARE(get.error().message, missing.error().message);
    int total = -1;
    SessionFilter onlyB;
    onlyB.companyId = b;
    auto list = f->engine->listSessions(onlyB, &total);
    QVERIFY(list.ok());
    QCOMPARE(total, 0);
    QVERIFY(list->isEmpty());
    // Company B's customers do not see A's orders either.
    std::optional<MessageOutcome> out;
    QVERIFY(f->engine
                ->createSession({b, QStringLiteral("cust_ben"), Channel::Chat,
                                    QStringLiteral("I want a refund of $20 for order ORD-10005"), {}, {}},
                    Actor{}, &out)
                .ok());
    QVERIFY(!test::actionsOf(*out).contains(QLatin1String("process_refund")));
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->refunded(QStringLiteral("ORD-10005")), 0.0);
    // Bad ids are told apart from missing ones.
    auto malformed = f->engine->session(f->companyId, QStringLiteral("sess 1; DROP TABLE"));
    QVERIFY(isError(malformed.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidSessionId));
    for (const QString &bad :
        {QStringLiteral("-sess"), QStringLiteral("séss"), QStringLiteral("sess/1"), QString(129, u'a')})
        QVERIFY2(isError(f->engine->session(f->companyId, bad).error(), ErrorKind::InvalidArgument,
                     ErrorDetail::InvalidSessionId),
            qPrintable(bad));
    for (const QString &wellFormed : {QStringLiteral("a.b:c@d-e_f"), QString(128, u'a'), QStringLiteral("9")})
        QVERIFY2(
            f->engine->session(f->companyId, wellFormed).error().kind == ErrorKind::NotFound, qPrintable(wellFormed));
}

void TestSessionLifecycle::disabledCompany()
{
    auto s = f->open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    QVERIFY(f->configure(R"({"enabled":false})"));
    auto created = f->open(QStringLiteral("cust_ben"), QStringLiteral("Hello"));
    QVERIFY(!created.ok());
    QVERIFY(isError(created.error(), ErrorKind::Forbidden, ErrorDetail::CompanyDisabled));
    auto posted = f->say(s->id, QStringLiteral("Hello"));
    QVERIFY(!posted.ok());
    QVERIFY(isError(posted.error(), ErrorKind::Forbidden, ErrorDetail::CompanyDisabled));
    QVERIFY(f->configure(R"({"enabled":true})"));
    QVERIFY(f->say(s->id, QStringLiteral("Hello")).ok());
    auto noCompany
        = f->engine->createSession({QString(), QStringLiteral("cust_ben"), Channel::Chat, {}, {}, {}}, Actor{});
    QVERIFY(isError(noCompany.error(), ErrorKind::InvalidArgument, ErrorDetail::MissingCompany));
}

void TestSessionLifecycle::abandonment()
{
    const qint64 idle = 30 * 60 * 1000;
    auto waiting = f->open(QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10004?"));
    QVERIFY(waiting.ok());
    QVERIFY(waiting->status == SessionStatus::WaitingCustomer);
    auto active = f->open(QStringLiteral("cust_hugo"));
    QVERIFY(active->status == SessionStatus::Active);
    auto resolved = f->open(QStringLiteral("cust_grace"), QStringLiteral("Hi"));
    QVERIFY(f->engine->resolve(f->companyId, resolved->id, {}, Actor{}).ok());
    auto human = f->open(QStringLiteral("cust_emma"));
    QVERIFY(
        f->engine->escalate(f->companyId, human->id, EscalationReason::CustomerRequest, Tier::HumanAgent, {}, Actor{})
            .ok());
    QVERIFY(f->store->batch().flush());

    f->clock.advanceMs(idle - 1000);
    auto recent = f->open(QStringLiteral("cust_daniel"), QStringLiteral("Hi"));
    QCOMPARE(f->engine->sweepAbandoned(idle), 0); // 29 minutes is not yet idle
    f->clock.advanceMs(2000);
    QCOMPARE(f->engine->sweepAbandoned(idle), 2);
    QVERIFY(f->store->batch().flush());
    const auto status = [&](const Result<Session> &s) { return f->engine->session(f->companyId, s->id)->status; };
    QVERIFY(status(waiting) == SessionStatus::Abandoned);
    QVERIFY(status(active) == SessionStatus::Abandoned);
    QVERIFY(status(resolved) == SessionStatus::Resolved);
    QVERIFY(status(human) == SessionStatus::Escalated);
    QVERIFY(status(recent) != SessionStatus::Abandoned);
    // A second sweep finds nothing new.
    QCOMPARE(f->engine->sweepAbandoned(idle), 0);
    // A customer who comes back picks the conversation up again.
    auto back = f->say(waiting->id, QStringLiteral("Sorry, I'm back. Where is my order ORD-10004?"));
    QVERIFY(back.ok());
    QVERIFY(back->session.status != SessionStatus::Abandoned);
}

void TestSessionLifecycle::webhookOutboxRows()
{
    auto hook = f->engine->webhooks().add(f->companyId, QStringLiteral("https://hooks.example.com/cs"),
        WebhookService::events(), QByteArray("0123456789abcdef-secret"), Actor{});
    QVERIFY(hook.ok());
    QVERIFY(!f->engine->webhooks()
                 .add(f->companyId, QStringLiteral("https://x.example.com"), WebhookService::events(),
                     QByteArray("short"), Actor{})
                 .ok());
    auto a = f->open(QStringLiteral("cust_ben"), QStringLiteral("I will sue you, I'm calling my lawyer"));
    QVERIFY(a.ok());
    f->clock.advanceSecs(60);
    QVERIFY(f->engine->resolve(f->companyId, a->id, {ResolutionType::EscalatedToHuman, {}, {}, false}, Actor{}).ok());
    auto b = f->open(QStringLiteral("cust_hugo"), QStringLiteral("Hi"));
    f->clock.advanceSecs(31 * 60);
    QCOMPARE(f->engine->sweepAbandoned(30 * 60 * 1000), 1);
    QVERIFY(f->store->batch().flush());

    const auto checkCommon = [&](const QJsonObject &p, const QString &event, const Result<Session> &s) {
        QCOMPARE(p.value(QLatin1String("event")).toString(), event);
        QVERIFY(p.value(QLatin1String("timestamp")).toString().endsWith(QLatin1Char('Z')));
        const QJsonObject data = p.value(QLatin1String("data")).toObject();
        QCOMPARE(data.value(QLatin1String("sessionId")).toString(), s->id);
        QCOMPARE(data.value(QLatin1String("companyId")).toString(), f->companyId);
        QCOMPARE(data.value(QLatin1String("customerId")).toString(), s->customerId);
    };
    const auto created = outbox(QStringLiteral("session.created"));
    QCOMPARE(created.size(), 2);
    checkCommon(created.at(0), QStringLiteral("session.created"), a);
    checkCommon(created.at(1), QStringLiteral("session.created"), b);
    QCOMPARE(created.at(0).value(QLatin1String("timestamp")).toString(), QStringLiteral("2025-12-19T12:00:00Z"));
    const auto escalated = outbox(QStringLiteral("session.escalated"));
    QCOMPARE(escalated.size(), 1);
    checkCommon(escalated.first(), QStringLiteral("session.escalated"), a);
    const QJsonObject e = escalated.first().value(QLatin1String("data")).toObject();
    QCOMPARE(e.value(QLatin1String("fromTier")).toString(), QStringLiteral("AI_REP"));
    QCOMPARE(e.value(QLatin1String("toTier")).toString(), QStringLiteral("AI_MANAGER"));
    QCOMPARE(e.value(QLatin1String("reason")).toString(), QStringLiteral("LEGAL_MENTION"));
    const auto resolvedRows = outbox(QStringLiteral("session.resolved"));
    QCOMPARE(resolvedRows.size(), 1);
    checkCommon(resolvedRows.first(), QStringLiteral("session.resolved"), a);
    QCOMPARE(resolvedRows.first().value(QLatin1String("timestamp")).toString(), QStringLiteral("2025-12-19T12:01:00Z"));
    const auto abandoned = outbox(QStringLiteral("session.abandoned"));
    QCOMPARE(abandoned.size(), 1);
    checkCommon(abandoned.first(), QStringLiteral("session.abandoned"), b);
    // Every row waits for delivery to the registered hook.
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id = ? AND state = 'pending'"),
                  {hook->id})
                 .toInt(),
        5);

    // A hook subscribed to one event gets only that one; another company's hook gets nothing.
    auto other = f->engine->createCompany(QStringLiteral("Other Co"), Actor{});
    QVERIFY(f->engine->webhooks()
                .add(other->id, QStringLiteral("https://other.example.com"), WebhookService::events(),
                    QByteArray("fedcba9876543210"), Actor{})
                .ok());
    auto only = f->engine->webhooks().add(f->companyId, QStringLiteral("https://only.example.com"),
        {QStringLiteral("session.resolved")}, QByteArray("fedcba9876543210"), Actor{});
    QVERIFY(only.ok());
    auto c = f->open(QStringLiteral("cust_grace"), QStringLiteral("Hi"));
    QVERIFY(f->engine->resolve(f->companyId, c->id, {}, Actor{}).ok());
    QVERIFY(f->store->batch().flush());
    QCOMPARE(
        f->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id = ?"), {only->id}).toInt(), 1);
    QCOMPARE(f->scalar(QStringLiteral("SELECT event FROM webhook_outbox WHERE webhook_id = ?"), {only->id}).toString(),
        QStringLiteral("session.resolved"));
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox o JOIN webhooks w ON w.id = o.webhook_id"
                                      " WHERE w.company_id = ?"),
                  {other->id})
                 .toInt(),
        0);
}

void TestSessionLifecycle::eventsOnlyAfterCommit()
{
    QVERIFY(f->store->batch().flush());
    QSignalSpy spy(f->engine.get(), &SessionEngine::sessionEvent);
    auto s = f->open(QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10004?"));
    QVERIFY(s.ok());
    auto m = f->say(s->id, QStringLiteral("Thanks!"));
    QVERIFY(m.ok());
    QCOMPARE(spy.count(), 0);
    QVERIFY(f->store->batch().flush());
    QCOMPARE(spy.count(), 3); // created, message, message
    const auto eventAt = [&spy](int i) { return spy.at(i).at(0).value<SessionEvent>(); };
    QCOMPARE(eventAt(0).type, SessionEventType::Created);
    QCOMPARE(eventAt(1).type, SessionEventType::Message);
    QCOMPARE(eventAt(2).type, SessionEventType::Message);
    QCOMPARE(eventAt(0).companyId, f->companyId);
    QCOMPARE(eventAt(0).sessionId, s->id);
    // A message event carries the turn: the customer's words and the reply, and the session without its lists.
    QCOMPARE(eventAt(2).customerMessage->content, QStringLiteral("Thanks!"));
    QVERIFY(eventAt(2).reply.has_value());
    QVERIFY(eventAt(2).session->messages.isEmpty());
    QCOMPARE(eventAt(2).session->messageCount, 4);
    spy.clear();
    QVERIFY(f->engine->resolve(f->companyId, s->id, {}, Actor{}).ok());
    QCOMPARE(spy.count(), 0);
    QVERIFY(f->store->batch().flush());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(eventAt(0).type, SessionEventType::Resolved);
    QVERIFY(eventAt(0).session->resolution.has_value());
    // A rejected request emits nothing at all.
    spy.clear();
    QVERIFY(!f->say(s->id, QStringLiteral("hello")).ok());
    QVERIFY(f->store->batch().flush());
    QCOMPARE(spy.count(), 0);
}

void TestSessionLifecycle::messageValidation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("spaces") << QStringLiteral("   ") << false;
    QTest::newRow("whitespace mix") << QStringLiteral(" \t\n\r ") << false;
    QTest::newRow("4001 chars") << QString(4001, QLatin1Char('a')) << false;
    QTest::newRow("4000 words over") << QString(QStringLiteral("word ").repeated(801)) << false;
    QTest::newRow("NUL") << QStringLiteral("hello") + QChar(0) + QStringLiteral("world") << false;
    QTest::newRow("bell") << QStringLiteral("hello\aworld") << false;
    QTest::newRow("escape") << QStringLiteral("hi \x1b[31mred") << false;
    QTest::newRow("DEL") << QStringLiteral("hi\x7f") << false;
    QTest::newRow("4000 chars") << QString(4000, QLatin1Char('a')) << true;
    QTest::newRow("4000 padded") << QStringLiteral("  ") + QString(4000, QLatin1Char('b')) + QStringLiteral("  ")
                                 << true;
    QTest::newRow("newlines and tabs") << QStringLiteral("line one\n\tline two\r\n") << true;
    QTest::newRow("unicode") << QStringLiteral("Wo ist meine Bestellung? \u00fc\u00df \U0001F4E6") << true;
}

void TestSessionLifecycle::messageValidation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    auto s = f->open(QStringLiteral("cust_ben"));
    QVERIFY(s.ok());
    auto r = f->say(s->id, text);
    QCOMPARE(r.ok(), valid);
    QVERIFY(f->store->batch().flush());
    auto loaded = f->engine->session(f->companyId, s->id);
    if (!valid) {
        QVERIFY(isError(r.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage));
        QVERIFY(loaded->messages.isEmpty());
        return;
    }
    QCOMPARE(r->customerMessage.content, text.trimmed());
    QCOMPARE(loaded->messages.first().content, text.trimmed());
}

void TestSessionLifecycle::invalidInitialMessage()
{
    for (const QString &text : {QStringLiteral("   "), QString(4001, QLatin1Char('x'))}) {
        auto s = f->open(QStringLiteral("cust_ben"), text);
        QVERIFY(!s.ok());
        QVERIFY(isError(s.error(), ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage));
    }
    QVERIFY(f->store->batch().flush());
    QCOMPARE(f->scalar(QStringLiteral("SELECT COUNT(*) FROM sessions")).toInt(), 0);
}

void TestSessionLifecycle::replyLengthFollowsConfig()
{
    QVERIFY(f->configure(R"({"tiers":{"aiRep":{"responseGuidelines":{"maxResponseLength":60}}}})"));
    QVERIFY(!f->configure(R"({"tiers":{"aiRep":{"responseGuidelines":{"maxResponseLength":-1}}}})"));
    QCOMPARE(f->engine->config(f->companyId)->tier(Tier::AiRep).maxResponseLength, 60);
    auto s = f->open(QStringLiteral("cust_alice"));
    for (const QString &text :
        {QStringLiteral("Where is my order ORD-10001?"), QStringLiteral("How do I start a return?"),
            QStringLiteral("What payment methods do you accept?"), QStringLiteral("Hello")}) {
        auto r = f->say(s->id, text);
        QVERIFY(r.ok());
        QVERIFY(r->aiResponse.has_value());
        QVERIFY(!r->aiResponse->content.isEmpty());
        QVERIFY2(r->aiResponse->content.size() <= 60, qPrintable(r->aiResponse->content));
    }
}

void TestSessionLifecycle::replyMetadata()
{
    std::optional<MessageOutcome> out;
    auto s = f->open(QStringLiteral("cust_alice"), QStringLiteral("Where is my order ORD-10001?"), &out);
    QVERIFY(s.ok());
    QVERIFY(out->aiResponse.has_value());
    const Message &ai = *out->aiResponse;
    QCOMPARE(ai.role, QStringLiteral("ai_rep"));
    QVERIFY(ai.meta.ai.has_value()); // an AI reply's metadata ("aiGenerated": true)
    QVERIFY(!ai.meta.person);
    const AiReplyMeta &md = *ai.meta.ai;
    QVERIFY(!md.model.isEmpty());
    QVERIFY(md.inputTokens > 0);
    QVERIFY(md.outputTokens > 0);
    QVERIFY(md.latencyMs >= 0);
    QVERIFY(test::actionsOf(*out).contains(QLatin1String("order_lookup")));
    // Alice's ORD-10001 has shipped: the reply says so and suggests tracking it.
    QVERIFY(ai.content.contains(QLatin1String("ORD-10001")));
    QVERIFY(md.suggestedActions.contains(QStringLiteral("track_package")));
    QVERIFY(out->customerMessage.sentiment.has_value());
    // Stored as returned.
    QVERIFY(f->store->batch().flush());
    auto loaded = f->engine->session(f->companyId, s->id);
    QCOMPARE(loaded->messages.size(), 2);
    QCOMPARE(storage::encodeMessageMeta(loaded->messages.at(1).meta), storage::encodeMessageMeta(ai.meta));
    QCOMPARE(loaded->messages.at(1).content, ai.content);
}

QTEST_GUILESS_MAIN(TestSessionLifecycle)
#include "tst_sessionlifecycle.moc"
