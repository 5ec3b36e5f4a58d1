// LineageGraphView: draws one model version's lineage as a small left-to-right graph — dataset
// version → run → model version → exports — with boxes and arrows in a QGraphicsScene. Presentation
// only: the page hands it a tb::ModelLineage read from the registry.
#pragma once

#include "core/registry/registry_lineage.h"

#include <QGraphicsView>
#include <QStringList>

namespace tb::widgets {

class LineageGraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit LineageGraphView(QWidget* parent = nullptr);

    void setLineage(const tb::ModelLineage& lineage);
    void clearLineage();
    // One "Kind: text" line per drawn node, left to right (what a test or screen reader can check).
    QStringList nodeLabels() const { return m_labels; }
    int edgeCount() const { return m_edges; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QPointF addNode(qreal x, qreal y, const QString& kind, const QString& title, const QString& detail,
                    const QColor& accent, const QString& tooltip);
    void addEdge(const QPointF& from, const QPointF& to);
    void fit();

    QStringList m_labels;
    int m_edges = 0;
};

}  // namespace tb::widgets
