// The agent desk benchmark (issue 6): the real console against a running
// `tierdesk serve`, under Xvfb (xcb, so painting is real).
//   1. "queue painted from start": --paint-runs separate processes of this
//      driver each start the console with a remembered token and time the
//      first paint of the queue table with rows, from process start
//      (/proc/self/stat starttime, 10 ms resolution) and from main's first line.
//   2. "a new escalation appears within": while wrk drives POST /messages,
//      a second thread creates sessions whose first message asks for a person
//      at --rate per second for --duration seconds and times each from sending
//      the request to its row being inserted into the console's QueueModel
//      (also: to the HTTP answer, and to a plain WebSocket client's queue.added).
// Prints one JSON object. Env: TIERDESK_BENCH_TOKEN (the console agent's
// token), TOKEN (a token for creating sessions and for wrk).
//   tierdesk-deskbench --server URL --company ID [--paint-runs 5] [--rate 5]
//       [--duration 60] [--wrk-script F --wrk-sessions F --wrk-connections 20]
//   tierdesk-deskbench --server URL --team CONFIG --agents-script desk_agents.js [--switch-ms 3000]
//       (the team run, desk_team.cpp; CONFIG is written by TEAM=1 bench/desk.sh)
#include "bench/desk_bench.h"
#include "core/integrations/SecretStore.h"
#include "ui/ConsoleApp.h"
#include "ui/MainWindow.h"
#include "ui/client/EventStream.h"
#include "ui/client/TokenStore.h"
#include "ui/models/QueueModel.h"
#include "ui/views/QueueView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <ctime>
#include <unistd.h>

using namespace tierdesk;
using namespace tierdesk::ui;
using namespace tierdesk::deskbench;

namespace tierdesk::deskbench {

using namespace tierdesk::ui;

Stats stats(QList<double> v)
{
    Stats s;
    s.count = static_cast<int>(v.size());
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    auto at = [&v](double q) {
        return v.at(std::min<qsizetype>(v.size() - 1, static_cast<qsizetype>(q * static_cast<double>(v.size()))));
    };
    s.p50 = at(0.5);
    s.p95 = at(0.95);
    s.max = v.constLast();
    s.median = v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
    return s;
}

double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

QJsonObject toJson(const Stats &s)
{
    return {{QStringLiteral("count"), s.count}, {QStringLiteral("p50Ms"), round1(s.p50)},
        {QStringLiteral("p95Ms"), round1(s.p95)}, {QStringLiteral("maxMs"), round1(s.max)}};
}

std::unique_ptr<Console> startConsole(const QUrl &server, const QByteArray &token)
{
    auto c = std::make_unique<Console>();
    const QString file = c->tokens.filePath(QStringLiteral("t.json"));
    FileSecretStore(file).write(TokenStore::keyFor(server.toString()), token);
    c->app = std::make_unique<ConsoleApp>(std::make_unique<TokenStore>(
        [file](QString *) { return std::unique_ptr<SecretStore>(new FileSecretStore(file)); }));
    MainWindow &w = c->app->window();
    w.setGeometry(0, 0, 1280, 800);
    w.show();
    c->app->start(ConsoleOptions{{}, 0, server});
    return c;
}

} // namespace tierdesk::deskbench

