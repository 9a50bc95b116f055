//! Each plan data format through `polydocs::yaml::parse_with`, as the resolver reads it: the
//! first byte picks the format (`'0'` tiers, `'1'` comparison, `'2'` response targets,
//! `'3'` channels, `'4'` resources, `'5'` regions), the rest is the file.

#![no_main]

#[path = "common/mod.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use polydocs::plan::raw;
use polydocs::source::SourceFile;

fn parse<T: serde::de::DeserializeOwned>(src: &SourceFile) {
    if let Err(d) = polydocs::yaml::parse_with::<T>(src, &raw::VOCABULARY) {
        common::check_diagnostic(&d, Some(src));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&format, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let src = SourceFile::from_text("content/data.yaml", text);
    match format % 6 {
        0 => parse::<raw::TiersFile>(&src),
        1 => parse::<raw::ComparisonFile>(&src),
        2 => parse::<raw::ResponseTargetsFile>(&src),
        3 => parse::<raw::ChannelsFile>(&src),
        4 => parse::<raw::ResourcesFile>(&src),
        _ => parse::<raw::RegionsFile>(&src),
    }
});
