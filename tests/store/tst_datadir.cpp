// The data directory: private modes whatever the umask, one owning process (a
// lock taken over from dead processes), and no silent restart on a truncated
// database.
#include "core/store/DataDir.h"
#include "core/store/Store.h"
#include "tests/support/FileProbes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

bool writeFile(const QString &path, const QByteArray &data, int mode)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
        return false;
    f.close();
    return ::chmod(QFile::encodeName(path).constData(), static_cast<mode_t>(mode)) == 0;
}

QString octal(int mode)
{
    return QString::number(mode, 8);
}

} // namespace

class TestDataDir : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void newDirectoryAndDatabaseArePrivate();
    void existingFilesAreTightened();
    void sharedDirectoryIsLeftAlone();
    void secondOwnerIsRefusedWithTheHoldersPid();
    void lockOfADeadProcessIsTakenOver();
    void lockFromAnotherHostIsLeftToAPerson();
    void truncatedDatabaseIsRefused();
    void emptyDatabaseOfAFreshDirectoryIsFine();
    void fileInPlaceOfTheDirectoryIsRefused();

private:
    mode_t m_umask = 0;
};

void TestDataDir::initTestCase()
{
    // The usual desktop umask: files 0644 and directories 0755 unless Tierdesk says otherwise.
    m_umask = ::umask(022);
}

void TestDataDir::cleanupTestCase()
{
    ::umask(m_umask);
}

void TestDataDir::newDirectoryAndDatabaseArePrivate()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(QStringLiteral("a/b/data"));
    auto dir = DataDir::open(path);
    QVERIFY2(dir.ok(), dir.ok() ? "" : qPrintable(dir.error().message));
    QCOMPARE(octal(modeOf(path)), QStringLiteral("700"));
    QCOMPARE(octal(modeOf((*dir)->filePath(DataDir::kLock))), QStringLiteral("600"));

    // SQLite creates -wal and -shm itself, with the database file's mode.
    auto store = Store::open((*dir)->filePath(DataDir::kDatabase));
    QVERIFY(store.ok());
    QVERIFY((*store)->batch().run(
        [&] { return (*store)->db().exec(QStringLiteral("INSERT INTO settings(key, value) VALUES ('k', 'v')")); }));
    QVERIFY((*store)->batch().flush());
    for (const char *suffix : {"", "-wal", "-shm"}) {
        const QString file = (*dir)->filePath(DataDir::kDatabase) + QLatin1String(suffix);
        QVERIFY2(QFile::exists(file), qPrintable(file));
        QCOMPARE(octal(modeOf(file)), QStringLiteral("600"));
    }
}

void TestDataDir::existingFilesAreTightened()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.path();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0755) == 0);
    QVERIFY(writeFile(path + QStringLiteral("/tierdesk.ini"), "[http]\nmaxConnections=10\n", 0644));
    QVERIFY(writeFile(path + QStringLiteral("/secrets.json"), "{}", 0664));
    {
        auto store = Store::open(path + QStringLiteral("/tierdesk.db"));
        QVERIFY(store.ok());
    }
    QVERIFY(::chmod(QFile::encodeName(path + QStringLiteral("/tierdesk.db")).constData(), 0644) == 0);

    auto dir = DataDir::open(path);
    QVERIFY2(dir.ok(), dir.ok() ? "" : qPrintable(dir.error().message));
    QCOMPARE(octal(modeOf(path)), QStringLiteral("700"));
    for (const char *name : {DataDir::kSettings, DataDir::kSecrets, DataDir::kDatabase, DataDir::kLock})
        QVERIFY2(modeOf((*dir)->filePath(name)) == 0600, name);
}

void TestDataDir::sharedDirectoryIsLeftAlone()
{
    // --data-dir pointed at a directory holding other things (a home, say):
    // its mode is not Tierdesk's to change, its own files still are private.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(::chmod(QFile::encodeName(tmp.path()).constData(), 0755) == 0);
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("notes.txt")), "mine", 0644));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("holds other files")));
    auto dir = DataDir::open(tmp.path());
    QVERIFY(dir.ok());
    QCOMPARE(octal(modeOf(tmp.path())), QStringLiteral("755"));
    QCOMPARE(octal(modeOf(tmp.filePath(QStringLiteral("notes.txt")))), QStringLiteral("644"));
    QCOMPARE(octal(modeOf((*dir)->filePath(DataDir::kLock))), QStringLiteral("600"));
}