namespace {

QElapsedTimer g_clock; // started on main's first line

double sinceMainMs()
{
    return static_cast<double>(g_clock.nsecsElapsed()) / 1e6;
}

// Milliseconds since this process started: the kernel's start time (field 22
// of /proc/self/stat, in clock ticks since boot) against CLOCK_BOOTTIME.
double sinceProcessStartMs()
{
    QFile f(QStringLiteral("/proc/self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // The command name may hold spaces: fields count from after its ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startS = fields.at(19).toDouble() / static_cast<double>(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9 - startS) * 1000.0;
}

// Calls `done` once: after the first paint of `view` that shows rows has been
// handed to the window system (the next event loop turn).
class FirstPaint : public QObject {
public:
    FirstPaint(QWidget *viewport, std::function<bool()> hasRows, std::function<void()> done)
        : QObject(viewport), m_hasRows(std::move(hasRows)), m_done(std::move(done))
    {
        viewport->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen && m_hasRows()) {
            m_seen = true;
            watched->removeEventFilter(this);
            QTimer::singleShot(0, this, m_done);
        }
        return false;
    }

private:
    std::function<bool()> m_hasRows;
    std::function<void()> m_done;
    bool m_seen = false;
};

// One process, one start: prints {"fromProcessStartMs",...} and quits.
int runPaintOnce(const QUrl &server, const QByteArray &token, double beforeMainMs)
{
    QJsonObject out{{QStringLiteral("beforeMainMs"), round1(beforeMainMs)}};
    auto console = startConsole(server, token);
    MainWindow &w = console->app->window();
    QObject::connect(console->app.get(), &ConsoleApp::signedIn, &w,
        [&out] { out.insert(QStringLiteral("signedInMs"), round1(sinceMainMs())); });
    QObject::connect(&w, &MainWindow::queueLoaded, &w, [&out] {
        if (!out.contains(QStringLiteral("queueLoadedMs")))
            out.insert(QStringLiteral("queueLoadedMs"), round1(sinceMainMs()));
    });
    new FirstPaint(
        w.queueView()->table()->viewport(), [&w] { return w.queueModel().rowCount() > 0; },
        [&] {
            out.insert(QStringLiteral("fromMainMs"), round1(sinceMainMs()));
            out.insert(QStringLiteral("fromProcessStartMs"), round1(sinceProcessStartMs()));
            out.insert(QStringLiteral("rows"), w.queueModel().rowCount());
            QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
            QCoreApplication::quit();
        });
    QTimer::singleShot(30000, &w, [] {
        QTextStream(stderr) << "deskbench: no queue painted in 30 s" << Qt::endl;
        QCoreApplication::exit(1);
    });
    return QApplication::exec();
}

// Runs this driver `runs` times with --paint-once, one after the other.
QJsonObject paintRuns(int runs, const QStringList &args)
{
    QJsonArray all;
    QList<double> fromStart, fromMain;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QCoreApplication::applicationFilePath(), QStringList(args) << QStringLiteral("--paint-once"));
        if (!p.waitForFinished(60000) || p.exitCode() != 0) {
            all.append(QJsonObject{{QStringLiteral("error"), QStringLiteral("run failed")}});
            continue;
        }
        const QJsonObject run = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
        all.append(run);
        fromStart << run.value(QLatin1String("fromProcessStartMs")).toDouble();
        fromMain << run.value(QLatin1String("fromMainMs")).toDouble();
    }
    const Stats s = stats(fromStart), m = stats(fromMain);
    return {{QStringLiteral("basis"),
                QStringLiteral("process start (/proc/self/stat starttime, 10 ms ticks) to the first "
                               "paint of the queue table with rows, flushed")},
        {QStringLiteral("runs"), all}, {QStringLiteral("medianMs"), round1(s.median)},
        {QStringLiteral("maxMs"), round1(s.max)}, {QStringLiteral("fromMainMedianMs"), round1(m.median)}};
}

// Send times and arrival times per customer id, written from two threads.
struct Timings {
    QMutex mutex;
    QHash<QString, double> sent, http, ws, row;
    int httpErrors = 0;

    void mark(QHash<QString, double> &which, const QString &id)
    {
        const double t = sinceMainMs();
        const QMutexLocker lock(&mutex);
        if (!which.contains(id))
            which.insert(id, t);
    }
    QList<double> latencies(const QHash<QString, double> &which)
    {
        const QMutexLocker lock(&mutex);
        QList<double> v;
        for (auto it = which.begin(); it != which.end(); ++it)
            if (sent.contains(it.key()))
                v << it.value() - sent.value(it.key());
        return v;
    }
};

