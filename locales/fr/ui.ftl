### Textes de l’interface du site en français : navigation, légendes et
### en-têtes de tableaux, plages de couverture et durées, titres de pages
### et page d’erreur 404.

## Site et navigation

site-title = Offres d’assistance
site-description = Comparez les quatre offres d’assistance, leurs cibles du niveau de service, leurs canaux, leurs ressources et les horaires par région.
skip-link = Aller au contenu principal
nav-label = Navigation principale
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menu
language-switcher-label = Langue
breadcrumb-label = Fil d’Ariane
section-nav-label = Dans cette section
footer-note = Ce site est proposé en plusieurs langues.

# Affiché en haut d’une page qui n’existe pas dans la langue du lecteur.
# Variables:
#   $language (String) - nom de la langue d’origine, écrit dans cette langue (English, 繁體中文…)
fallback-notice = Cette page n’a pas encore été traduite ; elle est affichée dans sa langue d’origine ({ $language }).

## Tableau comparatif

value-included = Inclus
value-not-included = Non inclus
comparison-caption = Ce que comprend chaque offre
comparison-feature-column = Fonctionnalité
# Ajouté entre parenthèses après le nom de l’offre, dans l’en-tête de colonne de l’offre consultée.
comparison-current-tier = cette offre

## Plages de couverture et durées

# Variables:
#   $count (Number) - nombre de la durée associée à cette plage (inutilisé ici)
coverage-24x7 = 24x7
# Variables:
#   $count (Number) - nombre de la durée associée à cette plage (inutilisé ici)
coverage-24x5 = 24x5
# Variables:
#   $count (Number) - nombre de la durée associée à cette plage (inutilisé ici)
coverage-business-hours = Heures d’ouverture
# Variables:
#   $count (Number) - nombre de la durée associée à cette plage, qui accorde « jour ouvrable »
coverage-business-days = { $count ->
    [one] Jour ouvrable
   *[other] Jours ouvrables
}
# Variables:
#   $count (Number) - nombre de minutes
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
# Variables:
#   $count (Number) - nombre d’heures
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
# Variables:
#   $count (Number) - nombre de jours
duration-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

## Délais de réponse

# Une cellule du tableau des délais, par exemple « 24x7 / 1 heure ».
# Variables:
#   $coverage (String) - la plage de couverture, par exemple « Heures d’ouverture »
#   $duration (String) - la durée mise en forme, par exemple « 4 heures »
response-target = { $coverage } / { $duration }
sla-caption = Cibles du niveau de service : réponse initiale, par priorité et par offre
sla-priority-column = Priorité

## Horaires régionaux

hours-caption = Heures d’ouverture locales par région
# Variables:
#   $opens (String) - heure d’ouverture, déjà mise en forme
#   $closes (String) - heure de fermeture, déjà mise en forme
hours-range = { $opens } à { $closes }
# Optional: overrides the locale's CLDR time pattern.
# Variables:
#   $hour (Number) - heure de 0 à 23
#   $hour12 (Number) - heure de 1 à 12 (inutilisée en français)
#   $minute (String) - minutes sur deux chiffres
#   $period (String) - « am » ou « pm » (inutilisé en français)
time-of-day = { $hour } h { $minute }

## Ressources

resources-caption = Ressources d’assistance
resource-column = Ressource
description-column = Description
# Variables:
#   $tiers (String) - noms des offres auxquelles la ressource est réservée
resource-tiers = Réservé à : { $tiers }
# Après le lien d’une ressource dont la seule adresse connue mène à une page dans une autre
# langue (le lien porte hreflang).
# Variables:
#   $language (String) - code de la langue de cette page (fr, zh-TW…)
resource-address-language = ({ $language ->
        [fr] en français
        [zh-TW] en chinois
       *[any] dans une autre langue
    })

## Canaux


## Page d’accueil

home-tiers-heading = Choisissez l’assistance qui vous correspond
# Lien en bas de la carte d’une offre sur la page d’accueil.
# Variables:
#   $tier (String) - nom de l’offre
tier-card-link = Ce que comprend l’offre { $tier }

## Pages des offres

