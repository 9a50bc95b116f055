### نصوص واجهة الموقع: التنقل والبحث وقوائم الأقسام وصفحة 404.
### يستخدم القالب كل رسالة أدناه؛ أما صفحات الموقع ففي المجلد content/.

## الموقع والتنقل

site-title = التوثيق
site-description = أدلة للبدء ولإنجاز كل مهمة.
skip-link = انتقل إلى المحتوى الرئيسي
nav-label = التنقل الرئيسي
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = القائمة
language-switcher-label = اللغة
breadcrumb-label = مسار التنقل
section-nav-label = في هذا القسم
footer-note = هذا الموقع متاح بعدة لغات.
# الاسم الذي تقرؤه التقنيات المساعدة لمنطقة التمرير المحيطة بجدول مكتوب في Markdown الصفحة.
table-label = جدول
# عنوان التنبيه: تنبيه GitHub في صفحة (`> [!NOTE]`، …).
callout-note = ملاحظة
callout-tip = نصيحة
callout-important = مهم
callout-warning = تحذير
callout-caution = تنبيه

## تنبيهات

# يظهر أعلى صفحة غير متاحة بلغة القارئ.
# Variables:
#   $language (String) - اسم اللغة بلغتها (English، Français، ...)
fallback-notice = لم تُترجم هذه الصفحة بعد؛ وهي معروضة بلغتها الأصلية ({ $language }).
# يظهر أعلى صفحة مترجمة تغيّرت صفحتها الأصلية منذ ترجمتها.
# Variables:
#   $language (String) - اسم لغة المصدر بلغتها (English، ...)
outdated-notice = قد تكون هذه الترجمة قديمة: فقد تغيّرت الصفحة الأصلية ({ $language }) منذ ترجمتها.
# يظهر أعلى صفحة مسودة (`draft: true`) لا تنشرها إلا `polydocs serve` و`build --drafts`.
draft-notice = مسودة: هذه الصفحة لم تُنشر بعد.

## صفحات الأقسام

section-pages-heading = في هذا القسم
# تُوزَّع قائمة صفحات القسم على صفحات مرقّمة؛ وهذا اسم قائمة روابط الصفحات.
# Variables:
#   $current (Number) - رقم الصفحة المعروضة
#   $total (Number) - عدد صفحات القائمة
pagination-label = الصفحة { $current } من { $total } من هذه القائمة
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية
# آخر عنصر في التنقل الجانبي حين لا يتسع إلا لبعض صفحات قسم كبير.
# Variables:
#   $count (Number) - عدد صفحات القسم
section-nav-all-pages = { $count ->
    [zero] لا صفحات في هذا القسم
    [one] صفحة القسم
    [two] صفحتا هذا القسم
    [few] صفحات هذا القسم الـ{ $count }
    [many] صفحات هذا القسم الـ{ $count }
   *[other] صفحات هذا القسم الـ{ $count }
}

## الصفحة غير موجودة

not-found-title = الصفحة غير موجودة
not-found-text = الصفحة التي طلبتها غير موجودة أو نُقلت.
not-found-home-link = انتقل إلى الصفحة الرئيسية

## صفحة اختيار اللغة

language-chooser-title = اختر لغة

## البحث (يظهر فقط عند تشغيل البرامج النصية)

# الاسم الذي تقرؤه التقنيات المساعدة لمربع البحث.
search-label = ابحث في هذا الموقع
search-placeholder = بحث
# الاسم الذي تقرؤه التقنيات المساعدة لقائمة النتائج.
search-results-label = نتائج البحث
# يليه عدد الصفحات التي عُثر عليها.
search-found = الصفحات التي عُثر عليها:
search-none = لا توجد صفحة تطابق هذا البحث.
search-failed = البحث غير متاح حاليًا.
search-more = عرض مزيد من النتائج

## صفحات التوثيق

# «في هذه الصفحة»: فهرس الصفحة الطويلة بجانب نصها (مطويّ فوقه على الهواتف).
toc-label = في هذه الصفحة
# الروابط إلى الصفحتين السابقة والتالية في هذا القسم.
pager-label = المزيد في هذا القسم
pager-previous = السابق
pager-next = التالي
# الرابط إلى الملف المصدر للصفحة في مستودع الموقع (عندما يحدد site.yaml قيمة edit_url).
edit-page = تعديل هذه الصفحة
# الرابط نفسه في صفحة معروضة دون ترجمة بلغتها الأصلية: يفتح الأصل.
edit-page-fallback = تعديل النص الأصلي لهذه الصفحة ({ $language })

heading-link-label = رابط إلى هذا القسم:
code-copy = نسخ
code-copied = تم النسخ
scheme-label = نظام الألوان
scheme-auto = تلقائي
scheme-light = فاتح
scheme-dark = داكن