// On its own thread (so the console's GUI thread neither delays the requests
// nor is measured twice): creates the escalations and listens like a plain
// WebSocket client.
class Escalator : public QObject {
public:
    Escalator(Timings &t, QUrl server, QString company, QByteArray token, QString tag, int rate)
        : m_t(t), m_server(std::move(server)), m_company(std::move(company)), m_token(std::move(token)),
          m_tag(std::move(tag)), m_rate(rate)
    {
    }

    void start() // on the worker thread
    {
        m_nam = new QNetworkAccessManager(this);
        m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &text) { onFrame(text); });
        m_ws->open(EventStream::socketUrl(m_server, m_token));
        m_timer = new QTimer(this);
        m_timer->setTimerType(Qt::PreciseTimer);
        m_timer->setInterval(1000 / m_rate);
        connect(m_timer, &QTimer::timeout, this, [this] { sendOne(); });
    }
    void go() { m_timer->start(); }
    void stop() { m_timer->stop(); }
    int sentCount() const { return m_n; }

private:
    void sendOne()
    {
        const QString customer = QStringLiteral("bench-esc-%1-%2").arg(m_tag).arg(++m_n);
        QNetworkRequest req(m_server.resolved(QUrl(QStringLiteral("/api/cs/sessions"))));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + m_token);
        const QJsonObject body{{QStringLiteral("companyId"), m_company}, {QStringLiteral("customerId"), customer},
            {QStringLiteral("channel"), QStringLiteral("chat")},
            {QStringLiteral("initialMessage"), QStringLiteral("I need to talk to a person about my order, please")}};
        m_t.mark(m_t.sent, customer);
        QNetworkReply *r = m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(r, &QNetworkReply::finished, this, [this, r, customer] {
            r->deleteLater();
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201) {
                m_t.mark(m_t.http, customer);
                return;
            }
            const QMutexLocker lock(&m_t.mutex);
            ++m_t.httpErrors;
        });
    }
    void onFrame(const QString &text)
    {
        const QJsonObject f = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = f.value(QLatin1String("type")).toString();
        if (type == QLatin1String("welcome"))
            m_ws->sendTextMessage(QString::fromUtf8(QJsonDocument(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
                    {QStringLiteral("companyId"),
                        m_company}}).toJson(QJsonDocument::Compact)));
        else if (type == QLatin1String("queue.added"))
            m_t.mark(m_t.ws,
                f.value(QLatin1String("data"))
                    .toObject()
                    .value(QLatin1String("customer"))
                    .toObject()
                    .value(QLatin1String("id"))
                    .toString());
    }

    Timings &m_t;
    QUrl m_server;
    QString m_company;
    QByteArray m_token;
    QString m_tag;
    int m_rate;
    int m_n = 0;
    QNetworkAccessManager *m_nam = nullptr;
    QWebSocket *m_ws = nullptr;
    QTimer *m_timer = nullptr;
};

QString customerOf(const QueueRow &r)
{
    return r.item.value(QLatin1String("customer")).toObject().value(QLatin1String("id")).toString();
}

// wrk's figures from its report: requests/s, latency percentiles, errors.
QJsonObject parseWrk(const QString &report)
{
    QJsonObject o;
    auto grab = [&report](const QString &pattern) {
        const QRegularExpressionMatch m
            = QRegularExpression(pattern, QRegularExpression::MultilineOption).match(report);
        return m.hasMatch() ? m.captured(1) : QString();
    };
    o.insert(QStringLiteral("requestsPerSec"), grab(QStringLiteral("^Requests/sec:\\s+([0-9.]+)")).toDouble());
    o.insert(QStringLiteral("requests"), grab(QStringLiteral("^\\s*([0-9]+) requests in")).toInt());
    o.insert(QStringLiteral("latencyP50"), grab(QStringLiteral("^\\s+50%\\s+(\\S+)")));
    o.insert(QStringLiteral("latencyP99"), grab(QStringLiteral("^\\s+99%\\s+(\\S+)")));
    o.insert(QStringLiteral("non201"), grab(QStringLiteral("^non-201 responses: ([0-9]+)")).toInt());
    o.insert(QStringLiteral("socketErrors"), grab(QStringLiteral("^\\s*Socket errors: (.*)$")));
    return o;
}

