// Fuzzes the request validation of every /api/cs route that reads a JSON body (and of those
// that read a query string) through the real route table: an in-memory store with the demo
// company, a SessionEngine, an Authenticator and CsApi installed on an HttpServer that does not
// listen. The first input byte picks the route (see kRoutes; any other byte picks by value),
// the rest is the body (or the query). The request carries an admin token, and ":id" names a
// session created for this input.
// Properties: every request is answered exactly once, never with a 5xx, an error always has
// the CS error body {"error":{"code":...,"message":...}}, and a success with a body is JSON.
#include "core/api/auth/AuthGate.h"
#include "core/api/auth/Authenticator.h"
#include "core/api/common/RateLimiter.h"
#include "core/api/cs/CsApi.h"
#include "core/api/http/HttpServer.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/demo/DemoSeeder.h"
#include "core/store/Store.h"
#include "fuzz/FuzzCheck.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QThreadPool>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>

using namespace tierdesk;

namespace {

const QString kCompany = QStringLiteral("co_fuzz");
const QByteArray kKey = QByteArrayLiteral("tierdesk-fuzz-key-0123456789abcdef");
// The fixture (store, engine, API) is rebuilt after this many inputs, so what inputs leave
// behind (sessions, the repeat-contact history, audit rows) never grows without bound.
constexpr int kInputsPerFixture = 500;

struct Route {
    char key; // the first input byte that picks this route
    const char *method;
    const char *path; // "{session}" is replaced by a fresh session's id
    bool query; // the rest of the input is the query string, not the body
};

const Route kRoutes[] = {
    {'S', "POST", "/api/cs/sessions", false},
    {'M', "POST", "/api/cs/sessions/{session}/messages", false},
    {'E', "POST", "/api/cs/sessions/{session}/escalate", false},
    {'R', "POST", "/api/cs/sessions/{session}/resolve", false},
    {'C', "PUT", "/api/cs/config", false},
    {'W', "POST", "/api/cs/webhooks", false},
    {'s', "GET", "/api/cs/sessions", true},
    {'a', "GET", "/api/cs/analytics", true},
    {'c', "GET", "/api/cs/config", true},
    {'w', "GET", "/api/cs/webhooks", true},
    {'u', "GET", "/api/cs/audit", true},
};
constexpr size_t kRouteCount = sizeof(kRoutes) / sizeof(kRoutes[0]);

const Route &routeFor(uint8_t byte)
{
    for (const Route &r : kRoutes)
        if (uint8_t(r.key) == byte)
            return r;
    return kRoutes[byte % kRouteCount];
}

class Fixture {
public:
    Fixture()
    {
        auto opened = Store::open(QStringLiteral(":memory:"));
        fuzz::check(opened.ok(), "cannot open the in-memory store");
        m_store = std::move(opened.value());
        // The demo seed fills the company of its name; a fixed id lets seeds name it.
        QFile demo(QStringLiteral(":/demo/demo.json"));
        fuzz::check(demo.open(QIODevice::ReadOnly), "demo data missing");
        const QString name = QJsonDocument::fromJson(demo.readAll())
                                 .object()
                                 .value(QLatin1String("company"))
                                 .toObject()
                                 .value(QLatin1String("name"))
                                 .toString();
        const Company company{kCompany, name, SystemClock::instance().nowMs(), CsConfig::defaults()};
        fuzz::check(
            m_store->batch().run([&] { return m_store->companies().insert(company); }).ok(), "cannot add the company");
        m_engine = std::make_unique<SessionEngine>(*m_store, SystemClock::instance());
        fuzz::check(seedDemo(*m_engine, Actor{}).ok(), "cannot seed the demo store");
        fuzz::check(m_store->batch().flush(), "cannot commit the fixture");

        m_auth = std::make_unique<api::Authenticator>(kKey, SystemClock::instance());
        m_token = "Bearer " + m_auth->issue(kCompany, api::Role::Admin, QStringLiteral("fuzzer"), 10 * 365 * 86400);
        m_limiter = std::make_unique<api::RateLimiter>(SystemClock::instance());
        api::CsRateLimits limits;
        limits.enabled = false; // the fuzzer would only ever see 429s
        m_gate = std::make_unique<api::AuthGate>(*m_auth, *m_engine, api::AuthThrottle{false, 1, 60});
        m_api = std::make_unique<api::CsApi>(*m_engine, *m_gate, *m_limiter, limits);
        m_server = std::make_unique<http::HttpServer>();
        m_api->install(*m_server);
    }

