#include "tests/support/FileProbes.h"

#include <QFile>

#include <sys/stat.h>

namespace tierdesk::test {

int modeOf(const QString &path)
{
    struct stat st { };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

bool damagePages(const QString &path, int pageSize, int first, int last)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || f.size() < qint64(last) * pageSize || !f.seek(qint64(first - 1) * pageSize))
        return false;
    const QByteArray garbage(pageSize * (last - first + 1), '\xa5');
    return f.write(garbage) == garbage.size();
}

} // namespace tierdesk::test
