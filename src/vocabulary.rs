//! The role vocabulary and the crawl departments, as data.
//!
//! Everything a rule needs to know about a role is a column of [`ROLES`]:
//! its department, its rank inside the department (heads first), its
//! on-screen titles, its default budget account and side of the line, the
//! account it moves to as a profit participant, what kind of credit it
//! gives ([`Credit`]: directs, writes, merges into the director's card,
//! may carry p.g.a., acts, once per picture) and the principal credit it
//! belongs to ([`Principal`]: the slot of the main titles, billing block
//! and end-only head it goes in). Every ordering rule and guild warning
//! reads these columns instead of a list of roles of its own.
//!
//! **Adding a role is adding a row** to the `roles!` table below: the
//! macro makes the [`Role`] variant, its id and its row, and the row alone
//! places it. Only a new *kind* of principal credit (a new [`Principal`])
//! is also placed in the sequences' blocks of [`crate::order::rules`]. The
//! tests check that ids are unique snake_case, that every row reads back,
//! that the credit kinds are consistent, and that every principal credit
//! has a block in every built-in profile.

use crate::error::{ErrorKind, IdKind};
use crate::ids::IdIndex;
use crate::wire::wire_enum;

mod pack;

wire_enum! {
    /// Side of the budget line.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "defmt", derive(defmt::Format))]
    pub enum Side: IdKind::Side {
        /// Above the line: story, producers, director, cast.
        Atl = "atl",
        /// Below the line: crew, post, other costs.
        Btl = "btl",
        /// Not a cost at all (a credit granted for financing).
        None = "none",
    }
}

macro_rules! departments {
    ($($variant:ident = $id:literal, $heading:literal;)*) => {
        /// A crawl department (SPEC §2.4). The declaration order is the
        /// default end-crawl order.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum Department {
            $(#[doc = $heading] $variant,)*
        }

        impl Department {
            /// Every department in default end-crawl order.
            pub const ALL: &'static [Department] = &[$(Department::$variant,)*];

            /// The stable snake_case id.
            pub const fn id(self) -> &'static str {
                match self { $(Department::$variant => $id,)* }
            }
            /// The department's heading in the crawl.
            pub const fn heading(self) -> &'static str {
                match self { $(Department::$variant => $heading,)* }
            }
        }
    };
}

departments! {
    ProductionManagement = "production_management", "Production Management";
    Cast = "cast", "Cast";
    Stunts = "stunts", "Stunts";
    Production = "production", "Production";
    Art = "art", "Art Department";
    Camera = "camera", "Camera";
    Grip = "grip", "Grip";
    Electric = "electric", "Electric";
    Sound = "sound", "Sound";
    Costume = "costume", "Costume";
    MakeupHair = "makeup_hair", "Makeup and Hair";
    Locations = "locations", "Locations";
    Transportation = "transportation", "Transportation";
    SpecialEffects = "special_effects", "Special Effects";
    Catering = "catering", "Catering";
    PostProduction = "post_production", "Post Production";
    Editorial = "editorial", "Editorial";
    VisualEffects = "visual_effects", "Visual Effects";
    PostSound = "post_sound", "Post Production Sound";
    Music = "music", "Music";
    AdditionalCrew = "additional_crew", "Additional Crew";
    Thanks = "thanks", "Special Thanks";
    Companies = "companies", "Companies";
}

impl Department {
    /// Position in the default crawl order (0 first).
    pub const fn crawl_position(self) -> u8 {
        self as u8
    }

    /// Look a department up by id (ASCII whitespace trimmed, ASCII
    /// case-insensitive); an unknown id names the nearest one.
    pub fn from_id(id: &str) -> Result<Department, ErrorKind> {
        crate::wire::find(Department::ALL, Department::id, id, IdKind::Department)
    }
}

/// Everything the rules know about one role: one row of [`ROLES`].
///
/// The id and the titles are read through methods: a row keeps 16-bit
/// offsets into the vocabulary's packed text rather than three `&str`.
#[derive(Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RoleInfo {
    /// The role this row describes.
    pub role: Role,
    /// Crawl department.
    pub department: Department,
    /// Rank inside the department: lower ranks come first (heads first).
    pub rank: u8,
    /// Default budget account (default four-digit Hollywood chart).
    pub account: u16,
    /// Default side of the line.
    pub side: Side,
    /// Deal-dependent roles (SPEC §4.1 rule 4): the account used when the
    /// deal puts the role above the line (as a profit participant).
    pub atl_account_when_participant: Option<u16>,
    /// What kind of credit the role gives: which ordering rules and
    /// warnings read it.
    pub credit: Credit,
    /// The principal credit the role belongs to, if any: where the
    /// sequences' rules place it among the principal cards.
    pub principal: Option<Principal>,
    /// Where the id starts in [`TEXT`], and its length.
    id_at: u16,
    id_len: u8,
    /// Where the titles start in [`TEXT`]: the singular is the first
    /// `singular_len` bytes, the plural `plural_len` bytes from
    /// `plural_skip` on.
    titles_at: u16,
    singular_len: u8,
    plural_skip: u8,
    plural_len: u8,
}

