#include "core/runtime/TeamKeys.h"

#include "core/api/auth/SigningKey.h"
#include "core/integrations/SecretBox.h"
#include "core/integrations/SecretStore.h"
#include "core/store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace tierdesk::teamkeys {
namespace {

constexpr char kFormat[] = "tierdesk-keys-1";
constexpr char kSetting[] = "team.keys.fingerprint";
constexpr qsizetype kMaxDocumentBytes = 4096;

QByteArray mac(const QByteArray &key)
{
    return QMessageAuthenticationCode::hash(QByteArrayLiteral("tierdesk team keys"), key, QCryptographicHash::Sha256);
}

Result<QByteArray> readKey(SecretStore &secrets, const char *name, int bytes)
{
    const auto key = secrets.read(QString::fromLatin1(name));
    if (!key)
        return makeError(ErrorKind::NotFound,
            QStringLiteral("this data directory has no %1 yet: start Tierdesk once, or import the keys")
                .arg(QLatin1String(name)));
    if (key->size() != bytes)
        return makeError(
            ErrorKind::Internal, QStringLiteral("the %1 in the secret store is damaged").arg(QLatin1String(name)));
    return *key;
}

} // namespace

QString fingerprint(const QByteArray &signingKey, const QByteArray &dataKey)
{
    const QByteArray both = mac(signingKey).left(8) + mac(dataKey).left(8);
    return QString::fromLatin1(both.toHex());
}

Status check(Store &store, const QByteArray &signingKey, const QByteArray &dataKey)
{
    const QString mine = fingerprint(signingKey, dataKey);
    const auto kept = store.settings().keepFirst(QString::fromLatin1(kSetting), mine);
    if (!kept)
        return kept.error();
    if (*kept == mine)
        return Ok{};
    return makeError(ErrorKind::Conflict,
        QStringLiteral("this instance's keys (fingerprint %1) are not the ones %2 was set up with (%3): tokens it "
                       "signed and secrets it sealed would not work on the other instances. Run `tierdesk secrets "
                       "export` where Tierdesk works on this database and `tierdesk secrets import` here")
            .arg(mine, store.db().location(), *kept));
}

Result<QByteArray> exportDocument(SecretStore &secrets)
{
    const auto signing = readKey(secrets, kSigningKeyName, kSigningKeyBytes);
    if (!signing)
        return signing.error();
    const auto data = readKey(secrets, kWebhookDataKeyName, SecretBox::kKeyBytes);
    if (!data)
        return data.error();
    const QJsonObject doc{{QStringLiteral("format"), QLatin1String(kFormat)},
        {QStringLiteral("signingKey"), QString::fromLatin1(signing->toBase64())},
        {QStringLiteral("dataKey"), QString::fromLatin1(data->toBase64())},
        {QStringLiteral("fingerprint"), fingerprint(*signing, *data)}};
    return QJsonDocument(doc).toJson(QJsonDocument::Compact);
}

Result<QString> importDocument(SecretStore &secrets, const QByteArray &document)
{
    const auto invalid = [](const QString &why) {
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("not a key document of `tierdesk secrets export`: ") + why);
    };
    if (document.size() > kMaxDocumentBytes)
        return invalid(QStringLiteral("larger than %1 bytes").arg(kMaxDocumentBytes));
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(document, &error).object();
    if (error.error != QJsonParseError::NoError)
        return invalid(error.errorString());
    if (doc.value(QLatin1String("format")).toString() != QLatin1String(kFormat))
        return invalid(QStringLiteral("format is not %1").arg(QLatin1String(kFormat)));
    const auto decode = [&](const char *field) {
        return QByteArray::fromBase64(
            doc.value(QLatin1String(field)).toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    };
    const QByteArray signing = decode("signingKey");
    const QByteArray data = decode("dataKey");
    if (signing.size() != kSigningKeyBytes || data.size() != SecretBox::kKeyBytes)
        return invalid(QStringLiteral("the keys must be %1 bytes each, in base64").arg(kSigningKeyBytes));
    const QString print = fingerprint(signing, data);
    const QString claimed = doc.value(QLatin1String("fingerprint")).toString();
    if (!claimed.isEmpty() && claimed != print)
        return invalid(QStringLiteral("its fingerprint does not match its keys (copied only in part?)"));
    if (const Status s = secrets.write(QString::fromLatin1(kSigningKeyName), signing); !s)
        return s.error();
    if (const Status s = secrets.write(QString::fromLatin1(kWebhookDataKeyName), data); !s)
        return s.error();
    return print;
}

} // namespace tierdesk::teamkeys
