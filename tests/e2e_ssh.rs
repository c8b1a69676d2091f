//! End to end over a real SSH connection: a throwaway `sshd` on 127.0.0.1,
//! `ssh -tt` run inside tmux as a person would, folio on the far side. The
//! screen is read through the whole chain, under the terminal types people
//! connect with, and a dropped link must end folio and give the terminal
//! back. Every wait polls with a generous deadline.

mod common;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use common::tmux::{DEADLINE, POLL, Tmux, is_running};

const SSHD: &str = "/usr/sbin/sshd";

/// A private sshd on a free loopback port, with its own host key, one
/// user key and nothing else; stopped when dropped.
struct Sshd {
    dir: tempfile::TempDir,
    port: u16,
    child: Child,
}

impl Sshd {
    /// Starts sshd, or returns `None` (with a note) where it is not
    /// installed outside CI. In CI a missing sshd fails: `.ci/run` installs it.
    fn start() -> Option<Sshd> {
        if !Path::new(SSHD).exists() {
            assert!(std::env::var_os("CI").is_none(), "sshd is missing in CI: .ci/run should install it");
            eprintln!("skipping: {SSHD} is not installed");
            return None;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        for key in ["host_key", "user_key"] {
            let made = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(dir.path().join(key))
                .status()
                .expect("ssh-keygen runs");
            assert!(made.success());
        }
        std::fs::copy(dir.path().join("user_key.pub"), dir.path().join("authorized_keys")).expect("copy key");
        // sshd insists on its privilege-separation directory.
        std::fs::create_dir_all("/run/sshd").expect("/run/sshd");
        let port = free_port();
        let d = dir.path().display();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nAuthorizedKeysFile {d}/authorized_keys\n\
             PidFile {d}/sshd.pid\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n"
        );
        std::fs::write(dir.path().join("sshd_config"), config).expect("write config");
        let child = Command::new(SSHD)
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(dir.path().join("sshd_config"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sshd starts");
        let sshd = Sshd { dir, port, child };
        sshd.wait_until_listening();
        Some(sshd)
    }

    fn wait_until_listening(&self) {
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(start.elapsed() < DEADLINE, "sshd did not listen on port {}", self.port);
            std::thread::sleep(POLL);
        }
    }

    /// The command line that runs folio with `args` on the far side under
    /// `env` (`TERM=xterm`, ...), recording its pid, and echoes ssh's exit
    /// code.
    fn folio_command(&self, env: &str, args: &str) -> String {
        let script = self.dir.path().join("run.sh");
        let pid = self.dir.path().join("folio.pid");
        let folio = env!("CARGO_BIN_EXE_folio");
        // Reading state stays in the test's folder, never the user's.
        let state = self.dir.path().join("state");
        let run = format!(
            "echo $$ > {}\nexec env XDG_STATE_HOME={} XDG_CONFIG_HOME=/nonexistent XDG_CACHE_HOME=/nonexistent {env} {folio} {args}\n",
            pid.display(),
            state.display()
        );
        std::fs::write(&script, run).expect("write script");
        format!(
            "ssh -tt -i {}/user_key -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o LogLevel=ERROR -p {} root@127.0.0.1 sh {}; printf '\\nSSH_EXIT=%s\\n' $?",
            self.dir.path().display(),
            self.port,
            script.display()
        )
    }

    /// The pid of folio on the far side, once it has started.
    fn folio_pid(&self) -> String {
        let path = self.dir.path().join("folio.pid");
        std::fs::read_to_string(path).expect("folio wrote its pid").trim().to_owned()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("bound").port()
}

/// The `ssh` client running under the pane's shell.
fn ssh_client_of(shell: &str) -> Option<PathBuf> {
    std::fs::read_dir("/proc").ok()?.flatten().map(|e| e.path()).find(|proc_dir| {
        let stat = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
        // "pid (comm) state ppid ..."
        let Some((comm, rest)) = stat.split_once(") ") else { return false };
        comm.ends_with("(ssh") && rest.split_whitespace().nth(1) == Some(shell)
    })
}

#[test]
fn read_and_filter_over_ssh_then_the_link_drops() {
    let Some(sshd) = Sshd::start() else { return };
    let Some(tmux) = Tmux::start(80, 24) else { return };
    tmux.type_line(&sshd.folio_command("TERM=xterm-256color", ""));
    let screen = tmux.wait_for("1/5");
    assert!(screen.contains("US military kicked out of"), "{screen}");

    tmux.keys(&["/"]);
    tmux.text("uranium");
    tmux.wait_for("2 of 5 match");
    tmux.keys(&["Enter", "j", "Enter"]);
    let screen = tmux.wait_for("match 1/1");
    assert!(screen.contains("vast uranium reserves"), "{screen}");

    // The link drops: the client is killed, sshd hangs up folio's terminal.
    let folio = sshd.folio_pid();
    let shell = tmux.query("#{pane_pid}");
    let client = ssh_client_of(&shell).expect("the ssh client is running");
    let pid = client.file_name().and_then(|n| n.to_str()).expect("a pid").to_owned();
    let killed = Command::new("sh").arg("-c").arg(format!("kill -TERM {pid}")).status().expect("sh runs");
    assert!(killed.success());
    tmux.wait_for("SSH_EXIT=255");
    let proc_dir = Path::new("/proc").join(&folio);
    let start = Instant::now();
    while is_running(&proc_dir) {
        assert!(start.elapsed() < DEADLINE, "folio (pid {folio}) outlived its SSH connection");
        std::thread::sleep(POLL);
    }
    // Nothing could send the local terminal folio's way out of the
    // alternate screen, but ssh hands back a working line discipline.
    tmux.assert_line_discipline_is_sane();
    // And folio saved where the reader was on its way out, though its
    // terminal was gone.
    let saved = std::fs::read_to_string(sshd.dir.path().join("state/folio/state.json")).expect("state saved");
    assert!(saved.contains("\"last_query\": \"uranium\""), "{saved}");
}

#[test]
fn the_screen_reads_right_under_each_terminal_type() {
    let Some(sshd) = Sshd::start() else { return };
    for env in ["TERM=xterm-256color", "TERM=screen-256color", "TERM=xterm", "TERM=linux", "NO_COLOR=1"] {
        let Some(tmux) = Tmux::start(80, 24) else { return };
        tmux.type_line(&sshd.folio_command(env, "--no-state"));
        let screen = tmux.wait_for("1/5");
        assert!(screen.contains("┌ Articles"), "{env}: the frame is drawn:\n{screen}");
        assert!(screen.contains("US Looking To Stay in"), "{env}:\n{screen}");
        tmux.keys(&["G", "Enter"]);
        let screen = tmux.wait_for("j scroll");
        assert!(screen.contains("004_73e098508302a61c.txt"), "{env}: the last article is open:\n{screen}");
        tmux.keys(&["q"]);
        tmux.wait_for("SSH_EXIT=0");
        tmux.assert_shell_is_sane();
    }
}
