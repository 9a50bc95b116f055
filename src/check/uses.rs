//! Where each message ID is used: by plan data, by templates (`t(id="...")`), or by polydocs
//! itself. Gathered once, read by the reference checks (is it defined?), the translation
//! checks (where does a missing translation show?) and the unused-message check.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::Diagnostic;
use crate::index::Index;
use crate::l10n::messages::{self, Need};
use crate::plan::MessageRef;
use crate::site::Site;
use crate::span::{Position, SourceFile};

/// One place a message is used.
pub(crate) enum Use<'a> {
    Data(&'a MessageRef),
    Template(&'a SourceFile, Position),
    /// Formatted by polydocs itself (a duration, a coverage window, a notice).
    Code,
}

impl Use<'_> {
    /// `file:line:col`, or what uses the message.
    pub(crate) fn location(&self) -> String {
        match self {
            Use::Data(r) => format!("{}:{}:{}", r.file, r.position.line, r.position.column),
            Use::Template(src, pos) => format!("{}:{}:{}", src.display, pos.line, pos.column),
            Use::Code => "built-in formatting".into(),
        }
    }

    /// `d` pointing at the use of `id` (a data file is read again only on this error path).
    pub(crate) fn point(&self, site: &Site, id: &str, d: Diagnostic) -> Diagnostic {
        let width = id.chars().count();
        match self {
            Use::Data(r) => {
                match crate::source::SourceFile::read(&site.root, &site.root.join(&r.file)) {
                    Ok(src) => d.spanning(&src, r.position, width),
                    Err(_) => d.in_file(&r.file),
                }
            }
            Use::Template(src, pos) => d.spanning(src, *pos, width),
            Use::Code => d,
        }
    }
}

pub(crate) struct Uses<'a> {
    /// Message ID → where it is required, in the order found.
    pub(crate) required: BTreeMap<&'a str, Vec<Use<'a>>>,
    /// IDs polydocs formats when a language defines them, with a default otherwise.
    pub(crate) optional: BTreeSet<&'static str>,
}

impl<'a> Uses<'a> {
    pub(crate) fn collect(site: &'a Site, index: &Index) -> Uses<'a> {
        let mut required: BTreeMap<&'a str, Vec<Use<'a>>> = BTreeMap::new();
        for r in &site.plan_labels {
            required.entry(&r.id).or_default().push(Use::Data(r));
        }
        for (id, src, pos) in site
            .templates
            .message_uses(&site.pages, site.plan.is_some())
        {
            // `message_uses` hands back owned IDs; the use keeps the template's own text.
            let id = template_id(src, pos, &id);
            required
                .entry(id)
                .or_default()
                .push(Use::Template(src, pos));
        }
        let shown = |l: usize| !site.config.languages[l].pseudo;
        let any_page_fallback = index
            .routes
            .all()
            .any(|(_, r)| r.is_fallback(&site.pages) && shown(r.lang));
        let any_outdated = site.pages.iter().any(|p| {
            index
                .routes
                .get(&p.key, site.config.default)
                .is_some_and(|r| crate::translation::is_outdated(p, &site.pages[r.page]))
        });
        let mut optional = BTreeSet::new();
        for (id, need) in messages::formatted_by_code() {
            let needed = match need {
                Need::WithPlan => site.plan.is_some(),
                Need::WhenAPageFallsBack => any_page_fallback,
                Need::WhenAPageIsOutdated => any_outdated,
                Need::Optional => {
                    optional.insert(id);
                    false
                }
            };
            if needed {
                required.entry(id).or_default().push(Use::Code);
            } else {
                optional.insert(id);
            }
        }
        Uses { required, optional }
    }

    /// Every ID used, required or optional: what the unused-message check counts as used.
    pub(crate) fn all_ids(&self) -> BTreeSet<String> {
        self.required
            .keys()
            .copied()
            .chain(self.optional.iter().copied())
            .map(str::to_string)
            .collect()
    }
}

/// The ID at `pos` of a template, borrowed from the template's text.
fn template_id<'a>(src: &'a SourceFile, pos: Position, id: &str) -> &'a str {
    let at = src.offset(pos);
    src.text.get(at..at + id.len()).unwrap_or_default()
}
