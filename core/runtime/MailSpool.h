#pragma once

#include "core/engine/channels/Channels.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace tierdesk {

// Mail handed in by `tierdesk mail deliver` while a server holds the data directory
// (docs/channels.md, "A mail server hands mail in"). The command writes the mail into
// <data dir>/mail-spool as a Maildir does (tmp/, then renamed into new/, synced: once it exits 0
// the mail survives a crash); the server takes each file, reads it off the engine thread, receives
// it as a polled mail and removes the file only once the mail is committed. A mail that cannot be
// taken as it is (no mailbox for the company, not a mail) moves to failed/ with a .error file
// beside it; a store that fails leaves the file for the next look. Engine thread.
class MailSpool : public QObject {
    Q_OBJECT

public:
    static constexpr char kDir[] = "mail-spool";
    static constexpr int kRescanMs = 10000; // beside the directory watch, which may miss an event
    static constexpr int kStaleTmpSecs = 3600; // a file this old in tmp/ was never finished

    MailSpool(SessionEngine &engine, Channels &channels, const QString &dataDir, QObject *parent = nullptr);
    ~MailSpool() override;

    // The spool's folders, made when missing (0700); takes what is waiting.
    Status start();
    void stop();

    // From `tierdesk mail deliver`: the mail written into the spool for `companyId`, synced. Its
    // file name; InvalidArgument for a company id that cannot be a file name's part.
    static Result<QString> put(const QString &dataDir, const QString &companyId, const QByteArray &raw);
    // Where put()'s file went once the server took it: "" still waiting, "done", or the reason it failed.
    static QString outcome(const QString &dataDir, const QString &name);

signals:
    void taken(const QString &name, bool stored); // a spooled mail was received (or failed)

private:
    void scan();
    void take(const QString &name);
    void received(const QString &name, const Result<MailInbox::Receipt> &receipt);
    void failed(const QString &name, const QString &why);
    QString path(const char *sub, const QString &name = {}) const;

    SessionEngine &m_engine;
    Channels &m_channels;
    QString m_root;
    QFileSystemWatcher m_watch;
    QTimer m_rescan;
    QThreadPool m_pool;
    QSet<QString> m_taking; // names being read or received
    bool m_stopping = false;
};

} // namespace tierdesk
