// The team run of the desk bench (TEAM=1 bench/desk.sh): the real console, logged in as a
// person who watches, shows its queue and one conversation in turn while five agents
// (bench/desk_agents.js, another process) work the desk through the API and WebSockets.
// Measured in the console's process:
//   - the event loop: a 5 ms precise timer, how late each tick came (stalls);
//   - each agent's change (claim, transfer, resolve, a new escalation) from the request being
//     sent to the console's QueueModel showing it;
//   - each reply or note in the open conversation from the request to its row in the
//     TranscriptModel, and a colleague's typing to the "is typing" line;
//   - the console's RSS and CPU.
// Both processes read CLOCK_MONOTONIC (Node's process.hrtime is that clock on Linux).
#include "bench/desk_bench.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/client/EventStream.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationView.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>
#include <QTimer>

#include <ctime>
#include <functional>
#include <limits>
#include <sys/resource.h>

namespace tierdesk::deskbench {

using namespace tierdesk::ui;

namespace {

double monoMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// VmRSS or VmHWM of this process in MB.
double memoryMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(static_cast<int>(qstrlen(field)) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return -1;
}

double percentile(QList<double> v, double q)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, static_cast<qsizetype>(q * static_cast<double>(v.size()))));
}

// When each change was seen in the console, by the keys desk_agents.js logs, in order.
class Arrivals {
public:
    void mark(const QString &key) { m_at[key].append(monoMs()); }
    // The first arrival in [from, until), or -1.
    double first(const QString &key, double from, double until) const
    {
        for (double t : m_at.value(key))
            if (t >= from)
                return t < until ? t : -1;
        return -1;
    }

private:
    QHash<QString, QList<double>> m_at;
};

void markRow(const QueueModel &m, int row, Arrivals &a)
{
    const QueueRow &r = m.rowAt(row);
    a.mark(
        r.sessionId + QStringLiteral("|assignee=") + (r.assigneeId.isEmpty() ? QStringLiteral("none") : r.assigneeId));
    a.mark(r.sessionId + QStringLiteral("|queue=") + r.queue);
}

QString customerOf(const QueueModel &m, int row)
{
    return m.rowAt(row).item.value(QLatin1String("customer")).toObject().value(QLatin1String("id")).toString();
}

// Records what the console's queue shows: new rows, changed rows (a whole row: an upsert, not
// the 1 s tick of the time columns), rows about to go.
void watchQueue(QueueModel &m, Arrivals &a)
{
    QObject::connect(&m, &QAbstractItemModel::rowsInserted, &m, [&m, &a](const QModelIndex &, int first, int last) {
        for (int r = first; r <= last; ++r) {
            a.mark(QStringLiteral("cust=") + customerOf(m, r));
            markRow(m, r, a);
        }
    });
    QObject::connect(&m, &QAbstractItemModel::dataChanged, &m, [&m, &a](const QModelIndex &tl, const QModelIndex &br) {
        if (tl.column() != 0 || br.column() != QueueModel::ColumnCount - 1)
            return;
        for (int r = tl.row(); r <= br.row(); ++r)
            markRow(m, r, a);
    });
    QObject::connect(
        &m, &QAbstractItemModel::rowsAboutToBeRemoved, &m, [&m, &a](const QModelIndex &, int first, int last) {
            for (int r = first; r <= last; ++r)
                a.mark(m.rowAt(r).sessionId + QStringLiteral("|removed"));
        });
    // A reload replaces every row: changes may come in that way too.
    QObject::connect(&m, &QAbstractItemModel::modelReset, &m, [&m, &a] {
        for (int r = 0; r < m.rowCount(); ++r) {
            a.mark(QStringLiteral("cust=") + customerOf(m, r));
            markRow(m, r, a);
        }
    });
}

