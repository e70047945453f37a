#include "core/voice/sip/SipDigest.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace tierdesk::voice::sip {

namespace {

constexpr int kNonceBytes = 16; // 128 bits

QCryptographicHash::Algorithm hashOf(const QString &algorithm)
{
    return algorithm.compare(QLatin1String("SHA-256"), Qt::CaseInsensitive) == 0 ? QCryptographicHash::Sha256
                                                                                 : QCryptographicHash::Md5;
}

QByteArray hex(QCryptographicHash::Algorithm hash, const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), hash).toHex();
}

// The same length and every byte compared: how long it takes says nothing of where they differ.
bool sameResponse(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

// One name=value (the value quoted or a token) from `at`; false at the end or on a malformed pair.
bool nextParam(const QString &s, qsizetype &at, QString *name, QString *value)
{
    while (at < s.size() && (s[at].isSpace() || s[at] == QLatin1Char(',')))
        ++at;
    const qsizetype eq = s.indexOf(QLatin1Char('='), at);
    if (at >= s.size() || eq < 0)
        return false;
    *name = s.mid(at, eq - at).trimmed().toLower();
    at = eq + 1;
    while (at < s.size() && s[at].isSpace())
        ++at;
    value->clear();
    if (at < s.size() && s[at] == QLatin1Char('"')) {
        for (++at; at < s.size() && s[at] != QLatin1Char('"'); ++at) {
            if (s[at] == QLatin1Char('\\') && at + 1 < s.size())
                ++at;
            value->append(s[at]);
        }
        if (at >= s.size())
            return false; // an unclosed quote
        ++at;
    } else {
        const qsizetype end = s.indexOf(QLatin1Char(','), at);
        *value = s.mid(at, end < 0 ? -1 : end - at).trimmed();
        at = end < 0 ? s.size() : end;
    }
    return !name->isEmpty();
}

} // namespace

QHash<QString, QString> SipDigest::parse(const QString &header)
{
    const QString s = header.trimmed();
    if (s.size() > kMaxAuthorizationChars || !s.startsWith(QLatin1String("Digest "), Qt::CaseInsensitive))
        return {};
    QHash<QString, QString> params;
    qsizetype at = 7;
    QString name;
    QString value;
    while (nextParam(s, at, &name, &value))
        params.insert(name, value);
    return params;
}

QByteArray SipDigest::response(
    const QString &algorithm, const QHash<QString, QString> &p, const QString &password, const QString &method)
{
    const QCryptographicHash::Algorithm hash = hashOf(algorithm);
    const QByteArray ha1 = hex(hash,
        p.value(QStringLiteral("username")) + QLatin1Char(':') + p.value(QStringLiteral("realm")) + QLatin1Char(':')
            + password);
    const QByteArray ha2 = hex(hash, method + QLatin1Char(':') + p.value(QStringLiteral("uri")));
    const QString nonce = p.value(QStringLiteral("nonce"));
    if (p.value(QStringLiteral("qop")).isEmpty())
        return hex(
            hash, QString::fromLatin1(ha1) + QLatin1Char(':') + nonce + QLatin1Char(':') + QString::fromLatin1(ha2));
    return hex(hash,
        QString::fromLatin1(ha1) + QLatin1Char(':') + nonce + QLatin1Char(':') + p.value(QStringLiteral("nc"))
            + QLatin1Char(':') + p.value(QStringLiteral("cnonce")) + QLatin1Char(':') + p.value(QStringLiteral("qop"))
            + QLatin1Char(':') + QString::fromLatin1(ha2));
}

QByteArray SipDigest::challenge(const QString &realm, const QStringList &algorithms, bool stale, qint64 nowMs)
{
    forgetOld(nowMs);
    QByteArray random(kNonceBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), kNonceBytes / 4);
    const QByteArray nonce = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_nonces.insert(nonce, nowMs);
    m_order.push_back(nonce);
    QByteArray headers;
    for (const QString &algorithm : algorithms)
        headers += "WWW-Authenticate: Digest realm=\"" + realm.toUtf8() + "\", nonce=\"" + nonce
            + "\", algorithm=" + algorithm.toLatin1() + ", qop=\"auth\"" + (stale ? ", stale=true" : "") + "\r\n";
    return headers;
}

SipDigest::Outcome SipDigest::check(const QStringList &authorizations, const Credentials &expected,
    const QString &realm, const QString &method, qint64 nowMs)
{
    for (const QString &header : authorizations.mid(0, kMaxAuthorizations)) {
        const QHash<QString, QString> p = parse(header);
        const QString algorithm = p.value(QStringLiteral("algorithm"), QStringLiteral("MD5")).toUpper();
        if (p.value(QStringLiteral("realm")) != realm || !expected.algorithms.contains(algorithm))
            continue; // another realm's or an algorithm we did not offer: as if none came
        const QByteArray nonce = p.value(QStringLiteral("nonce")).toUtf8();
        const auto given = m_nonces.constFind(nonce);
        if (given == m_nonces.constEnd())
            return Outcome::Missing; // not ours, or used already (a replay)
        const qint64 issuedAt = given.value();
        m_nonces.erase(given); // once, right or wrong
        if (nowMs - issuedAt > kNonceLifetimeMs)
            return Outcome::Stale;
        const QString qop = p.value(QStringLiteral("qop"));
        if ((!qop.isEmpty() && qop != QLatin1String("auth")) || p.value(QStringLiteral("uri")).isEmpty()
            || p.value(QStringLiteral("username")) != expected.username)
            return Outcome::Wrong;
        const QByteArray wanted = response(algorithm, p, expected.password, method);
        return sameResponse(wanted, p.value(QStringLiteral("response")).toLower().toLatin1()) ? Outcome::Valid
                                                                                              : Outcome::Wrong;
    }
    return Outcome::Missing;
}

void SipDigest::forgetOld(qint64 nowMs)
{
    while (!m_order.empty()) {
        const QByteArray &oldest = m_order.front();
        const auto it = m_nonces.constFind(oldest);
        const bool gone = it == m_nonces.constEnd();
        // A stale nonce is remembered a while longer so that its answer is told "stale", not "who?".
        const bool expired = !gone && nowMs - it.value() > 2 * kNonceLifetimeMs;
        const bool full = static_cast<int>(m_nonces.size()) >= kMaxNonces;
        if (!gone && !expired && !full)
            break;
        if (!gone)
            m_nonces.erase(it);
        m_order.pop_front();
    }
}

} // namespace tierdesk::voice::sip
