#pragma once

#include <QList>
#include <QStyledItemDelegate>

#include <utility>

namespace tierdesk::ui {

// A table cell edited by picking one of a few choices: the combo box shows each choice's label
// and writes its value (the model's EditRole), e.g. {"per month", "month"}.
class ChoiceDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    ChoiceDelegate(QList<std::pair<QString, QString>> choices, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QList<std::pair<QString, QString>> m_choices; // label, value
};

} // namespace tierdesk::ui
