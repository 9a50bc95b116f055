### Interface strings for the English site: navigation, table captions and
### headers, coverage windows and durations, page headings and the 404 page.

## Site and navigation

site-title = Support plans
site-description = Compare the four support tiers, their initial response targets, channels, resources and regional hours.
skip-link = Skip to main content
nav-label = Main navigation
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menu
language-switcher-label = Language
breadcrumb-label = Breadcrumb
section-nav-label = In this section
footer-note = This site is available in several languages.

# Shown at the top of a page that is not available in the reader's language.
# Variables:
#   $language (String) - the language's name in itself (English, Français, ...)
fallback-notice = This page has not been translated yet; it is shown in its original language ({ $language }).

## Comparison table

value-included = Included
value-not-included = Not included
comparison-caption = What each tier includes
comparison-feature-column = Feature
# Added in parentheses after the tier name in the column header of the tier being viewed.
comparison-current-tier = this tier

## Coverage windows and durations

# Variables:
#   $count (Number) - the number of the duration this window goes with (not used in English)
coverage-24x7 = 24x7
# Variables:
#   $count (Number) - the number of the duration this window goes with (not used in English)
coverage-24x5 = 24x5
# Variables:
#   $count (Number) - the number of the duration this window goes with (not used in English)
coverage-business-hours = Business hours
# Variables:
#   $count (Number) - the number of the duration this window goes with (not used in English)
coverage-business-days = Business days
# Variables:
#   $count (Number) - number of minutes
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# Variables:
#   $count (Number) - number of hours
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
# Variables:
#   $count (Number) - number of days
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## Response targets

# One cell of the response-target table, e.g. "24x7 / 1 hour".
# Variables:
#   $coverage (String) - the coverage window, e.g. "Business hours"
#   $duration (String) - the formatted duration, e.g. "4 hours"
response-target = { $coverage } / { $duration }
sla-caption = Initial response targets by priority and tier
sla-priority-column = Priority

## Regional hours

hours-caption = Local business hours by region
# Variables:
#   $opens (String) - opening time, already formatted
#   $closes (String) - closing time, already formatted
hours-range = { $opens } – { $closes }

## Resources

resources-caption = Support resources
resource-column = Resource
description-column = Description
# Variables:
#   $tiers (String) - names of the tiers the resource is limited to
resource-tiers = Only for { $tiers }
# After the link of a resource whose only known address leads to a page in another language
# (the link carries hreflang).
# Variables:
#   $language (String) - the site code of that page's language (fr, zh-TW, ...)
resource-address-language = ({ $language ->
        [fr] in French
        [zh-TW] in Chinese
       *[any] in another language
    })

## Channels


## Home page

home-tiers-heading = Choose the support that fits
# Link at the bottom of a tier card on the home page.
# Variables:
#   $tier (String) - name of the tier
tier-card-link = What { $tier } includes

## Tier pages

tier-paid = Paid tier
tier-included-with-licence = Included with your licence
tier-highlights-heading = Highlights
# Variables:
#   $tier (String) - name of the tier
tier-includes-heading = What { $tier } includes
# Variables:
#   $tier (String) - name of the tier
#   $previous (String) - name of the tier just below it
tier-adds-heading = What { $tier } adds to { $previous }
# Heads the list of what the tier just below has and this tier does not (or has less of).
# Variables:
#   $tier (String) - name of the tier
#   $previous (String) - name of the tier just below it
tier-drops-heading = What { $tier } does not include from { $previous }
# Shown under tier-drops-heading when the tier has everything the tier below it has.
# Variables:
#   $tier (String) - name of the tier
#   $previous (String) - name of the tier just below it
tier-drops-none = Nothing: { $tier } includes everything { $previous } does.
tier-response-heading = Initial response targets
tier-comparison-heading = Compared with the other tiers
tier-channels-heading = Channels for every tier

## Regions

regions-heading = Regional coverage and local hours
region-column = Region
hours-column = Business hours

## Section pages

section-pages-heading = In this section
# A section's list of pages is spread over numbered pages; this names the list of page links.
# Variables:
#   $current (Number) - the number of the page shown
#   $total (Number) - how many pages the list has
pagination-label = Page { $current } of { $total } of this list
pagination-previous = Previous page
pagination-next = Next page
# The last entry of the side navigation when only some pages of a large section fit in it.
# Variables:
#   $count (Number) - how many pages the section has
section-nav-all-pages = { $count ->
    [one] The section's page
   *[other] All { $count } pages of this section
}

## Page not found

not-found-title = Page not found
not-found-text = The page you asked for does not exist or has moved.
not-found-home-link = Go to the home page

## Root page

language-chooser-title = Choose a language

# Shown at the top of a translated page whose source page has changed since it was translated.
# Variables:
#   $language (String) - the source language's name in itself (English, ...)
outdated-notice = This translation may be out of date: the original page ({ $language }) has changed since it was translated.
# Shown at the top of a draft page (`draft: true`), which only `polydocs serve` and `build --drafts` publish.
draft-notice = Draft: this page is not published yet.

# A feature and what a tier gets of it, in the list of what a tier adds.
# Variables:
#   $feature (String) - the feature's name
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
table-label = Table
# The label of a callout: a GitHub alert in a page (`> [!NOTE]`, `> [!TIP]`, ...).
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution

## Search (shown only when scripts run)

# The accessible name of the search box.
search-label = Search this site
search-placeholder = Search
# The accessible name of the list of results.
search-results-label = Search results
# Followed by the number of pages found.
search-found = Pages found:
search-none = No page matches this search.
search-failed = Search is not available right now.
# The button after the results shown, which shows ten more.
search-more = Show more results

# "On this page": the contents of a long page, beside its text (folded above it on phones).
toc-label = On this page
# The links to the pages before and after this one in its section.
pager-label = More in this section
pager-previous = Previous
pager-next = Next
# The link to the page's source file in the site's repository.
edit-page = Edit this page
# The same link on a page shown untranslated, in its original language: it opens the original.
edit-page-fallback = Edit the original text of this page ({ $language })

## Reading aids (the switch and the copy button are shown only when scripts run)

# Before a heading's text in the name of the link to its section (beside each heading,
# shown on hover and focus), e.g. "Link to this section: Installing".
heading-link-label = Link to this section:
# The button on a code block that copies its code, and what it says (and is announced) once done.
code-copy = Copy
code-copied = Copied
# The switch between colour schemes in the header: its accessible name and its three choices
# (auto follows the system's setting).
scheme-label = Colour scheme
scheme-auto = Auto
scheme-light = Light
scheme-dark = Dark
