//! The bridge from templates to Fluent: `t(id="...", name=value...)`.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use tera::{Kwargs, State, Tera, TeraResult, Value};

use crate::l10n::Locales;
use crate::l10n::html::{HtmlArgs, message_html};

/// Registers `t()`: a message in the language of the page being rendered (the `lang_index`
/// of the template context), with the other keyword arguments as Fluent variables.
///
/// It returns HTML that Tera does not escape again: the message's text escaped, arguments
/// that are already HTML (`tier=tier.name | safe`) as they are, and the whole inside
/// `<span lang="..">` when the message falls back to another language. Where no markup may go
/// (an attribute, `<title>`), `t(id="...", plain=true)` returns the text alone, which Tera
/// escapes like any text.
///
/// A message without variables is the same on every page of a language: it is formatted once
/// and remembered (a page calls `t()` a dozen times, and the templates' compiled set, with the
/// memo, is made again whenever the locales are loaded again).
pub fn register(tera: &mut Tera, locales: Arc<Locales>) {
    // (language, plain) → message id → formatted message: looked up by the id as written.
    let formatted: RwLock<HashMap<(usize, bool), HashMap<String, Value>>> = RwLock::default();
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let id: &str = kwargs.must_get("id")?;
            let lang = state
                .get::<u64>("lang_index")?
                .ok_or_else(|| tera::Error::message("t() is used outside a language"))?
                as usize;
            let plain = kwargs.get::<bool>("plain")?.unwrap_or(false);
            let constant = kwargs
                .iter()
                .all(|(key, _)| matches!(key.as_str(), Some("id" | "plain")));
            if constant
                && let Some(value) = formatted
                    .read()
                    .ok()
                    .and_then(|m| m.get(&(lang, plain))?.get(id).cloned())
            {
                return Ok(value);
            }
            let value = format(&locales, lang, id, plain, &kwargs)?;
            if constant && let Ok(mut memo) = formatted.write() {
                memo.entry((lang, plain))
                    .or_default()
                    .insert(id.to_string(), value.clone());
            }
            Ok(value)
        },
    );
}

/// Message `id` in language `lang`, with the keyword arguments other than `id` and `plain` as
/// its variables: HTML, or the text alone with `plain`.
fn format(
    locales: &Locales,
    lang: usize,
    id: &str,
    plain: bool,
    kwargs: &Kwargs,
) -> TeraResult<Value> {
    let mut args = HtmlArgs::new();
    for (key, value) in kwargs.iter() {
        let Some(name) = key.as_str() else { continue };
        if name == "id" || name == "plain" {
            continue;
        }
        if let Some(n) = value.as_i64() {
            args.plain(name, n);
        } else if let Some(n) = value.as_f64() {
            args.plain(name, n);
        } else if let Some(s) = value.as_str() {
            // Text is escaped with the message (and may be selected on); HTML is inserted
            // as it is.
            if value.is_safe() && !plain {
                args.html(name, s);
            } else {
                args.plain(name, s.to_string());
            }
        } else {
            args.plain(name, value.to_string());
        }
    }
    if plain {
        return locales
            .format(lang, id, Some(&args.args))
            .map(|s| Value::from(locales.shown(id, s).as_str()))
            .map_err(|e| tera::Error::message(e.to_string()));
    }
    message_html(locales, lang, id, Some(&args))
        .map(|html| Value::safe_string(&html))
        .map_err(|e| tera::Error::message(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn messages_are_escaped_as_tera_escapes_text() {
        let text = "a<b>&\"'c’";
        let mut tera = Vec::new();
        tera::escape_html(text, &mut tera).unwrap();
        assert_eq!(crate::escape::html(text), String::from_utf8(tera).unwrap());
    }
}
