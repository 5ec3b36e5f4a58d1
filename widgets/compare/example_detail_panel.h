// ExampleDetailPanel: the Compare page's detail pane for the selected example — full prompt, references,
// gold label, both outputs with marks, labels and the word diff — and the reviewer's controls: a rating
// 1-5 and a note for each output, submitted with "Save rating". It stores nothing; the page does.
#pragma once

#include "core/eval/comparison.h"
#include "core/eval/review_ratings.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace tb::widgets {

class ExampleDetailPanel : public QWidget {
    Q_OBJECT
public:
    explicit ExampleDetailPanel(QWidget* parent = nullptr);

    // Shows one example (null: nothing selected) with its current ratings.
    void showExample(const tb::eval::ComparedExample* example, const tb::eval::ExampleRatings& ratings);
    void setReadOnly(bool readOnly, const QString& reason);
    QString exampleId() const { return m_exampleId; }
    QString text() const;  // what the detail view shows, as plain text

signals:
    void ratingSubmitted(const QString& exampleId, int ratingA, const QString& noteA, int ratingB, const QString& noteB);

private:
    QComboBox* makeRatingCombo(const QString& objectName);
    void updateEnabled();

    QString m_exampleId;
    bool m_readOnly = false;
    QTextBrowser* m_browser = nullptr;
    QComboBox *m_ratingA = nullptr, *m_ratingB = nullptr;
    QLineEdit *m_noteA = nullptr, *m_noteB = nullptr;
    QPushButton* m_save = nullptr;
};

}  // namespace tb::widgets
