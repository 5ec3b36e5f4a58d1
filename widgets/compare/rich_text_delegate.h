// RichTextDelegate: paints a cell from an HTML role (the Compare table's outputs with ✓/✗ marks and
// word-diff highlighting) instead of the plain display text; other cells paint as usual. Read-only.
#pragma once

#include <QStyledItemDelegate>

namespace tb::widgets {

class RichTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    RichTextDelegate(int htmlRole, QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_role;
};

}  // namespace tb::widgets
