#include "models/compare/comparison_table_model.h"
#include "core/common/utc_time.h"

#include "core/eval/comparison_export.h"
#include "core/eval/word_diff.h"

#include <QBrush>
#include <QColor>

namespace tb::models {

using tb::eval::ComparisonKind;
using tb::eval::DiffOp;
using tb::eval::ReviewSide;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString joinReferences(const std::vector<std::string>& refs) {
    QStringList out;
    for (const auto& r : refs) out << q(r);
    return out.join(QStringLiteral(" | "));
}

// One side's output as HTML: a mark, then the words, those not shared with the other side highlighted.
QString sideHtml(const std::vector<tb::eval::DiffSegment>& diff, bool sideA, bool correct, bool valid) {
    QString html = correct ? QStringLiteral("<span style='color:#1a7f37'>&#10003;</span> ")
                           : QStringLiteral("<span style='color:#cf222e'>&#10007;</span> ");
    if (!valid) html += QStringLiteral("<i style='color:#9a6700'>[invalid]</i> ");
    const DiffOp own = sideA ? DiffOp::Removed : DiffOp::Added;
    const QString colour = sideA ? QStringLiteral("#ffd7d5") : QStringLiteral("#ccffd8");
    bool first = true;
    for (const auto& s : diff) {
        if (s.op != DiffOp::Equal && s.op != own) continue;
        if (!first) html += QLatin1Char(' ');
        first = false;
        QString text = q(tb::eval::htmlEscape(s.text()));
        html += s.op == DiffOp::Equal ? text : QStringLiteral("<span style='background:%1'>%2</span>").arg(colour, text);
    }
    return html;
}

}  // namespace

ComparisonTableModel::ComparisonTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int ComparisonTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_result.examples.size());
}

int ComparisonTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString ComparisonTableModel::kindText(ComparisonKind kind) {
    switch (kind) {
    case ComparisonKind::BothRight: return tr("both right");
    case ComparisonKind::BothWrong: return tr("both wrong");
    case ComparisonKind::Regression: return tr("regression");
    case ComparisonKind::Fix: return tr("fix");
    }
    return {};
}

const tb::eval::ComparedExample* ComparisonTableModel::exampleAt(int row) const {
    return row >= 0 && row < rowCount() ? &m_result.examples[size_t(row)] : nullptr;
}

int ComparisonTableModel::rowOf(const QString& exampleId) const {
    const std::string id = exampleId.toStdString();
    for (size_t i = 0; i < m_result.examples.size(); ++i)
        if (m_result.examples[i].id == id) return int(i);
    return -1;
}

QVariant ComparisonTableModel::data(const QModelIndex& index, int role) const {
    const auto* e = index.isValid() ? exampleAt(index.row()) : nullptr;
    if (!e) return {};
    const tb::eval::ExampleRatings r = m_ratings.get(e->id);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case IdColumn: return q(e->id);
        case PromptColumn: return q(e->prompt);
        case ReferenceColumn: return e->references.empty() ? q(e->scoreA.goldLabel) : joinReferences(e->references);
        case OutputAColumn: return q(e->predictionA);
        case OutputBColumn: return q(e->predictionB);
        case KindColumn: return kindText(e->kind) + (e->disagreement ? tr(", differ") : QString());
        case RatingAColumn: return r.a.rating ? QVariant(r.a.rating) : QVariant();
        case RatingBColumn: return r.b.rating ? QVariant(r.b.rating) : QVariant();
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == RatingAColumn && !r.a.note.empty()) return q(r.a.note);
        if (index.column() == RatingBColumn && !r.b.note.empty()) return q(r.b.note);
        if (index.column() == PromptColumn) return q(e->prompt);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == KindColumn) {
            if (e->kind == ComparisonKind::Regression) return QBrush(QColor(0xcf, 0x22, 0x2e));
            if (e->kind == ComparisonKind::Fix) return QBrush(QColor(0x1a, 0x7f, 0x37));
        }
        return {};
    case RichTextRole:
        if (index.column() == OutputAColumn) return m_diffA.value(index.row());
        if (index.column() == OutputBColumn) return m_diffB.value(index.row());
        return {};
    case ExampleIdRole: return q(e->id);
    case KindRole: return int(e->kind);
    case DisagreementRole: return e->disagreement;
    case CorrectARole: return e->scoreA.correct;
    case CorrectBRole: return e->scoreB.correct;
    case ValidARole: return e->scoreA.valid;
    case ValidBRole: return e->scoreB.valid;
    case GoldLabelRole: return q(e->scoreA.goldLabel);
    case LabelARole: return q(e->scoreA.predictedLabel);
    case LabelBRole: return q(e->scoreB.predictedLabel);
    case RatingARole: return r.a.rating;
    case RatingBRole: return r.b.rating;
    case NoteARole: return q(r.a.note);
    case NoteBRole: return q(r.b.note);
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Id");
    case PromptColumn: return tr("Prompt");
    case ReferenceColumn: return tr("Reference");
    case OutputAColumn: return tr("Output A");
    case OutputBColumn: return tr("Output B");
    case KindColumn: return tr("Outcome");
    case RatingAColumn: return tr("Rating A");
    case RatingBColumn: return tr("Rating B");
    }
    return {};
}

void ComparisonTableModel::setComparison(const tb::eval::ComparisonResult& result, const tb::eval::ReviewRatings& ratings) {
    beginResetModel();
    m_result = result;
    m_ratings = ratings;
    m_diffA.clear();
    m_diffB.clear();
    for (const auto& e : m_result.examples) {
        auto diff = tb::eval::wordDiff(e.predictionA, e.predictionB);
        m_diffA.push_back(sideHtml(diff, true, e.scoreA.correct, e.scoreA.valid));
        m_diffB.push_back(sideHtml(diff, false, e.scoreB.correct, e.scoreB.valid));
    }
    endResetModel();
}

void ComparisonTableModel::clear() { setComparison({}, {}); }

tb::Status ComparisonTableModel::setRating(int row, ReviewSide side, int rating, const QString& note,
                                           const QString& reviewer) {
    const auto* e = exampleAt(row);
    if (!e) return tb::inputError("rating: row " + std::to_string(row) + " does not exist");
    TB_TRY(m_ratings.set(e->id, side, rating, note.toStdString(), reviewer.toStdString(),
                         tb::utcTimestampNow()));
    int column = side == ReviewSide::A ? RatingAColumn : RatingBColumn;
    emit dataChanged(index(row, column), index(row, column));
    return {};
}

}  // namespace tb::models
