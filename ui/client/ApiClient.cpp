#include "ui/client/ApiClient.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace tierdesk::ui {
namespace {

QString enc(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

ApiClient::ApiClient(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ApiError>();
    m_nam.setAutoDeleteReplies(true);
    connect(&m_events, &EventStream::welcomed, this, [this](const QString &company) {
        if (!company.isEmpty())
            m_companyId = company;
    });
}

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_base = url;
}

void ApiClient::setToken(const QByteArray &token)
{
    m_token = token;
    m_companyId = companyOfToken(token);
}

QString ApiClient::companyOfToken(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object().value(QLatin1String("company")).toString();
}

ApiError ApiClient::errorFrom(int status, const QByteArray &body, const QString &networkError)
{
    ApiError e;
    e.status = status;
    const QJsonObject err = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    e.code = err.value(QLatin1String("code")).toString();
    e.message = err.value(QLatin1String("message")).toString();
    e.details = err.value(QLatin1String("details")).toObject();
    if (status == 0) {
        e.code = QStringLiteral("NETWORK");
        e.message = networkError.isEmpty() ? tr("The server did not answer") : networkError;
    } else if (e.message.isEmpty()) {
        e.message = tr("The server answered %1").arg(status);
    }
    return e;
}

ApiReply *ApiClient::send(
    const QByteArray &method, const QString &path, const QJsonObject &body, const QUrlQuery &query, bool withBody)
{
    return request(method, path, body, query, withBody, {});
}

ApiReply *ApiClient::request(const QByteArray &method, const QString &path, const QJsonObject &body,
    const QUrlQuery &query, bool withBody, const QList<QPair<QByteArray, QByteArray>> &headers, bool withToken,
    int timeoutMs)
{
    const QByteArray token = withToken ? m_token : QByteArray();
    QNetworkRequest req = prepare(path, query, token, timeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    const QByteArray payload = withBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray();
    return track(
        withBody ? m_nam.sendCustomRequest(req, method, payload) : m_nam.sendCustomRequest(req, method), token);
}

QNetworkReply *ApiClient::download(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req = prepare(path, {}, m_token, kTimeoutMs);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam.get(req);
    connect(reply, &QNetworkReply::finished, this, [this, reply, token = m_token] {
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 401 && token == m_token)
            emit unauthorized();
    });
    return reply;
}

QNetworkRequest ApiClient::prepare(
    const QString &path, const QUrlQuery &query, const QByteArray &token, int timeoutMs) const
{
    QUrl url = m_base;
    QString basePath = m_base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    url.setQuery(query);
    QNetworkRequest req(url);
    req.setTransferTimeout(timeoutMs);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    return req;
}

ApiReply *ApiClient::track(QNetworkReply *reply, const QByteArray &token, bool answerOn400)
{
    auto *out = new ApiReply(this);
    connect(reply, &QNetworkReply::finished, out, [this, reply, out, token, answerOn400] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray data = reply->readAll();
        const QJsonObject body = QJsonDocument::fromJson(data).object();
        const bool answer = answerOn400 && status == 400 && !body.isEmpty() && !body.contains(QLatin1String("error"));
        if ((status >= 200 && status < 300) || answer) {
            noteStoreState(status, nullptr);
            out->finishOk(status, body);
            return;
        }
        const ApiError e = errorFrom(status, data, status == 0 ? reply->errorString() : QString());
        noteStoreState(status, &e);
        out->finishError(e);
        // Only the token still in use: a late answer to another company's token ends nothing.
        if (status == 401 && !token.isEmpty() && token == m_token)
            emit unauthorized();
    });
    return out;
}

void ApiClient::noteStoreState(int status, const ApiError *error)
{
    if (status == 0)
        return; // no answer says nothing about the server's database
    const bool reconnecting = status == 503 && error
        && error->details.value(QLatin1String("reason")).toString() == QLatin1String("connection");
    if (reconnecting == m_storeReconnecting)
        return;
    m_storeReconnecting = reconnecting;
    emit storeReconnectingChanged(reconnecting);
}

