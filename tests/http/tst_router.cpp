#include "core/api/http/HttpResponder.h"
#include "core/api/http/Router.h"

#include <QtTest>

using namespace tierdesk::http;

class TestRouter : public QObject {
    Q_OBJECT

private slots:
    void literalRoutes();
    void capturesSegments();
    void literalBeatsCapture();
    void methodOnOtherBranch();
    void methodNotAllowedListsAllow();
    void headFallsBackToGet();
    void emptySegmentsIgnored();
    void replaceHandler();
    void listsRoutes();

private:
    static Handler tag(QString *out, const QString &name)
    {
        return [out, name](const HttpRequest &, const HttpResponder &) { *out = name; };
    }
};

void TestRouter::literalRoutes()
{
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/api/status"), tag(&hit, QStringLiteral("status")));
    r.route("GET", QStringLiteral("/health"), tag(&hit, QStringLiteral("health")));
    Router::Match m = r.match("GET", u"/api/status");
    QCOMPARE(m.kind, Router::Match::Found);
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("status"));
    QCOMPARE(r.match("GET", u"/api").kind, Router::Match::NotFound);
    QCOMPARE(r.match("GET", u"/api/status/x").kind, Router::Match::NotFound);
    QCOMPARE(r.match("GET", u"/").kind, Router::Match::NotFound);
    QCOMPARE(r.match("GET", u"/Health").kind, Router::Match::NotFound); // segments are exact
}

void TestRouter::capturesSegments()
{
    Router r;
    QString hit;
    r.route("POST", QStringLiteral("/api/cs/sessions/:id/messages/:msg"), tag(&hit, QStringLiteral("m")));
    const Router::Match m = r.match("POST", u"/api/cs/sessions/s-1/messages/42");
    QCOMPARE(m.kind, Router::Match::Found);
    QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("s-1"));
    QCOMPARE(m.params.value(QStringLiteral("msg")), QStringLiteral("42"));
    QCOMPARE(m.params.size(), 2);
    QCOMPARE(r.match("POST", u"/api/cs/sessions/s-1/messages").kind, Router::Match::NotFound);
}

void TestRouter::literalBeatsCapture()
{
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/items/:id"), tag(&hit, QStringLiteral("item")));
    r.route("GET", QStringLiteral("/items/export"), tag(&hit, QStringLiteral("export")));
    Router::Match m = r.match("GET", u"/items/export");
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("export"));
    QVERIFY(m.params.isEmpty());
    m = r.match("GET", u"/items/7");
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("item"));
    QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("7"));
}

void TestRouter::methodOnOtherBranch()
{
    // POST /items/new is literal; GET /items/new must still reach GET /items/:id.
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/items/:id"), tag(&hit, QStringLiteral("get")));
    r.route("POST", QStringLiteral("/items/new"), tag(&hit, QStringLiteral("post")));
    const Router::Match m = r.match("GET", u"/items/new");
    QCOMPARE(m.kind, Router::Match::Found);
    QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("new"));
}

void TestRouter::methodNotAllowedListsAllow()
{
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/a/:id"), tag(&hit, {}));
    r.route("DELETE", QStringLiteral("/a/:id"), tag(&hit, {}));
    r.route("POST", QStringLiteral("/b"), tag(&hit, {}));
    Router::Match m = r.match("PUT", u"/a/1");
    QCOMPARE(m.kind, Router::Match::MethodNotAllowed);
    QCOMPARE(m.allow, QByteArray("DELETE, GET, HEAD, OPTIONS"));
    m = r.match("GET", u"/b");
    QCOMPARE(m.kind, Router::Match::MethodNotAllowed);
    QCOMPARE(m.allow, QByteArray("OPTIONS, POST")); // no GET, so no HEAD
}

void TestRouter::headFallsBackToGet()
{
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/x"), tag(&hit, QStringLiteral("get")));
    Router::Match m = r.match("HEAD", u"/x");
    QCOMPARE(m.kind, Router::Match::Found);
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("get"));
    r.route("HEAD", QStringLiteral("/x"), tag(&hit, QStringLiteral("head")));
    m = r.match("HEAD", u"/x");
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("head"));
}

void TestRouter::emptySegmentsIgnored()
{
    Router r;
    QString hit;
    r.route("GET", QStringLiteral("/a/b"), tag(&hit, {}));
    QCOMPARE(r.match("GET", u"/a/b/").kind, Router::Match::Found);
    QCOMPARE(r.match("GET", u"//a//b").kind, Router::Match::Found);
}

void TestRouter::replaceHandler()
{
    Router r;
    QString hit;
    r.route("get", QStringLiteral("/x"), tag(&hit, QStringLiteral("one")));
    r.route("GET", QStringLiteral("/x"), tag(&hit, QStringLiteral("two")));
    const Router::Match m = r.match("GET", u"/x");
    (*m.handler)(HttpRequest(), HttpResponder());
    QCOMPARE(hit, QStringLiteral("two"));
    QCOMPARE(r.match("POST", u"/x").allow, QByteArray("GET, HEAD, OPTIONS"));
}

// routes(): every method and pattern once, normalized as routed, a replaced route once with
// the names of its last registration; no implied HEAD or OPTIONS.
void TestRouter::listsRoutes()
{
    Router r;
    QString hit;
    QVERIFY(r.routes().empty());
    r.route("post", QStringLiteral("/api/items"), tag(&hit, {}));
    r.route("GET", QStringLiteral("//api/items/"), tag(&hit, {}));
    r.route("GET", QStringLiteral("/api/items/:id"), tag(&hit, {}));
    r.route("GET", QStringLiteral("/api/items/:itemId"), tag(&hit, {}));
    r.route("DELETE", QStringLiteral("/api/items/:id/tags/:tag"), tag(&hit, {}));
    r.route("GET", QStringLiteral("/"), tag(&hit, {}));
    QStringList listed;
    for (const Router::Route &route : r.routes())
        listed.append(QString::fromLatin1(route.method) + u' ' + route.pattern);
    QCOMPARE(listed,
        QStringList({QStringLiteral("GET /"), QStringLiteral("GET /api/items"), QStringLiteral("POST /api/items"),
            QStringLiteral("DELETE /api/items/:id/tags/:tag"), QStringLiteral("GET /api/items/:itemId")}));
}

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
