// In-process throughput of SessionEngine::postMessage (no HTTP), for profiling
// the engine path with perf or callgrind:
//   build/bench/tierdesk_engine_bench [messages]
#include "core/engine/demo/DemoSeeder.h"
#include "core/runtime/Runtime.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

using namespace tierdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int total = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 20000;
    QTemporaryDir dir;
    auto rt = api::Runtime::open(dir.path());
    if (!rt)
        return 1;
    SessionEngine &engine = rt.value()->engine();
    const QString company = seedDemo(engine, Actor{})->value(QLatin1String("companyId")).toString();
    QStringList sessions;
    for (int i = 0; i < 200; ++i)
        sessions << engine
                        .createSession({company, QStringLiteral("bench-%1").arg(i), Channel::Chat, {}, {}, {}}, Actor{})
                        ->id;
    rt.value()->store().batch().flush();
    const QStringList texts{QStringLiteral("Where is my order?"), QStringLiteral("How long does a refund take?"),
        QStringLiteral("I was charged twice for my order"), QStringLiteral("Thanks, that's helpful!")};
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < total; ++i) {
        engine.postMessage(company, sessions.at(i % sessions.size()), texts.at(i % texts.size()), Actor{});
        if (i % 50 == 49) // one commit per 50 messages, as under load
            rt.value()->store().batch().flush();
    }
    rt.value()->store().batch().flush();
    const double secs = timer.nsecsElapsed() / 1e9;
    QTextStream(stdout) << total << " messages in " << secs << " s: " << qRound(total / secs) << " messages/s, "
                        << qRound(secs * 1e6 / total) << " us each" << Qt::endl;
    return 0;
}