void ApiClient::keepAgent(const QJsonObject &body, bool withToken)
{
    if (withToken) {
        const QByteArray token = body.value(QLatin1String("token")).toString().toLatin1();
        if (!token.isEmpty())
            setToken(token);
    }
    const QJsonObject agent = body.value(QLatin1String("agent")).toObject();
    if (agent.isEmpty())
        return;
    m_agent = agent;
    m_company = body.value(QLatin1String("company")).toObject();
    if (const QString company = agent.value(QLatin1String("companyId")).toString(); !company.isEmpty())
        m_companyId = company;
    emit agentChanged();
}

ApiReply *ApiClient::createCompany(const QString &name, const QJsonObject &admin, bool copyConfig)
{
    return send("POST", QStringLiteral("/api/cs/companies"),
        {{QStringLiteral("name"), name}, {QStringLiteral("admin"), admin}, {QStringLiteral("copyConfig"), copyConfig}},
        {}, true);
}

ApiReply *ApiClient::renameCompany(const QString &name)
{
    ApiReply *r = send(
        "PATCH", QStringLiteral("/api/cs/companies/") + enc(m_companyId), {{QStringLiteral("name"), name}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &company) {
        if (company.value(QLatin1String("id")).toString() != m_companyId)
            return;
        m_company = company;
        emit agentChanged();
    });
    return r;
}

ApiReply *ApiClient::authStatus()
{
    return send("GET", QStringLiteral("/api/cs/auth/status"));
}

ApiReply *ApiClient::setup(const QString &email, const QString &password, const QString &name, const QByteArray &secret)
{
    ApiReply *r = request("POST", QStringLiteral("/api/cs/auth/setup"),
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}, {QStringLiteral("name"), name}}, {},
        true, {{"X-Tierdesk-Setup", secret}}, false);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) { keepAgent(body, true); });
    return r;
}

ApiReply *ApiClient::me()
{
    ApiReply *r = send("GET", QStringLiteral("/api/cs/auth/me"));
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) { keepAgent(body, false); });
    return r;
}

ApiReply *ApiClient::config()
{
    return keepingConfig(send("GET", QStringLiteral("/api/cs/config"), {}, companyQuery()));
}

ApiReply *ApiClient::putConfig(const QJsonObject &patch)
{
    QJsonObject body = patch;
    body.insert(QStringLiteral("companyId"), m_companyId);
    return keepingConfig(send("PUT", QStringLiteral("/api/cs/config"), body, {}, true));
}

ApiReply *ApiClient::keepingConfig(ApiReply *reply)
{
    connect(reply, &ApiReply::succeeded, this, [this](const QJsonObject &config) {
        const QString company = config.value(QLatin1String("companyId")).toString();
        if (company != m_companyId)
            return; // signed in to another company meanwhile
        m_currencyOf = company;
        m_currency = config.value(QLatin1String("company")).toObject().value(QLatin1String("currency")).toString();
        emit configChanged(config);
    });
    return reply;
}

QString ApiClient::currency() const
{
    return m_currencyOf == m_companyId && !m_currency.isEmpty() ? m_currency : QStringLiteral("USD");
}

ApiReply *ApiClient::agents()
{
    return send("GET", QStringLiteral("/api/cs/agents"), {}, companyQuery());
}

ApiReply *ApiClient::setPresence(const QString &presence)
{
    return send(
        "PUT", QStringLiteral("/api/cs/agents/me/presence"), {{QStringLiteral("presence"), presence}}, {}, true);
}

ApiReply *ApiClient::setWeeklySummary(bool on)
{
    ApiReply *r = send(
        "PUT", QStringLiteral("/api/cs/agents/me/notifications"), {{QStringLiteral("weeklySummary"), on}}, {}, true);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        const QJsonObject agent = body.value(QLatin1String("agent")).toObject();
        if (agent.value(QLatin1String("id")) == m_agent.value(QLatin1String("id")))
            m_agent.insert(QStringLiteral("notifications"), agent.value(QLatin1String("notifications")));
    });
    return r;
}

