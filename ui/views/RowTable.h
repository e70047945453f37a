#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace tierdesk::ui {

// A read-only table of MODEL that selects one whole row at a time, with alternating row colours,
// no row numbers and its last column stretched: the lists of the supervisor and configuration views.
QTableView *rowTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent);

} // namespace tierdesk::ui
