// Files in the web chat (issue "The company's website", docs/chat-api.md "Files"): with the web
// channel's attachments on, a visitor sends an image or a PDF into their session and a person at
// the desk sends one back; what a file is comes from its first bytes, not its name; the company's
// limit holds; only who may read the session reads its files; erasing the customer erases them.
// A real server on 127.0.0.1 with the demo store (and again on PostgreSQL: the files are rows).
#include "tests/api/ApiTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// A 1x1 orange PNG.
const QByteArray kPng = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c"
                                            "49444154789c63f8dfc0000004010180c52a185d0000000049454e44ae426082");
const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const QByteArray kHtml = "<!doctype html><script>alert(document.cookie)</script>";

QJsonObject data(const HttpResult &r)
{
    return r.json().value(QLatin1String("data")).toObject();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A multipart/form-data body: text fields, then one file part as a browser sends it.
struct Form {
    QByteArray body;
    QByteArray contentType;
};

Form form(const QList<QPair<QByteArray, QByteArray>> &fields, const QByteArray &fileName = {},
    const QByteArray &fileType = {}, const QByteArray &file = {})
{
    const QByteArray boundary = "----tierdeskTestBoundary7MA4YWxk";
    QByteArray b;
    for (const auto &[name, value] : fields)
        b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    if (!fileName.isNull())
        b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
            + "\"\r\nContent-Type: " + fileType + "\r\n\r\n" + file + "\r\n";
    b += "--" + boundary + "--\r\n";
    return {b, "multipart/form-data; boundary=" + boundary};
}

} // namespace

class TestChatAttachments : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void noFilesUntilTheCompanyTakesThem();
    void aFileIsWhatItsBytesSay();
    void theCompanysLimitHolds();
    void anotherVisitorCannotReadThem();
    void aPersonSendsOneBackAndTheAiLeavesFilesAlone();
    void erasingTheCustomerErasesTheirFiles();

private:
    void setAttachments(bool enabled, int maxMB = 10);
    ChatVisit visit();
    HttpResult upload(const ChatVisit &v, const QByteArray &name, const QByteArray &type, const QByteArray &file);
    HttpResult read(const QString &sessionId, const QString &fileId, const QByteArray &secret);
    int storedFiles();

    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<HttpClient> m_admin;
    QByteArray m_key;
};

void TestChatAttachments::init()
{
    m_server = std::make_unique<ServerFixture>();
    QVERIFY(m_server->start({}));
    m_http = std::make_unique<HttpClient>(m_server->port());
    m_admin = m_server->client(api::Role::Admin);
    m_key = newWidgetKey(*m_admin);
    QVERIFY(!m_key.isEmpty());
}

void TestChatAttachments::cleanup()
{
    m_http.reset();
    m_admin.reset();
    m_server.reset();
}

void TestChatAttachments::setAttachments(bool enabled, int maxMB)
{
    const HttpResult r = m_admin->put(
        withQuery(QStringLiteral("/api/cs/channels/web"), {{QStringLiteral("companyId"), m_server->companyId()}}),
        {{QStringLiteral("attachments"),
            QJsonObject{{QStringLiteral("enabled"), enabled}, {QStringLiteral("maxMB"), maxMB}}}});
    QCOMPARE(r.status, 200);
}

ChatVisit TestChatAttachments::visit()
{
    return startChat(m_server->port(), m_key);
}

HttpResult TestChatAttachments::upload(
    const ChatVisit &v, const QByteArray &name, const QByteArray &type, const QByteArray &file)
{
    const Form f = form({{"sessionId", v.sessionId.toUtf8()}}, name, type, file);
    return m_http->send("POST", QStringLiteral("/api/v1/chat/attachments"), f.body,
        {{"X-Visitor-Secret", v.secret}, {"Content-Type", f.contentType}}, false);
}

HttpResult TestChatAttachments::read(const QString &sessionId, const QString &fileId, const QByteArray &secret)
{
    return m_http->send("GET",
        withQuery(QStringLiteral("/api/v1/chat/attachments/") + fileId, {{QStringLiteral("sessionId"), sessionId}}), {},
        {{"X-Visitor-Secret", secret}}, false);
}

