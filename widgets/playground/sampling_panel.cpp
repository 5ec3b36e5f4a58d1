#include "widgets/playground/sampling_panel.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tb::widgets {

namespace {

constexpr int kMaxStopStrings = 16;
constexpr int kMaxStopLength = 256;

QDoubleSpinBox* doubleBox(const char* name, double lo, double hi, double step, double value, int decimals = 2) {
    auto* box = new QDoubleSpinBox;
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setValue(value);
    return box;
}

QString unescape(const QString& line) {
    QString out;
    for (int i = 0; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('\\') && i + 1 < line.size()) {
            const QChar n = line[i + 1];
            if (n == QLatin1Char('n')) {
                out += QLatin1Char('\n');
                ++i;
                continue;
            }
            if (n == QLatin1Char('t')) {
                out += QLatin1Char('\t');
                ++i;
                continue;
            }
            if (n == QLatin1Char('\\')) {
                out += QLatin1Char('\\');
                ++i;
                continue;
            }
        }
        out += line[i];
    }
    return out;
}

}  // namespace

SamplingPanel::SamplingPanel(QWidget* parent) : QWidget(parent) {
    m_temperature = doubleBox("temperature", 0.0, 5.0, 0.05, 0.0);
    m_temperature->setToolTip(
        tr("0 picks the most likely token every time (greedy, reproducible). Higher values "
           "make the answer more varied; above ~1.2 it drifts into nonsense."));
    m_topK = new QSpinBox;
    m_topK->setObjectName(QStringLiteral("topK"));
    m_topK->setRange(0, 1'000'000);
    m_topK->setToolTip(tr("Sample only among the K most likely tokens. 0 turns it off."));
    m_topP = doubleBox("topP", 0.0, 1.0, 0.05, 1.0);
    m_topP->setToolTip(
        tr("Nucleus sampling: keep the most likely tokens until their probabilities add up to "
           "this. 1 turns it off; must be above 0."));
    m_minP = doubleBox("minP", 0.0, 1.0, 0.01, 0.0);
    m_minP->setToolTip(
        tr("Drop tokens less likely than this fraction of the most likely one. 0 turns it off; "
           "must be below 1."));
    m_repetitionPenalty = doubleBox("repetitionPenalty", 0.0, 5.0, 0.05, 1.0);
    m_repetitionPenalty->setToolTip(
        tr("Makes tokens seen in the last 64 less likely (1 = off, 1.1–1.3 is "
           "typical). Must be above 0."));
    m_maxTokens = new QSpinBox;
    m_maxTokens->setObjectName(QStringLiteral("maxTokens"));
    m_maxTokens->setRange(0, 32768);
    m_maxTokens->setValue(128);
    m_maxTokens->setToolTip(tr("The most tokens to generate; the model's context length also limits it."));
    m_seed = new QLineEdit(QStringLiteral("0"));
    m_seed->setObjectName(QStringLiteral("seed"));
    m_seed->setToolTip(tr("Random seed for sampling: the same seed and settings give the same answer."));
    m_stops = new QPlainTextEdit;
    m_stops->setObjectName(QStringLiteral("stopStrings"));
    m_stops->setTabChangesFocus(true);
    m_stops->setPlaceholderText(tr("One per line; \\n is a line break"));
    m_stops->setFixedHeight(m_stops->fontMetrics().lineSpacing() * 4 + 10);
    m_stops->setToolTip(
        tr("Generation stops before the first of these texts appears; it is not included in "
           "the answer."));
    m_stopAtEos = new QCheckBox(tr("Stop at end of sequence"));
    m_stopAtEos->setObjectName(QStringLiteral("stopAtEos"));
    m_stopAtEos->setChecked(true);
    m_stopAtEos->setToolTip(
        tr("End when the model emits its end-of-sequence token. Turn off to see what it "
           "writes past it."));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("samplingError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* outer = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("<b>Sampling</b>"));
    outer->addWidget(heading);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    outer->addStretch(1);  // rows stay together at the top however tall the panel is
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Top-k"), m_topK);
    form->addRow(tr("Top-p"), m_topP);
    form->addRow(tr("Min-p"), m_minP);
    form->addRow(tr("Repetition penalty"), m_repetitionPenalty);
    form->addRow(tr("Max tokens"), m_maxTokens);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Stop strings"), m_stops);
    form->addRow(m_stopAtEos);
    form->addRow(m_error);

    for (auto* box : {m_temperature, m_topP, m_minP, m_repetitionPenalty})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SamplingPanel::validate);
    for (auto* box : {m_topK, m_maxTokens}) connect(box, &QSpinBox::valueChanged, this, &SamplingPanel::validate);
    connect(m_seed, &QLineEdit::textChanged, this, &SamplingPanel::validate);
    connect(m_stops, &QPlainTextEdit::textChanged, this, &SamplingPanel::validate);
    connect(m_stopAtEos, &QCheckBox::toggled, this, &SamplingPanel::changed);
    validate();
}

QStringList SamplingPanel::stopStrings() const {
    QStringList out;
    for (const QString& line : m_stops->toPlainText().split(QLatin1Char('\n')))
        if (!line.isEmpty()) out << unescape(line);
    return out;
}

tb::GenerateOptions SamplingPanel::options() const {
    tb::GenerateOptions o;
    o.maxTokens = m_maxTokens->value();
    o.sampling.temperature = float(m_temperature->value());
    o.sampling.topK = m_topK->value();
    o.sampling.topP = float(m_topP->value());
    o.sampling.minP = float(m_minP->value());
    o.sampling.repetitionPenalty = float(m_repetitionPenalty->value());
    o.sampling.seed = m_seed->text().trimmed().toULongLong();
    o.stopAtEos = m_stopAtEos->isChecked();
    for (const QString& s : stopStrings()) o.stopStrings.push_back(s.toStdString());
    return o;
}

void SamplingPanel::validate() {
    QString problem;
    bool seedOk = false;
    const QString seed = m_seed->text().trimmed();
    seed.toULongLong(&seedOk);
    const QStringList stops = stopStrings();
    if (seed.isEmpty() || !seedOk)
        problem = tr("Seed: give a whole number from 0 to 18446744073709551615 (got '%1').").arg(seed);
    else if (m_maxTokens->value() < 1)
        problem = tr("Max tokens: give at least 1.");
    else if (stops.size() > kMaxStopStrings)
        problem = tr("Stop strings: at most %1 (got %2).").arg(kMaxStopStrings).arg(stops.size());
    else {
        for (const QString& s : stops)
            if (s.size() > kMaxStopLength) {
                problem = tr("Stop strings: each at most %1 characters.").arg(kMaxStopLength);
                break;
            }
    }
    if (problem.isEmpty()) {
        // Core's own check is the authority on the sampling ranges (e.g. top-p must be above 0).
        auto st = options().sampling.validate();
        if (!st.ok()) problem = tr("Sampling: %1.").arg(QString::fromStdString(st.message()));
    }
    m_seed->setStyleSheet(seedOk || seed.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b00020;"));
    m_problem = problem;
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    emit changed();
}

}  // namespace tb::widgets
