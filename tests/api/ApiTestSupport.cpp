#include "tests/api/ApiTestSupport.h"

#include "tests/support/TestStore.h"

#include "core/engine/demo/DemoSeeder.h"
#include "tests/support/SqlScalar.h"
#include "tests/support/TestPaths.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QTimer>

#include <memory>

namespace tierdesk::test {

// ---- HttpResult ----------------------------------------------------------

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

bool HttpResult::hasHeader(const QByteArray &name) const
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray describe(const HttpResult &r)
{
    return "status " + QByteArray::number(r.status) + " body " + r.body.left(600)
        + (r.networkError.isEmpty() ? QByteArray() : " (" + r.networkError.toUtf8() + ")");
}

QString checkErrorBody(const HttpResult &r, int status, const QString &code)
{
    const QString got = QString::fromUtf8(describe(r));
    if (r.status != status)
        return QStringLiteral("expected status %1, got %2").arg(status).arg(got);
    if (!r.doc.isObject())
        return QStringLiteral("body is not a JSON object: ") + got;
    const QJsonObject top = r.json();
    if (top.size() != 1 || !top.value(QLatin1String("error")).isObject())
        return QStringLiteral("body must be exactly {\"error\":{...}}: ") + got;
    const QJsonObject e = r.error();
    if (e.value(QLatin1String("code")).toString() != code)
        return QStringLiteral("expected code %1: %2").arg(code, got);
    if (!e.value(QLatin1String("message")).isString() || e.value(QLatin1String("message")).toString().isEmpty())
        return QStringLiteral("message must be a non-empty string: ") + got;
    for (auto it = e.begin(); it != e.end(); ++it) {
        if (it.key() == QLatin1String("code") || it.key() == QLatin1String("message"))
            continue;
        if (it.key() != QLatin1String("details") || !it->isObject())
            return QStringLiteral("unexpected member '%1' in error: %2").arg(it.key(), got);
    }
    if (!r.header("content-type").startsWith("application/json"))
        return QStringLiteral("content type is not JSON: ") + QString::fromLatin1(r.header("content-type"));
    return {};
}

// ---- HttpClient ----------------------------------------------------------

HttpClient::HttpClient(quint16 port, QByteArray token) : m_port(port), m_token(std::move(token))
{
    m_nam.setAutoDeleteReplies(false);
}

HttpResult HttpClient::get(const QString &path)
{
    return send("GET", path);
}

HttpResult HttpClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::put(const QString &path, const QJsonObject &body)
{
    return send("PUT", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::patch(const QString &path, const QJsonObject &body)
{
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpClient::del(const QString &path)
{
    return send("DELETE", path);
}

HttpResult HttpClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const HeaderList &headers, bool withToken, int timeoutMs)
{
    const QUrl url
        = QUrl::fromEncoded(QByteArrayLiteral("http://127.0.0.1:") + QByteArray::number(m_port) + path.toUtf8());
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // The server's own answer, redirects included (never followed).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (withToken && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);

    std::unique_ptr<QNetworkReply> reply(body.isEmpty() && method != "POST" && method != "PUT"
            ? m_nam.sendCustomRequest(request, method)
            : m_nam.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpResult r;
    if (!reply->isFinished()) {
        r.networkError = QStringLiteral("timed out");
        reply->abort();
        return r;
    }
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.append({h.first.toLower(), h.second});
    if (reply->error() != QNetworkReply::NoError)
        r.networkError = reply->errorString();
    r.doc = QJsonDocument::fromJson(r.body);
    return r;
}

QString withQuery(const QString &path, const QList<QPair<QString, QString>> &items)
{
    QString out = path;
    QChar sep = QLatin1Char('?');
    for (const auto &item : items) {
        out += sep + QString::fromLatin1(QUrl::toPercentEncoding(item.first)) + QLatin1Char('=')
            + QString::fromLatin1(QUrl::toPercentEncoding(item.second));
        sep = QLatin1Char('&');
    }
    return out;
}

QJsonObject sessionBody(
    const QString &companyId, const QString &customerId, const QString &initialMessage, const QString &channel)
{
    QJsonObject o{{QStringLiteral("companyId"), companyId}, {QStringLiteral("customerId"), customerId},
        {QStringLiteral("channel"), channel}};
    if (!initialMessage.isEmpty())
        o.insert(QStringLiteral("initialMessage"), initialMessage);
    return o;
}

QByteArray newWidgetKey(HttpClient &admin)
{
    const HttpResult key = admin.post(QStringLiteral("/api/cs/tokens"),
        {{QStringLiteral("kind"), QStringLiteral("widget")}, {QStringLiteral("name"), QStringLiteral("shop")}});
    if (key.status != 201)
        qWarning("widget key: %d %s", key.status, key.body.constData());
    return key.json().value(QLatin1String("key")).toString().toUtf8();
}

ChatVisit startChat(quint16 port, const QByteArray &widgetKey)
{
    HttpClient visitor(port);
    const HttpResult r
        = visitor.send("POST", QStringLiteral("/api/v1/chat/session"), "{}", {{"X-Widget-Key", widgetKey}}, false);
    if (r.status != 201)
        qWarning("chat session: %d %s", r.status, r.body.constData());
    const QJsonObject data = r.json().value(QLatin1String("data")).toObject();
    return {data.value(QLatin1String("sessionId")).toString(),
        data.value(QLatin1String("visitorSecret")).toString().toUtf8()};
}

QString escalatedSession(
    HttpClient &admin, const QString &companyId, const QString &customerId, const QString &text, const QString &reason)
{
    const HttpResult created = admin.post(QStringLiteral("/api/cs/sessions"), sessionBody(companyId, customerId, text));
    const QString id = created.json().value(QLatin1String("id")).toString();
    const HttpResult escalated = admin.post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/escalate"),
        {{QStringLiteral("reason"), reason}, {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    return created.status == 201 && escalated.status == 200 ? id : QString();
}

// ---- ServerFixture -------------------------------------------------------

ServerFixture::~ServerFixture()
{
    stop();
}

bool ServerFixture::start(const QByteArray &ini, bool rateLimits, QString *error)
{
    auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!m_dir.isValid())
        return failWith(QStringLiteral("no temporary directory"));
    {
        // Test receivers listen on 127.0.0.1, which webhooks may reach only with
        // this setting; the test's own ini comes after it, so it can say otherwise.
        const QByteArray content = "[webhooks]\nallowPrivateNetworks=true\n\n" + ini;
        QFile file(m_dir.filePath(QStringLiteral("tierdesk.ini")));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return failWith(QStringLiteral("cannot write tierdesk.ini"));
    }
    // On PostgreSQL (TIERDESK_TEST_DATABASE=postgresql) a database of its own on the tests' server.
    auto rt = api::Runtime::open(m_dir.path(), m_clock ? *m_clock : SystemClock::instance(),
        test::testDatabaseUrl(m_dir.filePath(QStringLiteral("store"))));
    if (!rt)
        return failWith(rt.error().message);
    m_rt = std::move(rt.value());
    auto seeded = seedDemo(m_rt->engine(), Actor{});
    if (!seeded)
        return failWith(seeded.error().message);
    m_demo = *seeded;
    m_companyId = m_demo.value(QLatin1String("companyId")).toString();
    m_rt->store().batch().flush();
    api::ServerOptions options{QHostAddress::LocalHost, 0, rateLimits};
    if (m_sip)
        options.sipPort = 0;
    m_host = std::make_unique<api::ServerHost>(*m_rt, options);
    if (const Status started = m_host->start(); !started)
        return failWith(started.error().message);
    return true;
}

void ServerFixture::stop()
{
    m_host.reset();
    m_rt.reset();
}

QByteArray ServerFixture::token(
    api::Role role, const QString &company, qint64 ttlSecs, const QString &subject, const QString &customer)
{
    const QString boundTo = role != api::Role::Client ? QString()
        : customer.isEmpty()                          ? QStringLiteral("cust_ben")
                                                      : customer;
    return m_rt->auth().issue(company.isEmpty() ? m_companyId : company, role, subject, ttlSecs, boundTo);
}

std::unique_ptr<HttpClient> ServerFixture::client(api::Role role, const QString &company)
{
    return std::make_unique<HttpClient>(port(), token(role, company));
}

QString ServerFixture::createCompany(const QString &name)
{
    auto created = m_rt->engine().createCompany(name, Actor{});
    if (!created)
        return {};
    m_rt->store().batch().flush();
    return created->id;
}

// ---- WebhookReceiver -----------------------------------------------------

WebhookReceiver::WebhookReceiver()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { onConnection(); });
}

bool WebhookReceiver::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

void WebhookReceiver::close()
{
    m_server.close();
}

quint16 WebhookReceiver::port() const
{
    return m_server.serverPort();
}

QString WebhookReceiver::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

QList<ReceivedHttp> WebhookReceiver::withEvent(const QString &event) const
{
    QList<ReceivedHttp> out;
    for (const ReceivedHttp &r : m_requests)
        if (r.json().value(QLatin1String("event")).toString() == event)
            out << r;
    return out;
}

void WebhookReceiver::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            ReceivedHttp req;
            if (!parseReceivedRequest(*buffer, &req))
                return;
            buffer->clear();
            m_requests.append(req);
            QList<int> &script = m_script[req.target];
            const int status = script.isEmpty() ? m_default : script.takeFirst();
            socket->write("HTTP/1.1 " + QByteArray::number(status)
                + " Scripted\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            socket->disconnectFromHost();
        });
    }
}

