### Textes de l’interface du site : navigation, recherche, listes des sections et page 404.
### Le thème utilise chacun des messages ci-dessous ; les pages du site sont sous content/.

## Site et navigation

site-title = Documentation
site-description = Des guides pour bien démarrer et pour mener chaque tâche à bien.
skip-link = Aller au contenu principal
nav-label = Navigation principale
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menu
language-switcher-label = Langue
breadcrumb-label = Fil d’Ariane
section-nav-label = Dans cette section
footer-note = Ce site est proposé en plusieurs langues.
# Nom accessible de la zone défilante autour d’un tableau écrit dans le Markdown d’une page.
table-label = Tableau
# Le nom d’un encadré : une alerte GitHub dans une page (`> [!NOTE]`, `> [!TIP]`…).
callout-note = Remarque
callout-tip = Astuce
callout-important = Important
callout-warning = Avertissement
callout-caution = Attention

## Avis

# Affiché en haut d’une page qui n’existe pas dans la langue du lecteur.
# Variables:
#   $language (String) - le nom de la langue dans cette langue (English, Français, ...)
fallback-notice = Cette page n’a pas encore été traduite ; elle est affichée dans sa langue d’origine ({ $language }).
# Affiché en haut d’une page traduite dont la page d’origine a changé depuis la traduction.
# Variables:
#   $language (String) - le nom de la langue source dans cette langue (English, ...)
outdated-notice = Cette traduction n’est peut-être plus à jour : la page d’origine ({ $language }) a changé depuis.
# Affiché en haut d’une page brouillon (`draft: true`), que seuls `polydocs serve` et `build --drafts` publient.
draft-notice = Brouillon : cette page n’est pas encore publiée.

## Pages de section

section-pages-heading = Dans cette section
# La liste des pages d’une section est répartie sur des pages numérotées ; ce texte nomme la liste des liens.
# Variables:
#   $current (Number) - le numéro de la page affichée
#   $total (Number) - le nombre de pages de la liste
pagination-label = Page { $current } sur { $total } de cette liste
pagination-previous = Page précédente
pagination-next = Page suivante
# Dernière entrée de la navigation latérale quand seule une partie des pages d’une grande section y tient.
# Variables:
#   $count (Number) - le nombre de pages de la section
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

## Pages de documentation

# « Sur cette page » : le sommaire d’une longue page, à côté du texte (replié au-dessus sur téléphone).
toc-label = Sur cette page
# Les liens vers les pages avant et après celle-ci dans sa section.
pager-label = Suite de cette section
pager-previous = Précédent
pager-next = Suivant
# Le lien vers le fichier source de la page dans le dépôt du site (quand site.yaml fixe edit_url).
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