// The agents' messages in the open conversation carry a tag (#b<agent>-<n>). Connected after
// the conversation view's own handlers, so a row counts once the view has taken it in; the
// time from rowsAboutToBeInserted to here is what those handlers took (the view's render).
class TranscriptWatch {
public:
    TranscriptWatch(TranscriptModel &t, Arrivals &a) : m_t(t), m_a(a)
    {
        QObject::connect(&t, &QAbstractItemModel::rowsAboutToBeInserted, &t, [this] { m_insertStart = monoMs(); });
        QObject::connect(&t, &QAbstractItemModel::rowsInserted, &t, [this](const QModelIndex &, int first, int last) {
            m_inserts.append({m_t.rowCount(), monoMs() - m_insertStart});
            markRows(first, last);
        });
        QObject::connect(&t, &QAbstractItemModel::modelReset, &t, [this] { markRows(0, m_t.rowCount() - 1); });
    }

    // The insert handlers' time by the conversation's length: up to 100 messages, 101 to 200, over 200.
    QJsonObject insertTimes() const
    {
        QList<double> bands[3];
        for (const auto &[rows, ms] : m_inserts)
            bands[rows <= 100 ? 0 : rows <= 200 ? 1 : 2] << ms;
        return {{QStringLiteral("basis"),
                    QStringLiteral("rowsAboutToBeInserted to the last rowsInserted handler: the transcript view's "
                                   "render of the new message, by the conversation's length")},
            {QStringLiteral("upTo100"), toJson(stats(bands[0]))}, {QStringLiteral("101to200"), toJson(stats(bands[1]))},
            {QStringLiteral("over200"), toJson(stats(bands[2]))}};
    }

private:
    void markRows(int first, int last)
    {
        static const QRegularExpression tag(QStringLiteral("#b\\d+-\\d+"));
        for (int r = first; r <= last; ++r) {
            const QRegularExpressionMatch m
                = tag.match(m_t.data(m_t.index(r), TranscriptModel::ContentRole).toString());
            if (m.hasMatch())
                m_a.mark(QStringLiteral("msg=") + m.captured(0));
        }
    }

    TranscriptModel &m_t;
    Arrivals &m_a;
    double m_insertStart = 0;
    QList<std::pair<int, double>> m_inserts; // [rows after the insert, ms]
};

// The conversation's "Ann Archer is typing a reply…" line: each name that starts typing.
class TypingWatch {
public:
    void update(const QString &line, Arrivals &a)
    {
        static const QStringList endings{QStringLiteral(" is typing a reply…"), QStringLiteral(" is writing a note…")};
        QSet<QString> now;
        for (const QString &part : line.split(QStringLiteral("  ·  ")))
            for (const QString &end : endings)
                if (part.endsWith(end))
                    now.insert(part.chopped(end.size()));
        for (const QString &name : now)
            if (!m_typing.contains(name))
                a.mark(QStringLiteral("typing=") + name);
        m_typing = now;
    }

private:
    QSet<QString> m_typing;
};

// How late a 5 ms precise timer fires on the console's event loop.
class LoopWatch : public QObject {
public:
    static constexpr int kTickMs = 5;

