//! The pseudo-language of `build --pseudo`: the default language's strings, accented and
//! about a third longer (fluent-pseudo), so that text a template writes without `t()` stands
//! out in the page, and layouts are tried with longer words.

use std::borrow::Cow;

/// The folder code, tag and URL prefix of the pseudo-language.
pub const CODE: &str = "en-XA";
pub const PREFIX: &str = "pseudo";

/// Fluent's text transform: applied to the text parts of messages, never to variables.
pub fn transform(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, false, true)
}
