#include "ui/models/AiProvidersModel.h"

#include <QLocale>

namespace tierdesk::ui {

QStringList AiProvidersModel::names() const
{
    QStringList out;
    for (int i = 0; i < rowCount(); ++i)
        out << keyOf(i);
    return out;
}

QStringList AiProvidersModel::headers() const
{
    return {tr("Name"), tr("Kind"), tr("Base URL"), tr("API key"), tr("Timeout"), tr("Price in / out"), tr("Added")};
}

QString AiProvidersModel::display(const QJsonObject &row, int column) const
{
    switch (column) {
    case Name:
        return row.value(QLatin1String("name")).toString();
    case Kind: {
        const QString kind = row.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("openai"))
            return tr("OpenAI-compatible");
        if (kind == QLatin1String("anthropic"))
            return tr("Anthropic");
        if (kind == QLatin1String("ollama"))
            return tr("Ollama");
        return kind;
    }
    case BaseUrl:
        return row.value(QLatin1String("baseUrl")).toString();
    case Key:
        return row.value(QLatin1String("hasKey")).toBool() ? tr("Set") : tr("None");
    case Timeout:
        return tr("%1 s").arg(QLocale().toString(row.value(QLatin1String("timeoutMs")).toDouble() / 1000.0, 'g', 4));
    case Prices: {
        const double in = row.value(QLatin1String("priceInput")).toDouble();
        const double out = row.value(QLatin1String("priceOutput")).toDouble();
        if (in == 0 && out == 0)
            return tr("Free");
        return tr("$%1 / $%2 per 1M tokens").arg(QLocale().toString(in, 'f', 2), QLocale().toString(out, 'f', 2));
    }
    case Created:
        return localTime(row.value(QLatin1String("createdAt")));
    }
    return {};
}

} // namespace tierdesk::ui
