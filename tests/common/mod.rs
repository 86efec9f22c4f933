//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;

/// Every process a test starts is killed after this long, so a hang fails instead of blocking.
pub const DEADLINE: Duration = Duration::from_secs(20);

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real `brief` binary, run from the repository root with a deadline, no config lookup
/// outside the repository, no colour, and its store and log in folders of the tests' own (a test
/// about the store gives it one of its own).
pub fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the brief binary is built");
    isolated(&mut cmd);
    cmd
}

/// [`brief`] with at most `kb` kilobytes of address space, its arguments to follow: a test that
/// memory stays bounded fails here, where it might otherwise take the machine's.
pub fn brief_within(kb: usize) -> Command {
    let mut cmd = Command::new("sh");
    isolated(&mut cmd).args(["-c", &format!("ulimit -v {kb} && exec \"$0\" \"$@\"")]).arg(assert_cmd::cargo::cargo_bin("brief"));
    cmd
}

/// What every run of `brief` in the tests gets: the repository root, the deadline, and
/// [`isolation`].
pub fn isolated(cmd: &mut Command) -> &mut Command {
    cmd.current_dir(root()).timeout(DEADLINE).envs(isolation())
}

/// The environment of every `brief` a test starts, however it starts it: no colour, and the
/// config, cache, state and data folders of the tests' own, never the user's (a test about the store
/// sets its own cache folder after these). The state folder is one per process started: it
/// keeps the search history, which would otherwise carry one test's queries into another's
/// search line.
pub fn isolation() -> [(&'static str, std::ffi::OsString); 5] {
    static STARTED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = STARTED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let state = root().join("target/test-state").join(format!("{}-{n}", std::process::id()));
    [
        ("NO_COLOR", "1".into()),
        ("XDG_CONFIG_HOME", root().join("target/no-xdg-config").into()),
        ("XDG_CACHE_HOME", root().join("target/test-cache").into()),
        ("XDG_STATE_HOME", state.into()),
        ("XDG_DATA_HOME", root().join("target/test-data").into()),
    ]
}

/// `../shared`, the material beside the checkout. Tests that need it carry
/// `#[cfg_attr(shared_absent, ignore = "needs ../shared beside the checkout")]` (the build
/// script sets `shared_absent` when the folder is missing outside CI), so here it is required.
pub fn shared() -> PathBuf {
    let dir = root().join("../shared");
    assert!(dir.is_dir(), "{} is missing; the tests that read it need it (they are ignored only outside CI)", dir.display());
    dir
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `tests/fixtures/across/` (two briefings, an official in both) copied into `briefings/` of a
/// folder of its own, for a test that edits it or keeps a cache and state beside it.
pub fn across_library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("briefings")).unwrap();
    for name in ["geneva.toml", "london.toml"] {
        std::fs::copy(root().join("tests/fixtures/across").join(name), dir.path().join("briefings").join(name)).unwrap();
    }
    dir
}

/// A path relative to the repository root, as the binary prints it when given that way.
pub fn rel(path: &Path) -> String {
    path.strip_prefix(root()).unwrap_or(path).display().to_string()
}

pub mod pty;
pub mod reader;

/// Queries that exercise the search's folding, CJK, punctuation, phrases, exclusions and
/// filters on a generated library: two ways to an answer must agree on each.
pub const QUERIES: &[&str] = &[
    "li",
    "lit",
    "lith",
    "lithium",
    "yttrium",
    "molybdenum",
    "\"rare earth\"",
    "\"rare-earth\"",
    "0.8%",
    "%",
    "—",
    "何立峰",
    "立峰",
    "tariff -soybean",
    "kind:reaction direction:up",
    "source:csis",
    "sefcovic",
    "maroš",
    "anti-dumping",
    "side:china tariff",
    "\"within 30 days\"",
    "kind:official",
    "eu china -tariff",
    "deal",
    "status:pending export",
];

/// A briefing of a library of many pages: its commitments' statuses, dues and parties, its
/// events' dates and its reactions' moves differ from one briefing to the next.
pub fn numbered(n: usize) -> String {
    let status = brief::model::Status::WORDS[n % brief::model::Status::WORDS.len()];
    let (year, month, day) = (2024 + n % 3, 1 + n % 12, 1 + n % 28);
    let due = if n.is_multiple_of(4) { "\"within a year\"".to_string() } else { format!("{year}-{month:02}-{day:02}") };
    let event = match n % 5 {
        0 => format!("\"{year}\""),
        1 => format!("\"{year}-{month:02}\""),
        _ => format!("{year}-{month:02}-{day:02}"),
    };
    let mut text = format!(
        "id = \"n-{n:04}\"\ntitle = \"Numbered {n}\"\ndate = {year}-{month:02}-{day:02}\nsummary = \"One of many.\"\ntags = [\"t{}\"]\n\n\
         [[source]]\nid = \"wire\"\ntitle = \"Wire\"\n",
        n % 3
    );
    for c in 0..3 {
        let party = ["US", "China", "US and China"][(n + c) % 3];
        text += &format!(
            "\n[[commitment]]\nid = \"c{c}\"\ntext = \"Commitment {c}.\"\nparty = \"{party}\"\nstatus = \"{status}\"\ndue = {due}\ncites = [\"wire\"]\n"
        );
        text += &format!("\n[[event]]\ndate = {event}\ntext = \"Event {c}.\"\ncites = [\"wire\"]\n");
        let (figure, unit) =
            [(format!("+{}.{}%", n % 7, c), "%"), (format!("-{}bp", n % 40 + c), "bp"), ("flat".to_string(), "")][(n + c) % 3].clone();
        let direction = if figure.starts_with('-') { "down" } else { "up" };
        text += &format!(
            "\n[[reaction]]\nid = \"r{c}\"\nmarket = \"Market {unit}\"\nmove = \"{figure}\"\ndirection = \"{direction}\"\ncites = [\"wire\"]\n"
        );
    }
    text
}