impl RoleInfo {
    /// Stable snake_case id, as written in tables.
    pub fn id(&self) -> &'static str {
        text(usize::from(self.id_at), self.id_len)
    }

    /// The id's bytes, without the checks that make them a `&str`.
    fn id_bytes(&self) -> &'static [u8] {
        let at = usize::from(self.id_at);
        TEXT.as_bytes()
            .get(at..at.saturating_add(usize::from(self.id_len)))
            .unwrap_or_default()
    }

    /// On-screen title for one name. `…` marks where the names go.
    #[inline]
    pub fn singular(&self) -> &'static str {
        text(usize::from(self.titles_at), self.singular_len)
    }

    /// On-screen title for several names.
    pub fn plural(&self) -> &'static str {
        let at = usize::from(self.titles_at).saturating_add(usize::from(self.plural_skip));
        text(at, self.plural_len)
    }
}

impl core::fmt::Debug for RoleInfo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RoleInfo")
            .field("role", &self.role)
            .field("id", &self.id())
            .field("department", &self.department)
            .field("rank", &self.rank)
            .field("singular", &self.singular())
            .field("plural", &self.plural())
            .field("account", &self.account)
            .field("side", &self.side)
            .field("atl_account_when_participant", &self.atl_account_when_participant)
            .field("credit", &self.credit)
            .field("principal", &self.principal)
            .finish()
    }
}

/// What kind of credit a role gives: the facts the ordering rules and the
/// guild warnings read, so that no rule keeps a list of roles of its own.
/// One byte of flags per vocabulary row (the footprint check of `.ci/run`
/// holds the vocabulary's flash), read through the methods below.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Credit(u8);

impl Credit {
    const DIRECTS: u8 = 1 << 0;
    const WRITES: u8 = 1 << 1;
    const MERGES_WRITING: u8 = 1 << 2;
    const MERGES_PRODUCING: u8 = 1 << 3;
    const PGA: u8 = 1 << 4;
    const ACTS: u8 = 1 << 5;
    const ONE_DIRECTOR: u8 = 1 << 6;
    const ONE_EDITOR: u8 = 1 << 7;

    /// A credit no special rule reads (crew, companies, most roles).
    pub const PLAIN: Credit = Credit(0);

    /// The director's credit: the possessory credit, the card hyphenates
    /// merge into, the last card of the main titles (SPEC §3.1).
    pub const fn directs(self) -> bool {
        self.0 & Credit::DIRECTS != 0
    }

    /// A writing credit: members of a team are joined with "&", writers
    /// with "and", and the credit is never split across cards (WGA).
    pub const fn writes(self) -> bool {
        self.0 & Credit::WRITES != 0
    }

    /// How the credit merges into the director's card when the director
    /// is its only name (SPEC §3.1 hyphenates), if it does.
    pub const fn merges(self) -> Option<Merge> {
        if self.0 & Credit::MERGES_WRITING != 0 {
            Some(Merge::Writing)
        } else if self.0 & Credit::MERGES_PRODUCING != 0 {
            Some(Merge::Producing)
        } else {
            None
        }
    }

    /// May carry the p.g.a. certification mark.
    pub const fn pga(self) -> bool {
        self.0 & Credit::PGA != 0
    }

    /// A cast credit: above-title billing, the cast block, the full cast
    /// list with characters.
    pub const fn acts(self) -> bool {
        self.0 & Credit::ACTS != 0
    }

    /// The guild rule that allows one such credit per picture without a
    /// waiver, if one does.
    pub const fn one_per_picture(self) -> Option<OnePerPicture> {
        if self.0 & Credit::ONE_DIRECTOR != 0 {
            Some(OnePerPicture::Director)
        } else if self.0 & Credit::ONE_EDITOR != 0 {
            Some(OnePerPicture::Editor)
        } else {
            None
        }
    }
}

impl core::fmt::Debug for Credit {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Credit")
            .field("directs", &self.directs())
            .field("writes", &self.writes())
            .field("merges", &self.merges())
            .field("pga", &self.pga())
            .field("acts", &self.acts())
            .field("one_per_picture", &self.one_per_picture())
            .finish()
    }
}

/// A principal credit: the roles the main titles, the billing block and
/// the head of end-only end credits show on cards of their own, placed by
/// each sequence's rules ([`crate::order::rules`]). Inside one, the roles
/// come in vocabulary order, each under its own heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Principal {
    /// "… presents".
    Distributor,
    /// "in association with …".
    Financiers,
    /// "a … production".
    Companies,
    /// "Directed by", where hyphenates merge.
    Director,
    /// Written, screenplay, teleplay, story, source material.
    Writers,
    /// "Created by", "Developed by".
    Creators,
    /// "Produced by".
    Producers,
    /// Executive producers.
    ExecutiveProducers,
    /// Co-executive producers.
    CoExecutiveProducers,
    /// Supervising and consulting producers (television).
    SupervisingProducers,
    /// The line producer.
    LineProducer,
    /// Co-producers.
    CoProducers,
    /// Associate producers.
    AssociateProducers,
    /// "Casting by".
    Casting,
    /// "Music by", the music supervisor.
    Music,
    /// The costume designer.
    Costume,
    /// "Edited by".
    Editor,
    /// The production designer.
    ProductionDesigner,
    /// The director of photography.
    Photography,
}

