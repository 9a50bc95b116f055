### 繁體中文網站的介面字串：導覽、表格標題與欄位名稱、支援時段與時間長度、
### 頁面標題，以及 404 頁面。

## 網站與導覽

site-title = 支援方案
site-description = 比較四種支援方案的服務層級目標、支援管道、資源與各地區服務時間。
skip-link = 跳至主要內容
nav-label = 主要導覽
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = 選單
language-switcher-label = 語言
breadcrumb-label = 導覽路徑
section-nav-label = 本節內容
footer-note = 本網站提供多種語言版本。

# 當頁面沒有讀者所用語言的版本時，顯示在頁面頂端。
# Variables:
#   $language (String) - 原文語言以其本身文字書寫的名稱（English、Français…）
fallback-notice = 本頁尚未翻譯，目前以原文（{ $language }）顯示。

## 比較表

value-included = 包含
value-not-included = 不包含
comparison-caption = 各方案包含的服務
comparison-feature-column = 功能
# 在目前所檢視方案的欄位標題中，以括號附加於方案名稱之後。
comparison-current-tier = 本方案

## 支援時段與時間長度

# Variables:
#   $count (Number) - 此時段所搭配時間長度的數字 (中文不使用)
coverage-24x7 = 全年無休
# Variables:
#   $count (Number) - 此時段所搭配時間長度的數字 (中文不使用)
coverage-24x5 = 24x5
# Variables:
#   $count (Number) - 此時段所搭配時間長度的數字 (中文不使用)
coverage-business-hours = 營業時間
# Variables:
#   $count (Number) - 此時段所搭配時間長度的數字 (中文不使用)
coverage-business-days = 營業日
# Variables:
#   $count (Number) - 分鐘數
duration-minutes = { $count } 分鐘
# Variables:
#   $count (Number) - 小時數
duration-hours = { $count } 小時
# Variables:
#   $count (Number) - 天數
duration-days = { $count } 天

## 回應目標

# 回應目標表格中的一格，例如「全年無休 / 1 小時」。
# Variables:
#   $coverage (String) - 支援時段，例如「營業時間」
#   $duration (String) - 已格式化的時間長度，例如「4 小時」
response-target = { $coverage } / { $duration }
sla-caption = 依優先順序與方案區分的服務層級目標：最初回應
sla-priority-column = 優先順序

## 各地區服務時間

hours-caption = 各地區的當地營業時間
# Variables:
#   $opens (String) - 已格式化的開始時間
#   $closes (String) - 已格式化的結束時間
hours-range = { $opens } - { $closes }
# Optional: overrides the locale's CLDR time pattern.
# Variables:
#   $hour (Number) - 0 到 23 的小時 (中文不使用)
#   $hour12 (Number) - 1 到 12 的小時
#   $minute (String) - 兩位數的分鐘
#   $period (String) - 「am」或「pm」，分別顯示為上午或下午
#   $oclock (String) - 整點時為「yes」，否則為「no」（上午 6 點、下午 5:30）
time-of-day = { $period ->
        [am] 上午
       *[pm] 下午
    } { $oclock ->
        [yes] { $hour12 } 點
       *[no] { $hour12 }:{ $minute }
    }

## 資源

resources-caption = 支援資源
resource-column = 資源
description-column = 說明
# Variables:
#   $tiers (String) - 此資源所限定的方案名稱
resource-tiers = 僅限{ $tiers }
# 顯示在資源連結之後：此資源唯一已知的網址通往其他語言的頁面 (連結帶有 hreflang)。
# Variables:
#   $language (String) - 該頁面語言的代碼 (fr、zh-TW…)
resource-address-language = { $language ->
        [fr] （法文）
        [zh-TW] （中文）
       *[any] （其他語言）
    }

## 支援管道


## 首頁

home-tiers-heading = 選擇適合您的支援
# 首頁上方案卡片底部的連結。
# Variables:
#   $tier (String) - 方案名稱
tier-card-link = 了解{ $tier }包含哪些服務

## 方案頁面

tier-paid = 付費方案
tier-included-with-licence = 已包含在您的授權中
tier-highlights-heading = 特色
# Variables:
#   $tier (String) - 方案名稱
tier-includes-heading = { $tier }包含的服務
# Variables:
#   $tier (String) - 方案名稱
#   $previous (String) - 上一個較低方案的名稱
tier-adds-heading = { $tier }比{ $previous }多了哪些服務
# 列出較低方案有、但本方案沒有 (或數量較少) 的項目時使用的標題。
# Variables:
#   $tier (String) - 方案名稱
#   $previous (String) - 上一個較低方案的名稱
tier-drops-heading = { $previous }有、但{ $tier }未包含的服務
# 當本方案包含較低方案的所有服務時，顯示在 tier-drops-heading 下方。
# Variables:
#   $tier (String) - 方案名稱
#   $previous (String) - 上一個較低方案的名稱
tier-drops-none = 沒有：{ $previous }的所有服務，{ $tier }都包含。
tier-response-heading = 服務層級目標：最初回應
tier-comparison-heading = 與其他方案比較
tier-channels-heading = 所有方案共用的管道

## 地區

regions-heading = 地區支援範圍與當地服務時間
region-column = 地區
hours-column = 營業時間

## 區段頁面

section-pages-heading = 本節內容
# 章節的頁面清單分成多個編號頁面；這是頁碼連結清單的名稱。
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

# 當原文頁面在翻譯後有所變更時，顯示在譯文頁面頂端。
# Variables:
#   $language (String) - 原文語言以其本身文字書寫的名稱（English…）
outdated-notice = 此譯文可能已過時：原文頁面（{ $language }）在翻譯後已有變更。
# 顯示在草稿頁面（`draft: true`）頂端；只有 `polydocs serve` 與 `build --drafts` 會發布草稿。
draft-notice = 草稿：此頁面尚未發布。

# 功能與方案所獲得的內容，用於「方案新增項目」清單。
# Variables:
#   $feature (String) - 功能名稱
#   $value (String) - 數量或涵蓋時段（「6」、「24x5」）
feature-with-value = { $feature }：{ $value }
# 兩個方案都有、但數量不同的功能，用於「方案新增項目」與「未包含項目」清單。
# Variables:
#   $feature (String) - 功能名稱
#   $value (String) - 本方案的數量或涵蓋時段（「10」、「24x5」）
#   $other (String) - 較低方案的數量或涵蓋時段（「6」、「營業時間」）
#   $tier (String) - 較低方案的名稱
feature-value-compared = { $feature }：{ $value }（{ $tier }：{ $other }）
# 頁面中表格外捲動區域的無障礙名稱。
table-label = 表格
# 提示框的標籤：頁面中的 GitHub 提示（`> [!NOTE]` 等）。
callout-note = 備註
callout-tip = 提示
callout-important = 重要
callout-warning = 警告
callout-caution = 注意

## 搜尋（僅在指令碼執行時顯示）

# 搜尋欄位的無障礙名稱。
search-label = 搜尋本網站
search-placeholder = 搜尋
# 搜尋結果清單的無障礙名稱。
search-results-label = 搜尋結果
# 後面接著找到的頁面數。
search-found = 找到的頁面：
search-none = 沒有符合此搜尋的頁面。
search-failed = 目前無法使用搜尋。
search-more = 顯示更多結果

# 「本頁內容」：長頁面的目錄，位於內文旁（手機上收合於內文上方）。
toc-label = 本頁內容
# 連往本節中前一頁與後一頁的連結。
pager-label = 本節其他頁面
pager-previous = 上一篇
pager-next = 下一篇
# 連往網站儲存庫中本頁原始檔的連結。
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
