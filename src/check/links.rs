//! Links in pages, checked against what the build really publishes: a relative link must lead
//! to a published page or a static file, and a `#fragment` to an element of that page (a
//! heading, or anything its template gives an `id`).
//!
//! This check reads the anchors each page was rendered with, so it runs after rendering (which
//! `check` does too, into nothing): the ids are those of the real pages, templates included.

use std::collections::HashSet;

use crate::index::Anchors;

use crate::diagnostic::{Code, Diagnostic};
use crate::index::{Index, Published, paths};
use crate::site::Site;

pub fn check(site: &Site, index: &Index, published: &Published) -> Vec<Diagnostic> {
    let config = &site.config;
    let statics: HashSet<String> = site
        .static_files
        .iter()
        .map(|p| crate::source::display_path(&site.root, p))
        .chain(site.theme_static.iter().map(|(p, _)| p.to_string()))
        .collect();
    let mut out = Vec::new();
    let mut rendered: Vec<_> = published.pages.iter().collect();
    rendered.sort_by(|a, b| a.0.cmp(b.0));
    for ((lang, key), facts) in rendered {
        let Some(route) = index.routes.get(key, *lang) else {
            continue;
        };
        let page = &site.pages[route.page];
        let from = paths::site_path(config, key, *lang);
        for (offset, url) in &facts.links {
            let (path, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or("");
            if path.contains(':') || path.starts_with('/') {
                continue; // another site, or an absolute address the site cannot know
            }
            let at = page.body_start + offset;
            let broken = |why: String, hint: String| {
                Diagnostic::error(Code::BrokenLink, format!("link `{url}` is broken: {why}"))
                    .at_range(&page.source, at..at + 1)
                    .in_language(&config.languages[*lang].code)
                    .about_page(key)
                    .hint(hint)
            };
            let target = if path.is_empty() {
                Some((*lang, key.as_str()))
            } else {
                let Some(resolved) = paths::resolve(&from, path) else {
                    out.push(broken(
                        "it leads outside the site".into(),
                        "link to a page of this language with a relative address such as `../hours/`".into(),
                    ));
                    continue;
                };
                if statics.contains(&resolved) {
                    continue;
                }
                let found = index.page_at(config, &resolved);
                if found.is_none()
                    && let Some(draft) = draft_at(site, &resolved)
                {
                    out.push(
                        Diagnostic::error(
                            Code::BrokenLink,
                            format!(
                                "link `{url}` leads to the draft `{}`, which is not published",
                                draft.source.display
                            ),
                        )
                        .at_range(&page.source, at..at + 1)
                        .in_language(&config.languages[*lang].code)
                        .hint(format!(
                            "publish the draft (remove `draft: true` from {}) or remove the link; `build --drafts` publishes drafts for a preview",
                            draft.source.display
                        )),
                    );
                    continue;
                }
                if found.is_none() {
                    out.push(broken(
                        format!("no page is published at /{resolved}"),
                        "link to a page of this language with a relative address such as `../hours/`".into(),
                    ));
                    continue;
                }
                found
            };
            let (Some(fragment), Some((target_lang, target_key))) = (fragment, target) else {
                continue;
            };
            let fragment = percent_decode(fragment);
            if fragment.is_empty() {
                continue;
            }
            let Some(anchors) = published
                .pages
                .get(&(target_lang, target_key.to_string()))
                .map(|f| &f.anchors)
            else {
                continue; // not rendered in this run: nothing to check against
            };
            if !anchors.contains(&fragment) {
                let shown = paths::site_path(config, target_key, target_lang);
                let hint = match closest(&fragment, anchors) {
                    Some(near) => format!("did you mean `#{near}`? Heading ids are made from the heading's text"),
                    None => "link to a heading of that page: its id is made from the heading's text (`## Opening hours` → `#opening-hours`)".into(),
                };
                out.push(broken(
                    format!("/{shown} has no heading or element with the id `{fragment}`"),
                    hint,
                ));
            }
        }
    }
    out
}

/// The draft that would be published at site path `resolved` (`en/docs/setup/`), if any: in
/// its own language, or in any language for a draft of the default language (whose
/// translations are left out with it). The draft of the link's own language is preferred.
fn draft_at<'a>(site: &'a Site, resolved: &str) -> Option<&'a crate::content::PageSource> {
    let config = &site.config;
    site.drafts.iter().find(|d| {
        let langs: Vec<usize> = if d.lang == config.default {
            (0..config.languages.len()).collect()
        } else {
            vec![d.lang]
        };
        langs
            .into_iter()
            .any(|l| paths::site_path(config, &d.key, l) == resolved)
    })
}

/// `%E6%99%82` → `時`: a fragment as a browser compares it with ids.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// The anchor nearest to `wanted` by edit distance, if it is near enough to be a typo.
fn closest<'a>(wanted: &str, anchors: &'a Anchors) -> Option<&'a str> {
    let limit = wanted.chars().count() / 3 + 1;
    anchors
        .iter()
        .map(|a| (crate::diagnostic::edit_distance(wanted, a), a))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_are_percent_decoded() {
        assert_eq!(percent_decode("%E6%99%82%E9%96%93"), "時間");
        assert_eq!(percent_decode("plain-id"), "plain-id");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn the_closest_anchor_is_suggested_only_when_near() {
        let anchors: Anchors = ["opening-hours", "contacts"].into_iter().collect();
        assert_eq!(closest("opening-hour", &anchors), Some("opening-hours"));
        assert_eq!(closest("unrelated-words", &anchors), None);
    }
}
