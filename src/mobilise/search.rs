//! The exact search: branch and bound over the eligible facilitators.

use super::{Allocator, DIVERSITY, LEVEL_MARGIN, PAIRING, SENIOR_LEAD};
use crate::roster::Facilitator;
use std::cmp::Reverse;
use std::collections::HashSet;

/// The score of a team whose lead is `lead` (the module docs give its terms).
pub(super) fn team_score(allocator: &Allocator, members: &[&Facilitator], lead: &Facilitator) -> i64 {
    let fairness: i64 = members.iter().map(|f| i64::from(allocator.usage().left(f))).sum();
    let promotions: HashSet<u32> = members.iter().map(|f| f.promotion).collect();
    let pairing = if promotions.len() > 1 { PAIRING } else { 0 };
    let earliest = members.iter().map(|f| f.promotion).min();
    let senior = if Some(lead.promotion) == earliest { SENIOR_LEAD } else { 0 };
    let subdirectorates: HashSet<Option<&str>> = members.iter().map(|f| f.subdirectorate()).collect();
    let diversity = DIVERSITY * (subdirectorates.len() as i64 - 1);
    fairness + pairing + senior + level_bonus(allocator, lead) + diversity
}

fn level_bonus(allocator: &Allocator, lead: &Facilitator) -> i64 {
    LEVEL_MARGIN * (lead.level as i64 - allocator.need().hardest() as i64).max(0)
}

/// The best team among `eligible`: its members (in search order), its lead, its score.
pub(super) fn best<'f>(
    allocator: &Allocator,
    eligible: &[&'f Facilitator],
) -> Option<(Vec<&'f Facilitator>, &'f Facilitator, i64)> {
    let size = allocator.need().size;
    if size == 0 || size > eligible.len() || !eligible.iter().any(|f| allocator.can_lead(f)) {
        return None;
    }
    let mut order = eligible.to_vec();
    order.sort_by_key(|f| Reverse(allocator.usage().left(f)));
    let search = Search { allocator, bonus: bonus_bound(allocator, &order), order, size };
    let mut best = None;
    search.extend(0, &mut Vec::with_capacity(size), 0, &mut best);
    best
}

type Found<'f> = Option<(Vec<&'f Facilitator>, &'f Facilitator, i64)>;

struct Search<'a, 'f> {
    allocator: &'a Allocator<'a>,
    order: Vec<&'f Facilitator>,
    size: usize,
    /// The most any team can gain beyond fairness.
    bonus: i64,
}

impl<'f> Search<'_, 'f> {
    /// Tries every completion of `chosen` with facilitators from `next` on, skipping
    /// those that cannot beat `best`.
    fn extend(&self, next: usize, chosen: &mut Vec<&'f Facilitator>, fairness: i64, best: &mut Found<'f>) {
        if chosen.len() == self.size {
            self.judge(chosen, best);
            return;
        }
        let missing = self.size - chosen.len();
        for at in next..=self.order.len() - missing {
            // Sorted by days left: the best completion takes the next ones.
            let bound = fairness + self.left(&self.order[at..at + missing]) + self.bonus;
            if best.as_ref().is_some_and(|(_, _, score)| bound <= *score) {
                return;
            }
            let member = self.order[at];
            chosen.push(member);
            self.extend(at + 1, chosen, fairness + self.left(&[member]), best);
            chosen.pop();
        }
    }

    fn judge(&self, chosen: &[&'f Facilitator], best: &mut Found<'f>) {
        let leads = chosen.iter().filter(|f| self.allocator.can_lead(f));
        let scored = leads.map(|lead| (*lead, team_score(self.allocator, chosen, lead)));
        let top = scored.fold(None, |top: Option<(&Facilitator, i64)>, (lead, score)| match top {
            Some((_, kept)) if kept >= score => top,
            _ => Some((lead, score)),
        });
        if let Some((lead, score)) = top {
            if best.as_ref().is_none_or(|(_, _, kept)| score > *kept) {
                *best = Some((chosen.to_vec(), lead, score));
            }
        }
    }

    fn left(&self, members: &[&Facilitator]) -> i64 {
        members.iter().map(|f| i64::from(self.allocator.usage().left(f))).sum()
    }
}

/// An upper bound of pairing, seniority, level and diversity points over every team.
fn bonus_bound(allocator: &Allocator, eligible: &[&Facilitator]) -> i64 {
    let size = allocator.need().size as i64;
    let promotions: HashSet<u32> = eligible.iter().map(|f| f.promotion).collect();
    let pairing = if promotions.len() > 1 && size > 1 { PAIRING } else { 0 };
    let leads = eligible.iter().filter(|f| allocator.can_lead(f));
    let level = leads.map(|lead| level_bonus(allocator, lead)).max().unwrap_or(0);
    let subdirectorates: HashSet<Option<&str>> = eligible.iter().map(|f| f.subdirectorate()).collect();
    let diversity = DIVERSITY * (subdirectorates.len() as i64).min(size).saturating_sub(1);
    pairing + SENIOR_LEAD + level + diversity
}
