#include "tests/support/ScriptedTwilioServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUuid>

#include <algorithm>

namespace tierdesk::test {

namespace {

const QString kApiVersion = QStringLiteral("2010-04-01");
constexpr int kMaxBodyChars = 1600; // Twilio's limit for one message's body

// Twilio's error body, as its API writes it.
QByteArray twilioError(int status, int code, const QString &message)
{
    const QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), message},
        {QStringLiteral("more_info"), QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
        {QStringLiteral("status"), status}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString twilioMessageOf(int code)
{
    switch (code) {
    case 20003:
        return QStringLiteral("Authenticate");
    case 20429:
        return QStringLiteral("Too Many Requests");
    case 20500:
        return QStringLiteral("Internal Server Error");
    case 21211:
        return QStringLiteral("The 'To' number is not a valid phone number.");
    default:
        return QStringLiteral("Error %1").arg(code);
    }
}

QByteArray statusLine(int status)
{
    switch (status) {
    case 200:
        return "200 OK";
    case 201:
        return "201 Created";
    case 400:
        return "400 Bad Request";
    case 401:
        return "401 Unauthorized";
    case 404:
        return "404 Not Found";
    case 429:
        return "429 Too Many Requests";
    default:
        return QByteArray::number(status) + (status >= 500 ? " Server Error" : " Status");
    }
}

ScriptedTwilioServer::Params parseForm(const QByteArray &body)
{
    ScriptedTwilioServer::Params form;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        form.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name.replace('+', ' '))),
            QString::fromUtf8(QByteArray::fromPercentEncoding(value.replace('+', ' ')))});
    }
    return form;
}

QString field(const ScriptedTwilioServer::Params &form, const QString &name)
{
    for (const auto &p : form)
        if (p.first == name)
            return p.second;
    return {};
}

bool hasField(const ScriptedTwilioServer::Params &form, const QString &name)
{
    return std::any_of(form.begin(), form.end(), [&](const auto &p) { return p.first == name; });
}

// Segments as a phone network counts them: GSM-7 (160, or 153 each when concatenated) for plain
// ASCII, else UCS-2 (70, or 67 each).
int segmentsOf(const QString &body)
{
    const bool gsm = std::all_of(body.begin(), body.end(), [](QChar c) { return c.unicode() < 0x7f; });
    const int single = gsm ? 160 : 70;
    const int each = gsm ? 153 : 67;
    return body.size() <= single ? 1 : int((body.size() + each - 1) / each);
}

QString rfc2822Now()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
        + QStringLiteral(" +0000");
}

QString newSid(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

ScriptedTwilioServer::ScriptedTwilioServer(QString accountSid, QString authToken, QStringList numbers)
    : m_accountSid(std::move(accountSid)), m_authToken(std::move(authToken)), m_numbers(std::move(numbers))
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_context,
        [this] {
            m_server = new QTcpServer(m_context);
            if (!m_server->listen(QHostAddress::LocalHost, 0))
                return;
            m_port = m_server->serverPort();
            connect(m_server, &QTcpServer::newConnection, m_server, [this] { accept(); });
        },
        Qt::BlockingQueuedConnection);
}

ScriptedTwilioServer::~ScriptedTwilioServer()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString ScriptedTwilioServer::apiUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

void ScriptedTwilioServer::failNext(int status, int twilioCode, int retryAfterSecs)
{
    QMutexLocker lock(&m_mutex);
    m_failures.append({status, twilioCode, retryAfterSecs});
}

QList<ScriptedTwilioServer::Message> ScriptedTwilioServer::messages() const
{
    QMutexLocker lock(&m_mutex);
    return m_messages;
}

QList<ReceivedRequest> ScriptedTwilioServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int ScriptedTwilioServer::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

std::optional<ScriptedTwilioServer::Failure> ScriptedTwilioServer::takeFailure()
{
    QMutexLocker lock(&m_mutex);
    if (m_failures.isEmpty())
        return std::nullopt;
    return m_failures.takeFirst();
}

