#include "ui/views/settings/HeadsetSettings.h"

#include <QAudioDevice>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QMediaDevices>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

void fillCombo(QComboBox *combo, const QList<QAudioDevice> &devices, const QByteArray &chosen, const QString &none)
{
    const QSignalBlocker quiet(combo);
    combo->clear();
    combo->addItem(none, QByteArray());
    for (const QAudioDevice &d : devices)
        combo->addItem(d.description(), d.id());
    const int at = combo->findData(chosen);
    if (at < 0 && !chosen.isEmpty()) // chosen once, not plugged in now: kept, and said so
        combo->addItem(QObject::tr("%1 (not connected)").arg(QString::fromUtf8(chosen)), chosen);
    combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
}

} // namespace

HeadsetSettings::HeadsetSettings(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("headsetSettings"));
    m_microphones = new QComboBox(this);
    m_microphones->setObjectName(QStringLiteral("headsetMicrophone"));
    m_speakers = new QComboBox(this);
    m_speakers->setObjectName(QStringLiteral("headsetSpeaker"));
    connect(m_microphones, &QComboBox::activated, this,
        [this] { m_preferences.setMicrophone(m_microphones->currentData().toByteArray()); });
    connect(m_speakers, &QComboBox::activated, this,
        [this] { m_preferences.setSpeaker(m_speakers->currentData().toByteArray()); });
    auto *note = new QLabel(tr("Calls you accept use these; the next call picks up a change."), this);
    note->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Microphone"), m_microphones);
    form->addRow(tr("Speaker"), m_speakers);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addStretch(1);
}

void HeadsetSettings::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_following)
        refresh();
}

void HeadsetSettings::refresh()
{
    if (!m_following) {
        m_following = true;
        auto *devices = new QMediaDevices(this);
        connect(devices, &QMediaDevices::audioInputsChanged, this, &HeadsetSettings::fill);
        connect(devices, &QMediaDevices::audioOutputsChanged, this, &HeadsetSettings::fill);
    }
    fill();
}

void HeadsetSettings::setPreferences(const ConsolePreferences &preferences)
{
    m_preferences = preferences;
    if (m_following)
        fill();
}

void HeadsetSettings::fill()
{
    fillCombo(m_microphones, QMediaDevices::audioInputs(), m_preferences.microphone(), tr("System default"));
    fillCombo(m_speakers, QMediaDevices::audioOutputs(), m_preferences.speaker(), tr("System default"));
}

} // namespace tierdesk::ui
