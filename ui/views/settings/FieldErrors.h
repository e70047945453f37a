#pragma once

#include <QHash>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace tierdesk::ui {

struct ApiError;

// The settings pages' way of naming a field the server refuses: each field the page sends is
// registered with the API's name for it ("imap.url", "company.currency", "policies.plans") and
// gets an error line beneath it (object name "error_<field>"), hidden until a 400's details.field
// names that field or a part of it ("policies.plans[1].id" shows under "policies.plans").
class FieldErrors {
public:
    // `field` in a cell with its error line beneath, for a form row or a layout of the caller's.
    QWidget *wrap(QWidget *field, const QString &apiField);
    // A form row: `label`, then `field` with its error line beneath.
    void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &apiField);
    // Shows `e` under the field its details.field names and returns that field's API name, or ""
    // when the page has none for it (the caller says it elsewhere).
    QString show(const ApiError &e);
    // The same for a field named otherwise (a config refusal names it in its message: "path: reason").
    QString show(const QString &field, const QString &message);
    void clear();
    // The error shown under an API field, "" when none.
    QString error(const QString &apiField) const;

private:
    QHash<QString, QLabel *> m_labels; // API field -> its error line
};

} // namespace tierdesk::ui
