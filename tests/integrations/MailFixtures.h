#pragma once

// The fixture mails of tests/integrations/mail/ (written as real clients send them) and small
// helpers for tests that read mail.

#include "core/integrations/mail/MimeReader.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QStringList>

namespace tierdesk::test {

inline QByteArray fixture(const QString &name)
{
    QFile file(sourceDir() + QStringLiteral("/tests/integrations/mail/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

// A fixture that must read; a failure stops the test with the reader's reason.
inline mail::InboundMail readOk(const QString &name, const mail::MimeReader::Limits &limits = {})
{
    const auto read = mail::MimeReader::read(fixture(name), limits);
    if (!read.ok())
        qFatal("%s: %s", qPrintable(name), qPrintable(read.error().message));
    return *read;
}

// Why a result failed, for QVERIFY2 (which evaluates its message whether or not the check holds).
template <typename T> QByteArray errorText(const Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}

// "Name <address>", to compare an address in one line.
inline QString shown(const MailAddress &a)
{
    return a.name + QStringLiteral(" <") + a.address + QLatin1Char('>');
}

inline QStringList shown(const QList<MailAddress> &list)
{
    QStringList out;
    for (const MailAddress &a : list)
        out.append(shown(a));
    return out;
}

} // namespace tierdesk::test