    // `rows`: the open conversation's length, noted with each stall.
    void start(std::function<int()> rows)
    {
        m_rows = std::move(rows);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_start = m_last = monoMs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double startedAt() const { return m_start; }

    QJsonObject result() const
    {
        auto above = [this](double ms) {
            return static_cast<int>(std::count_if(m_late.begin(), m_late.end(), [ms](double l) { return l > ms; }));
        };
        return {{QStringLiteral("basis"),
                    QStringLiteral("a 5 ms Qt::PreciseTimer on the GUI thread: each tick's gap less 5 ms")},
            {QStringLiteral("ticks"), static_cast<int>(m_late.size())},
            {QStringLiteral("p50Ms"), round1(percentile(m_late, 0.5))},
            {QStringLiteral("p99Ms"), round1(percentile(m_late, 0.99))},
            {QStringLiteral("maxMs"), round1(percentile(m_late, 1.0))}, {QStringLiteral("stallsOver50Ms"), above(50)},
            {QStringLiteral("stallsOver100Ms"), above(100)}, {QStringLiteral("stalls"), m_stalls}};
    }

private:
    void tick()
    {
        const double t = monoMs();
        const double late = std::max(0.0, t - m_last - kTickMs);
        m_late << late;
        if (late > 50 && m_stalls.size() < 100)
            m_stalls.append(QJsonArray{round1((t - m_start) / 1000.0), round1(late), m_rows()});
        m_last = t;
    }

    QTimer m_timer;
    std::function<int()> m_rows;
    double m_start = 0, m_last = 0;
    QList<double> m_late;
    QJsonArray m_stalls; // [seconds into the run, ms late, messages in the open conversation]
};

// The agents' log joined with the arrivals: per kind of change, request sent -> console.
QJsonObject joinLog(const QString &logPath, const Arrivals &arrivals)
{
    struct Sent {
        double t, httpMs;
        QString key, what;
        int status;
    };
    QList<Sent> sent;
    QFile f(logPath);
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.isEmpty())
                sent.append({o.value(QLatin1String("t")).toDouble(), o.value(QLatin1String("ms")).toDouble(),
                    o.value(QLatin1String("k")).toString(), o.value(QLatin1String("what")).toString(),
                    o.value(QLatin1String("status")).toInt()});
        }
    std::sort(sent.begin(), sent.end(), [](const Sent &a, const Sent &b) { return a.t < b.t; });
    // An arrival counts for a request only until the same key is sent again.
    QHash<QString, double> nextSend;
    QList<double> until(sent.size(), std::numeric_limits<double>::max());
    for (qsizetype i = sent.size() - 1; i >= 0; --i) {
        until[i] = nextSend.value(sent.at(i).key, std::numeric_limits<double>::max());
        nextSend.insert(sent.at(i).key, sent.at(i).t);
    }
    QHash<QString, QList<double>> seen, http;
    QHash<QString, int> missing;
    for (qsizetype i = 0; i < sent.size(); ++i) {
        const Sent &s = sent.at(i);
        if (s.status < 200 || s.status >= 300)
            continue;
        const double at = arrivals.first(s.key, s.t, until.at(i));
        if (at < 0)
            ++missing[s.what];
        else
            seen[s.what] << at - s.t;
        if (s.what != QLatin1String("typing"))
            http[s.what] << s.httpMs;
    }
    QJsonObject out;
    for (const QString &what : {QStringLiteral("claim"), QStringLiteral("transfer"), QStringLiteral("resolve"),
             QStringLiteral("newEscalation"), QStringLiteral("conversationReply"), QStringLiteral("conversationNote"),
             QStringLiteral("typing")}) {
        QJsonObject o = toJson(stats(seen.value(what)));
        o.insert(QStringLiteral("missing"), missing.value(what));
        if (http.contains(what))
            o.insert(QStringLiteral("toHttpAnswer"), toJson(stats(http.value(what))));
        out.insert(what, o);
    }
    auto merged = [&seen, &missing](const QStringList &whats) {
        QList<double> all;
        int lost = 0;
        for (const QString &w : whats) {
            all += seen.value(w);
            lost += missing.value(w);
        }
        QJsonObject o = toJson(stats(all));
        o.insert(QStringLiteral("missing"), lost);
        return o;
    };
    out.insert(QStringLiteral("queue"),
        merged({QStringLiteral("claim"), QStringLiteral("transfer"), QStringLiteral("resolve"),
            QStringLiteral("newEscalation")}));
    out.insert(QStringLiteral("conversation"),
        merged({QStringLiteral("conversationReply"), QStringLiteral("conversationNote")}));
    return out;
}

QJsonObject readJsonFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
}

// The console's own figures at the end of the run.
QJsonObject consoleFigures(MainWindow &w, double cpuAtStart, double runMs)
{
    const double cpu = cpuSeconds() - cpuAtStart;
    return {{QStringLiteral("rssMb"), round1(memoryMb("VmRSS:"))},
        {QStringLiteral("peakRssMb"), round1(memoryMb("VmHWM:"))}, {QStringLiteral("cpuSeconds"), round1(cpu)},
        {QStringLiteral("cpuPercentOfACore"), round1(runMs > 0 ? 100.0 * cpu * 1000.0 / runMs : 0)},
        {QStringLiteral("queueRows"), w.queueModel().rowCount()},
        {QStringLiteral("transcriptRows"), w.conversation()->transcript().rowCount()}};
}

