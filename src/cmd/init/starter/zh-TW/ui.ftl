### 網站介面文字：導覽、搜尋、章節清單與 404 頁面。
### 佈景主題會用到下列每一則訊息；網站的頁面位於 content/。

## 網站與導覽

site-title = 說明文件
site-description = 協助您快速上手並完成各項工作的指南。
skip-link = 跳至主要內容
nav-label = 主要導覽
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = 選單
language-switcher-label = 語言
breadcrumb-label = 導覽路徑
section-nav-label = 本節內容
footer-note = 本網站提供多種語言版本。
# 頁面 Markdown 中表格外圍可捲動區域的無障礙名稱。
table-label = 表格
# 提示框的標籤：頁面中的 GitHub 提示（`> [!NOTE]` 等）。
callout-note = 備註
callout-tip = 提示
callout-important = 重要
callout-warning = 警告
callout-caution = 注意

## 提示

# 顯示在沒有讀者語言版本的頁面頂端。
# Variables:
#   $language (String) - 以該語言本身書寫的語言名稱（English、Français……）
fallback-notice = 本頁尚未翻譯，目前以原文（{ $language }）顯示。
# 顯示在原文於翻譯後有所變更的譯文頁面頂端。
# Variables:
#   $language (String) - 以該語言本身書寫的來源語言名稱（English……）
outdated-notice = 此譯文可能已過時：原文頁面（{ $language }）在翻譯後已有變更。
# 顯示在草稿頁面（`draft: true`）頂端；只有 `polydocs serve` 與 `build --drafts` 會發布草稿。
draft-notice = 草稿：此頁面尚未發布。

## 章節頁面

section-pages-heading = 本節內容
# 章節的頁面清單分成多個編號頁面；此文字為頁面連結清單命名。
# Variables:
#   $current (Number) - 目前顯示的頁碼
#   $total (Number) - 清單的總頁數
pagination-label = 此清單第 { $current } 頁，共 { $total } 頁
pagination-previous = 上一頁
pagination-next = 下一頁
# 大型章節只能列出部分頁面時，側邊導覽的最後一項。
# Variables:
#   $count (Number) - 章節的頁面數
section-nav-all-pages = 本節全部 { $count } 個頁面

## 找不到頁面

not-found-title = 找不到頁面
not-found-text = 您要找的頁面不存在或已移至其他位置。
not-found-home-link = 前往首頁

## 根頁面

language-chooser-title = 選擇語言

## 搜尋（僅在執行指令碼時顯示）

# 搜尋框的無障礙名稱。
search-label = 搜尋本網站
search-placeholder = 搜尋
# 結果清單的無障礙名稱。
search-results-label = 搜尋結果
# 後面接著找到的頁面數。
search-found = 找到的頁面：
search-none = 沒有符合此搜尋的頁面。
search-failed = 目前無法使用搜尋。
search-more = 顯示更多結果

## 文件頁面

# 「本頁內容」：長頁面的目錄，位於內文旁（手機上收合於內文上方）。
toc-label = 本頁內容
# 連往本節中前一頁與後一頁的連結。
pager-label = 本節其他頁面
pager-previous = 上一篇
pager-next = 下一篇
# 連往網站儲存庫中本頁原始檔的連結（site.yaml 設定 edit_url 時）。
edit-page = 編輯此頁
# 未翻譯、以原文顯示的頁面上的同一連結：開啟原文檔案。
edit-page-fallback = 編輯此頁的原文（{ $language }）

heading-link-label = 連結到此章節：
code-copy = 複製
code-copied = 已複製
scheme-label = 色彩主題
scheme-auto = 自動
scheme-light = 淺色
scheme-dark = 深色
