//! The ordering rules as data: which blocks a sequence shows, in order.
//!
//! A [`SequenceRules`] lists the principal blocks of the main titles, the
//! billing block and the head of end-only end credits. The built-in
//! profiles below follow SPEC §3.1–§3.3; a caller can build its own
//! `SequenceRules` from the same [`Block`]s and pass it to
//! [`crate::order::order_with_rules`].

use crate::table::Profile;
use crate::vocabulary::Role;

/// One block of a sequence: a run of cards that share a rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Block {
    /// Every credited entry of these roles, role by role in list order;
    /// each role is its own heading. The director's block also receives
    /// the hyphenate merge (SPEC §3.1).
    Roles(&'static [Role]),
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

use Role::*;

const DISTRIBUTOR: Block = Block::Roles(&[Distributor]);
const FINANCIERS: Block = Block::Roles(&[Financier]);
const COMPANIES: Block = Block::Roles(&[ProductionCompany]);
const CASTING: Block = Block::Roles(&[CastingDirector]);
const MUSIC: Block = Block::Roles(&[Composer, MusicSupervisor]);
const COSTUME: Block = Block::Roles(&[CostumeDesigner]);
const ASSOCIATES: Block = Block::Roles(&[AssociateProducer]);
const EDITOR: Block = Block::Roles(&[Editor]);
const DESIGNER: Block = Block::Roles(&[ProductionDesigner]);
const DOP: Block = Block::Roles(&[DirectorOfPhotography]);
const CO_PRODUCERS: Block = Block::Roles(&[CoProducer]);
const LINE_PRODUCER: Block = Block::Roles(&[LineProducer]);
const CO_EXECUTIVES: Block = Block::Roles(&[CoExecutiveProducer]);
const EXECUTIVES: Block = Block::Roles(&[ExecutiveProducer]);
const PRODUCERS: Block = Block::Roles(&[Producer]);
/// Writers' block order (SPEC §3.1): written or screenplay, then story,
/// then source material.
const WRITERS: Block = Block::Roles(&[
    WrittenBy,
    ScreenplayBy,
    TeleplayBy,
    StoryBy,
    ScreenStoryBy,
    BasedOn,
    CharactersBy,
    CreatedBy,
    DevelopedBy,
]);
const DIRECTOR: Block = Block::Roles(&[Director]);

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
        DIRECTOR,
    ],
    // Forsman's closing-credits list: reverse importance.
    end_head: &[
        Block::Possessory,
        DIRECTOR,
        WRITERS,
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
/// cast (series regulars), and the writers' block led by the teleplay.
pub const EPISODIC: SequenceRules = {
    const CREATORS: Block = Block::Roles(&[CreatedBy, DevelopedBy]);
    const TV_WRITERS: Block = Block::Roles(&[
        WrittenBy,
        TeleplayBy,
        ScreenplayBy,
        StoryBy,
        ScreenStoryBy,
        BasedOn,
        CharactersBy,
    ]);
    SequenceRules {
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
            Block::Roles(&[ConsultingProducer, SupervisingProducer]),
            CO_EXECUTIVES,
            EXECUTIVES,
            PRODUCERS,
            TV_WRITERS,
            DIRECTOR,
        ],
        billing_block: FEATURE.billing_block,
        end_head: &[
            Block::Possessory,
            DIRECTOR,
            CREATORS,
            TV_WRITERS,
            PRODUCERS,
            EXECUTIVES,
            CO_EXECUTIVES,
            Block::Roles(&[SupervisingProducer, ConsultingProducer]),
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
    }
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

    /// A role whose credit kind the principal cards read (the director,
    /// writers, "Produced by") is on the principal cards of every built-in
    /// profile: a new such row must be placed here too.
    #[test]
    fn every_principal_credit_kind_has_a_block() {
        let listed = |blocks: &[Block], role: Role| {
            blocks
                .iter()
                .any(|block| matches!(block, Block::Roles(roles) if roles.contains(&role)))
        };
        for rules in [&FEATURE, &EPISODIC] {
            for info in ROLES {
                let credit = info.credit;
                if credit.directs() || credit.writes() || credit.merges().is_some() || credit.pga() {
                    for blocks in [rules.main_titles, rules.billing_block, rules.end_head] {
                        assert!(listed(blocks, info.role), "{} has no block", info.id());
                    }
                }
            }
        }
    }
}