void TestDataDir::secondOwnerIsRefusedWithTheHoldersPid()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto first = DataDir::open(tmp.path());
    QVERIFY(first.ok());
    auto second = DataDir::open(tmp.path());
    QVERIFY(!second.ok());
    QVERIFY(second.error().kind == ErrorKind::Conflict);
    const QString pid = QString::number(QCoreApplication::applicationPid());
    QVERIFY2(second.error().message.contains(QStringLiteral("pid ") + pid), qPrintable(second.error().message));
    QCOMPARE(second.error().details.value(QLatin1String("pid")).toInteger(), QCoreApplication::applicationPid());
    // Released with its owner.
    first.value().reset();
    auto third = DataDir::open(tmp.path());
    QVERIFY2(third.ok(), third.ok() ? "" : qPrintable(third.error().message));
}

void TestDataDir::lockOfADeadProcessIsTakenOver()
{
    // A process that has ended (and been reaped): its pid runs nothing now.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // What QLockFile writes: pid, application name, host name.
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("tierdesk.lock")),
        QByteArray::number(deadPid) + "\ntierdesk\n" + QSysInfo::machineHostName().toUtf8() + "\n", 0644));
    auto dir = DataDir::open(tmp.path());
    QVERIFY2(dir.ok(), dir.ok() ? "" : qPrintable(dir.error().message));
    QFile lock(tmp.filePath(QStringLiteral("tierdesk.lock")));
    QVERIFY(lock.open(QIODevice::ReadOnly));
    QCOMPARE(lock.readLine().trimmed(), QByteArray::number(QCoreApplication::applicationPid()));
}

void TestDataDir::lockFromAnotherHostIsLeftToAPerson()
{
    // Whether a process on another machine still runs cannot be seen from
    // here: however old, the lock is not taken over (stale time 0).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString lock = tmp.filePath(QStringLiteral("tierdesk.lock"));
    QVERIFY(writeFile(lock, "4242\ntierdesk\nelsewhere.example\n", 0600));
    {
        QFile f(lock); // a month old: far past any age limit
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime::currentDateTime().addDays(-30), QFileDevice::FileModificationTime));
    }
    auto dir = DataDir::open(tmp.path());
    QVERIFY(!dir.ok());
    QVERIFY(dir.error().kind == ErrorKind::Conflict);
    QVERIFY2(dir.error().message.contains(QLatin1String("pid 4242 on elsewhere.example"))
            && dir.error().message.contains(QLatin1String("delete ") + lock),
        qPrintable(dir.error().message));
    QVERIFY(QFile::exists(lock));
}

void TestDataDir::truncatedDatabaseIsRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("tierdesk.db")), {}, 0600));
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("secrets.json")), "{}", 0600));
    auto dir = DataDir::open(tmp.path());
    QVERIFY(!dir.ok());
    QVERIFY2(dir.error().message.contains(QLatin1String("is empty")), qPrintable(dir.error().message));
    QVERIFY(dir.error().message.contains(QLatin1String("secrets.json")));
    // Nothing was re-created, and the directory is free again.
    QCOMPARE(QFileInfo(tmp.filePath(QStringLiteral("tierdesk.db"))).size(), 0);
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("tierdesk.lock"))));
}

void TestDataDir::emptyDatabaseOfAFreshDirectoryIsFine()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("tierdesk.db")), {}, 0644));
    auto dir = DataDir::open(tmp.path());
    QVERIFY2(dir.ok(), dir.ok() ? "" : qPrintable(dir.error().message));
    QCOMPARE(octal(modeOf(tmp.filePath(QStringLiteral("tierdesk.db")))), QStringLiteral("600"));
}

void TestDataDir::fileInPlaceOfTheDirectoryIsRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(writeFile(tmp.filePath(QStringLiteral("file")), "x", 0644));
    auto dir = DataDir::open(tmp.filePath(QStringLiteral("file")));
    QVERIFY(!dir.ok());
    QVERIFY2(dir.error().message.contains(QLatin1String("not a directory")), qPrintable(dir.error().message));
    QVERIFY(!DataDir::open(QString()).ok());
}

QTEST_GUILESS_MAIN(TestDataDir)
#include "tst_datadir.moc"
