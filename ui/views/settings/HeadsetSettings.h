#pragma once

#include "ui/ConsolePreferences.h"

#include <QWidget>

class QComboBox;

namespace tierdesk::ui {

// Settings > Headset: the microphone and the speaker calls use (and the ring), kept in the
// console's preferences; "System default" follows the desktop's choice. The lists are read when the
// tab is first shown (the console starts without asking the sound system) and follow devices plugged
// in and out from then on.
class HeadsetSettings : public QWidget {
    Q_OBJECT

public:
    explicit HeadsetSettings(QWidget *parent = nullptr);

    void setPreferences(const ConsolePreferences &preferences);
    // Reads the devices now (and follows them from then on).
    void refresh();
    QComboBox *microphones() const { return m_microphones; }
    QComboBox *speakers() const { return m_speakers; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void fill();

    ConsolePreferences m_preferences;
    QComboBox *m_microphones;
    QComboBox *m_speakers;
    bool m_following = false; // the devices were read and are followed
};

} // namespace tierdesk::ui
