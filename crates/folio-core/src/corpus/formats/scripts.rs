//! Superscript and subscript text (`2<sup>7</sup>`) as a terminal can show
//! it: in Unicode's superscript or subscript letters where each character
//! has one ("2⁷", "H₂O"), else marked with `^` or `_` ("2^(n+k)"), never run
//! into the text before it ("27").

const SUPERSCRIPTS: &[(char, char)] = &[
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('-', '⁻'),
    ('=', '⁼'),
    ('(', '⁽'),
    (')', '⁾'),
    ('n', 'ⁿ'),
    ('i', 'ⁱ'),
];

const SUBSCRIPTS: &[(char, char)] = &[
    ('0', '₀'),
    ('1', '₁'),
    ('2', '₂'),
    ('3', '₃'),
    ('4', '₄'),
    ('5', '₅'),
    ('6', '₆'),
    ('7', '₇'),
    ('8', '₈'),
    ('9', '₉'),
    ('+', '₊'),
    ('-', '₋'),
    ('=', '₌'),
    ('(', '₍'),
    (')', '₎'),
];

/// `text` raised (`up`) or lowered.
pub fn shift(text: &str, up: bool) -> String {
    let table = if up { SUPERSCRIPTS } else { SUBSCRIPTS };
    let trimmed = text.trim();
    let mapped: Option<String> =
        trimmed.chars().map(|c| table.iter().find(|(from, _)| *from == c).map(|(_, to)| *to)).collect();
    match mapped {
        Some(mapped) if !mapped.is_empty() => mapped,
        _ if trimmed.is_empty() => String::new(),
        _ => {
            let mark = if up { '^' } else { '_' };
            if trimmed.chars().count() == 1 {
                format!("{mark}{trimmed}")
            } else {
                format!("{mark}({trimmed})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_rise_and_fall_and_words_are_marked() {
        assert_eq!(shift("7", true), "⁷");
        assert_eq!(shift("2", false), "₂");
        assert_eq!(shift("n+1", true), "ⁿ⁺¹");
        assert_eq!(shift("th", true), "^(th)");
        assert_eq!(shift("x", false), "_x");
    }
}
