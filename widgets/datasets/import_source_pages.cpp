// The first two pages of the Import Dataset wizard: choose the file, then check and edit the detected
// format and column mapping with a live preview of the first records as mapped.
#include "core/data/record_text.h"
#include "models/datasets/text_table_model.h"
#include "widgets/datasets/import_wizard_pages.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {
const tb::FileKind kKinds[] = {tb::FileKind::Auto, tb::FileKind::Jsonl, tb::FileKind::Csv, tb::FileKind::Tsv};
const char* const kTargets[] = {"prompt", "completion", "label", "text"};
}  // namespace

ImportSourcePage::ImportSourcePage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Choose a file"));
    setSubTitle(tr("JSON Lines (prompt/completion, Alpaca, chat messages, ShareGPT or plain text) or CSV/TSV."));
    auto* form = new QFormLayout(this);
    auto* row = new QHBoxLayout;
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("filePath"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseButton"));
    row->addWidget(m_file, 1);
    row->addWidget(browse);
    form->addRow(tr("File:"), row);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("fileKind"));
    m_kind->addItems({tr("Detect from the file"), tr("JSON Lines"), tr("CSV"), tr("TSV")});
    form->addRow(tr("File kind:"), m_kind);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("sourceMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
    connect(browse, &QPushButton::clicked, this, [this] {
        QString path = QFileDialog::getOpenFileName(this, tr("Import dataset"), QFileInfo(m_file->text()).absolutePath(),
                                                    tr("Datasets (*.jsonl *.json *.csv *.tsv *.txt);;All files (*)"));
        if (!path.isEmpty()) m_file->setText(path);
    });
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        updateMessage();
        emit completeChanged();
    });
    updateMessage();
}

void ImportSourcePage::initializePage() { updateMessage(); }

bool ImportSourcePage::workspaceLocked() const {
    if (!wizard()) return false;
    const PageContext& c = importWizard()->context();
    return c.workspace && !c.key && tb::workspaceIsEncrypted(c.workspace->root());
}

void ImportSourcePage::updateMessage() {
    const QString path = m_file->text().trimmed();
    QFileInfo info(path);
    if (workspaceLocked())
        m_message->setText(tr("The workspace is encrypted and locked. Unlock it to import a dataset: the "
                              "intermediate files and the saved version are encrypted with its key."));
    else if (path.isEmpty()) m_message->setText(tr("Choose the file to import."));
    else if (!info.exists()) m_message->setText(tr("%1 does not exist.").arg(path));
    else if (!info.isFile()) m_message->setText(tr("%1 is not a file.").arg(path));
    else if (!info.isReadable()) m_message->setText(tr("%1 cannot be read (permissions).").arg(path));
    else m_message->setText(tr("%1 (%2 bytes)").arg(info.fileName()).arg(info.size()));
}

bool ImportSourcePage::isComplete() const {
    QFileInfo info(m_file->text().trimmed());
    return info.isFile() && info.isReadable() && !workspaceLocked();
}

bool ImportSourcePage::validatePage() {
    state().file = QFileInfo(m_file->text().trimmed()).absoluteFilePath();
    state().import = tb::ImportOptions{};
    state().import.kind = kKinds[m_kind->currentIndex()];
    // A source that is itself a dataset-version file encrypted at rest is read with the workspace key (the
    // wizard's context keeps the key alive; jobs capture workspaceKey() as well).
    state().import.key = importWizard()->context().workspaceKey();
    return true;
}

