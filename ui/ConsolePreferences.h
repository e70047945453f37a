#pragma once

#include <QString>
#include <QUrl>

namespace tierdesk::ui {

// The console's own preferences (QSettings, not the server's): which server it uses
// and its language. Read once at start (runConsole); the Settings page writes them and
// they apply at the next start. The command line (--server, --port) wins over them.
class ConsolePreferences {
public:
    // `file` empty: the user's QSettings of Tierdesk; tests give an INI file.
    explicit ConsolePreferences(QString file = {}) : m_file(std::move(file)) { }

    // A remote server's URL; empty: the embedded server.
    QUrl server() const;
    void setServer(const QUrl &url);
    // The embedded server's port (8080 when not set).
    quint16 port() const;
    void setPort(quint16 port);
    // "" (follow the system), "en" or "de".
    QString language() const;
    void setLanguage(const QString &code);
    // The headset for calls (QAudioDevice ids); empty: the system's default.
    QByteArray microphone() const;
    void setMicrophone(const QByteArray &id);
    QByteArray speaker() const;
    void setSpeaker(const QByteArray &id);
    // An admin closed the notice that the server's secrets are kept in a file: not shown again.
    bool secretsNoticeDismissed() const;
    void setSecretsNoticeDismissed(bool dismissed);

    // The company signed in to last (its id and name): what "Sign in with single sign-on" offers
    // first, as a help desk's sign-in page remembers its address.
    QString lastCompanyId() const;
    QString lastCompanyName() const;
    void setLastCompany(const QString &id, const QString &name);

private:
    QString m_file;
};

} // namespace tierdesk::ui
