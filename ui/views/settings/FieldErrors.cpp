#include "ui/views/settings/FieldErrors.h"

#include "ui/client/ApiReply.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tierdesk::ui {

QWidget *FieldErrors::wrap(QWidget *field, const QString &apiField)
{
    auto *cell = new QWidget(field->parentWidget());
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(field);
    auto *error = new QLabel(cell);
    error->setObjectName(QStringLiteral("error_") + apiField);
    error->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    error->setWordWrap(true);
    error->hide();
    v->addWidget(error);
    m_labels.insert(apiField, error);
    return cell;
}

void FieldErrors::addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &apiField)
{
    form->addRow(label, wrap(field, apiField));
}

QString FieldErrors::show(const ApiError &e)
{
    return show(e.details.value(QLatin1String("field")).toString(), e.message);
}

QString FieldErrors::show(const QString &apiField, const QString &message)
{
    // The field itself, else the nearest registered part of it: "a.b[1].c", "a.b[1]", "a.b".
    QString field = apiField;
    while (!field.isEmpty() && !m_labels.contains(field)) {
        const qsizetype cut = qMax(field.lastIndexOf(QLatin1Char('.')), field.lastIndexOf(QLatin1Char('[')));
        field = cut > 0 ? field.left(cut) : QString();
    }
    if (field.isEmpty())
        return {};
    QLabel *under = m_labels.value(field);
    under->setText(message);
    under->show();
    return field;
}

void FieldErrors::clear()
{
    for (QLabel *l : std::as_const(m_labels)) {
        l->clear();
        l->hide();
    }
}

QString FieldErrors::error(const QString &apiField) const
{
    const QLabel *l = m_labels.value(apiField);
    return l && !l->isHidden() ? l->text() : QString();
}

} // namespace tierdesk::ui
