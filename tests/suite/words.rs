//! Typography and terminology: what a French or Chinese reader would correct, and terms the
//! glossary (`locales/glossary.yaml`) rules on, found at the character.

use crate::common::{TempSite, locate};

/// Each finding of a run as `(code, "file:line:column")`.
fn findings(stderr: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut code = None;
    for line in stderr.lines() {
        if let Some(rest) = line
            .strip_prefix("warning[")
            .or_else(|| line.strip_prefix("error["))
        {
            code = rest.split(']').next().map(str::to_string);
        } else if let Some(at) = line.trim_start().strip_prefix("--> ")
            && let Some(c) = code.take()
        {
            out.push((c, at.trim().to_string()));
        }
    }
    out
}

fn at(file: &str, text: &str, needle: &str, shift: usize) -> String {
    let (line, column) = locate(text, needle);
    format!("{file}:{line}:{}", column + shift)
}

fn of(found: &[(String, String)], code: &str) -> Vec<String> {
    let mut v: Vec<String> = found
        .iter()
        .filter(|(c, _)| c == code)
        .map(|(_, a)| a.clone())
        .collect();
    v.sort();
    v
}

#[test]
fn the_shipped_site_is_clean() {
    let site = TempSite::new("words-shipped");
    let run = site.run(&["check"]);
    let found = findings(&run.stderr);
    assert!(of(&found, "typography").is_empty(), "{}", run.stderr);
    assert!(of(&found, "terminology").is_empty(), "{}", run.stderr);
}

#[test]
fn french_and_chinese_typography_slips_are_found_at_the_character() {
    let site = TempSite::new("words-typography");
    // A plain space before the colon of a message shown twelve times on the tier pages.
    let ui = site.replace_once(
        "locales/fr/ui.ftl",
        "feature-with-value = { $feature }\u{a0}: { $value }",
        "feature-with-value = { $feature } : { $value }",
    );
    // A French page: plain spaces before « : », inside « », and inside a time.
    let fr_page = "content/fr/hours.md";
    let fr = format!(
        "{}\nNotez bien : « Office Hours » ouvre à 9 h 00.\n",
        site.read(fr_page)
    );
    site.write(fr_page, &fr);
    // A Chinese page: half-width brackets and comma between Chinese characters; a URL and an
    // English list in it are left alone.
    let zh_page = "content/zh-TW/hours.md";
    let zh = format!(
        "{}\n請注意(本表)僅供參考,謝謝。請見 https://status.adobe.com/ (English, French)。\n",
        site.read(zh_page)
    );
    site.write(zh_page, &zh);

    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "warnings only\n{}", run.stderr);
    let found = findings(&run.stderr);
    let mut want = vec![
        at("locales/fr/ui.ftl", &ui, "{ $feature } : {", 12),
        at(fr_page, &fr, "Notez bien :", 10),
        at(fr_page, &fr, "« Office", 1),
        // The page's first three slips; the third counts the two in "9 h 00".
        at(fr_page, &fr, "Hours »", 5),
        at(zh_page, &zh, "(本表)", 0),
        at(zh_page, &zh, ")僅供", 0),
        at(zh_page, &zh, ",謝謝", 0),
    ];
    want.sort();
    assert_eq!(of(&found, "typography"), want, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "(and 2 more typography slip(s) further in this page, not listed one by one)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("a plain space before « : »")
            && run
                .stderr
                .contains("half-width `(` beside Chinese characters"),
        "{}",
        run.stderr
    );
}

