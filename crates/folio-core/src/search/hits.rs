//! The hits of a search and their order: best first, equal scores in
//! corpus (file-name) order.

/// One article that matched, with its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub score: i64,
}

impl Hit {
    /// Whether the article lacks some words of a plain query (soft AND):
    /// such hits score below zero, below every hit with all the words.
    pub fn lacks_words(&self) -> bool {
        self.score < 0
    }
}

/// Best first; equal scores in corpus order.
pub(super) fn rank(hits: &mut [Hit]) {
    hits.sort_unstable_by_key(rank_key);
}

/// The widest spread of scores that is counted into place; a wider one is
/// sorted. A query's BM25 scores, in thousandths, span far fewer values
/// than a big query has hits (an article lacking words of a plain query
/// scores far below, and sends the ranking to the sort).
const COUNTING_SORT_SPAN: i64 = 1 << 16;

/// Ranks hits that are in article order: best first, and equal scores
/// stay in article order, so the result is what [`rank`] gives. Sorting
/// and merging by comparison after every step took a third as long as the
/// scoring itself (perf, a two-letter query over 100,000 articles).
pub(super) fn rank_in_article_order(hits: &mut [Hit]) {
    let (Some(best), Some(worst)) = (hits.iter().map(|h| h.score).max(), hits.iter().map(|h| h.score).min())
    else {
        return;
    };
    if best - worst >= COUNTING_SORT_SPAN {
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        return;
    }
    // The slot of a score counts down from the best; `starts[slot]` ends
    // up as where that slot's hits begin.
    let slot = |hit: &Hit| (best - hit.score) as usize;
    let mut starts = vec![0; (best - worst) as usize + 2];
    for hit in hits.iter() {
        starts[slot(hit) + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    // Read from a copy: the hits are written back in place.
    let unranked = hits.to_vec();
    for hit in unranked {
        let next = &mut starts[slot(&hit)];
        hits[*next] = hit;
        *next += 1;
    }
}

fn rank_key(hit: &Hit) -> (std::cmp::Reverse<i64>, usize) {
    (std::cmp::Reverse(hit.score), hit.article)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Counting hits into place by score ranks them exactly as sorting
        /// does, the fallback for scores spread too wide included.
        #[test]
        fn counting_ranks_as_sorting_does(
            scores in proptest::collection::vec(proptest::prop_oneof![0i64..40, 0i64..200_000], 0..300)
        ) {
            let hits: Vec<Hit> =
                scores.iter().enumerate().map(|(article, &score)| Hit { article, score }).collect();
            let mut counted = hits.clone();
            rank_in_article_order(&mut counted);
            let mut sorted = hits;
            rank(&mut sorted);
            proptest::prop_assert_eq!(counted, sorted);
        }
    }
}
