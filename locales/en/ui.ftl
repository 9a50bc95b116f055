### Interface strings for the English site: navigation, table captions and
### headers, coverage windows and durations, page headings and the 404 page.

## Site and navigation

# The site's name: the brand link at the left of the header on every page, the end of each
# page's browser-tab title ("Compare tiers · Support plans"), the title of the home page and
# the language-chooser page (the site's root). Short, a name rather than a sentence.
site-title = Support plans
# The page description for search engines and link previews (<meta name="description"> and
# og:description) of any page that has no description of its own; not shown on the page.
# One sentence.
site-description = Compare the four support tiers, their initial response targets, channels, resources and regional hours.
# The first link of every page, hidden until focused with the keyboard (Tab): it jumps past
# the header to the page's text. A short imperative.
skip-link = Skip to main content
# The accessible name of the header's list of links to the site's main pages; read by screen
# readers only (aria-label), never shown. A short label.
nav-label = Main navigation
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
# One short word: it sits in the header.
nav-menu = Menu
# The accessible name of the list of languages in the header (English, Français, 繁體中文);
# read by screen readers only, never shown. A short label.
language-switcher-label = Language
# The accessible name of the trail of links above a page's text (Support plans ›
# Business support); read by screen readers only, never shown. A short label.
breadcrumb-label = Breadcrumb
# The navigation between the pages of a section (the documentation pages): the title of
# the fold shown above the text on phones (click to open), and the accessible name of the
# list shown beside the text on wide screens. A short label.
section-nav-label = In this section
# The one line of the footer, at the bottom of every page. A sentence.
footer-note = This site is available in several languages.

# Shown at the top of a page that is not available in the reader's language.
# Variables:
#   $language (String) - the language's name in itself (English, Français, ...)
fallback-notice = This page has not been translated yet; it is shown in its original language ({ $language }).

## Comparison table

# The text of a cell of the comparison table (Compare tiers page and each tier page) where
# a tier has the feature: drawn as a check mark, the word is read by screen readers only.
# A short label; also the spoken value, not a sentence.
value-included = Included
# The text of a cell of the comparison table where a tier does not have the feature: drawn
# as a dash, the words are read by screen readers only. A short label.
value-not-included = Not included
# The title shown above the comparison table, on the Compare tiers page and on each tier
# page. A short heading, no full stop.
comparison-caption = What each tier includes
# The header of the comparison table's first column (the feature names), beside the tier
# names. One or two words: the column is narrow on phones.
comparison-feature-column = Feature
# Added in parentheses after the tier name in the column header of the tier being viewed,
# in the comparison table of a tier page: "Business support (this tier)" (the
# response-target table would show it too on a tier page). Write it without the
# parentheses; keep it short: it is part of a narrow column header.
comparison-current-tier = this tier

## Coverage windows and durations

# A coverage window: when support answers. Shown in the comparison table (Online support
# row: "Business hours") and above the duration in each cell of the response-target table
# and in a tier page's list of targets ("24x7 / 1 hour"). A short label.
# Variables:
#   $count (Number) - the amount of the duration this window goes with in response targets
#     (4 for "4 hours"); 1 in the comparison table. Not used in English; a language may
#     use it to agree with the duration.
coverage-24x7 = 24x7
# A coverage window (24 hours a day, 5 days a week); see coverage-24x7 for where it is shown.
# Variables:
#   $count (Number) - the amount of the duration this window goes with in response targets
#     (30 for "30 minutes"); 1 in the comparison table. Not used in English.
coverage-24x5 = 24x5
# A coverage window (during the region's business hours; see the Regional hours page); see
# coverage-24x7 for where it is shown. A short label.
# Variables:
#   $count (Number) - the amount of the duration this window goes with in response targets
#     (4 for "4 hours"); 1 in the comparison table. Not used in English.
coverage-business-hours = Business hours
# A coverage window (working days, counted in days); see coverage-24x7 for where it is
# shown. A short label.
# Variables:
#   $count (Number) - the amount of the duration this window goes with in response targets
#     (3 for "3 days"); 1 in the comparison table. Not used in English.
coverage-business-days = Business days
# How long until a first response, in the response-target table and in a tier page's list
# of targets ("15 minutes"). Plural categories: one, other (use your language's own).
# Variables:
#   $count (Number) - number of minutes (15, 30)
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# How long until a first response, in the response-target table and in a tier page's list
# of targets ("1 hour", "4 hours"). Plural categories: one, other (use your language's own).
# Variables:
#   $count (Number) - number of hours (1, 2, 4, 6)
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
# How long until a first response, in the response-target table and in a tier page's list
# of targets ("1 day", "3 days"). Plural categories: one, other (use your language's own).
# Variables:
#   $count (Number) - number of days (1, 3)
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## Response targets

