// The cleaning and split pages of the Import Dataset wizard. Cleaning runs cleanFile() into the wizard's
// work folder on every change of the settings (debounced) and shows each step's counts and before/after
// previews; the split page runs splitFile() on the cleaned file, as `data clean` and `data split` do. In an
// encrypted workspace both outputs are written encrypted with the workspace key and read back with it.
#include "models/datasets/text_table_model.h"
#include "widgets/datasets/import_wizard_pages.h"
#include "widgets/datasets/job_progress_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {
QLabel* errorLabel(const QString& name, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b00020"));
    return l;
}
QSpinBox* charSpin(const QString& name, int max, QWidget* parent) {
    auto* s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(0, max);
    s->setSpecialValueText(QObject::tr("off"));
    return s;
}
}  // namespace

ImportCleanPage::ImportCleanPage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Cleaning"));
    setSubTitle(tr("Choose what to clean. Each step reports what it changed; select a row to compare the record "
                   "before and after."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_pii = new QComboBox(this);
    m_pii->setObjectName(QStringLiteral("piiMode"));
    m_pii->addItem(tr("Scrub to placeholders ([EMAIL], [PHONE], …)"), QStringLiteral("scrub"));
    m_pii->addItem(tr("Flag only"), QStringLiteral("flag"));
    m_pii->addItem(tr("Off"), QStringLiteral("off"));
    form->addRow(tr("Personal data:"), m_pii);
    m_dedup = new QComboBox(this);
    m_dedup->setObjectName(QStringLiteral("dedupMode"));
    m_dedup->addItem(tr("Remove exact duplicates"), QStringLiteral("exact"));
    m_dedup->addItem(tr("Remove exact and near-duplicates"), QStringLiteral("near"));
    m_dedup->addItem(tr("Off"), QStringLiteral("off"));
    form->addRow(tr("Duplicates:"), m_dedup);
    m_whitespace = new QCheckBox(tr("Normalise whitespace and Unicode (NFC)"), this);
    m_whitespace->setObjectName(QStringLiteral("normalizeWhitespace"));
    m_whitespace->setChecked(true);
    form->addRow(m_whitespace);
    m_dropEmpty = new QCheckBox(tr("Drop records with an empty field"), this);
    m_dropEmpty->setObjectName(QStringLiteral("dropEmpty"));
    m_dropEmpty->setChecked(true);
    form->addRow(m_dropEmpty);
    m_minChars = charSpin(QStringLiteral("minChars"), 1000000, this);
    m_maxChars = charSpin(QStringLiteral("maxChars"), 100000000, this);
    m_maxTokens = charSpin(QStringLiteral("maxTokens"), 10000000, this);
    form->addRow(tr("Minimum input characters:"), m_minChars);
    form->addRow(tr("Maximum input characters:"), m_maxChars);
    form->addRow(tr("Maximum tokens:"), m_maxTokens);
    layout->addLayout(form);
    m_progress = new JobProgressBar(this);
    layout->addWidget(m_progress);
    m_error = errorLabel(QStringLiteral("cleanError"), this);
    layout->addWidget(m_error);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("cleanSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* split = new QSplitter(Qt::Vertical, this);
    m_previewModel = new tb::models::TextTableModel({tr("Step"), tr("Line"), tr("Field"), tr("Before"), tr("After"), tr("Note")}, this);
    m_previews = new QTableView(split);
    m_previews->setObjectName(QStringLiteral("cleanPreviewTable"));
    m_previews->setModel(m_previewModel);
    m_previews->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previews->setSelectionMode(QAbstractItemView::SingleSelection);
    m_previews->verticalHeader()->hide();
    m_previews->setWordWrap(false);
    m_previews->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {70, 56, 120, 300, 300};
    for (int c = 0; c < 5; ++c) m_previews->setColumnWidth(c, widths[c]);
    auto* pair = new QSplitter(Qt::Horizontal, split);
    m_before = new QPlainTextEdit(pair);
    m_before->setObjectName(QStringLiteral("beforeText"));
    m_before->setReadOnly(true);
    m_before->setPlaceholderText(tr("Before"));
    m_after = new QPlainTextEdit(pair);
    m_after->setObjectName(QStringLiteral("afterText"));
    m_after->setReadOnly(true);
    m_after->setPlaceholderText(tr("After"));
    layout->addWidget(split, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &ImportCleanPage::run);
    auto later = [this] {
        m_done = false;
        emit completeChanged();
        m_debounce->start();
    };
    connect(m_pii, &QComboBox::currentIndexChanged, this, later);
    connect(m_dedup, &QComboBox::currentIndexChanged, this, later);
    connect(m_whitespace, &QCheckBox::toggled, this, later);
    connect(m_dropEmpty, &QCheckBox::toggled, this, later);
    for (auto* s : {m_minChars, m_maxChars, m_maxTokens}) connect(s, &QSpinBox::valueChanged, this, later);
    connect(m_previews->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ImportCleanPage::showSelected);
    connect(m_progress, &JobProgressBar::succeeded, this, [this] {
        if (m_debounce->isActive()) return;  // the settings changed meanwhile; a new run is due
        const tb::CleanReport& r = *m_result;
        state().cleanReport = r;
        state().cleanedFile = m_output;
        QStringList lines;
        lines << tr("%1 records in, %2 kept.").arg(r.input).arg(r.output);
        std::vector<QStringList> rows;
        for (const auto& step : r.steps) {
            lines << tr("%1: %2 changed, %3 removed — %4")
                         .arg(QString::fromStdString(step.step))
                         .arg(step.changed)
                         .arg(step.removed)
                         .arg(QString::fromStdString(step.description));
            for (const auto& p : step.previews)
                rows.push_back({QString::fromStdString(step.step), QString::number(p.line), QString::fromStdString(p.field),
                                QString::fromStdString(p.before), QString::fromStdString(p.after), QString::fromStdString(p.note)});
        }
        m_summary->setText(lines.join(QLatin1Char('\n')));
        m_previewModel->setRows(std::move(rows));
        if (m_previewModel->rowCount() > 0) m_previews->selectRow(0);
        else showSelected();
        m_done = r.output > 0;
        if (!m_done) m_error->setText(tr("These settings remove every record; relax them to continue."));
        emit completeChanged();
    });
    connect(m_progress, &JobProgressBar::failed, this, [this](const QString& m) { m_error->setText(tr("Cleaning failed: %1").arg(m)); });
    connect(m_progress, &JobProgressBar::cancelled, this, [this] { m_error->setText(tr("Cleaning was cancelled; change a setting to run it again.")); });
    m_minChars->setToolTip(tr("Records with a shorter input are dropped (0: off)."));
    m_maxChars->setToolTip(tr("Records with a longer input are dropped (0: off)."));
}

void ImportCleanPage::initializePage() {
    m_maxTokens->setToolTip(state().tokenCounter
                                ? tr("Records with more tokens (input + output, counted with %1) are dropped (0: off).").arg(state().tokenizerModel)
                                : tr("Records with more tokens (input + output, estimated as bytes/4) are dropped (0: off)."));
    run();
}
void ImportCleanPage::cleanupPage() {
    m_debounce->stop();
    m_progress->cancel();
}

void ImportCleanPage::run() {
    m_done = false;
    m_error->clear();
    emit completeChanged();
    if (m_maxChars->value() > 0 && m_minChars->value() > m_maxChars->value()) {
        m_error->setText(tr("The minimum input length is larger than the maximum."));
        return;
    }
    tb::CleanOptions c;
    c.pii = *tb::parsePiiMode(m_pii->currentData().toString().toStdString());
    c.dedup = *tb::parseDedupMode(m_dedup->currentData().toString().toStdString());
    c.normalizeWhitespace = m_whitespace->isChecked();
    c.dropEmpty = m_dropEmpty->isChecked();
    c.minInputChars = m_minChars->value();
    c.maxInputChars = m_maxChars->value();
    c.maxTokens = m_maxTokens->value();
    c.tokenCounter = state().tokenCounter;  // the quality page's tokenizer, else the bytes/4 estimate
    state().clean = c;
    auto result = std::make_shared<tb::CleanReport>();
    m_result = result;
    m_output = state().nextPath(QStringLiteral("cleaned")) + QStringLiteral(".jsonl");
    const std::string in = state().file.toStdString(), out = m_output.toStdString();
    const std::shared_ptr<const tb::WorkspaceKey> key = workspaceKey();  // null: plain workspace
    tb::ImportOptions import = state().import;
    import.key = key.get();
    m_progress->start(importWizard()->context().jobs, tr("Cleaning"), [=](const tb::ProgressCallback& progress) -> tb::Status {
        auto r = tb::cleanFile(in, out, import, c, progress, {}, key.get());
        if (!r.ok()) return r.error();
        *result = std::move(*r);
        return {};
    });
}

void ImportCleanPage::showSelected() {
    const int row = m_previews->currentIndex().row();
    m_before->setPlainText(m_previewModel->text(row, 3));
    m_after->setPlainText(m_previewModel->text(row, 4));
}

ImportSplitPage::ImportSplitPage(QWidget* parent) : ImportWizardPage(parent) {
    setTitle(tr("Split"));
    setSubTitle(tr("Train, validation and test sets by ratio and seed. Duplicates and near-duplicates stay in one split."));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    auto ratio = [this](const QString& name, double value) {
        auto* s = new QDoubleSpinBox(this);
        s->setObjectName(name);
        s->setRange(0.0, 0.9);
        s->setSingleStep(0.05);
        s->setDecimals(3);
        s->setValue(value);
        return s;
    };
    m_validation = ratio(QStringLiteral("validationRatio"), 0.1);
    m_test = ratio(QStringLiteral("testRatio"), 0.1);
    m_seed = new QSpinBox(this);
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setValue(42);
    m_stratify = new QCheckBox(tr("Keep each label's proportions in every split"), this);
    m_stratify->setObjectName(QStringLiteral("stratify"));
    form->addRow(tr("Validation share:"), m_validation);
    form->addRow(tr("Test share:"), m_test);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(m_stratify);
    layout->addLayout(form);
    m_progress = new JobProgressBar(this);
    layout->addWidget(m_progress);
    m_error = errorLabel(QStringLiteral("splitError"), this);
    layout->addWidget(m_error);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("splitSummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &ImportSplitPage::run);
    auto later = [this] {
        m_done = false;
        emit completeChanged();
        m_debounce->start();
    };
    connect(m_validation, &QDoubleSpinBox::valueChanged, this, later);
    connect(m_test, &QDoubleSpinBox::valueChanged, this, later);
    connect(m_seed, &QSpinBox::valueChanged, this, later);
    connect(m_stratify, &QCheckBox::toggled, this, later);
    connect(m_progress, &JobProgressBar::succeeded, this, [this] {
        if (m_debounce->isActive()) return;  // the settings changed meanwhile; a new run is due
        const tb::SplitResult& r = *m_result;
        state().splitResult = r;
        state().splitFolder = m_output;
        QString text = tr("train %1, validation %2, test %3").arg(r.counts[0]).arg(r.counts[1]).arg(r.counts[2]);
        text += QLatin1Char('\n') + tr("Duplicate groups kept together: %1 (%2 records)").arg(r.groups).arg(r.groupedRecords);
        text += QLatin1Char('\n') + tr("Leakage between splits: %1 exact, %2 near").arg(r.leakage.exactLeaks).arg(r.leakage.nearLeaks);
        m_summary->setText(text);
        m_done = r.counts[0] > 0;
        if (!m_done) m_error->setText(tr("The training split is empty; lower the validation and test shares."));
        emit completeChanged();
    });
    connect(m_progress, &JobProgressBar::failed, this, [this](const QString& m) { m_error->setText(tr("Splitting failed: %1").arg(m)); });
    connect(m_progress, &JobProgressBar::cancelled, this, [this] { m_error->setText(tr("Splitting was cancelled; change a setting to run it again.")); });
}

void ImportSplitPage::initializePage() { run(); }
void ImportSplitPage::cleanupPage() {
    m_debounce->stop();
    m_progress->cancel();
}

void ImportSplitPage::run() {
    m_done = false;
    m_error->clear();
    m_summary->clear();
    emit completeChanged();
    if (m_validation->value() + m_test->value() >= 1.0) {
        m_error->setText(tr("Validation and test together must be less than 1 (the rest is for training)."));
        return;
    }
    tb::SplitOptions o;
    o.validation = m_validation->value();
    o.test = m_test->value();
    o.seed = uint64_t(m_seed->value());
    o.stratify = m_stratify->isChecked();
    state().split = o;
    auto result = std::make_shared<tb::SplitResult>();
    m_result = result;
    m_output = state().nextPath(QStringLiteral("split"));
    const std::string in = state().cleanedFile.toStdString(), out = m_output.toStdString();
    const std::shared_ptr<const tb::WorkspaceKey> key = workspaceKey();  // reads the cleaned file, encrypts the split
    m_progress->start(importWizard()->context().jobs, tr("Splitting"), [=](const tb::ProgressCallback& progress) -> tb::Status {
        tb::ImportOptions cleaned;
        cleaned.key = key.get();
        auto r = tb::splitFile(in, out, cleaned, o, progress, key.get());
        if (!r.ok()) return r.error();
        *result = std::move(*r);
        return {};
    });
}

}  // namespace tb::widgets
