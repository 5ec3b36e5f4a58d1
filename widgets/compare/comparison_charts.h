// ComparisonCharts: Qt Charts for a comparison — each model's confusion matrix drawn as stacked bars
// (one bar per gold label, stacked by the predicted label, invalid outputs on top) and the per-class F1 of
// A and B side by side. Shows only what core's reports hold; a generation comparison shows a note instead.
#pragma once

#include "core/eval/comparison.h"

#include <QWidget>

class QChartView;
class QLabel;

namespace tb::widgets {

class ComparisonCharts : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonCharts(QWidget* parent = nullptr);
    void setComparison(const tb::eval::ComparisonResult& result, const QString& nameA, const QString& nameB);
    void clear();

    QChartView* confusionViewA() const { return m_confusionA; }
    QChartView* confusionViewB() const { return m_confusionB; }
    QChartView* f1View() const { return m_f1; }

private:
    void showConfusion(QChartView* view, const tb::eval::ClassificationMetrics& m, const QString& title);
    QChartView *m_confusionA = nullptr, *m_confusionB = nullptr, *m_f1 = nullptr;
    QLabel* m_note = nullptr;
};

}  // namespace tb::widgets
