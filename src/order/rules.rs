//! The ordering rules as data: which blocks a sequence shows, in order.
//!
//! A [`SequenceRules`] lists the principal blocks of the main titles, the
//! billing block and the head of end-only end credits. The built-in
//! profiles below follow SPEC §3.1–§3.3; a caller can build its own
//! `SequenceRules` from the same [`Block`]s and pass it to
//! [`crate::order::order_with_rules`].

use crate::table::Profile;
use crate::vocabulary::Principal;

/// One block of a sequence: a run of cards that share a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Block {
    /// Every credited entry of the roles of a principal credit (the
    /// vocabulary's [`RoleInfo::principal`](crate::vocabulary::RoleInfo::principal)
    /// column), role by role in vocabulary order; each role is its own
    /// heading. The director's block also receives the hyphenate merge
    /// (SPEC §3.1).
    Principal(Principal),
    /// The possessory credit ("A Film by") of a director flagged `possessory`.
    Possessory,
    /// Cast flagged `above_title`, by billing.
    AboveTitleCast,
    /// The title card.
    Title,
    /// The other billed cast up to the sequence's limit, then the special
    /// cast credits in [`SPECIAL_CAST_ORDER`].
    Cast,
}

/// The order in which special cast credits close the cast block (SPEC
/// §3.1: featuring, introducing, with, and, and_as). A special appearance
/// sits with "with"; a voice role is billed like a star.
pub const SPECIAL_CAST_ORDER: &[crate::table::CastCredit] = {
    use crate::table::CastCredit::*;
    &[Featuring, Introducing, With, SpecialAppearance, And, AndAs]
};

/// The principal blocks of each sequence for one profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SequenceRules {
    /// Main titles, first card first (the director last).
    pub main_titles: &'static [Block],
    /// The poster billing block.
    pub billing_block: &'static [Block],
    /// The head of end-only end credits, before the crawl (director first).
    pub end_head: &'static [Block],
}

const DISTRIBUTOR: Block = Block::Principal(Principal::Distributor);
const FINANCIERS: Block = Block::Principal(Principal::Financiers);
const COMPANIES: Block = Block::Principal(Principal::Companies);
const CASTING: Block = Block::Principal(Principal::Casting);
const MUSIC: Block = Block::Principal(Principal::Music);
const COSTUME: Block = Block::Principal(Principal::Costume);
const ASSOCIATES: Block = Block::Principal(Principal::AssociateProducers);
const EDITOR: Block = Block::Principal(Principal::Editor);
const DESIGNER: Block = Block::Principal(Principal::ProductionDesigner);
const DOP: Block = Block::Principal(Principal::Photography);
const CO_PRODUCERS: Block = Block::Principal(Principal::CoProducers);
const LINE_PRODUCER: Block = Block::Principal(Principal::LineProducer);
const SUPERVISING: Block = Block::Principal(Principal::SupervisingProducers);
const CO_EXECUTIVES: Block = Block::Principal(Principal::CoExecutiveProducers);
const EXECUTIVES: Block = Block::Principal(Principal::ExecutiveProducers);
const PRODUCERS: Block = Block::Principal(Principal::Producers);
/// Writers' block order (SPEC §3.1): written or screenplay, then story,
/// then source material (the vocabulary's order).
const WRITERS: Block = Block::Principal(Principal::Writers);
const CREATORS: Block = Block::Principal(Principal::Creators);
const DIRECTOR: Block = Block::Principal(Principal::Director);

