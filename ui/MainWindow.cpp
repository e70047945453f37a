#include "ui/MainWindow.h"

#include <QDateTime>
#include <QLabel>
#include <QListWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tierdesk::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Tierdesk"));
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_status = new QLabel(tr("Starting the engine..."), central);
    m_status->setObjectName(QStringLiteral("serverStatus"));
    QFont big = m_status->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_status->setFont(big);
    m_details = new QLabel(central);
    m_details->setObjectName(QStringLiteral("serverDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    auto *feedTitle = new QLabel(tr("Live session events"), central);
    m_events = new QListWidget(central);
    m_events->setObjectName(QStringLiteral("eventFeed"));
    layout->addWidget(m_status);
    layout->addWidget(m_details);
    layout->addWidget(feedTitle);
    layout->addWidget(m_events, 1);
    setCentralWidget(central);
    resize(960, 640);
}

void MainWindow::showStarted(const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning)
{
    m_status->setText(tr("Serving the CS API at %1/api/cs").arg(baseUrl));
    QString details = tr("Data directory: %1\nSecrets: %2").arg(dataDir, secrets);
    if (!warning.isEmpty())
        details += QLatin1Char('\n') + warning;
    m_details->setText(details);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::showFailed(const QString &error)
{
    m_status->setText(tr("The engine could not start"));
    m_details->setText(error);
    statusBar()->showMessage(tr("Error"));
}

void MainWindow::addEvent(const QString &, const QString &sessionId, const QString &type, const QJsonObject &data)
{
    QString line = QStringLiteral("%1  %2  %3").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), type, sessionId);
    const QJsonObject message = data.value(QLatin1String("customerMessage")).toObject();
    if (!message.isEmpty())
        line += QStringLiteral("  \"%1\"").arg(message.value(QLatin1String("content")).toString().left(80));
    if (data.contains(QLatin1String("reason")))
        line += QStringLiteral("  %1 -> %2").arg(data.value(QLatin1String("reason")).toString(),
                                                 data.value(QLatin1String("toTier")).toString());
    m_events->insertItem(0, line);
    while (m_events->count() > 500)
        delete m_events->takeItem(m_events->count() - 1);
}

} // namespace tierdesk::ui
