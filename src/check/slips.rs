//! Slips of a translator's hand that other checks would each see only half of: a page saved
//! under a name the source does not have, and a message ID with a typo (an "obsolete" message
//! and a "missing" one that are really the same message).
//!
//! Also what the plan data formats with each plural message, so that a plural category a
//! published number needs is told apart from one no visitor would see.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use crate::diagnostic::{Code, Diagnostic, edit_distance};
use crate::site::Site;

/// Pages of a translation with no page of the same name in the default language.
pub(crate) fn stray_pages(site: &Site, out: &mut Vec<Diagnostic>) {
    let default = site.config.default;
    let source: Vec<&str> = site
        .pages
        .iter()
        .filter(|p| p.lang == default)
        .map(|p| p.key.as_str())
        .collect();
    let known: HashSet<&str> = source.iter().copied().collect();
    let default_code = &site.config.default_language().code;
    for page in &site.pages {
        let language = &site.config.languages[page.lang];
        if page.lang == default || language.pseudo || known.contains(page.key.as_str()) {
            continue;
        }
        let closest = source
            .iter()
            .min_by_key(|k| (edit_distance(&page.key, k), **k))
            .copied();
        let code = &language.code;
        let hint = match closest {
            Some(k) => format!(
                "did you mean content/{code}/{k}, which translates content/{default_code}/{k}? \
                 Rename the file; until then that page is shown in {default_code}"
            ),
            None => format!("add the page to content/{default_code}/ too, or remove it"),
        };
        out.push(
            Diagnostic::warning(
                Code::StrayPage,
                format!(
                    "`{}` has no page of that name in {default_code}: it is published as an extra {code} page",
                    page.source.display
                ),
            )
            .in_file(&page.source.display)
            .in_language(code)
            .about_page(&page.key)
            .hint(hint),
        );
    }
}

/// A message ID of a translation that is a misspelling of a source ID it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Typo {
    pub(crate) lang: usize,
    pub(crate) written: String,
    pub(crate) meant: String,
}

/// Whether two IDs are close enough to be one mistyped as the other.
fn looks_like_typo(a: &str, b: &str) -> Option<usize> {
    let d = edit_distance(a, b);
    let shorter = a.chars().count().min(b.chars().count());
    (d > 0 && d <= 2 && d * 4 <= shorter).then_some(d)
}

/// Per language, the IDs it defines that the source lacks paired with the source IDs it
/// lacks, where one is unambiguously a misspelling of the other.
pub(crate) fn typos(site: &Site) -> Vec<Typo> {
    let default = site.config.default;
    let source = &site.locales.defined[default];
    let mut found = Vec::new();
    for (lang, language) in site.config.languages.iter().enumerate() {
        if lang == default || language.pseudo {
            continue;
        }
        let own = &site.locales.defined[lang];
        let broken: BTreeSet<&str> = site.locales.files[lang]
            .iter()
            .flat_map(|f| f.broken.iter().map(String::as_str))
            .collect();
        let missing: Vec<&str> = source
            .keys()
            .map(String::as_str)
            .filter(|id| !own.contains_key(*id) && !broken.contains(id))
            .collect();
        let mut taken = BTreeSet::new();
        for written in own.keys().filter(|id| !source.contains_key(*id)) {
            if written == crate::l10n::time::OVERRIDE_ID {
                continue;
            }
            let mut ranked: Vec<(usize, &str)> = missing
                .iter()
                .filter_map(|m| looks_like_typo(written, m).map(|d| (d, *m)))
                .collect();
            ranked.sort();
            // Two equally close candidates: no guess.
            let best = match ranked.as_slice() {
                [(d, m), (d2, _), ..] if d < d2 => *m,
                [(_, m)] => *m,
                _ => continue,
            };
            if taken.insert(best) {
                found.push(Typo {
                    lang,
                    written: written.clone(),
                    meant: best.to_string(),
                });
            }
        }
    }
    found
}

