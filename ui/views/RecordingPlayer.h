#pragma once

#include <QPointer>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QPushButton;
class QSlider;

namespace tierdesk::ui {

class ApiClient;
class RecordingDownload;

// Plays a call's recording in the conversation view (docs/calls.md, "Recording"): shown for a voice
// session, it fetches the recording through the console's client (so a remote server's too) when
// Play is first pressed, then plays it with Qt Multimedia: the caller on the left, what they heard
// on the right. Play/Pause, a position slider and the time.
class RecordingPlayer : public QWidget {
    Q_OBJECT

public:
    explicit RecordingPlayer(ApiClient &client, QWidget *parent = nullptr);
    ~RecordingPlayer() override;

    // The session shown; the player appears for channel "voice" and forgets the last one.
    void setSession(const QString &sessionId, const QString &channel);
    QString statusText() const;
    // The media player, once a recording was loaded (null before).
    QMediaPlayer *player() const { return m_player; }

signals:
    // The recording is downloaded and handed to the player.
    void loaded();

private:
    void makePlayer();
    void togglePlay();
    void fetch();
    void showTime();
    void reset();

    ApiClient &m_client;
    QString m_sessionId;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QPushButton *m_play;
    QSlider *m_position;
    QLabel *m_time;
    QLabel *m_status;
    QPointer<RecordingDownload> m_download;
    bool m_loaded = false;
};

} // namespace tierdesk::ui
