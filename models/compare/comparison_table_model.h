// ComparisonTableModel: a thin Qt table over a core ComparisonResult (one row per example: prompt,
// reference, output A, output B, kind, ratings) plus the reviewer ratings, with roles for correctness,
// validity, labels and the word-level diff as HTML. It holds no comparison logic; core computed it all.
#pragma once

#include "core/eval/comparison.h"
#include "core/eval/review_ratings.h"

#include <QAbstractTableModel>
#include <QString>

namespace tb::models {

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, PromptColumn, ReferenceColumn, OutputAColumn, OutputBColumn, KindColumn,
                  RatingAColumn, RatingBColumn, ColumnCount };
    enum Role {
        ExampleIdRole = Qt::UserRole + 1,
        KindRole,          // int(tb::eval::ComparisonKind)
        DisagreementRole,  // bool
        CorrectARole,
        CorrectBRole,
        ValidARole,
        ValidBRole,
        GoldLabelRole,     // classification gold label ("" otherwise)
        LabelARole,        // predicted labels ("" when invalid or not classification)
        LabelBRole,
        RichTextRole,      // output columns: HTML with a ✓/✗ mark and the word diff (A: removed, B: added)
        RatingARole,       // int 0..5
        RatingBRole,
        NoteARole,
        NoteBRole,
    };

    explicit ComparisonTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setComparison(const tb::eval::ComparisonResult& result, const tb::eval::ReviewRatings& ratings);
    void clear();
    const tb::eval::ComparisonResult& comparison() const { return m_result; }
    const tb::eval::ReviewRatings& ratings() const { return m_ratings; }
    const tb::eval::ComparedExample* exampleAt(int row) const;
    int rowOf(const QString& exampleId) const;  // -1 when unknown

    // Changes one output's rating and note in memory (the page stores them); refuses ratings outside 0..5.
    tb::Status setRating(int row, tb::eval::ReviewSide side, int rating, const QString& note, const QString& reviewer);

    static QString kindText(tb::eval::ComparisonKind kind);

private:
    tb::eval::ComparisonResult m_result;
    tb::eval::ReviewRatings m_ratings;
    QVector<QString> m_diffA, m_diffB;  // cached rich text per row (the LCS is not free on every paint)
};

}  // namespace tb::models
