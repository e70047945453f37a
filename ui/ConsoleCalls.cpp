#include "ui/ConsoleCalls.h"

#include "ui/ConsoleTray.h"
#include "ui/MainWindow.h"
#include "ui/views/CallBar.h"
#include "ui/views/SettingsView.h"

namespace tierdesk::ui {
namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

ConsoleCalls::ConsoleCalls(ApiClient &client, MainWindow &window, ConsoleTray &tray, CallBar *bar)
    : QObject(&window), m_calls(client), m_window(window), m_tray(tray), m_bar(bar)
{
    connect(&m_calls, &CallClient::ringingChanged, this, &ConsoleCalls::onRinging);
    connect(&m_calls, &CallClient::accepted, this, &ConsoleCalls::onAccepted);
    connect(&m_calls, &CallClient::currentChanged, m_bar, &CallBar::showCall);
    connect(&m_calls, &CallClient::finished, this, [this](const QString &, const QString &why) { onFinished(why); });
    connect(&m_calls, &CallClient::refused, this,
        [this](const QString &why) { m_window.showNotice(tr("The call could not be changed: %1").arg(why)); });
    connect(&m_calls, &CallClient::audio, &m_headset, &Headset::play);
    connect(&m_headset, &Headset::captured, &m_calls, &CallClient::sendAudio);
    connect(&m_headset, &Headset::problem, this, [this](const QString &why) { m_window.showNotice(why); });
    connect(m_bar, &CallBar::muteToggled, &m_calls, &CallClient::setMuted);
    connect(m_bar, &CallBar::holdToggled, &m_calls, &CallClient::hold);
    connect(m_bar, &CallBar::transferRequested, &m_calls, &CallClient::transfer);
    connect(m_bar, &CallBar::backToAiRequested, &m_calls, &CallClient::transferToAi);
    connect(m_bar, &CallBar::hangUpRequested, &m_calls, &CallClient::hangUp);
}

ConsolePreferences ConsoleCalls::preferences() const
{
    return m_window.settings()->preferences();
}

void ConsoleCalls::acceptFirst()
{
    const QList<QJsonObject> ringing = m_calls.ringing();
    if (!ringing.isEmpty())
        m_calls.accept(str(ringing.first(), "callId"));
}

void ConsoleCalls::onRinging()
{
    const QList<QJsonObject> ringing = m_calls.ringing();
    if (ringing.isEmpty()) {
        m_ringer.stop();
        if (!m_noticeFor.isEmpty())
            m_window.showNotice({});
        m_noticeFor.clear();
        return;
    }
    const QJsonObject &first = ringing.first();
    const QString callId = str(first, "callId");
    if (callId == m_noticeFor)
        return;
    m_noticeFor = callId;
    QString who = str(first, "callerName");
    if (who.isEmpty())
        who = str(first, "callerNumber").isEmpty() ? tr("a caller") : str(first, "callerNumber");
    const QString text = ringing.size() == 1
        ? tr("Incoming call from %1 (%2 queue)").arg(who, str(first, "queue"))
        : tr("Incoming call from %1 (%2 queue), %n calls waiting", nullptr, int(ringing.size()))
              .arg(who, str(first, "queue"));
    m_window.showNotice(text);
    m_window.offerNoticeAction(tr("Accept"), [this] { acceptFirst(); });
    if (!m_notified.contains(callId)) {
        m_notified.append(callId);
        while (m_notified.size() > 100)
            m_notified.removeFirst();
        m_tray.notify(tr("Incoming call"), text);
    }
    m_ringer.start(preferences().speaker());
}

void ConsoleCalls::onAccepted(const QJsonObject &call)
{
    m_ringer.stop();
    m_noticeFor.clear();
    m_window.showNotice({});
    m_window.openConversation(str(call, "sessionId"));
    m_bar->showCall(call);
    const ConsolePreferences prefs = preferences();
    m_headset.start(prefs.microphone(), prefs.speaker());
}

void ConsoleCalls::onFinished(const QString &reason)
{
    m_headset.stop();
    m_bar->clear();
    if (reason == QLatin1String("disconnected"))
        m_window.showNotice(tr("The connection to the server was lost: the call went back in line."));
    onRinging();
}

} // namespace tierdesk::ui
