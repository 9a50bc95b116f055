//! The default theme, carried inside the binary: the repository's `templates/` and
//! `static/`, listed by `build.rs` when polydocs is compiled.
//!
//! An installed `polydocs` then builds a site that has no theme of its own, as Hugo and Zola
//! do: a site file of the same name (`templates/page.html`, `static/style.css`) replaces the
//! theme's file, one file at a time, and every file the site does not write comes from here.

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

/// How a theme template is named in messages: it is no file of the site, so the name says
/// where it comes from (`theme:templates/base.html`); writing `templates/base.html` in the
/// site replaces it.
pub(crate) fn display(name: &str) -> String {
    format!("theme:templates/{name}")
}

/// The theme's static file published at `path` (`static/style.css`), if any.
#[cfg(test)]
pub(crate) fn static_file(path: &str) -> Option<&'static [u8]> {
    THEME_STATIC
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_is_the_repository_templates_and_static_folders() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let base = THEME_TEMPLATES.iter().find(|(n, _)| *n == "base.html");
        assert_eq!(
            base.map(|(_, t)| *t),
            Some(
                std::fs::read_to_string(root.join("templates/base.html"))
                    .unwrap()
                    .as_str()
            )
        );
        assert!(
            THEME_TEMPLATES
                .iter()
                .any(|(n, _)| n.starts_with("partials/"))
        );
        assert_eq!(
            static_file("static/style.css"),
            Some(
                std::fs::read(root.join("static/style.css"))
                    .unwrap()
                    .as_slice()
            )
        );
        let on_disk = walkdir::WalkDir::new(root.join("static"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .count();
        assert_eq!(THEME_STATIC.len(), on_disk);
    }
}
