#include "tests/support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace tierdesk::test {

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Provider bodies written as they appear in the providers' documentation.
using Field = std::pair<const char *, QJsonValue>;
QJsonObject obj(std::initializer_list<Field> fields)
{
    QJsonObject o;
    for (const Field &f : fields)
        o.insert(QLatin1String(f.first), f.second);
    return o;
}
QJsonValue str(const char *text)
{
    return QString::fromLatin1(text);
}

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 529:
        return "Overloaded";
    default:
        return status >= 500 ? "Server Error" : "Status";
    }
}

} // namespace

ScriptedModelServer::ScriptedModelServer(ProviderKind kind, QByteArray key) : m_kind(kind), m_key(std::move(key))
{
    m_script = [this](const ReceivedRequest &) { return reply(QStringLiteral("Hello from the model.")); };
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

ScriptedModelServer::~ScriptedModelServer()
{
    QMetaObject::invokeMethod(
        m_context, [this] { delete m_context; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl ScriptedModelServer::baseUrl() const
{
    const QString root = QStringLiteral("http://127.0.0.1:%1").arg(m_port);
    return QUrl(m_kind == ProviderKind::Ollama ? root : root + QStringLiteral("/v1"));
}

void ScriptedModelServer::setScript(Script script)
{
    QMutexLocker lock(&m_mutex);
    m_script = std::move(script);
}

void ScriptedModelServer::setAnswers(QList<Answer> answers)
{
    auto queue = std::make_shared<QList<Answer>>(std::move(answers));
    setScript([queue](const ReceivedRequest &) { return queue->size() > 1 ? queue->takeFirst() : queue->first(); });
}

QList<ReceivedRequest> ScriptedModelServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int ScriptedModelServer::count() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_requests.size());
}

QByteArray ScriptedModelServer::path() const
{
    switch (m_kind) {
    case ProviderKind::Anthropic:
        return "/v1/messages";
    case ProviderKind::Ollama:
        return "/api/chat";
    case ProviderKind::OpenAi:
        break;
    }
    return "/v1/chat/completions";
}

void ScriptedModelServer::accept()
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

void ScriptedModelServer::serve(QTcpSocket *socket, const ReceivedRequest &request)
{
    Script script;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(request);
        script = m_script;
    }
    emit received();
    const Answer answer = refusal(request).value_or(script(request));
    if (answer.hang)
        return;
    QByteArray wire = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + statusText(answer.status) + "\r\n";
    wire += "Content-Type: application/json\r\n";
    for (const auto &h : answer.headers)
        wire += h.first + ": " + h.second + "\r\n";
    wire += "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n" + answer.body;
    QPointer<QTcpSocket> later(socket);
    QTimer::singleShot(answer.delayMs, socket, [later, wire] {
        if (!later)
            return;
        later->write(wire);
        later->disconnectFromHost();
    });
}

std::optional<ScriptedModelServer::Answer> ScriptedModelServer::refusal(const ReceivedRequest &request) const
{
    if (request.method != "POST" || request.target != path())
        return error(404,
            QStringLiteral("no route %1 %2")
                .arg(QString::fromLatin1(request.method), QString::fromLatin1(request.target)));
    if (request.json().isEmpty())
        return error(400, QStringLiteral("the body is not a JSON object"));
    const QJsonObject body = request.json();
    if (body.value(QLatin1String("model")).toString().isEmpty())
        return error(400, QStringLiteral("model is required"));
    if (m_kind == ProviderKind::Anthropic) {
        if (request.header("anthropic-version").isEmpty())
            return error(400, QStringLiteral("anthropic-version: header is required"));
        if (!body.value(QLatin1String("max_tokens")).isDouble())
            return error(400, QStringLiteral("max_tokens: Field required"));
        if (!m_key.isEmpty() && request.header("x-api-key") != m_key)
            return error(401, QStringLiteral("invalid x-api-key: ") + QString::fromLatin1(request.header("x-api-key")));
    } else if (!m_key.isEmpty() && request.header("authorization") != "Bearer " + m_key) {
        // Quoting the refused key, as some providers do: it must not reach our logs or errors.
        const QByteArray given = request.header("authorization").mid(7);
        return error(401, QStringLiteral("Incorrect API key provided: ") + QString::fromLatin1(given));
    }
    if (m_kind == ProviderKind::Ollama && body.value(QLatin1String("stream")).toBool(true))
        return error(400, QStringLiteral("this scripted server answers only \"stream\": false"));
    return std::nullopt;
}

ScriptedModelServer::Answer ScriptedModelServer::reply(const QString &text, int inputTokens, int outputTokens) const
{
    Answer a;
    switch (m_kind) {
    case ProviderKind::Anthropic: {
        const QJsonArray content{obj({{"type", str("text")}, {"text", text}})};
        const QJsonObject usage = obj({{"input_tokens", inputTokens}, {"output_tokens", outputTokens}});
        a.body = json(obj({{"id", str("msg_01")}, {"type", str("message")}, {"role", str("assistant")},
            {"model", str("claude-scripted")}, {"content", content}, {"stop_reason", str("end_turn")},
            {"stop_sequence", QJsonValue::Null}, {"usage", usage}}));
        break;
    }
    case ProviderKind::Ollama: {
        const QJsonObject message = obj({{"role", str("assistant")}, {"content", text}});
        a.body = json(obj({{"model", str("llama-scripted")}, {"created_at", str("2026-11-25T12:00:00Z")},
            {"message", message}, {"done", true}, {"done_reason", str("stop")}, {"prompt_eval_count", inputTokens},
            {"eval_count", outputTokens}}));
        break;
    }
    case ProviderKind::OpenAi: {
        const QJsonObject message = obj({{"role", str("assistant")}, {"content", text}});
        const QJsonArray choices{obj({{"index", 0}, {"message", message}, {"finish_reason", str("stop")}})};
        const QJsonObject usage = obj({{"prompt_tokens", inputTokens}, {"completion_tokens", outputTokens},
            {"total_tokens", inputTokens + outputTokens}});
        a.body = json(obj({{"id", str("chatcmpl-1")}, {"object", str("chat.completion")}, {"created", 1764072000},
            {"model", str("gpt-scripted")}, {"choices", choices}, {"usage", usage}}));
        break;
    }
    }
    return a;
}

ScriptedModelServer::Answer ScriptedModelServer::error(int status, const QString &message) const
{
    Answer a;
    a.status = status;
    switch (m_kind) {
    case ProviderKind::Anthropic: {
        const char *type = status == 429 ? "rate_limit_error"
            : status == 401              ? "authentication_error"
            : status >= 500              ? "api_error"
                                         : "invalid_request_error";
        a.body = json(obj({{"type", str("error")}, {"error", obj({{"type", str(type)}, {"message", message}})}}));
        break;
    }
    case ProviderKind::Ollama:
        a.body = json(obj({{"error", message}}));
        break;
    case ProviderKind::OpenAi:
        a.body = json(obj({{"error",
            obj({{"message", message}, {"type", str("invalid_request_error")}, {"param", QJsonValue::Null},
                {"code", QJsonValue::Null}})}}));
        break;
    }
    return a;
}

QString ScriptedModelServer::lastUserText(const ReceivedRequest &request)
{
    const QJsonArray messages = request.json().value(QLatin1String("messages")).toArray();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject m = messages.at(i).toObject();
        if (m.value(QLatin1String("role")).toString() == QLatin1String("user"))
            return m.value(QLatin1String("content")).toString();
    }
    return {};
}

QString ScriptedModelServer::systemPrompt(const ReceivedRequest &request) const
{
    const QJsonObject body = request.json();
    if (m_kind == ProviderKind::Anthropic)
        return body.value(QLatin1String("system")).toString();
    const QJsonObject first = body.value(QLatin1String("messages")).toArray().first().toObject();
    return first.value(QLatin1String("role")).toString() == QLatin1String("system")
        ? first.value(QLatin1String("content")).toString()
        : QString();
}

} // namespace tierdesk::test
