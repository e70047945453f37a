#pragma once

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace tierdesk {
class SecretStore;
}

namespace tierdesk::ui {

// "Remember me": the console's login token per server URL, in the secret
// store (the system keyring, else a 0600 file). The keyring runs a local event
// loop per call, so every call runs on a private one-thread pool and answers
// on the caller's thread; the GUI thread never waits for the keyring.
class TokenStore : public QObject {
    Q_OBJECT

public:
    using Factory = std::function<std::unique_ptr<SecretStore>(QString *warning)>;
    // The default: the keyring under "Tierdesk Console", else <dir>/secrets.json.
    static Factory systemFactory(const QString &fallbackDir);

    explicit TokenStore(Factory factory, QObject *parent = nullptr);
    ~TokenStore() override;

    // done(token) on `context`'s thread; an empty token when none is kept.
    void read(const QString &server, QObject *context, std::function<void(const QByteArray &)> done);
    void write(const QString &server, const QByteArray &token);
    void forget(const QString &server) { write(server, {}); }
    static QString keyFor(const QString &server);
    // The remembered logins of every company on the server (CompanyLogins::toJson).
    void readLogins(const QString &server, QObject *context, std::function<void(const QByteArray &)> done);
    void writeLogins(const QString &server, const QByteArray &json);
    static QString loginsKeyFor(const QString &server);
    // Waits for queued writes (tests, shutdown).
    void waitForDone() { m_pool.waitForDone(); }

signals:
    // Said once when the keyring is not used (where the token is kept instead).
    void warning(const QString &text);

private:
    SecretStore *store(); // on the pool thread only
    void readKey(const QString &key, QObject *context, std::function<void(const QByteArray &)> done);
    void writeKey(const QString &key, const QByteArray &value);

    Factory m_factory;
    std::shared_ptr<SecretStore> m_store;
    bool m_opened = false;
    QThreadPool m_pool;
};

} // namespace tierdesk::ui
