#include "widgets/runs/register_run_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/registry/name_validation.h"
#include "models/job_manager.h"
#include "models/runs/run_registration.h"

namespace tb::widgets {

namespace {
constexpr int kDescriptionBytes = 2048;
constexpr int kNotesBytes = 16384;
}  // namespace

QString RegisterRunDialog::suggestedGroup(const RegisterRunInfo& run, const QMap<QString, qint64>& groups) {
    if (groups.size() == 1) return groups.firstKey();
    if (!run.datasetName.isEmpty() && tb::validateName("group", run.datasetName.toStdString())) return run.datasetName;
    return tb::validateName("group", run.runId.toStdString()) ? run.runId : QString();
}

RegisterRunDialog::RegisterRunDialog(const RegisterRunInfo& run, const QMap<QString, qint64>& groups, QWidget* parent)
    : RegisterRunDialog(run, groups, RegisterRunEvaluation{}, parent) {}

RegisterRunDialog::RegisterRunDialog(const RegisterRunInfo& run, const QMap<QString, qint64>& groups,
                                     const RegisterRunEvaluation& evaluation, QWidget* parent)
    : QDialog(parent), m_evaluation(evaluation), m_groups(groups) {
    setObjectName(QStringLiteral("registerRunDialog"));
    setWindowTitle(tr("Register run %1").arg(run.runId));
    auto* layout = new QVBoxLayout(this);
    auto* facts = new QLabel(this);
    facts->setObjectName(QStringLiteral("runFacts"));
    facts->setTextFormat(Qt::RichText);
    facts->setWordWrap(true);
    QString dataset = run.datasetName.isEmpty() ? tr("loose files")
                                                : run.datasetName.toHtmlEscaped() + QLatin1Char('@') +
                                                      run.datasetVersion.left(12).toHtmlEscaped();
    facts->setText(
        tr("Run <b>%1</b>: base model %2, dataset %3, adapter %4%5")
            .arg(run.runId.toHtmlEscaped(), run.modelPath.toHtmlEscaped(), dataset, run.adapterDir.toHtmlEscaped(),
                 run.bestValLoss >= 0 ? tr(", best validation loss %1").arg(run.bestValLoss, 0, 'f', 4) : QString()));
    layout->addWidget(facts);

    auto* form = new QFormLayout;
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("groupCombo"));
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->addItems(groups.keys());
    m_group->setCurrentIndex(-1);
    m_group->setEditText(suggestedGroup(run, groups));
    m_group->setToolTip(tr("Choose an existing model group or type a new name"));
    form->addRow(tr("Model group:"), m_group);
    m_groupHint = new QLabel(this);
    m_groupHint->setObjectName(QStringLiteral("groupHint"));
    form->addRow(QString(), m_groupHint);
    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("groupDescription"));
    m_description->setPlaceholderText(tr("What the models of this group are for"));
    form->addRow(tr("Group description:"), m_description);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("notesEdit"));
    m_notes->setPlaceholderText(tr("Notes on this version (optional)"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(110);
    form->addRow(tr("Notes:"), m_notes);
    buildEvaluation(this, form);
    layout->addLayout(form);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("registerError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Register"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("registerConfirm"));
    m_ok->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (problem().isEmpty()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_group, &QComboBox::editTextChanged, this, &RegisterRunDialog::validate);
    connect(m_description, &QLineEdit::textChanged, this, &RegisterRunDialog::validate);
    connect(m_notes, &QPlainTextEdit::textChanged, this, &RegisterRunDialog::validate);
    connect(m_comparison, &QComboBox::currentIndexChanged, this, &RegisterRunDialog::onComparisonChosen);
    onComparisonChosen();
}

RegisterRunDialog::~RegisterRunDialog() {
    // A preview nobody will see: let the worker stop at its next progress check.
    if (m_previewJob != 0 && m_evaluation.jobs) m_evaluation.jobs->cancel(m_previewJob);
}

void RegisterRunDialog::buildEvaluation(QWidget* parent, QFormLayout* form) {
    m_comparison = new QComboBox(parent);
    m_comparison->setObjectName(QStringLiteral("evaluationCombo"));
    m_comparison->addItem(tr("None (register without an evaluation)"), QString());
    for (const auto& c : m_evaluation.comparisons) {
        const bool tunedIsB = tb::models::isRunAdapter(c.adapterB, m_evaluation.runDir.toStdString());
        const std::string& other = tunedIsB ? c.adapterA : c.adapterB;
        const QString against = other.empty() ? tr("vs base model") : tr("vs adapter %1").arg(QString::fromStdString(other));
        m_comparison->addItem(tr("Comparison %1 (%2, %n examples, %3 regressions, %4 fixes)", nullptr, int(c.examples))
                                  .arg(QString::fromStdString(c.id), against)
                                  .arg(c.regressions)
                                  .arg(c.fixes),
                              QString::fromStdString(c.dir));
        m_comparison->setItemData(m_comparison->count() - 1, QString::fromStdString(c.data), Qt::ToolTipRole);
    }
    // The newest comparison of this run when there is one; "None" otherwise.
    m_comparison->setCurrentIndex(m_evaluation.comparisons.empty() ? 0 : 1);
    m_comparison->setToolTip(tr("A stored comparison (Compare page) in which one side used this run's adapter: "
                                "its report is registered with the version and the quality gate is judged on it"));
    form->addRow(tr("Evaluation:"), m_comparison);

    const tb::eval::GateConfig gate = tb::models::defaultRunGate();
    m_gateRules = new QLabel(parent);
    m_gateRules->setObjectName(QStringLiteral("gateRules"));
    m_gateRules->setWordWrap(true);
    m_gateRules->setText(tr("The tuned model's primary metric (by task) must be at least the base model's + %1 and "
                            "at most %2% below the group's Production version. A version whose gate failed can be "
                            "registered, but approving it needs an override reason.")
                             .arg(gate.baseMargin)
                             .arg(gate.maxDropFromProductionPct));
    form->addRow(tr("Gate:"), m_gateRules);
    m_verdict = new QLabel(parent);
    m_verdict->setObjectName(QStringLiteral("gateVerdict"));
    m_verdict->setWordWrap(true);
    m_verdict->setTextFormat(Qt::RichText);
    form->addRow(QString(), m_verdict);
}

QString RegisterRunDialog::comparisonDir() const {
    return m_comparison ? m_comparison->currentData().toString() : QString();
}
std::optional<bool> RegisterRunDialog::gatePassed() const {
    return m_gatePassed;
}
QString RegisterRunDialog::gateText() const {
    return m_verdict ? m_verdict->text() : QString();
}

void RegisterRunDialog::onComparisonChosen() {
    const QString dir = comparisonDir();
    if (!dir.isEmpty() && !m_loaded.count(dir) && !m_loadErrors.contains(dir) && m_loadingDir != dir) {
        if (!m_evaluation.jobs) {
            m_loadErrors.insert(dir, tr("no worker to load it on"));
        } else {
            if (m_previewJob != 0) m_evaluation.jobs->cancel(m_previewJob);
            // loadComparison re-reads both prediction files and re-scores them: a worker's job.
            auto out = std::make_shared<tb::models::RunComparison>();
            auto error = std::make_shared<QString>();
            const std::string comparison = dir.toStdString(), runDir = m_evaluation.runDir.toStdString();
            const auto key = m_evaluation.key;
            m_loadingDir = dir;
            m_previewJob = m_evaluation.jobs->submit(
                tr("Read comparison %1 for the gate").arg(QFileInfo(dir).fileName()),
                [=](const tb::ProgressCallback& progress) -> tb::Status {
                    auto r = tb::models::loadRunComparison(comparison, runDir, key.get(), progress);
                    if (!r) return r.error();
                    *out = std::move(*r);
                    return tb::Status::success();
                });
            const int id = m_previewJob;
            auto settle = [this, id, dir](const std::shared_ptr<const tb::models::RunComparison>& loaded,
                                          const QString& why) {
                if (id != m_previewJob) return;
                m_previewJob = 0;
                m_loadingDir.clear();
                if (loaded) m_loaded[dir] = loaded;
                else m_loadErrors.insert(dir, why);
                validate();
            };
            connect(m_evaluation.jobs, &tb::models::JobManager::finished, this,
                    [settle, id, out](int job) {
                        if (job == id) settle(out, QString());
                    });
            connect(m_evaluation.jobs, &tb::models::JobManager::failed, this,
                    [settle, id](int job, const QString& message) {
                        if (job == id) settle(nullptr, message);
                    });
            connect(m_evaluation.jobs, &tb::models::JobManager::cancelled, this, [settle, id](int job) {
                if (job == id) settle(nullptr, tr("reading it was cancelled"));
            });
        }
    }
    validate();
}

void RegisterRunDialog::updateVerdict() {
    m_gatePassed.reset();
    const QString dir = comparisonDir();
    if (dir.isEmpty()) {
        m_verdict->setText(m_evaluation.comparisons.empty()
                               ? tr("No stored comparison used this run's adapter (run \"Evaluate and compare\" "
                                    "first): the version is registered without an evaluation and no gate applies.")
                               : tr("The version is registered without an evaluation and no gate applies."));
        return;
    }
    if (m_loadErrors.contains(dir)) {
        m_verdict->setText(tr("<span style='color:#c62828'>Cannot read this comparison: %1</span>")
                               .arg(m_loadErrors.value(dir).toHtmlEscaped()));
        return;
    }
    auto it = m_loaded.find(dir);
    if (it == m_loaded.end()) {
        m_verdict->setText(tr("Reading the comparison to judge the gate…"));
        return;
    }
    const auto production = m_evaluation.productionReports.constFind(group());
    const nlohmann::json* prod =
        production != m_evaluation.productionReports.constEnd() && !production->is_null() ? &*production : nullptr;
    const tb::eval::GateResult gate = tb::models::gateRunComparison(*it->second, tb::models::defaultRunGate(), prod);
    m_gatePassed = gate.passed;
    QString html = gate.passed ? tr("<b style='color:#2e7d32'>Gate passed</b> (primary metric %1)")
                                 : tr("<b style='color:#c62828'>Gate failed</b> (primary metric %1)");
    html = html.arg(QString::fromStdString(gate.primaryMetric).toHtmlEscaped());
    html += QStringLiteral("<ul style='margin-left:-20px'>");
    for (const auto& c : gate.checks)
        html += QStringLiteral("<li>%1 %2</li>")
                    .arg(c.passed ? QStringLiteral("✔") : QStringLiteral("✘"),
                         QString::fromStdString(c.reason).toHtmlEscaped());
    html += QStringLiteral("</ul>");
    if (!gate.passed)
        html += tr("You can still register it, but a reviewer must give an override reason to approve a version "
                   "whose gate failed.");
    m_verdict->setText(html);
}

QString RegisterRunDialog::group() const {
    return m_group->currentText();
}
bool RegisterRunDialog::isNewGroup() const {
    return !m_groups.contains(group());
}
QString RegisterRunDialog::groupDescription() const {
    return isNewGroup() ? m_description->text() : QString();
}
QString RegisterRunDialog::notes() const {
    return m_notes->toPlainText();
}

QString RegisterRunDialog::problem() const {
    const QString name = group();
    if (name.trimmed().isEmpty()) return tr("Enter a model group name.");
    if (auto s = tb::validateName("model group", name.toStdString()); !s)
        return tr("Not a valid group name: %1").arg(QString::fromStdString(s.message()));
    if (isNewGroup()) {
        if (auto s = tb::validateFreeText("description", m_description->text().toStdString(), kDescriptionBytes); !s)
            return tr("Not a valid description: %1").arg(QString::fromStdString(s.message()));
    }
    if (auto s = tb::validateFreeText("notes", notes().toStdString(), kNotesBytes); !s)
        return tr("Not valid notes: %1").arg(QString::fromStdString(s.message()));
    const QString dir = comparisonDir();
    if (!dir.isEmpty() && m_loadErrors.contains(dir))
        return tr("The chosen evaluation cannot be read: choose another one or None.");
    if (!dir.isEmpty() && !m_loaded.count(dir))
        return tr("Wait for the gate verdict of the chosen evaluation.");
    return {};
}

void RegisterRunDialog::validate() {
    if (m_verdict) updateVerdict();  // the Production version compared with depends on the group
    const QString why = problem();
    m_ok->setEnabled(why.isEmpty());
    m_ok->setToolTip(why.isEmpty() ? tr("Register the adapter as a new version of %1").arg(group()) : why);
    m_error->setText(why);
    const bool fresh = isNewGroup();
    m_description->setEnabled(fresh);
    m_description->setToolTip(fresh ? QString() : tr("%1 already exists; its description stays.").arg(group()));
    if (group().trimmed().isEmpty() || !tb::validateName("model group", group().toStdString()))
        m_groupHint->clear();
    else if (fresh)
        m_groupHint->setText(tr("New group: this run becomes its version 1."));
    else
        m_groupHint->setText(tr("Adds version %1 to %2.").arg(m_groups.value(group()) + 1).arg(group()));
}

}  // namespace tb::widgets
