#include "ui/EngineController.h"

#include "core/runtime/Runtime.h"
#include "core/runtime/ServerHost.h"

namespace tierdesk::ui {
namespace {

// Owns the runtime and server; created, used and destroyed on the engine thread.
class EngineWorker : public QObject {
public:
    std::unique_ptr<api::Runtime> runtime;
    std::unique_ptr<api::ServerHost> host;
    ~EngineWorker() override
    {
        host.reset();
        runtime.reset();
    }
};

} // namespace

EngineController::EngineController(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("engine"));
}

EngineController::~EngineController()
{
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { delete w; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void EngineController::start(const QString &dataDir, quint16 port)
{
    auto *worker = new EngineWorker;
    m_worker = worker;
    worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(worker, [this, worker, dataDir, port] {
        auto rt = api::Runtime::open(dataDir.isEmpty() ? api::Runtime::defaultDataDir() : dataDir);
        if (!rt) {
            if (rt.error().kind == ErrorKind::Conflict)
                emit dataDirInUse(rt.error().message);
            emit failed(rt.error().message);
            return;
        }
        worker->runtime = std::move(rt.value());
        api::ServerOptions options;
        options.port = port;
        worker->host = std::make_unique<api::ServerHost>(*worker->runtime, options);
        if (const Status started = worker->host->start(); !started) {
            emit failed(started.error().message);
            return;
        }
        emit started(worker->host->baseUrl(), worker->runtime->dataDir(), worker->runtime->secretsDescription(),
            worker->runtime->secretsWarning());
        emit setupSecretReady(worker->host->setupSecret());
    });
}

void EngineController::moveSecretsToKeyring()
{
    auto *worker = static_cast<EngineWorker *>(m_worker);
    if (!worker)
        return emit secretsMoved(0, tr("The embedded server is not running."));
    QMetaObject::invokeMethod(worker, [this, worker] {
        if (!worker->runtime)
            return emit secretsMoved(0, tr("The embedded server is not running."));
        const auto moved = worker->runtime->moveSecretsToKeyring();
        emit secretsMoved(moved ? *moved : 0, moved ? QString() : moved.error().message);
    });
}

} // namespace tierdesk::ui
