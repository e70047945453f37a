#include "EngineFixture.h"
#include "core/engine/admin/AuditSearch.h"

using namespace tierdesk;
using namespace tierdesk::test;

// Seed 000's audit query (every filter, paging, the total) on a real SQLite file.
class TestAuditSearch : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_fx = std::make_unique<EngineFixture>();
        QVERIFY(m_fx->setUp());
        m_base = m_fx->clock.nowMs();
        // Five entries one minute apart, by two actors, about two sessions.
        const QStringList actors{QStringLiteral("alice"), QStringLiteral("bob")};
        for (int i = 0; i < 5; ++i) {
            m_fx->clock.advanceMs(60000);
            m_fx->engine->audit(m_fx->companyId, Actor{actors[i % 2], QStringLiteral("admin")},
                i < 3 ? QStringLiteral("session.create") : QStringLiteral("session.resolve"),
                QStringLiteral("session:sess_%1").arg(i % 2 ? QStringLiteral("b") : QStringLiteral("a")), 200,
                {{QStringLiteral("n"), i}});
        }
        m_fx->engine->audit(QStringLiteral("co_other"), Actor{QStringLiteral("alice"), QStringLiteral("admin")},
            QStringLiteral("session.create"), QStringLiteral("session:sess_a"), 200);
        QVERIFY(m_fx->store->batch().flush());
    }
    void cleanup() { m_fx.reset(); }

    void filters_data()
    {
        QTest::addColumn<int>("startMin");
        QTest::addColumn<int>("endMin");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QList<int>>("expected"); // values of details.n, newest first
        QTest::newRow("time range") << 2 << 4 << QString() << QString() << QString() << QList<int>{3, 2, 1};
        QTest::newRow("actor") << 0 << 0 << QStringLiteral("bob") << QString() << QString() << QList<int>{3, 1};
        QTest::newRow("conversation") << 0 << 0 << QString() << QStringLiteral("sess_a") << QString()
                                      << QList<int>{4, 2, 0};
        QTest::newRow("action") << 0 << 0 << QString() << QString() << QStringLiteral("session.resolve")
                                << QList<int>{4, 3};
        QTest::newRow("all") << 1 << 5 << QStringLiteral("alice") << QStringLiteral("sess_a")
                             << QStringLiteral("session.create") << QList<int>{2, 0};
        QTest::newRow("none") << 0 << 0 << QStringLiteral("carol") << QString() << QString() << QList<int>{};
    }
    void filters()
    {
        QFETCH(int, startMin);
        QFETCH(int, endMin);
        QFETCH(QString, actor);
        QFETCH(QString, resource);
        QFETCH(QString, action);
        QFETCH(QList<int>, expected);
        AuditQuery q;
        q.companyId = m_fx->companyId;
        q.startMs = startMin ? m_base + startMin * 60000 : 0;
        q.endMs = endMin ? m_base + endMin * 60000 : 0;
        q.actor = actor;
        q.resourcePart = resource;
        q.action = action;
        AuditSearch search(*m_fx->engine);
        const auto page = search.find(q);
        QVERIFY(page.ok());
        QCOMPARE(page->total, int(expected.size()));
        QCOMPARE(ns(page->rows), expected);
    }

    void pages()
    {
        AuditQuery q;
        q.companyId = m_fx->companyId;
        q.actor = QStringLiteral("alice");
        q.limit = 2;
        q.offset = 1;
        const auto page = AuditSearch(*m_fx->engine).find(q);
        QVERIFY(page.ok());
        QCOMPARE(page->total, 3);
        QCOMPARE(ns(page->rows), (QList<int>{2, 0}));
        QVERIFY(page->rows.first().id > page->rows.last().id);
        QCOMPARE(page->rows.first().entry.resource, QStringLiteral("session:sess_a"));
    }

    void refusesBadPaging()
    {
        AuditSearch search(*m_fx->engine);
        AuditQuery q;
        q.companyId = m_fx->companyId;
        q.limit = 0;
        QCOMPARE(search.find(q).error().kind, ErrorKind::InvalidArgument);
        q.limit = AuditSearch::kMaxLimit + 1;
        QCOMPARE(search.find(q).error().kind, ErrorKind::InvalidArgument);
        q.limit = 10;
        q.offset = -1;
        QCOMPARE(search.find(q).error().kind, ErrorKind::InvalidArgument);
        q.offset = 0;
        q.startMs = 2000;
        q.endMs = 1000;
        QCOMPARE(search.find(q).error().details.value(QLatin1String("field")).toString(), QStringLiteral("end_time"));
        q.companyId = QStringLiteral("co_missing");
        q.startMs = q.endMs = 0;
        QCOMPARE(search.find(q).error().kind, ErrorKind::NotFound);
    }

private:
    static QList<int> ns(const QList<AuditRow> &rows)
    {
        QList<int> out;
        for (const AuditRow &r : rows)
            out << r.entry.details.value(QLatin1String("n")).toInt();
        return out;
    }

    std::unique_ptr<EngineFixture> m_fx;
    qint64 m_base = 0;
};

QTEST_GUILESS_MAIN(TestAuditSearch)
#include "tst_auditsearch.moc"
