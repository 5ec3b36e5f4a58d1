// Last wizard page: what will run (model, data, preset, key settings), the estimated memory and time from
// core's estimate, the warnings from the preflight checks, and the run's name. Start (Finish) writes the
// run folder with request.json and a "queued" status.json; the wizard then announces the run.
#pragma once

#include <QStringList>
#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace tb::widgets {

class FinetuneWizard;

class WizardReviewPage : public QWizardPage {
    Q_OBJECT
public:
    explicit WizardReviewPage(FinetuneWizard* wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    QStringList warnings() const { return m_warnings; }  // kinds: "few-examples", "truncation", ...
    qint64 plannedSteps() const { return m_steps; }

private:
    QString nameProblem() const;
    FinetuneWizard* m_wizard;
    QLabel* m_summary = nullptr;
    QLabel* m_estimate = nullptr;
    QLabel* m_warningsLabel = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_error = nullptr;
    QStringList m_warnings;
    qint64 m_steps = 0;
};

}  // namespace tb::widgets
