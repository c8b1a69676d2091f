//! The configuration file: TOML under the XDG config folder, read once at
//! start into settings the command line may override. A setting that is
//! unknown or wrong is reported with its line and field, and its default
//! used; the rest of the file still counts.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use crate::keys::{Action, Key, Keymap};
use crate::theme;
use crate::theme::colour::ColourChoice;

/// The commented default, printed by `--print-default-config`.
/// A config file is a few hundred bytes; one bigger than this is not one.
pub const MAX_BYTES: u64 = 1024 * 1024;

pub const DEFAULT: &str = include_str!("../assets/config.toml");

/// The reader's text width may be set within these bounds.
const TEXT_WIDTHS: std::ops::RangeInclusive<i64> = 20..=200;

/// What the file sets; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<String>,
    pub colour: Option<ColourChoice>,
    pub text_width: Option<u16>,
    pub paths: Vec<PathBuf>,
    pub keys: Keymap,
    pub mouse: Option<bool>,
}

/// One thing wrong with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The line of the field, when it can be found.
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "config line {line}, `{}`: {} (default used)", self.field, self.message),
            None => write!(f, "config `{}`: {} (default used)", self.field, self.message),
        }
    }
}

/// Where the file lives: `$XDG_CONFIG_HOME/folio/config.toml`, or
/// `~/.config/folio/config.toml`.
pub fn default_path(xdg_config_home: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    crate::fsutil::xdg_dir(xdg_config_home, home, ".config").map(|dir| dir.join("config.toml"))
}

/// Reads a config file's text: what it sets, and what was wrong with it.
pub fn parse(text: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let lines = FieldLines::new(text);
    let table = match text.parse::<toml::Table>() {
        Ok(table) => table,
        Err(err) => {
            let line = err.span().map(|span| line_of(text, span.start));
            problems.push(Problem { line, field: "(file)".into(), message: err.message().to_owned() });
            return (config, problems);
        }
    };
    for (field, value) in &table {
        let mut problem =
            |message: String| problems.push(Problem { line: lines.of(field), field: field.clone(), message });
        match (field.as_str(), value) {
            ("theme", toml::Value::String(name)) if theme::NAMES.contains(&name.as_str()) => {
                config.theme = Some(name.clone());
            }
            ("theme", _) => problem(format!("must be one of {}", theme::NAMES.join(", "))),
            ("color", toml::Value::String(when)) => match when.as_str() {
                "auto" => config.colour = Some(ColourChoice::Auto),
                "always" => config.colour = Some(ColourChoice::Always),
                "never" => config.colour = Some(ColourChoice::Never),
                _ => problem("must be \"auto\", \"always\" or \"never\"".into()),
            },
            ("color", _) => problem("must be \"auto\", \"always\" or \"never\"".into()),
            ("text_width", toml::Value::Integer(width)) if TEXT_WIDTHS.contains(width) => {
                config.text_width = u16::try_from(*width).ok();
            }
            ("text_width", _) => problem(format!(
                "must be a whole number from {} to {}",
                TEXT_WIDTHS.start(),
                TEXT_WIDTHS.end()
            )),
            ("paths", toml::Value::Array(paths)) if paths.iter().all(toml::Value::is_str) => {
                config.paths = paths.iter().filter_map(toml::Value::as_str).map(PathBuf::from).collect();
            }
            ("paths", _) => problem("must be a list of paths, like [\"~/articles\"]".into()),
            ("mouse", toml::Value::Boolean(on)) => config.mouse = Some(*on),
            ("mouse", _) => problem("must be true or false".into()),
            ("keys", toml::Value::Table(keys)) => {
                for (name, keys) in keys {
                    if let Err(message) = rebind(&mut config.keys, name, keys) {
                        problems.push(Problem {
                            line: lines.of(name),
                            field: format!("keys.{name}"),
                            message,
                        });
                    }
                }
            }
            ("keys", _) => problem("must be a table of action = [keys]".into()),
            (_, _) => problem("is not a setting folio knows".into()),
        }
    }
    (config, problems)
}

fn rebind(keymap: &mut Keymap, name: &str, keys: &toml::Value) -> Result<(), String> {
    let action = Action::from_name(name)
        .ok_or_else(|| "is not an action folio has (see ? for their names)".to_owned())?;
    let keys = keys.as_array().ok_or("must be a list of keys, like [\"j\", \"Down\"]")?;
    let keys: Vec<Key> = keys
        .iter()
        .map(|k| k.as_str().ok_or_else(|| "keys are written as strings".to_owned()).and_then(Key::parse))
        .collect::<Result<_, _>>()?;
    if keys.is_empty() {
        return Err("needs at least one key".into());
    }
    keymap.rebind(action, keys)
}

