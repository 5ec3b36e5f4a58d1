// Small Qt Charts builders shared by the import wizard and the dataset inspector: a token-length histogram
// and label counts as bar charts. They fill a QChartView from plain numbers; no data is computed here.
#pragma once

#include <QString>
#include <QtCharts/QChartView>

#include <cstdint>
#include <utility>
#include <vector>

namespace tb::widgets {

QChartView* makeChartView(const QString& objectName, QWidget* parent);
// bins[i] counts lengths in [i*binWidth, (i+1)*binWidth).
void showHistogram(QChartView* view, const QString& title, const std::vector<int64_t>& bins, int64_t binWidth);
// Labels with their counts; the `maxBars` largest are drawn and the title says how many there are.
void showLabelCounts(QChartView* view, const QString& title, std::vector<std::pair<QString, int64_t>> counts,
                     int maxBars = 12);

}  // namespace tb::widgets