void ScriptedTwilioServer::accept()
{
    while (QTcpSocket *s = m_server->nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
            buffer->append(s->readAll());
            ReceivedRequest request;
            if (!parseReceivedRequest(*buffer, &request))
                return;
            buffer->clear();
            serve(s, request);
        });
    }
}

void ScriptedTwilioServer::serve(QTcpSocket *socket, const ReceivedRequest &request)
{
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(request);
    }
    const Reply reply = answer(request);
    emit received();
    QByteArray wire = "HTTP/1.1 " + statusLine(reply.status) + "\r\nContent-Type: application/json; charset=utf-8\r\n";
    for (const auto &h : reply.headers)
        wire += h.first + ": " + h.second + "\r\n";
    wire += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\nConnection: close\r\n\r\n" + reply.body;
    socket->write(wire);
    socket->disconnectFromHost();
}

ScriptedTwilioServer::Reply ScriptedTwilioServer::answer(const ReceivedRequest &request)
{
    static const QRegularExpression path(QStringLiteral("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$"));
    const QRegularExpressionMatch m = path.match(QString::fromLatin1(request.target));
    if (request.method != "POST" || !m.hasMatch())
        return {404,
            twilioError(404, 20404,
                QStringLiteral("The requested resource %1 was not found").arg(QString::fromLatin1(request.target))),
            {}};
    const QByteArray basic = QByteArray::fromBase64(request.header("authorization").mid(6));
    const QString account = m.captured(1);
    if (!request.header("authorization").startsWith("Basic ")
        || basic != (m_accountSid + QLatin1Char(':') + m_authToken).toUtf8() || account != m_accountSid)
        return {401, twilioError(401, 20003, twilioMessageOf(20003)), {}};
    if (const std::optional<Failure> f = takeFailure()) {
        Reply r{f->status, twilioError(f->status, f->code, twilioMessageOf(f->code)), {}};
        if (f->retryAfterSecs >= 0)
            r.headers.append({"Retry-After", QByteArray::number(f->retryAfterSecs)});
        return r;
    }
    return create(account, parseForm(request.body));
}

ScriptedTwilioServer::Reply ScriptedTwilioServer::create(const QString &accountSid, const Params &form)
{
    const auto refuse = [](int code, const QString &message) {
        return Reply{400, twilioError(400, code, message), {}};
    };
    Message msg;
    msg.to = field(form, QStringLiteral("To"));
    msg.from = field(form, QStringLiteral("From"));
    msg.body = field(form, QStringLiteral("Body"));
    msg.statusCallback = field(form, QStringLiteral("StatusCallback"));
    if (msg.to.isEmpty())
        return refuse(21604, QStringLiteral("A 'To' phone number is required."));
    if (msg.from.isEmpty())
        return refuse(21603, QStringLiteral("A 'From' phone number is required."));
    if (!hasField(form, QStringLiteral("Body")) || msg.body.isEmpty())
        return refuse(21602, QStringLiteral("Message body is required."));
    if (msg.body.size() > kMaxBodyChars)
        return refuse(21617, QStringLiteral("The concatenated message body exceeds the 1600 character limit."));
    if (!m_numbers.contains(msg.from))
        return refuse(21606,
            QStringLiteral("The From phone number %1 is not a valid, SMS-capable inbound phone number or short code "
                           "for your account.")
                .arg(msg.from));
    msg.sid = newSid("SM");
    msg.status = QStringLiteral("queued");
    msg.numSegments = segmentsOf(msg.body);
    const QString uri = QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2").arg(accountSid, msg.sid);
    const QString now = rfc2822Now();
    const QJsonObject resource{{QStringLiteral("account_sid"), accountSid},
        {QStringLiteral("api_version"), kApiVersion}, {QStringLiteral("body"), msg.body},
        {QStringLiteral("date_created"), now}, {QStringLiteral("date_sent"), QJsonValue::Null},
        {QStringLiteral("date_updated"), now}, {QStringLiteral("direction"), QStringLiteral("outbound-api")},
        {QStringLiteral("error_code"), QJsonValue::Null}, {QStringLiteral("error_message"), QJsonValue::Null},
        {QStringLiteral("from"), msg.from}, {QStringLiteral("messaging_service_sid"), QJsonValue::Null},
        {QStringLiteral("num_media"), QStringLiteral("0")},
        {QStringLiteral("num_segments"), QString::number(msg.numSegments)}, {QStringLiteral("price"), QJsonValue::Null},
        {QStringLiteral("price_unit"), QStringLiteral("USD")}, {QStringLiteral("sid"), msg.sid},
        {QStringLiteral("status"), msg.status},
        {QStringLiteral("subresource_uris"),
            QJsonObject{{QStringLiteral("media"), QString(uri + QStringLiteral("/Media.json"))}}},
        {QStringLiteral("to"), msg.to}, {QStringLiteral("uri"), QString(uri + QStringLiteral(".json"))}};
    {
        QMutexLocker lock(&m_mutex);
        m_messages.append(msg);
    }
    return {201, QJsonDocument(resource).toJson(QJsonDocument::Compact), {}};
}

