// Analytics export benchmark (bench/desk.sh runs it): the console's Analytics page against a
// running `tierdesk serve`, over the last 31 days, then RUNS exports each of the PDF (with the
// charts, QPdfWriter) and the CSV, timed from the call to the page's `exported` signal (the
// file written off the GUI thread). Prints one JSON object.
//   tierdesk_export_bench --server URL [--runs 5]   (env TOKEN: a supervisor's or admin's token)
#include "ui/client/ApiClient.h"
#include "ui/views/AnalyticsView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace tierdesk::ui;

namespace {

// Waits for `signal` of `sender` (at most 120 s); false on time-out.
template <typename Sender, typename Signal> bool waitFor(const Sender *sender, Signal signal)
{
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, [&loop] { loop.exit(1); });
    return loop.exec() == 0;
}

QJsonObject timeExports(AnalyticsView &view, const QString &suffix, int runs, const QTemporaryDir &dir)
{
    QList<double> ms;
    qint64 bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const QString path = dir.filePath(QStringLiteral("report%1.%2").arg(i).arg(suffix));
        QString error;
        QMetaObject::Connection c = QObject::connect(
            &view, &AnalyticsView::exported, &view, [&error](const QString &, const QString &e) { error = e; });
        QElapsedTimer t;
        t.start();
        suffix == QLatin1String("pdf") ? view.exportPdf(path) : view.exportCsv(path);
        const bool done = waitFor(&view, &AnalyticsView::exported);
        ms << t.nsecsElapsed() / 1e6;
        QObject::disconnect(c);
        if (!done || !error.isEmpty()) {
            QTextStream(stderr) << "export failed: " << error << Qt::endl;
            return {};
        }
        bytes = QFileInfo(path).size();
    }
    std::sort(ms.begin(), ms.end());
    QJsonArray all;
    for (double m : ms)
        all.append(qRound(m * 10) / 10.0);
    return {{QStringLiteral("medianMs"), qRound(ms.at(ms.size() / 2) * 10) / 10.0},
        {QStringLiteral("maxMs"), qRound(ms.last() * 10) / 10.0}, {QStringLiteral("runs"), all},
        {QStringLiteral("bytes"), bytes}};
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption(QCommandLineOption(QStringLiteral("server"), QString(), QStringLiteral("url")));
    p.addOption(QCommandLineOption(QStringLiteral("runs"), QString(), QStringLiteral("n"), QStringLiteral("5")));
    p.process(app);
    ApiClient client;
    client.setBaseUrl(QUrl(p.value(QStringLiteral("server"))));
    client.setToken(qgetenv("TOKEN"));
    AnalyticsView view(client);
    view.resize(1300, 900);
    view.show();
    const QDate today = QDateTime::currentDateTimeUtc().date();
    view.setRange(today.addDays(-30), today);
    QElapsedTimer load;
    load.start();
    view.refresh();
    if (!waitFor(&view, &AnalyticsView::loaded)) {
        QTextStream(stderr) << "analytics did not load" << Qt::endl;
        return 1;
    }
    const double loadMs = load.nsecsElapsed() / 1e6;
    QTemporaryDir dir;
    const int runs = qMax(1, p.value(QStringLiteral("runs")).toInt());
    const QJsonObject pdf = timeExports(view, QStringLiteral("pdf"), runs, dir);
    const QJsonObject csv = timeExports(view, QStringLiteral("csv"), runs, dir);
    if (pdf.isEmpty() || csv.isEmpty())
        return 1;
    QTextStream(stdout) << QJsonDocument(
        QJsonObject{{QStringLiteral("analyticsLoadedMs"), qRound(loadMs * 10) / 10.0}, {QStringLiteral("pdf"), pdf},
            {QStringLiteral("csv"),
                csv}}).toJson(QJsonDocument::Compact)
                        << Qt::endl;
    return 0;
}
