#include "widgets/compare/example_detail_panel.h"

#include "core/eval/comparison_export.h"
#include "core/eval/word_diff.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {

QString esc(const std::string& s) { return QString::fromStdString(tb::eval::htmlEscape(s)).replace(QLatin1Char('\n'), QStringLiteral("<br>")); }

}  // namespace

ExampleDetailPanel::ExampleDetailPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_browser = new QTextBrowser(this);
    m_browser->setObjectName(QStringLiteral("detailBrowser"));
    m_browser->setOpenLinks(false);
    layout->addWidget(m_browser, 1);

    auto* grid = new QGridLayout;
    m_ratingA = makeRatingCombo(QStringLiteral("ratingACombo"));
    m_ratingB = makeRatingCombo(QStringLiteral("ratingBCombo"));
    m_noteA = new QLineEdit(this);
    m_noteA->setObjectName(QStringLiteral("noteAEdit"));
    m_noteA->setPlaceholderText(tr("Note on output A"));
    m_noteB = new QLineEdit(this);
    m_noteB->setObjectName(QStringLiteral("noteBEdit"));
    m_noteB->setPlaceholderText(tr("Note on output B"));
    // Rating and note of each output on one line each; the note gets the room.
    grid->addWidget(new QLabel(tr("Output A:"), this), 0, 0);
    grid->addWidget(m_ratingA, 0, 1);
    grid->addWidget(m_noteA, 1, 0, 1, 3);
    grid->addWidget(new QLabel(tr("Output B:"), this), 2, 0);
    grid->addWidget(m_ratingB, 2, 1);
    grid->addWidget(m_noteB, 3, 0, 1, 3);
    m_save = new QPushButton(tr("Save rating"), this);
    m_save->setObjectName(QStringLiteral("saveRatingButton"));
    grid->addWidget(m_save, 4, 2);
    grid->setColumnStretch(2, 1);
    layout->addLayout(grid);
    connect(m_save, &QPushButton::clicked, this, [this] {
        emit ratingSubmitted(m_exampleId, m_ratingA->currentData().toInt(), m_noteA->text().trimmed(),
                             m_ratingB->currentData().toInt(), m_noteB->text().trimmed());
    });
    for (QLineEdit* e : {m_noteA, m_noteB}) connect(e, &QLineEdit::returnPressed, m_save, &QPushButton::click);
    showExample(nullptr, {});
}

QComboBox* ExampleDetailPanel::makeRatingCombo(const QString& objectName) {
    auto* c = new QComboBox(this);
    c->setObjectName(objectName);
    c->addItem(tr("not rated"), 0);
    const QString names[] = {tr("1 — wrong"), tr("2 — poor"), tr("3 — acceptable"), tr("4 — good"), tr("5 — excellent")};
    for (int i = 0; i < 5; ++i) c->addItem(names[i], i + 1);
    return c;
}

void ExampleDetailPanel::setReadOnly(bool readOnly, const QString& reason) {
    m_readOnly = readOnly;
    m_save->setToolTip(readOnly ? reason : tr("Store the ratings and notes of this example beside the comparison"));
    updateEnabled();
}

void ExampleDetailPanel::updateEnabled() {
    const bool on = !m_exampleId.isEmpty() && !m_readOnly;
    for (QWidget* w : std::initializer_list<QWidget*>{m_ratingA, m_ratingB, m_noteA, m_noteB, m_save}) w->setEnabled(on);
}

QString ExampleDetailPanel::text() const { return m_browser->toPlainText(); }

void ExampleDetailPanel::showExample(const tb::eval::ComparedExample* e, const tb::eval::ExampleRatings& ratings) {
    m_exampleId = e ? QString::fromStdString(e->id) : QString();
    if (!e) {
        m_browser->setHtml(tr("<p>Select an example to see it in full, with the difference between the outputs.</p>"));
    } else {
        auto side = [](const char* name, const tb::eval::ExampleScore& s, const QString& body) {
            QString mark = s.correct ? QStringLiteral("<span style='color:#1a7f37'>&#10003; ") + tr("right") + QStringLiteral("</span>")
                                     : QStringLiteral("<span style='color:#cf222e'>&#10007; ") + tr("wrong") + QStringLiteral("</span>");
            QString extra;
            if (!s.valid) extra += QStringLiteral(" — ") + tr("not a valid label");
            else if (!s.predictedLabel.empty()) extra += QStringLiteral(" — ") + tr("label %1").arg(esc(s.predictedLabel));
            extra += QStringLiteral(" — ROUGE-L %1").arg(s.rougeL, 0, 'f', 3);
            return QStringLiteral("<h4>%1 %2%3</h4><p>%4</p>").arg(tr("Output %1").arg(QLatin1String(name)), mark, extra, body);
        };
        QString refs;
        for (const auto& r : e->references) refs += QStringLiteral("<li>%1</li>").arg(esc(r));
        QString html = QStringLiteral("<h3>%1</h3><h4>%2</h4><p>%3</p>").arg(esc(e->id), tr("Prompt"), esc(e->prompt));
        if (!e->scoreA.goldLabel.empty()) html += QStringLiteral("<p><b>%1</b> %2</p>").arg(tr("Gold label:"), esc(e->scoreA.goldLabel));
        if (!refs.isEmpty()) html += QStringLiteral("<h4>%1</h4><ul>%2</ul>").arg(tr("Reference"), refs);
        html += side("A", e->scoreA, esc(e->predictionA).isEmpty() ? tr("<i>(empty)</i>") : esc(e->predictionA));
        html += side("B", e->scoreB, esc(e->predictionB).isEmpty() ? tr("<i>(empty)</i>") : esc(e->predictionB));
        const std::string diff = tb::eval::diffToHtml(tb::eval::wordDiff(e->predictionA, e->predictionB));
        html += QStringLiteral("<h4>%1</h4><p>%2</p>")
                    .arg(tr("Word diff A → B"), QString::fromStdString(diff)
                                                    .replace(QStringLiteral("<del>"), QStringLiteral("<span style='background:#ffd7d5;text-decoration:line-through'>"))
                                                    .replace(QStringLiteral("</del>"), QStringLiteral("</span>"))
                                                    .replace(QStringLiteral("<ins>"), QStringLiteral("<span style='background:#ccffd8'>"))
                                                    .replace(QStringLiteral("</ins>"), QStringLiteral("</span>")));
        m_browser->setHtml(html);
    }
    m_ratingA->setCurrentIndex(m_ratingA->findData(ratings.a.rating));
    m_ratingB->setCurrentIndex(m_ratingB->findData(ratings.b.rating));
    m_noteA->setText(QString::fromStdString(ratings.a.note));
    m_noteB->setText(QString::fromStdString(ratings.b.note));
    updateEnabled();
}

}  // namespace tb::widgets