/// Turns each typo's `obsolete-message` and `missing-message` findings into one
/// `misspelt-message` where the misspelt ID is written; it is an error when the missing
/// message was (a visible fallback under `--strict`).
pub(crate) fn merge_typos(site: &Site, typos: &[Typo], out: &mut Vec<Diagnostic>) {
    if typos.is_empty() {
        return;
    }
    let default_code = &site.config.default_language().code;
    let about = |d: &Diagnostic, code: Code, lang: &str, id: &str| {
        d.code == code
            && d.subject.language.as_deref() == Some(lang)
            && d.subject.message.as_deref() == Some(id)
    };
    for typo in typos {
        let code = &site.config.languages[typo.lang].code;
        let Some(missing) = out
            .iter()
            .position(|d| about(d, Code::MissingMessage, code, &typo.meant))
        else {
            continue;
        };
        let Some(obsolete) = out
            .iter()
            .position(|d| about(d, Code::ObsoleteMessage, code, &typo.written))
        else {
            continue;
        };
        let severity = out[missing].severity;
        let at = &out[obsolete];
        let mut d = Diagnostic::new(
            severity,
            Code::MisspeltMessage,
            format!(
                "`{}` is not in the source ({default_code}): did you mean `{}`?",
                typo.written, typo.meant
            ),
        )
        .hint(format!(
            "rename it to `{}`; until then {code} pages show the {default_code} text of `{}`",
            typo.meant, typo.meant
        ))
        .in_language(code)
        .about_message(&typo.written);
        d.file = at.file.clone();
        d.position = at.position;
        d.excerpt = at.excerpt.clone();
        out[obsolete] = d;
        out.remove(missing);
    }
}

/// Per plural message of the plan, the numbers the plan formats it with.
pub(crate) fn counts(site: &Site) -> BTreeMap<&'static str, BTreeSet<u32>> {
    let mut counts: BTreeMap<&'static str, BTreeSet<u32>> = BTreeMap::new();
    let Some(plan) = &site.plan else {
        return counts;
    };
    for priority in &plan.priorities {
        for target in &priority.targets {
            let within = target.within;
            counts
                .entry(target.coverage.message_id())
                .or_default()
                .insert(within.amount);
            counts
                .entry(within.unit.message_id())
                .or_default()
                .insert(within.amount);
        }
    }
    for group in &plan.groups {
        for feature in &group.features {
            for value in feature.values.iter().flatten() {
                if let crate::plan::TierValue::Coverage(c) = value {
                    counts.entry(c.message_id()).or_default().insert(1);
                }
            }
        }
    }
    counts
}

/// `t()` calls where no markup may go (inside a tag, that is an attribute, or in `<title>`)
/// without `plain=true`: the day the message falls back, its `<span lang>` would break the
/// tag or show in the title bar.
pub(crate) fn markup_in_attributes(site: &Site, out: &mut Vec<Diagnostic>) {
    for (_, src) in &site.templates.files {
        let text = src.text.as_str();
        let mut from = 0;
        while let Some(found) = text[from..].find("{{") {
            let at = from + found;
            let Some(len) = text[at..].find("}}") else {
                break;
            };
            from = at + len + 2;
            let expression = &text[at + 2..at + len];
            let call = expression.trim_start();
            if !call.starts_with("t(") || expression.contains("plain=true") {
                continue;
            }
            let before = &text[..at];
            let in_tag = before.rfind('<') > before.rfind('>');
            let in_title = before.rfind("<title") > before.rfind("</title");
            if !(in_tag || in_title) {
                continue;
            }
            let offset = at + 2 + (expression.len() - call.len());
            out.push(
                Diagnostic::warning(
                    Code::MarkupInAttribute,
                    "`t()` returns HTML, and this place takes text only",
                )
                .at_range(src, offset..offset + 1)
                .hint(
                    "write `t(id=\"...\", plain=true)` here: a message that falls back is \
                     marked with `<span lang>`, which an attribute or a title cannot hold",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_typo;

    #[test]
    fn typos_are_a_letter_or_two_in_a_long_enough_id() {
        assert_eq!(looks_like_typo("tier-busines", "tier-business"), Some(1));
        assert_eq!(looks_like_typo("skip-lien", "skip-link"), Some(2));
        assert_eq!(looks_like_typo("tier-elite", "tier-elite"), None);
        // Short IDs differ by a letter or two without being the same word.
        assert_eq!(looks_like_typo("a-b", "a-c"), None);
        assert_eq!(looks_like_typo("nav-label", "tier-paid"), None);
    }
}
