#include "core/nlu/TrainingData.h"

#include "core/nlu/Intents.h"

#include <QFile>
#include <QHash>

#include <algorithm>

namespace tierdesk::nlu {

QList<QStringList> parseCsv(QStringView text, QList<int> *startLines)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int rowLine = 1;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n'))
            ++line;
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
                ++i;
                ++line;
            }
            row << field;
            rows << row;
            if (startLines)
                startLines->append(rowLine);
            rowLine = line;
            row.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !row.isEmpty()) {
        row << field;
        rows << row;
        if (startLines)
            startLines->append(rowLine);
    }
    return rows;
}

QString mapBitextIntent(const QString &bitextIntent)
{
    // Bitext has no technical, product, credit, subscription-plan, manager or small-talk
    // intents: those are written by hand in intents.tsv. change_order and place_order
    // map to general_question so that they are not mistaken for cancellations.
    static const QHash<QString, QString> table = [] {
        const char *pairs[][2] = {
            {"track_order", intent::OrderStatus},
            {"delivery_options", intent::DeliveryOptions},
            {"delivery_period", intent::DeliveryOptions},
            {"change_shipping_address", intent::ChangeAddress},
            {"set_up_shipping_address", intent::ChangeAddress},
            {"cancel_order", intent::CancelOrder},
            {"check_cancellation_fee", intent::CancelOrder},
            {"get_refund", intent::RefundRequest},
            {"track_refund", intent::RefundStatus},
            {"check_refund_policy", intent::ReturnItem},
            {"check_invoice", intent::BillingQuestion},
            {"get_invoice", intent::BillingQuestion},
            {"check_payment_methods", intent::PaymentIssue},
            {"payment_issue", intent::PaymentIssue},
            {"recover_password", intent::AccountAccess},
            {"registration_problems", intent::AccountAccess},
            {"create_account", intent::AccountUpdate},
            {"edit_account", intent::AccountUpdate},
            {"switch_account", intent::AccountUpdate},
            {"delete_account", intent::DeleteAccount},
            {"complaint", intent::Complaint},
            {"contact_human_agent", intent::HumanRequest},
            {"contact_customer_service", intent::GeneralQuestion},
            {"newsletter_subscription", intent::SubscriptionChange},
            {"review", intent::GeneralQuestion},
            {"change_order", intent::GeneralQuestion},
            {"place_order", intent::GeneralQuestion},
        };
        QHash<QString, QString> t;
        for (const auto &p : pairs)
            t.insert(QLatin1String(p[0]), QLatin1String(p[1]));
        return t;
    }();
    return table.value(bitextIntent);
}

Result<QList<IntentExample>> importBitextCsv(const QString &path)
{
    QList<IntentExample> examples;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    const QString text = QString::fromUtf8(file.readAll());
    const QList<QStringList> rows = parseCsv(text);
    if (rows.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("%1: empty CSV").arg(path));
    const int textColumn = int(rows.first().indexOf(QStringLiteral("instruction")));
    const int intentColumn = int(rows.first().indexOf(QStringLiteral("intent")));
    if (textColumn < 0 || intentColumn < 0)
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("%1: no 'instruction' and 'intent' columns").arg(path));
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &row = rows.at(r);
        if (row.size() <= std::max(textColumn, intentColumn))
            continue;
        const QString mapped = mapBitextIntent(row.at(intentColumn));
        const QString utterance = row.at(textColumn).simplified();
        if (!mapped.isEmpty() && !utterance.isEmpty())
            examples.append({utterance, mapped});
    }
    return examples;
}

bool isHeldOut(const QString &text, int percent)
{
    const QByteArray bytes = text.simplified().toLower().toUtf8();
    quint32 hash = 2166136261u;
    for (const char b : bytes) {
        hash ^= quint8(b);
        hash *= 16777619u;
    }
    return int(hash % 100u) < percent;
}

IntentEvaluation evaluate(const IntentClassifier &classifier, const QList<IntentExample> &test)
{
    IntentEvaluation e;
    for (const IntentExample &ex : test) {
        const IntentPrediction p = classifier.predict(ex.text);
        ++e.total;
        e.correct += p.intent == ex.intent ? 1 : 0;
        e.correctCategory += p.category == categoryOfIntent(ex.intent) ? 1 : 0;
    }
    return e;
}

} // namespace tierdesk::nlu
