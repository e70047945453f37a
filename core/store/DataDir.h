#pragma once

#include "core/common/Result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace tierdesk {

// One data directory, owned by this process for as long as the object lives.
// open() creates it (mode 0700), takes <dir>/tierdesk.lock (a second process on
// the same directory is refused with the holder's pid), restricts the Tierdesk
// files already in it to 0600 and refuses a directory that cannot be trusted:
// not writable, or a database truncated to nothing beside the files of an
// existing installation.
class DataDir {
public:
    static constexpr char kDatabase[] = "tierdesk.db";
    static constexpr char kSettings[] = "tierdesk.ini";
    static constexpr char kSecrets[] = "secrets.json";
    static constexpr char kLock[] = "tierdesk.lock";

    // Errors: Conflict when another process holds the lock (details: pid,
    // hostname, appname), Internal for everything else.
    static Result<std::unique_ptr<DataDir>> open(const QString &path);
    ~DataDir();
    DataDir(const DataDir &) = delete;
    DataDir &operator=(const DataDir &) = delete;

    const QString &path() const { return m_path; }
    QString filePath(const char *name) const;

    // Takes every access away from group and others (0644 becomes 0600) if
    // `file` is a regular file; true when there was nothing to do.
    static bool restrictToOwner(const QString &file);
    // Creates an empty file readable and writable by the owner only; fails if it exists.
    static Status createOwnerOnly(const QString &file);

private:
    explicit DataDir(QString path);
    Status prepareDirectory();
    Status lock();
    Status checkFiles() const;

    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace tierdesk