int TestChatAttachments::storedFiles()
{
    return m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM session_files")).toInt();
}

// Off by default: the company decides whether its chat takes files.
void TestChatAttachments::noFilesUntilTheCompanyTakesThem()
{
    const ChatVisit v = visit();
    const HttpResult r = upload(v, "photo.png", "image/png", kPng);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(storedFiles(), 0);
}

// A PNG named receipt.pdf and sent as a PDF is an image; a page named photo.png is refused.
void TestChatAttachments::aFileIsWhatItsBytesSay()
{
    setAttachments(true);
    const ChatVisit v = visit();
    const HttpResult png = upload(v, "receipt.pdf", "application/pdf", kPng);
    QCOMPARE(png.status, 201);
    const QJsonObject sent = data(png).value(QLatin1String("attachment")).toObject();
    QCOMPARE(str(sent, "contentType"), QStringLiteral("image/png"));
    QCOMPARE(str(sent, "name"), QStringLiteral("receipt.pdf"));
    QCOMPARE(sent.value(QLatin1String("bytes")).toInteger(), kPng.size());
    QVERIFY(data(png).value(QLatin1String("response")).isNull()); // the AI reads no files

    const HttpResult got = read(v.sessionId, str(sent, "id"), v.secret);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, kPng);
    QCOMPARE(got.header("content-type"), QByteArray("image/png"));
    QCOMPARE(got.header("x-content-type-options"), QByteArray("nosniff"));
    QVERIFY(got.header("content-security-policy").contains("sandbox"));

    const HttpResult html = upload(v, "photo.png", "image/png", kHtml);
    QCOMPARE(html.status, 415);
    QCOMPARE(html.json().value(QLatin1String("code")).toString(), QStringLiteral("unsupported_file_type"));
    const HttpResult pdf = upload(v, "scan.png", "image/png", kPdf);
    QCOMPARE(pdf.status, 201);
    QCOMPARE(
        str(data(pdf).value(QLatin1String("attachment")).toObject(), "contentType"), QStringLiteral("application/pdf"));
    QCOMPARE(storedFiles(), 2);
    // A file's name says nothing of how the visitor feels.
    const HttpResult named = upload(v, "terrible-awful-broken-useless.png", "image/png", kPng);
    QCOMPARE(named.status, 201);
    QCOMPARE(str(data(named), "sentiment"), QStringLiteral("NEUTRAL"));
    QCOMPARE(storedFiles(), 3);

    // The conversation shows the files where they were sent.
    const HttpResult history = m_http->send(
        "GET", QStringLiteral("/api/v1/chat/history/") + v.sessionId, {}, {{"X-Visitor-Secret", v.secret}}, false);
    QCOMPARE(history.status, 200);
    const QJsonArray messages = data(history).value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("attachments")).toArray().at(0).toObject(), sent);
}

void TestChatAttachments::theCompanysLimitHolds()
{
    setAttachments(true, 1);
    const ChatVisit v = visit();
    QByteArray big = kPng;
    big.append(QByteArray((1 << 20) - kPng.size() + 1, '\0'));
    const HttpResult over = upload(v, "big.png", "image/png", big);
    QCOMPARE(over.status, 413);
    QCOMPARE(over.json().value(QLatin1String("code")).toString(), QStringLiteral("payload_too_large"));
    big.chop(1);
    QCOMPARE(upload(v, "just.png", "image/png", big).status, 201);
    QCOMPARE(storedFiles(), 1);
    // Beyond what any company may take, the server refuses the body before reading it.
    QByteArray huge(26 << 20, 'x');
    QCOMPARE(upload(v, "huge.png", "image/png", huge).status, 413);
    QCOMPARE(storedFiles(), 1);
}

