#include "widgets/compare/comparison_charts.h"

#include <QGridLayout>
#include <QLabel>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChartView>
#include <QtCharts/QStackedBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace tb::widgets {

namespace {

QChartView* makeView(const QString& objectName, QWidget* parent) {
    auto* view = new QChartView(parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QStringList labelsOf(const tb::eval::ClassificationMetrics& m) {
    QStringList out;
    for (const auto& l : m.labels) out << QString::fromStdString(l);
    return out;
}

}  // namespace

ComparisonCharts::ComparisonCharts(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("chartsNote"));
    m_note->setWordWrap(true);
    m_confusionA = makeView(QStringLiteral("confusionChartA"), this);
    m_confusionB = makeView(QStringLiteral("confusionChartB"), this);
    m_f1 = makeView(QStringLiteral("f1Chart"), this);
    grid->addWidget(m_note, 0, 0, 1, 2);
    grid->addWidget(m_confusionA, 1, 0);
    grid->addWidget(m_confusionB, 1, 1);
    grid->addWidget(m_f1, 2, 0, 1, 2);
    clear();
}

void ComparisonCharts::clear() {
    for (QChartView* v : {m_confusionA, m_confusionB, m_f1}) {
        v->setChart(new QChart);  // the view owns and deletes the previous chart
        v->setVisible(false);
    }
    m_note->setText(tr("Run or open a comparison to see the charts."));
    m_note->setVisible(true);
}

void ComparisonCharts::showConfusion(QChartView* view, const tb::eval::ClassificationMetrics& m, const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    const QStringList labels = labelsOf(m);
    auto* series = new QStackedBarSeries;
    // One set per predicted label (and one for invalid outputs): confusion[gold][predicted].
    const size_t columns = m.labels.size() + 1;
    long long top = 0;
    for (size_t p = 0; p < columns; ++p) {
        auto* set = new QBarSet(p < m.labels.size() ? tr("said %1").arg(labels[int(p)]) : tr("invalid"));
        for (size_t g = 0; g < m.labels.size(); ++g)
            *set << double(g < m.confusion.size() && p < m.confusion[g].size() ? m.confusion[g][p] : 0);
        series->append(set);
    }
    for (const auto& rowCounts : m.confusion) {
        long long sum = 0;
        for (long long c : rowCounts) sum += c;
        top = std::max(top, sum);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    x->setTitleText(tr("gold label"));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setRange(0, double(std::max<long long>(top, 1)));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(tr("examples"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignRight);
    view->setChart(chart);
    view->setVisible(true);
}

void ComparisonCharts::setComparison(const tb::eval::ComparisonResult& result, const QString& nameA, const QString& nameB) {
    clear();
    const auto& ca = result.reportA.classification;
    const auto& cb = result.reportB.classification;
    if (!ca || !cb) {
        m_note->setText(tr("Confusion matrices and per-class F1 exist for classification comparisons only; this one "
                           "is scored as generation (see ROUGE and BLEU in the header)."));
        return;
    }
    m_note->setVisible(false);
    showConfusion(m_confusionA, *ca, tr("Confusion matrix — %1").arg(nameA));
    showConfusion(m_confusionB, *cb, tr("Confusion matrix — %1").arg(nameB));

    auto* chart = new QChart;
    chart->setTitle(tr("Per-class F1"));
    auto* series = new QBarSeries;
    for (auto [name, m] : {std::pair{nameA, &*ca}, std::pair{nameB, &*cb}}) {
        auto* set = new QBarSet(name);
        for (const auto& c : m->perClass) *set << c.f1;
        series->append(set);
    }
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labelsOf(*ca));
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setRange(0.0, 1.0);
    y->setTitleText(tr("F1"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    m_f1->setChart(chart);
    m_f1->setVisible(true);
}

}  // namespace tb::widgets