/// A row's principal credit as the `roles!` table writes it.
macro_rules! principal {
    (-) => {
        None
    };
    ($principal:ident) => {
        Some(Principal::$principal)
    };
}

/// How a credit merges into the director's card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Merge {
    /// "Written and Directed by".
    Writing,
    /// "Produced and Directed by".
    Producing,
}

/// A credit a guild allows once per picture unless a waiver is on file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum OnePerPicture {
    /// One director per picture, or one team (DGA).
    Director,
    /// One picture editor (Editors Guild).
    Editor,
}

/// The director (one per picture, DGA).
const DIRECTS: Credit = Credit(Credit::DIRECTS | Credit::ONE_DIRECTOR);
/// A writing credit.
const WRITES: Credit = Credit(Credit::WRITES);
/// A writing credit that merges into the director's card.
const WRITES_MERGING: Credit = Credit(Credit::WRITES | Credit::MERGES_WRITING);
/// "Produced by": the p.g.a. mark, and the producing hyphenate.
const PRODUCES: Credit = Credit(Credit::MERGES_PRODUCING | Credit::PGA);
/// The cast.
const ACTS: Credit = Credit(Credit::ACTS);
/// The picture editor (one per picture, Editors Guild).
const EDITS: Credit = Credit(Credit::ONE_EDITOR);
/// Any other role.
const PLAIN: Credit = Credit::PLAIN;

/// `len` bytes of [`TEXT`] from `at` (rows only point at whole strings).
fn text(at: usize, len: u8) -> &'static str {
    TEXT.get(at..at.saturating_add(usize::from(len))).unwrap_or("")
}