# One item of a tier page's list of initial response targets, after the priority
# ("Priority 1  24x7 / 1 hour"). The response-target table shows the two parts on two
# lines without this message.
# Variables:
#   $coverage (String) - the coverage window, e.g. "Business hours"
#   $duration (String) - the formatted duration, e.g. "4 hours"
response-target = { $coverage } / { $duration }
# The title shown above the response-target table (Initial response targets page): one row
# per priority, one column per tier. A short heading, no full stop.
sla-caption = Initial response targets by priority and tier
# The header of the response-target table's first column (Priority 1 ... Priority 4 and
# their descriptions), beside the tier names. One or two words.
sla-priority-column = Priority

## Regional hours

# The title shown above the table of regions and their business hours (Regional hours
# page). A short heading, no full stop.
hours-caption = Local business hours by region
# The business hours of a region, in the second column of the hours table (Regional hours
# page): "6:00 AM – 5:30 PM". Keep the two times in the order a reader of your language
# expects; the dash may be any separator your language uses for a range.
# Variables:
#   $opens (String) - opening time, already formatted in your language ("6:00 AM")
#   $closes (String) - closing time, already formatted in your language ("5:30 PM")
hours-range = { $opens } – { $closes }

## Resources

# The title shown above the table of resources (Resources page). A short heading, no full
# stop.
resources-caption = Support resources
# The header of the resources table's first column (the resource names, most of them
# links). One or two words.
resource-column = Resource
# The header of the resources table's second column (a paragraph about each resource).
# One or two words.
description-column = Description
# After a resource's description, in the resources table, when the resource is limited to
# some tiers. No shipped resource is limited today, so the text is not seen yet.
# Variables:
#   $tiers (String) - names of the tiers the resource is limited to, already joined as a
#     list in your language ("Enterprise support and Elite support")
resource-tiers = Only for { $tiers }
# After the link of a resource whose only known address leads to a page in another language
# (the link carries hreflang), in the resources table: "Experience League (in French)".
# Keep the parentheses (or your language's); one selector case per site language.
# Variables:
#   $language (String) - the site code of that page's language (fr, zh-TW, ...)
resource-address-language = ({ $language ->
        [fr] in French
        [zh-TW] in Chinese
       *[any] in another language
    })

## Channels


## Home page

# The heading above the tier cards on the home page. A short heading, no full stop.
home-tiers-heading = Choose the support that fits
# Link at the bottom of a tier card on the home page.
# Variables:
#   $tier (String) - name of the tier ("Business support")
tier-card-link = What { $tier } includes

## Tier pages

# The kind of a paid tier: a short line under the tier's name on its home page card and
# under the title of its tier page. A short label.
tier-paid = Paid tier
# The kind of the tier that comes with the product licence (Online support): a short line
# under the tier's name on its home page card and under the title of its tier page.
tier-included-with-licence = Included with your licence
# The heading of the Business support page's section of highlights (title and paragraph
# each). A short heading.
tier-highlights-heading = Highlights
# The heading of the list of what the first tier (Online support) includes, on its tier page.
# Variables:
#   $tier (String) - name of the tier ("Online support")
tier-includes-heading = What { $tier } includes
# The heading of the list of what a tier has that the tier just below it does not (or has
# more of), on its tier page: "What Business support adds to Online support".
# Variables:
#   $tier (String) - name of the tier ("Business support")
#   $previous (String) - name of the tier just below it ("Online support")
tier-adds-heading = What { $tier } adds to { $previous }
# Heads the list of what the tier just below has and this tier does not (or has less of).
# Variables:
#   $tier (String) - name of the tier ("Enterprise support")
#   $previous (String) - name of the tier just below it ("Business support")
tier-drops-heading = What { $tier } does not include from { $previous }
# Shown under tier-drops-heading when the tier has everything the tier below it has.
# A sentence.
# Variables:
#   $tier (String) - name of the tier ("Elite support")
#   $previous (String) - name of the tier just below it ("Enterprise support")
tier-drops-none = Nothing: { $tier } includes everything { $previous } does.
# The heading of a tier page's list of response targets (one line per priority:
# "Priority 1  24x7 / 1 hour"). A short heading.
tier-response-heading = Initial response targets
# The heading above the comparison table on a tier page. A short heading.
tier-comparison-heading = Compared with the other tiers
# The heading of a tier page's list of support channels (name and kind of each, e.g.
# "Community forums  Online forums"). A short heading.
tier-channels-heading = Channels for every tier

## Regions

# The heading on the Regional hours page above the introduction and the hours table.
# A short heading.
regions-heading = Regional coverage and local hours
# The header of the hours table's first column (the region names). One or two words.
region-column = Region
# The header of the hours table's second column ("6:00 AM – 5:30 PM"). One or two words.
hours-column = Business hours

## Section pages

# The heading above the list of a section's pages, under the text of the section's page
# (the documentation's first page). A short heading.
section-pages-heading = In this section
# A section's list of pages is spread over numbered pages; this names the list of page links.
# Read by screen readers only (aria-label), never shown.
# Variables:
#   $current (Number) - the number of the page shown (2)
#   $total (Number) - how many pages the list has (5)
pagination-label = Page { $current } of { $total } of this list
# The link to the previous numbered page of a section's list of pages, before the page
# numbers. Short: it sits on one line with them.
pagination-previous = Previous page
# The link to the next numbered page of a section's list of pages, after the page numbers.
# Short: it sits on one line with them.
pagination-next = Next page
# The last entry of the side navigation when only some pages of a large section fit in it.
# Variables:
#   $count (Number) - how many pages the section has (48)
section-nav-all-pages = { $count ->
    [one] The section's page
   *[other] All { $count } pages of this section
}