ImportMappingPage::ImportMappingPage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Format and mapping"));
    setSubTitle(tr("Check what Tunebench detected. Change the format or map source fields to record fields; the "
                   "preview shows the first records as they will be imported."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->addItem(tr("Detect"), QString());
    for (auto f : {tb::RecordFormat::PromptCompletion, tb::RecordFormat::Alpaca, tb::RecordFormat::ChatMessages,
                   tb::RecordFormat::ShareGpt, tb::RecordFormat::PlainText})
        m_format->addItem(QString::fromLatin1(tb::recordFormatName(f)), QString::fromLatin1(tb::recordFormatName(f)));
    form->addRow(tr("Record format:"), m_format);
    const QStringList targetLabels = {tr("Prompt from:"), tr("Completion from:"), tr("Label from:"), tr("Text from:")};
    for (int i = 0; i < 4; ++i) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("map_%1").arg(QLatin1String(kTargets[i])));
        form->addRow(targetLabels[i], combo);
        m_maps << combo;
    }
    m_template = new QLineEdit(this);
    m_template->setObjectName(QStringLiteral("promptTemplate"));
    m_template->setPlaceholderText(tr("e.g. Classify this ticket: {text}"));
    m_template->setToolTip(tr("Builds the prompt from fields: {field} is replaced by the field's value; write {{ and }} for braces."));
    form->addRow(tr("Prompt template:"), m_template);
    layout->addLayout(form);
    m_plan = new QLabel(this);
    m_plan->setObjectName(QStringLiteral("planLabel"));
    m_plan->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("mappingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    layout->addWidget(m_plan);
    layout->addWidget(m_error);
    m_previewModel = new tb::models::TextTableModel({tr("Line"), tr("Input"), tr("Output"), tr("Label")}, this);
    m_preview = new QTableView(this);
    m_preview->setObjectName(QStringLiteral("mappingPreview"));
    m_preview->setModel(m_previewModel);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setWordWrap(false);
    const int widths[] = {56, 480, 200};
    for (int c = 0; c < 3; ++c) m_preview->setColumnWidth(c, widths[c]);
    m_preview->verticalHeader()->hide();
    layout->addWidget(m_preview, 1);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, &ImportMappingPage::detect);
    auto later = [this] {
        m_ok = false;
        emit completeChanged();
        m_debounce->start();
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, later);
    for (auto* c : m_maps) connect(c, &QComboBox::currentIndexChanged, this, later);
    connect(m_template, &QLineEdit::textChanged, this, later);
}

void ImportMappingPage::initializePage() {
    // Fill the field lists from what the file holds, with the user's choices cleared.
    state().import.format.reset();
    state().import.maps.clear();
    state().import.promptTemplate.clear();
    auto fields = tb::detectDataset(state().file.toStdString(), state().import, 0);
    for (auto* c : m_maps) {
        QSignalBlocker block(c);
        c->clear();
        c->addItem(tr("(as detected)"), QString());
        if (fields.ok())
            for (const auto& f : fields->fields) c->addItem(QString::fromStdString(f), QString::fromStdString(f));
    }
    {
        QSignalBlocker b1(m_format), b2(m_template);
        m_format->setCurrentIndex(0);
        m_template->clear();
    }
    detect();
}

// Detection reads at most a sample of rows (ImportOptions::sampleRows), so it runs here on every edit.
void ImportMappingPage::detect() {
    tb::ImportOptions options = state().import;
    const QString format = m_format->currentData().toString();
    options.format = format.isEmpty() ? std::nullopt : tb::parseRecordFormat(format.toStdString());
    options.maps.clear();
    for (int i = 0; i < m_maps.size(); ++i) {
        const QString source = m_maps[i]->currentData().toString();
        if (!source.isEmpty()) options.maps.push_back({source.toStdString(), kTargets[i]});
    }
    options.promptTemplate = m_template->text().toStdString();
    auto d = tb::detectDataset(state().file.toStdString(), options, 5);
    std::vector<QStringList> rows;
    if (!d.ok()) {
        m_ok = false;
        m_error->setText(QString::fromStdString(d.message()));
        m_plan->clear();
    } else {
        m_ok = true;
        m_error->clear();
        state().import = options;
        state().detection = *d;
        m_plan->setText(tr("Detected %1: %2").arg(QString::fromLatin1(tb::fileKindName(d->kind)),
                                                    QString::fromStdString(d->plan.describe())));
        for (const auto& r : d->preview)
            rows.push_back({QString::number(r.sourceLine),
                            QString::fromStdString(r.format == tb::RecordFormat::PlainText ? r.text : tb::recordInput(r)),
                            QString::fromStdString(tb::recordOutput(r)), QString::fromUtf8(std::string(tb::recordLabel(r)))});
        for (const auto& rej : d->previewRejected)
            rows.push_back({QString::number(rej.line), tr("rejected: %1").arg(QString::fromStdString(rej.reason)), {}, {}});
        if (d->preview.empty()) {
            m_ok = false;
            m_error->setText(tr("No record in the first rows maps with this format and mapping."));
        }
    }
    m_previewModel->setRows(std::move(rows));
    emit completeChanged();
}

bool ImportMappingPage::isComplete() const { return m_ok && !m_debounce->isActive(); }

}  // namespace tb::widgets
