#pragma once

#include "tests/support/ReceivedRequest.h"

// Shared pieces of the /api/cs tests: a synchronous HTTP client on
// QNetworkAccessManager, an in-process server on a fresh data directory, a
// scriptable webhook receiver on loopback and a handle on a `tierdesk serve`
// child process.

#include "core/runtime/Runtime.h"
#include "core/runtime/ServerHost.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <memory>

namespace tierdesk::test {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult {
    int status = 0; // 0: no HTTP answer (connection refused, timeout)
    HeaderList headers;
    QByteArray body;
    QJsonDocument doc;
    QString networkError;

    QByteArray header(const QByteArray &name) const; // case-insensitive
    bool hasHeader(const QByteArray &name) const;
    QJsonObject json() const { return doc.object(); }
    // The canonical error body's parts ({"error":{"code","message","details"}}).
    QJsonObject error() const { return json().value(QLatin1String("error")).toObject(); }
    QString errorCode() const { return error().value(QLatin1String("code")).toString(); }
};

// "Why did it fail" text for QVERIFY2.
QByteArray describe(const HttpResult &r);

// Checks the exact error body: an object with only "error", which holds a string
// code equal to `code`, a non-empty string message and, if present, an object
// "details" (nothing else). Returns an empty string when it is right.
QString checkErrorBody(const HttpResult &r, int status, const QString &code);

// Synchronous requests against 127.0.0.1:<port>; the event loop spins while
// waiting, so an in-process server keeps serving.
class HttpClient {
public:
    explicit HttpClient(quint16 port, QByteArray token = {});
    void setToken(const QByteArray &token) { m_token = token; }
    const QByteArray &token() const { return m_token; }
    quint16 port() const { return m_port; }

    // `path` is sent as given: percent-encode it yourself.
    HttpResult get(const QString &path);
    HttpResult post(const QString &path, const QJsonObject &body);
    HttpResult put(const QString &path, const QJsonObject &body);
    HttpResult patch(const QString &path, const QJsonObject &body);
    HttpResult del(const QString &path);
    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const HeaderList &headers = {}, bool withToken = true, int timeoutMs = 10000);

private:
    quint16 m_port;
    QByteArray m_token;
    QNetworkAccessManager m_nam;
};

// path?key=value&... with every value percent-encoded.
QString withQuery(const QString &path, const QList<QPair<QString, QString>> &items);

// A Runtime on a fresh data directory (with a tierdesk.ini written first:
// webhooks/allowPrivateNetworks=true, then `ini`), seeded with the demo
// company, and a ServerHost on a free port.
class ServerFixture {
public:
    ServerFixture() = default;
    ~ServerFixture();

    // The engine's clock (default: the system's); set before start().
    void setClock(const Clock *clock) { m_clock = clock; }
    // The SIP door on a free port too (host().sipPort()); set before start().
    void setSip(bool on) { m_sip = on; }
    bool start(const QByteArray &ini = {}, bool rateLimits = true, QString *error = nullptr);
    void stop();

    api::Runtime &runtime() { return *m_rt; }
    api::ServerHost &host() { return *m_host; }
    quint16 port() const { return m_host ? m_host->port() : 0; }
    QString dataDir() const { return m_dir.path(); }
    const QString &companyId() const { return m_companyId; }
    const QJsonObject &demo() const { return m_demo; }

    // Client tokens act for one customer: `customer`, or cust_ben of the demo store.
    QByteArray token(api::Role role, const QString &company = {}, qint64 ttlSecs = 3600,
        const QString &subject = QStringLiteral("tester"), const QString &customer = {});
    std::unique_ptr<HttpClient> client(api::Role role, const QString &company = {});
    QString createCompany(const QString &name); // committed before it returns
    // An agent of the demo company, stored directly (its password hash is not usable).
    bool addAgent(
        const QString &id, const QString &name, const QString &role, const QStringList &queues, qint64 createdAtMs = 0);
    // One value read on the engine's connection, after the pending batch is committed.
    QVariant scalar(const QString &sql, const QVariantList &binds = {});

private:
    QTemporaryDir m_dir;
    const Clock *m_clock = nullptr;
    bool m_sip = false;
    std::unique_ptr<api::Runtime> m_rt;
    std::unique_ptr<api::ServerHost> m_host;
    QString m_companyId;
    QJsonObject m_demo;
};

// Body of POST /api/cs/sessions.
QJsonObject sessionBody(const QString &companyId, const QString &customerId, const QString &initialMessage = {},
    const QString &channel = QStringLiteral("chat"));

// A new widget key of the admin's company (POST /api/cs/tokens, kind widget); empty when refused.
QByteArray newWidgetKey(HttpClient &admin);

// A web visitor's chat started with a widget key (POST /api/v1/chat/session, body `{}`): its
// session and visitor secret, both empty when refused.
struct ChatVisit {
    QString sessionId;
    QByteArray secret;
};
ChatVisit startChat(quint16 port, const QByteArray &widgetKey);

// A new session of `customerId` (first message `text`) escalated to HUMAN_AGENT by `admin` for
// `reason`: it waits on the desk. Its id, or empty when either call failed.
QString escalatedSession(HttpClient &admin, const QString &companyId, const QString &customerId,
    const QString &text = QStringLiteral("Hello there"), const QString &reason = QStringLiteral("CUSTOMER_REQUEST"));

using ReceivedHttp = ReceivedRequest;

// An HTTP/1.1 receiver on 127.0.0.1 in the test's thread. Answers each request
// to a path with the next status scripted for that path (then with the
// default), Connection: close.
class WebhookReceiver {
public:
    WebhookReceiver();
    bool listen(quint16 port = 0);
    void close();
    quint16 port() const;
    QString url(const QString &path = QStringLiteral("/hook")) const;
    void script(const QByteArray &path, const QList<int> &statuses) { m_script.insert(path, statuses); }
    void setDefaultStatus(int status) { m_default = status; }
    const QList<ReceivedHttp> &requests() const { return m_requests; }
    // Requests whose JSON body has "event" == event.
    QList<ReceivedHttp> withEvent(const QString &event) const;

private:
    void onConnection();

    QTcpServer m_server;
    QHash<QByteArray, QList<int>> m_script;
    int m_default = 200;
    QList<ReceivedHttp> m_requests;
};

// `tierdesk --data-dir D serve --port 0 ...` as a child process.
class ServeProcess {
public:
    ~ServeProcess();
    // Starts and waits for the "serving" line (and the demo lines when --demo is given).
    bool start(const QString &dataDir, const QStringList &extraArgs, QString *error);
    void kill(); // SIGKILL, and wait for the end
    bool terminate(); // SIGTERM: a clean stop; true if it exited with 0
    quint16 port() const { return m_port; }
    const QString &companyId() const { return m_companyId; }
    const QByteArray &adminToken() const { return m_token; }
    QByteArray output() const { return m_output; }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
    QString m_companyId;
    QByteArray m_token;
};

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};
// Runs the built tierdesk with args and waits (up to timeoutMs).
CliResult runTierdesk(const QStringList &args, int timeoutMs = 20000);
// The same with a process the caller has prepared (environment, child modifier).
CliResult runTierdesk(QProcess &process, const QStringList &args, int timeoutMs = 20000);
// The same with `input` on its standard input (--password-stdin, --api-key-stdin).
CliResult runTierdeskWithInput(const QStringList &args, const QByteArray &input, int timeoutMs = 20000);

} // namespace tierdesk::test
