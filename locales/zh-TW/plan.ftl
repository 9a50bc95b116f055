### 繁體中文網站的支援方案資料：方案名稱與摘要、比較表標籤、優先順序、
### 支援管道、資源與地區。此處每個 ID 都由 content/*.yaml 引用。

## 支援方案

tier-paid-banner = 付費支援（$）
tier-online = 標準支援
tier-business = 商務支援
tier-enterprise = 企業支援
tier-elite = 菁英支援
tier-online-summary = 提供自助式線上資源與營業時間內的線上支援，並保留有限的電話管道處理優先順序 1 的問題。
tier-business-summary = 在標準支援之外，再加上帳戶支援負責人、即時電話支援，以及針對最緊急案件的向上呈報管理。
tier-enterprise-summary = 提供指定的支援工程師、24x5 線上支援、每年的服務審查與專家諮詢、案件審查，以及現場服務；不包含商務支援的帳戶支援負責人。
tier-elite-summary = 新增技術客戶經理、事件管理、環境審查、維護與監控，以及發行、遷移、升級及產品藍圖審查。

## 商務支援特色

highlight-account-support-lead = 帳戶支援負責人
highlight-account-support-lead-description = 由專人擔任您的帳戶支援負責人，主動追蹤您的案件、促成各團隊合作、舉辦新手上路網路研討會、製作服務報告、協助處理非技術性問題，並在 Adobe 支援團隊內部作為您的向上呈報窗口，替您發聲。
highlight-live-phone-support = 即時電話支援
highlight-live-phone-support-description = 在您所屬地區的支援時段內，可透過電話為任何 P2、P3 或 P4 問題建立支援案件，撥打次數不設上限。您也可以要求支援人員回電、安排會議進行示範，或透過共用的遠端桌面工作階段一起排除問題。
highlight-escalation-management = 向上呈報管理
highlight-escalation-management-description = Adobe 內部會有一位指定聯絡人協助您向上呈報、定期向您更新進度，並確保您最緊急且尚未解決的支援請求獲得優先處理。
highlight-business-services = 業務服務
highlight-business-services-description = 您的帳戶支援負責人會主持一場網路研討會，帶您概覽商務支援所提供的各項服務。

## 比較表：功能群組

group-assigned-experts = 指派的專家
group-support-services = 支援服務
group-field-services = 現場服務

## 比較表：功能

feature-account-support-lead = 帳戶支援負責人
feature-named-support-engineer = 指定的支援工程師
feature-technical-account-manager = 技術客戶經理
feature-online-support = 線上支援
feature-p1-support = 全年無休 P1 問題支援
feature-named-support-contacts = 指定的支援聯絡人（依據產品）
feature-live-phone-support = 即時電話支援
feature-escalation-management = 向上呈報管理
feature-service-reviews = 每年的服務審查
feature-expert-sessions = 每年的專家諮詢
feature-case-reviews = 案件審查
feature-event-management = 事件管理
feature-environment-review = 環境審查、維護與監控
feature-release-review = 發行、遷移、升級及產品藍圖審查
feature-cloud-support-activities = 雲端支援活動 – 雲端形式的 Experience Manager
feature-launch-advisory = 上市諮詢服務 – 新解決方案的第一年
feature-field-service-activities = 現場服務活動

## 優先順序

priority-p1 = 優先順序 1
priority-p1-description = 客戶的生產環境業務功能已經停擺，或出現資料遺失、服務嚴重降級的情況，必須立刻處理，以恢復功能與可用性。
priority-p2 = 優先順序 2
priority-p2-description = 客戶的業務功能出現嚴重的服務降級、可能遺失資料，或有主要功能受到影響。
priority-p3 = 優先順序 3
priority-p3-description = 客戶的業務功能出現輕微的服務降級，但已有解決方法或變通方式，讓業務功能可以照常運作。
priority-p4 = 優先順序 4
priority-p4-description = 關於產品現有功能的一般性問題，或是功能增強的要求。

## 支援管道

channel-community-forums = 社群論壇
channel-community-forums-kind = 線上論壇
channel-community-forums-description = 隨時在線上查閱持續擴充的資料庫，內容涵蓋技術解決方案、產品文件、常見問題等。您也可以和 Adobe 社群的專業人士及其他客戶交流，分享最佳實務與經驗。
channel-office-hours = 諮詢時間
channel-office-hours-kind = 網路研討會
channel-office-hours-description = 「諮詢時間」計劃由 Adobe 客戶支援團隊負責推動。每場研討會都旨在提供資訊、協助參與者排解問題，並分享善用 Adobe Experience Cloud 的訣竅。
channel-experience-league = Experience League
channel-experience-league-kind = 自我引導式旅程
channel-experience-league-description = Experience League 為體驗製作者提供強大助力。客戶可透過個人化學習，培養客戶體驗管理能力、與全球同行社群互動，並贏得職涯上的肯定。
channel-self-help-portal = 自助式入口網站
channel-self-help-portal-kind = 24/7 支援入口網站
channel-self-help-portal-description = 隨需存取線上自助式支援入口網站，提交支援請求、檢閱案件狀態，並瀏覽知識庫、新聞與提醒、特定的提示等其他資源。
channel-live-chat = 即時聊天支援 *
channel-live-chat-kind = 聊天支援
channel-live-chat-description = 開啟聊天工作階段，在提交案件時取得解答與協助。
channel-live-chat-footnote = * 即時聊天支援並未涵蓋所有產品。
channel-phone = 全年無休 P1
channel-phone-kind = 電話支援
channel-phone-description = 授權的使用者或指定的支援聯絡人可以透過任何可用管道回報問題（P1 問題也可使用電話），並代表貴公司與我們的技術支援團隊互動。

## 資源

resource-experience-league = Experience League
resource-experience-league-description = Experience League 是 Adobe 協助企業從 Adobe 投資中獲得預期價值的方式。客戶可以在這個統一的地方學習、彼此交流，並沿著個人化的成功路徑成長；這裡提供自助式教學、產品文件、講師授課的培訓、社群與技術支援。
resource-training = 培訓
resource-training-description = 透過 Experience League 即可進入 Adobe 數位學習服務的課程，其中結合了隨需課程與教師指導的課程。您能在此習得市場認可的技能，並運用這些技能推動組織成功。
resource-status = 生產問題與系統中斷
resource-status-description = Status.adobe.com 會公布多租用戶環境中所有已部署 Adobe 產品和服務的健康狀態。客戶可以設定訂閱偏好，以便在 Adobe 建立、更新或解決產品事件時收到電子郵件通知，例如預定的維護或不同嚴重性等級的服務問題。
resource-business-support-site = 商務支援網站
resource-business-support-site-description = Adobe 商務支援網站。
resource-terms = 條款與條件
resource-terms-description = 說明各項支援服務方案內容的條款與條件。

## 地區

regions-intro = Adobe 支援的所屬地區，是依據客戶的帳單地址（填寫於採購單或其他購買 Adobe 支援的文件上）對應至下列其中一個地區來決定。
regions-global-services = Adobe 全球支援服務（包括 Adobe 產品）提供 24 小時全天候支援。若想進一步了解 Adobe 支援方案以及哪個層級最適合您，歡迎與您指定的帳戶經理（NAM）或客戶成功經理（CSM）聯繫。
region-americas = 美洲
region-emea = 歐洲、中東與非洲
region-apac = 亞太地區
region-japan = 日本
region-note-japan-languages = 語言支援僅提供英文與日文。
region-note-commerce-japanese = Adobe Commerce 不包含日文語言支援。
region-note-japan-business-hours = P2、P3 與 P4 案件僅在日本營業時間內處理。
