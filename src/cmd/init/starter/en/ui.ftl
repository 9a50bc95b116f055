### Interface strings of the site: navigation, search, section lists and the 404 page.
### The theme uses every message below; the site's pages are under content/.

## Site and navigation

site-title = Documentation
site-description = Guides to get started and to get things done.
skip-link = Skip to main content
nav-label = Main navigation
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menu
language-switcher-label = Language
breadcrumb-label = Breadcrumb
section-nav-label = In this section
footer-note = This site is available in several languages.
# The accessible name of the scrolling area around a table written in a page's Markdown.
table-label = Table
# The label of a callout: a GitHub alert in a page (`> [!NOTE]`, `> [!TIP]`, ...).
callout-note = Note
callout-tip = Tip
callout-important = Important
callout-warning = Warning
callout-caution = Caution

## Notices

# Shown at the top of a page that is not available in the reader's language.
# Variables:
#   $language (String) - the language's name in itself (English, Français, ...)
fallback-notice = This page has not been translated yet; it is shown in its original language ({ $language }).
# Shown at the top of a translated page whose source page has changed since it was translated.
# Variables:
#   $language (String) - the source language's name in itself (English, ...)
outdated-notice = This translation may be out of date: the original page ({ $language }) has changed since it was translated.
# Shown at the top of a draft page (`draft: true`), which only `polydocs serve` and `build --drafts` publish.
draft-notice = Draft: this page is not published yet.

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

## Documentation pages

# "On this page": the contents of a long page, beside its text (folded above it on phones).
toc-label = On this page
# The links to the pages before and after this one in its section.
pager-label = More in this section
pager-previous = Previous
pager-next = Next
# The link to the page's source file in the site's repository (when site.yaml sets edit_url).
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
