#include "widgets/runs/register_run_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/registry/name_validation.h"

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
    : QDialog(parent), m_groups(groups) {
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
    validate();
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
    return {};
}

void RegisterRunDialog::validate() {
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