/// The line (from 1) at byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line where each field is first set (`field =` at the start of a
/// line), found in one pass: searching the file again for each field took
/// 17 s over 40,000 unknown ones.
struct FieldLines<'a>(HashMap<&'a str, usize>);

impl<'a> FieldLines<'a> {
    fn new(text: &'a str) -> Self {
        let mut lines = HashMap::new();
        for (index, line) in text.lines().enumerate() {
            if let Some((field, _)) = line.split_once('=') {
                lines.entry(field.trim()).or_insert(index + 1);
            }
        }
        FieldLines(lines)
    }

    fn of(&self, field: &str) -> Option<usize> {
        self.0.get(field).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_sets_the_defaults_without_a_problem() {
        let (config, problems) = parse(DEFAULT);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.theme.as_deref(), Some("default"));
        assert_eq!(config.colour, Some(ColourChoice::Auto));
        assert_eq!(config.text_width, Some(100));
        assert_eq!(config.keys, Keymap::default());
    }

    #[test]
    fn bad_values_name_their_line_and_field_and_the_rest_still_counts() {
        let text = "theme = \"neon\"\ntext_width = 5\nmystery = 1\ncolor = \"never\"\n";
        let (config, problems) = parse(text);
        assert_eq!(config.colour, Some(ColourChoice::Never), "the good line counts");
        assert_eq!(config.theme, None);
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(said.iter().any(|p| p.starts_with("config line 1, `theme`")), "{said:?}");
        assert!(said.iter().any(|p| p.starts_with("config line 2, `text_width`: must be")), "{said:?}");
        assert!(said.iter().any(|p| p.contains("line 3, `mystery`: is not a setting")), "{said:?}");
    }

    /// Each unknown key was found by searching the file from the top: 17 s
    /// for 40,000 of them. Quadratic, this test would take minutes.
    #[test]
    fn many_unknown_keys_are_each_placed_in_linear_time() {
        let text: String = (0..40_000).map(|i| format!("unknown_{i} = {i}\n")).collect();
        let (_, problems) = parse(&text);
        assert_eq!(problems.len(), 40_000);
        let last = problems.iter().find(|p| p.field == "unknown_39999").expect("reported");
        assert_eq!(last.line, Some(40_000));
    }

    #[test]
    fn a_broken_file_says_where() {
        let (_, problems) = parse("theme = \"default\"\ncolor = \n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2), "{problems:?}");
    }

    #[test]
    fn keys_are_rebound_by_action_name() {
        let (config, problems) = parse("[keys]\nselect_next = [\"n\", \"Down\"]\nquit = [\"Q\"]\n");
        assert!(problems.is_empty(), "{problems:?}");
        let help: Vec<String> = crate::keys::BINDINGS
            .iter()
            .filter(|b| b.action == Action::Quit)
            .map(|b| config.keys.keys_of(b).iter().map(ToString::to_string).collect::<Vec<_>>().join(" "))
            .collect();
        assert!(help.contains(&"Q".to_owned()), "{help:?}");
    }

    #[test]
    fn a_key_that_would_mean_two_things_is_refused() {
        let (config, problems) =
            parse("[keys]\nselect_next = [\"k\"]\nsparkle = [\"x\"]\nquit = [\"Hyper-q\"]\n");
        assert_eq!(config.keys, Keymap::default());
        let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(said.iter().any(|p| p.contains("keys.select_next") && p.contains("would both")), "{said:?}");
        assert!(said.iter().any(|p| p.contains("keys.sparkle") && p.contains("not an action")), "{said:?}");
        assert!(said.iter().any(|p| p.contains("keys.quit") && p.contains("not a key")), "{said:?}");
    }

    #[test]
    fn every_name_the_help_shows_can_be_rebound_by() {
        for binding in crate::keys::BINDINGS {
            let name = binding.action.name().expect("a plain action");
            let back = Action::from_name(&name).expect(&name);
            assert_eq!(back, binding.action, "{name}");
        }
    }

    #[test]
    fn the_config_folder_follows_xdg() {
        assert_eq!(default_path(Some("/c"), Some("/h")), Some(PathBuf::from("/c/folio/config.toml")));
        assert_eq!(default_path(None, Some("/h")), Some(PathBuf::from("/h/.config/folio/config.toml")));
    }
}
