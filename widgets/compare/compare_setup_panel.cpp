#include "widgets/compare/compare_setup_panel.h"

#include "core/data/dataset_version.h"
#include "core/registry/registry.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>

namespace tb::widgets {

namespace {

QWidget* row(QWidget* parent, std::initializer_list<QWidget*> widgets, int stretchIndex = 0) {
    auto* w = new QWidget(parent);
    auto* l = new QHBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    int i = 0;
    for (QWidget* child : widgets) l->addWidget(child, i++ == stretchIndex ? 1 : 0);
    return w;
}

}  // namespace

CompareSetupPanel::CompareSetupPanel(const QString& workspaceRoot, QWidget* parent)
    : QWidget(parent), m_root(workspaceRoot) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);

    m_splitCombo = new QComboBox(this);
    m_splitCombo->setObjectName(QStringLiteral("splitCombo"));
    m_splitCombo->setToolTip(tr("A split of a saved dataset version; it fills the data file below"));
    m_dataEdit = new QLineEdit(this);
    m_dataEdit->setObjectName(QStringLiteral("dataEdit"));
    m_dataEdit->setPlaceholderText(tr("Dataset file (JSONL, CSV, …) with prompts and references or labels"));
    auto* browseData = new QToolButton(this);
    browseData->setText(tr("…"));
    browseData->setToolTip(tr("Choose a dataset file"));
    connect(browseData, &QToolButton::clicked, this, [this] {
        QString f = QFileDialog::getOpenFileName(this, tr("Dataset file"), m_root,
                                                 tr("Datasets (*.jsonl *.json *.csv *.tsv);;All files (*)"));
        if (!f.isEmpty()) m_dataEdit->setText(f);
    });
    form->addRow(tr("Dataset split:"), m_splitCombo);
    form->addRow(tr("Data file:"), row(this, {m_dataEdit, browseData}));
    connect(m_splitCombo, &QComboBox::activated, this, [this](int index) {
        QString file = m_splitCombo->itemData(index).toString();
        if (!file.isEmpty()) m_dataEdit->setText(file);
    });

    m_modelA = makeModelCombo(QStringLiteral("modelACombo"));
    m_adapterA = makeModelCombo(QStringLiteral("adapterACombo"));
    m_modelB = makeModelCombo(QStringLiteral("modelBCombo"));
    m_adapterB = makeModelCombo(QStringLiteral("adapterBCombo"));
    for (QComboBox* c : {m_modelA, m_modelB}) c->lineEdit()->setPlaceholderText(tr("Model folder or .gguf file"));
    for (QComboBox* c : {m_adapterA, m_adapterB})
        c->lineEdit()->setPlaceholderText(tr("LoRA adapter folder (empty: the model alone)"));
    auto browse = [this](QComboBox* target, bool folder, const QString& caption) {
        auto* b = new QToolButton(this);
        b->setText(tr("…"));
        b->setToolTip(caption);
        connect(b, &QToolButton::clicked, this, [this, target, folder, caption] { pickFile(target, folder, caption); });
        return b;
    };
    m_versionA = makeVersionCombo(QStringLiteral("versionACombo"), m_modelA, m_adapterA);
    m_versionB = makeVersionCombo(QStringLiteral("versionBCombo"), m_modelB, m_adapterB);
    form->addRow(tr("Model A (base):"), row(this, {m_modelA, browse(m_modelA, true, tr("Choose model A's folder")), m_versionA}));
    form->addRow(tr("Adapter A:"), row(this, {m_adapterA, browse(m_adapterA, true, tr("Choose adapter A's folder"))}));
    form->addRow(tr("Model B (candidate):"), row(this, {m_modelB, browse(m_modelB, true, tr("Choose model B's folder")), m_versionB}));
    form->addRow(tr("Adapter B:"), row(this, {m_adapterB, browse(m_adapterB, true, tr("Choose adapter B's folder"))}));

    m_taskCombo = new QComboBox(this);
    m_taskCombo->setObjectName(QStringLiteral("taskCombo"));
    m_taskCombo->addItem(tr("From the data"), QString());
    m_taskCombo->addItem(tr("Classification"), QStringLiteral("classification"));
    m_taskCombo->addItem(tr("Generation"), QStringLiteral("generation"));
    m_taskCombo->addItem(tr("JSON output"), QStringLiteral("json"));
    m_labelsEdit = new QLineEdit(this);
    m_labelsEdit->setObjectName(QStringLiteral("labelsEdit"));
    m_labelsEdit->setPlaceholderText(tr("Comma-separated labels (default: the gold labels)"));
    m_limitSpin = new QSpinBox(this);
    m_limitSpin->setObjectName(QStringLiteral("limitSpin"));
    m_limitSpin->setRange(0, 1000000);
    m_limitSpin->setSpecialValueText(tr("all"));
    m_limitSpin->setToolTip(tr("Evaluate only the first N usable examples (0: all)"));
    m_maxTokensSpin = new QSpinBox(this);
    m_maxTokensSpin->setObjectName(QStringLiteral("maxTokensSpin"));
    m_maxTokensSpin->setRange(0, 4096);
    m_maxTokensSpin->setSpecialValueText(tr("auto"));
    m_maxTokensSpin->setToolTip(tr("Most new tokens per output (auto: the longest reference + 16). A label needs "
                                   "only a few; a short budget keeps a model that never stops from adding noise."));
    form->addRow(tr("Task:"), row(this, {m_taskCombo, new QLabel(tr("Labels:"), this), m_labelsEdit,
                                         new QLabel(tr("Limit:"), this), m_limitSpin,
                                         new QLabel(tr("Max tokens:"), this), m_maxTokensSpin}, 2));

    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("setupProblemLabel"));
    m_problemLabel->setStyleSheet(QStringLiteral("color:#cf222e"));
    m_problemLabel->setWordWrap(true);
    form->addRow(m_problemLabel);

    connect(m_dataEdit, &QLineEdit::textChanged, this, &CompareSetupPanel::validate);
    for (QComboBox* c : {m_modelA, m_adapterA, m_modelB, m_adapterB})
        connect(c, &QComboBox::currentTextChanged, this, &CompareSetupPanel::validate);
    connect(m_taskCombo, &QComboBox::currentIndexChanged, this, &CompareSetupPanel::validate);
    connect(m_labelsEdit, &QLineEdit::textChanged, this, &CompareSetupPanel::validate);
    connect(m_limitSpin, &QSpinBox::valueChanged, this, &CompareSetupPanel::validate);
    refresh();
    validate();
}

