//! The pseudo-language of `build --pseudo`: the default language's strings, accented and
//! about a third longer (fluent-pseudo), so that text a template writes without `t()` stands
//! out in the page, and layouts are tried with longer words.

use std::borrow::Cow;

use crate::config::{Language, SiteConfig};

/// The folder code, tag and URL prefix of the pseudo-language.
pub(crate) const CODE: &str = "en-XA";
pub(crate) const PREFIX: &str = "pseudo";

/// Fluent's text transform: applied to the text parts of messages, never to variables.
pub(crate) fn transform(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}

/// Adds the pseudo-language to a site's languages (last, so that the languages before it keep
/// their indices). It falls back to the default language for every page, by design.
pub fn add_language(config: &mut SiteConfig) {
    let index = config.languages.len();
    let default = config.default_language();
    let pseudo = Language {
        code: CODE.to_string(),
        tag: CODE.to_string(),
        prefix: PREFIX.to_string(),
        name: transform(&default.name).into_owned(),
        direction: default.direction,
        title: default.title.clone(),
        chain: vec![index, config.default],
        pseudo: true,
        raw_html: default.raw_html,
    };
    config.languages.push(pseudo);
}
