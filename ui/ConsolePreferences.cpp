#include "ui/ConsolePreferences.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>

#include <memory>

namespace tierdesk::ui {
namespace {

const QString kServer = QStringLiteral("connection/server");
const QString kPort = QStringLiteral("connection/port");
const QString kLanguage = QStringLiteral("console/language");
const QString kSecretsNotice = QStringLiteral("console/secretsNoticeDismissed");
const QString kMicrophone = QStringLiteral("headset/microphone");
const QString kSpeaker = QStringLiteral("headset/speaker");
const QString kLastCompanyId = QStringLiteral("signIn/companyId");
const QString kLastCompanyName = QStringLiteral("signIn/companyName");

std::unique_ptr<QSettings> open(const QString &file)
{
    return file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat);
}

} // namespace

QUrl ConsolePreferences::server() const
{
    return QUrl(open(m_file)->value(kServer).toString());
}

void ConsolePreferences::setServer(const QUrl &url)
{
    if (url.isEmpty())
        open(m_file)->remove(kServer);
    else
        open(m_file)->setValue(kServer, url.toString());
}

quint16 ConsolePreferences::port() const
{
    const int port = open(m_file)->value(kPort, 8080).toInt();
    return port > 0 && port <= 65535 ? static_cast<quint16>(port) : 8080;
}

void ConsolePreferences::setPort(quint16 port)
{
    open(m_file)->setValue(kPort, port);
}

QString ConsolePreferences::language() const
{
    const QString code = open(m_file)->value(kLanguage).toString();
    return code == QLatin1String("en") || code == QLatin1String("de") ? code : QString();
}

void ConsolePreferences::setLanguage(const QString &code)
{
    open(m_file)->setValue(kLanguage, code);
}

bool ConsolePreferences::secretsNoticeDismissed() const
{
    return open(m_file)->value(kSecretsNotice, false).toBool();
}

void ConsolePreferences::setSecretsNoticeDismissed(bool dismissed)
{
    open(m_file)->setValue(kSecretsNotice, dismissed);
}

QByteArray ConsolePreferences::microphone() const
{
    return open(m_file)->value(kMicrophone).toByteArray();
}

void ConsolePreferences::setMicrophone(const QByteArray &id)
{
    open(m_file)->setValue(kMicrophone, id);
}

QByteArray ConsolePreferences::speaker() const
{
    return open(m_file)->value(kSpeaker).toByteArray();
}

void ConsolePreferences::setSpeaker(const QByteArray &id)
{
    open(m_file)->setValue(kSpeaker, id);
}

QString ConsolePreferences::lastCompanyId() const
{
    return open(m_file)->value(kLastCompanyId).toString();
}

QString ConsolePreferences::lastCompanyName() const
{
    return open(m_file)->value(kLastCompanyName).toString();
}

void ConsolePreferences::setLastCompany(const QString &id, const QString &name)
{
    const auto settings = open(m_file);
    settings->setValue(kLastCompanyId, id);
    settings->setValue(kLastCompanyName, name);
}

} // namespace tierdesk::ui
