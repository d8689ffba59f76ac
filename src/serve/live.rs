//! Live reload: what the server tells open pages (a new build, or the errors of a failed
//! one) over Server-Sent Events, and the script that listens, injected into every page the
//! server sends (never into `annals build` output).

use serde::Serialize;

use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Where pages listen for news of the builds.
pub const EVENTS_PATH: &str = "/__annals/events";

/// Where pages ask for the warnings of the build they show.
pub const WARNINGS_PATH: &str = "/__annals/warnings";

/// The script each served page gets before `</body>`. It knows the build it came from;
/// when the server announces another build the page reloads, and when a build fails it
/// draws the errors over the page until the next good build reloads it. When the build had
/// warnings, a button in a corner says how many, and shows them on request (Escape or the
/// button again hides them).
const SCRIPT: &str = r##"<script data-annals-live>
(() => {
  const generation = "GENERATION";
  const events = new EventSource("EVENTS_PATH");
  events.addEventListener("build", (e) => { if (e.data !== generation) location.reload(); });
  events.addEventListener("problems", (e) => showProblems(JSON.parse(e.data),
    "The site does not build. This is the last good version, under the errors:", "alert"));
  fetch("WARNINGS_PATH").then((r) => r.json()).then(offerWarnings, () => {});
  function offerWarnings(warnings) {
    if (!warnings.length) return;
    const button = document.createElement("button");
    button.id = "annals-warnings";
    button.type = "button";
    button.textContent = warnings.length + (warnings.length === 1 ? " warning" : " warnings");
    button.setAttribute("aria-expanded", "false");
    button.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483647;padding:.3rem .7rem;border:1px solid #8a6d00;border-radius:4px;background:#fff4c2;color:#3d3000;font:14px/1.4 ui-monospace,monospace;cursor:pointer";
    const hide = () => { document.getElementById("annals-problems")?.remove(); button.setAttribute("aria-expanded", "false"); };
    button.addEventListener("click", () => {
      if (button.getAttribute("aria-expanded") === "true") return hide();
      showProblems(warnings, "Warnings of this build (annals check lists them too). Escape hides them.", "dialog");
      button.setAttribute("aria-expanded", "true");
      document.body.append(button);
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
    document.body.append(button);
  }
  function showProblems(problems, title, role) {
    document.getElementById("annals-problems")?.remove();
    const overlay = document.createElement("div");
    overlay.id = "annals-problems";
    overlay.setAttribute("role", role);
    overlay.setAttribute("aria-label", title);
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483646;overflow:auto;margin:0;padding:2rem;background:rgba(24,24,24,.94);color:#f4f4f4;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap";
    const heading = document.createElement("h2");
    heading.textContent = title;
    heading.style.cssText = "font:inherit;font-weight:bold;color:" + (role === "alert" ? "#ff9b8f" : "#ffd75e") + ";margin:0 0 1rem";
    overlay.append(heading);
    for (const problem of problems) {
      const item = document.createElement("p");
      const place = document.createElement("strong");
      place.textContent = problem.location;
      item.append(place, ": " + problem.message + (problem.help ? "\n  help: " + problem.help : ""));
      overlay.append(item);
    }
    document.body.append(overlay);
  }
})();
</script>"##;

/// The page's HTML with the reload script before its last `</body>` (or at its end).
pub fn inject_script(html: &[u8], generation: u64) -> Vec<u8> {
    let script = SCRIPT
        .replace("GENERATION", &generation.to_string())
        .replace("EVENTS_PATH", EVENTS_PATH)
        .replace("WARNINGS_PATH", WARNINGS_PATH);
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// What the server announces to open pages.
#[derive(Debug, Clone)]
pub enum News {
    /// A good build, by its generation.
    Built(u64),
    /// A failed build: its errors as JSON (see `Problem`).
    Failed(std::sync::Arc<str>),
}

/// One problem of a build (an error, or a warning on request) as the overlay shows it.
#[derive(Debug, Serialize)]
pub struct Problem {
    pub location: String,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

/// Problems (the errors of a failed build, or a good build's warnings) as the JSON the
/// overlay reads.
/// Paths are given from the site's folder `root`: the pages need no more, and a page has no
/// business knowing where the site lives on this machine.
pub fn problems_json<'a>(root: &Path, diagnostics: impl Iterator<Item = &'a Diagnostic>) -> String {
    let problems: Vec<Problem> = diagnostics
        .map(|d| d.clone().in_site(root))
        .map(|d| Problem {
            location: d.location(),
            file: d.path.display().to_string(),
            line: d.line,
            column: d.column,
            message: d.message.clone(),
            help: d.help.clone(),
        })
        .collect();
    serde_json::to_string(&problems).expect("plain strings and numbers serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_closing_body() {
        let html = b"<html><body><p>\"</body>\" in text</p></BODY></html>";
        let out = String::from_utf8(inject_script(html, 7)).unwrap();
        let script = out.find("<script data-annals-live>").unwrap();
        assert!(out[script..].contains("const generation = \"7\""));
        assert!(out[script..].contains(EVENTS_PATH));
        assert!(out.ends_with("</script></BODY></html>"), "{out}");
        assert!(out.starts_with("<html><body><p>\"</body>\" in text</p><script"));
        let bare = String::from_utf8(inject_script(b"<p>no body", 1)).unwrap();
        assert!(bare.starts_with("<p>no body<script"));
    }

    #[test]
    fn problems_carry_file_line_and_message() {
        let error = Diagnostic::error("content/a.md", "invalid TOML")
            .at(2, 9)
            .with_help("quote it");
        let json = problems_json(Path::new("/site"), [error].iter());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value[0]["location"], "content/a.md:2:9");
        assert_eq!(value[0]["file"], "content/a.md");
        assert_eq!(value[0]["line"], 2);
        assert_eq!(value[0]["message"], "invalid TOML");
        assert_eq!(value[0]["help"], "quote it");
    }
}