    void run(const Route &route, const QByteArray &rest)
    {
        http::HttpRequest req;
        req.method = route.method;
        req.path = QString::fromLatin1(route.path);
        if (req.path.contains(QLatin1String("{session}")))
            req.path.replace(QLatin1String("{session}"), freshSession());
        // The fixture's company comes last: a companyId in the input wins.
        if (route.query)
            req.query.setQuery(QString::fromUtf8(rest) + QStringLiteral("&companyId=") + kCompany);
        else
            req.body = rest;
        req.headers.insert("authorization", m_token);
        req.headers.insert("content-type", "application/json");
        req.peerAddress = QHostAddress::LocalHost;

        const http::Router::Match m = m_server->router().match(req.method, req.path);
        fuzz::check(
            m.kind == http::Router::Match::Found && m.handler, "route not found", req.method + ' ' + req.path.toUtf8());
        req.pathParams = m.params;

        std::optional<http::HttpResponse> answer;
        int answers = 0;
        const auto responder = http::HttpResponder::capturing([&](http::HttpResponse &&r) {
            ++answers;
            answer = std::move(r);
        });
        (*m.handler)(req, responder);
        m_store->batch().flush(); // replies wait for the commit of their writes
        QCoreApplication::processEvents();
        // A webhook's host name is resolved before its answer: wait for it, bounded.
        QElapsedTimer waited;
        waited.start();
        while (answers == 0 && waited.elapsed() < 10000) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
            m_store->batch().flush();
        }

        const QByteArray what
            = req.method + ' ' + req.path.toUtf8() + ' ' + (route.query ? req.query.toString().toUtf8() : req.body);
        fuzz::check(answers == 1, "a request was not answered exactly once", what);
        checkResponse(*answer, what);
        undo(route, *answer);
    }

private:
    QString freshSession()
    {
        CreateSessionRequest req;
        req.companyId = kCompany;
        req.customerId = QStringLiteral("cust_alice");
        const auto s = m_engine->createSession(req, Actor{});
        fuzz::check(s.ok(), "cannot create a session");
        return s->id;
    }

    static void checkResponse(const http::HttpResponse &r, const QByteArray &what)
    {
        const QByteArray head = "status " + QByteArray::number(r.status) + '\n' + what + '\n' + r.body;
        fuzz::check(r.status >= 200 && r.status < 500, "status outside 2xx-4xx", head);
        if (r.status == 204)
            return;
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &err);
        fuzz::check(err.error == QJsonParseError::NoError && doc.isObject(), "body is not a JSON object", head);
        if (r.status < 400)
            return;
        const QJsonObject error = doc.object().value(QLatin1String("error")).toObject();
        fuzz::check(error.value(QLatin1String("code")).toString().startsWith(QLatin1String("CS_")),
            "error without a CS error code", head);
        fuzz::check(!error.value(QLatin1String("message")).toString().isEmpty(), "error without a message", head);
    }

    // Puts back what a successful write changed for every later input: config and webhooks.
    void undo(const Route &route, const http::HttpResponse &r)
    {
        if (r.status >= 300)
            return;
        if (route.key == 'C')
            fuzz::check(
                m_engine->updateConfig(kCompany, CsConfig::defaults(), {}, Actor{}).ok(), "cannot restore config");
        if (route.key == 'W') {
            const QString id = QJsonDocument::fromJson(r.body).object().value(QLatin1String("id")).toString();
            fuzz::check(m_engine->webhooks().remove(kCompany, id, Actor{}).ok(), "cannot remove the webhook", r.body);
        }
        m_store->batch().flush();
    }

    std::unique_ptr<Store> m_store;
    std::unique_ptr<SessionEngine> m_engine;
    std::unique_ptr<api::Authenticator> m_auth;
    std::unique_ptr<api::RateLimiter> m_limiter;
    std::unique_ptr<api::AuthGate> m_gate;
    std::unique_ptr<api::CsApi> m_api;
    std::unique_ptr<http::HttpServer> m_server;
    QByteArray m_token;
};

std::unique_ptr<Fixture> g_fixture;
int g_inputs = 0;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static int argc = 1;
    static char name[] = "fuzz_cs_json";
    static char *argv[] = {name, nullptr};
    // Never destroyed: libFuzzer ends with exit(), and a QCoreApplication destroyed among the
    // static destructors would outlive Qt globals created after it (resolver, thread pools).
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (!g_fixture) {
        g_fixture = std::make_unique<Fixture>();
        // Registered after Qt's own globals (QtSql's connection list) exist, so it runs before
        // they are destroyed at exit.
        std::atexit([] {
            g_fixture.reset();
            // What the fixture's objects posted or handed to pools settles before Qt's globals go.
            QThreadPool::globalInstance()->waitForDone();
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
        });
    } else if (++g_inputs % kInputsPerFixture == 0) {
        g_fixture.reset();
        g_fixture = std::make_unique<Fixture>();
    }
    g_fixture->run(routeFor(data[0]), QByteArray(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1)));
    return 0;
}
