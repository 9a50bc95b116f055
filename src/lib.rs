//! polydocs: a static site generator for multilingual support-plan documentation.
//!
//! The pipeline runs one way, one module a stage: [`site`] loads (config, plan data, Fluent
//! strings, Markdown, templates), [`validate`] cross-checks, [`render`] writes every page in
//! every language, and [`publish`] swaps the result in whole.

// Diagnostics are returned by value on the error path only; boxing them would buy nothing.
#![allow(clippy::result_large_err)]

pub mod cmd;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod escape;
pub mod l10n;
pub mod lint;
pub mod markdown;
pub mod plan;
pub mod publish;
pub mod render;
pub mod routes;
pub mod serve;
pub mod site;
pub mod source;
pub mod span;
pub mod templates;
pub mod translation;
pub mod validate;
pub mod yaml;