struct LoadOptions {
    QUrl server;
    QString company;
    QByteArray consoleToken, apiToken;
    int rate = 5, durationS = 60, wrkConnections = 20;
    QString wrkScript, wrkSessions;
};

QProcess *startWrk(const LoadOptions &o, QObject *parent)
{
    if (o.wrkScript.isEmpty())
        return nullptr;
    auto *p = new QProcess(parent);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TOKEN"), QString::fromLatin1(o.apiToken));
    env.insert(QStringLiteral("SESSIONS_FILE"), o.wrkSessions);
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral("wrk"),
        {QStringLiteral("-t1"), QStringLiteral("-c%1").arg(o.wrkConnections), QStringLiteral("-d%1s").arg(o.durationS),
            QStringLiteral("--latency"), QStringLiteral("-s"), o.wrkScript, o.server.toString()});
    return p;
}

// Records when each benchmark customer's row is in the console's model.
void watchRows(QueueModel &model, Timings &t)
{
    QObject::connect(
        &model, &QAbstractItemModel::rowsInserted, &model, [&model, &t](const QModelIndex &, int first, int last) {
            for (int r = first; r <= last; ++r)
                t.mark(t.row, customerOf(model.rowAt(r)));
        });
    // A reload replaces every row: a customer may come in that way too.
    QObject::connect(&model, &QAbstractItemModel::modelReset, &model, [&model, &t] {
        for (int r = 0; r < model.rowCount(); ++r)
            if (customerOf(model.rowAt(r)).startsWith(QLatin1String("bench-esc-")))
                t.mark(t.row, customerOf(model.rowAt(r)));
    });
}

