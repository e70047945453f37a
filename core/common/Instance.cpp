#include "core/common/Instance.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace tierdesk {

QString instanceName()
{
    static const QString name = []() -> QString {
        const QString given = qEnvironmentVariable("TIERDESK_INSTANCE").trimmed().left(100);
        if (!given.isEmpty())
            return given;
        return QSysInfo::machineHostName() + QLatin1Char('-') + QString::number(QCoreApplication::applicationPid());
    }();
    return name;
}

} // namespace tierdesk