void TestChatAttachments::anotherVisitorCannotReadThem()
{
    setAttachments(true);
    const ChatVisit alice = visit();
    const ChatVisit mallory = visit();
    const HttpResult sent = upload(alice, "card.png", "image/png", kPng);
    QCOMPARE(sent.status, 201);
    const QString fileId = str(data(sent).value(QLatin1String("attachment")).toObject(), "id");
    QCOMPARE(read(alice.sessionId, fileId, mallory.secret).status, 404); // her session with his secret
    QCOMPARE(read(mallory.sessionId, fileId, mallory.secret).status, 404); // his session, her file
    QCOMPARE(read(alice.sessionId, fileId, {}).status, 401);
    QCOMPARE(read(alice.sessionId, fileId, alice.secret).status, 200);
    // Nor into her session: his secret sends nothing there.
    QCOMPARE(upload(ChatVisit{alice.sessionId, mallory.secret}, "x.png", "image/png", kPng).status, 404);
    QCOMPARE(storedFiles(), 1);
}

// At the desk: the visitor's file reaches the person (the AI leaves it alone), who sends a PDF back.
void TestChatAttachments::aPersonSendsOneBackAndTheAiLeavesFilesAlone()
{
    setAttachments(true);
    const ChatVisit v = visit();
    const HttpResult asked = m_http->send("POST", QStringLiteral("/api/v1/chat/message"),
        QJsonDocument(QJsonObject{{QStringLiteral("sessionId"), v.sessionId},
                          {QStringLiteral("message"), QStringLiteral("I want to talk to a human agent please")}})
            .toJson(),
        {{"X-Visitor-Secret", v.secret}}, false);
    QCOMPARE(asked.status, 200);
    const HttpResult mine = upload(v, "damage.jpg", "image/jpeg", QByteArray("\xff\xd8\xff\xe0", 4) + "JFIF rest");
    QCOMPARE(mine.status, 201);
    const QString mineId = str(data(mine).value(QLatin1String("attachment")).toObject(), "id");

    const QString base = QStringLiteral("/api/cs/sessions/") + v.sessionId + QStringLiteral("/attachments");
    const HttpResult seen = m_admin->get(base + QLatin1Char('/') + mineId);
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.header("content-type"), QByteArray("image/jpeg"));

    const Form f = form({{"content", "Here is your return label"}}, "label.pdf", "application/pdf", kPdf);
    const HttpResult back = m_admin->send("POST", base, f.body, {{"Content-Type", f.contentType}});
    QCOMPARE(back.status, 201);
    const QJsonObject message = back.json().value(QLatin1String("message")).toObject();
    QCOMPARE(str(message, "content"), QStringLiteral("Here is your return label"));
    const QJsonArray files
        = message.value(QLatin1String("metadata")).toObject().value(QLatin1String("attachments")).toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(str(files.at(0).toObject(), "contentType"), QStringLiteral("application/pdf"));
    const HttpResult got = read(v.sessionId, str(files.at(0).toObject(), "id"), v.secret);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, kPdf);
    QVERIFY(got.header("content-disposition").startsWith("attachment;"));

    // A page is no more a file from a person than from a visitor.
    const Form page = form({}, "label.pdf", "application/pdf", kHtml);
    const HttpResult refused = m_admin->send("POST", base, page.body, {{"Content-Type", page.contentType}});
    QCOMPARE(refused.status, 415);
    QCOMPARE(refused.errorCode(), QStringLiteral("CS_035"));
    QCOMPARE(storedFiles(), 2);
}

void TestChatAttachments::erasingTheCustomerErasesTheirFiles()
{
    setAttachments(true);
    const ChatVisit v = visit();
    QCOMPARE(upload(v, "id-card.png", "image/png", kPng).status, 201);
    const ChatVisit other = visit();
    QCOMPARE(upload(other, "other.png", "image/png", kPng).status, 201);
    const HttpResult session = m_admin->get(QStringLiteral("/api/cs/sessions/") + v.sessionId);
    const QString customerId = str(session.json(), "customerId");
    QVERIFY(!customerId.isEmpty());
    const HttpResult erased = m_admin->send("DELETE",
        withQuery(
            QStringLiteral("/api/cs/customers/") + customerId, {{QStringLiteral("companyId"), m_server->companyId()}}));
    QCOMPARE(erased.status, 204);
    QCOMPARE(storedFiles(), 1); // the other visitor's stays
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT COUNT(*) FROM session_files WHERE session_id = ?"), {v.sessionId})
                 .toInt(),
        0);
}

QTEST_GUILESS_MAIN(TestChatAttachments)
#include "tst_chatattachments.moc"