// Quits the console's event loop a little after the agents finish (1 when they failed);
// `endedAt` is when they did.
void quitWhenDone(QProcess &agents, MainWindow &w, double &endedAt)
{
    QObject::connect(&agents, &QProcess::errorOccurred, &w, [](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            QTextStream(stderr) << "deskbench: node did not start" << Qt::endl;
            QCoreApplication::exit(1);
        }
    });
    QObject::connect(&agents, &QProcess::finished, &w, [&endedAt, &w](int code, QProcess::ExitStatus status) {
        if (code != 0 || status != QProcess::NormalExit) {
            QTextStream(stderr) << "deskbench: the agents failed" << Qt::endl;
            return QCoreApplication::exit(1);
        }
        endedAt = monoMs();
        // Let the last changes arrive.
        QTimer::singleShot(2000, &w, [] { QCoreApplication::quit(); });
    });
}

} // namespace

QJsonObject runTeam(const TeamOptions &o)
{
    const QJsonObject cfg = readJsonFile(o.config);
    const QString conversation = cfg.value(QLatin1String("conversation")).toString();
    Arrivals arrivals;
    auto console = startConsole(o.server, o.consoleToken);
    MainWindow &w = console->app->window();
    watchQueue(w.queueModel(), arrivals);
    TranscriptWatch transcript(w.conversation()->transcript(), arrivals);
    TypingWatch typing;
    // Connected after the window's own handler: the line is already updated when this runs.
    QObject::connect(&console->app->client().events(), &EventStream::eventsArrived, &w,
        [&] { typing.update(w.conversation()->viewersText(), arrivals); });

    LoopWatch loop;
    QProcess agents;
    agents.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QTimer pages; // a person looks at the queue, then at the conversation, and back
    pages.setInterval(o.switchMs);
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    QObject::connect(&pages, &QTimer::timeout, &w, [&w, nav] {
        if (nav->currentRow() == 0)
            nav->setCurrentRow(1); // the conversation page, as it is (no reload)
        else
            w.showQueue();
    });
    bool subscribed = false, loaded = false, begun = false;
    double cpuAtStart = 0, endedAt = 0;
    auto begin = [&] {
        if (!subscribed || !loaded || std::exchange(begun, true))
            return;
        w.openConversation(conversation);
        // A second for the conversation's load and the reload that follows the connection.
        QTimer::singleShot(1000, &w, [&] {
            cpuAtStart = cpuSeconds();
            loop.start([&w] { return w.conversation()->transcript().rowCount(); });
            pages.start();
            agents.start(QStringLiteral("node"), {o.agentsScript, o.config});
        });
    };
    QObject::connect(&console->app->client().events(), &EventStream::subscribed, &w, [&] {
        subscribed = true;
        begin();
    });
    QObject::connect(&w, &MainWindow::queueLoaded, &w, [&] {
        loaded = true;
        begin();
    });
    quitWhenDone(agents, w, endedAt);
    QTimer::singleShot((cfg.value(QLatin1String("durationS")).toInt() + 120) * 1000, &w, [] {
        QTextStream(stderr) << "deskbench: the agents did not finish in time" << Qt::endl;
        QCoreApplication::exit(1);
    });
    if (QApplication::exec() != 0)
        return {};
    loop.stop();
    QJsonObject out{{QStringLiteral("eventLoop"), loop.result()},
        {QStringLiteral("console"), consoleFigures(w, cpuAtStart, endedAt - loop.startedAt())},
        {QStringLiteral("agents"), QJsonDocument::fromJson(agents.readAllStandardOutput().trimmed()).object()},
        {QStringLiteral("conversationId"), conversation},
        {QStringLiteral("transcriptInsert"), transcript.insertTimes()}};
    const QJsonObject joined = joinLog(cfg.value(QLatin1String("log")).toString(), arrivals);
    for (auto it = joined.begin(); it != joined.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

} // namespace tierdesk::deskbench
