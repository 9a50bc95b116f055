//! What colour a piece of code gets: a grammar's scopes (`string.quoted.double.json`,
//! `punctuation.definition.string.begin.json`, …) reduced to a handful of token kinds, each
//! written as a one-letter class that the style sheet colours for light and dark schemes.
//!
//! syntect's own HTML writes one nested `<span>` per scope, with a class per atom of its name:
//! a quoted JSON key is four spans and some 200 bytes of markup for a word. Reduced to kinds,
//! the same word is one span of some 25 bytes, and a highlighted block weighs about twice its
//! text instead of five times.

use std::cell::RefCell;
use std::collections::HashMap;

use syntect::parsing::{Scope, ScopeStack};

/// A kind of token, as coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Comment,
    String,
    /// Numbers, `true`, named constants, escapes in strings.
    Constant,
    /// Keywords and storage (`fn`, `let`, `def`, `const`).
    Keyword,
    /// Names being defined or called: functions, types, classes.
    Entity,
    /// Tag names and mapping keys (HTML tags, YAML and TOML keys).
    Tag,
    /// Attribute and property names.
    Attribute,
    /// Library names the grammar knows (built-in functions, types, commands).
    Support,
    Invalid,
}

impl Kind {
    /// The class written on the span; the style sheet colours `.highlight .<class>`.
    pub(crate) fn class(self) -> &'static str {
        match self {
            Kind::Comment => "c",
            Kind::String => "s",
            Kind::Constant => "n",
            Kind::Keyword => "k",
            Kind::Entity => "e",
            Kind::Tag => "t",
            Kind::Attribute => "a",
            Kind::Support => "u",
            Kind::Invalid => "x",
        }
    }
}

/// What one scope says about the colour of its text: a kind, or nothing of its own (the
/// colour of the scope around it: punctuation inside a string is coloured as the string).
pub(crate) fn kind_of(scope: &str) -> Option<Kind> {
    // A scope is "under" `prefix` when its name starts with the whole atoms of `prefix`.
    let under = |prefix: &str| {
        scope
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
    };
    // Most specific first: `constant.character.escape` inside a string, `keyword.operator`
    // before `keyword`, `entity.name.tag` before `entity.name`.
    if under("comment") {
        Some(Kind::Comment)
    } else if under("constant.character.escape") {
        Some(Kind::Constant)
    } else if under("string") {
        Some(Kind::String)
    } else if under("constant") || under("variable.other.constant") {
        Some(Kind::Constant)
    } else if under("keyword.operator") || under("punctuation") {
        None
    } else if under("keyword") || under("storage") {
        Some(Kind::Keyword)
    } else if under("entity.name.tag") || under("variable.other.key") {
        Some(Kind::Tag)
    } else if under("entity.other.attribute-name") || under("support.type.property-name") {
        Some(Kind::Attribute)
    } else if under("entity.name") || under("variable.function") {
        Some(Kind::Entity)
    } else if under("support") {
        Some(Kind::Support)
    } else if under("invalid") {
        Some(Kind::Invalid)
    } else {
        None
    }
}

thread_local! {
    /// The kind of each scope met so far on this thread: a scope's name is costly to spell
    /// out, and a site's code uses a few hundred scopes at most. With it: whether the scope
    /// is a mapping's key.
    static KINDS: RefCell<HashMap<Scope, (Option<Kind>, bool)>> = RefCell::new(HashMap::new());
}

/// Whether a scope marks the key of a mapping (`meta.mapping.key.json`): grammars scope a JSON
/// key as a string inside it, and a key reads better coloured as a key than as a value.
fn is_key(scope: &str) -> bool {
    scope.starts_with("meta.mapping.key.")
}

/// The kind of the text under `stack`: that of the innermost scope that has one, except that
/// a string that is a mapping's key is a [`Kind::Tag`], as YAML and TOML keys are.
pub(crate) fn kind_under(stack: &ScopeStack) -> Option<Kind> {
    KINDS.with(|kinds| {
        let mut kinds = kinds.borrow_mut();
        let mut found = None;
        for scope in stack.as_slice().iter().rev() {
            let (kind, key) = *kinds.entry(*scope).or_insert_with(|| {
                let name = scope.build_string();
                (kind_of(&name), is_key(&name))
            });
            if key && found == Some(Kind::String) {
                return Some(Kind::Tag);
            }
            found = found.or(kind);
        }
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_reduce_to_kinds_by_their_leading_atoms() {
        assert_eq!(
            kind_of("comment.line.number-sign.yaml"),
            Some(Kind::Comment)
        );
        assert_eq!(kind_of("string.quoted.double.json"), Some(Kind::String));
        assert_eq!(
            kind_of("constant.character.escape.json"),
            Some(Kind::Constant)
        );
        assert_eq!(
            kind_of("constant.numeric.integer.json"),
            Some(Kind::Constant)
        );
        assert_eq!(kind_of("keyword.operator.assignment"), None);
        assert_eq!(kind_of("keyword.control.rust"), Some(Kind::Keyword));
        assert_eq!(kind_of("storage.type.function.rust"), Some(Kind::Keyword));
        assert_eq!(kind_of("entity.name.tag.yaml"), Some(Kind::Tag));
        assert_eq!(kind_of("entity.name.function.rust"), Some(Kind::Entity));
        assert_eq!(kind_of("punctuation.definition.string.begin.json"), None);
        assert_eq!(
            kind_of("support.function.builtin.shell"),
            Some(Kind::Support)
        );
        // Whole atoms only: `stringify` is not a `string`.
        assert_eq!(kind_of("stringify.x"), None);
        assert_eq!(kind_of("source.json"), None);
    }

    #[test]
    fn punctuation_takes_the_kind_of_what_it_is_in() {
        let stack: ScopeStack =
            "source.json string.quoted.double.json punctuation.definition.string.end.json"
                .parse()
                .unwrap();
        assert_eq!(kind_under(&stack), Some(Kind::String));
        let stack: ScopeStack = "source.json punctuation.separator.mapping.pair.json"
            .parse()
            .unwrap();
        assert_eq!(kind_under(&stack), None);
        let stack: ScopeStack = "source.json meta.mapping.key.json string.quoted.double.json"
            .parse()
            .unwrap();
        assert_eq!(kind_under(&stack), Some(Kind::Tag));
    }
}