ApiReply *ApiClient::setAgentCapacity(const QString &agentId, int capacity)
{
    return send(
        "PATCH", QStringLiteral("/api/cs/agents/") + agentId, {{QStringLiteral("capacity"), capacity}}, {}, true);
}

ApiReply *ApiClient::queue(const QueueQuery &q)
{
    QUrlQuery query{{QStringLiteral("companyId"), m_companyId}};
    if (!q.queue.isEmpty())
        query.addQueryItem(QStringLiteral("queue"), q.queue);
    if (!q.assignee.isEmpty())
        query.addQueryItem(QStringLiteral("assignee"), q.assignee);
    query.addQueryItem(QStringLiteral("limit"), QString::number(q.limit));
    if (q.snoozed)
        query.addQueryItem(QStringLiteral("snoozed"), QStringLiteral("true"));
    return send("GET", QStringLiteral("/api/cs/queue"), {}, query);
}

ApiReply *ApiClient::session(const QString &id)
{
    return send("GET", QStringLiteral("/api/cs/sessions/") + enc(id));
}

ApiReply *ApiClient::claim(const QString &id)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/claim").arg(enc(id)), {}, {}, true);
}

ApiReply *ApiClient::release(const QString &id)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/release").arg(enc(id)), {}, {}, true);
}

ApiReply *ApiClient::snooze(const QString &id, const QDateTime &until)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/snooze").arg(enc(id)),
        {{QStringLiteral("until"), until.toUTC().toString(Qt::ISODateWithMs)}}, {}, true);
}

ApiReply *ApiClient::assign(const QString &id, const QString &agentId)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/assign").arg(enc(id)),
        {{QStringLiteral("agentId"), agentId}}, {}, true);
}

ApiReply *ApiClient::sendMessage(
    const QString &id, const QString &content, bool internal, const QString &basedOn, bool force)
{
    QJsonObject body{{QStringLiteral("content"), content}, {QStringLiteral("internal"), internal}};
    if (!basedOn.isEmpty())
        body.insert(QStringLiteral("basedOn"), basedOn);
    if (force)
        body.insert(QStringLiteral("force"), true);
    return send("POST", QStringLiteral("/api/cs/sessions/%1/agent-messages").arg(enc(id)), body, {}, true);
}

ApiReply *ApiClient::transfer(const QString &id, const QString &targetTier, const QString &queue, const QString &notes)
{
    QJsonObject body{{QStringLiteral("targetTier"), targetTier}};
    if (!queue.isEmpty())
        body.insert(QStringLiteral("queue"), queue);
    if (!notes.isEmpty())
        body.insert(QStringLiteral("notes"), notes);
    return send("POST", QStringLiteral("/api/cs/sessions/%1/transfer").arg(enc(id)), body, {}, true);
}

ApiReply *ApiClient::resolve(const QString &id, const QString &type, const QString &summary)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/resolve").arg(enc(id)),
        {{QStringLiteral("resolutionType"), type}, {QStringLiteral("summary"), summary}}, {}, true);
}

ApiReply *ApiClient::closingMessage(const QString &id)
{
    return send("GET", QStringLiteral("/api/cs/sessions/%1/closing-message").arg(enc(id)));
}

ApiReply *ApiClient::resolve(
    const QString &id, const QString &type, const QString &summary, const QString &closingMessage)
{
    return send("POST", QStringLiteral("/api/cs/sessions/%1/resolve").arg(enc(id)),
        {{QStringLiteral("resolutionType"), type}, {QStringLiteral("summary"), summary},
            {QStringLiteral("closingMessage"), closingMessage}},
        {}, true);
}

ApiReply *ApiClient::mentions(bool unreadOnly)
{
    QUrlQuery q;
    if (unreadOnly)
        q.addQueryItem(QStringLiteral("unread"), QStringLiteral("true"));
    return send("GET", QStringLiteral("/api/cs/mentions"), {}, q);
}

