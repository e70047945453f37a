#include "ui/models/ModelTrialModel.h"

#include "ui/models/Display.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace tierdesk::ui {
namespace {

constexpr int kShownChars = 160; // of a message or reply in its cell; the tooltip has it whole

// A model's cost in the price's currency ("0.0016 EUR"): fractions of a cent keep four decimals.
QString costText(const QJsonObject &priced)
{
    const double amount = priced.value(QLatin1String("cost")).toDouble();
    const QString number = QLocale().toString(amount, 'f', amount > 0 && amount < 0.01 ? 4 : 2);
    const QString currency = priced.value(QLatin1String("currency")).toString();
    return currency.isEmpty() ? number : number + QLatin1Char(' ') + currency;
}

QString shortened(const QString &text)
{
    const QString flat = text.simplified();
    return flat.size() > kShownChars ? flat.left(kShownChars) + QStringLiteral("…") : flat;
}

} // namespace

ModelTrialModel::ModelTrialModel(QObject *parent) : JsonRowsModel(parent, QStringLiteral("sessionId")) { }

void ModelTrialModel::setTrial(const QJsonObject &trial)
{
    m_trial = trial;
    setRows(trial.value(QLatin1String("turns")).toArray());
}

QString ModelTrialModel::verdictLabel(const QJsonObject &turn)
{
    const QString verdict = turn.value(QLatin1String("verdict")).toString();
    if (verdict == QLatin1String("ok"))
        return tr("Passed");
    if (verdict == QLatin1String("repaired"))
        return tr("Repaired");
    const QString reason = turn.value(QLatin1String("fallbackReason")).toString();
    if (reason == QLatin1String("guard"))
        return tr("Local reply (guard)");
    if (reason == QLatin1String("timeout"))
        return tr("Local reply (timeout)");
    return tr("Local reply (provider error)");
}

QString ModelTrialModel::summary() const
{
    if (m_trial.isEmpty())
        return {};
    const QJsonObject s = m_trial.value(QLatin1String("summary")).toObject();
    const QJsonObject fallbacks = s.value(QLatin1String("fallbacks")).toObject();
    int fellBack = 0;
    for (auto it = fallbacks.begin(); it != fallbacks.end(); ++it)
        fellBack += it->toInt();
    const int turns = s.value(QLatin1String("turns")).toInt();
    const int repaired = s.value(QLatin1String("repaired")).toInt();
    const QJsonObject models = m_trial.value(QLatin1String("models")).toObject();
    QStringList names{models.value(QLatin1String("aiRep")).toString()};
    if (const QString manager = models.value(QLatin1String("aiManager")).toString(); manager != names.first())
        names << manager;
    names.removeAll(QString());
    const QJsonObject latency = s.value(QLatin1String("latencyMs")).toObject();
    QString out = tr("%1 · %n turn(s): %2 passed, %3 repaired, %4 answered locally", nullptr, turns)
                      .arg(names.join(QStringLiteral(", ")))
                      .arg(turns - repaired - fellBack)
                      .arg(repaired)
                      .arg(fellBack);
    out += tr(" · p50 %1 ms, p95 %2 ms · %3")
               .arg(latency.value(QLatin1String("p50")).toInteger())
               .arg(latency.value(QLatin1String("p95")).toInteger())
               .arg(costText(s));
    if (m_trial.value(QLatin1String("truncated")).toBool())
        out += tr(
            " (only the first %n turn(s) were worded)", nullptr, m_trial.value(QLatin1String("maxTurns")).toInt());
    return out;
}

QString ModelTrialModel::display(const QJsonObject &turn, int column) const
{
    switch (column) {
    case Turn:
        // Positions count from 0 in the API; people count messages from 1.
        return tr("%1 · message %2")
            .arg(display::tierLabel(turn.value(QLatin1String("tier")).toString()))
            .arg(turn.value(QLatin1String("messageIndex")).toInt() + 1);
    case Customer:
        return shortened(turn.value(QLatin1String("customerText")).toString());
    case Reply:
        return shortened(turn.value(QLatin1String("reply")).toString());
    case Verdict:
        return verdictLabel(turn);
    case Latency:
        return tr("%1 ms").arg(turn.value(QLatin1String("latencyMs")).toInteger());
    case Cost:
        return costText(turn);
    }
    return {};
}

QVariant ModelTrialModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &turn = rows().at(index.row());
    const QString verdict = turn.value(QLatin1String("verdict")).toString();
    switch (role) {
    case VerdictRole:
        return verdict;
    case Qt::ToolTipRole: {
        QStringList lines{turn.value(QLatin1String("reply")).toString()};
        for (const QJsonValue &note : turn.value(QLatin1String("guardNotes")).toArray())
            lines << tr("Guard: %1").arg(note.toString());
        const QJsonObject tokens = turn.value(QLatin1String("tokens")).toObject();
        lines << tr("%1 · tokens in %2, out %3")
                     .arg(turn.value(QLatin1String("model")).toString())
                     .arg(tokens.value(QLatin1String("input")).toInteger())
                     .arg(tokens.value(QLatin1String("output")).toInteger());
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::ForegroundRole:
        if (index.column() != Verdict)
            return {};
        if (verdict == QLatin1String("fallback"))
            return QBrush(QColor(0x9b, 0x1c, 0x1c));
        if (verdict == QLatin1String("repaired"))
            return QBrush(QColor(0x92, 0x40, 0x0e));
        return QBrush(QColor(0x16, 0x65, 0x34));
    default:
        return JsonRowsModel::data(index, role);
    }
}

QStringList ModelTrialModel::headers() const
{
    return {tr("Turn"), tr("Customer"), tr("Reply that would go out"), tr("Guard"), tr("Time"), tr("Cost")};
}

} // namespace tierdesk::ui