// ---- ServeProcess --------------------------------------------------------

ServeProcess::~ServeProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        kill();
}

bool ServeProcess::start(const QString &dataDir, const QStringList &extraArgs, QString *error)
{
    m_output.clear();
    m_port = 0;
    m_companyId.clear();
    m_token.clear();
    const bool demo = extraArgs.contains(QStringLiteral("--demo"));
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(tierdeskExecutable(),
        QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("serve"), QStringLiteral("--port"),
            QStringLiteral("0")}
            + extraArgs);
    if (!m_process.waitForStarted(10000)) {
        *error
            = QStringLiteral("cannot start ") + tierdeskExecutable() + QStringLiteral(": ") + m_process.errorString();
        return false;
    }
    static const QRegularExpression serving(QStringLiteral("serving http://127\\.0\\.0\\.1:(\\d+)/api/cs"));
    static const QRegularExpression company(QStringLiteral("Demo company: (\\S+)"));
    static const QRegularExpression token(QStringLiteral("Admin token \\(24 h\\): (\\S+)"));
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        m_process.waitForReadyRead(100);
        m_output += m_process.readAllStandardOutput();
        const QString text = QString::fromUtf8(m_output);
        if (const auto m = serving.match(text); m.hasMatch())
            m_port = static_cast<quint16>(m.captured(1).toUInt());
        if (const auto m = company.match(text); m.hasMatch())
            m_companyId = m.captured(1);
        if (const auto m = token.match(text); m.hasMatch())
            m_token = m.captured(1).toLatin1();
        if (m_port != 0 && (!demo || !m_token.isEmpty()))
            return true;
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    *error = QStringLiteral("tierdesk serve did not report its port; stdout: %1 stderr: %2")
                 .arg(QString::fromUtf8(m_output), QString::fromUtf8(m_process.readAllStandardError()));
    kill();
    return false;
}

void ServeProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(10000);
}

bool ServeProcess::terminate()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        kill();
        return false;
    }
    return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
}

CliResult runTierdesk(const QStringList &args, int timeoutMs)
{
    QProcess p;
    return runTierdesk(p, args, timeoutMs);
}

CliResult runTierdeskWithInput(const QStringList &args, const QByteArray &input, int timeoutMs)
{
    QTemporaryFile file;
    if (!file.open() || file.write(input) != input.size() || !file.flush())
        return {};
    QProcess p;
    p.setStandardInputFile(file.fileName());
    return runTierdesk(p, args, timeoutMs);
}

CliResult runTierdesk(QProcess &p, const QStringList &args, int timeoutMs)
{
    p.start(tierdeskExecutable(), args);
    CliResult r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
    }
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace tierdesk::test

namespace tierdesk::test {

bool ServerFixture::addAgent(
    const QString &id, const QString &name, const QString &role, const QStringList &queues, qint64 createdAtMs)
{
    Agent a;
    a.id = id;
    a.companyId = m_companyId;
    a.email = id + QStringLiteral("@example.com");
    a.name = name;
    a.role = role;
    a.queues = queues;
    a.passwordHash = QStringLiteral("$argon2id$unused");
    a.createdAt = createdAtMs;
    Store &store = m_rt->store();
    return store.batch().run([&] { return store.agents().insert(a); }) && store.batch().flush();
}

QVariant ServerFixture::scalar(const QString &sql, const QVariantList &binds)
{
    Store &store = m_rt->store();
    if (!store.batch().flush())
        return {};
    return scalarOf(store.db().handle(), sql, binds);
}

} // namespace tierdesk::test