ScriptedTwilioServer::Answer ScriptedTwilioServer::deliver(
    const QString &sid, const QString &status, const QString &errorCode)
{
    Message msg;
    {
        QMutexLocker lock(&m_mutex);
        const auto it
            = std::find_if(m_messages.begin(), m_messages.end(), [&](const Message &m) { return m.sid == sid; });
        if (it == m_messages.end())
            return {0, {}, {}, QStringLiteral("no message ") + sid};
        it->status = status;
        msg = *it;
    }
    if (msg.statusCallback.isEmpty())
        return {0, {}, {}, QStringLiteral("message %1 has no StatusCallback").arg(sid)};
    Params params{{QStringLiteral("MessageSid"), sid}, {QStringLiteral("SmsSid"), sid},
        {QStringLiteral("MessageStatus"), status}, {QStringLiteral("SmsStatus"), status},
        {QStringLiteral("AccountSid"), m_accountSid}, {QStringLiteral("From"), msg.from},
        {QStringLiteral("To"), msg.to}, {QStringLiteral("ApiVersion"), kApiVersion}};
    if (!errorCode.isEmpty() && (status == QLatin1String("failed") || status == QLatin1String("undelivered")))
        params.append({QStringLiteral("ErrorCode"), errorCode});
    return post(QUrl(msg.statusCallback), formBody(params),
        {{"Content-Type", "application/x-www-form-urlencoded"},
            {"X-Twilio-Signature", sign(m_authToken, msg.statusCallback, params)}});
}

