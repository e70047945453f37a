#include "ui/client/ApiReply.h"

namespace tierdesk::ui {

void ApiReply::finishOk(int status, const QJsonObject &body)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_body = body;
    emit succeeded(body);
    emit finished();
    deleteLater();
}

void ApiReply::finishError(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = error.status;
    m_error = error;
    if (m_error.code.isEmpty())
        m_error.code = QStringLiteral("HTTP_%1").arg(error.status);
    emit failed(m_error);
    emit finished();
    deleteLater();
}

} // namespace tierdesk::ui
