//! What is left of a fact told two ways once the tellings that are not
//! of one thing are taken out: numbers too far apart to be one quantity
//! ("3 people" and "25 million people"), dates of an article that gives a
//! timeline, and dates too far apart to be one day told two ways. Chosen
//! on the extraction dev set's stories (BENCHMARKS.md, "Issue 18").

use super::read::{amount, day_of};
use super::{Fact, Kind, Variant};

/// Two numbers this factor apart or more count different things: 1,000
/// troops against 650 is 1.54; on the dev set's stories, "$25" against
/// "$9.99" (two prices) was 2.5 and "25 years" against "50 years" (two
/// spans) 2.
const NUMBERS_APART: f64 = 1.8;

/// Two dates further apart than this many days are two events.
const DAYS_APART: u32 = 3;

/// The fact with only the variants that may tell one thing differently;
/// `None` when fewer than two are left.
pub fn dispute(mut fact: Fact) -> Option<Fact> {
    match fact.kind {
        Kind::Number => keep_close(&mut fact.variants, |a, b| {
            let (x, y) = (amount(&a.text), amount(&b.text));
            x.zip(y).is_some_and(|(x, y)| x.max(y) < NUMBERS_APART * x.min(y))
        }),
        Kind::Date => {
            leave_out_timelines(&mut fact.variants);
            keep_close(&mut fact.variants, |a, b| match (day_of(&a.text), day_of(&b.text)) {
                (Some((x, xy)), Some((y, yy))) => {
                    x.abs_diff(y) <= DAYS_APART && (xy == yy || xy.is_none() || yy.is_none())
                }
                _ => false,
            })
        }
        Kind::Name | Kind::Quote => {}
    }
    (fact.variants.len() >= 2).then_some(fact)
}

/// Keeps the variants with a partner told by another article that is
/// `close` to them.
fn keep_close(variants: &mut Vec<Variant>, close: impl Fn(&Variant, &Variant) -> bool) {
    let articles: Vec<Vec<usize>> = variants.iter().map(Variant::articles).collect();
    let keep: Vec<bool> = (0..variants.len())
        .map(|i| {
            (0..variants.len()).any(|j| {
                let other = articles[j].iter().any(|a| !articles[i].contains(a));
                j != i && other && close(&variants[i], &variants[j])
            })
        })
        .collect();
    let mut k = 0;
    variants.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// An article that gives two or more dates in one month tells a
/// timeline, not the date of the event: its places are taken out.
fn leave_out_timelines(variants: &mut Vec<Variant>) {
    let mut told: Vec<usize> = variants.iter().flat_map(Variant::articles).collect();
    told.sort_unstable();
    let timelines: Vec<usize> =
        told.chunk_by(|a, b| a == b).filter(|run| run.len() >= 2).map(|run| run[0]).collect();
    for variant in variants.iter_mut() {
        variant.places.retain(|p| !timelines.contains(&p.article));
    }
    variants.retain(|v| !v.places.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::compare::Place;

    fn variant(text: &str, articles: &[usize]) -> Variant {
        let places = articles
            .iter()
            .map(|&article| Place { article, paragraph: 0, offset: 0, sentence: format!("{text}.") })
            .collect();
        Variant { text: text.to_owned(), places }
    }

    fn fact(kind: Kind, variants: Vec<Variant>) -> Fact {
        Fact { kind, about: String::new(), variants }
    }

    fn texts(fact: Option<Fact>) -> Vec<String> {
        fact.map(|f| f.variants.into_iter().map(|v| v.text).collect()).unwrap_or_default()
    }

    #[test]
    fn numbers_near_each_other_are_one_quantity_told_two_ways() {
        let troops = fact(Kind::Number, vec![variant("1,000 troops", &[0, 1]), variant("650 troops", &[2])]);
        assert_eq!(texts(dispute(troops)), ["1,000 troops", "650 troops"]);
        let people = fact(Kind::Number, vec![variant("3 people", &[0]), variant("25 million people", &[1])]);
        assert!(dispute(people).is_none(), "three people and 25 million are two facts");
        let money = fact(Kind::Number, vec![variant("$45 million", &[0]), variant("$40 million", &[1])]);
        assert_eq!(texts(dispute(money)).len(), 2);
    }

    #[test]
    fn a_timeline_of_dates_is_not_a_dispute_but_a_day_apart_is() {
        let timeline = fact(
            Kind::Date,
            vec![
                variant("November 12", &[0]),
                variant("November 16", &[0]),
                variant("November 18 2019", &[1]),
            ],
        );
        assert!(dispute(timeline).is_none(), "article 0 gives a timeline");
        let launch = fact(Kind::Date, vec![variant("November 18 2019", &[0]), variant("November 19", &[1])]);
        assert_eq!(texts(dispute(launch)), ["November 18 2019", "November 19"]);
        let years = fact(Kind::Date, vec![variant("March 3 2019", &[0]), variant("March 4 2020", &[1])]);
        assert!(dispute(years).is_none());
    }
}
