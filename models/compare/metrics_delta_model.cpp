#include "models/compare/metrics_delta_model.h"

#include <QBrush>
#include <QColor>

namespace tb::models {

namespace {

// Most telling first; latency and speed last. Metrics a task does not have are left out.
const char* const kOrder[] = {"accuracy", "macro_f1", "weighted_f1", "invalid_rate", "exact_match", "field_accuracy",
                              "valid_json_rate", "rougeL", "rouge1", "rouge2", "bleu", "token_f1",
                              "latency_p50_ms", "latency_p95_ms", "tokens_per_second"};

bool isRate(const std::string& m) {
    return m == "accuracy" || m == "macro_f1" || m == "weighted_f1" || m == "invalid_rate" || m == "exact_match" ||
           m == "field_accuracy" || m == "valid_json_rate";
}

}  // namespace

MetricsDeltaModel::MetricsDeltaModel(QObject* parent) : QAbstractTableModel(parent) {}

int MetricsDeltaModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int MetricsDeltaModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString MetricsDeltaModel::metricTitle(const QString& metric) {
    if (metric == QLatin1String("accuracy")) return tr("Accuracy");
    if (metric == QLatin1String("macro_f1")) return tr("Macro F1");
    if (metric == QLatin1String("weighted_f1")) return tr("Weighted F1");
    if (metric == QLatin1String("invalid_rate")) return tr("Invalid outputs");
    if (metric == QLatin1String("exact_match")) return tr("Exact match");
    if (metric == QLatin1String("field_accuracy")) return tr("JSON field accuracy");
    if (metric == QLatin1String("valid_json_rate")) return tr("Valid JSON");
    if (metric == QLatin1String("rougeL")) return tr("ROUGE-L F");
    if (metric == QLatin1String("rouge1")) return tr("ROUGE-1 F");
    if (metric == QLatin1String("rouge2")) return tr("ROUGE-2 F");
    if (metric == QLatin1String("bleu")) return tr("BLEU");
    if (metric == QLatin1String("token_f1")) return tr("Token F1");
    if (metric == QLatin1String("latency_p50_ms")) return tr("Latency p50 (ms)");
    if (metric == QLatin1String("latency_p95_ms")) return tr("Latency p95 (ms)");
    if (metric == QLatin1String("tokens_per_second")) return tr("Tokens/s");
    return metric;
}

QVariant MetricsDeltaModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const Row& r = m_rows[size_t(index.row())];
    const bool rate = isRate(r.metric);
    auto show = [&](double v, bool signedValue) {
        if (rate) return signedValue ? QStringLiteral("%1%2 pt").arg(v >= 0 ? "+" : "").arg(100.0 * v, 0, 'f', 1)
                                     : QStringLiteral("%1%").arg(100.0 * v, 0, 'f', 1);
        return signedValue ? QStringLiteral("%1%2").arg(v >= 0 ? "+" : "").arg(v, 0, 'f', 3) : QString::number(v, 'f', 3);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MetricColumn: return metricTitle(QString::fromStdString(r.metric));
        case AColumn: return show(r.a, false);
        case BColumn: return show(r.b, false);
        case DeltaColumn: return show(r.delta, true);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DeltaColumn && r.delta != 0.0) {
            bool better = tb::eval::higherIsBetter(r.metric) ? r.delta > 0 : r.delta < 0;
            return QBrush(better ? QColor(0x1a, 0x7f, 0x37) : QColor(0xcf, 0x22, 0x2e));
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == MetricColumn ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case MetricKeyRole: return QString::fromStdString(r.metric);
    case ValueRole:
        switch (index.column()) {
        case AColumn: return r.a;
        case BColumn: return r.b;
        case DeltaColumn: return r.delta;
        }
        return {};
    }
    return {};
}

QVariant MetricsDeltaModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MetricColumn: return tr("Metric");
    case AColumn: return tr("A");
    case BColumn: return tr("B");
    case DeltaColumn: return tr("B − A");
    }
    return {};
}

void MetricsDeltaModel::setComparison(const tb::eval::ComparisonResult& result) {
    beginResetModel();
    m_rows.clear();
    for (const char* metric : kOrder) {
        auto it = result.deltas.find(metric);
        if (it == result.deltas.end()) continue;
        auto a = tb::eval::reportMetric(result.reportA, metric), b = tb::eval::reportMetric(result.reportB, metric);
        if (!a || !b) continue;
        m_rows.push_back({metric, *a, *b, it->second});
    }
    endResetModel();
}

int MetricsDeltaModel::rowOf(const QString& metric) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (QString::fromStdString(m_rows[i].metric) == metric) return int(i);
    return -1;
}

}  // namespace tb::models
