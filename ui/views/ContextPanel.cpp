#include "ui/views/ContextPanel.h"

#include "ui/models/CustomerLabel.h"
#include "ui/models/Display.h"
#include "ui/views/SentimentChart.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QLabel *sectionHeading(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text.toUpper(), parent);
    l->setStyleSheet(
        QStringLiteral("color:#5f6b7a; font-size:9pt; font-weight:600; letter-spacing:1px; margin-top:10px;"));
    return l;
}

QLabel *body(const QString &name, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    l->setMinimumWidth(1); // wrap to the panel, never widen it
    l->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return l;
}

QString hhmm(const QString &iso)
{
    const qint64 ms = display::parseTime(iso);
    return ms > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QStringLiteral("d MMM HH:mm")) : QString();
}

} // namespace

ContextPanel::ContextPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("contextPanel"));
    m_customer = body(QStringLiteral("customerContext"), this);
    m_escalations = body(QStringLiteral("escalationHistory"), this);
    m_chart = new SentimentChart(this);
    m_chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_chart->setFixedHeight(190);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 4, 12, 12);
    layout->setSpacing(4);
    layout->addWidget(sectionHeading(tr("Customer"), this));
    layout->addWidget(m_customer);
    layout->addWidget(sectionHeading(tr("Sentiment"), this));
    layout->addWidget(m_chart);
    layout->addWidget(sectionHeading(tr("Escalations"), this));
    layout->addWidget(m_escalations);
    layout->addStretch();
    setSession({});
}

QString ContextPanel::customerHtml(const QJsonObject &context)
{
    const QJsonObject c = context.value(QLatin1String("customer")).toObject();
    if (c.isEmpty())
        return tr("<span style=\"color:#8a94a3\">No customer data</span>") + ordersHtml(context);
    QString html = QStringLiteral("<div style=\"font-size:12pt; font-weight:600\">%1%2</div>")
                       .arg(CustomerLabel::of(c).toHtmlEscaped(),
                           c.value(QLatin1String("isVIP")).toBool() ? QStringLiteral(
                               " <span style=\"color:#8a5a00; background:#fff1c2\">&nbsp;★ VIP&nbsp;</span>")
                                                                    : QString());
    QStringList facts;
    if (const QString email = c.value(QLatin1String("email")).toString(); !email.isEmpty())
        facts << email.toHtmlEscaped();
    if (const QString tier = c.value(QLatin1String("tier")).toString(); !tier.isEmpty())
        facts << tr("%1 tier").arg(display::titleCase(tier.toLower()).toHtmlEscaped());
    if (c.contains(QLatin1String("lifetimeValue")))
        facts << tr("lifetime value %1")
                     .arg(QLocale().toString(c.value(QLatin1String("lifetimeValue")).toDouble(), 'f', 2));
    html += QStringLiteral("<div style=\"color:#3d4756\">%1</div>").arg(facts.join(QStringLiteral(" · ")));
    return html + ordersHtml(context);
}

// The customer's orders as their source told them (a field it did not tell shows as a dash),
// or why they could not be loaded.
QString ContextPanel::ordersHtml(const QJsonObject &context)
{
    if (const QString error = context.value(QLatin1String("ordersError")).toString(); !error.isEmpty())
        return QStringLiteral("<div style=\"color:#b91c1c; margin-top:6px\">%1</div>")
            .arg(tr("Could not load orders: %1").arg(error).toHtmlEscaped());
    const QJsonArray orders = context.value(QLatin1String("orders")).toArray();
    if (orders.isEmpty())
        return {};
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" style=\"margin-top:6px\">");
    for (const QJsonValue &v : orders) {
        const QJsonObject o = v.toObject();
        const double refunded = o.value(QLatin1String("refundedAmount")).toDouble();
        const QJsonValue total = o.value(QLatin1String("total"));
        const QString status = o.value(QLatin1String("status")).toString();
        html += QStringLiteral(
            "<tr><td><b>%1</b></td><td>&nbsp;%2</td><td align=\"right\">&nbsp;%3</td><td>%4</td></tr>")
                    .arg(o.value(QLatin1String("id")).toString().toHtmlEscaped(),
                        status.isEmpty() ? QStringLiteral("—") : display::enumLabel(status.toUpper()).toHtmlEscaped(),
                        total.isDouble() ? QLocale().toString(total.toDouble(), 'f', 2) : QStringLiteral("—"),
                        refunded > 0 && status != QLatin1String("refunded")
                            ? tr("&nbsp;<span style=\"color:#5f6b7a\">%1 refunded</span>")
                                  .arg(QLocale().toString(refunded, 'f', 2))
                            : QString());
    }
    return html + QStringLiteral("</table>");
}

QString ContextPanel::escalationsHtml(const QJsonArray &history)
{
    if (history.isEmpty())
        return tr("<span style=\"color:#8a94a3\">None</span>");
    QString html;
    for (const QJsonValue &v : history) {
        const QJsonObject e = v.toObject();
        html += QStringLiteral("<div style=\"margin-bottom:4px\"><b>%1 → %2</b> · %3<br>"
                               "<span style=\"color:#5f6b7a\">%4%5</span>%6</div>")
                    .arg(display::tierLabel(e.value(QLatin1String("fromTier")).toString()),
                        display::tierLabel(e.value(QLatin1String("toTier")).toString()),
                        display::enumLabel(e.value(QLatin1String("reason")).toString()),
                        hhmm(e.value(QLatin1String("timestamp")).toString()),
                        e.value(QLatin1String("automatic")).toBool() ? tr(" · automatic") : QString(),
                        e.value(QLatin1String("notes")).toString().isEmpty()
                            ? QString()
                            : QStringLiteral("<br><i>%1</i>")
                                  .arg(e.value(QLatin1String("notes")).toString().toHtmlEscaped()));
    }
    return html;
}

void ContextPanel::setSession(const QJsonObject &session)
{
    m_customer->setText(customerHtml(session.value(QLatin1String("context")).toObject()));
    m_escalations->setText(escalationsHtml(session.value(QLatin1String("escalationHistory")).toArray()));
    m_chart->setHistory(session.value(QLatin1String("sentimentHistory")).toArray());
}

void ContextPanel::addSentiment(const QString &sentiment)
{
    m_chart->addPoint(sentiment);
}

QString ContextPanel::customerText() const
{
    QTextDocument d;
    d.setHtml(m_customer->text());
    return d.toPlainText();
}

QString ContextPanel::escalationText() const
{
    QTextDocument d;
    d.setHtml(m_escalations->text());
    return d.toPlainText();
}

} // namespace tierdesk::ui
