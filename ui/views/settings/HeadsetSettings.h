#pragma once

#include "ui/ConsolePreferences.h"

#include <QWidget>

class QComboBox;

namespace tierdesk::ui {

// Settings > Headset: the microphone and the speaker calls use (and the ring), kept in the
// console's preferences; "System default" follows the desktop's choice. The lists follow devices
// plugged in and out.
class HeadsetSettings : public QWidget {
    Q_OBJECT

public:
    explicit HeadsetSettings(QWidget *parent = nullptr);

    void setPreferences(const ConsolePreferences &preferences);
    QComboBox *microphones() const { return m_microphones; }
    QComboBox *speakers() const { return m_speakers; }

private:
    void fill();

    ConsolePreferences m_preferences;
    QComboBox *m_microphones;
    QComboBox *m_speakers;
};

} // namespace tierdesk::ui
