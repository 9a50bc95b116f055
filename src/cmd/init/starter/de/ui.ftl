### Texte der Benutzeroberfläche: Navigation, Suche, Abschnittslisten und die 404-Seite.
### Das Theme verwendet jede der folgenden Meldungen; die Seiten der Website liegen unter content/.

## Website und Navigation

site-title = Dokumentation
site-description = Anleitungen für den Einstieg und für die tägliche Arbeit.
skip-link = Zum Hauptinhalt springen
nav-label = Hauptnavigation
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menü
language-switcher-label = Sprache
breadcrumb-label = Brotkrümelnavigation
section-nav-label = In diesem Abschnitt
footer-note = Diese Website ist in mehreren Sprachen verfügbar.
# Der zugängliche Name des scrollbaren Bereichs um eine Tabelle im Markdown einer Seite.
table-label = Tabelle
# Die Überschrift eines Hinweiskastens: eine GitHub-Alert in einer Seite (`> [!NOTE]`, …).
callout-note = Hinweis
callout-tip = Tipp
callout-important = Wichtig
callout-warning = Warnung
callout-caution = Vorsicht

## Hinweise

# Oben auf einer Seite, die es in der Sprache des Lesers nicht gibt.
# Variables:
#   $language (String) - der Name der Sprache in ihr selbst (English, Français, ...)
fallback-notice = Diese Seite ist noch nicht übersetzt; sie wird in ihrer Originalsprache ({ $language }) angezeigt.
# Oben auf einer übersetzten Seite, deren Original sich seit der Übersetzung geändert hat.
# Variables:
#   $language (String) - der Name der Ausgangssprache in ihr selbst (English, ...)
outdated-notice = Diese Übersetzung ist möglicherweise veraltet: Die Originalseite ({ $language }) wurde seit der Übersetzung geändert.
# Oben auf einer Entwurfsseite (`draft: true`), die nur `polydocs serve` und `build --drafts` veröffentlichen.
draft-notice = Entwurf: Diese Seite ist noch nicht veröffentlicht.

## Abschnittsseiten

section-pages-heading = In diesem Abschnitt
# Die Seitenliste eines Abschnitts ist auf nummerierte Seiten verteilt; dies benennt die Liste der Seitenlinks.
# Variables:
#   $current (Number) - die Nummer der angezeigten Seite
#   $total (Number) - wie viele Seiten die Liste hat
pagination-label = Seite { $current } von { $total } dieser Liste
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
# Der letzte Eintrag der Seitennavigation, wenn nur ein Teil der Seiten eines großen Abschnitts hineinpasst.
# Variables:
#   $count (Number) - wie viele Seiten der Abschnitt hat
section-nav-all-pages = { $count ->
    [one] Die Seite des Abschnitts
   *[other] Alle { $count } Seiten dieses Abschnitts
}

## Seite nicht gefunden

not-found-title = Seite nicht gefunden
not-found-text = Die angeforderte Seite existiert nicht oder wurde verschoben.
not-found-home-link = Zur Startseite

## Startseite der Sprachen

language-chooser-title = Sprache wählen

## Suche (nur sichtbar, wenn Skripte laufen)

# Der zugängliche Name des Suchfelds.
search-label = Diese Website durchsuchen
search-placeholder = Suchen
# Der zugängliche Name der Ergebnisliste.
search-results-label = Suchergebnisse
# Gefolgt von der Anzahl gefundener Seiten.
search-found = Gefundene Seiten:
search-none = Keine Seite entspricht dieser Suche.
search-failed = Die Suche ist gerade nicht verfügbar.
search-more = Weitere Ergebnisse anzeigen

## Dokumentationsseiten

# „Auf dieser Seite“: das Inhaltsverzeichnis einer langen Seite neben dem Text (auf Telefonen eingeklappt darüber).
toc-label = Auf dieser Seite
# Die Links zur vorherigen und nächsten Seite dieses Abschnitts.
pager-label = Mehr in diesem Abschnitt
pager-previous = Zurück
pager-next = Weiter
# Der Link zur Quelldatei der Seite im Repository der Website (wenn site.yaml edit_url setzt).
edit-page = Diese Seite bearbeiten
# Derselbe Link auf einer unübersetzt gezeigten Seite, in ihrer Originalsprache: er öffnet das Original.
edit-page-fallback = Den Originaltext dieser Seite bearbeiten ({ $language })

heading-link-label = Link zu diesem Abschnitt:
code-copy = Kopieren
code-copied = Kopiert
scheme-label = Farbschema
scheme-auto = Automatisch
scheme-light = Hell
scheme-dark = Dunkel