macro_rules! roles {
    ($($variant:ident = $id:literal, $dept:ident, $rank:literal, $one:literal, $many:literal, $acct:literal, $side:ident, $deal:expr, $credit:ident, $principal:tt;)*) => {
        /// A role of the vocabulary (SPEC §2.3). `Custom` lets a table credit any
        /// other title inside a chosen department.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        #[repr(u8)]
        #[non_exhaustive]
        pub enum Role {
            $(#[doc = $one] $variant,)*
            /// A title of the table's own, in a department the table names.
            Custom,
        }

        /// The vocabulary as written below, before packing (compile time
        /// only: nothing reads it at run time).
        const SOURCE: &[pack::Source] = &[$(pack::Source {
            role: Role::$variant,
            id: $id,
            department: Department::$dept,
            rank: $rank,
            singular: $one,
            plural: $many,
            account: $acct,
            side: Side::$side,
            atl_account_when_participant: $deal,
            credit: $credit,
            principal: principal!($principal),
        },)*];
    };
}

// id, crawl department, rank, singular title, plural title, default account,
// default side, ATL account for a profit participant (deal-dependent roles),
// what kind of credit it is (see `Credit`), and the principal credit it
// belongs to (see `Principal`; `-` for none). Inside a principal credit,
// roles come in the order of these rows.
roles! {
    Distributor = "distributor", Companies, 0, "… presents", "… present", 7500, Btl, None, PLAIN, Distributor;
    Financier = "financier", Companies, 1, "in association with …", "in association with …", 7500, Btl, None, PLAIN, Financiers;
    ProductionCompany = "production_company", Companies, 2, "a … production", "a … production", 7500, Btl, None, PLAIN, Companies;
    Director = "director", Production, 0, "Directed by", "Directed by", 1300, Atl, None, DIRECTS, Director;
    CoDirector = "co_director", Production, 1, "Co-Director", "Co-Directors", 1300, Atl, None, PLAIN, -;
    WrittenBy = "written_by", Production, 2, "Written by", "Written by", 1100, Atl, None, WRITES_MERGING, Writers;
    ScreenplayBy = "screenplay_by", Production, 2, "Screenplay by", "Screenplay by", 1100, Atl, None, WRITES_MERGING, Writers;
    TeleplayBy = "teleplay_by", Production, 2, "Teleplay by", "Teleplay by", 1100, Atl, None, WRITES, Writers;
    StoryBy = "story_by", Production, 3, "Story by", "Story by", 1100, Atl, None, WRITES, Writers;
    ScreenStoryBy = "screen_story_by", Production, 3, "Screen Story by", "Screen Story by", 1100, Atl, None, WRITES, Writers;
    BasedOn = "based_on", Production, 4, "Based on", "Based on", 1100, Atl, None, WRITES, Writers;
    CharactersBy = "characters_by", Production, 4, "Based on Characters Created by", "Based on Characters Created by", 1100, Atl, None, WRITES, Writers;
    CreatedBy = "created_by", Production, 2, "Created by", "Created by", 1100, Atl, None, WRITES, Creators;
    DevelopedBy = "developed_by", Production, 2, "Developed by", "Developed by", 1100, Atl, None, WRITES, Creators;
    Producer = "producer", Production, 5, "Produced by", "Produced by", 1200, Atl, None, PRODUCES, Producers;
    ExecutiveProducer = "executive_producer", Production, 6, "Executive Producer", "Executive Producers", 1200, Atl, None, PLAIN, ExecutiveProducers;
    CoExecutiveProducer = "co_executive_producer", Production, 7, "Co-Executive Producer", "Co-Executive Producers", 1200, Atl, None, PLAIN, CoExecutiveProducers;
    SupervisingProducer = "supervising_producer", Production, 8, "Supervising Producer", "Supervising Producers", 1200, Atl, None, PLAIN, SupervisingProducers;
    ConsultingProducer = "consulting_producer", Production, 9, "Consulting Producer", "Consulting Producers", 1200, Atl, None, PLAIN, SupervisingProducers;
    LineProducer = "line_producer", Production, 10, "Line Producer", "Line Producers", 2000, Btl, Some(1200), PLAIN, LineProducer;
    CoProducer = "co_producer", Production, 11, "Co-Producer", "Co-Producers", 2000, Btl, Some(1200), PLAIN, CoProducers;
    AssociateProducer = "associate_producer", Production, 12, "Associate Producer", "Associate Producers", 2000, Btl, Some(1200), PLAIN, AssociateProducers;
    AssistantProducer = "assistant_producer", Production, 13, "Assistant Producer", "Assistant Producers", 2000, Btl, Some(1200), PLAIN, -;
    Cast = "cast", Cast, 0, "Cast", "Cast", 1400, Atl, None, ACTS, -;
    StuntCoordinator = "stunt_coordinator", Stunts, 0, "Stunt Coordinator", "Stunt Coordinators", 2150, Btl, Some(1400), PLAIN, -;
    StuntPerformer = "stunt_performer", Stunts, 1, "Stunt Performer", "Stunt Performers", 2150, Btl, None, PLAIN, -;
    StandIn = "stand_in", Cast, 1, "Stand-in", "Stand-ins", 2100, Btl, None, PLAIN, -;
    CastingDirector = "casting_director", Production, 20, "Casting by", "Casting by", 2000, Btl, Some(1400), PLAIN, Casting;
    Composer = "composer", Music, 0, "Music by", "Music by", 5100, Btl, None, PLAIN, Music;
    MusicSupervisor = "music_supervisor", Music, 1, "Music Supervisor", "Music Supervisors", 5100, Btl, None, PLAIN, Music;
    CostumeDesigner = "costume_designer", Costume, 0, "Costume Designer", "Costume Designers", 2900, Btl, None, PLAIN, Costume;
    Editor = "editor", Editorial, 0, "Edited by", "Edited by", 5000, Btl, None, EDITS, Editor;
    ProductionDesigner = "production_designer", Art, 0, "Production Designer", "Production Designers", 2200, Btl, None, PLAIN, ProductionDesigner;
    DirectorOfPhotography = "director_of_photography", Camera, 0, "Director of Photography", "Directors of Photography", 3300, Btl, None, PLAIN, Photography;
    VisualEffectsSupervisor = "visual_effects_supervisor", VisualEffects, 0, "Visual Effects Supervisor", "Visual Effects Supervisors", 5300, Btl, None, PLAIN, -;
    MakeupDesigner = "makeup_designer", MakeupHair, 0, "Makeup Designer", "Makeup Designers", 3100, Btl, None, PLAIN, -;
    Choreographer = "choreographer", AdditionalCrew, 0, "Choreographer", "Choreographers", 2000, Btl, None, PLAIN, -;
    UnitProductionManager = "unit_production_manager", ProductionManagement, 0, "Unit Production Manager", "Unit Production Managers", 2000, Btl, None, PLAIN, -;
    FirstAssistantDirector = "first_assistant_director", ProductionManagement, 1, "First Assistant Director", "First Assistant Directors", 2000, Btl, None, PLAIN, -;
    SecondAssistantDirector = "second_assistant_director", ProductionManagement, 2, "Second Assistant Director", "Second Assistant Directors", 2000, Btl, None, PLAIN, -;
    SecondSecondAssistantDirector = "second_second_assistant_director", Production, 30, "Second Second Assistant Director", "Second Second Assistant Directors", 2000, Btl, None, PLAIN, -;
    ProductionSupervisor = "production_supervisor", Production, 31, "Production Supervisor", "Production Supervisors", 2000, Btl, None, PLAIN, -;
    ProductionCoordinator = "production_coordinator", Production, 32, "Production Coordinator", "Production Coordinators", 2000, Btl, None, PLAIN, -;
    ProductionAccountant = "production_accountant", Production, 33, "Production Accountant", "Production Accountants", 2000, Btl, None, PLAIN, -;
    ScriptSupervisor = "script_supervisor", Production, 34, "Script Supervisor", "Script Supervisors", 2000, Btl, None, PLAIN, -;
    ProductionAssistant = "production_assistant", Production, 40, "Production Assistant", "Production Assistants", 2000, Btl, None, PLAIN, -;
    ArtDirector = "art_director", Art, 1, "Art Director", "Art Directors", 2200, Btl, None, PLAIN, -;
    SetDecorator = "set_decorator", Art, 2, "Set Decorator", "Set Decorators", 2700, Btl, None, PLAIN, -;
    PropertyMaster = "property_master", Art, 3, "Property Master", "Property Masters", 2800, Btl, None, PLAIN, -;
    ConstructionCoordinator = "construction_coordinator", Art, 4, "Construction Coordinator", "Construction Coordinators", 2300, Btl, None, PLAIN, -;
    SetDesigner = "set_designer", Art, 5, "Set Designer", "Set Designers", 2200, Btl, None, PLAIN, -;
    Leadman = "leadman", Art, 6, "Leadman", "Leadmen", 2700, Btl, None, PLAIN, -;
    CameraOperator = "camera_operator", Camera, 1, "Camera Operator", "Camera Operators", 3300, Btl, None, PLAIN, -;
    FirstAssistantCamera = "first_assistant_camera", Camera, 2, "First Assistant Camera", "First Assistant Camera", 3300, Btl, None, PLAIN, -;
    SecondAssistantCamera = "second_assistant_camera", Camera, 3, "Second Assistant Camera", "Second Assistant Camera", 3300, Btl, None, PLAIN, -;
    DigitalImagingTechnician = "digital_imaging_technician", Camera, 4, "Digital Imaging Technician", "Digital Imaging Technicians", 3300, Btl, None, PLAIN, -;
    StillPhotographer = "still_photographer", Camera, 5, "Still Photographer", "Still Photographers", 3300, Btl, None, PLAIN, -;
    SteadicamOperator = "steadicam_operator", Camera, 6, "Steadicam Operator", "Steadicam Operators", 3300, Btl, None, PLAIN, -;
    KeyGrip = "key_grip", Grip, 0, "Key Grip", "Key Grips", 2500, Btl, None, PLAIN, -;
    BestBoyGrip = "best_boy_grip", Grip, 1, "Best Boy Grip", "Best Boy Grips", 2500, Btl, None, PLAIN, -;
    DollyGrip = "dolly_grip", Grip, 2, "Dolly Grip", "Dolly Grips", 2500, Btl, None, PLAIN, -;
    Grip = "grip", Grip, 3, "Grip", "Grips", 2500, Btl, None, PLAIN, -;
    Gaffer = "gaffer", Electric, 0, "Gaffer", "Gaffers", 3200, Btl, None, PLAIN, -;
    BestBoyElectric = "best_boy_electric", Electric, 1, "Best Boy Electric", "Best Boy Electrics", 3200, Btl, None, PLAIN, -;
    RiggingGaffer = "rigging_gaffer", Electric, 2, "Rigging Gaffer", "Rigging Gaffers", 3200, Btl, None, PLAIN, -;
    Electrician = "electrician", Electric, 3, "Electrician", "Electricians", 3200, Btl, None, PLAIN, -;
    GeneratorOperator = "generator_operator", Electric, 4, "Generator Operator", "Generator Operators", 3200, Btl, None, PLAIN, -;
    LightingBoardOperator = "lighting_board_operator", Electric, 5, "Lighting Board Operator", "Lighting Board Operators", 3200, Btl, None, PLAIN, -;
    ProductionSoundMixer = "production_sound_mixer", Sound, 0, "Production Sound Mixer", "Production Sound Mixers", 3400, Btl, None, PLAIN, -;
    BoomOperator = "boom_operator", Sound, 1, "Boom Operator", "Boom Operators", 3400, Btl, None, PLAIN, -;
    SoundUtility = "sound_utility", Sound, 2, "Sound Utility", "Sound Utilities", 3400, Btl, None, PLAIN, -;
    CostumeSupervisor = "costume_supervisor", Costume, 1, "Costume Supervisor", "Costume Supervisors", 2900, Btl, None, PLAIN, -;
    KeyCostumer = "key_costumer", Costume, 2, "Key Costumer", "Key Costumers", 2900, Btl, None, PLAIN, -;
    Costumer = "costumer", Costume, 3, "Costumer", "Costumers", 2900, Btl, None, PLAIN, -;
    MakeupDepartmentHead = "makeup_department_head", MakeupHair, 1, "Makeup Department Head", "Makeup Department Heads", 3100, Btl, None, PLAIN, -;
    KeyMakeupArtist = "key_makeup_artist", MakeupHair, 2, "Key Makeup Artist", "Key Makeup Artists", 3100, Btl, None, PLAIN, -;
    HairDepartmentHead = "hair_department_head", MakeupHair, 3, "Hair Department Head", "Hair Department Heads", 3100, Btl, None, PLAIN, -;
    KeyHairstylist = "key_hairstylist", MakeupHair, 4, "Key Hairstylist", "Key Hairstylists", 3100, Btl, None, PLAIN, -;
    LocationManager = "location_manager", Locations, 0, "Location Manager", "Location Managers", 3600, Btl, None, PLAIN, -;
    AssistantLocationManager = "assistant_location_manager", Locations, 1, "Assistant Location Manager", "Assistant Location Managers", 3600, Btl, None, PLAIN, -;
    TransportationCoordinator = "transportation_coordinator", Transportation, 0, "Transportation Coordinator", "Transportation Coordinators", 3500, Btl, None, PLAIN, -;
    TransportationCaptain = "transportation_captain", Transportation, 1, "Transportation Captain", "Transportation Captains", 3500, Btl, None, PLAIN, -;
    Driver = "driver", Transportation, 2, "Driver", "Drivers", 3500, Btl, None, PLAIN, -;
    SpecialEffectsCoordinator = "special_effects_coordinator", SpecialEffects, 0, "Special Effects Coordinator", "Special Effects Coordinators", 2600, Btl, None, PLAIN, -;
    SpecialEffectsTechnician = "special_effects_technician", SpecialEffects, 1, "Special Effects Technician", "Special Effects Technicians", 2600, Btl, None, PLAIN, -;
    PostProductionSupervisor = "post_production_supervisor", PostProduction, 0, "Post Production Supervisor", "Post Production Supervisors", 5000, Btl, None, PLAIN, -;
    Colorist = "colorist", PostProduction, 1, "Colorist", "Colorists", 5500, Btl, None, PLAIN, -;
    FirstAssistantEditor = "first_assistant_editor", Editorial, 1, "First Assistant Editor", "First Assistant Editors", 5000, Btl, None, PLAIN, -;
    AssistantEditor = "assistant_editor", Editorial, 2, "Assistant Editor", "Assistant Editors", 5000, Btl, None, PLAIN, -;
    VisualEffectsProducer = "visual_effects_producer", VisualEffects, 1, "Visual Effects Producer", "Visual Effects Producers", 5300, Btl, None, PLAIN, -;
    VisualEffectsCoordinator = "visual_effects_coordinator", VisualEffects, 2, "Visual Effects Coordinator", "Visual Effects Coordinators", 5300, Btl, None, PLAIN, -;
    SupervisingSoundEditor = "supervising_sound_editor", PostSound, 0, "Supervising Sound Editor", "Supervising Sound Editors", 5200, Btl, None, PLAIN, -;
    ReRecordingMixer = "re_recording_mixer", PostSound, 1, "Re-recording Mixer", "Re-recording Mixers", 5200, Btl, None, PLAIN, -;
    FoleyArtist = "foley_artist", PostSound, 2, "Foley Artist", "Foley Artists", 5200, Btl, None, PLAIN, -;
    MusicEditor = "music_editor", Music, 2, "Music Editor", "Music Editors", 5100, Btl, None, PLAIN, -;
    Orchestrator = "orchestrator", Music, 3, "Orchestrator", "Orchestrators", 5100, Btl, None, PLAIN, -;
    Caterer = "caterer", Catering, 0, "Catering by", "Catering by", 3600, Btl, None, PLAIN, -;
    CraftService = "craft_service", Catering, 1, "Craft Service", "Craft Service", 3600, Btl, None, PLAIN, -;
    UnitPublicist = "unit_publicist", AdditionalCrew, 1, "Unit Publicist", "Unit Publicists", 7100, Btl, None, PLAIN, -;
    StudioTeacher = "studio_teacher", AdditionalCrew, 2, "Studio Teacher", "Studio Teachers", 2000, Btl, None, PLAIN, -;
    SetMedic = "set_medic", AdditionalCrew, 3, "Set Medic", "Set Medics", 2000, Btl, None, PLAIN, -;
    SpecialThanks = "special_thanks", Thanks, 0, "Special Thanks", "Special Thanks", 7900, Btl, None, PLAIN, -;
}

/// Roles in the vocabulary ([`Role::Custom`] is not one of them).
const ROLE_COUNT: usize = SOURCE.len();
/// Bytes of the packed ids and titles.
const TEXT_LEN: usize = pack::pack::<ROLE_COUNT, { pack::unshared_len(SOURCE) }>(SOURCE).used;
const PACKED: pack::Packed<ROLE_COUNT, TEXT_LEN> = pack::pack(SOURCE);
const ROWS: [RoleInfo; ROLE_COUNT] = PACKED.rows;
const TEXT_BYTES: [u8; TEXT_LEN] = PACKED.text;
/// Every id and title of the vocabulary, back to back; rows point into it.
/// Evaluated at compile time: a text that is not UTF-8 fails the build,
/// never a run.
const TEXT: &str = match core::str::from_utf8(&TEXT_BYTES) {
    Ok(text) => text,
    Err(_) => panic!("the packed text is whole strings"),
};

/// The vocabulary, one row per role, indexed by the role's `u8` code.
pub const ROLES: &[RoleInfo] = &ROWS;

/// Where [`Role::from_id`] finds an id as written in the vocabulary.
const ROLE_INDEX: IdIndex<256> = IdIndex::new(&role_ids());

#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // compile time: a bad index fails the build
const fn role_ids() -> [&'static str; ROLE_COUNT] {
    let mut ids = [""; ROLE_COUNT];
    let mut i = 0;
    while i < ROLE_COUNT {
        ids[i] = SOURCE[i].id;
        i += 1;
    }
    ids
}

/// The id of [`Role::Custom`].
pub(crate) const CUSTOM_ID: &str = "custom";

/// Rank given to custom entries: after every vocabulary role of their department.
pub(crate) const CUSTOM_RANK: u8 = u8::MAX;

impl Role {
    /// The role's row in [`ROLES`], or `None` for [`Role::Custom`].
    #[inline]
    pub fn info(self) -> Option<&'static RoleInfo> {
        ROLES.get(self as usize)
    }

    /// The stable snake_case id.
    pub fn id(self) -> &'static str {
        self.info().map_or(CUSTOM_ID, RoleInfo::id)
    }

    /// What kind of credit the role gives ([`Credit::PLAIN`] for
    /// [`Role::Custom`]).
    #[inline]
    pub fn credit(self) -> Credit {
        self.info().map_or(Credit::PLAIN, |info| info.credit)
    }

    /// The role whose id is exactly `id`, as written in the vocabulary
    /// (the fast path of [`Role::from_id`]; `custom` is not in it).
    pub(crate) fn from_exact_id(id: &str) -> Option<Role> {
        ROLE_INDEX
            .find(id, |code| ROLES.get(code).map(RoleInfo::id_bytes))
            .and_then(|code| ROLES.get(code))
            .map(|info| info.role)
    }

    /// Look a role up by id: exact match after trimming ASCII whitespace
    /// and ASCII case folding, so `director_of_photography` is never read as `director`.
    /// An unknown id suggests the nearest known one.
    pub fn from_id(id: &str) -> Result<Role, ErrorKind> {
        if let Some(role) = Role::from_exact_id(id) {
            return Ok(role);
        }
        let wanted = id.trim_ascii();
        if wanted.eq_ignore_ascii_case(CUSTOM_ID) {
            return Ok(Role::Custom);
        }
        ROLES
            .iter()
            .find(|info| info.id().eq_ignore_ascii_case(wanted))
            .map(|info| info.role)
            .ok_or_else(|| {
                let mut ids = ROLES.iter().map(RoleInfo::id).chain(core::iter::once(CUSTOM_ID));
                crate::wire::unknown(IdKind::Role, wanted, &mut ids)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_rows_are_indexed_by_role_code() {
        for (code, info) in ROLES.iter().enumerate() {
            assert_eq!(info.role as usize, code, "row {} is out of place", info.id());
            assert_eq!(Role::from_id(info.id()), Ok(info.role));
        }
        assert_eq!(Role::Custom as usize, ROLES.len());
        assert_eq!(Role::Custom.info(), None);
    }

    #[test]
    fn packed_rows_read_back_the_table_as_written() {
        assert_eq!(ROLES.len(), SOURCE.len());
        for (info, source) in ROLES.iter().zip(SOURCE) {
            assert_eq!(info.role, source.role);
            assert_eq!(info.id(), source.id);
            assert_eq!(info.department, source.department, "{}", source.id);
            assert_eq!(info.rank, source.rank, "{}", source.id);
            assert_eq!(info.singular(), source.singular, "{}", source.id);
            assert_eq!(info.plural(), source.plural, "{}", source.id);
            assert_eq!(info.account, source.account, "{}", source.id);
            assert_eq!(info.side, source.side, "{}", source.id);
            assert_eq!(
                info.atl_account_when_participant, source.atl_account_when_participant,
                "{}",
                source.id
            );
        }
        // Each shape of title pair: plural adds to the singular, equals it,
        // is shorter than it, or is spelled apart.
        let titles = |role: Role| role.info().map(|info| (info.singular(), info.plural()));
        assert_eq!(titles(Role::ArtDirector), Some(("Art Director", "Art Directors")));
        assert_eq!(titles(Role::Producer), Some(("Produced by", "Produced by")));
        assert_eq!(titles(Role::Distributor), Some(("… presents", "… present")));
        assert_eq!(titles(Role::Leadman), Some(("Leadman", "Leadmen")));
        assert_eq!(
            titles(Role::SoundUtility),
            Some(("Sound Utility", "Sound Utilities"))
        );
        assert_eq!(
            titles(Role::DirectorOfPhotography),
            Some(("Director of Photography", "Directors of Photography"))
        );
        // Shared titles make the text shorter than the strings apart.
        assert!(TEXT.len() + 1000 < pack::unshared_len(SOURCE));
    }

    #[test]
    fn ids_are_found_as_written_trimmed_or_in_any_case() {
        for info in ROLES {
            assert_eq!(Role::from_id(info.id()), Ok(info.role), "{}", info.id());
            // " DIRECTOR\t"
            let len = info.id().len();
            let mut buffer = [b' '; 64];
            buffer[1..=len].copy_from_slice(info.id().as_bytes());
            buffer[1..=len].make_ascii_uppercase();
            buffer[len + 1] = b'\t';
            let padded = core::str::from_utf8(&buffer[..len + 2]).unwrap();
            assert_eq!(Role::from_id(padded), Ok(info.role), "{}", info.id());
        }
        assert_eq!(Role::from_id(" Custom "), Ok(Role::Custom));
        assert!(Role::from_id("director_").is_err());
    }

    #[test]
    fn ids_are_unique_snake_case() {
        for (i, a) in ROLES.iter().enumerate() {
            assert!(a.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            for b in ROLES.iter().skip(i + 1) {
                assert_ne!(a.id(), b.id());
            }
        }
    }

    #[test]
    fn matching_is_exact_after_trim_and_case_fold() {
        assert_eq!(
            Role::from_id("  Director_Of_Photography "),
            Ok(Role::DirectorOfPhotography)
        );
        assert_eq!(Role::from_id("DIRECTOR"), Ok(Role::Director));
        assert!(Role::from_id("director of photography").is_err());
        assert!(Role::from_id("direct").is_err());
    }

    #[test]
    fn unknown_role_suggests_nearest_id() {
        let suggest = |id: &str| match Role::from_id(id) {
            Err(ErrorKind::Unknown {
                kind: IdKind::Role,
                suggestion,
            }) => suggestion.map(|s| s.as_str()),
            other => panic!("expected an unknown role, got {other:?}"),
        };
        assert_eq!(suggest("diretor"), Some("director"));
        assert_eq!(suggest("director_of_photografy"), Some("director_of_photography"));
        assert_eq!(suggest("custon"), Some("custom"));
        assert_eq!(suggest("zzzzzzzzzzzzz"), None);
    }

    #[test]
    fn departments_are_in_crawl_order() {
        let ids: [&str; 6] = [
            "production_management",
            "cast",
            "stunts",
            "production",
            "art",
            "camera",
        ];
        for (position, id) in ids.iter().enumerate() {
            assert_eq!(
                Department::from_id(id).map(|d| d.crawl_position()),
                Ok(position as u8)
            );
        }
        assert_eq!(
            Department::from_id("Visual_Effects"),
            Ok(Department::VisualEffects)
        );
        assert!(Department::from_id("wardrobe").is_err());
    }

    /// The credit kinds as SPEC §3 and the guilds state them: one
    /// director per picture (DGA), one picture editor (Editors Guild), the
    /// writing credits of §2.3 joined by WGA rules, "Written by" and
    /// "Screenplay by" (not story or source credits) and "Produced by"
    /// merging into the director's card (§3.1), p.g.a. on "Produced by"
    /// only, and the cast.
    #[test]
    fn credit_kinds_follow_the_rules() {
        let with = |test: fn(Credit) -> bool| {
            ROLES
                .iter()
                .filter(|info| test(info.credit))
                .map(|info| info.id())
                .collect::<heapless::Vec<&str, 16>>()
        };
        assert_eq!(with(Credit::directs), ["director"]);
        assert_eq!(
            with(Credit::writes),
            [
                "written_by",
                "screenplay_by",
                "teleplay_by",
                "story_by",
                "screen_story_by",
                "based_on",
                "characters_by",
                "created_by",
                "developed_by"
            ]
        );
        assert_eq!(
            with(|c| c.merges() == Some(Merge::Writing)),
            ["written_by", "screenplay_by"]
        );
        assert_eq!(with(|c| c.merges() == Some(Merge::Producing)), ["producer"]);
        assert_eq!(with(Credit::pga), ["producer"]);
        assert_eq!(with(Credit::acts), ["cast"]);
        assert_eq!(
            with(|c| c.one_per_picture() == Some(OnePerPicture::Director)),
            ["director"]
        );
        assert_eq!(
            with(|c| c.one_per_picture() == Some(OnePerPicture::Editor)),
            ["editor"]
        );
        assert_eq!(Role::Custom.credit(), Credit::PLAIN);
    }

    #[test]
    fn deal_dependent_roles_are_exactly_the_six_of_the_spec() {
        let deal: [Role; 6] = [
            Role::AssociateProducer,
            Role::CoProducer,
            Role::AssistantProducer,
            Role::LineProducer,
            Role::CastingDirector,
            Role::StuntCoordinator,
        ];
        for info in ROLES {
            assert_eq!(
                info.atl_account_when_participant.is_some(),
                deal.contains(&info.role),
                "{}",
                info.id()
            );
        }
    }
}
