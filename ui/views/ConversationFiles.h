#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QPushButton;
class QWidget;

namespace tierdesk::ui {

class ApiClient;

// The files of the open conversation (the web chat's attachments): their bytes for the
// transcript's thumbnails, opening one on the desktop, and "Attach a file…" beside Send, which
// sends one to the customer as a reply (PNG, JPEG, WebP, GIF or PDF; the server reads the bytes).
class ConversationFiles : public QObject {
    Q_OBJECT

public:
    ConversationFiles(ApiClient &client, QWidget *parentWidget);

    void setSession(const QString &sessionId) { m_sessionId = sessionId; }
    QPushButton *attachButton() const { return m_attach; }
    // The file's bytes (empty when it could not be read); each file is read once.
    void fetch(const QString &fileId, std::function<void(const QByteArray &)> done);
    // Saves the file in a folder of the console's own and opens it with the desktop's viewer.
    void open(const QString &fileId, const QString &name);
    // Sends the file at `path` to the customer.
    void send(const QString &path);

    // Tests: what "Attach a file…" picks, and what opens a saved file instead of the desktop.
    void setFileChooser(std::function<QString()> chooser) { m_chooser = std::move(chooser); }
    void setOpener(std::function<void(const QString &path)> opener) { m_opener = std::move(opener); }

signals:
    void status(const QString &text);
    // The reply that carries the file ({"message": {...}} as POST /attachments answers).
    void sent(const QJsonObject &body);

private:
    void attach();

    ApiClient &m_client;
    QWidget *m_parentWidget;
    QPushButton *m_attach;
    QString m_sessionId;
    QHash<QString, QByteArray> m_cache; // file id -> bytes, of the conversations opened
    std::function<QString()> m_chooser;
    std::function<void(const QString &)> m_opener;
    std::unique_ptr<QTemporaryDir> m_folder; // where opened files are saved, removed on exit
};

} // namespace tierdesk::ui