/// Feature films (SPEC §3.1, §3.2, §3.3).
pub const FEATURE: SequenceRules = SequenceRules {
    main_titles: &[
        DISTRIBUTOR,
        FINANCIERS,
        COMPANIES,
        Block::Possessory,
        Block::AboveTitleCast,
        Block::Title,
        Block::Cast,
        CASTING,
        MUSIC,
        COSTUME,
        ASSOCIATES,
        EDITOR,
        DESIGNER,
        DOP,
        CO_PRODUCERS,
        LINE_PRODUCER,
        CO_EXECUTIVES,
        EXECUTIVES,
        PRODUCERS,
        WRITERS,
        CREATORS,
        DIRECTOR,
    ],
    billing_block: &[
        DISTRIBUTOR,
        FINANCIERS,
        COMPANIES,
        Block::Possessory,
        Block::AboveTitleCast,
        Block::Title,
        Block::Cast,
        CASTING,
        MUSIC,
        COSTUME,
        EDITOR,
        DESIGNER,
        DOP,
        CO_PRODUCERS,
        CO_EXECUTIVES,
        EXECUTIVES,
        PRODUCERS,
        WRITERS,
        CREATORS,
        DIRECTOR,
    ],
    // Forsman's closing-credits list: reverse importance.
    end_head: &[
        Block::Possessory,
        DIRECTOR,
        WRITERS,
        CREATORS,
        PRODUCERS,
        EXECUTIVES,
        CO_EXECUTIVES,
        LINE_PRODUCER,
        CO_PRODUCERS,
        Block::AboveTitleCast,
        Block::Cast,
        DOP,
        DESIGNER,
        EDITOR,
        ASSOCIATES,
        COSTUME,
        MUSIC,
        CASTING,
    ],
};

/// Episodic television: "Created by" right after the title, before the
/// cast (series regulars), and the supervising and consulting producers
/// among the producers.
pub const EPISODIC: SequenceRules = SequenceRules {
    main_titles: &[
        DISTRIBUTOR,
        FINANCIERS,
        COMPANIES,
        Block::Possessory,
        Block::AboveTitleCast,
        Block::Title,
        CREATORS,
        Block::Cast,
        CASTING,
        MUSIC,
        COSTUME,
        ASSOCIATES,
        EDITOR,
        DESIGNER,
        DOP,
        CO_PRODUCERS,
        LINE_PRODUCER,
        SUPERVISING,
        CO_EXECUTIVES,
        EXECUTIVES,
        PRODUCERS,
        WRITERS,
        DIRECTOR,
    ],
    billing_block: FEATURE.billing_block,
    end_head: &[
        Block::Possessory,
        DIRECTOR,
        CREATORS,
        WRITERS,
        PRODUCERS,
        EXECUTIVES,
        CO_EXECUTIVES,
        SUPERVISING,
        LINE_PRODUCER,
        CO_PRODUCERS,
        Block::AboveTitleCast,
        Block::Cast,
        DOP,
        DESIGNER,
        EDITOR,
        ASSOCIATES,
        COSTUME,
        MUSIC,
        CASTING,
    ],
};

impl SequenceRules {
    /// The built-in rules of a profile. Documentaries follow the feature rules.
    pub const fn for_profile(profile: Profile) -> &'static SequenceRules {
        match profile {
            Profile::Feature | Profile::Documentary => &FEATURE,
            Profile::Episodic => &EPISODIC,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::ROLES;

    /// Every principal credit a role of the vocabulary belongs to has a
    /// block in every built-in profile's main titles, and the director's
    /// and the writers' in every sequence: a new role of a principal credit
    /// is placed by its row alone.
    #[test]
    fn every_principal_credit_has_a_block() {
        let has = |blocks: &[Block], principal| blocks.contains(&Block::Principal(principal));
        for rules in [&FEATURE, &EPISODIC] {
            for principal in ROLES.iter().filter_map(|info| info.principal) {
                // The feature shows supervising producers in the crawl.
                if principal == Principal::SupervisingProducers && core::ptr::eq(rules, &FEATURE) {
                    continue;
                }
                assert!(has(rules.main_titles, principal), "{principal:?}");
            }
            for blocks in [rules.main_titles, rules.billing_block, rules.end_head] {
                assert!(has(blocks, Principal::Director));
                assert!(has(blocks, Principal::Writers));
            }
        }
    }
}