#[test]
fn glossary_terms_are_required_and_variants_found() {
    let site = TempSite::new("words-glossary");
    site.write(
        "locales/glossary.yaml",
        "terms:\n\
         \x20 - term: business functions\n\
         \x20   why: the published page's word\n\
         \x20   translations:\n\
         \x20     fr:\n\
         \x20       use: [fonctions commerciales]\n\
         \x20       avoid: [fonctions métier]\n\
         \x20 - term: Office Hours\n\
         \x20   translations:\n\
         \x20     zh-TW:\n\
         \x20       use: [諮詢時間]\n",
    );
    let plan = site.replace_once(
        "locales/fr/plan.ftl",
        "Les fonctions commerciales du client présentent une dégradation importante",
        "Les fonctions métier du client présentent une dégradation importante",
    );
    let page = "content/zh-TW/channels.md";
    let zh = site.replace_once(
        page,
        "「諮詢時間」網路研討會系列",
        "Office Hours 網路研討會系列",
    );

    let run = site.run(&["check"]);
    assert_eq!(run.code, 0, "warnings only\n{}", run.stderr);
    let found = findings(&run.stderr);
    let mut want = vec![
        // The variant, where it is written; and the message, which lacks the rendering.
        at(
            "locales/fr/plan.ftl",
            &plan,
            "fonctions métier du client",
            0,
        ),
        at("locales/fr/plan.ftl", &plan, "priority-p2-description", 0),
        // The page lacks the rendering: pointed at its first line of text.
        at(page, &zh, "Adobe 客戶支援", 0),
    ];
    want.sort();
    assert_eq!(of(&found, "terminology"), want, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "`priority-p2-description` renders « business functions » as « fonctions métier »"
        ) && run.stderr.contains(
            "write « fonctions commerciales », as the glossary (locales/glossary.yaml) says"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_glossary_naming_an_unknown_language_is_an_error() {
    let site = TempSite::new("words-glossary-language");
    let text = "terms:\n  - term: business functions\n    translations:\n      de:\n        use: [Geschäftsfunktionen]\n";
    site.write("locales/glossary.yaml", text);
    let run = site.run(&["check"]);
    assert_ne!(run.code, 0, "{}", run.stderr);
    let found = findings(&run.stderr);
    assert!(
        found.contains(&(
            "unknown-language".to_string(),
            at("locales/glossary.yaml", text, "business functions", 0)
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("names the unknown language `de`"),
        "{}",
        run.stderr
    );
}

/// `fix` writes what the typography check asks for — and nothing else: the French message and
/// the Chinese page come out with the right spaces and punctuation, every other byte of both
/// files as it was (CRLF line endings kept), and `check` then finds no slip. `--dry-run`
/// lists the same and writes nothing.
#[test]
fn fix_writes_the_typography_check_asks_for_and_nothing_else() {
    let site = TempSite::new("words-fix");
    let ftl = "locales/fr/ui.ftl";
    let before = site.replace_once(
        ftl,
        "footer-note = Ce site est proposé en plusieurs langues.",
        "footer-note = Ce site : plusieurs langues ! Voir « ici ».",
    );
    let page = "content/zh-TW/hours.md";
    let zh = site.read(page).replace('\n', "\r\n") + "請見說明,以及(範例)。\r\n";
    site.write(page, &zh);

    let dry = site.run(&["fix", "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.describe());
    assert!(
        dry.stdout
            .contains("Would fix 7 typography slip(s) in 2 file(s)."),
        "{}",
        dry.describe()
    );
    assert_eq!(site.read(ftl), before, "--dry-run writes nothing");

    let run = site.run(&["fix"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    let (line, column) = locate(&before, "site :");
    assert!(
        run.stdout.contains(&format!(
            "{ftl}:{line}:{}: a plain space before « : », which can break the line there → fixed",
            column + 4
        )),
        "{}",
        run.stdout
    );
    assert_eq!(
        site.read(ftl),
        before.replacen(
            "Ce site : plusieurs langues ! Voir « ici ».",
            "Ce site\u{a0}: plusieurs langues\u{202f}! Voir «\u{a0}ici\u{a0}».",
            1
        )
    );
    assert_eq!(
        site.read(page),
        zh.replacen("說明,以及(範例)", "說明，以及（範例）", 1)
    );
    let check = site.run(&["check", "--code", "typography"]);
    assert!(findings(&check.stderr).is_empty(), "{}", check.describe());

    // A broken message in another language does not stop French from being fixed.
    site.replace_once("locales/zh-TW/ui.ftl", "footer-note = ", "footer-note = { ");
    let fr = site.replace_once(ftl, "Voir «\u{a0}ici\u{a0}».", "Voir ici !");
    let run = site.run(&["fix", "--lang", "fr"]);
    assert_eq!(run.code, 0, "{}", run.describe());
    assert!(
        run.stderr
            .contains("fix leaves what these 1 error(s) keep from being read"),
        "{}",
        run.describe()
    );
    assert_eq!(
        site.read(ftl),
        fr.replacen("Voir ici !", "Voir ici\u{202f}!", 1)
    );
}

/// A glossary of 10 000 terms, some made of regular-expression metacharacters: terms are
/// matched as text (a `.*` term matches only `.*`), and the check stays bounded (a term is
/// looked for in each text once, not tried as a pattern).
#[test]
fn ten_thousand_glossary_terms_and_metacharacters_are_text() {
    let site = TempSite::new("words-glossary-hostile");
    let mut yaml = String::from("terms:\n");
    for i in 0..10_000 {
        yaml.push_str(&format!(
            "  - term: zorblax{i}\n    translations:\n      fr:\n        use: [zorblax{i}-fr]\n"
        ));
    }
    for term in [".*", "(a|b)+", "[^x]", "\\d{2}", "$^"] {
        let quoted = serde_json::to_string(term).unwrap();
        yaml.push_str(&format!(
            "  - term: {quoted}\n    translations:\n      fr:\n        use: [\"métachar\"]\n"
        ));
    }
    site.write("locales/glossary.yaml", &yaml);
    // The English footer says `.*` literally: its French translation lacks the rendering.
    site.replace_once(
        "locales/en/ui.ftl",
        "footer-note = This site is available in several languages.",
        "footer-note = This site is available in several languages .*",
    );
    let started = std::time::Instant::now();
    let run = site.run(&["check", "--code", "terminology"]);
    let took = started.elapsed();
    assert_eq!(run.code, 0, "{}", run.describe());
    let found = of(&findings(&run.stderr), "terminology");
    assert_eq!(
        found.len(),
        1,
        "only `.*`, in fr's footer-note and nowhere else: {}",
        run.stderr
    );
    assert!(
        found.iter().all(|f| f.starts_with("locales/fr/ui.ftl:")),
        "{found:?}"
    );
    assert!(took.as_secs() < 60, "bounded: {took:?}");
}
