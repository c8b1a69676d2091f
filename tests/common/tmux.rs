//! A private tmux server for end-to-end tests: start a shell in a window
//! of a given size, type into it, and poll its screen until the expected
//! text appears, with a generous deadline, so nothing depends on how fast
//! the machine is.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(25);

/// A private tmux server running a plain shell in an 80x24 window.
pub struct Tmux {
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// Starts tmux, or returns `None` (with a note) where tmux is missing
    /// outside CI. In CI a missing tmux fails the test: `.ci/run` installs it.
    pub fn start(width: u16, height: u16) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(std::env::var_os("CI").is_none(), "tmux is missing in CI: .ci/run should install it");
            eprintln!("skipping: tmux is not installed");
            return None;
        }
        let tmux = Tmux { dir: tempfile::tempdir().expect("temp dir") };
        let (w, h) = (width.to_string(), height.to_string());
        // A bare shell with a fixed prompt, so the screen is predictable.
        // State, config and cache are the test's own, never the user's.
        let state = format!("XDG_STATE_HOME={}", tmux.dir.path().join("state").display());
        let config = format!("XDG_CONFIG_HOME={}", tmux.dir.path().join("no-config").display());
        let cache = format!("XDG_CACHE_HOME={}", tmux.dir.path().join("cache").display());
        tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &w,
            "-y",
            &h,
            "-s",
            "e2e",
            "env",
            "PS1=$ ",
            &state,
            &config,
            &cache,
            "sh",
        ]);
        // capture-pane trims trailing blanks, so the prompt reads "$".
        tmux.wait_until("the shell prompt", |s| s.lines().any(|l| l.trim_end() == "$"));
        Some(tmux)
    }

    pub fn socket(&self) -> PathBuf {
        self.dir.path().join("socket")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        let output =
            Command::new("tmux").arg("-S").arg(self.socket()).args(args).output().expect("tmux runs");
        assert!(output.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output
    }

    /// Types a shell command line and presses Enter.
    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", line]);
        self.run(&["send-keys", "-t", "e2e", "Enter"]);
    }

    /// Sends tmux key names: "j", "Enter", "C-d", "Escape".
    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
        }
    }

    /// Types literal text, one key per character.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// The screen with its colours and styles, as escape sequences.
    pub fn styled_screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-e", "-t", "e2e"]).stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    pub fn query(&self, format: &str) -> String {
        let out = self.run(&["display-message", "-p", "-t", "e2e", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Polls the screen until `needle` shows on a settled screen; returns it.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(&format!("{needle:?} on screen"), |screen| screen.contains(needle))
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        let mut last = String::new();
        loop {
            let screen = self.screen();
            // A frame can be captured half drawn, its first rows new and the
            // rest not yet: a wait is over only once the screen it is seen on
            // has settled, the same on two polls in a row.
            if done(&screen) && screen == last {
                return screen;
            }
            assert!(start.elapsed() < DEADLINE, "waited {DEADLINE:?} for {what}; the screen:\n{screen}");
            last = screen;
            std::thread::sleep(POLL);
        }
    }

    /// After folio exits: the shell is out of the alternate screen, the
    /// cursor shows, and the line discipline is back to cooked with echo.
    pub fn assert_shell_is_sane(&self) {
        assert_eq!(self.query("#{alternate_on}"), "0", "still on the alternate screen");
        assert_eq!(self.query("#{cursor_flag}"), "1", "the cursor is hidden");
        self.assert_line_discipline_is_sane();
    }

    /// The terminal's line discipline is cooked with echo, as a shell needs.
    pub fn assert_line_discipline_is_sane(&self) {
        self.type_line(r#"clear; stty -a | tr " ;" "\n\n" | grep -xE -e "-?(icanon|echo|icrnl|opost)" | tr "\n" " "; echo MODES_""END"#);
        // The quotes keep the marker out of the echoed command line.
        let screen = self.wait_for("MODES_END");
        for mode in ["icanon", "echo", "icrnl", "opost"] {
            assert!(
                screen.split_whitespace().any(|w| w == mode),
                "terminal mode {mode} is off after folio exited:\n{screen}"
            );
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-S").arg(self.socket()).arg("kill-server").output();
    }
}

/// Whether the process behind a /proc entry still runs (a zombie waiting
/// for its parent does not).
pub fn is_running(proc_dir: &Path) -> bool {
    std::fs::read_to_string(proc_dir.join("stat"))
        .ok()
        .and_then(|stat| stat.rsplit(')').next().map(|rest| !rest.trim_start().starts_with('Z')))
        .unwrap_or(false)
}
