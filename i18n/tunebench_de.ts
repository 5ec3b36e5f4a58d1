<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1

Choose another folder in Settings and restart Tunebench.</source>
        <translation>%1

Wählen Sie in den Einstellungen einen anderen Ordner und starten Sie Tunebench neu.</translation>
    </message>
</context>
<context>
    <name>tb::app::AboutInfo</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
</context>
<context>
    <name>tb::app::MainWindow</name>
    <message>
        <source>Tunebench (read-only)</source>
        <translation>Tunebench (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Background jobs</source>
        <translation>Hintergrundaufgaben</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder</source>
        <translation>&amp;Arbeitsbereich-Ordner öffnen</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation>&amp;Protokollbereich</translation>
    </message>
    <message>
        <source>&amp;Background Jobs</source>
        <translation>&amp;Hintergrundaufgaben</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Tunebench</source>
        <translation>&amp;Über Tunebench</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Workspace: %1 (read-only: another Tunebench is using it)</source>
        <translation>Arbeitsbereich: %1 (schreibgeschützt: ein anderes Tunebench verwendet ihn)</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>Abgeschlossen: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Abgebrochen: %1</translation>
    </message>
    <message>
        <source>A background job</source>
        <translation>Eine Hintergrundaufgabe</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>Aufgabe fehlgeschlagen</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Tunebench starts.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>Aufgaben laufen noch</translation>
    </message>
    <message>
        <source>%1 background job(s) are still running. Cancel them and quit?</source>
        <translation>Es laufen noch Hintergrundaufgaben: %1. Abbrechen und beenden?</translation>
    </message>
</context>
<context>
    <name>tb::models::JobListModel</name>
    <message>
        <source>Queued</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Failed without a message</source>
        <translation>Ohne Meldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>Vom Benutzer abgebrochen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AboutDialog</name>
    <message>
        <source>About Tunebench</source>
        <translation>Über Tunebench</translation>
    </message>
    <message>
        <source>Tunebench %1</source>
        <translation>Tunebench %1</translation>
    </message>
    <message>
        <source>A desktop workbench for fine-tuning open-weight language models privately, on your own computer.</source>
        <translation>Eine Desktop-Werkbank, um offene Sprachmodelle vertraulich auf dem eigenen Computer feinabzustimmen.</translation>
    </message>
    <message>
        <source>Libraries in use:</source>
        <translation>Verwendete Bibliotheken:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparePage</name>
    <message>
        <source>Evaluate the base model against your tuned versions on held-out data and see where their answers differ.</source>
        <translation>Bewerten Sie das Basismodell und Ihre feinabgestimmten Versionen auf zurückgehaltenen Daten und sehen Sie, wo sich ihre Antworten unterscheiden.</translation>
    </message>
    <message>
        <source>Finish at least one run.</source>
        <translation>Schließen Sie mindestens einen Lauf ab.</translation>
    </message>
    <message>
        <source>Choose the runs to compare and an evaluation set.</source>
        <translation>Wählen Sie die zu vergleichenden Läufe und einen Evaluationsdatensatz.</translation>
    </message>
    <message>
        <source>Read the scores side by side and inspect individual answers.</source>
        <translation>Vergleichen Sie die Ergebnisse nebeneinander und prüfen Sie einzelne Antworten.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::DatasetsPage</name>
    <message>
        <source>Collect the examples your model should learn from: import prompt and response pairs, clean them, split them into training and validation sets and keep every version.</source>
        <translation>Sammeln Sie die Beispiele, aus denen Ihr Modell lernen soll: Importieren Sie Paare aus Prompt und Antwort, bereinigen Sie sie, teilen Sie sie in Trainings- und Validierungsdaten auf und bewahren Sie jede Version auf.</translation>
    </message>
    <message>
        <source>Import a JSONL or CSV file of prompts and responses.</source>
        <translation>Importieren Sie eine JSONL- oder CSV-Datei mit Prompts und Antworten.</translation>
    </message>
    <message>
        <source>Review the records Tunebench flags as empty, duplicated or too long.</source>
        <translation>Prüfen Sie die Datensätze, die Tunebench als leer, doppelt oder zu lang markiert.</translation>
    </message>
    <message>
        <source>Split the data into training and validation sets and save it as a version.</source>
        <translation>Teilen Sie die Daten in Trainings- und Validierungsdaten auf und speichern Sie sie als Version.</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>Datensätze</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EmptyStateWidget</name>
    <message>
        <source>What to do first</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Files for this page live in %1</source>
        <translation>Die Dateien dieser Seite liegen in %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetunePage</name>
    <message>
        <source>Teach a Llama-family base model your task with LoRA adapters, on this computer&apos;s CPU. The base weights are never changed; each run produces a small adapter.</source>
        <translation>Bringen Sie einem Basismodell der Llama-Familie mit LoRA-Adaptern Ihre Aufgabe bei – auf der CPU dieses Computers. Die Basisgewichte bleiben unverändert; jeder Lauf erzeugt einen kleinen Adapter.</translation>
    </message>
    <message>
        <source>Open a base model (GGUF or safetensors) from your disk.</source>
        <translation>Öffnen Sie ein Basismodell (GGUF oder safetensors) von Ihrem Datenträger.</translation>
    </message>
    <message>
        <source>Choose a dataset version and a recipe: rank, learning rate and epochs.</source>
        <translation>Wählen Sie eine Datensatzversion und ein Rezept: Rang, Lernrate und Epochen.</translation>
    </message>
    <message>
        <source>Start the run; its progress and loss curve appear under Runs.</source>
        <translation>Starten Sie den Lauf; Fortschritt und Verlustkurve erscheinen unter „Läufe“.</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>Feinabstimmung</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobStatusWidget</name>
    <message>
        <source>Show background jobs</source>
        <translation>Hintergrundaufgaben anzeigen</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>Keine Aufgaben aktiv</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>Laufende Aufgaben: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobsPanel</name>
    <message>
        <source>No background jobs. Long work such as imports, training and evaluation runs here, and you can keep working meanwhile.</source>
        <translation>Keine Hintergrundaufgaben. Langwierige Arbeiten wie Importe, Training und Evaluation laufen hier, und Sie können währenddessen weiterarbeiten.</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>Abgeschlossene entfernen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>tb::widgets::LogPanel</name>
    <message>
        <source>No log file is open.</source>
        <translation>Keine Protokolldatei geöffnet.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Clear the panel (the log file is kept)</source>
        <translation>Bereich leeren (die Protokolldatei bleibt erhalten)</translation>
    </message>
    <message>
        <source>No log file: the workspace is read-only or not writable.</source>
        <translation>Keine Protokolldatei: Der Arbeitsbereich ist schreibgeschützt oder nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>Protokolldatei: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlaygroundPage</name>
    <message>
        <source>Chat with a base or tuned model to get a feel for its answers before you rely on it.</source>
        <translation>Chatten Sie mit einem Basis- oder feinabgestimmten Modell, um ein Gefühl für seine Antworten zu bekommen, bevor Sie sich darauf verlassen.</translation>
    </message>
    <message>
        <source>Load a model or a registered version.</source>
        <translation>Laden Sie ein Modell oder eine registrierte Version.</translation>
    </message>
    <message>
        <source>Type a prompt; adjust the temperature and the answer length.</source>
        <translation>Geben Sie einen Prompt ein; passen Sie Temperatur und Antwortlänge an.</translation>
    </message>
    <message>
        <source>Save good exchanges as new training examples.</source>
        <translation>Speichern Sie gelungene Dialoge als neue Trainingsbeispiele.</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Spielwiese</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegistryPage</name>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them.</source>
        <translation>Bewahren Sie die Modelle auf, die es wert sind: versionierte Einträge von Adaptern mitsamt den Daten, Einstellungen und Ergebnissen, aus denen sie entstanden sind.</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare.</source>
        <translation>Registrieren Sie einen abgeschlossenen Lauf unter „Läufe“ oder „Vergleichen“.</translation>
    </message>
    <message>
        <source>Promote a version to staging or production.</source>
        <translation>Stufen Sie eine Version zu Staging oder Produktion hoch.</translation>
    </message>
    <message>
        <source>Export it as merged weights or as an adapter file.</source>
        <translation>Exportieren Sie sie als zusammengeführte Gewichte oder als Adapterdatei.</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RunsPage</name>
    <message>
        <source>Follow every training run: live loss curves, progress, logs and the exact settings and data it used.</source>
        <translation>Verfolgen Sie jeden Trainingslauf: Verlustkurven in Echtzeit, Fortschritt, Protokolle und genau die Einstellungen und Daten, die er verwendet hat.</translation>
    </message>
    <message>
        <source>Start a fine-tune from the Fine-tune page.</source>
        <translation>Starten Sie eine Feinabstimmung auf der Seite „Feinabstimmung“.</translation>
    </message>
    <message>
        <source>Watch its loss here while it trains; you can cancel it at any time.</source>
        <translation>Beobachten Sie hier den Verlust während des Trainings; Sie können jederzeit abbrechen.</translation>
    </message>
    <message>
        <source>Finished runs keep their checkpoints and adapters in the workspace.</source>
        <translation>Abgeschlossene Läufe behalten ihre Checkpoints und Adapter im Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ServePage</name>
    <message>
        <source>Run a local HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>Betreiben Sie einen lokalen HTTP-Endpunkt, damit Ihre eigenen Programme ein feinabgestimmtes Modell nutzen können, ohne Daten irgendwohin zu senden.</translation>
    </message>
    <message>
        <source>Pick a registered model version.</source>
        <translation>Wählen Sie eine registrierte Modellversion.</translation>
    </message>
    <message>
        <source>Choose a port and start the server.</source>
        <translation>Wählen Sie einen Port und starten Sie den Server.</translation>
    </message>
    <message>
        <source>Send requests from your tools; each request is logged here.</source>
        <translation>Senden Sie Anfragen aus Ihren Werkzeugen; jede Anfrage wird hier protokolliert.</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>Bereitstellen</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>Arbeitsbereich-Ordner:</translation>
    </message>
    <message>
        <source>How many background jobs run at the same time. This computer has %1 hardware threads.</source>
        <translation>Wie viele Hintergrundaufgaben gleichzeitig laufen. Dieser Computer hat %1 Hardware-Threads.</translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation>Worker-Threads:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Changes take effect the next time Tunebench starts.</source>
        <translation>Änderungen gelten ab dem nächsten Start von Tunebench.</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>Arbeitsbereich-Ordner auswählen</translation>
    </message>
</context>
</TS>