tier-paid = Offre payante
tier-included-with-licence = Incluse dans votre licence
tier-highlights-heading = Points forts
# Variables:
#   $tier (String) - nom de l’offre
tier-includes-heading = Ce que comprend l’offre { $tier }
# Variables:
#   $tier (String) - nom de l’offre
#   $previous (String) - nom de l’offre juste en dessous
tier-adds-heading = Ce que l’offre { $tier } ajoute à l’offre { $previous }
# Titre de la liste de ce que comprend l’offre juste en dessous et que cette offre n’a pas
# (ou a en moindre quantité).
# Variables:
#   $tier (String) - nom de l’offre
#   $previous (String) - nom de l’offre juste en dessous
tier-drops-heading = Ce que l’offre { $tier } ne reprend pas de l’offre { $previous }
# Affiché sous tier-drops-heading quand l’offre comprend tout ce que comprend l’offre du dessous.
# Variables:
#   $tier (String) - nom de l’offre
#   $previous (String) - nom de l’offre juste en dessous
tier-drops-none = Rien : l’offre { $tier } comprend tout ce que comprend l’offre { $previous }.
tier-response-heading = Cibles du niveau de service : réponse initiale
tier-comparison-heading = Comparaison avec les autres offres
tier-channels-heading = Canaux communs à toutes les offres

## Régions

regions-heading = Portée régionale de l’assistance Adobe, heures d’ouverture locales et langues
region-column = Région
hours-column = Heures d’ouverture

## Pages de section

section-pages-heading = Dans cette section
# La liste des pages d’une section est répartie sur des pages numérotées ; nom de la liste des liens.
# Variables:
#   $current (Number) - numéro de la page affichée
#   $total (Number) - nombre de pages de la liste
pagination-label = Page { $current } sur { $total } de cette liste
pagination-previous = Page précédente
pagination-next = Page suivante
# Dernière entrée de la navigation latérale quand seule une partie des pages d’une grande section y tient.
# Variables:
#   $count (Number) - nombre de pages de la section
section-nav-all-pages = { $count ->
    [one] La page de la section
   *[other] Les { $count } pages de cette section
}

## Page introuvable

not-found-title = Page introuvable
not-found-text = La page demandée n’existe pas ou a été déplacée.
not-found-home-link = Revenir à la page d’accueil

## Page racine

language-chooser-title = Choisissez une langue

# Affiché en haut d’une page traduite dont la page d’origine a changé depuis la traduction.
# Variables:
#   $language (String) - nom de la langue d’origine, écrit dans cette langue (English…)
outdated-notice = Cette traduction n’est peut-être plus à jour : la page d’origine ({ $language }) a changé depuis.
# Affiché en haut d’une page brouillon (`draft: true`), que seuls `polydocs serve` et `build --drafts` publient.
draft-notice = Brouillon : cette page n’est pas encore publiée.

# Une fonctionnalité et ce qu’une offre en obtient, dans la liste de ce qu’une offre ajoute.
# Variables:
#   $feature (String) - nom de la fonctionnalité
#   $value (String) - le nombre ou la couverture (« 6 », « 24x5 »)
feature-with-value = { $feature } : { $value }
# Une fonctionnalité que les deux offres comprennent en quantités différentes, dans les listes
# de ce qu’une offre ajoute à l’offre du dessous ou n’en reprend pas.
# Variables:
#   $feature (String) - nom de la fonctionnalité
#   $value (String) - ce qu’obtient cette offre (« 10 », « 24x5 »)
#   $other (String) - ce qu’obtient l’offre du dessous (« 6 », « Heures d’ouverture »)
#   $tier (String) - nom de l’offre du dessous
feature-value-compared = { $feature } : { $value } ({ $tier } : { $other })
# Nom accessible de la zone de défilement autour d’un tableau écrit dans une page.
table-label = Tableau
# Le nom d’un encadré : une alerte GitHub dans une page (`> [!NOTE]`, `> [!TIP]`…).
callout-note = Remarque
callout-tip = Astuce
callout-important = Important
callout-warning = Avertissement
callout-caution = Attention

## Recherche (affichée seulement quand les scripts s’exécutent)

# Nom accessible du champ de recherche.
search-label = Rechercher dans le site
search-placeholder = Rechercher
# Nom accessible de la liste des résultats.
search-results-label = Résultats de la recherche
# Suivi du nombre de pages trouvées.
search-found = Pages trouvées :
search-none = Aucune page ne correspond à cette recherche.
search-failed = La recherche n’est pas disponible pour le moment.
search-more = Afficher plus de résultats

# « Sur cette page » : le sommaire d’une longue page, à côté du texte (replié au-dessus sur téléphone).
toc-label = Sur cette page
# Les liens vers les pages avant et après celle-ci dans sa section.
pager-label = Suite de cette section
pager-previous = Précédent
pager-next = Suivant
# Le lien vers le fichier source de la page dans le dépôt du site.
edit-page = Modifier cette page
# Le même lien sur une page affichée non traduite, dans sa langue d’origine : il ouvre l’original.
edit-page-fallback = Modifier le texte d’origine de cette page ({ $language })

heading-link-label = Lien vers cette section :
code-copy = Copier
code-copied = Copié
scheme-label = Thème de couleurs
scheme-auto = Auto
scheme-light = Clair
scheme-dark = Sombre
