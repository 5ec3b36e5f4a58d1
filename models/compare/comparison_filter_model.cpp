#include "models/compare/comparison_filter_model.h"

#include "core/eval/comparison.h"
#include "models/compare/comparison_table_model.h"

namespace tb::models {

using Model = ComparisonTableModel;

ComparisonFilterModel::ComparisonFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void ComparisonFilterModel::setFilter(Filter filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    invalidateRowsFilter();
}

void ComparisonFilterModel::setLabel(const QString& goldLabel) {
    if (goldLabel == m_label) return;
    m_label = goldLabel;
    invalidateRowsFilter();
}

void ComparisonFilterModel::setSearchText(const QString& text) {
    if (text == m_search) return;
    m_search = text;
    invalidateRowsFilter();
}

int ComparisonFilterModel::countFor(Filter filter) const {
    if (!sourceModel()) return 0;
    int n = 0;
    for (int row = 0; row < sourceModel()->rowCount(); ++row) n += accepts(row, filter) ? 1 : 0;
    return n;
}

bool ComparisonFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    return !sourceParent.isValid() && accepts(sourceRow, m_filter);
}

bool ComparisonFilterModel::accepts(int sourceRow, Filter filter) const {
    const QAbstractItemModel* m = sourceModel();
    const QModelIndex idx = m->index(sourceRow, 0);
    const auto kind = static_cast<tb::eval::ComparisonKind>(idx.data(Model::KindRole).toInt());
    bool ok = true;
    switch (filter) {
    case Filter::All: break;
    case Filter::Disagreements: ok = idx.data(Model::DisagreementRole).toBool(); break;
    case Filter::Regressions: ok = kind == tb::eval::ComparisonKind::Regression; break;
    case Filter::Fixes: ok = kind == tb::eval::ComparisonKind::Fix; break;
    case Filter::Invalid: ok = !idx.data(Model::ValidARole).toBool() || !idx.data(Model::ValidBRole).toBool(); break;
    case Filter::BothRight: ok = kind == tb::eval::ComparisonKind::BothRight; break;
    case Filter::BothWrong: ok = kind == tb::eval::ComparisonKind::BothWrong; break;
    }
    if (!ok) return false;
    if (!m_label.isEmpty() && idx.data(Model::GoldLabelRole).toString() != m_label) return false;
    if (!m_search.isEmpty()) {
        for (int c : {Model::PromptColumn, Model::ReferenceColumn, Model::OutputAColumn, Model::OutputBColumn, Model::IdColumn})
            if (m->index(sourceRow, c).data().toString().contains(m_search, Qt::CaseInsensitive)) return true;
        return false;
    }
    return true;
}

}  // namespace tb::models
