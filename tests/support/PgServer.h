#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tierdesk::test {

// A PostgreSQL server of the tests' own: Debian's binaries (postgresql-15), a cluster made
// by initdb in a temporary directory, listening on a free loopback port, run as an
// unprivileged user (the postgres account when the test runs as root, else the test's own),
// with a password (scram-sha-256) that only the URLs it hands out carry. fsync is off: the
// tests kill Tierdesk, never the machine. Stopped when the object goes.
class PgServer {
public:
    PgServer();
    ~PgServer();
    PgServer(const PgServer &) = delete;
    PgServer &operator=(const PgServer &) = delete;

    // The process's server, started on first use (a test fails when it cannot start).
    static PgServer &shared();
    // Tests that run on both backends ask this: TIERDESK_TEST_DATABASE=postgresql.
    static bool wanted();

    bool start(QString *error);
    // pg_ctl stop -m fast / immediate (a crash), and start again on the same port and data.
    bool stop(bool immediate = false);
    bool restart(QString *error);
    bool running() const { return m_running; }

    int port() const { return m_port; }
    QString password() const { return m_password; }
    // postgresql://tierdesk:<password>@127.0.0.1:<port>/<database>
    QString url(const QString &database) const;
    // A new, empty database of its own name; its URL, or empty (and `error`) on failure.
    QString createDatabase(QString *error = nullptr);
    // Runs `sql` on `database` through psql; false (and `error`) on failure.
    bool psql(const QString &database, const QString &sql, QString *output = nullptr, QString *error = nullptr) const;

private:
    bool run(const QStringList &command, QString *error, QString *output = nullptr) const;
    QStringList asServerUser(const QString &program, const QStringList &args) const;
    QString bin(const QString &tool) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    QString m_password;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
    bool m_asRoot = false;
};

} // namespace tierdesk::test
