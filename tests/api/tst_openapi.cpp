// GET /api/openapi.json on the real server: it lists exactly the routes the server has
// (method and path, both directions), and the fragments merge only when no two define
// the same path or component name.
#include "tests/api/ApiTestSupport.h"

#include "core/api/common/OpenApiDocument.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// Served but not part of any API the document describes, each with the reason.
const QHash<QString, QString> kExcluded = {
    {QStringLiteral("GET /socket.io"),
        QStringLiteral("Socket.IO's Engine.IO polling transport: docs/chat-api.md, docs/socketio.md")},
    {QStringLiteral("POST /socket.io"),
        QStringLiteral("Socket.IO's Engine.IO polling transport: docs/chat-api.md, docs/socketio.md")},
    {QStringLiteral("GET /chat"),
        QStringLiteral("the web chat page (HTML for people): docs/chat-api.md, The web chat page")},
    {QStringLiteral("GET /"), QStringLiteral("sends a browser to the web chat page (seed 003 opens it at the root)")},
    {QStringLiteral("GET /chat/chat.css"), QStringLiteral("the web chat page's style sheet")},
    {QStringLiteral("GET /chat/chat.js"), QStringLiteral("the web chat page's script")},
    {QStringLiteral("GET /chat/transcript.js"), QStringLiteral("what the chat page and the panel draw alike")},
    {QStringLiteral("GET /chat/vendor/socket.io.min.js"), QStringLiteral("the Socket.IO client the chat page loads")},
    {QStringLiteral("GET /chat/call.js"), QStringLiteral("the web chat page's call script")},
    {QStringLiteral("GET /chat/call-worklet.js"), QStringLiteral("the web call's microphone worklet")},
    {QStringLiteral("GET /chat/widget"),
        QStringLiteral("the chat panel a company's site frames (HTML for people): docs/channels.md")},
    {QStringLiteral("GET /chat/widget.css"), QStringLiteral("the chat panel's style sheet")},
    {QStringLiteral("GET /chat/panel.js"), QStringLiteral("the chat panel's script")},
    {QStringLiteral("GET /widget.js"), QStringLiteral("the snippet's script on a company's pages: docs/channels.md")},
};
// WebSocket upgrade routes: OpenAPI 3.0 cannot describe them.
const QHash<QString, QString> kExcludedWebSockets = {
    {QStringLiteral("/api/cs/ws"), QStringLiteral("the CS API's live events: docs/api.md, Live events")},
    {QStringLiteral("/socket.io"), QStringLiteral("Socket.IO over WebSocket: docs/socketio.md")},
    {QStringLiteral("/api/v1/voice"), QStringLiteral("the web call: docs/chat-api.md, Calls")},
};
const QStringList kMethods
    = {QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"), QStringLiteral("delete"),
        QStringLiteral("options"), QStringLiteral("head"), QStringLiteral("patch"), QStringLiteral("trace")};

