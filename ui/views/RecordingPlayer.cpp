#include "ui/views/RecordingPlayer.h"

#include "ui/client/ApiClient.h"
#include "ui/client/RecordingDownload.h"

#include <QAudioOutput>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSlider>
#include <QUrl>

namespace tierdesk::ui {
namespace {

QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RecordingPlayer::RecordingPlayer(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("recordingPlayer"));
    m_play = new QPushButton(tr("Play recording"), this);
    m_play->setObjectName(QStringLiteral("recordingPlay"));
    m_position = new QSlider(Qt::Horizontal, this);
    m_position->setObjectName(QStringLiteral("recordingPosition"));
    m_position->setEnabled(false);
    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("recordingTime"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("recordingStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_play);
    layout->addWidget(m_position, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_status);

    connect(m_play, &QPushButton::clicked, this, &RecordingPlayer::togglePlay);
    setVisible(false);
}

RecordingPlayer::~RecordingPlayer() = default;

// Made when a recording is first played: a console that plays none never loads Qt Multimedia's backend.
void RecordingPlayer::makePlayer()
{
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_player->setAudioOutput(m_output);
    connect(m_position, &QSlider::sliderMoved, m_player, [this](int ms) { m_player->setPosition(ms); });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_position->setRange(0, int(ms));
        showTime();
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (!m_position->isSliderDown())
            m_position->setValue(int(ms));
        showTime();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        m_play->setText(state == QMediaPlayer::PlayingState ? tr("Pause") : tr("Play recording"));
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
        [this](QMediaPlayer::Error, const QString &why) { m_status->setText(tr("Cannot play: %1").arg(why)); });
}

void RecordingPlayer::setSession(const QString &sessionId, const QString &channel)
{
    if (sessionId != m_sessionId) {
        reset();
        m_sessionId = sessionId;
    }
    setVisible(channel == QLatin1String("voice") && !sessionId.isEmpty());
}

QString RecordingPlayer::statusText() const
{
    return m_status->text();
}

void RecordingPlayer::reset()
{
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    delete m_download; // its temporary file with it
    m_loaded = false;
    m_position->setEnabled(false);
    m_position->setValue(0);
    m_time->clear();
    m_status->clear();
    m_play->setEnabled(true);
}

void RecordingPlayer::togglePlay()
{
    if (!m_loaded)
        return fetch();
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
    else
        m_player->play();
}

void RecordingPlayer::fetch()
{
    if (m_download || m_sessionId.isEmpty())
        return;
    m_play->setEnabled(false);
    m_status->setText(tr("Loading the recording…"));
    m_download = new RecordingDownload(m_client, m_sessionId, this);
    connect(m_download, &RecordingDownload::ready, this, [this](const QString &fileName) {
        m_play->setEnabled(true);
        m_status->clear();
        m_loaded = true;
        m_position->setEnabled(true);
        if (!m_player)
            makePlayer();
        m_player->setSource(QUrl::fromLocalFile(fileName));
        emit loaded();
        m_player->play();
    });
    connect(m_download, &RecordingDownload::none, this, [this] {
        m_play->setEnabled(true);
        m_status->setText(tr("This call was not recorded, or its recording was erased."));
        m_download->deleteLater();
    });
    connect(m_download, &RecordingDownload::failed, this, [this](const QString &why) {
        m_play->setEnabled(true);
        m_status->setText(tr("The recording could not be loaded: %1").arg(why));
        m_download->deleteLater();
    });
    m_download->start();
}

void RecordingPlayer::showTime()
{
    if (m_player)
        m_time->setText(QStringLiteral("%1 / %2").arg(clock(m_player->position()), clock(m_player->duration())));
}

} // namespace tierdesk::ui
