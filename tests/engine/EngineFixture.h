#pragma once

// A SessionEngine over a real SQLite file in a temporary directory, with the
// demo store (the demo company's articles too) and a clock that moves only by hand.
#include "core/api/cs/CsConfigJson.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/demo/DemoSeeder.h"
#include "tests/support/FakeClock.h"
#include "tests/support/SqlScalar.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

namespace tierdesk::test {

class EngineFixture {
public:
    // Returns false (and leaves the fixture unusable) if anything fails.
    bool setUp(std::unique_ptr<Responder> responder = nullptr)
    {
        if (!dir.isValid())
            return false;
        auto opened = Store::open(dir.filePath(QStringLiteral("t.db")));
        if (!opened)
            return false;
        store = std::move(opened.value());
        engine = std::make_unique<SessionEngine>(*store, clock, std::move(responder));
        auto seeded = seedDemo(*engine, Actor{});
        if (!seeded)
            return false;
        companyId = seeded->value(QLatin1String("companyId")).toString();
        return !companyId.isEmpty() && store->batch().flush();
    }

    ~EngineFixture()
    {
        // Pending after-commit callbacks point into the engine: deliver them while it lives.
        if (store)
            store->batch().flush();
        engine.reset();
        store.reset();
    }

    // A chat session for `customer`, opened with `text` (none when empty).
    Result<Session> open(const QString &customer, const QString &text = {},
        std::optional<MessageOutcome> *first = nullptr, std::optional<IssueCategory> category = std::nullopt)
    {
        CreateSessionRequest req;
        req.companyId = companyId;
        req.customerId = customer;
        req.initialMessage = text;
        req.issueCategory = category;
        return engine->createSession(req, Actor{}, first);
    }

    Result<MessageOutcome> say(const QString &sessionId, const QString &text)
    {
        return engine->postMessage(companyId, sessionId, text, Actor{});
    }

    bool configure(const char *json) { return configure(QJsonDocument::fromJson(QByteArray(json)).object()); }
    // The patch merged into the company's config and checked as PUT /config does it.
    bool configure(const QJsonObject &patch)
    {
        const auto merged = api::cs::mergeConfig(engine->config(companyId).value(), patch);
        return merged.ok() && engine->updateConfig(companyId, merged.value(), {}, Actor{}).ok();
    }

    // One value read on the engine's own connection.
    QVariant scalar(const QString &sql, const QVariantList &binds = {})
    {
        return test::scalarOf(store->db().handle(), sql, binds);
    }

    double refunded(const QString &orderId) { return store->customers().findOrder(companyId, orderId)->refundedAmount; }
    int ledgerRows(const QString &kind)
    {
        return scalar(QStringLiteral("SELECT COUNT(*) FROM ledger WHERE kind = ?"), {kind}).toInt();
    }

    QTemporaryDir dir;
    FakeClock clock;
    std::unique_ptr<Store> store;
    std::unique_ptr<SessionEngine> engine;
    QString companyId;
};

inline QStringList actionsOf(const MessageOutcome &o)
{
    QStringList out;
    if (o.aiResponse)
        if (o.aiResponse->meta.ai)
            out = o.aiResponse->meta.ai->actionsTaken;
    return out;
}

} // namespace tierdesk::test