ApiReply *ApiClient::markMentionRead(const QString &mentionId)
{
    return send("POST", QStringLiteral("/api/cs/mentions/%1/read").arg(enc(mentionId)), {}, {}, true);
}

ApiReply *ApiClient::act(
    const QString &id, const QString &type, const QString &orderId, double amount, const QString &reason)
{
    QJsonObject body{{QStringLiteral("type"), type}, {QStringLiteral("amount"), amount}};
    if (!orderId.isEmpty())
        body.insert(QStringLiteral("orderId"), orderId);
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return send("POST", QStringLiteral("/api/cs/sessions/%1/actions").arg(enc(id)), body, {}, true);
}

ApiReply *ApiClient::cannedResponses()
{
    return send("GET", QStringLiteral("/api/cs/canned-responses"), {}, companyQuery());
}

ApiReply *ApiClient::customers(const QString &query, int limit, int offset)
{
    QUrlQuery q{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("limit"), QString::number(limit)},
        {QStringLiteral("offset"), QString::number(offset)}};
    if (!query.trimmed().isEmpty())
        q.addQueryItem(QStringLiteral("q"), query.trimmed());
    return send("GET", QStringLiteral("/api/cs/customers"), {}, q);
}

ApiReply *ApiClient::customer(const QString &id)
{
    return send("GET", QStringLiteral("/api/cs/customers/") + enc(id), {}, companyQuery());
}

ApiReply *ApiClient::saveCustomer(const QString &id, const QJsonObject &fields)
{
    return send("PUT", QStringLiteral("/api/cs/customers/") + enc(id), fields, companyQuery(), true);
}

ApiReply *ApiClient::importCustomers(const QByteArray &data, const QByteArray &contentType, bool dryRun)
{
    QUrlQuery q{{QStringLiteral("companyId"), m_companyId}};
    if (dryRun)
        q.addQueryItem(QStringLiteral("dryRun"), QStringLiteral("true"));
    QNetworkRequest req = prepare(QStringLiteral("/api/cs/customers/import"), q, m_token, kImportTimeoutMs);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
    return track(m_nam.post(req, data), m_token);
}

ApiReply *ApiClient::eraseCustomer(const QString &id)
{
    return send("DELETE", QStringLiteral("/api/cs/customers/") + enc(id), {}, companyQuery());
}

ApiReply *ApiClient::customerSessions(const QString &customerId, int limit)
{
    return send("GET", QStringLiteral("/api/cs/sessions"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("customerId"), customerId},
            {QStringLiteral("limit"), QString::number(limit)}});
}

ApiReply *ApiClient::reasonSessions(const QString &reason, const QDate &from, const QDate &to, int limit)
{
    return send("GET", QStringLiteral("/api/cs/sessions"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("reason"), reason},
            {QStringLiteral("startDate"), from.toString(Qt::ISODate)},
            {QStringLiteral("endDate"), to.toString(Qt::ISODate)}, {QStringLiteral("limit"), QString::number(limit)}});
}

ApiReply *ApiClient::analytics(const QDate &from, const QDate &to, const QString &groupBy)
{
    QUrlQuery q{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("startDate"), from.toString(Qt::ISODate)},
        {QStringLiteral("endDate"), to.toString(Qt::ISODate)}};
    if (!groupBy.isEmpty())
        q.addQueryItem(QStringLiteral("groupBy"), groupBy);
    return send("GET", QStringLiteral("/api/cs/analytics"), {}, q);
}

ApiReply *ApiClient::renderCanned(const QString &cannedId, const QString &sessionId)
{
    return send("POST", QStringLiteral("/api/cs/canned-responses/%1/render").arg(enc(cannedId)),
        {{QStringLiteral("sessionId"), sessionId}}, {}, true);
}

