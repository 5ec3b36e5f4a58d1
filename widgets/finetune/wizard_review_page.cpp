#include "widgets/finetune/wizard_review_page.h"
#include "core/common/utc_time.h"

#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QVBoxLayout>

#include "core/train/run_index.h"
#include "core/train/train_estimate.h"
#include "widgets/finetune/finetune_wizard.h"

namespace tb::widgets {

WizardReviewPage::WizardReviewPage(FinetuneWizard* wizard) : QWizardPage(wizard), m_wizard(wizard) {
    setTitle(tr("Review"));
    setSubTitle(
        tr("Check the plan, the estimate and the warnings, then start. The run is queued and trains "
           "on the Runs page; you can pause or cancel it there."));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_estimate = new QLabel(this);
    m_estimate->setObjectName(QStringLiteral("estimateLabel"));
    m_estimate->setWordWrap(true);
    m_estimate->setFrameShape(QFrame::StyledPanel);
    m_estimate->setMargin(6);
    layout->addWidget(m_estimate);
    m_warningsLabel = new QLabel(this);
    m_warningsLabel->setObjectName(QStringLiteral("warningsLabel"));
    m_warningsLabel->setWordWrap(true);
    m_warningsLabel->setTextFormat(Qt::RichText);
    layout->addWidget(m_warningsLabel);
    layout->addStretch(1);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("runName"));
    m_name->setToolTip(tr("The run's folder name in the workspace: letters, digits, '.', '_' and '-'."));
    form->addRow(tr("Run name:"), m_name);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("runNameError"));
    m_error->setStyleSheet(QStringLiteral("color: #b02020;"));
    layout->addWidget(m_error);
    connect(m_name, &QLineEdit::textChanged, this, [this] {
        m_error->setText(nameProblem());
        emit completeChanged();
    });
}

void WizardReviewPage::initializePage() {
    const WizardState& s = m_wizard->state();
    const auto& c = s.request.config;
    const QLocale locale;
    QString summary = tr("<b>Model</b> %1<br><b>Data</b> %2@%3 (train%4%5)<br><b>Task</b> %6 · %7")
                          .arg(s.modelPath.toHtmlEscaped(), s.datasetName.toHtmlEscaped(), s.datasetVersion.left(12))
                          .arg(s.valPath.isEmpty() ? QString() : tr(", validation"))
                          .arg(s.testPath.isEmpty() ? QString() : tr(", test kept for evaluation"))
                          .arg(QString::fromLatin1(tb::train::taskPresetName(s.preset)))
                          .arg(c.method == tb::train::TrainMethod::Lora
                                   ? tr("LoRA rank %1, alpha %2").arg(c.lora.rank).arg(c.lora.alpha)
                                   : tr("full fine-tuning"));
    summary += tr("<br><b>Schedule</b> %1 epochs%2, learning rate %3 (%4), batch %5 × %6, sequence %7 tokens")
                   .arg(c.epochs)
                   .arg(c.maxSteps > 0 ? tr(" (at most %1 steps)").arg(c.maxSteps) : QString())
                   .arg(c.lr, 0, 'g', 3)
                   .arg(QString::fromStdString(tb::train::lrScheduleKindName(c.schedule)))
                   .arg(c.batch.batchSize)
                   .arg(c.gradAccum)
                   .arg(c.batch.maxSeqLen);
    m_summary->setText(summary);

    m_warnings.clear();
    QStringList lines;
    m_steps = 0;
    if (s.facts && s.model) {
        m_steps = tb::train::plannedSteps(s.facts->trainLengths, c);
        const int64_t tokens = tb::train::epochTokens(s.facts->trainLengths, c);
        const tb::train::TrainEstimate e = tb::train::estimateTraining(s.model->config, c, tokens, m_steps);
        m_estimate->setText(
            tr("<b>Estimate</b>: %1 steps, %2 tokens; memory about %3 (weights %4, trainable %5 values with "
               "gradients and AdamW moments %6, activations %7); time about %8 on this CPU.")
                .arg(m_steps)
                .arg(locale.toString(qlonglong(e.tokens)))
                .arg(locale.formattedDataSize(e.totalBytes), locale.formattedDataSize(e.weightBytes))
                .arg(locale.toString(qlonglong(e.trainableParams)))
                .arg(locale.formattedDataSize(e.gradientBytes + e.optimizerBytes),
                     locale.formattedDataSize(e.activationBytes))
                .arg(e.seconds < 90 ? tr("%1 s").arg(qRound(e.seconds)) : tr("%1 min").arg(qRound(e.seconds / 60.0))));
        for (const auto& w : tb::train::preflightWarnings(*s.facts, s.preset, c)) {
            m_warnings << QString::fromStdString(w.kind);
            lines << QString::fromStdString(w.message).toHtmlEscaped();
        }
        const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
        const double ram = pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 0.0;
        if (ram > 0 && double(e.totalBytes) > 0.8 * ram) {
            m_warnings << QStringLiteral("memory");
            lines << tr("The estimate (%1) is close to or above this computer's memory (%2): lower the batch size or "
                        "sequence length, or use LoRA.")
                         .arg(locale.formattedDataSize(e.totalBytes), locale.formattedDataSize(qint64(ram)));
        }
    }
    if (m_steps <= 0) {
        m_warnings << QStringLiteral("no-steps");
        lines << tr("The plan has no training step: check the epochs, max steps and data.");
    }
    m_warningsLabel->setText(
        lines.isEmpty() ? tr("<b>No warnings.</b>")
                        : tr("<b>Warnings</b><ul><li>%1</li></ul>").arg(lines.join(QStringLiteral("</li><li>"))));
    if (m_name->text().isEmpty() && m_wizard->context().workspace)
        m_name->setText(QString::fromStdString(
            tb::train::newRunId(m_wizard->context().workspace->runsDir(), s.datasetName.toStdString())));
    m_error->setText(nameProblem());
    emit completeChanged();
}

