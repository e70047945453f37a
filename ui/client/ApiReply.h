#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QObject>

namespace tierdesk::ui {

// What went wrong with a call: the CS error body's code, message and details,
// or a network failure (status 0, code "NETWORK").
struct ApiError {
    int status = 0;
    QString code;
    QString message;
    QJsonObject details;
    bool isNetwork() const { return status == 0; }
};

// One call in flight. Emits finished() exactly once, after succeeded() or
// failed(), then deletes itself (later): connect, don't keep the pointer.
class ApiReply : public QObject {
    Q_OBJECT

public:
    explicit ApiReply(QObject *parent = nullptr) : QObject(parent) { }

    bool isFinished() const { return m_finished; }
    bool ok() const { return m_finished && m_error.code.isEmpty(); }
    int status() const { return m_status; }
    const QJsonObject &body() const { return m_body; }
    const ApiError &error() const { return m_error; }

    void finishOk(int status, const QJsonObject &body);
    void finishError(const ApiError &error);

signals:
    void succeeded(const QJsonObject &body);
    void failed(const tierdesk::ui::ApiError &error);
    void finished();

private:
    bool m_finished = false;
    int m_status = 0;
    QJsonObject m_body;
    ApiError m_error;
};

} // namespace tierdesk::ui

Q_DECLARE_METATYPE(tierdesk::ui::ApiError)
