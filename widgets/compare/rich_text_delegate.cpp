#include "widgets/compare/rich_text_delegate.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace tb::widgets {

RichTextDelegate::RichTextDelegate(int htmlRole, QObject* parent) : QStyledItemDelegate(parent), m_role(htmlRole) {}

void RichTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QString html = index.data(m_role).toString();
    if (html.isEmpty()) return QStyledItemDelegate::paint(painter, option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();  // the style draws selection and focus; the document draws the text
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    doc.setDefaultFont(opt.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html);
    doc.setTextWidth(opt.rect.width());
    painter->save();
    painter->translate(opt.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), opt.rect.size()));
    QAbstractTextDocumentLayout::PaintContext ctx;
    if (opt.state & QStyle::State_Selected)
        ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
    else
        ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::Text));
    doc.documentLayout()->draw(painter, ctx);
    painter->restore();
}

QSize RichTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const QString html = index.data(m_role).toString();
    if (html.isEmpty()) return QStyledItemDelegate::sizeHint(option, index);
    QTextDocument doc;
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(2);
    doc.setHtml(html);
    doc.setTextWidth(260);
    return QSize(260, std::min(int(doc.size().height()), 80));
}

}  // namespace tb::widgets
