//! Named styles, in one place, as a value: `App` holds the `Theme` chosen at
//! start-up and every renderer reads it from there. Themes are TOML files in
//! `assets/themes`, compiled in; building one brings its colours down to the
//! terminal's depth, so no renderer ever thinks about colour modes. Every
//! state that matters (selection, focus, a match) also carries a modifier,
//! so it stays visible where colours are mapped oddly or not shown at all.

pub mod colour;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::corpus::Inline;
use colour::Depth;

/// The themes compiled into folio, by the name `--theme` takes.
const BUNDLED: &[(&str, &str)] = &[
    ("default", include_str!("../assets/themes/default.toml")),
    ("light", include_str!("../assets/themes/light.toml")),
    ("high-contrast", include_str!("../assets/themes/high-contrast.toml")),
];

/// The names `--theme` accepts.
pub const NAMES: [&str; 3] = [BUNDLED[0].0, BUNDLED[1].0, BUNDLED[2].0];

/// Declares the theme's named styles once, for the struct the renderers
/// read and for the file it is read from, so the two cannot drift apart.
macro_rules! named_styles {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every style folio draws with, already brought down to the
        /// terminal's colour depth.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $($(#[$doc])* pub $name: Style,)*
        }

        /// A theme file: one `{ fg, bg, modifiers }` table per style.
        #[derive(Debug, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct ThemeFile {
            $($name: StyleSpec,)*
        }

        impl ThemeFile {
            fn build(self, depth: Depth) -> Result<Theme, String> {
                Ok(Theme {
                    $($name: depth.reduce(
                        self.$name.style().map_err(|err| format!("{}: {err}", stringify!($name)))?,
                    ),)*
                })
            }
        }
    };
}

named_styles! {
    selected_focused,
    selected_unfocused,
    /// A matched word.
    match_highlight,
    /// The match `n`/`N` went to.
    match_current,
    /// A match inside a selected row, where yellow on cyan would be unreadable.
    match_selected,
    border,
    border_focused,
    pane_title,
    dim,
    article_title,
    meta,
    key,
    notice,
    prompt,
    /// `|` in a query.
    operator,
    /// A piece of a query that meant nothing and was left out.
    ignored,
    heading,
    article_heading,
    quote,
    code,
    reference,
    /// Site furniture in the raw view: there, but out of the way.
    furniture,
    /// A link's text: underlined, as everywhere.
    link,
}

/// One style as a theme file writes it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<ModifierName>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum ModifierName {
    Bold,
    Dim,
    Italic,
    Underlined,
    Reversed,
    CrossedOut,
}

impl StyleSpec {
    fn style(&self) -> Result<Style, String> {
        let colour = |name: &Option<String>| {
            name.as_deref()
                .map(|n| n.parse::<Color>().map_err(|_| format!("{n:?} is not a colour")))
                .transpose()
        };
        let modifiers = self.modifiers.iter().fold(Modifier::empty(), |all, name| all | name.modifier());
        Ok(Style { fg: colour(&self.fg)?, bg: colour(&self.bg)?, ..Style::new().add_modifier(modifiers) })
    }
}

impl ModifierName {
    fn modifier(self) -> Modifier {
        match self {
            ModifierName::Bold => Modifier::BOLD,
            ModifierName::Dim => Modifier::DIM,
            ModifierName::Italic => Modifier::ITALIC,
            ModifierName::Underlined => Modifier::UNDERLINED,
            ModifierName::Reversed => Modifier::REVERSED,
            ModifierName::CrossedOut => Modifier::CROSSED_OUT,
        }
    }
}

/// A theme that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("no theme named {0:?} (themes: {names})", names = NAMES.join(", "))]
    Unknown(String),
    #[error("theme {name:?} is broken: {reason}")]
    Invalid { name: String, reason: String },
}

impl Theme {
    /// The bundled theme `name`, for a terminal that shows `depth`.
    pub fn named(name: &str, depth: Depth) -> Result<Theme, ThemeError> {
        let (_, text) =
            BUNDLED.iter().find(|(n, _)| *n == name).ok_or_else(|| ThemeError::Unknown(name.to_owned()))?;
        let invalid = |reason: String| ThemeError::Invalid { name: name.to_owned(), reason };
        let file: ThemeFile = toml::from_str(text).map_err(|err| invalid(err.to_string()))?;
        let mut theme = file.build(depth).map_err(invalid)?;
        if depth == Depth::None {
            // Without colour, the focused pane's border is told apart by weight.
            theme.border_focused = theme.border_focused.add_modifier(Modifier::BOLD);
        }
        Ok(theme)
    }

    /// The style of inline emphasis, over the style of its line.
    pub fn inline(&self, inline: Inline) -> Style {
        let mut style = Style::new();
        if inline.emphasis {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if inline.strong {
            style = style.add_modifier(Modifier::BOLD);
        }
        if inline.code {
            style = style.patch(self.code);
        }
        if inline.link {
            style = style.patch(self.link);
        }
        if inline.reference_mark {
            style = style.patch(self.dim);
        }
        if inline.strike {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
        style
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused { self.border_focused } else { self.border }
    }
}

impl Default for Theme {
    /// The default theme on the 16 colours every terminal has.
    fn default() -> Self {
        // The bundled themes are checked by the tests below.
        Theme::named(NAMES[0], Depth::Ansi16).expect("the default theme is valid")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_theme_builds_at_every_depth() {
        for name in NAMES {
            for depth in [Depth::None, Depth::Ansi16, Depth::Ansi256, Depth::TrueColour] {
                assert!(
                    Theme::named(name, depth).is_ok(),
                    "{name} at {depth:?}: {:?}",
                    Theme::named(name, depth)
                );
            }
        }
    }

    #[test]
    fn the_default_theme_uses_only_the_16_colours() {
        let theme = Theme::default();
        assert_eq!(theme.selected_focused, Style::new().fg(Color::Black).bg(Color::Cyan).bold());
        assert_eq!(Theme::named("default", Depth::TrueColour), Ok(theme));
    }

    #[test]
    fn an_unknown_theme_names_the_ones_there_are() {
        let err = Theme::named("solarised", Depth::Ansi16).expect_err("no such theme");
        assert_eq!(err.to_string(), "no theme named \"solarised\" (themes: default, light, high-contrast)");
    }

    #[test]
    fn without_colour_states_keep_their_modifiers() {
        let theme = Theme::named("default", Depth::None).expect("valid");
        assert!(theme.selected_focused.add_modifier.contains(Modifier::REVERSED | Modifier::BOLD));
        assert!(theme.match_current.add_modifier.contains(Modifier::REVERSED | Modifier::UNDERLINED));
        assert!(theme.match_highlight.add_modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
        assert!(theme.border_focused.add_modifier.contains(Modifier::BOLD));
        assert_eq!((theme.selected_focused.fg, theme.selected_focused.bg), (None, None));
    }

    #[test]
    fn a_bad_colour_is_named() {
        let spec = StyleSpec { fg: Some("chartreuse-ish".into()), ..StyleSpec::default() };
        assert_eq!(spec.style(), Err("\"chartreuse-ish\" is not a colour".to_owned()));
    }
}
