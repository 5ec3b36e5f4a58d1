#include "widgets/registry/lineage_graph_view.h"

#include "models/registry/model_version_table_model.h"

#include <QFontMetrics>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QPainterPath>
#include <QPen>
#include <QtMath>

#include <algorithm>
#include <optional>

namespace tb::widgets {

namespace {

constexpr qreal kNodeWidth = 170;
constexpr qreal kNodeHeight = 62;
constexpr qreal kColumnGap = 48;
constexpr qreal kRowGap = 12;

QString shortId(const std::string& id) { return QString::fromStdString(id.size() > 12 ? id.substr(0, 12) : id); }

QString elided(const QString& text, const QFont& font, qreal width) {
    return QFontMetrics(font).elidedText(text, Qt::ElideMiddle, int(width));
}

}  // namespace

LineageGraphView::LineageGraphView(QWidget* parent) : QGraphicsView(parent) {
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMinimumHeight(110);
    setFrameShape(QFrame::NoFrame);
}

void LineageGraphView::clearLineage() {
    scene()->clear();
    m_labels.clear();
    m_edges = 0;
}

QPointF LineageGraphView::addNode(qreal x, qreal y, const QString& kind, const QString& title, const QString& detail,
                                  const QColor& accent, const QString& tooltip) {
    // A pale tint of the accent over the window colour, so that text stays readable in light and dark themes.
    const QColor base = palette().color(QPalette::Base);
    const QColor fill((accent.red() + 5 * base.red()) / 6, (accent.green() + 5 * base.green()) / 6,
                      (accent.blue() + 5 * base.blue()) / 6);
    auto* box = scene()->addRect(x, y, kNodeWidth, kNodeHeight, QPen(accent, 1.5), QBrush(fill));
    box->setToolTip(tooltip);
    QFont kindFont = font();
    kindFont.setPointSizeF(kindFont.pointSizeF() * 0.85);
    auto* kindItem = scene()->addSimpleText(kind, kindFont);
    kindItem->setBrush(accent.darker(150));
    kindItem->setPos(x + 8, y + 4);
    QFont titleFont = font();
    titleFont.setBold(true);
    auto* titleItem = scene()->addSimpleText(elided(title, titleFont, kNodeWidth - 16), titleFont);
    titleItem->setBrush(palette().color(QPalette::Text));
    titleItem->setPos(x + 8, y + 4 + QFontMetrics(kindFont).height());
    auto* detailItem = scene()->addSimpleText(elided(detail, kindFont, kNodeWidth - 16), kindFont);
    detailItem->setBrush(palette().color(QPalette::Text));
    detailItem->setPos(x + 8, y + 6 + QFontMetrics(kindFont).height() + QFontMetrics(titleFont).height());
    for (auto* item : {static_cast<QGraphicsItem*>(kindItem), static_cast<QGraphicsItem*>(titleItem),
                       static_cast<QGraphicsItem*>(detailItem)})
        item->setToolTip(tooltip);
    m_labels << QStringLiteral("%1: %2").arg(kind, title);
    return {x, y};
}

void LineageGraphView::addEdge(const QPointF& fromTopLeft, const QPointF& toTopLeft) {
    const QPointF a(fromTopLeft.x() + kNodeWidth, fromTopLeft.y() + kNodeHeight / 2);
    const QPointF b(toTopLeft.x(), toTopLeft.y() + kNodeHeight / 2);
    QPainterPath path(a);
    const qreal midX = (a.x() + b.x()) / 2;
    path.cubicTo(QPointF(midX, a.y()), QPointF(midX, b.y()), b);
    const QColor ink = palette().color(QPalette::Mid);
    scene()->addPath(path, QPen(ink, 1.4));
    // Arrow head pointing right into the target box.
    QPainterPath head;
    head.moveTo(b);
    head.lineTo(b + QPointF(-8, -4.5));
    head.lineTo(b + QPointF(-8, 4.5));
    head.closeSubpath();
    scene()->addPath(head, QPen(ink), QBrush(ink));
    ++m_edges;
}

void LineageGraphView::setLineage(const tb::ModelLineage& l) {
    clearLineage();
    const int exportRows = std::max<int>(1, int(l.exports.size()));
    const qreal totalHeight = exportRows * kNodeHeight + (exportRows - 1) * kRowGap;
    const qreal midY = (totalHeight - kNodeHeight) / 2;
    qreal x = 0;
    std::optional<QPointF> previous;

    if (l.dataset) {
        const auto& d = *l.dataset;
        QString name = d.name.empty() ? tr("(not recorded)") : QString::fromStdString(d.name);
        previous = addNode(x, midY, tr("Dataset version"), name, shortId(d.id), QColor(0x00, 0x89, 0x7b),
                           tr("Dataset version %1\nSHA-256 %2\nby %3 at %4")
                               .arg(name, QString::fromStdString(d.id), QString::fromStdString(d.createdBy),
                                    QString::fromStdString(d.createdAt)));
        x += kNodeWidth + kColumnGap;
    }
    if (l.run) {
        const auto& r = *l.run;
        QPointF node = addNode(x, midY, tr("Run"), QString::fromStdString(r.id),
                               tr("%1 · by %2").arg(QString::fromStdString(r.status), QString::fromStdString(r.startedBy)),
                               QColor(0x6a, 0x1b, 0x9a),
                               tr("Run %1 (%2)\nbase model %3\nseed %4\nstarted by %5 at %6")
                                   .arg(QString::fromStdString(r.id), QString::fromStdString(r.status),
                                        QString::fromStdString(r.baseModel))
                                   .arg(r.seed)
                                   .arg(QString::fromStdString(r.startedBy), QString::fromStdString(r.startedAt)));
        if (previous) addEdge(*previous, node);
        previous = node;
        x += kNodeWidth + kColumnGap;
    }
    const auto& v = l.version;
    QPointF model = addNode(x, midY, tr("Model version"),
                            tr("%1 v%2").arg(QString::fromStdString(v.group)).arg(v.version),
                            tr("%1 · %2").arg(tb::models::ModelVersionTableModel::approvalText(v.approval),
                                              QString::fromStdString(v.stage)),
                            QColor(0x15, 0x65, 0xc0),
                            tr("Adapter SHA-256 %1\nbase model %2")
                                .arg(QString::fromStdString(v.adapterSha256), QString::fromStdString(v.baseModel)));
    if (previous) addEdge(*previous, model);
    x += kNodeWidth + kColumnGap;

    if (l.exports.empty()) {
        m_labels << tr("Exports: none yet");
        auto* none = scene()->addSimpleText(tr("no exports yet"));
        none->setBrush(palette().color(QPalette::PlaceholderText));
        none->setPos(x, midY + kNodeHeight / 2 - none->boundingRect().height() / 2);
    }
    qreal y = 0;
    for (const auto& e : l.exports) {
        QPointF node = addNode(x, y, tr("Export"), QString::fromStdString(e.format), shortId(e.sha256),
                               QColor(0xef, 0x6c, 0x00),
                               tr("%1 export\n%2\nSHA-256 %3\nby %4 at %5")
                                   .arg(QString::fromStdString(e.format), QString::fromStdString(e.path),
                                        QString::fromStdString(e.sha256), QString::fromStdString(e.createdBy),
                                        QString::fromStdString(e.createdAt)));
        addEdge(model, node);
        y += kNodeHeight + kRowGap;
    }
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-8, -8, 8, 8));
    fit();
}

void LineageGraphView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    fit();
}

void LineageGraphView::fit() {
    if (scene()->items().isEmpty()) return;
    // Shrink to fit but never blow small graphs up beyond their natural size.
    const QRectF rect = scene()->sceneRect();
    const qreal scale = std::min({1.0, viewport()->width() / rect.width(), viewport()->height() / rect.height()});
    setTransform(QTransform::fromScale(scale, scale));
    centerOn(rect.center());
}

}  // namespace tb::widgets