QJsonObject runLoad(const LoadOptions &o)
{
    Timings t;
    auto console = startConsole(o.server, o.consoleToken);
    MainWindow &w = console->app->window();
    watchRows(w.queueModel(), t);
    QThread thread;
    auto *esc = new Escalator(
        t, o.server, o.company, o.apiToken, QString::number(QDateTime::currentMSecsSinceEpoch()), o.rate);
    esc->moveToThread(&thread);
    thread.start();
    QMetaObject::invokeMethod(
        esc, [esc] { esc->start(); }, Qt::BlockingQueuedConnection);

    QProcess *wrk = nullptr;
    QString wrkReport;
    bool begun = false;
    // Begin once the console shows its queue and its live stream is subscribed,
    // plus a second for the reload that follows the connection.
    auto begin = [&] {
        if (std::exchange(begun, true))
            return;
        QTimer::singleShot(1000, &w, [&] {
            wrk = startWrk(o, &w);
            QMetaObject::invokeMethod(esc, [esc] { esc->go(); });
            QTimer::singleShot(o.durationS * 1000, &w, [&] {
                QMetaObject::invokeMethod(
                    esc, [esc] { esc->stop(); }, Qt::BlockingQueuedConnection);
                // Let the last ones arrive, and wrk finish its report.
                QTimer::singleShot(3000, &w, [&] {
                    if (wrk) {
                        wrk->waitForFinished(10000);
                        wrkReport = QString::fromUtf8(wrk->readAll());
                    }
                    QCoreApplication::quit();
                });
            });
        });
    };
    QObject::connect(&console->app->client().events(), &EventStream::subscribed, &w, [&] { begin(); });
    QApplication::exec();
    QMetaObject::invokeMethod(
        esc, [esc] { delete esc; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();

    const Stats rows = stats(t.latencies(t.row));
    QJsonObject e = toJson(rows);
    e.insert(QStringLiteral("basis"),
        QStringLiteral("POST /sessions sent (first message asks for a person) to the row "
                       "inserted into the console's QueueModel"));
    e.insert(QStringLiteral("sent"), t.sent.size());
    e.insert(QStringLiteral("missing"), static_cast<int>(t.sent.size()) - rows.count);
    e.insert(QStringLiteral("httpErrors"), t.httpErrors);
    e.insert(QStringLiteral("ratePerSec"), o.rate);
    e.insert(QStringLiteral("durationS"), o.durationS);
    e.insert(QStringLiteral("toHttpResponse"), toJson(stats(t.latencies(t.http))));
    e.insert(QStringLiteral("toWebSocketClient"), toJson(stats(t.latencies(t.ws))));
    QJsonObject out{{QStringLiteral("newEscalation"), e}};
    if (!wrkReport.isEmpty()) {
        QJsonObject wj = parseWrk(wrkReport);
        wj.insert(QStringLiteral("connections"), o.wrkConnections);
        out.insert(QStringLiteral("wrk"), wj);
    }
    return out;
}

// The team run (desk_team.cpp): one JSON object, no paint runs, no wrk.
int runTeamAndPrint(const LoadOptions &lo, const QCommandLineParser &p)
{
    TeamOptions o;
    o.server = lo.server;
    o.consoleToken = lo.consoleToken;
    o.config = p.value(QStringLiteral("team"));
    o.agentsScript = p.value(QStringLiteral("agents-script"));
    if (const int ms = p.value(QStringLiteral("switch-ms")).toInt(); ms > 0)
        o.switchMs = ms;
    QJsonObject result = runTeam(o);
    if (result.isEmpty())
        return 1;
    result.insert(QStringLiteral("server"), o.server.toString());
    result.insert(QStringLiteral("platform"), QGuiApplication::platformName());
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    g_clock.start();
    const double beforeMainMs = sinceProcessStartMs();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Tierdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("tierdesk-deskbench"));
    QCommandLineParser p;
    for (const char *o : {"server", "company", "paint-runs", "rate", "duration", "wrk-script", "wrk-sessions",
             "wrk-connections", "team", "agents-script", "switch-ms"})
        p.addOption(QCommandLineOption(QString::fromLatin1(o), QString(), QStringLiteral("value")));
    p.addOption(QCommandLineOption(QStringLiteral("paint-once")));
    p.process(app);
    LoadOptions o;
    o.server = QUrl(p.value(QStringLiteral("server")));
    o.company = p.value(QStringLiteral("company"));
    o.consoleToken = qgetenv("TIERDESK_BENCH_TOKEN");
    o.apiToken = qgetenv("TOKEN");
    if (!o.server.isValid() || o.server.isEmpty() || o.consoleToken.isEmpty()) {
        QTextStream(stderr) << "usage: TIERDESK_BENCH_TOKEN=... TOKEN=... tierdesk-deskbench --server URL --company ID "
                               "[--paint-runs N] [--rate R] [--duration S] [--wrk-script F --wrk-sessions F]"
                            << Qt::endl;
        return 2;
    }
    if (p.isSet(QStringLiteral("paint-once")))
        return runPaintOnce(o.server, o.consoleToken, beforeMainMs);
    if (p.isSet(QStringLiteral("team")))
        return runTeamAndPrint(o, p);

    auto intOption = [&p](const char *name, int fallback) {
        const int v = p.value(QString::fromLatin1(name)).toInt();
        return v > 0 ? v : fallback;
    };
    const int runs = intOption("paint-runs", 5);
    o.rate = intOption("rate", 5);
    o.durationS = intOption("duration", 60);
    o.wrkConnections = intOption("wrk-connections", 20);
    o.wrkScript = p.value(QStringLiteral("wrk-script"));
    o.wrkSessions = p.value(QStringLiteral("wrk-sessions"));
    QJsonObject result{{QStringLiteral("server"), o.server.toString()},
        {QStringLiteral("platform"), QGuiApplication::platformName()},
        {QStringLiteral("queuePainted"), paintRuns(runs, {QStringLiteral("--server"), o.server.toString()})}};
    if (o.company.isEmpty() || o.apiToken.isEmpty())
        QTextStream(stderr) << "deskbench: no --company or TOKEN: the escalation part is skipped" << Qt::endl;
    else {
        const QJsonObject load = runLoad(o);
        for (auto it = load.begin(); it != load.end(); ++it)
            result.insert(it.key(), it.value());
    }
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}
