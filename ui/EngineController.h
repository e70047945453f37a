#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace tierdesk::ui {

// Runs the runtime (store, engine) and the embedded server on a dedicated
// engine thread and relays what the console shows through queued signals, so a
// heavy API load never blocks the window.
class EngineController : public QObject
{
    Q_OBJECT

public:
    explicit EngineController(QObject *parent = nullptr);
    ~EngineController() override;
    void start(const QString &dataDir, quint16 port);

signals:
    void started(const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning);
    void failed(const QString &error);
    // Another process holds the data directory (the message names it). Sent
    // before failed() with the same message.
    void dataDirInUse(const QString &message);
    void sessionEvent(const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data);

private:
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
};

} // namespace tierdesk::ui
