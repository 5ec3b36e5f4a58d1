// ComparisonFilterModel: the Compare page's filters over ComparisonTableModel — all, disagreements,
// regressions (A right, B wrong), fixes (A wrong, B right), invalid outputs (either side), both right,
// both wrong — combined with a gold-label filter and a free-text search. Sorting is by the shown column.
// Decides only which rows show; the kinds themselves come from core.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace tb::models {

class ComparisonFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Filter { All, Disagreements, Regressions, Fixes, Invalid, BothRight, BothWrong };

    explicit ComparisonFilterModel(QObject* parent = nullptr);

    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    void setLabel(const QString& goldLabel);  // empty: any label
    QString label() const { return m_label; }
    void setSearchText(const QString& text);  // case-insensitive, in prompt, reference and outputs

    // Source rows the given filter would accept (with the current label and search), for counts on buttons.
    int countFor(Filter filter) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool accepts(int sourceRow, Filter filter) const;
    Filter m_filter = Filter::All;
    QString m_label;
    QString m_search;
};

}  // namespace tb::models
