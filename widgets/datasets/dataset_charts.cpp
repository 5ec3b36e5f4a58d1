#include "widgets/datasets/dataset_charts.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>

namespace tb::widgets {

QChartView* makeChartView(const QString& objectName, QWidget* parent) {
    auto* view = new QChartView(parent);
    view->setObjectName(objectName);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    view->chart()->legend()->hide();
    return view;
}

void showHistogram(QChartView* view, const QString& title, const std::vector<int64_t>& bins, int64_t binWidth) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->hide();
    auto* set = new QBarSet(title);
    QStringList categories;
    int64_t top = 0;
    for (size_t i = 0; i < bins.size(); ++i) {
        *set << double(bins[i]);
        top = std::max(top, bins[i]);
        categories << QString::number(int64_t(i) * binWidth);
    }
    auto* series = new QBarSeries;
    series->setBarWidth(1.0);
    series->append(set);
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setTitleText(QObject::tr("tokens (bin start)"));
    QFont small = x->labelsFont();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.75));
    x->setLabelsFont(small);
    auto* y = new QValueAxis;
    y->setRange(0, double(std::max<int64_t>(top, 1)));
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

void showLabelCounts(QChartView* view, const QString& title, std::vector<std::pair<QString, int64_t>> counts, int maxBars) {
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    // A summed "other" bar would dwarf the rest (77 intents): show the largest and say so in the title.
    QString fullTitle = title;
    if (int(counts.size()) > maxBars) {
        fullTitle = QObject::tr("%1 (largest %2 of %3)").arg(title).arg(maxBars).arg(counts.size());
        counts.resize(size_t(maxBars));
    }
    auto* chart = new QChart;
    chart->setTitle(fullTitle);
    chart->legend()->hide();
    auto* set = new QBarSet(title);
    QStringList categories;
    int64_t top = 0;
    // Horizontal bars list from the bottom up: reverse so the largest is on top.
    for (auto it = counts.rbegin(); it != counts.rend(); ++it) {
        *set << double(it->second);
        categories << it->first;
        top = std::max(top, it->second);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* y = new QBarCategoryAxis;
    y->append(categories);
    QFont small = y->labelsFont();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    y->setLabelsFont(small);
    auto* x = new QValueAxis;
    x->setRange(0, double(std::max<int64_t>(top, 1)));
    x->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

}  // namespace tb::widgets
