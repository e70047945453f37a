#pragma once

#include "ui/models/DeskHours.h"

#include <QLabel>
#include <QTimer>

#include <functional>

namespace tierdesk::ui {

class ApiClient;

// "● Open until 17:00" / "○ Closed — opens Mon 09:00" from the company's desk.businessHours
// (GET /api/cs/config); hidden when the company has none (always open). Read again when the
// signed-in agent changes and every few minutes (hours are edited rarely); the words follow
// the clock every half minute.
class DeskHoursLabel : public QLabel {
    Q_OBJECT

public:
    static constexpr int kReloadMs = 5 * 60 * 1000;

    explicit DeskHoursLabel(ApiClient &client, QWidget *parent = nullptr);

    const DeskHours &hours() const { return m_hours; }
    void setHours(const DeskHours &hours);
    // Tests pin the clock (ms since the epoch).
    void setClock(std::function<qint64()> nowMs);
    void reload();

signals:
    // New hours were read (or they were taken away).
    void hoursChanged();

private:
    void updateText();

    ApiClient &m_client;
    DeskHours m_hours;
    std::function<qint64()> m_now;
    QTimer m_tick;
    QTimer m_reload;
};

} // namespace tierdesk::ui
