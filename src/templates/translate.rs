//! The bridge from templates to Fluent: `t(id="...", name=value...)`.

use std::sync::Arc;

use fluent_bundle::FluentArgs;
use tera::{Kwargs, State, Tera, TeraResult};

use crate::l10n::Locales;

/// Registers `t()`: a message in the language of the page being rendered (the `lang_index`
/// of the template context), with the other keyword arguments as Fluent variables. Tera
/// escapes the result like any text.
pub fn register(tera: &mut Tera, locales: Arc<Locales>) {
    tera.register_function(
        "t",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let id: &str = kwargs.must_get("id")?;
            let lang = state
                .get::<u64>("lang_index")?
                .ok_or_else(|| tera::Error::message("t() is used outside a language"))?
                as usize;
            let mut args = FluentArgs::new();
            for (key, value) in kwargs.iter() {
                let Some(name) = key.as_str() else { continue };
                if name == "id" {
                    continue;
                }
                if let Some(n) = value.as_i64() {
                    args.set(name.to_string(), n);
                } else if let Some(n) = value.as_f64() {
                    args.set(name.to_string(), n);
                } else if let Some(s) = value.as_str() {
                    args.set(name.to_string(), s.to_string());
                } else {
                    args.set(name.to_string(), value.to_string());
                }
            }
            locales
                .format(lang, id, Some(&args))
                .map_err(|e| tera::Error::message(e.to_string()))
        },
    );
}
