#include "core/integrations/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSaveFile>

namespace tierdesk {

namespace {

constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Loads the whole file; a missing file is an empty store.
Result<QJsonObject> loadAll(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QJsonObject{};
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorKind::Internal, QStringLiteral("%1 is not a valid secrets file").arg(path));
    return doc.object();
}

} // namespace

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path))
{
    // A file written by an older version (or copied in) may be readable by
    // others: restrict it before any secret is read from it.
    QFile existing(m_path);
    constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    if (existing.exists() && existing.permissions().testAnyFlags(others))
        existing.setPermissions(kOwnerOnly);
}

Result<QByteArray> FileSecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const Result<QJsonObject> all = loadAll(m_path);
    if (!all)
        return all.error();
    const QJsonValue v = all->value(key);
    if (!v.isString())
        return makeError(ErrorKind::NotFound, QStringLiteral("no secret stored for %1").arg(key));
    // Values are base64 so binary secrets survive JSON.
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return makeError(ErrorKind::Internal, QStringLiteral("secret %1 in %2 is corrupt").arg(key, m_path));
    return *decoded;
}

Status FileSecretStore::write(const QString &key, const QByteArray &value)
{
    QMutexLocker lock(&m_mutex);
    Result<QJsonObject> all = loadAll(m_path);
    if (!all)
        return all.error();
    all->insert(key, QString::fromLatin1(value.toBase64()));

    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create %1").arg(info.absolutePath()));

    QSaveFile f(m_path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot write %1: %2").arg(m_path, f.errorString()));
    // Restrict the temporary file before any secret is written into it; the
    // rename in commit() keeps these permissions.
    if (!f.setPermissions(kOwnerOnly)) {
        f.cancelWriting();
        return makeError(ErrorKind::Internal, QStringLiteral("cannot restrict permissions of %1").arg(m_path));
    }
    f.write(QJsonDocument(*all).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot write %1: %2").arg(m_path, f.errorString()));
    return Ok{};
}

Result<QStringList> FileSecretStore::keys()
{
    QMutexLocker lock(&m_mutex);
    const Result<QJsonObject> all = loadAll(m_path);
    if (!all)
        return all.error();
    return all->keys();
}

Status FileSecretStore::removeFile()
{
    QMutexLocker lock(&m_mutex);
    QFile f(m_path);
    if (f.exists() && !f.remove())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot remove %1: %2").arg(m_path, f.errorString()));
    return Ok{};
}

QString FileSecretStore::description() const
{
    return QStringLiteral("file %1 (0600)").arg(QDir::toNativeSeparators(m_path));
}

} // namespace tierdesk
