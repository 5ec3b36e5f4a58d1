// MetricsDeltaModel: the Compare page's header table — one row per metric both reports have (accuracy,
// macro F1, ROUGE, BLEU, latency, ...), with A's value, B's value and the delta B - A coloured by whether
// it is better. A thin view of core's ComparisonResult; it computes nothing itself.
#pragma once

#include "core/eval/comparison.h"

#include <QAbstractTableModel>

#include <string>
#include <vector>

namespace tb::models {

class MetricsDeltaModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { MetricColumn, AColumn, BColumn, DeltaColumn, ColumnCount };
    enum Role { MetricKeyRole = Qt::UserRole + 1, ValueRole };  // ValueRole: the unrounded double

    explicit MetricsDeltaModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setComparison(const tb::eval::ComparisonResult& result);
    int rowOf(const QString& metric) const;  // -1 when the comparison has no such metric
    static QString metricTitle(const QString& metric);

private:
    struct Row {
        std::string metric;
        double a = 0, b = 0, delta = 0;
    };
    std::vector<Row> m_rows;
};

}  // namespace tb::models
