// SamplingPanel: the Playground's generation settings (temperature, top-k, top-p, min-p, repetition
// penalty, max tokens, seed, stop strings, stop at end of sequence) with validation as they are typed:
// an inline message names the bad field and problem() tells the Generate button why it is disabled.
// Not generation itself.
#pragma once

#include <QWidget>

#include "core/infer/generate.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tb::widgets {

class SamplingPanel : public QWidget {
    Q_OBJECT
public:
    explicit SamplingPanel(QWidget* parent = nullptr);

    // Empty when the settings are usable; else a sentence naming the field.
    QString problem() const { return m_problem; }
    // The settings as core options (meaningful only when problem() is empty).
    tb::GenerateOptions options() const;
    // Stop strings as typed, one per line, with \n and \t escapes resolved.
    QStringList stopStrings() const;

signals:
    void changed();

private:
    void validate();

    QDoubleSpinBox* m_temperature;
    QSpinBox* m_topK;
    QDoubleSpinBox* m_topP;
    QDoubleSpinBox* m_minP;
    QDoubleSpinBox* m_repetitionPenalty;
    QSpinBox* m_maxTokens;
    QLineEdit* m_seed;
    QPlainTextEdit* m_stops;
    QCheckBox* m_stopAtEos;
    QLabel* m_error;
    QString m_problem;
};

}  // namespace tb::widgets