ApiReply *ApiClient::saveCanned(const QString &id, const QJsonObject &fields)
{
    ApiReply *r = id.isEmpty()
        ? send("POST", QStringLiteral("/api/cs/canned-responses"), fields, companyQuery(), true)
        : send("PUT", QStringLiteral("/api/cs/canned-responses/%1").arg(enc(id)), fields, {}, true);
    connect(r, &ApiReply::succeeded, this, &ApiClient::cannedResponsesChanged);
    return r;
}

ApiReply *ApiClient::deleteCanned(const QString &id)
{
    ApiReply *r = send("DELETE", QStringLiteral("/api/cs/canned-responses/%1").arg(enc(id)));
    connect(r, &ApiReply::succeeded, this, &ApiClient::cannedResponsesChanged);
    return r;
}

ApiReply *ApiClient::aiProviders()
{
    return send("GET", QStringLiteral("/api/cs/ai/providers"));
}

ApiReply *ApiClient::addAiProvider(const QJsonObject &provider)
{
    QJsonObject body = provider;
    body.insert(QStringLiteral("companyId"), m_companyId);
    return send("POST", QStringLiteral("/api/cs/ai/providers"), body, {}, true);
}

ApiReply *ApiClient::removeAiProvider(const QString &name)
{
    return send("DELETE", QStringLiteral("/api/cs/ai/providers/") + enc(name));
}

ApiReply *ApiClient::testAiProvider(const QString &name, const QString &model, int waitMs)
{
    return request("POST", QStringLiteral("/api/cs/ai/providers/%1/test").arg(enc(name)),
        {{QStringLiteral("model"), model}}, {}, true, {}, true, qMax(waitMs, 0) + kTimeoutMs);
}

ApiReply *ApiClient::connectors()
{
    return send("GET", QStringLiteral("/api/cs/connectors"), {}, companyQuery());
}

ApiReply *ApiClient::putConnector(const QString &name, const QJsonObject &connector)
{
    return send("PUT", QStringLiteral("/api/cs/connectors/") + enc(name), connector, companyQuery(), true);
}

ApiReply *ApiClient::removeConnector(const QString &name)
{
    return send("DELETE", QStringLiteral("/api/cs/connectors/") + enc(name), {}, companyQuery());
}

ApiReply *ApiClient::testConnector(const QString &name, const QString &purpose, const QJsonObject &input, int waitMs)
{
    return request("POST", QStringLiteral("/api/cs/connectors/%1/test").arg(enc(name)),
        {{QStringLiteral("purpose"), purpose}, {QStringLiteral("input"), input}}, companyQuery(), true, {}, true,
        qMax(waitMs, 0) + kTimeoutMs);
}

ApiReply *ApiClient::connectorCalls(const QString &name, int limit)
{
    return send("GET", QStringLiteral("/api/cs/connectors/%1/calls").arg(enc(name)), {},
        QUrlQuery{{QStringLiteral("companyId"), m_companyId}, {QStringLiteral("limit"), QString::number(limit)}});
}

ApiReply *ApiClient::sessionChannel(const QString &sessionId)
{
    return send("GET", QStringLiteral("/api/cs/sessions/%1/channel").arg(enc(sessionId)));
}

QNetworkReply *ApiClient::sessionFile(const QString &sessionId, const QString &fileId)
{
    return download(QStringLiteral("/api/cs/sessions/%1/files/%2").arg(enc(sessionId), enc(fileId)));
}

ApiReply *ApiClient::assist(const QString &sessionId, const QString &task, const QString &text, const QString &language)
{
    QJsonObject body{{QStringLiteral("task"), task}};
    if (!text.isEmpty())
        body.insert(QStringLiteral("text"), text);
    if (!language.isEmpty())
        body.insert(QStringLiteral("language"), language);
    return request("POST", QStringLiteral("/api/cs/sessions/%1/assist").arg(enc(sessionId)), body, {}, true, {}, true,
        kModelTimeoutMs);
}

void ApiClient::startEvents()
{
    m_events.start(m_base, m_token);
}

} // namespace tierdesk::ui