QString WizardReviewPage::nameProblem() const {
    const QString name = m_name->text().trimmed();
    if (!m_wizard->context().workspace) return tr("No workspace is open.");
    if (m_wizard->context().readOnly()) return tr("The workspace is open read-only: runs cannot be started.");
    if (name.isEmpty()) return tr("Enter a run name.");
    static const QRegularExpression ok(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$"));
    if (!ok.match(name).hasMatch())
        return tr("Use 1-100 letters, digits, '.', '_' or '-' (not starting with '.' or '-').");
    if (QFileInfo::exists(QDir(QString::fromStdString(m_wizard->context().workspace->runsDir())).filePath(name)))
        return tr("A run named %1 already exists.").arg(name);
    return {};
}

bool WizardReviewPage::isComplete() const {
    return m_steps > 0 && nameProblem().isEmpty();
}

bool WizardReviewPage::validatePage() {
    if (!isComplete()) return false;
    WizardState& s = m_wizard->state();
    tb::train::RunRequest req = s.request;
    req.modelPath = s.modelPath.toStdString();
    req.datasetName = s.datasetName.toStdString();
    req.datasetVersion = s.datasetVersion.toStdString();
    req.datasetDir = s.datasetDir.toStdString();
    req.trainPath = s.trainPath.toStdString();
    req.valPath = s.valPath.toStdString();
    req.testPath = s.testPath.toStdString();
    req.task = tb::train::taskPresetName(s.preset);
    const QString name = m_name->text().trimmed();
    const std::string dir = m_wizard->context().workspace->runsDir() + "/" + name.toStdString();
    auto written = tb::train::writeRunRequest(dir, req);
    tb::train::RunState state;
    state.status = tb::train::RunStatus::Queued;
    state.createdAt = tb::utcTimestampNow();
    state.totalSteps = m_steps;
    if (written) written = tb::train::writeRunState(dir, state);
    if (!written) {
        m_error->setText(tr("Cannot create the run: %1").arg(QString::fromStdString(written.message())));
        return false;
    }
    s.queuedRunId = name;
    return true;
}

}  // namespace tb::widgets