QComboBox* CompareSetupPanel::makeModelCombo(const QString& objectName) {
    auto* c = new QComboBox(this);
    c->setObjectName(objectName);
    c->setEditable(true);
    c->setInsertPolicy(QComboBox::NoInsert);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(30);
    return c;
}

QComboBox* CompareSetupPanel::makeVersionCombo(const QString& objectName, QComboBox* model, QComboBox* adapter) {
    auto* c = new QComboBox(this);
    c->setObjectName(objectName);
    c->setToolTip(tr("A registered model version: fills the model and its adapter"));
    connect(c, &QComboBox::activated, this, [c, model, adapter](int index) {
        const QStringList pair = c->itemData(index).toStringList();
        if (pair.size() != 2) return;
        model->setEditText(pair[0]);
        adapter->setEditText(pair[1]);
    });
    return c;
}

void CompareSetupPanel::refreshVersions() {
    QList<std::pair<QString, QStringList>> items;
    const QString dbPath = m_root.isEmpty() ? QString() : QDir(m_root).filePath(QStringLiteral("registry.sqlite"));
    // Only an existing registry is read: opening creates one, and the Compare page should not.
    if (!dbPath.isEmpty() && QFileInfo::exists(dbPath)) {
        if (auto registry = tb::Registry::open(dbPath.toStdString())) {
            if (auto versions = (*registry)->versions()) {
                for (const auto& v : *versions) {
                    QString text = tr("%1 v%2").arg(QString::fromStdString(v.group)).arg(v.version);
                    if (v.stage != "None") text += QStringLiteral(" (%1)").arg(QString::fromStdString(v.stage));
                    items.push_back({text, {QString::fromStdString(v.baseModel), QString::fromStdString(v.adapterPath)}});
                }
            }
        }
    }
    for (QComboBox* c : {m_versionA, m_versionB}) {
        c->clear();
        c->addItem(items.isEmpty() ? tr("(no registered versions)") : tr("(registered version)"));
        for (const auto& [text, pair] : items) c->addItem(text, pair);
        c->setEnabled(!items.isEmpty());
    }
}

void CompareSetupPanel::pickFile(QComboBox* target, bool folder, const QString& caption) {
    QString start = target->currentText().isEmpty() ? m_root : target->currentText();
    QString path = folder ? QFileDialog::getExistingDirectory(this, caption, start) : QFileDialog::getOpenFileName(this, caption, start);
    if (!path.isEmpty()) target->setEditText(path);
}

