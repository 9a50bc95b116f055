### Textos de la interfaz del sitio: navegación, búsqueda, listas de secciones y la página 404.
### El tema usa cada uno de los mensajes siguientes; las páginas del sitio están en content/.

## Sitio y navegación

site-title = Documentación
site-description = Guías para empezar y para sacar adelante cada tarea.
skip-link = Ir al contenido principal
nav-label = Navegación principal
# The button that opens the main navigation on narrow screens (phones); hidden on wide ones.
nav-menu = Menú
language-switcher-label = Idioma
breadcrumb-label = Ruta de navegación
section-nav-label = En esta sección
footer-note = Este sitio está disponible en varios idiomas.
# Nombre accesible de la zona desplazable que rodea una tabla escrita en el Markdown de una página.
table-label = Tabla
# La etiqueta de un aviso: una alerta de GitHub en una página (`> [!NOTE]`, …).
callout-note = Nota
callout-tip = Consejo
callout-important = Importante
callout-warning = Advertencia
callout-caution = Precaución

## Avisos

# Se muestra arriba de una página que no existe en el idioma del lector.
# Variables:
#   $language (String) - el nombre del idioma en ese idioma (English, Français, ...)
fallback-notice = Esta página aún no está traducida; se muestra en su idioma original ({ $language }).
# Se muestra arriba de una página traducida cuyo original cambió después de la traducción.
# Variables:
#   $language (String) - el nombre del idioma de origen en ese idioma (English, ...)
outdated-notice = Puede que esta traducción no esté al día: la página original ({ $language }) cambió después de traducirse.
# Se muestra arriba de una página en borrador (`draft: true`), que solo publican `polydocs serve` y `build --drafts`.
draft-notice = Borrador: esta página aún no está publicada.

## Páginas de sección

section-pages-heading = En esta sección
# La lista de páginas de una sección se reparte en páginas numeradas; esto nombra la lista de enlaces.
# Variables:
#   $current (Number) - el número de la página mostrada
#   $total (Number) - cuántas páginas tiene la lista
pagination-label = Página { $current } de { $total } de esta lista
pagination-previous = Página anterior
pagination-next = Página siguiente
# Última entrada de la navegación lateral cuando solo caben algunas páginas de una sección grande.
# Variables:
#   $count (Number) - cuántas páginas tiene la sección
section-nav-all-pages = { $count ->
    [one] La página de la sección
   *[other] Las { $count } páginas de esta sección
}

## Página no encontrada

not-found-title = Página no encontrada
not-found-text = La página que busca no existe o se ha movido.
not-found-home-link = Ir a la página de inicio

## Página raíz

language-chooser-title = Elija un idioma

## Búsqueda (solo se muestra cuando se ejecutan los scripts)

# Nombre accesible del cuadro de búsqueda.
search-label = Buscar en este sitio
search-placeholder = Buscar
# Nombre accesible de la lista de resultados.
search-results-label = Resultados de la búsqueda
# Seguido del número de páginas encontradas.
search-found = Páginas encontradas:
search-none = Ninguna página coincide con esta búsqueda.
search-failed = La búsqueda no está disponible en este momento.
search-more = Mostrar más resultados

## Páginas de documentación

# «En esta página»: el índice de una página larga, junto al texto (plegado encima en los teléfonos).
toc-label = En esta página
# Los enlaces a las páginas anterior y siguiente de esta sección.
pager-label = Más en esta sección
pager-previous = Anterior
pager-next = Siguiente
# El enlace al archivo fuente de la página en el repositorio del sitio (cuando site.yaml define edit_url).
edit-page = Editar esta página
# El mismo enlace en una página mostrada sin traducir, en su idioma original: abre el original.
edit-page-fallback = Editar el texto original de esta página ({ $language })

heading-link-label = Enlace a esta sección:
code-copy = Copiar
code-copied = Copiado
scheme-label = Esquema de colores
scheme-auto = Automático
scheme-light = Claro
scheme-dark = Oscuro
