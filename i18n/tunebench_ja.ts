<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>ワークスペースを開けません</translation>
    </message>
    <message>
        <source>%1

Choose another folder in Settings and restart Tunebench.</source>
        <translation>%1

設定で別のフォルダーを選び、Tunebench を再起動してください。</translation>
    </message>
</context>
<context>
    <name>tb::app::AboutInfo</name>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（%2 でビルド）</translation>
    </message>
</context>
<context>
    <name>tb::app::MainWindow</name>
    <message>
        <source>Tunebench (read-only)</source>
        <translation>Tunebench（読み取り専用）</translation>
    </message>
    <message>
        <source>Tunebench</source>
        <translation>Tunebench</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <source>Background jobs</source>
        <translation>バックグラウンドジョブ</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Workspace Folder</source>
        <translation>ワークスペースのフォルダーを開く(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Log Panel</source>
        <translation>ログパネル(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Background Jobs</source>
        <translation>バックグラウンドジョブ(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Tunebench</source>
        <translation>Tunebench について(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <source>No workspace is open</source>
        <translation>ワークスペースが開かれていません</translation>
    </message>
    <message>
        <source>Workspace: %1 (read-only: another Tunebench is using it)</source>
        <translation>ワークスペース: %1（読み取り専用: 別の Tunebench が使用中）</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>ワークスペース: %1</translation>
    </message>
    <message>
        <source>Finished: %1</source>
        <translation>完了: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>キャンセル済み: %1</translation>
    </message>
    <message>
        <source>A background job</source>
        <translation>バックグラウンドジョブ</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 が失敗しました: %2</translation>
    </message>
    <message>
        <source>Job failed</source>
        <translation>ジョブが失敗しました</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Tunebench starts.</source>
        <translation>設定を保存しました。次回 Tunebench を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Jobs are running</source>
        <translation>ジョブを実行中です</translation>
    </message>
    <message>
        <source>%1 background job(s) are still running. Cancel them and quit?</source>
        <translation>バックグラウンドジョブがまだ %1 件実行中です。キャンセルして終了しますか？</translation>
    </message>
</context>
<context>
    <name>tb::models::JobListModel</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>ジョブ</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Failed without a message</source>
        <translation>メッセージなしで失敗しました</translation>
    </message>
    <message>
        <source>Cancelled by the user</source>
        <translation>ユーザーがキャンセルしました</translation>
    </message>
</context>
<context>
    <name>tb::widgets::AboutDialog</name>
    <message>
        <source>About Tunebench</source>
        <translation>Tunebench について</translation>
    </message>
    <message>
        <source>Tunebench %1</source>
        <translation>Tunebench %1</translation>
    </message>
    <message>
        <source>A desktop workbench for fine-tuning open-weight language models privately, on your own computer.</source>
        <translation>オープンウェイトの言語モデルを、自分のコンピューター上で非公開のままファインチューニングするためのデスクトップ作業環境です。</translation>
    </message>
    <message>
        <source>Libraries in use:</source>
        <translation>使用しているライブラリ:</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>ライブラリ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ComparePage</name>
    <message>
        <source>Evaluate the base model against your tuned versions on held-out data and see where their answers differ.</source>
        <translation>ベースモデルとチューニング済みのバージョンを検証用データで評価し、回答の違いを確認します。</translation>
    </message>
    <message>
        <source>Finish at least one run.</source>
        <translation>少なくとも 1 回のランを完了させます。</translation>
    </message>
    <message>
        <source>Choose the runs to compare and an evaluation set.</source>
        <translation>比較するランと評価セットを選びます。</translation>
    </message>
    <message>
        <source>Read the scores side by side and inspect individual answers.</source>
        <translation>スコアを並べて比較し、個々の回答を確認します。</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比較</translation>
    </message>
</context>
<context>
    <name>tb::widgets::DatasetsPage</name>
    <message>
        <source>Collect the examples your model should learn from: import prompt and response pairs, clean them, split them into training and validation sets and keep every version.</source>
        <translation>モデルに学習させる例を集めます。プロンプトと応答のペアを取り込み、クリーニングし、学習用と検証用に分割して、すべてのバージョンを保存します。</translation>
    </message>
    <message>
        <source>Import a JSONL or CSV file of prompts and responses.</source>
        <translation>プロンプトと応答を含む JSONL または CSV ファイルを取り込みます。</translation>
    </message>
    <message>
        <source>Review the records Tunebench flags as empty, duplicated or too long.</source>
        <translation>Tunebench が空・重複・長すぎると指摘したレコードを確認します。</translation>
    </message>
    <message>
        <source>Split the data into training and validation sets and save it as a version.</source>
        <translation>データを学習用と検証用に分割し、バージョンとして保存します。</translation>
    </message>
    <message>
        <source>Datasets</source>
        <translation>データセット</translation>
    </message>
</context>
<context>
    <name>tb::widgets::EmptyStateWidget</name>
    <message>
        <source>What to do first</source>
        <translation>最初にすること</translation>
    </message>
    <message>
        <source>Files for this page live in %1</source>
        <translation>このページのファイルの保存先: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::FinetunePage</name>
    <message>
        <source>Teach a Llama-family base model your task with LoRA adapters, on this computer&apos;s CPU. The base weights are never changed; each run produces a small adapter.</source>
        <translation>このコンピューターの CPU で、LoRA アダプターを使って Llama 系のベースモデルにタスクを学習させます。ベースの重みは変更されず、各ランは小さなアダプターを生成します。</translation>
    </message>
    <message>
        <source>Open a base model (GGUF or safetensors) from your disk.</source>
        <translation>ディスクからベースモデル（GGUF または safetensors）を開きます。</translation>
    </message>
    <message>
        <source>Choose a dataset version and a recipe: rank, learning rate and epochs.</source>
        <translation>データセットのバージョンとレシピ（ランク、学習率、エポック数）を選びます。</translation>
    </message>
    <message>
        <source>Start the run; its progress and loss curve appear under Runs.</source>
        <translation>ランを開始すると、進捗と損失曲線が「ラン」に表示されます。</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>ファインチューニング</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobStatusWidget</name>
    <message>
        <source>Show background jobs</source>
        <translation>バックグラウンドジョブを表示</translation>
    </message>
    <message>
        <source>No jobs running</source>
        <translation>実行中のジョブはありません</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>実行中のジョブ: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::JobsPanel</name>
    <message>
        <source>No background jobs. Long work such as imports, training and evaluation runs here, and you can keep working meanwhile.</source>
        <translation>バックグラウンドジョブはありません。取り込み、学習、評価などの時間のかかる処理はここで実行され、その間も作業を続けられます。</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>完了したものを消去</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
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
        <translation>ログファイルは開かれていません。</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>消去</translation>
    </message>
    <message>
        <source>Clear the panel (the log file is kept)</source>
        <translation>パネルを消去します（ログファイルは残ります）</translation>
    </message>
    <message>
        <source>No log file: the workspace is read-only or not writable.</source>
        <translation>ログファイルなし: ワークスペースが読み取り専用か、書き込みできません。</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>ログファイル: %1</translation>
    </message>
</context>
<context>
    <name>tb::widgets::PlaygroundPage</name>
    <message>
        <source>Chat with a base or tuned model to get a feel for its answers before you rely on it.</source>
        <translation>ベースモデルやチューニング済みモデルと対話し、実際に使う前に回答の傾向をつかみます。</translation>
    </message>
    <message>
        <source>Load a model or a registered version.</source>
        <translation>モデルまたは登録済みのバージョンを読み込みます。</translation>
    </message>
    <message>
        <source>Type a prompt; adjust the temperature and the answer length.</source>
        <translation>プロンプトを入力し、温度と回答の長さを調整します。</translation>
    </message>
    <message>
        <source>Save good exchanges as new training examples.</source>
        <translation>良いやり取りを新しい学習例として保存します。</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>プレイグラウンド</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RegistryPage</name>
    <message>
        <source>Keep the models worth keeping: versioned records of adapters together with the data, settings and scores that produced them.</source>
        <translation>残す価値のあるモデルを保管します。アダプターを、それを生んだデータ・設定・スコアとともにバージョン管理された記録として残します。</translation>
    </message>
    <message>
        <source>Register a finished run from Runs or Compare.</source>
        <translation>「ラン」または「比較」から完了したランを登録します。</translation>
    </message>
    <message>
        <source>Promote a version to staging or production.</source>
        <translation>バージョンをステージングまたは本番に昇格させます。</translation>
    </message>
    <message>
        <source>Export it as merged weights or as an adapter file.</source>
        <translation>マージ済みの重み、またはアダプターファイルとしてエクスポートします。</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>レジストリ</translation>
    </message>
</context>
<context>
    <name>tb::widgets::RunsPage</name>
    <message>
        <source>Follow every training run: live loss curves, progress, logs and the exact settings and data it used.</source>
        <translation>すべての学習ランを追跡します。リアルタイムの損失曲線、進捗、ログ、そして使用した設定とデータを正確に確認できます。</translation>
    </message>
    <message>
        <source>Start a fine-tune from the Fine-tune page.</source>
        <translation>「ファインチューニング」ページからファインチューニングを開始します。</translation>
    </message>
    <message>
        <source>Watch its loss here while it trains; you can cancel it at any time.</source>
        <translation>学習中の損失をここで確認できます。いつでもキャンセルできます。</translation>
    </message>
    <message>
        <source>Finished runs keep their checkpoints and adapters in the workspace.</source>
        <translation>完了したランのチェックポイントとアダプターはワークスペースに保存されます。</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>ラン</translation>
    </message>
</context>
<context>
    <name>tb::widgets::ServePage</name>
    <message>
        <source>Run a local HTTP endpoint so that your own programs can use a tuned model, without sending data anywhere.</source>
        <translation>ローカルの HTTP エンドポイントを起動し、データを外部に送ることなく、自分のプログラムからチューニング済みモデルを使えるようにします。</translation>
    </message>
    <message>
        <source>Pick a registered model version.</source>
        <translation>登録済みのモデルバージョンを選びます。</translation>
    </message>
    <message>
        <source>Choose a port and start the server.</source>
        <translation>ポートを選んでサーバーを起動します。</translation>
    </message>
    <message>
        <source>Send requests from your tools; each request is logged here.</source>
        <translation>ツールからリクエストを送信します。各リクエストはここに記録されます。</translation>
    </message>
    <message>
        <source>Serve</source>
        <translation>サービング</translation>
    </message>
</context>
<context>
    <name>tb::widgets::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>既定: %1</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Workspace folder:</source>
        <translation>ワークスペースのフォルダー:</translation>
    </message>
    <message>
        <source>How many background jobs run at the same time. This computer has %1 hardware threads.</source>
        <translation>同時に実行するバックグラウンドジョブの数です。このコンピューターのハードウェアスレッド数は %1 です。</translation>
    </message>
    <message>
        <source>Worker threads:</source>
        <translation>ワーカースレッド数:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの既定</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>言語:</translation>
    </message>
    <message>
        <source>Changes take effect the next time Tunebench starts.</source>
        <translation>変更は次回 Tunebench を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>ワークスペースのフォルダーを選択</translation>
    </message>
</context>
</TS>