void CompareSetupPanel::refresh() {
    const QString keepData = m_dataEdit->text();
    m_splitCombo->clear();
    m_splitCombo->addItem(tr("(choose a saved dataset split)"), QString());
    if (!m_root.isEmpty()) {
        const std::string datasetsDir = QDir(m_root).filePath(QStringLiteral("datasets")).toStdString();
        const QStringList names = QDir(QString::fromStdString(datasetsDir)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString& name : names) {
            auto versions = tb::listDatasetVersions(datasetsDir, name.toStdString());
            if (!versions) continue;
            for (auto it = versions->rbegin(); it != versions->rend(); ++it) {  // newest first
                for (const char* split : {"test", "validation", "train"}) {
                    auto count = it->counts.find(split);
                    if (count == it->counts.end() || count->second == 0) continue;
                    const QString file = QDir(QString::fromStdString(it->dir)).filePath(QString::fromLatin1(split) + ".jsonl");
                    m_splitCombo->addItem(tr("%1@%2 — %3 (%n records)", nullptr, int(count->second))
                                              .arg(name, QString::fromStdString(it->version.substr(0, 12)),
                                                   QString::fromLatin1(split)),
                                          file);
                }
            }
        }
    }
    m_splitCombo->setEnabled(m_splitCombo->count() > 1);
    m_dataEdit->setText(keepData);

    // Models in the workspace (models/*) and adapters of finished runs (runs/*/adapter*), as suggestions.
    QStringList models, adapters;
    if (!m_root.isEmpty()) {
        QDir modelsDir(QDir(m_root).filePath(QStringLiteral("models")));
        for (const QFileInfo& f : modelsDir.entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot, QDir::Name))
            if (f.isDir() || f.suffix() == QLatin1String("gguf")) models << f.absoluteFilePath();
        QDir runsDir(QDir(m_root).filePath(QStringLiteral("runs")));
        for (const QFileInfo& run : runsDir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time))
            for (const QString& sub : {QStringLiteral("adapter-best"), QStringLiteral("adapter")})
                if (QFileInfo::exists(QDir(run.absoluteFilePath()).filePath(sub + QStringLiteral("/adapter_config.json"))))
                    adapters << QDir(run.absoluteFilePath()).filePath(sub);
    }
    for (QComboBox* c : {m_modelA, m_modelB}) {
        const QString keep = c->currentText();
        c->clear();
        c->addItems(models);
        c->setEditText(keep);
    }
    for (QComboBox* c : {m_adapterA, m_adapterB}) {
        const QString keep = c->currentText();
        c->clear();
        c->addItem(QString());
        c->addItems(adapters);
        c->setEditText(keep);
    }
    refreshVersions();
}

CompareRequest CompareSetupPanel::request() const {
    CompareRequest r;
    r.modelA = m_modelA->currentText().trimmed();
    r.adapterA = m_adapterA->currentText().trimmed();
    r.modelB = m_modelB->currentText().trimmed();
    r.adapterB = m_adapterB->currentText().trimmed();
    r.data = m_dataEdit->text().trimmed();
    r.task = m_taskCombo->currentData().toString();
    for (const QString& l : m_labelsEdit->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!l.trimmed().isEmpty()) r.labels << l.trimmed();
    r.limit = m_limitSpin->value();
    r.maxTokens = m_maxTokensSpin->value();
    return r;
}

QString CompareSetupPanel::problem() const {
    const CompareRequest r = request();
    if (r.data.isEmpty()) return tr("Choose a dataset split or a data file.");
    if (!QFileInfo(r.data).isFile()) return tr("Data file %1 does not exist.").arg(r.data);
    auto checkModel = [](const QString& side, const QString& model, const QString& adapter) -> QString {
        if (model.isEmpty()) return tr("Choose model %1.").arg(side);
        if (!QFileInfo::exists(model)) return tr("Model %1: %2 does not exist.").arg(side, model);
        if (!adapter.isEmpty() && !QFileInfo::exists(QDir(adapter).filePath(QStringLiteral("adapter_config.json"))))
            return tr("Adapter %1: %2 has no adapter_config.json.").arg(side, adapter);
        return {};
    };
    if (QString p = checkModel(QStringLiteral("A"), r.modelA, r.adapterA); !p.isEmpty()) return p;
    if (QString p = checkModel(QStringLiteral("B"), r.modelB, r.adapterB); !p.isEmpty()) return p;
    if (r.modelA == r.modelB && r.adapterA == r.adapterB) return tr("Model A and model B are the same.");
    if (!r.labels.isEmpty() && r.task != QLatin1String("classification") && !r.task.isEmpty())
        return tr("Labels only apply to classification.");
    return {};
}

void CompareSetupPanel::validate() {
    m_problemLabel->setText(problem());
    emit changed();
}

void CompareSetupPanel::setModelA(const QString& path, const QString& adapter) {
    m_modelA->setEditText(path);
    m_adapterA->setEditText(adapter);
}

void CompareSetupPanel::setModelB(const QString& path, const QString& adapter) {
    m_modelB->setEditText(path);
    m_adapterB->setEditText(adapter);
}

void CompareSetupPanel::setData(const QString& file) { m_dataEdit->setText(file); }

void CompareSetupPanel::setTask(const QString& task) {
    int i = m_taskCombo->findData(task);
    m_taskCombo->setCurrentIndex(i < 0 ? 0 : i);
}

void CompareSetupPanel::setLabels(const QString& commaSeparated) { m_labelsEdit->setText(commaSeparated); }
void CompareSetupPanel::setLimit(int limit) { m_limitSpin->setValue(limit); }
void CompareSetupPanel::setMaxTokens(int maxTokens) { m_maxTokensSpin->setValue(maxTokens); }

}  // namespace tb::widgets
