//! Tera templates: `templates/**/*.html`, parsed once for the whole build.
//!
//! Template errors come back from Tera with a span; they are turned into the same positioned
//! diagnostics as every other input error. Each template is also parsed on its own when the
//! set fails, so that all syntax errors of a run are reported, not only the first.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::source::{Position, SourceFile, display_path};

/// The template sources, keyed by their name relative to `templates/` (`partials/nav.html`).
pub struct TemplateSources {
    pub files: Vec<(String, SourceFile)>,
}

impl TemplateSources {
    pub fn load(root: &Path) -> (TemplateSources, Vec<Diagnostic>) {
        let dir = root.join("templates");
        let mut diags = Vec::new();
        let (paths, walk_diags) = crate::source::walk(root, &dir, &["html", "xml"]);
        diags.extend(walk_diags);
        let mut files = Vec::new();
        for path in paths {
            match SourceFile::read(root, &path) {
                Ok(src) => files.push((display_path(&dir, &path), src)),
                Err(d) => diags.push(*d),
            }
        }
        if files.is_empty() {
            diags.push(
                Diagnostic::error("no-templates", "no templates found in templates/").hint(
                    "add the site's Tera templates (base.html, page.html, ...) under templates/",
                ),
            );
        }
        (TemplateSources { files }, diags)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.files.iter().any(|(n, _)| n == name)
    }

    pub fn source(&self, name: &str) -> Option<&SourceFile> {
        self.files.iter().find(|(n, _)| n == name).map(|(_, s)| s)
    }

    /// Compiles every template into one Tera instance. `setup` registers the functions
    /// and filters the templates use: Tera checks they exist while compiling.
    pub fn compile(&self, setup: &dyn Fn(&mut tera::Tera)) -> Result<tera::Tera, Vec<Diagnostic>> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        setup(&mut tera);
        let all = self
            .files
            .iter()
            .map(|(name, src)| (name.as_str(), src.text.as_str()));
        match tera.add_raw_templates(all) {
            Ok(()) => Ok(tera),
            Err(whole) => {
                let mut diags = Vec::new();
                for (name, src) in &self.files {
                    let mut alone = tera::Tera::new();
                    setup(&mut alone);
                    if let Err(e) = alone.add_raw_template(name, &src.text)
                        && matches!(e.kind(), tera::ErrorKind::SyntaxError(_))
                    {
                        diags.push(self.diagnostic(&e));
                    }
                }
                if diags.is_empty() {
                    diags.push(self.diagnostic(&whole));
                }
                Err(diags)
            }
        }
    }

    /// A Tera error as a diagnostic pointing into the template source.
    pub fn diagnostic(&self, error: &tera::Error) -> Diagnostic {
        match error.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let code = if matches!(error.kind(), tera::ErrorKind::SyntaxError(_)) {
                    "template-syntax"
                } else {
                    "template-render"
                };
                let d = Diagnostic::error(code, format!("template error: {}", report.message()))
                    .hint("fix the template at this position");
                match self.source(report.filename()) {
                    Some(src) => {
                        let span = report.span();
                        let position = Position {
                            line: span.start_line.max(1),
                            column: span.start_col + 1,
                        };
                        let width = if span.end_line == span.start_line {
                            span.end_col.saturating_sub(span.start_col).max(1)
                        } else {
                            1
                        };
                        d.spanning(src, position, width)
                    }
                    None => d.in_file(&format!("templates/{}", report.filename())),
                }
            }
            tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
                "template-missing-parent",
                format!("template `{current}` extends `{parent}`, which does not exist"),
            )
            .in_file(&format!("templates/{current}"))
            .hint(format!(
                "add templates/{parent} or fix the name in `{{% extends %}}`"
            )),
            tera::ErrorKind::TemplateNotFound(name) => Diagnostic::error(
                "template-not-found",
                format!("template `{name}` does not exist"),
            )
            .hint(format!(
                "add templates/{name} or use the name of an existing template"
            )),
            _ => Diagnostic::error("template", format!("template error: {error}"))
                .hint("fix the templates under templates/"),
        }
    }

    /// Every literal `t(id="...")` call, with where it is, for checking message IDs.
    pub fn message_uses(&self) -> Vec<(String, &SourceFile, Position)> {
        let mut uses = Vec::new();
        for (_, src) in &self.files {
            let text = &src.text;
            let mut from = 0;
            while let Some(found) = text[from..].find("t(id=") {
                let at = from + found;
                from = at + 5;
                if at > 0
                    && text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphanumeric() || c == '_')
                {
                    continue;
                }
                let rest = &text[from..];
                let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                    continue;
                };
                let Some(len) = rest[1..].find(quote) else {
                    continue;
                };
                let id = rest[1..1 + len].to_string();
                uses.push((id, src, src.position(from + 1)));
            }
        }
        uses
    }
}
