#include "core/store/Checkpointer.h"

#include "core/common/Ids.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

namespace tierdesk {

Checkpointer::Checkpointer(const QString &databasePath, int intervalMs)
{
    m_thread.setObjectName(QStringLiteral("checkpointer"));
    auto *timer = new QTimer;
    timer->setInterval(intervalMs);
    timer->moveToThread(&m_thread);
    const QString name = QStringLiteral("tierdesk-checkpoint-") + QString::fromLatin1(ids::randomHex(6));
    QObject::connect(&m_thread, &QThread::started, timer, [timer, databasePath, name] {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
        db.open();
        QObject::connect(timer, &QTimer::timeout, timer, [name] {
            QSqlQuery q(QSqlDatabase::database(name, false));
            // SQLite: a checkpoint of the write-ahead log.
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        });
        timer->start();
    });
    QObject::connect(&m_thread, &QThread::finished, timer, [timer, name] {
        delete timer;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    });
    m_thread.start(QThread::LowPriority);
}

Checkpointer::~Checkpointer()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace tierdesk
