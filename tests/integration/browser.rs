//! The end-to-end tests in a real browser (tests/browser/*.test.mjs, Node's test runner
//! driving Debian's Chromium through playwright-core), run as part of `cargo test`.
//!
//! Where Chromium, Node or the test's npm packages are missing, the suite says so and is
//! skipped — unless ANNALS_REQUIRE_BROWSER is set, as CI sets it, and then it fails.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn missing_requirements(dir: &Path) -> Vec<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut missing = Vec::new();
    if !Path::new(&chromium).exists() {
        missing.push(format!("Chromium ({chromium}; apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().is_err() {
        missing.push("Node.js".into());
    }
    if !dir.join("node_modules/playwright-core").exists()
        || !dir.join("node_modules/axe-core").exists()
    {
        missing.push("the npm packages (npm ci --prefix tests/browser)".into());
    }
    missing
}

#[test]
fn the_site_in_a_real_browser() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let missing = missing_requirements(&dir);
    if !missing.is_empty() {
        let message = format!("browser tests skipped: missing {}", missing.join(", "));
        assert!(
            std::env::var_os("ANNALS_REQUIRE_BROWSER").is_none(),
            "{message}"
        );
        say(&format!("SKIPPED: {message}"));
        return;
    }
    // The bundled collection, built once for every test file.
    let built = tempfile::tempdir().unwrap();
    let site = built.path().join("public");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let build = Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["build", "--root"])
        .arg(&root)
        .arg("--output")
        .arg(&site)
        .output()
        .expect("annals builds");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let output = Command::new("node")
        // Two test files at a time: each opens its own browser and server, and most of a
        // file's time is spent waiting on the browser.
        .args(["--test", "--test-concurrency=2"])
        .current_dir(&dir)
        .env("ANNALS_BIN", env!("CARGO_BIN_EXE_annals"))
        .env("ANNALS_BUILT_SITE", &site)
        .output()
        .expect("node runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "the browser suite failed:\n{report}"
    );
    let passed = report
        .lines()
        .find(|l| l.starts_with("# pass"))
        .unwrap_or("# pass ?");
    say(&format!("browser suite: {passed}"));
}

/// A line on the terminal even when the test passes: the harness captures what `eprintln!`
/// prints and shows it only for a failing test, not what is written to stderr itself.
fn say(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "\n{line}");
}