## Page not found

# The heading of the page shown for an address that does not exist (404 page), and the
# start of its browser-tab title ("Page not found · Support plans"). A short heading.
not-found-title = Page not found
# The sentence under the heading of the 404 page.
not-found-text = The page you asked for does not exist or has moved.
# The link under that sentence on the 404 page, to the home page in the reader's language.
not-found-home-link = Go to the home page

## Root page

# The heading of the language-chooser page at the site's root address (a script sends a
# visitor whose browser prefers one of the site's languages on to it; the others stay):
# every language's text is shown side by side, separated by " · ". A short imperative.
language-chooser-title = Choose a language

# Shown at the top of a translated page whose source page has changed since it was translated.
# Variables:
#   $language (String) - the source language's name in itself (English, ...)
outdated-notice = This translation may be out of date: the original page ({ $language }) has changed since it was translated.
# Shown at the top of a draft page (`draft: true`), which only `polydocs serve` and `build --drafts` publish.
# Visitors of the published site never see it. A sentence.
draft-notice = Draft: this page is not published yet.

# A feature and what a tier gets of it, in the list of what a tier adds.
# Variables:
#   $feature (String) - the feature's name ("Named support contacts (per product)")
#   $value (String) - the count or coverage ("6", "24x5")
feature-with-value = { $feature }: { $value }
# A feature both tiers have, in different amounts, in the lists of what a tier adds to the
# tier below it or does not include from it.
# Variables:
#   $feature (String) - the feature's name
#   $value (String) - what this tier gets ("10", "24x5")
#   $other (String) - what the tier below gets ("6", "Business hours")
#   $tier (String) - name of the tier below
feature-value-compared = { $feature }: { $value } ({ $tier }: { $other })
# The accessible name of the scrolling area around a table written in a page's Markdown.
# Read by screen readers only, never shown. One word.
table-label = Table
# The label of a callout: a GitHub alert in a page (`> [!NOTE]`, `> [!TIP]`, ...).
# Shown with an icon as the first line of the box. One word.
callout-note = Note
# The label of a tip callout (`> [!TIP]`), the first line of its box. One word.
callout-tip = Tip
# The label of an important callout (`> [!IMPORTANT]`), the first line of its box. One word.
callout-important = Important
# The label of a warning callout (`> [!WARNING]`), the first line of its box. One word.
callout-warning = Warning
# The label of a caution callout (`> [!CAUTION]`), the first line of its box. One word.
callout-caution = Caution

## Search (shown only when scripts run)

# The accessible name of the search box.
search-label = Search this site
# The grey hint inside the empty search box in the header. One short word: the box is narrow.
search-placeholder = Search
# The accessible name of the list of results.
search-results-label = Search results
# Followed by the number of pages found.
# The script adds a space and the number after it ("Pages found: 12"), under the search
# box; write text that reads well before a bare number.
search-found = Pages found:
# Under the search box when no page matches what was typed. A sentence.
search-none = No page matches this search.
# Under the search box when a search fails (its index cannot be loaded). A sentence.
search-failed = Search is not available right now.
# The button after the results shown, which shows ten more.
search-more = Show more results

# "On this page": the contents of a long page, beside its text (folded above it on phones).
toc-label = On this page
# The links to the pages before and after this one in its section.
# Read by screen readers only (aria-label), never shown.
pager-label = More in this section
# Above the title of the previous page, in its link at the bottom of a documentation page.
# One short word.
pager-previous = Previous
# Above the title of the next page, in its link at the bottom of a documentation page.
# One short word.
pager-next = Next
# The link to the page's source file in the site's repository.
edit-page = Edit this page
# The same link on a page shown untranslated, in its original language: it opens the original.
# Variables:
#   $language (String) - the name in itself of the language of the file the link opens
#     (English, ...)
edit-page-fallback = Edit the original text of this page ({ $language })

## Reading aids (the switch and the copy button are shown only when scripts run)

# Before a heading's text in the name of the link to its section (beside each heading,
# shown on hover and focus), e.g. "Link to this section: Installing".
heading-link-label = Link to this section:
# The button on a code block that copies its code, and what it says (and is announced) once done.
# One short word each: the button sits in the block's corner.
code-copy = Copy
# What the copy button of a code block says (and screen readers announce) once its code is
# copied. One short word.
code-copied = Copied
# The switch between colour schemes in the header: its accessible name and its three choices
# (auto follows the system's setting).
scheme-label = Colour scheme
# The choice of the colour scheme switch that follows the system's setting. One short word.
scheme-auto = Auto
# The light choice of the colour scheme switch in the header. One short word.
scheme-light = Light
# The dark choice of the colour scheme switch in the header. One short word.
scheme-dark = Dark