QString differences(const QSet<QString> &a, const QSet<QString> &b)
{
    QStringList out = (a - b).values();
    out.sort();
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestOpenApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    }
    void cleanupTestCase() { m_server.stop(); }

    void servedWithoutCredentials()
    {
        HttpClient anonymous(m_server.port());
        const HttpResult r = anonymous.get(QStringLiteral("/api/openapi.json"));
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QLatin1String("openapi")).toString(), QStringLiteral("3.0.3"));
        QCOMPARE(doc.value(QLatin1String("info")).toObject().value(QLatin1String("version")).toString(),
            QStringLiteral(TIERDESK_VERSION));
        const QJsonObject schemes
            = doc.value(QLatin1String("components")).toObject().value(QLatin1String("securitySchemes")).toObject();
        for (const char *name : {"csBearer", "agentApiKey", "chatWidgetKey", "chatVisitorSecret", "platformSigV4"})
            QVERIFY2(schemes.contains(QLatin1String(name)), name);
    }

    // Every served (method, path) is in the document and the document lists nothing else.
    void listsExactlyTheServedRoutes()
    {
        HttpClient anonymous(m_server.port());
        const HttpResult r = anonymous.get(QStringLiteral("/api/openapi.json"));
        QVERIFY2(r.status == 200, describe(r));
        QSet<QString> documented;
        const QJsonObject paths = r.json().value(QLatin1String("paths")).toObject();
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            const QJsonObject item = it.value().toObject();
            for (const QString &method : kMethods) {
                if (item.contains(method))
                    documented.insert(method.toUpper() + u' ' + it.key());
            }
        }
        QVERIFY(documented.size() > 50);
        QSet<QString> served;
        for (const http::Router::Route &route : m_server.host().http().routes()) {
            const QString key = QString::fromLatin1(route.method) + u' ' + route.pattern;
            if (kExcluded.contains(key))
                continue;
            served.insert(QString::fromLatin1(route.method) + u' ' + api::OpenApiDocument::pathTemplate(route.pattern));
        }
        const QString missing = differences(served, documented);
        const QString extra = differences(documented, served);
        QVERIFY2(missing.isEmpty() && extra.isEmpty(),
            qPrintable(QStringLiteral("served, not in the document: [%1]; in the document, not served: [%2]")
                           .arg(missing, extra)));
    }

    // The exclusions name only what is served, so a stale entry does not hide anything.
    void exclusionsAreServed()
    {
        QSet<QString> served;
        for (const http::Router::Route &route : m_server.host().http().routes())
            served.insert(QString::fromLatin1(route.method) + u' ' + route.pattern);
        for (auto it = kExcluded.begin(); it != kExcluded.end(); ++it)
            QVERIFY2(served.contains(it.key()), qPrintable(it.key()));
        const QStringList sockets = m_server.host().http().webSocketPrefixes();
        QCOMPARE(QSet<QString>(sockets.begin(), sockets.end()),
            QSet<QString>(kExcludedWebSockets.keyBegin(), kExcludedWebSockets.keyEnd()));
    }

    void pathTemplates()
    {
        QCOMPARE(api::OpenApiDocument::pathTemplate(QStringLiteral("/api/cs/sessions/:id/messages")),
            QStringLiteral("/api/cs/sessions/{id}/messages"));
        QCOMPARE(api::OpenApiDocument::pathTemplate(QStringLiteral("/a/:x/:y")), QStringLiteral("/a/{x}/{y}"));
        QCOMPARE(api::OpenApiDocument::pathTemplate(QStringLiteral("/health")), QStringLiteral("/health"));
    }

    void mergeRefusesDuplicates_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("why");
        QTest::newRow("path") << QByteArray(R"({"paths":{"/a":{}}})") << QStringLiteral("path \"/a\"");
        QTest::newRow("schema") << QByteArray(R"({"components":{"schemas":{"XThing":{}}}})")
                                << QStringLiteral("components/schemas \"XThing\"");
        QTest::newRow("base scheme") << QByteArray(R"({"components":{"securitySchemes":{"bearer":{}}}})")
                                     << QStringLiteral("components/securitySchemes \"bearer\"");
        QTest::newRow("tag") << QByteArray(R"({"tags":[{"name":"X"}]})") << QStringLiteral("tag \"X\"");
        QTest::newRow("other key") << QByteArray(R"({"info":{}})") << QStringLiteral("not \"info\"");
    }
    void mergeRefusesDuplicates()
    {
        QFETCH(QByteArray, second);
        QFETCH(QString, why);
        const QJsonObject base
            = QJsonDocument::fromJson(R"({"openapi":"3.0.3","components":{"securitySchemes":{"bearer":{}}}})").object();
        const QJsonObject first = QJsonDocument::fromJson(
            R"({"paths":{"/a":{}},"components":{"schemas":{"XThing":{}}},"tags":[{"name":"X"}]})")
                                      .object();
        const auto merged = api::OpenApiDocument::merge(base,
            {{QStringLiteral("x.json"), first}, {QStringLiteral("y.json"), QJsonDocument::fromJson(second).object()}});
        QVERIFY(!merged);
        const QString error = merged.error().message;
        QVERIFY2(error.startsWith(QStringLiteral("y.json")) && error.contains(why), qPrintable(error));
    }

    void mergeJoinsFragments()
    {
        const QJsonObject base = QJsonDocument::fromJson(R"({"openapi":"3.0.3","paths":{"/o":{}}})").object();
        const auto doc = api::OpenApiDocument::merge(base,
            {{QStringLiteral("x.json"),
                 QJsonDocument::fromJson(R"({"paths":{"/a":{}},"components":{"schemas":{"XA":{}}}})").object()},
                {QStringLiteral("y.json"),
                    QJsonDocument::fromJson(R"({"paths":{"/b":{}},"components":{"schemas":{"YB":{}}}})").object()}});
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        QCOMPARE(doc->value(QLatin1String("paths")).toObject().keys(),
            QStringList({QStringLiteral("/a"), QStringLiteral("/b"), QStringLiteral("/o")}));
        QCOMPARE(doc->value(QLatin1String("components")).toObject().value(QLatin1String("schemas")).toObject().keys(),
            QStringList({QStringLiteral("XA"), QStringLiteral("YB")}));
    }

    // load(): base.json plus every other *.json of the folder, whatever it is called; the
    // program's version; a file that is not a JSON object is named in the error.
    void loadPicksUpEveryFragment()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(write(
            dir.filePath(QStringLiteral("base.json")), R"({"openapi":"3.0.3","info":{"title":"t","version":"x"}})"));
        QVERIFY(write(dir.filePath(QStringLiteral("newfamily.json")), R"({"paths":{"/new":{"get":{}}}})"));
        QVERIFY(write(dir.filePath(QStringLiteral("notes.txt")), "not a fragment"));
        const auto doc = api::OpenApiDocument::load(dir.path());
        QVERIFY2(doc, doc ? "" : qPrintable(doc.error().message));
        QCOMPARE(doc->value(QLatin1String("paths")).toObject().keys(), QStringList{QStringLiteral("/new")});
        QCOMPARE(doc->value(QLatin1String("info")).toObject().value(QLatin1String("version")).toString(),
            QStringLiteral(TIERDESK_VERSION));

        QVERIFY(write(dir.filePath(QStringLiteral("broken.json")), "{\"paths\":"));
        auto failed = api::OpenApiDocument::load(dir.path());
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QStringLiteral("broken.json")), qPrintable(failed.error().message));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("base.json"))));
        failed = api::OpenApiDocument::load(dir.path());
        QVERIFY(!failed);
        QVERIFY2(failed.error().message.contains(QStringLiteral("base.json")), qPrintable(failed.error().message));
    }

private:
    static bool write(const QString &path, const QByteArray &text)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
    }

    ServerFixture m_server;
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