ScriptedTwilioServer::Params ScriptedTwilioServer::incomingFields(const Params &params) const
{
    const QString from = field(params, QStringLiteral("From"));
    const bool whatsapp = from.startsWith(QLatin1String("whatsapp:"));
    const QString sid
        = hasField(params, QStringLiteral("MessageSid")) ? field(params, QStringLiteral("MessageSid")) : newSid("SM");
    QString numMedia = QStringLiteral("0");
    for (int i = 0; hasField(params, QStringLiteral("MediaUrl%1").arg(i)); ++i)
        numMedia = QString::number(i + 1);
    const QString to = m_numbers.value(0);
    const QString us = QStringLiteral("US");
    Params fields = whatsapp
        ? Params{{QStringLiteral("SmsMessageSid"), sid}, {QStringLiteral("NumMedia"), numMedia},
            {QStringLiteral("ProfileName"), QStringLiteral("Customer")},
            {QStringLiteral("MessageType"), QStringLiteral("text")}, {QStringLiteral("SmsSid"), sid},
            {QStringLiteral("WaId"), QString(from).remove(QRegularExpression(QStringLiteral("\\D")))},
            {QStringLiteral("SmsStatus"), QStringLiteral("received")}, {QStringLiteral("Body"), QString()},
            {QStringLiteral("To"), to}, {QStringLiteral("NumSegments"), QStringLiteral("1")},
            {QStringLiteral("ReferralNumMedia"), QStringLiteral("0")}, {QStringLiteral("MessageSid"), sid},
            {QStringLiteral("AccountSid"), m_accountSid}, {QStringLiteral("From"), from},
            {QStringLiteral("ApiVersion"), kApiVersion}}
        : Params{{QStringLiteral("ToCountry"), us}, {QStringLiteral("ToState"), QStringLiteral("CA")},
            {QStringLiteral("SmsMessageSid"), sid}, {QStringLiteral("NumMedia"), numMedia},
            {QStringLiteral("ToCity"), QString()}, {QStringLiteral("FromZip"), QString()},
            {QStringLiteral("SmsSid"), sid}, {QStringLiteral("FromState"), QString()},
            {QStringLiteral("SmsStatus"), QStringLiteral("received")}, {QStringLiteral("FromCity"), QString()},
            {QStringLiteral("Body"), QString()}, {QStringLiteral("FromCountry"), us}, {QStringLiteral("To"), to},
            {QStringLiteral("ToZip"), QString()}, {QStringLiteral("NumSegments"), QStringLiteral("1")},
            {QStringLiteral("MessageSid"), sid}, {QStringLiteral("AccountSid"), m_accountSid},
            {QStringLiteral("From"), from}, {QStringLiteral("ApiVersion"), kApiVersion}};
    for (const auto &p : params) { // the given ones replace Twilio's defaults, or come after them
        const auto it = std::find_if(fields.begin(), fields.end(), [&](const auto &f) { return f.first == p.first; });
        if (it != fields.end())
            it->second = p.second;
        else
            fields.append(p);
    }
    return fields;
}

ScriptedTwilioServer::Answer ScriptedTwilioServer::sendIncoming(
    const QUrl &url, const Params &params, const Sending &how)
{
    const Params fields = incomingFields(params);
    const QString signedUrl = how.signedUrl.isEmpty() ? url.toString(QUrl::FullyEncoded) : how.signedUrl;
    Headers headers{{"Content-Type", how.contentType}};
    if (how.signing != Signing::Missing) {
        const QString token = how.signing == Signing::Valid ? m_authToken : m_authToken + QStringLiteral("x");
        headers.append({"X-Twilio-Signature", sign(token, signedUrl, fields)});
    }
    return post(url, formBody(fields), headers);
}

QByteArray ScriptedTwilioServer::sign(const QString &authToken, const QString &url, const Params &params)
{
    Params sorted = params;
    std::sort(sorted.begin(), sorted.end()); // by name, then value
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QByteArray data = url.toUtf8();
    for (const auto &p : std::as_const(sorted))
        data += p.first.toUtf8() + p.second.toUtf8();
    return QMessageAuthenticationCode::hash(data, authToken.toUtf8(), QCryptographicHash::Sha1).toBase64();
}

QByteArray ScriptedTwilioServer::formBody(const Params &params)
{
    QByteArray body;
    for (const auto &p : params) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(p.first, " ").replace(' ', '+') + '='
            + QUrl::toPercentEncoding(p.second, " ").replace(' ', '+');
    }
    return body;
}

ScriptedTwilioServer::Answer ScriptedTwilioServer::post(const QUrl &url, const QByteArray &body, const Headers &headers)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setTransferTimeout(kTimeoutMs);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    QNetworkReply *reply = nam.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    a.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    if (a.status == 0)
        a.networkError = reply->errorString();
    delete reply;
    return a;
}

} // namespace tierdesk::test
