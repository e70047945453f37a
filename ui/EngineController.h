#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThread>

namespace tierdesk::ui {

// Runs the runtime (store, engine) and the embedded server on a dedicated
// engine thread and relays what the console shows through queued signals, so a
// heavy API load never blocks the window.
class EngineController : public QObject {
    Q_OBJECT

public:
    explicit EngineController(QObject *parent = nullptr);
    ~EngineController() override;
    void start(const QString &dataDir, quint16 port);
    // Answered by secretsMoved().
    void moveSecretsToKeyring();

signals:
    void started(const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning);
    // Right after started(): what the console needs to create the first admin
    // (POST /auth/setup's X-Tierdesk-Setup); empty when the server has none.
    void setupSecretReady(const QByteArray &secret);
    void failed(const QString &error);
    // Another process holds the data directory (the message names it). Sent
    // before failed() with the same message.
    void dataDirInUse(const QString &message);
    // How many secrets moved into the keyring, or why none did.
    void secretsMoved(int moved, const QString &error);

private:
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
};

} // namespace tierdesk::ui
