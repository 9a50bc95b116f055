### サイトのインターフェースの文言：ナビゲーション、検索、セクションの一覧、404 ページ。
### テーマは以下のすべてのメッセージを使います。サイトのページは content/ にあります。

## サイトとナビゲーション

site-title = ドキュメント
site-description = 使い始めるためのガイドと、作業を進めるためのガイド。
skip-link = メインコンテンツへ移動
nav-label = メインナビゲーション
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = メニュー
language-switcher-label = 言語
breadcrumb-label = パンくずリスト
section-nav-label = このセクションの内容
footer-note = このサイトは複数の言語で提供しています。
# ページの Markdown に書かれた表を囲むスクロール領域のアクセシブルな名前。
table-label = 表
# 注記ボックスのラベル：ページ内の GitHub アラート（`> [!NOTE]` など）。
callout-note = メモ
callout-tip = ヒント
callout-important = 重要
callout-warning = 警告
callout-caution = 注意

## お知らせ

# 読者の言語で提供されていないページの上部に表示されます。
# Variables:
#   $language (String) - その言語自身で書いた言語名（English、Français など）
fallback-notice = このページはまだ翻訳されていません。原文の言語（{ $language }）で表示しています。
# 翻訳後に原文のページが変更された翻訳ページの上部に表示されます。
# Variables:
#   $language (String) - その言語自身で書いた原文の言語名（English など）
outdated-notice = この翻訳は古くなっている可能性があります。翻訳後に原文のページ（{ $language }）が変更されました。
# 下書きページ（`draft: true`）の上部に表示。`polydocs serve` と `build --drafts` だけが公開します。
draft-notice = 下書き：このページはまだ公開されていません。

## セクションのページ

section-pages-heading = このセクションの内容
# セクションのページ一覧は番号付きのページに分かれます。これはページリンクの一覧の名前です。
# Variables:
#   $current (Number) - 表示中のページ番号
#   $total (Number) - 一覧の総ページ数
pagination-label = この一覧の { $total } ページ中 { $current } ページ目
pagination-previous = 前のページ
pagination-next = 次のページ
# 大きなセクションのページの一部しか入らないときの、サイドナビゲーションの最後の項目。
# Variables:
#   $count (Number) - セクションのページ数
section-nav-all-pages = このセクションの全 { $count } ページ

## ページが見つかりません

not-found-title = ページが見つかりません
not-found-text = お探しのページは存在しないか、移動しました。
not-found-home-link = ホームページへ移動

## ルートページ

language-chooser-title = 言語を選択

## 検索（スクリプトが動くときだけ表示）

# 検索ボックスのアクセシブルな名前。
search-label = このサイトを検索
search-placeholder = 検索
# 結果一覧のアクセシブルな名前。
search-results-label = 検索結果
# このあとに見つかったページ数が続きます。
search-found = 見つかったページ：
search-none = この検索に一致するページはありません。
search-failed = 現在、検索は利用できません。
search-more = さらに結果を表示

## ドキュメントページ

# 「このページの内容」：長いページの目次。本文の横に表示（スマートフォンでは本文の上に折りたたみ）。
toc-label = このページの内容
# このセクション内の前後のページへのリンク。
pager-label = このセクションの他のページ
pager-previous = 前へ
pager-next = 次へ
# サイトのリポジトリにあるこのページのソースファイルへのリンク（site.yaml で edit_url を設定した場合）。
edit-page = このページを編集
# 翻訳されず原文のまま表示されるページでの同じリンク：原文を開きます。
edit-page-fallback = このページの原文を編集（{ $language }）

heading-link-label = このセクションへのリンク：
code-copy = コピー
code-copied = コピーしました
scheme-label = 配色
scheme-auto = 自動
scheme-light = ライト
scheme-dark = ダーク
